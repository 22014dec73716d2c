"""Airflow DAG: the LSCB pipeline nightly, submitted with SparkSubmitOperator.

Needs apache-airflow-providers-apache-spark and a Spark connection `spark_lscb` whose host is the
master (spark://spark-master:7077, yarn, or k8s://https://HOST:6443) and whose extra sets
{"deploy-mode": "client", "spark-home": "/opt/spark"}. The operator builds the same spark-submit
command line as jobs/schedule/lscb-spark-submit.sh, the one the cluster integration test runs
(jobs/src/test/java/lscb/cluster/ScheduleExamplesTest.java checks the two stay in step).
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

LSCB_JAR = "hdfs:///lscb/lscb-jobs-submit.jar"
LSCB_DATA = "hdfs:///lscb/data"
# Each run writes LSCB_OUT/runs/RUN-ID/ and then points LSCB_OUT/LATEST at it; readers follow LATEST.
LSCB_OUT = "hdfs:///lscb/out"
LSCB_KEEP_RUNS = "3"

with DAG(
    dag_id="lscb_pipeline",
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    # One run at a time; the pipeline's own lock refuses an overlapping run anyway (exit 5).
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["lscb"],
) as dag:
    SparkSubmitOperator(
        task_id="lscb_run",
        conn_id="spark_lscb",
        name="lscb-scheduled-run",
        application=LSCB_JAR,
        java_class="lscb.cli.Lscb",
        conf={"spark.sql.shuffle.partitions": "8"},
        application_args=[
            "run",
            "--raw", f"{LSCB_DATA}/raw",
            "--reference", f"{LSCB_DATA}/reference",
            "--published", f"{LSCB_DATA}/published",
            "--out", LSCB_OUT,
            "--keep-runs", LSCB_KEEP_RUNS,
        ],
    )
