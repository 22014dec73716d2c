package lscb.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lscb.population.SyntheticPopulation.Area;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A SYNTHETIC (not ONS) set of small-area (LSOA) estimates in the ONS wide layout, one file per year
 * and sex, streamed to disk. Each district of the synthetic district file is cut into small areas
 * with seeded shares, in whole numbers that add up exactly: so the sums per council and year equal
 * those of the district file. Years after mid-2010 (the district file's last) repeat its years
 * 2001-2010 in turn, so any number of years stays consistent with it.
 */
public final class SyntheticSmallAreas {
  /** About the number of LSOAs in England. */
  public static final int DEFAULT_AREAS = 33_000;
  public static final int DEFAULT_YEARS = 20;
  private static final String[] SEXES = {"males", "females"};

  private SyntheticSmallAreas() {}

  /** What was written: small areas, files, values (areas x ages x sexes x years) and bytes. */
  public record Summary(int smallAreas, int files, long values, long bytes) {}

  /** Writes the set into {@code folder} from the crosswalk at {@code crosswalkPath}. */
  public static Summary write(String crosswalkPath, String folder, long seed, int smallAreas, int years,
      Configuration conf) {
    try {
      List<Area> areas = SyntheticPopulation.areas(crosswalkPath, conf);
      Map<String, long[][][]> counts = SyntheticPopulation.counts(areas, seed);
      int[] perArea = perArea(areas, counts, smallAreas);
      int total = java.util.Arrays.stream(perArea).sum();
      Path dir = new Path(folder);
      FileSystem fs = dir.getFileSystem(conf);
      fs.mkdirs(dir);
      fs.setWriteChecksum(false);
      long bytes = 0;
      for (int y = 0; y < years; y++) {
        int year = SyntheticPopulation.FIRST_YEAR + y;
        for (int sex = 0; sex < 2; sex++) {
          Path file = new Path(dir, String.format("SYNTHETIC-sape-lsoa-mid-%d-%s.csv", year, SEXES[sex]));
          try (Writer out = new BufferedWriter(new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8),
              1 << 20)) {
            writeFile(out, areas, counts, perArea, seed, year, y % SyntheticPopulation.YEARS, sex);
          }
          bytes += fs.getFileStatus(file).getLen();
        }
      }
      return new Summary(total, years * 2, (long) total * (SyntheticPopulation.MAX_AGE + 1) * 2 * years, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic small-area population to " + folder, e);
    }
  }

  /** Small areas per district, in proportion to its mid-2001 population (at least one each). */
  private static int[] perArea(List<Area> areas, Map<String, long[][][]> counts, int smallAreas) {
    double[] people = new double[areas.size()];
    double all = 0;
    for (int i = 0; i < areas.size(); i++) {
      long[][][] c = counts.get(areas.get(i).code());
      for (int sex = 0; sex < 2; sex++) {
        for (long n : c[0][sex]) {
          people[i] += n;
        }
      }
      all += people[i];
    }
    int[] perArea = new int[areas.size()];
    for (int i = 0; i < areas.size(); i++) {
      perArea[i] = (int) Math.max(1, Math.round(smallAreas * people[i] / all));
    }
    return perArea;
  }

  private static void writeFile(Writer out, List<Area> areas, Map<String, long[][][]> counts, int[] perArea,
      long seed, int year, int sourceYear, int sex) throws IOException {
    out.write("SYNTHETIC small-area population estimates (NOT ONS data; split from the synthetic district file)\n");
    out.write("Mid-" + year + ": " + (sex == 0 ? "Males" : "Females") + "\n\n");
    StringBuilder header = new StringBuilder("LSOA Code,LSOA Name,LA Code (2018 boundaries),LA name (2018 boundaries),All Ages");
    for (int age = 0; age <= SyntheticPopulation.MAX_AGE; age++) {
      header.append(',').append(age).append(age == SyntheticPopulation.MAX_AGE ? "+" : "");
    }
    out.write(header.append('\n').toString());
    int next = 1;
    StringBuilder row = new StringBuilder(512);
    for (int i = 0; i < areas.size(); i++) {
      Area area = areas.get(i);
      long[][] split = split(counts.get(area.code())[sourceYear][sex], perArea[i], seed, area.code());
      String name = area.name().replace("\"", "");
      for (int j = 0; j < perArea[i]; j++, next++) {
        row.setLength(0);
        String lsoaName = String.format("%s %03d%c", name, j / 4 + 1, (char) ('A' + j % 4));
        row.append(String.format("E019%05d", next)).append(',').append(quoted(lsoaName)).append(',')
            .append(area.code()).append(',').append(quoted(name));
        long all = 0;
        for (long n : split[j]) {
          all += n;
        }
        row.append(',').append(all);
        for (long n : split[j]) {
          row.append(',').append(n);
        }
        out.write(row.append('\n').toString());
      }
    }
  }

  /**
   * One district's counts by age cut into {@code parts} small areas: seeded shares (the same for every
   * year and sex, varying smoothly with age), floors, and the units left over one each to the first
   * small areas, so each age adds up exactly. Returns [small area][age].
   */
  static long[][] split(long[] byAge, int parts, long seed, String code) {
    Random random = new Random(seed * 31 + code.hashCode());
    double[] weight = new double[parts];
    double[] phase = new double[parts];
    for (int j = 0; j < parts; j++) {
      weight[j] = 0.6 + 0.8 * random.nextDouble();
      phase[j] = random.nextDouble() * 6;
    }
    long[][] out = new long[parts][byAge.length];
    double[] share = new double[parts];
    for (int age = 0; age < byAge.length; age++) {
      double sum = 0;
      for (int j = 0; j < parts; j++) {
        share[j] = weight[j] * (1 + 0.3 * Math.sin(age / 9.0 + phase[j]));
        sum += share[j];
      }
      long given = 0;
      for (int j = 0; j < parts; j++) {
        out[j][age] = (long) Math.floor(byAge[age] * share[j] / sum);
        given += out[j][age];
      }
      for (int j = 0; given < byAge[age]; j = (j + 1) % parts, given++) {
        out[j][age]++;
      }
    }
    return out;
  }

  private static String quoted(String text) {
    return text.contains(",") ? '"' + text + '"' : text;
  }
}
