package lscb.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import lscb.io.CsvText;
import lscb.io.UserError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A deterministic, seeded stand-in for the ONS MYEB detailed time series (long layout, 2018
 * local authority geography, mid-2001 to mid-2010, ages 0-90, both sexes). NOT ONS data: sizes and
 * age profiles are plausible, and two boards are held to the report's per-child figures (F1-F4).
 */
public final class SyntheticPopulation {
  public static final long DEFAULT_SEED = 20070630L;
  public static final int FIRST_YEAR = 2001;
  public static final int LAST_YEAR = 2010;
  /** The geography whose area codes the file uses, as an ONS back series of that vintage would. */
  public static final int GEOGRAPHY = 2018;
  static final int MAX_AGE = 90;
  static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

  /** Under-18 totals (both sexes, mid-2006 and mid-2007) that keep F1-F4 as published: [low, high]. */
  static final Map<String, long[]> HELD = Map.of(
      "E06000046", new long[] {28_750, 29_050},   // Isle of Wight, board LSCB-921
      "E10000017", new long[] {248_700, 249_900}); // Lancashire, board LSCB-888

  /** Rough under-18 sizes at mid-2001 for places far from their kind's usual range. */
  private static final Map<String, Integer> SIZE = Map.ofEntries(
      Map.entry("E09000001", 950), Map.entry("E06000053", 380), Map.entry("E06000017", 8_000),
      Map.entry("E06000046", 29_000), Map.entry("E08000025", 252_000), Map.entry("E08000035", 158_000),
      Map.entry("E08000032", 128_000), Map.entry("E08000019", 108_000), Map.entry("E08000003", 98_000),
      Map.entry("E08000012", 94_000), Map.entry("E06000052", 104_000), Map.entry("E06000047", 106_000),
      Map.entry("E06000054", 99_000), Map.entry("E06000051", 58_000), Map.entry("E06000057", 63_000),
      Map.entry("E06000049", 77_000), Map.entry("E06000050", 68_000), Map.entry("E06000055", 35_000),
      Map.entry("E06000056", 59_000));

  private SyntheticPopulation() {}

  /** An area of the file: its code and name, and the 2006/07 council it counts towards. */
  public record Area(String code, String name, String council) {}

  /** The local areas (E06-E09) current in the 2018 geography, from the crosswalk file's text. */
  public static List<Area> areas(List<String> crosswalkLines) {
    TreeMap<String, Area> areas = new TreeMap<>();
    for (String line : crosswalkLines.subList(1, crosswalkLines.size())) {
      List<String> f = CsvText.fields(line);
      if (f.size() < 8 || !f.get(0).matches("E0[6-9][0-9]{6}") || !f.get(4).matches("same|recoded|merged_successor|part_of")) {
        continue;
      }
      boolean started = f.get(6).isBlank() || Integer.parseInt(f.get(6)) <= GEOGRAPHY;
      boolean current = f.get(7).isBlank() || Integer.parseInt(f.get(7)) >= GEOGRAPHY;
      if (started && current) {
        areas.put(f.get(0), new Area(f.get(0), f.get(1), f.get(2)));
      }
    }
    return new ArrayList<>(areas.values());
  }

  /** The rounded counts of the file, [year][sex][age] per area code: same areas and seed, same counts. */
  static Map<String, long[][][]> counts(List<Area> areas, long seed) {
    Random random = new Random(seed);
    Map<String, double[][][]> counts = new TreeMap<>();
    for (Area area : areas) {
      counts.put(area.code(), series(area, random));
    }
    for (Map.Entry<String, long[]> held : HELD.entrySet()) {
      hold(areas, counts, held.getKey(), held.getValue());
    }
    Map<String, long[][][]> rounded = new TreeMap<>();
    counts.forEach((code, c) -> {
      long[][][] r = new long[YEARS][2][MAX_AGE + 1];
      for (int y = 0; y < YEARS; y++) {
        for (int sex = 0; sex < 2; sex++) {
          for (int age = 0; age <= MAX_AGE; age++) {
            r[y][sex][age] = Math.round(c[y][sex][age]);
          }
        }
      }
      rounded.put(code, r);
    });
    return rounded;
  }

