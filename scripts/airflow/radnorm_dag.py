"""radnorm on Apache Airflow: a daily normalization of the day's scenes on a Spark cluster.

Copy this file into the DAGs folder and set the environment (or edit the constants below):

    RADNORM_APP_JAR   the shaded application jar on a path or URI the cluster can read
                      (mvn -DskipTests package -> spark-jobs/target/radnorm-spark-jobs-<v>-app.jar)
    RADNORM_HOME      a radnorm checkout on the Airflow worker (for the BashOperator variant)
    RADNORM_BUCKET    where the scenes are, e.g. s3a://my-bucket
    RADNORM_SPARK_CONN the Airflow Spark connection (default spark_default: master, deploy mode)

Two DAGs with the same stages, one task per stage, statistics saved by one task and loaded by
the next, so a failed write is retried without measuring again:

    measure   radnorm global --save-adjustments   statistics pass + solve -> adjustments.json
    apply     radnorm global --load-adjustments   no statistics pass; one write pass -> COGs
    seams     radnorm stats compare               the seam metric before/after -> seams.json

``radnorm_daily`` runs them with SparkSubmitOperator, ``radnorm_daily_bash`` with BashOperator
calling ``scripts/radnorm-submit``. Every path carries the run's date (``{{ ds }}``).

The command lines are built by plain functions (``stage_args``) so they can be checked without
Airflow: ``python3 radnorm_dag.py 2024-06-01`` prints them as JSON for that date, and
spark-jobs' AirflowDagTest parses each with radnorm's own command-line parser.
"""
from __future__ import annotations

import json
import os
import shlex
import sys
from datetime import datetime, timedelta

APP_JAR = os.environ.get("RADNORM_APP_JAR", "s3a://my-bucket/jars/radnorm-spark-jobs-app.jar")
RADNORM_HOME = os.environ.get("RADNORM_HOME", "/opt/radnorm")
BUCKET = os.environ.get("RADNORM_BUCKET", "s3a://my-bucket").rstrip("/")
SPARK_CONN = os.environ.get("RADNORM_SPARK_CONN", "spark_default")
MAIN_CLASS = "io.radnorm.cli.RadnormCli"

# Spark settings for every task (spark-defaults.conf on the cluster may hold more: conf/spark-defaults.conf).
SPARK_CONF = {
    "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
    "spark.kryo.registrator": "io.radnorm.spark.RadnormKryoRegistrator",
    "spark.speculation": "false",  # an apply task writes a whole COG
    "spark.hadoop.fs.s3a.experimental.input.fadvise": "random",
    "spark.hadoop.fs.s3a.fast.upload.buffer": "disk",
}

STAGES = ("measure", "apply", "seams")


def paths(ds: str = "{{ ds }}") -> dict:
    """Where one date's inputs, statistics and outputs live."""
    work = f"{BUCKET}/radnorm/{ds}"
    return {
        "scenes": f"{BUCKET}/scenes/{ds}/*.tif",
        "adjustments": f"{work}/adjustments.json",
        "seams": f"{work}/seams.json",
        "output": f"{BUCKET}/normalized/{ds}/",
    }


def stage_args(stage: str, ds: str = "{{ ds }}") -> list:
    """radnorm's arguments for one stage (after spark-submit's application jar)."""
    p = paths(ds)
    if stage == "measure":
        return ["global", "--input", p["scenes"], "--save-adjustments", p["adjustments"]]
    if stage == "apply":
        return ["global", "--input", p["scenes"], "--load-adjustments", p["adjustments"],
                "--output", p["output"]]
    if stage == "seams":
        return ["stats", "compare", "--before", p["scenes"], "--after", p["output"] + "*_Global.tif",
                "--json", p["seams"]]
    raise ValueError(f"unknown stage {stage!r}; stages: {', '.join(STAGES)}")


def submit_command(stage: str, ds: str = "{{ ds }}") -> str:
    """The BashOperator's command: scripts/radnorm-submit, spark-submit options, --, radnorm's."""
    spark = []
    for key, value in SPARK_CONF.items():
        spark += ["--conf", f"{key}={value}"]
    # Jinja renders {{ ds }} before bash runs; shlex quotes the rest ($ in templates, globs).
    return " ".join([shlex.quote(f"{RADNORM_HOME}/scripts/radnorm-submit"), shlex.join(spark), "--",
                     shlex.join(stage_args(stage, ds))])


def commands(ds: str) -> dict:
    """Every stage's radnorm arguments and BashOperator command for one date (what the DAGs run)."""
    return {stage: {"args": stage_args(stage, ds), "bash": submit_command(stage, ds)} for stage in STAGES}


# --- The DAGs: only when Airflow is installed, so the functions above import anywhere. -----------
try:
    try:
        from airflow.sdk import DAG  # Airflow 3
    except ImportError:
        from airflow import DAG  # Airflow 2
    try:
        from airflow.providers.standard.operators.bash import BashOperator  # Airflow 3 / standard provider
    except ImportError:
        from airflow.operators.bash import BashOperator  # Airflow 2
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
except ImportError:  # no Airflow here: the command-line builders above still work
    DAG = None

DEFAULT_ARGS = {"owner": "radnorm", "retries": 2, "retry_delay": timedelta(minutes=10)}


def _daily_dag(dag_id: str, description: str):
    return DAG(dag_id=dag_id, description=description, schedule="@daily", start_date=datetime(2024, 1, 1),
               catchup=False, default_args=DEFAULT_ARGS, tags=["radnorm"])


if DAG is not None:
    with _daily_dag("radnorm_daily", "Radiometric normalization of the day's scenes (spark-submit)") as radnorm_daily:
        tasks = [
            SparkSubmitOperator(
                task_id=stage,
                conn_id=SPARK_CONN,
                application=APP_JAR,
                java_class=MAIN_CLASS,
                application_args=stage_args(stage),
                conf=SPARK_CONF,
                name=f"radnorm-{stage}-{{{{ ds }}}}",
            )
            for stage in STAGES
        ]
        tasks[0] >> tasks[1] >> tasks[2]

    with _daily_dag("radnorm_daily_bash",
                    "Radiometric normalization of the day's scenes (scripts/radnorm-submit)") as radnorm_daily_bash:
        tasks = [BashOperator(task_id=stage, bash_command=submit_command(stage)) for stage in STAGES]
        tasks[0] >> tasks[1] >> tasks[2]


if __name__ == "__main__":
    # python3 radnorm_dag.py 2024-06-01: the command lines for that date, as JSON
    print(json.dumps(commands(sys.argv[1] if len(sys.argv) > 1 else "{{ ds }}"), indent=2))
