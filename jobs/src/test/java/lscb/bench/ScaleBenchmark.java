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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./lscb benchmark --scale [1M,10M,120M]}: the population stage on synthetic small-area inputs
 * of about 1M, 10M and 120M values (generated once by {@code lscb synth-population --small-areas} and
 * cached in bench-data/, which git ignores), beside the same sums in DuckDB on the same files, the two
 * alternating; checks that both give the same children per council and year, and prints wall, CPU and
 * peak RSS of each (separate processes; Spark through the launcher with its default heap), the ratio
 * and the time per million values.
 */
public final class ScaleBenchmark {
  /** One input size: its label, the small areas and years that make it. */
  record Size(String label, int areas, int years) {}

  /** One measured process. */
  record Measured(double wallSeconds, double cpuSeconds, long peakRssKib, int exit) {}

  static final List<Size> SIZES = List.of(new Size("1M", 2_750, 2), new Size("10M", 27_500, 2),
      new Size("120M", 33_000, 20));

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    List<String> wanted = args.length > 1 && !args[1].startsWith("--") ? Arrays.asList(args[1].split(","))
        : SIZES.stream().map(Size::label).toList();
    boolean generateOnly = Arrays.asList(args).contains("--generate-only");
    Path cache = root.resolve("bench-data/scale");
    Files.createDirectories(cache.resolve("logs"));
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("benchmark --scale: %s, %d cores, load average %s; inputs cached in %s%n", Instant.now(), cores,
        Files.readString(Path.of("/proc/loadavg")).trim(), cache);
    run(root, cache.resolve("logs/warm-up.log"), List.of("./lscb", "--help"));
    List<String> table = new ArrayList<>();
    table.add("| values | files, MB | Spark wall | Spark CPU | Spark peak RSS | DuckDB wall | DuckDB CPU"
        + " | DuckDB peak RSS | Spark / DuckDB | Spark s per M values | sums per council-year |");
    table.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    int index = 0;
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
      System.out.printf(Locale.ROOT, "benchmark --scale %s: %,d values in %s files (%s MB): Spark %.1f s wall, %.1f s CPU,"
              + " %.2f GiB peak RSS (exit %d) | DuckDB %.1f s wall, %.1f s CPU, %.2f GiB peak RSS | Spark/DuckDB %.1fx"
              + " | per million values: Spark %.3f s, DuckDB %.3f s | %s%n",
          size.label(), values, made[2], made[1], s.wallSeconds(), s.cpuSeconds(), gib(s), s.exit(), d.wallSeconds(),
          d.cpuSeconds(), gib(d), s.wallSeconds() / d.wallSeconds(), s.wallSeconds() / (values / 1e6),
          d.wallSeconds() / (values / 1e6), sums);
      table.add(String.format(Locale.ROOT, "| %,d | %s, %s | %.1f s | %.1f s | %.2f GiB | %.1f s | %.1f s | %.2f GiB"
              + " | %.1fx | %.3f s | %s |", values, made[2], made[1], s.wallSeconds(), s.cpuSeconds(), gib(s),
          d.wallSeconds(), d.cpuSeconds(), gib(d), s.wallSeconds() / d.wallSeconds(), s.wallSeconds() / (values / 1e6),
          sums));
    }
    if (!generateOnly) {
      System.out.println("benchmark --scale: table for the README:");
      table.forEach(System.out::println);
    }
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

  /** Runs a command in {@code root}, output to {@code log}; wall, CPU and peak RSS from /proc while it runs. */
  static Measured run(Path root, Path log, List<String> command) throws Exception {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long pid = process.pid();
    double cpu = 0;
    long peak = 0;
    while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmHWM:")) {
            peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        cpu = Math.max(cpu, (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0);
      } catch (IOException | RuntimeException gone) {
        // the process ended between two reads
      }
    }
    return new Measured((System.nanoTime() - start) / 1e9, cpu, peak, process.exitValue());
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
