#!/usr/bin/env bash
# The scheduled run: the whole LSCB pipeline submitted with spark-submit. The cron line, the systemd
# service and the Airflow DAG beside this script run this command, and the cluster integration test
# (jobs/src/test/java/lscb/cluster/StandaloneClusterTest.java) runs this very script against a real
# standalone cluster.
#
# Settings (environment):
#   SPARK_HOME        a Spark 4.1.x (Scala 2.13) installation: $SPARK_HOME/bin/spark-submit is used
#   LSCB_MASTER       spark://HOST:7077 | yarn | k8s://https://HOST:6443 | local[*] (default local[*])
#   LSCB_DEPLOY_MODE  client (default) or cluster (the driver runs on the cluster: jar and data must
#                     then be where the cluster can read them, e.g. hdfs:// or s3a://)
#   LSCB_JAR          the thin application jar (default: jobs/target/lscb-jobs-submit.jar of this checkout)
#   LSCB_DATA         the inputs' root holding raw/, reference/, published/ (any Hadoop URI; default: data/)
#   LSCB_OUT          the output root (any Hadoop URI; default: out/): each run writes LSCB_OUT/runs/RUN-ID/
#                     and, when complete, points LSCB_OUT/LATEST at it; readers follow LATEST
#   LSCB_KEEP_RUNS    finished runs kept under LSCB_OUT/runs, the published one included (default 3)
#   LSCB_SHUFFLE_PARTITIONS  spark.sql.shuffle.partitions (default 8: the inputs are small)
#   LSCB_SUBMIT_OPTS  more spark-submit options, e.g. "--executor-memory 2g --conf spark.x=y"; for s3a://
#                     locations add "--packages org.apache.hadoop:hadoop-aws:3.4.2" (Spark 4.1.3's Hadoop)
# Exit codes are the run's: 0 done; 2 user error; 3 rejects with --strict; 4 a figure not reproduced;
# 5 another run is writing LSCB_OUT (this one was refused and changed nothing); 74 reading or writing storage
# failed (the published run is unchanged; worth a retry); 70 an internal error (a bug).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${SPARK_HOME:?set SPARK_HOME to a Spark 4.1 (Scala 2.13) installation}"
master="${LSCB_MASTER:-local[*]}"
jar="${LSCB_JAR:-$root/jobs/target/lscb-jobs-submit.jar}"
data="${LSCB_DATA:-$root/data}"
out="${LSCB_OUT:-$root/out}"

# shellcheck disable=SC2086
exec "$SPARK_HOME/bin/spark-submit" \
  --master "$master" \
  --deploy-mode "${LSCB_DEPLOY_MODE:-client}" \
  --name lscb-scheduled-run \
  --class lscb.cli.Lscb \
  --conf spark.sql.shuffle.partitions="${LSCB_SHUFFLE_PARTITIONS:-8}" \
  ${LSCB_SUBMIT_OPTS:-} \
  "$jar" run \
  --raw "$data/raw" \
  --reference "$data/reference" \
  --published "$data/published" \
  --out "$out" \
  --keep-runs "${LSCB_KEEP_RUNS:-3}"