  /** The whole file as text: same areas and seed, same bytes. */
  public static String generate(List<Area> areas, long seed) {
    Map<String, long[][][]> counts = counts(areas, seed);
    StringBuilder out = new StringBuilder(5_000_000);
    out.append("ladcode18,laname18,country,sex,age");
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      out.append(",population_").append(y);
    }
    out.append('\n');
    for (Area area : areas) {
      String name = area.name().contains(",") ? '"' + area.name().replace("\"", "\"\"") + '"' : area.name();
      long[][][] c = counts.get(area.code());
      for (int sex = 0; sex < 2; sex++) {
        for (int age = 0; age <= MAX_AGE; age++) {
          out.append(area.code()).append(',').append(name).append(",E,").append(sex + 1).append(',').append(age);
          for (int y = 0; y < YEARS; y++) {
            out.append(',').append(c[y][sex][age]);
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  /** counts[year][sex][age] for one area: a smooth 2001 profile, then cohorts ageing year by year. */
  private static double[][][] series(Area area, Random random) {
    double children = SIZE.getOrDefault(area.code(), (int) switch (area.code().substring(0, 3)) {
      case "E07" -> 12_000 + random.nextDouble() * 16_000;
      case "E08" -> 38_000 + random.nextDouble() * 50_000;
      case "E09" -> 34_000 + random.nextDouble() * 40_000;
      default -> 22_000 + random.nextDouble() * 38_000;
    });
    double adults = 0.85 + random.nextDouble() * 0.35;
    double births = 0.985 + random.nextDouble() * 0.04;
    double phase = random.nextDouble() * 6;
    double[][][] c = new double[YEARS][2][MAX_AGE + 1];
    double perAge = children / 18;
    for (int age = 0; age <= MAX_AGE; age++) {
      double level = perAge * (age < 18 ? 1 + 0.04 * Math.sin((age + phase) / 4.0) : adults * adultShape(age));
      double male = age < 18 ? 0.512 : age < 65 ? 0.5 : 0.5 - 0.15 * (age - 65) / 25.0;
      c[0][0][age] = level * male;
      c[0][1][age] = level * (1 - male);
    }
    for (int y = 1; y < YEARS; y++) {
      double migration = 1 + random.nextGaussian() * 0.004;
      for (int sex = 0; sex < 2; sex++) {
        c[y][sex][0] = c[y - 1][sex][0] * births * (1 + random.nextGaussian() * 0.01);
        for (int age = 1; age < MAX_AGE; age++) {
          double survival = age < 60 ? 0.9995 : 1 - Math.exp((age - 100) / 9.5);
          c[y][sex][age] = c[y - 1][sex][age - 1] * survival * migration * (1 + random.nextGaussian() * 0.005);
        }
        c[y][sex][MAX_AGE] = (c[y - 1][sex][MAX_AGE - 1] + c[y - 1][sex][MAX_AGE]) * 0.8;
      }
    }
    return c;
  }

  /** Relative size of a single year of age 18+ against a child age: smooth, tapering in old age. */
  private static double adultShape(int age) {
    double working = 0.95 + 0.15 * Math.exp(-Math.pow((age - 42) / 14.0, 2));
    if (age < 65) {
      return working;
    }
    double base = 0.95 + 0.15 * Math.exp(-Math.pow(23 / 14.0, 2));
    double old = base * Math.exp(-1.2 * Math.pow((age - 64) / 16.0, 2));
    return age == MAX_AGE ? 3 * old : old;
  }

  /** Scales a council's areas so its under-18 total at mid-2006 and mid-2007 lies inside [low, high]. */
  private static void hold(List<Area> areas, Map<String, double[][][]> counts, String council, long[] range) {
    List<double[][][]> parts = areas.stream().filter(a -> a.council().equals(council))
        .map(a -> counts.get(a.code())).toList();
    if (parts.isEmpty()) {
      throw new IllegalStateException("no synthetic areas for held council " + council);
    }
    double target = (range[0] + range[1]) / 2.0;
    double factor = target / ((children(parts, 2006) + children(parts, 2007)) / 2);
    for (double[][][] c : parts) {
      for (double[][] year : c) {
        for (double[] sex : year) {
          for (int age = 0; age <= MAX_AGE; age++) {
            sex[age] *= factor;
          }
        }
      }
    }
    for (int year : new int[] {2006, 2007}) {
      long total = children(parts, year);
      long low = range[0] + 50;
      long high = range[1] - 50;
      long step = total < low ? 1 : total > high ? -1 : 0;
      long toGo = step > 0 ? low - total : step < 0 ? total - high : 0;
      for (int i = 0; toGo > 0; i++, toGo--) {
        double[][][] c = parts.get(i % parts.size());
        c[year - FIRST_YEAR][(i / parts.size()) % 2][(i / parts.size() / 2) % 18] += step;
      }
    }
  }

  private static long children(List<double[][][]> parts, int year) {
    long total = 0;
    for (double[][][] c : parts) {
      for (int sex = 0; sex < 2; sex++) {
        for (int age = 0; age < 18; age++) {
          total += Math.round(c[year - FIRST_YEAR][sex][age]);
        }
      }
    }
    return total;
  }

  /** The areas of the crosswalk file at a Hadoop path. */
  static List<Area> areas(String crosswalkPath, Configuration conf) throws IOException {
    List<String> lines = new ArrayList<>();
    Path in = new Path(crosswalkPath);
    FileSystem inFs = in.getFileSystem(conf);
    if (!inFs.exists(in)) {
      throw new UserError("area crosswalk not found: " + crosswalkPath + " (pass --reference DIR)");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(inFs.open(in), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return areas(lines);
  }

  /** Reads the crosswalk and writes the synthetic file to a Hadoop path; returns the number of areas. */
  public static int write(String crosswalkPath, String outputPath, long seed, Configuration conf) {
    try {
      List<Area> areas = areas(crosswalkPath, conf);
      Path out = new Path(outputPath);
      FileSystem outFs = out.getFileSystem(conf);
      outFs.setWriteChecksum(false);
      try (OutputStream stream = outFs.create(out, true)) {
        stream.write(generate(areas, seed).getBytes(StandardCharsets.UTF_8));
      }
      return areas.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic population to " + outputPath, e);
    }
  }
}
