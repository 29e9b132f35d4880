"""Excel exports run as background jobs: scoped to their author, retried after a failure."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from blocs import jobs
from blocs.models import AuditLog, Job, JobStatus


def _rows(job: Job) -> list[tuple]:
    job.file.open("rb")
    try:
        sheet = load_workbook(io.BytesIO(job.file.read())).active
    finally:
        job.file.close()
    return list(sheet.iter_rows(values_only=True))


def _export(client, url_name: str, django_capture_on_commit_callbacks, **data) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(url_name), data)
    job = Job.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("blocs:job_detail", args=[job.pk])
    job.refresh_from_db()
    return job


def test_interior_staff_exports_every_person_to_excel(org, login, django_capture_on_commit_callbacks):
    client = login(org.noivu)
    job = _export(client, "blocs:people_export", django_capture_on_commit_callbacks)
    assert job.status == JobStatus.DONE
    rows = _rows(job)
    assert rows[0][:2] == ("STT", "Họ và tên")
    names = {row[1] for row in rows[1:]}
    assert len(names) == 12
    assert "Trần Thị VP-TINH-UY Hai" in names
    download = client.get(reverse("blocs:job_download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_a_unit_officers_export_holds_only_their_own_people(org, login, django_capture_on_commit_callbacks):
    job = _export(login(org.donvi), "blocs:people_export", django_capture_on_commit_callbacks)
    units = {row[5] for row in _rows(job)[1:]}
    assert units == {"Công an tỉnh"}


def test_the_export_follows_the_search_typed_on_the_list(org, login, django_capture_on_commit_callbacks):
    job = _export(login(org.noivu), "blocs:units_export", django_capture_on_commit_callbacks, q="toa an")
    assert [row[1] for row in _rows(job)[1:]] == ["Tòa án nhân dân tỉnh"]


def test_nobody_else_can_see_or_download_a_job(org, login, django_capture_on_commit_callbacks):
    job = _export(login(org.noivu), "blocs:people_export", django_capture_on_commit_callbacks)
    other = login(org.hoidong)
    assert other.get(reverse("blocs:job_detail", args=[job.pk])).status_code == 404
    assert other.get(reverse("blocs:job_download", args=[job.pk])).status_code == 404


@pytest.fixture
def flaky_kind():
    """A job kind that fails on its first run, as a full disk or a lost connection would."""
    calls = []

    @jobs.register("test_flaky", label="Flaky")
    def handler(job, progress):
        calls.append(job.pk)
        if len(calls) == 1:
            raise OSError("Ổ đĩa đầy")
        return "ok.txt", b"ok"

    yield calls
    jobs._KINDS.pop("test_flaky")


def test_a_failed_job_says_why_and_can_be_retried(org, login, flaky_kind, django_capture_on_commit_callbacks):
    client = login(org.noivu)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.job_start(actor=org.noivu, kind="test_flaky", params={})
    job = Job.objects.get(kind="test_flaky")
    assert job.status == JobStatus.FAILED
    page = client.get(reverse("blocs:job_detail", args=[job.pk]))
    assert "Ổ đĩa đầy" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("blocs:job_retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.attempts, job.error) == (JobStatus.DONE, 2, "")
    assert AuditLog.objects.filter(action="blocs.job.retried", object_id=str(job.pk)).exists()


def test_a_job_that_is_not_queued_is_not_run_twice(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.job_start(actor=org.noivu, kind="units_export", params={"year": org.year})
    job.refresh_from_db()
    finished = job.finished_at
    jobs.job_run(job_id=job.pk)  # a duplicate delivery of the task
    job.refresh_from_db()
    assert (job.status, job.attempts, job.finished_at) == (JobStatus.DONE, 1, finished)


def test_a_job_whose_worker_died_is_run_again_when_the_broker_delivers_it_again(org, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.job_start(actor=org.noivu, kind="units_export", params={"year": org.year})
    # Still "running" a minute after it started: a duplicate delivery leaves it alone.
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=timezone.now() - datetime.timedelta(minutes=1))
    jobs.job_run(job_id=job.pk)
    assert Job.objects.get(pk=job.pk).status == JobStatus.RUNNING
    # "Running" for an hour: its worker was killed; the redelivered task runs it.
    Job.objects.filter(pk=job.pk).update(started_at=timezone.now() - datetime.timedelta(hours=1))
    jobs.job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)


def test_a_done_job_cannot_be_retried(org, login, django_capture_on_commit_callbacks):
    client = login(org.noivu)
    job = _export(client, "blocs:units_export", django_capture_on_commit_callbacks)
    response = client.post(reverse("blocs:job_retry", args=[job.pk]), follow=True)
    assert "Chỉ chạy lại được công việc đã lỗi." in response.content.decode()
