"""Imports radnorm_dag.py against the Airflow stand-in beside this file and prints, as JSON, every
DAG's tasks with their command lines rendered for one date (Jinja's {{ ds }} replaced).
Usage: python3 render_dags.py DAG_FILE DATE"""
import importlib.util
import json
import os
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import airflow  # the stand-in

dag_file, ds = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("radnorm_dag", dag_file)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)


def render(text):
    return text.replace("{{ ds }}", ds)


out = {}
for dag in airflow.DAGS:
    tasks = {}
    for t in dag.tasks:
        if "bash_command" in t.kwargs:
            words = shlex.split(render(t.kwargs["bash_command"]))
            cut = words.index("--")
            task = {"submit": words[:cut], "args": words[cut + 1:]}
        else:
            task = {"submit": [t.kwargs["application"], t.kwargs["java_class"]],
                    "args": [render(a) for a in t.kwargs["application_args"]],
                    "conf": t.kwargs["conf"]}
        task["downstream"] = t.downstream
        tasks[t.task_id] = task
    out[dag.dag_id] = {"schedule": dag.kwargs.get("schedule"), "tasks": tasks}
print(json.dumps(out))
