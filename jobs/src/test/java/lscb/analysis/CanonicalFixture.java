package lscb.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lscb.ingest.Codes;
import lscb.io.Locations;
import lscb.io.Outputs;
import lscb.schema.Schemas;
import lscb.testing.Fixtures;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-made set of accepted returns, drawn from a seed over real register boards, kept as plain Java
 * objects (for independent expected values) and written as the canonical Parquet tables.
 */
public final class CanonicalFixture {
  static final List<String> AGENCIES = List.of("LOCAL_AUTHORITY", "POLICE", "YOUTH_OFFENDING_SERVICE",
      "CONNEXIONS", "CAFCASS", "MAPPA", "CPS");
  static final List<String> CONTRIBUTORS = List.of("LA_CHILDRENS_SERVICES", "PRIMARY_CARE_TRUST", "POLICE",
      "PROBATION", "OTHER");

  /** One board's accepted return. */
  public static final class Return {
    public int year;
    public String ref;
    public String board;
    public String boardName;
    public String region;
    public String regionName;
    public List<String> councils;
    public String chairType;
    public String chairPost;
    public Integer boardsChaired;
    public Integer meetings;
    public Integer organisations;
    public BigDecimal expenditure;
    public BigDecimal planned;
    public String leadMember;
    public Boolean ceContact;
    public String cdop;
    public Integer scrCommissioned;
    public Integer scrCompleted;
    public Map<String, Boolean> members = new LinkedHashMap<>();
    public Map<String, BigDecimal> contributions = new LinkedHashMap<>();
    public List<String> priorities = new ArrayList<>();
    public List<String> costs = new ArrayList<>();
  }

  public final List<Return> returns = new ArrayList<>();
  /** Children under 18 by "year|board". */
  final Map<String, Long> population = new LinkedHashMap<>();

