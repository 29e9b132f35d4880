"""An export runs in a real Celery worker process with a real Redis broker.

Needs PostgreSQL (the worker must share the test database) and Redis; both skip with a
reason when absent, and fail instead under REQUIRE_SERVICES=1 (as in CI).
"""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import kombu.pools
import pytest
from django.conf import settings
from django.db import connection
from openpyxl import load_workbook

from blocs import jobs
from blocs.access import current_year
from blocs.models import Job, JobStatus, Role
from config.celery import app as celery_app
from tests.conftest import make_person, make_unit, make_user, need_service

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parent.parent
# A queue of this run's own, so that another test run on the same Redis cannot take its tasks.
QUEUE = f"tdkt-test-{os.getpid()}"


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except redis.exceptions.RedisError:
        return False


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _forget_broker_connections() -> None:
    """Drop the connection and producer pools: eager tasks of earlier tests opened them on the
    old broker URL. Celery does the same in a forked child (``_after_fork``); kombu's pools
    are global registries, so they are reset rather than closed (a closed pool stays
    registered under its URL and refuses the next task, as kombu 5.7 does)."""
    kombu.pools.reset()
    celery_app._after_fork()


@pytest.fixture
def worker(transactional_db):
    need_service(
        connection.vendor == "postgresql",
        "the Celery worker test needs PostgreSQL (set DATABASE_URL=postgres://…) to share the test database",
    )
    need_service(_redis_answers(), f"Redis does not answer at {REDIS_URL}")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=info",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "--queues", QUEUE],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    saved = {k: celery_app.conf[k] for k in ("broker_url", "task_always_eager", "task_default_queue")}
    celery_app.conf.update(broker_url=REDIS_URL, task_always_eager=False, task_default_queue=QUEUE)
    _forget_broker_connections()
    try:
        yield process
    finally:
        celery_app.conf.update(saved)
        _forget_broker_connections()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_a_real_worker_renders_the_people_export(worker):
    unit = make_unit("so-tu-phap", "Sở Tư pháp")
    make_person(unit, "Lò Văn Minh")
    make_person(unit, "Vàng Thị Hoa")
    officer = make_user("tuphap", Role.UNIT_OFFICER, unit)

    job = jobs.job_start(actor=officer, kind="people_export", params={"year": current_year()})
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            break
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.3)

    assert job.status == JobStatus.DONE, job.error or "the worker did not finish within 90 s"
    with job.file.open("rb") as handle:
        rows = list(load_workbook(io.BytesIO(handle.read())).active.iter_rows(values_only=True))
    assert sorted(row[1] for row in rows[1:]) == ["Lò Văn Minh", "Vàng Thị Hoa"]
    assert Job.objects.get(pk=job.pk).attempts == 1


def test_a_real_worker_renders_the_year_end_review_report(worker, org, settings):
    from meetings.models import ReportPeriod, ReportVersion
    from meetings.services import reports, scoring
    from tests.meetings.conftest import make_review

    make_review(org)
    sheets = scoring.sheets_open(actor=org.truongkhoi, meeting=org.review)
    for sheet, first in zip(sorted(sheets, key=lambda s: s.unit.name), ["60", "55", "50"], strict=True):
        scoring.agreed_scores_save(actor=org.truongkhoi, sheet=sheet,
                                   points={c.pk: v for c, v in zip(org.criteria, [first, "25", "15", "0", "0"], strict=True)})
    report = reports.report_save(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year, period=ReportPeriod.YEAR)

    job = reports.report_start(actor=org.truongkhoi, report=report)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            break
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.3)

    assert job.status == JobStatus.DONE, job.error or "the worker did not finish within 120 s"
    version = ReportVersion.objects.get(job=job)
    from pypdf import PdfReader

    with version.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Khối Thi đua Nội chính" in text
    assert "1 Bộ Chỉ huy Quân sự tỉnh 100 0 0 100" in text.splitlines()
    assert round(float(reader.pages[0].mediabox.height)) == 842
