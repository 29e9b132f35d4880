"""Celery tasks of the organisation: thin, they take ids and call one service."""

from celery import shared_task

from . import exports  # noqa: F401  (registers the export job kinds)
from .jobs import job_run


@shared_task(name="blocs.run_job", ignore_result=True)
def run_job(job_id: int) -> None:
    """Run the background job with this id (see blocs.jobs)."""
    job_run(job_id=job_id)
