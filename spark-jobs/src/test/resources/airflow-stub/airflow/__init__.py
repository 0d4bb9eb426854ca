"""A stand-in for Apache Airflow's DAG API, just enough to build radnorm_dag.py's DAGs in a test
(AirflowDagTest): DAGs record their operators, operators their arguments and downstream tasks."""
DAGS = []
_current = []


class DAG:
    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = []
        DAGS.append(self)

    def __enter__(self):
        _current.append(self)
        return self

    def __exit__(self, *exc):
        _current.pop()
        return False


class BaseOperator:
    def __init__(self, task_id, **kwargs):
        if not _current:
            raise RuntimeError(f"operator {task_id} created outside a DAG")
        self.task_id = task_id
        self.kwargs = kwargs
        self.downstream = []
        _current[-1].tasks.append(self)

    def __rshift__(self, other):
        self.downstream.append(other.task_id)
        return other
