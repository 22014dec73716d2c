package lscb.synth;

/** A record written on purpose to be rejected or superseded, listed in the year's README. */
record Deliberate(String file, int line, String ref, String outcome, String what) {}
