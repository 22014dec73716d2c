package lscb.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * {@code ./lscb benchmark --scale [1M,10M,120M]}: the population stage on synthetic small-area inputs
 * of about 1M, 10M and 120M values, or 30M and 60M when named (generated once by
 * {@code lscb synth-population --small-areas} and cached in bench-data/, which git ignores), beside the
 * same sums in DuckDB on the same files, the two alternating; checks that both give the same children per council and year, and prints wall, CPU and
 * peak RSS of each (each a whole process tree, see {@link #run}; Spark through the launcher with its
 * default heap), the ratio, the time per million values and that of the growth from the size before; with
 * three sizes or more, the least-squares line of wall time against values (fixed cost, cost per million).
 */
public final class ScaleBenchmark {
  /** One input size: its label, the small areas and years that make it. */
  record Size(String label, int areas, int years) {}

  /** One measured process. */
  record Measured(double wallSeconds, double cpuSeconds, long peakRssKib, int exit) {}

  /** Linux's USER_HZ, the unit of utime and stime in /proc/PID/stat (100 on every mainstream architecture). */
  private static final long CLOCK_TICKS = 100;
  /** The kernel's flag for a process that is exiting (include/linux/sched.h). */
  private static final long PF_EXITING = 0x4;
  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

  /**
   * The sizes there are; 30M and 60M are the 120M set's areas over 5 and 10 years, so that 30M, 60M and
   * 120M grow by files of one shape alone.
   */
  static final List<Size> SIZES = List.of(new Size("1M", 2_750, 2), new Size("10M", 27_500, 2),
      new Size("30M", 33_000, 5), new Size("60M", 33_000, 10), new Size("120M", 33_000, 20));
  /** The sizes run when none are named. */
  static final List<String> DEFAULT = List.of("1M", "10M", "120M");

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    List<String> wanted = args.length > 1 && !args[1].startsWith("--") ? Arrays.asList(args[1].split(","))
        : DEFAULT;
    for (String label : wanted) {
      if (SIZES.stream().noneMatch(size -> size.label().equals(label))) {
        System.err.println("lscb: benchmark --scale: unknown size '" + label + "'; the sizes are "
            + SIZES.stream().map(Size::label).toList() + ", e.g. ./lscb benchmark --scale 1M,10M");
        System.exit(2);
      }
    }
    boolean generateOnly = Arrays.asList(args).contains("--generate-only");
    Path cache = root.resolve("bench-data/scale");
    Files.createDirectories(cache.resolve("logs"));
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("benchmark --scale: %s, %d cores, load average %s; inputs cached in %s%n", Instant.now(), cores,
        Files.readString(Path.of("/proc/loadavg")).trim(), cache);
    run(root, cache.resolve("logs/warm-up.log"), List.of("./lscb", "--help"));
    List<String> table = new ArrayList<>();
    table.add("| values | files, MB | Spark wall | Spark CPU | Spark peak RSS | DuckDB wall | DuckDB CPU"
        + " | DuckDB peak RSS | Spark / DuckDB | Spark s per M values | Spark s per M more values than the size"
        + " before | sums per council-year |");
    table.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    int index = 0;
    List<Walls> measured = new ArrayList<>();
    for (Size size : SIZES) {
      if (!wanted.contains(size.label())) {
        continue;
      }
      Path data = cache.resolve(size.label());
      String[] made = generate(root, cache, data, size);
      if (generateOnly) {
        continue;
      }
      long values = Long.parseLong(made[0]);
      Path sparkOut = cache.resolve("out-" + size.label());
      Path duckOut = cache.resolve("duckdb-" + size.label() + ".csv");
      List<String> spark = List.of("./lscb", "population", "--population", data.toString(), "--out", sparkOut.toString());
      List<String> duck = List.of("java", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          DuckDbPopulation.class.getName(), data.toString(), root.resolve("data/reference/area_crosswalk.csv").toString(),
          duckOut.toString(), String.valueOf(cores), "2GB");
      // Alternate which goes first, so neither always meets a warmer or colder page cache.
      Measured s;
      Measured d;
      if (index++ % 2 == 0) {
        s = run(root, cache.resolve("logs/spark-" + size.label() + ".log"), spark);
        d = run(root, cache.resolve("logs/duckdb-" + size.label() + ".log"), duck);
      } else {
        d = run(root, cache.resolve("logs/duckdb-" + size.label() + ".log"), duck);
        s = run(root, cache.resolve("logs/spark-" + size.label() + ".log"), spark);
      }
      String sums = s.exit() != 0 || d.exit() != 0 ? "not compared (a run failed: exit " + s.exit() + "/" + d.exit()
          + ", see bench-data/scale/logs)" : compare(runFolder(sparkOut), duckOut);
      // The time per million values of the growth from the size before (in this run): linearity without the
      // fixed cost of starting a JVM and Spark, which the plain time per million values carries.
      Walls now = new Walls(values, s.wallSeconds(), d.wallSeconds());
      Walls before = measured.isEmpty() ? null : measured.get(measured.size() - 1);
      String more = before == null ? "" : String.format(Locale.ROOT, "%.3f s", now.perMillionMore(before, Walls::spark));
      String moreDuck = before == null ? "" : String.format(Locale.ROOT, "; per million more values than %,d:"
          + " Spark %s, DuckDB %.3f s", before.values(), more, now.perMillionMore(before, Walls::duckDb));
      System.out.printf(Locale.ROOT, "benchmark --scale %s: %,d values in %s files (%s MB): Spark %.1f s wall, %.1f s CPU,"
              + " %.2f GiB peak RSS (exit %d) | DuckDB %.1f s wall, %.1f s CPU, %.2f GiB peak RSS | Spark/DuckDB %.1fx"
              + " | per million values: Spark %.3f s, DuckDB %.3f s%s | %s%n",
          size.label(), values, made[2], made[1], s.wallSeconds(), s.cpuSeconds(), gib(s), s.exit(), d.wallSeconds(),
          d.cpuSeconds(), gib(d), s.wallSeconds() / d.wallSeconds(), s.wallSeconds() / (values / 1e6),
          d.wallSeconds() / (values / 1e6), moreDuck, sums);
      table.add(String.format(Locale.ROOT, "| %,d | %s, %s | %.1f s | %.1f s | %.2f GiB | %.1f s | %.1f s | %.2f GiB"
              + " | %.1fx | %.3f s | %s | %s |", values, made[2], made[1], s.wallSeconds(), s.cpuSeconds(), gib(s),
          d.wallSeconds(), d.cpuSeconds(), gib(d), s.wallSeconds() / d.wallSeconds(), s.wallSeconds() / (values / 1e6),
          more, sums));
      measured.add(now);
    }
    if (!generateOnly) {
      System.out.println("benchmark --scale: table for the README:");
      table.forEach(System.out::println);
      if (measured.size() >= 3) {
        System.out.println("benchmark --scale: wall time as a fixed cost plus a cost per million values (least squares"
            + " over the " + measured.size() + " sizes): Spark " + line(measured, Walls::spark) + "; DuckDB "
            + line(measured, Walls::duckDb));
      }
    }
  }

  /** One size's values and the two engines' wall seconds on it. */
  record Walls(long values, double spark, double duckDb) {
    double millions() {
      return values / 1e6;
    }

    /** An engine's seconds per million values of the growth from a smaller size. */
    double perMillionMore(Walls before, ToDoubleFunction<Walls> engine) {
      return (engine.applyAsDouble(this) - engine.applyAsDouble(before)) / (millions() - before.millions());
    }
  }

  /**
   * "F s + m s per million values (R^2 r; every size within p % of the line)": the least-squares line of
   * an engine's wall seconds against millions of values, and how far the farthest size lies from it.
   */
  static String line(List<Walls> sizes, ToDoubleFunction<Walls> engine) {
    SimpleRegression fit = new SimpleRegression();
    sizes.forEach(w -> fit.addData(w.millions(), engine.applyAsDouble(w)));
    double farthest = sizes.stream().mapToDouble(w -> Math.abs(engine.applyAsDouble(w) / fit.predict(w.millions()) - 1))
        .max().orElse(0);
    return String.format(Locale.ROOT, "%.2f s + %.3f s per million values (R^2 %.3f; every size within %.1f %% of the"
        + " line)", fit.getIntercept(), fit.getSlope(), fit.getRSquare(), 100 * farthest);
  }

  /** Generates one size unless the cache has it; returns its values, MB and files. */
  private static String[] generate(Path root, Path cache, Path data, Size size) throws Exception {
    Path done = cache.resolve(size.label() + ".done");
    String key = size.areas() + " areas, " + size.years() + " years";
    if (Files.exists(done) && Files.readAllLines(done).get(0).equals(key)) {
      return Files.readAllLines(done).get(1).split(" ");
    }
    Path log = cache.resolve("logs/generate-" + size.label() + ".log");
    Measured m = run(root, log, List.of("./lscb", "synth-population", "--small-areas", data.toString(),
        "--areas", String.valueOf(size.areas()), "--years", String.valueOf(size.years())));
    if (m.exit() != 0) {
      throw new IllegalStateException("generating " + size.label() + " failed; see " + log);
    }
    long bytes = 0;
    int files = 0;
    for (File f : data.toFile().listFiles()) {
      bytes += f.length();
      files++;
    }
    String line = Files.readString(log);
    String values = line.replaceAll("(?s).*= ([0-9,]+) values.*", "$1").replace(",", "");
    Files.writeString(done, key + "\n" + values + " " + (bytes >> 20) + " " + files + "\n");
    System.out.printf("benchmark --scale: generated %s (%s values, %d files, %d MB) in %.1f s%n", size.label(), values,
        files, bytes >> 20, m.wallSeconds());
    return new String[] {values, String.valueOf(bytes >> 20), String.valueOf(files)};
  }

  /**
   * Runs a command in {@code root}, output to {@code log}, and measures its whole process tree (the
   * launcher's bash and the java under it, which bash starts as a child, not by exec): every 50 ms
   * each live process of the tree (the root and {@link ProcessHandle#descendants()}) is read from
   * /proc. Peak RSS is the largest sum of the tree's VmRSS in one sample (so a process's own high-water
   * mark, VmHWM, is not added to others' at other times; pages shared between processes count twice,
   * a few MiB for bash). CPU is the sum over the tree's processes of the last utime + stime seen
   * for each, so processes that ended still count; it misses at most the last 50 ms of each process
   * and processes that live less than 50 ms (the launcher's short helpers). A line that cannot be
   * parsed, or a run of over a second that shows no CPU or no memory, throws: never a silent 0.
   */
  static Measured run(Path root, Path log, List<String> command) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    Map<Long, Long> ticks = new HashMap<>();
    long peak = 0;
    while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
      long rss = 0;
      List<ProcessHandle> tree = new ArrayList<>(List.of(process.toHandle()));
      process.descendants().forEach(tree::add);
      for (ProcessHandle p : tree) {
        long[] sample = sample(p.pid());
        if (sample != null) {
          rss += sample[0];
          ticks.put(p.pid(), sample[1]);
        }
      }
      peak = Math.max(peak, rss);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = ticks.values().stream().mapToLong(Long::longValue).sum() / (double) CLOCK_TICKS;
    if (wall > 1 && (cpu == 0 || peak == 0)) {
      throw new IllegalStateException(String.format(Locale.ROOT, "measuring %s: %.1f s wall but %.2f s CPU and %d KiB"
          + " peak RSS were seen in /proc; the sampling is broken", command, wall, cpu, peak));
    }
    return new Measured(wall, cpu, peak, process.exitValue());
  }

  /**
   * One process: {VmRSS in KiB, utime + stime in clock ticks}, or null when it has ended (its /proc
   * entry is gone, or it is a zombie, which has no memory and whose CPU was seen while it ran).
   */
  static long[] sample(long pid) {
    String status;
    String stat;
    try {
      status = Files.readString(Path.of("/proc/" + pid + "/status"));
      stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    } catch (IOException gone) {
      return null;
    }
    // stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so split after the last ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    if (fields[0].equals("Z") || fields[0].equals("X")) {
      return null;
    }
    Matcher rss = VM_RSS.matcher(status);
    if (!rss.find()) {
      // An exiting process (PF_EXITING in the flags) has released its memory before it becomes a zombie.
      if ((Long.parseLong(fields[6]) & PF_EXITING) != 0) {
        return null;
      }
      throw new IllegalStateException("no VmRSS line in /proc/" + pid + "/status of a live process: " + status);
    }
    // After the state: ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime.
    return new long[] {Long.parseLong(rss.group(1)), Long.parseLong(fields[11]) + Long.parseLong(fields[12])};
  }

  /** The folder of a finished run: OUT/runs/&lt;LATEST&gt; when OUT/LATEST exists, else OUT. */
  static Path runFolder(Path out) throws IOException {
    Path latest = out.resolve("LATEST");
    return Files.exists(latest) ? out.resolve("runs").resolve(Files.readString(latest).trim()) : out;
  }

  /** Compares Spark's council table with DuckDB's sums: "N equal, M differ". */
  static String compare(Path sparkRun, Path duckCsv) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
      sql.execute("CREATE VIEW s AS SELECT council_code, year, children_under_18 FROM read_parquet('"
          + sparkRun.resolve("processed/population_council") + "/*.parquet')");
      sql.execute("CREATE VIEW d AS SELECT council_code, CAST(year AS INTEGER) AS year, CAST(children_under_18 AS BIGINT)"
          + " AS children_under_18 FROM read_csv('" + duckCsv + "', header = true)");
      try (ResultSet r = sql.executeQuery("SELECT count(*) FILTER (WHERE s.children_under_18 = d.children_under_18),"
          + " count(*) FILTER (WHERE s.children_under_18 IS DISTINCT FROM d.children_under_18)"
          + " FROM s FULL OUTER JOIN d USING (council_code, year)")) {
        r.next();
        return String.format(Locale.ROOT, "%,d equal, %,d differ", r.getLong(1), r.getLong(2));
      }
    }
  }

  private static double gib(Measured m) {
    return m.peakRssKib() / 1024.0 / 1024.0;
  }
}
