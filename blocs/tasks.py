"""Celery tasks of the organisation: thin, they take ids and call one service."""

from celery import shared_task

from . import exports  # noqa: F401  (registers the export job kinds)
from .jobs import job_run


# Acknowledged after the run, and given back if the worker dies: the job is picked up again.
@shared_task(name="blocs.run_job", ignore_result=True, acks_late=True, reject_on_worker_lost=True)
def run_job(job_id: int) -> None:
    """Run the background job with this id (see blocs.jobs)."""
    job_run(job_id=job_id)
