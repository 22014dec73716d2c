package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir
  Path run;

  @Test
  void theDataStatusIsReadFromTheManifest() throws Exception {
    Files.writeString(run.resolve("manifest.json"), """
        {"run_id": "R1", "finished": "2026-12-01T03:25:00Z", "code": {"git_commit": "928b68d05dbee7a2", "git_dirty": false},
         "data_status": {"returns": "reconstructed", "returns_label": "calibrated to the 2007 report",
                         "population": "synthetic", "population_label": "synthetic"}}
        """);
    Provenance p = Provenance.read(run);
    assertEquals("R1", p.runId());
    assertTrue(p.statusKnown());
    assertTrue(p.dataSentence().contains("reconstructed (calibrated to the 2007 report)"), p.dataSentence());
    assertTrue(p.html().contains("928b68d05dbe") && p.html().contains("finished 2026-12-01 03:25 UTC"),
        "commit and date shown, the date to the minute without nanoseconds: " + p.html());
  }

  @Test
  void theDataFilesAreNamedWithRowsAndHashButNoLocalPath() throws Exception {
    // The paths a manifest holds are the machine's own: here, a checkout under this test's folder.
    String checkout = run.resolve("checkout").toUri().toString();
    Files.writeString(run.resolve("manifest.json"), """
        {"run_id": "R4", "inputs": [
          {"role": "raw", "path": "ROOT/data/raw/population/README.md", "bytes": 10, "sha256": "aa"},
          {"role": "raw", "path": "ROOT/data/raw/population/SYNTHETIC-myeb-2001-2010.csv", "sha256": "3ab0b5c4f666472920014a19", "rows_read": 59332},
          {"role": "raw", "path": "ROOT/data/raw/returns/2007/ofsted_lscb_survey_2007.jsonl", "sha256": "0123456789abcdef", "rows_read": 124},
          {"role": "reference", "path": "ROOT/data/reference/boards.csv", "sha256": "bb"}]}
        """.replace("ROOT/", checkout));
    Provenance p = Provenance.read(run);
    assertEquals(java.util.List.of("SYNTHETIC-myeb-2001-2010.csv (59,332 rows, 3ab0b5c4f666)", "ofsted_lscb_survey_2007.jsonl (124 rows, 0123456789ab)"),
        p.dataFiles(), "the data files read, not READMEs or reference tables");
    assertTrue(p.html().contains("SYNTHETIC-myeb-2001-2010.csv (59,332 rows, 3ab0b5c4f666)"), "named in the box: " + p.html());
    assertFalse(p.html().contains(run.toString()), "no local absolute path");
  }

  @Test
  void withoutADataStatusItSaysItIsUnknown() throws Exception {
    Files.writeString(run.resolve("manifest.json"), "{\"run_id\": \"R2\", \"code\": {\"git_commit\": \"abc\"}}");
    Provenance p = Provenance.read(run);
    assertFalse(p.statusKnown());
    assertTrue(p.dataSentence().startsWith("Data status unknown"), p.dataSentence());
    assertFalse(p.dataSentence().contains("synthetic"), "no claim the manifest does not make");
  }

  @Test
  void aRunOnSuppliedReturnsAndPopulationSaysSoWithoutTheReconstructionWarning() throws Exception {
    // data_status as lscb.run.RunManifest writes it for a run on other returns and another population file
    Files.writeString(run.resolve("manifest.json"), """
        {"run_id": "R4", "data_status": {"returns": "as supplied", "returns_label": "Returns as supplied",
         "population": "as supplied", "population_label": "Population as supplied",
         "summary": "Returns as supplied; population as supplied",
         "population_notice": "myeb-2001-2010.csv, as supplied (not checked by the project)"}}
        """);
    Provenance p = Provenance.read(run);
    assertTrue(p.statusKnown());
    assertTrue(p.dataSentence().contains("Survey returns: as supplied (Returns as supplied)")
        && p.dataSentence().contains("Population: as supplied (Population as supplied)"), p.dataSentence());
    assertFalse(p.dataSentence().matches("(?is).*(reconstructed|synthetic|not facts).*"),
        "no reconstructed or synthetic warning for supplied data: " + p.dataSentence());
    assertTrue(p.html().contains("Survey returns: as supplied"), "the banner shows it: " + p.html());
  }

  @Test
  void realOnsFiguresCarryTheirSourceAndLicence() throws Exception {
    Files.writeString(run.resolve("manifest.json"), """
        {"run_id": "R3", "data_status": {"returns": "reconstructed", "population": "ons",
         "population_label": "ONS mid-year estimates, revised series (Nomis NM_2002_1)",
         "population_notice": "ONS mid-year estimates (revised series); Source: Office for National Statistics licensed under the Open Government Licence v3.0"}}
        """);
    Provenance p = Provenance.read(run);
    assertTrue(p.dataSentence().contains("Open Government Licence v3.0"), "the licence line: " + p.dataSentence());
    assertFalse(p.dataSentence().contains("synthetic"), "no synthetic warning for real figures: " + p.dataSentence());
  }
}
