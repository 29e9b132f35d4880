"""Background jobs as rows (exports now, PDF reports later).

A job kind is a function ``handler(job, progress) -> (filename, bytes)`` registered with
``@register("kind", label=...)``; apps higher up the dependency chain (meetings' reports)
register their own kinds, so this module never imports them. ``job_start`` creates the
row and enqueues the Celery task after commit; the task claims the row with a conditional
update, so a duplicate delivery does nothing; a failure keeps the message and can be
retried. The task is acknowledged late: a worker killed mid-job leaves its message to the
broker, which delivers it again; the row, still "running" since long before, is claimed anew.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import audit_record
from .models import Job, JobStatus, User

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
# A job "running" for longer than this lost its worker (no job here takes minutes).
STALE_AFTER = datetime.timedelta(minutes=15)
Handler = Callable[[Job, Progress], tuple[str, bytes]]


@dataclass(frozen=True)
class JobKind:
    label: str
    handler: Handler


_KINDS: dict[str, JobKind] = {}


def register(kind: str, *, label: str) -> Callable[[Handler], Handler]:
    def decorator(handler: Handler) -> Handler:
        _KINDS[kind] = JobKind(label=label, handler=handler)
        return handler

    return decorator


def kind_label(kind: str) -> str:
    return _KINDS[kind].label if kind in _KINDS else kind


@transaction.atomic
def job_start(*, actor: User, kind: str, params: dict[str, Any]) -> Job:
    """Queue a job of *kind*; the worker picks it up once this transaction commits."""
    from .tasks import run_job

    if kind not in _KINDS:
        raise ValidationError(_("Loại công việc không hợp lệ."))
    job = Job.objects.create(kind=kind, params=params, created_by=actor)
    audit_record(actor=actor, action="blocs.job.queued", obj=job, to_state=JobStatus.QUEUED)
    run_job.delay_on_commit(job.pk)
    return job


@transaction.atomic
def job_retry(*, actor: User, job: Job) -> Job:
    """Queue a failed job again, keeping its parameters."""
    from .tasks import run_job

    claimed = Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(
        status=JobStatus.QUEUED, error="", progress_done=0, progress_total=0
    )
    if not claimed:
        raise ValidationError(_("Chỉ chạy lại được công việc đã lỗi."))
    audit_record(
        actor=actor, action="blocs.job.retried", obj=job, from_state=JobStatus.FAILED, to_state=JobStatus.QUEUED
    )
    run_job.delay_on_commit(job.pk)
    job.refresh_from_db()
    return job


def job_run(*, job_id: int) -> None:
    """Run a queued job (or one whose worker died): claim it, call its handler, store the
    file or the error."""
    lost = Q(status=JobStatus.RUNNING, started_at__lt=timezone.now() - STALE_AFTER)
    claimed = Job.objects.filter(Q(status=JobStatus.QUEUED) | lost, pk=job_id).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        logger.info("Job %s is not queued any more; nothing to do.", job_id)
        return
    job = Job.objects.select_related("created_by").get(pk=job_id)

    def progress(done: int, total: int) -> None:
        Job.objects.filter(pk=job_id).update(progress_done=min(done, total), progress_total=total)

    try:
        filename, content = _KINDS[job.kind].handler(job, progress)
    except Exception as error:
        # The row says why; the user reads it on the job's page and retries. Nothing is
        # raised: without a broker the job runs inside the request that started it, and the
        # user must land on that page, not on a server error.
        logger.exception("Job %s (%s) failed.", job_id, job.kind)
        Job.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED, error=str(error) or error.__class__.__name__, finished_at=timezone.now()
        )
        return
    job.refresh_from_db()
    job.file.save(filename, ContentFile(content), save=False)
    job.status, job.finished_at = JobStatus.DONE, timezone.now()
    job.save(update_fields=["file", "status", "finished_at"])
