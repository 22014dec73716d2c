package lscb.synth;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import lscb.io.Progress;
import lscb.io.UserError;

/**
 * Writes the reconstructed 2006 and 2007 raw returns (and each year's README) under a raw root:
 * deterministic for a seed, and refused unless every figure of figures.csv is reproduced.
 */
public final class Reconstruction {
  /** The seed the shipped files were generated with. */
  public static final long DEFAULT_SEED = 20071122L;

  private Reconstruction() {}

  /** What was written; deliberatelyRejected lists "file:line" of each record written to be rejected. */
  public record Summary(int accepted2006, int accepted2007, int deliberate2006, int deliberate2007,
      int figuresChecked, List<String> deliberatelyRejected) {}

  /** Generates and writes the returns; rawRoot, referenceRoot and publishedRoot are Hadoop paths or URIs. */
  public static Summary run(long seed, String rawRoot, String referenceRoot, String publishedRoot, Progress progress) {
    Progress.Stage stage = progress.start("reconstruct: draw");
    Register register = Register.load(referenceRoot);
    NameVariants names = new NameVariants(register);
    Draw root = new Draw(seed);
    List<Return2007> y2007 = Plan2007.draw(register, names, root.split());
    List<Return2006> y2006 = Plan2006.draw(register, names, root.split());
    Draw files = root.split();
    stage.done(y2006.size() + " returns 2006, " + y2007.size() + " returns 2007, seed " + seed);

    stage = progress.start("reconstruct: self-check");
    String figuresCsv = join(publishedRoot, "figures.csv");
    Consistency.check(y2006, y2007, register, names);
    Map<String, BigDecimal> figures = SelfCheck.figures(y2006, y2007, register);
    List<String> failures = SelfCheck.failures(figures, figuresCsv);
    if (!failures.isEmpty()) {
      throw new UserError("seed " + seed + " does not reproduce " + failures.size()
          + " published figure(s), e.g. " + failures.get(0) + "; choose another --seed", 3);
    }
    int checked = figures.size();
    stage.done(checked + " figures reproduced (per-child figures left to the conformance stage)");

    stage = progress.start("reconstruct: write");
    Files2006.Layout l2006 = Files2006.layout(y2006, names, files.split());
    Files2007.Layout l2007 = Files2007.layout(y2007, names, files.split());
    String dir2006 = join(rawRoot, "returns/2006");
    String dir2007 = join(rawRoot, "returns/2007");
    warnAboutOthers(dir2006, ".csv", l2006.files().keySet(), progress);
    warnAboutOthers(dir2007, ".jsonl", List.of(Files2007.FILE), progress);
    l2006.files().forEach((name, bytes) -> RawFiles.write(join(dir2006, name), bytes));
    RawFiles.write(join(dir2007, Files2007.FILE), l2007.file());
    RawFiles.write(join(dir2006, "README.md"), Readmes.year2006(seed, figures, figuresCsv, l2006.deliberate())
        .getBytes(StandardCharsets.UTF_8));
    RawFiles.write(join(dir2007, "README.md"), Readmes.year2007(seed, figures, figuresCsv, l2007.deliberate())
        .getBytes(StandardCharsets.UTF_8));
    stage.done("wrote " + dir2006 + " (" + l2006.files().size() + " files, " + l2006.deliberate().size()
        + " deliberate records) and " + dir2007 + " (" + l2007.deliberate().size() + " deliberate records)");
    List<String> rejected = java.util.stream.Stream.concat(l2006.deliberate().stream(), l2007.deliberate().stream())
        .filter(d -> d.outcome().equals("rejected")).map(d -> d.file() + ":" + d.line()).sorted().toList();
    return new Summary(y2006.size(), y2007.size(), l2006.deliberate().size(), l2007.deliberate().size(), checked,
        rejected);
  }

  private static void warnAboutOthers(String dir, String suffix, java.util.Collection<String> ours, Progress progress) {
    for (String name : RawFiles.list(dir, suffix)) {
      if (!ours.contains(name)) {
        progress.start("reconstruct: note").done(dir + "/" + name
            + " is not a reconstructed file and is left in place: the normaliser will read it too");
      }
    }
  }

  static String join(String root, String relative) {
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }
}
