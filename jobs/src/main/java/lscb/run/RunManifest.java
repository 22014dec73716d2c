package lscb.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import lscb.ingest.Reconciliation;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.population.PopulationSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * OUT/manifest.json: which inputs (path, size, sha256, rows read/accepted/rejected) and which code, Spark
 * and settings produced the outputs beside it, each output's row count, and each stage's duration.
 */
public final class RunManifest {
  /** Settings whose values are never written (Spark's own default redaction pattern). */
  static final Pattern SECRET = Pattern.compile("(?i)secret|password|token|access[.]?key|credential");

  private RunManifest() {}

  /** What the run knows beyond its outputs: id, times, exit code, the options it was given. */
  public record Run(String id, Instant started, int exitCode, Map<String, String> options) {}

  /** Writes the manifest of a finished run into its staging folder {@code staged}; returns its path. */
  public static Path write(SparkSession spark, Run run, Locations published, Path staged, Pipeline.Result result) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("run_id", run.id());
    root.put("started", run.started().toString());
    root.put("finished", Instant.now().toString());
    root.put("exit_code", run.exitCode());
    root.put("figures_reproduced", result.verdict().allReproduced());
    ArrayNode explained = root.putArray("figures_not_reproduced_explained");
    result.verdict().explained().forEach(explained::add);
    // The sentence readers of the run show about the population (the notebooks), from the population stage.
    root.set("data_status", dataStatus(json, result.status())
        .put("population_notice", result.population().notice()));
    root.set("code", code(json));
    root.set("spark", spark(json, spark));
    ObjectNode settings = root.putObject("settings");
    run.options().forEach(settings::put);
    settings.set("spark_conf", sparkConf(json, spark.sparkContext().getConf()));
    root.set("inputs", inputs(json, hadoop, published, result, spark, staged));
    root.set("outputs", ManifestFiles.outputs(json, hadoop, staged));
    ArrayNode stages = root.putArray("stages");
    result.stages().forEach(s -> stages.addObject().put("stage", s.name()).put("seconds", s.seconds()));
    Path file = new Path(staged, RunFolders.MANIFEST);
    try (OutputStream out = file.getFileSystem(hadoop).create(file, true)) {
      json.writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** Where the numbers come from (the contract the notebooks' banner reads): codes, labels and plain words. */
  static ObjectNode dataStatus(ObjectMapper json, DataStatus status) {
    return json.createObjectNode().put("returns", status.returns()).put("returns_label", status.returnsLabel())
        .put("population", status.population()).put("population_label", status.populationLabel())
        .put("summary", status.summary());
  }

  /** The build's version and, when it was built from a git checkout, git describe, commit and dirtiness. */
  static ObjectNode code(ObjectMapper json) {
    ObjectNode code = json.createObjectNode();
    Properties git = new Properties();
    try (InputStream in = RunManifest.class.getResourceAsStream("/lscb-git.properties")) {
      if (in != null) {
        git.load(in);
      }
    } catch (IOException e) {
      // No build information: the fields below say so.
    }
    code.put("version", git.getProperty("git.build.version", "unknown"));
    code.put("git_describe", git.getProperty("git.commit.id.describe", "unknown (not built from a git checkout)"));
    code.put("git_commit", git.getProperty("git.commit.id", ""));
    code.put("git_commit_time", git.getProperty("git.commit.time", ""));
    code.put("git_dirty", Boolean.parseBoolean(git.getProperty("git.dirty", "false")));
    code.put("jar", RunManifest.class.getProtectionDomain().getCodeSource() == null ? ""
        : String.valueOf(RunManifest.class.getProtectionDomain().getCodeSource().getLocation()));
    return code;
  }

  private static ObjectNode spark(ObjectMapper json, SparkSession spark) {
    ObjectNode node = json.createObjectNode();
    node.put("version", spark.version());
    node.put("master", spark.sparkContext().master());
    node.put("deploy_mode", spark.sparkContext().deployMode());
    node.put("application_id", spark.sparkContext().applicationId());
    node.put("java", System.getProperty("java.version"));
    return node;
  }

  private static ObjectNode sparkConf(ObjectMapper json, SparkConf conf) {
    Map<String, String> sorted = new TreeMap<>();
    for (Tuple2<String, String> kv : conf.getAll()) {
      sorted.put(kv._1(), SECRET.matcher(kv._1()).find() ? "*********(redacted)" : kv._2());
    }
    ObjectNode node = json.createObjectNode();
    sorted.forEach(node::put);
    return node;
  }

  /** Every file under the input roots with its size and sha256, and the row counts of the files a stage read. */
  private static ArrayNode inputs(ObjectMapper json, Configuration hadoop, Locations where, Pipeline.Result result,
      SparkSession spark, Path staged) {
    Map<String, ObjectNode> counts = new TreeMap<>();
    for (Reconciliation.FileCount f : result.reconciliation().files()) {
      counts.put("returns/" + f.surveyYear() + "/" + f.file(), json.createObjectNode()
          .put("rows_read", f.read()).put("rows_accepted", f.accepted()).put("rows_superseded", f.superseded())
          .put("rows_rejected", f.rejected()));
    }
    Path population = new Path(staged, "processed/population_reconciliation");
    try {
      if (population.getFileSystem(hadoop).exists(population)) {
        for (Row r : spark.read().parquet(population.toString()).collectAsList()) {
          counts.put("population/" + r.getAs("source_file"), json.createObjectNode()
              .put("rows_read", r.<Long>getAs("rows_read")).put("rows_accepted", r.<Long>getAs("used"))
              .put("rows_out_of_scope", r.<Long>getAs("out_of_scope")).put("rows_rejected", r.<Long>getAs("rejected")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + population, e);
    }
    ArrayNode inputs = json.createArrayNode();
    ManifestFiles.inputs(inputs, hadoop, "raw", where.raw(), counts);
    // A population read from outside RAW (--population PATH): each file the stage used.
    for (PopulationSource source : result.population().sources()) {
      ManifestFiles.outside(inputs, hadoop, "population", where.raw(), source.path(),
          counts.get("population/" + source.fileName()));
    }
    ManifestFiles.inputs(inputs, hadoop, "reference", where.reference(), Map.of());
    ManifestFiles.inputs(inputs, hadoop, "published", where.published(), Map.of());
    return inputs;
  }
}
