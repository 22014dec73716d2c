package lscb.ingest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lscb.schema.Schemas;
import org.apache.spark.sql.Row;

/** Per input file: records read = accepted + superseded + rejected. */
public record Reconciliation(List<FileCount> files) {

  /** One input file's counts, and the problem with the file as a whole if any. */
  public record FileCount(int surveyYear, String file, long read, long accepted, long superseded, long rejected,
      String fileProblem) {
    boolean balanced() {
      return read == accepted + superseded + rejected;
    }
  }

  /** Fails when any file's records are not all accounted for (a bug, never a user error). */
  public void requireBalanced() {
    for (FileCount f : files) {
      if (!f.balanced()) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "reconciliation failed for %s: read %d != accepted %d + superseded %d + rejected %d",
            f.file(), f.read(), f.accepted(), f.superseded(), f.rejected()));
      }
    }
  }

  /** Accepted returns of a survey year. */
  public long accepted(int year) {
    return files.stream().filter(f -> f.surveyYear() == year).mapToLong(FileCount::accepted).sum();
  }

  /** Rejected records over all files. */
  public long rejected() {
    return files.stream().mapToLong(FileCount::rejected).sum();
  }

  /** Files rejected as a whole (wrong encoding or header). */
  public List<FileCount> rejectedFiles() {
    return files.stream().filter(f -> f.fileProblem() != null).toList();
  }

  /** The rows of the reconciliation table. */
  public List<Row> rows() {
    return files.stream().map(f -> Schemas.row("reconciliation").set("survey_year", f.surveyYear())
        .set("source_file", f.file()).set("records_read", f.read()).set("accepted", f.accepted())
        .set("superseded", f.superseded()).set("rejected", f.rejected()).set("file_problem", f.fileProblem())
        .build()).collect(Collectors.toList());
  }

  /** The one-line summary for the progress line. */
  public String summary() {
    long read = files.stream().mapToLong(FileCount::read).sum();
    long superseded = files.stream().mapToLong(FileCount::superseded).sum();
    return String.format(Locale.ROOT, "%d files, %d records read = %d accepted (2006: %d, 2007: %d) + %d "
        + "superseded + %d rejected", files.size(), read, accepted(2006) + accepted(2007), accepted(2006),
        accepted(2007), superseded, rejected());
  }

  /** The reconciliation as a table for the terminal. */
  public String table() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-4s  %-40s %6s %9s %11s %9s%n",
        "year", "file", "read", "accepted", "superseded", "rejected"));
    for (FileCount f : files) {
      out.append(String.format(Locale.ROOT, "%-4d  %-40s %6d %9d %11d %9d%n", f.surveyYear(), f.file(), f.read(),
          f.accepted(), f.superseded(), f.rejected()));
    }
    return out.toString();
  }
}
