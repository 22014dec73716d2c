package lscb.population;

/** What the population stage read and wrote: line counts (read = used + out of scope + rejected) and table sizes. */
public record PopulationResult(int files, long rowsRead, long used, long outOfScope, long rejected,
    long rejectRows, long councilYears, long boardYears, long regionYears) {}
