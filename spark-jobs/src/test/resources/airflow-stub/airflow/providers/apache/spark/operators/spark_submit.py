from airflow import BaseOperator


class SparkSubmitOperator(BaseOperator):
    def __init__(self, task_id, application, java_class=None, application_args=None, conf=None, **kwargs):
        super().__init__(task_id, application=application, java_class=java_class,
                         application_args=application_args, conf=conf, **kwargs)
