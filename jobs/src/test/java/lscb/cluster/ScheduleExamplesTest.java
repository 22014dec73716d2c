package lscb.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped schedules run the command the cluster test runs: cron and systemd call the script, and the
 * Airflow DAG's SparkSubmitOperator passes the same class, settings and arguments.
 */
class ScheduleExamplesTest {
  private static final Path SCHEDULE = Builds.repo().resolve("jobs/schedule");

  @Test
  void cronAndSystemdCallTheTestedScript() throws Exception {
    assertTrue(Files.readString(SCHEDULE.resolve("cron/lscb.cron")).contains("jobs/schedule/lscb-spark-submit.sh"),
        "the cron line calls the script the cluster test runs");
    assertTrue(Files.readString(SCHEDULE.resolve("systemd/lscb-run.service"))
        .contains("ExecStart=/srv/lscb/jobs/schedule/lscb-spark-submit.sh"), "the systemd service calls the script");
    assertTrue(Files.readString(SCHEDULE.resolve("systemd/lscb-run.timer")).contains("OnCalendar="),
        "the timer has a schedule");
  }

  @Test
  void theAirflowDagSubmitsWhatTheScriptSubmits() throws Exception {
    String script = Files.readString(SCHEDULE.resolve("lscb-spark-submit.sh"));
    String dag = Files.readString(SCHEDULE.resolve("airflow/lscb_dag.py"));
    assertTrue(dag.contains("SparkSubmitOperator("), "the DAG uses SparkSubmitOperator");
    assertEquals(group(script, "--class (\\S+)"), group(dag, "java_class=\"([^\"]+)\""), "the same main class");
    assertEquals(group(script, "--name (\\S+)"), group(dag, "name=\"([^\"]+)\""), "the same application name");
    assertEquals(group(script, "spark.sql.shuffle.partitions=\"\\$\\{LSCB_SHUFFLE_PARTITIONS:-(\\d+)\\}\""),
        group(dag, "\"spark.sql.shuffle.partitions\": \"(\\d+)\""), "the same shuffle partitions");
    assertEquals(options(script.substring(script.indexOf("\"$jar\" run"))),
        options(group(dag, "(?s)application_args=\\[(.*?)\\]")), "the same run command and options");
  }

  /** The subcommand and option names in order: run, --raw, --reference, ... */
  private static List<String> options(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?<![\\w-])(run|--[a-z-]+)(?![\\w-])").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertTrue(names.size() > 4, "found the run's options in: " + text);
    return names;
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "found " + regex);
    return m.group(1);
  }
}