  /** Draws returns for the first {@code boards} register boards in each year from {@code seed}. */
  public static CanonicalFixture draw(long seed, int boards) {
    CanonicalFixture f = new CanonicalFixture();
    Random random = new Random(seed);
    List<String[]> register = register();
    for (int year : new int[] {2006, 2007}) {
      for (int i = 0; i < boards; i++) {
        if (year == 2006 && random.nextInt(5) == 0) {
          continue;
        }
        String[] b = register.get(i);
        Return r = new Return();
        r.year = year;
        r.ref = (year == 2006 ? "D06-" : "O07-") + String.format("%04d", i);
        r.board = b[0];
        r.boardName = b[1];
        r.region = b[2];
        r.regionName = b[3];
        r.councils = List.of(b[4].split(";"));
        r.chairType = pick(random, Codes.CHAIR_TYPES, 8);
        r.chairPost = pick(random, Codes.CHAIR_POSTS, 8);
        r.meetings = random.nextInt(8) == 0 ? null : 2 + random.nextInt(8);
        for (String agency : AGENCIES) {
          if (random.nextInt(6) != 0) {
            r.members.put(agency, random.nextInt(4) != 0);
          }
        }
        if (year == 2007) {
          r.boardsChaired = random.nextInt(6) == 0 ? null : 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
          r.organisations = random.nextInt(7) == 0 ? null : 5 + random.nextInt(250);
          r.expenditure = random.nextInt(6) == 0 ? null : BigDecimal.valueOf(5000 + random.nextInt(400000));
          r.planned = random.nextInt(6) == 0 ? null : BigDecimal.valueOf(5000 + random.nextInt(400000));
          r.leadMember = pick(random, Codes.LEAD_MEMBER, 6);
          r.ceContact = random.nextInt(7) == 0 ? null : random.nextInt(5) != 0;
          r.cdop = pick(random, Codes.CDOP, 7);
          r.scrCommissioned = random.nextInt(7) == 0 ? null : random.nextInt(7);
          r.scrCompleted = random.nextInt(7) == 0 ? null : random.nextInt(7);
          if (random.nextInt(8) != 0) {
            for (String c : CONTRIBUTORS) {
              if (random.nextInt(5) != 0) {
                r.contributions.put(c, BigDecimal.valueOf(random.nextInt(90000)).add(new BigDecimal("0.50")));
              }
            }
          }
          if (random.nextInt(8) != 0) {
            List<String> pool = new ArrayList<>(Codes.PRIORITIES.subList(0, 8));
            for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
              r.priorities.add(pool.remove(random.nextInt(pool.size())));
            }
          }
          if (random.nextInt(8) != 0) {
            List<String> pool = new ArrayList<>(Codes.HIGHEST_COSTS);
            for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
              r.costs.add(pool.remove(random.nextInt(pool.size())));
            }
          }
          if (random.nextInt(10) != 0) {
            f.population.put("2006|" + r.board, 20000L + random.nextInt(300000));
            f.population.put("2007|" + r.board, 20000L + random.nextInt(300000));
          }
        }
        f.returns.add(r);
      }
    }
    return f;
  }

  private static String pick(Random random, List<String> codes, int missingOneIn) {
    return random.nextInt(missingOneIn) == 0 ? null : codes.get(random.nextInt(codes.size()));
  }

  /** The register's boards as [code, name, region code, region name, councils]. */
  static List<String[]> register() {
    try {
      List<String> lines = Files.readAllLines(Fixtures.repository().resolve("data/reference/boards.csv"));
      List<String[]> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        for (int i = 0; i < fields.length; i++) {
          fields[i] = fields[i].replaceAll("^\"|\"$", "");
        }
        out.add(fields);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the canonical tables (and population_board) under {@code out}/processed; returns the locations. */
  public Locations write(SparkSession spark, Path out) {
    Locations locations = Fixtures.locations(out.resolve("raw"), out);
    List<Row> returnRows = new ArrayList<>();
    List<Row> members = new ArrayList<>();
    List<Row> contributions = new ArrayList<>();
    List<Row> priorities = new ArrayList<>();
    List<Row> costs = new ArrayList<>();
    for (Return r : returns) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("survey_year", r.year);
      v.put("return_ref", r.ref);
      v.put("board_code", r.board);
      v.put("board_name", r.boardName);
      v.put("region_code", r.region);
      v.put("region_name", r.regionName);
      v.put("council_codes", scala.jdk.javaapi.CollectionConverters.asScala(r.councils).toSeq());
      v.put("name_as_written", r.boardName);
      v.put("chair_type", r.chairType);
      v.put("chair_post", r.chairPost);
      v.put("chair_boards_chaired", r.boardsChaired);
      v.put("meetings_per_year", r.meetings);
      v.put("contributing_organisations", r.organisations);
      v.put("expenditure_2006_07", r.expenditure);
      v.put("planned_2007_08", r.planned);
      v.put("lead_member", r.leadMember);
      v.put("chief_executive_contact", r.ceContact);
      v.put("cdop", r.cdop);
      v.put("scr_commissioned", r.scrCommissioned);
      v.put("scr_completed", r.scrCompleted);
      v.put("source_file", "fixture");
      v.put("source_line", 1L);
      returnRows.add(row("board_return", v));
      r.members.forEach((agency, is) -> members.add(RowFactory.create(r.year, r.board, r.ref, agency, is)));
      r.contributions.forEach((c, amount) -> contributions.add(RowFactory.create(r.year, r.board, r.ref, c, amount)));
      for (int i = 0; i < r.priorities.size(); i++) {
        priorities.add(RowFactory.create(r.year, r.board, r.ref, i + 1, r.priorities.get(i)));
      }
      for (int i = 0; i < r.costs.size(); i++) {
        costs.add(RowFactory.create(r.year, r.board, r.ref, i + 1, r.costs.get(i)));
      }
    }
    List<Row> population = new ArrayList<>();
    this.population.forEach((key, children) -> {
      String[] k = key.split("\\|");
      Return r = returns.stream().filter(x -> x.board.equals(k[1])).findFirst().orElseThrow();
      population.add(RowFactory.create(Integer.parseInt(k[0]), r.board, r.boardName, r.region, r.regionName,
          children));
    });
    write(spark, locations, "board_return", returnRows);
    write(spark, locations, "board_member", members);
    write(spark, locations, "board_contribution", contributions);
    write(spark, locations, "board_priority", priorities);
    write(spark, locations, "board_highest_cost", costs);
    write(spark, locations, "population_board", population);
    return locations;
  }

  private static Row row(String table, Map<String, Object> values) {
    StructType schema = Schemas.of(table);
    Object[] out = new Object[schema.size()];
    int i = 0;
    for (StructField field : schema.fields()) {
      out[i++] = values.get(field.name());
    }
    return RowFactory.create(out);
  }

  private static void write(SparkSession spark, Locations locations, String table, List<Row> rows) {
    Outputs.parquet(spark.createDataFrame(rows, Schemas.of(table)), locations.processed(table));
  }
}
