package lscb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lscb.analysis.Analyses;
import lscb.analysis.CanonicalFixture;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.testing.SharedData;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every EES file of a run passes the checks of DfE's data screener, against the screener's own lookups. */
class EesScreenerTest extends SparkTestBase {
  @TempDir
  static Path dir;
  static Locations locations;
  static EesScreen screen;

  @BeforeAll
  static void publish() throws Exception {
    Path lookups = EesScreen.sharedLookups();
    SharedData.require(lookups != null, "shared/data/ees (DfE's screener lookups)");
    screen = EesScreen.over(lookups);
    locations = CanonicalFixture.draw(77L, 144).write(spark, dir);
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));
    Analyses.run(spark, locations, quiet);
    EesPublisher.run(spark, locations, quiet);
  }

  @Test
  void everyFilePassesTheScreenersChecks() throws Exception {
    List<String> problems = screen.problems(Path.of(locations.ees("")));
    assertEquals(List.of(), problems, "DfE's screener should find nothing to FAIL or WARN");
  }

  @Test
  void boardsCoveringSeveralCouncilsAreWrittenOncePerCouncilUnderDfesNames() throws Exception {
    EesCsv spend = EesCsv.read(Path.of(locations.ees("spend_per_child.csv")));
    List<List<String>> southTees = spend.rows.stream()
        .filter(r -> r.get(spend.column("new_la_code")).matches("E06000002|E06000003")).toList();
    assertTrue(!southTees.isEmpty(), "South Tees' councils each have rows");
    for (List<String> r : southTees) {
      assertEquals("2", r.get(spend.column("councils_in_board")), "South Tees covers two councils: " + r);
      assertTrue(!r.get(spend.column("la_name")).contains("/"), "one council per row: " + r);
    }
    assertTrue(spend.rows.stream().anyMatch(r -> r.get(spend.column("la_name")).equals("Kingston upon Hull, City of")),
        "Hull under DfE's name for it");
    assertTrue(spend.rows.stream().anyMatch(r -> r.get(spend.column("la_name")).equals("Durham")
        && r.get(spend.column("old_la_code")).equals("x")), "the 2009 county of Durham as DfE lists it: old code x");
  }

  @Test
  void theScreenFlagsWhatDfesScreenerFails(@TempDir Path bad) throws Exception {
    Files.writeString(bad.resolve("bad.csv"), String.join("\n",
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
            + "new_la_code,old_la_code,la_name,spend_basis,status,spend",
        "2007,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000016 / E06000017 / E10000018,"
            + "856 / 857 / 855,\"Leicester, Leicestershire and Rutland\",Actual,a,5",
        "2007,Calendar year,Local authority,E92000001,England,E12000009,South West,E06000023,801,Bristol,Actual,b,1e3",
        ""));
    Files.writeString(bad.resolve("bad.meta.csv"), String.join("\n",
        "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column,"
            + "filter_default",
        "spend_basis,Filter," + "x".repeat(101) + ",,,,,question,Actual",
        "spend,Indicator,Spend,,£,0,,,", ""));
    String problems = String.join("\n", screen.problems(bad));
    for (String expected : List.of("meta column 'filter_default'", "label of spend_basis is 101",
        "filter group 'question' is not itself declared", "column 'status' has several values",
        "meta names 'question'", "filter 'spend_basis' has no Total", "fewer than two levels",
        "'856 / 857 / 855 / E06000016 / E06000017 / E10000018 / Leicester, Leicestershire and Rutland' is not in", "'801 / E06000023 / Bristol'",
        "new_la_code 'E06000016 / E06000017 / E10000018' is over 30", "indicator spend has '1e3'")) {
      assertTrue(problems.contains(expected), "the screen should report " + expected + ":\n" + problems);
    }
  }

  @Test
  void theScreenFlagsWhatDfesScreenerFailsInTheFormat(@TempDir Path bad) throws Exception {
    Files.writeString(bad.resolve("Bad-file.csv"), String.join("\n",
        "time_period,time_identifier,geographic_level,country_code,country_name,Spend_Basis,spend",
        "2007,Financial year,National,E92000001,England,Total,5",
        "200608,Financial year,National,E92000001,England,Actual ,NA",
        ",,,,,,",
        "2007,Calendar year,National,E92000001,England," + "y".repeat(121) + ",3", ""));
    Files.writeString(bad.resolve("Bad-file.meta.csv"), String.join("\n",
        "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column",
        "Spend_Basis,Filter,Basis,,£,,Basis,",
        "spend,Indicator,Spend ,,£000,one,,", ""));
    String problems = String.join("\n", screen.problems(bad));
    for (String expected : List.of("file name has characters", "column name 'Spend_Basis'",
        "time_period '2007' does not fit time_identifier 'Financial year'",
        "time_period '200608' does not fit", "Spend_Basis 'Actual ' has leading or trailing whitespace",
        "spend is 'NA'", "a blank row", "Spend_Basis 'yyy", "meta label of spend has leading or trailing whitespace",
        "indicator_unit '£000' of spend", "indicator_dp of spend is 'one'",
        "filter Spend_Basis has an indicator unit")) {
      assertTrue(problems.contains(expected), "the screen should report " + expected + ":\n" + problems);
    }
  }
}
