"""The review report screens: the list, creating a report, its page where the bloc's lead
writes the narrative, previews the figures and renders PDF or Word as a background job
(polled with htmx), the versions and their downloads; read by the bloc's members and the
council, hidden from other blocs' units."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blocs.models import BlocYear, Job, JobStatus, MemberRole, Membership, Role
from meetings.models import ReportPeriod, ReportVersion, ReviewReport
from meetings.services import reports
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

REQUIRED = "Trường này là bắt buộc."
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def url(name: str, obj=None) -> str:
    return reverse(f"meetings:{name}", args=[obj.pk] if obj is not None else [])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def outsider(org):
    """An officer of Văn phòng Tỉnh ủy, which leads Khối Đảng: outside Khối Nội chính."""
    return make_user("vptu", Role.UNIT_OFFICER, org.vptu)


def make_report(org, bloc=None, **fields) -> ReviewReport:
    return reports.report_save(actor=org.truongkhoi if bloc else org.noivu, bloc=bloc, year=org.year,
                               period=fields.pop("period", ReportPeriod.YEAR), **fields)


def report_data(report: ReviewReport, **extra) -> dict:
    """The report's form as the page shows it, with *extra* typed over it."""
    data = {name: getattr(report, name) or "" for name in (
        "number", "symbol", "place", "parent_body", "issuing_body", "results", "shortcomings", "causes",
        "next_tasks", "proposals_text", "recipients", "signer_prefix", "signer_post", "signer_name")}
    data["dated"] = f"{report.dated:%d/%m/%Y}" if report.dated else ""
    return {**data, **extra}


def render(client, report, fmt, django_capture_on_commit_callbacks):
    """Press a render button; the job runs when the request's transaction commits."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("report_render", report), {"format": fmt})
    assert response.status_code == 302 and response["Location"] == f"{report.get_absolute_url()}#ket-xuat"
    return response


# --- The lead writes and renders ----------------------------------------------------------


def test_the_lead_creates_the_bloc_s_report_with_the_bloc_s_defaults(org, login):
    client = login(org.truongkhoi)
    form = html(client.get(url("report_create")))
    assert org.noi_chinh.name in form and org.dang.name not in form
    assert "Báo cáo của tỉnh" not in form  # only staff write the province's

    response = client.post(url("report_create"), {"bloc": org.noi_chinh.pk, "year": org.year,
                                                  "period": ReportPeriod.HALF_YEAR}, follow=True)

    report = ReviewReport.objects.get()
    assert response.redirect_chain[-1][0] == report.get_absolute_url()
    assert messages_of(response)[0].startswith("Đã tạo báo cáo “Sơ kết 6 tháng đầu năm")
    assert (report.bloc, report.year, report.period, report.created_by) == (
        org.noi_chinh, org.year, ReportPeriod.HALF_YEAR, org.truongkhoi)
    page = response.content.decode()
    assert 'value="KHỐI THI ĐUA NỘI CHÍNH"' in page and 'value="BC-TĐNC"' in page

    # The same period again, or a bloc it does not lead: refused, with what was chosen kept.
    page = html(client.post(url("report_create"), {"bloc": org.noi_chinh.pk, "year": org.year,
                                                   "period": ReportPeriod.HALF_YEAR}))
    assert "Khối đã có báo cáo kỳ này." in page
    page = html(client.post(url("report_create"), {"bloc": org.noi_chinh.pk, "year": org.year - 1,
                                                   "period": ReportPeriod.YEAR}))
    assert f"Đơn vị của bạn không làm trưởng khối này trong năm {org.year - 1}." in page
    assert f'value="{org.year - 1}"' in page
    assert ReviewReport.objects.count() == 1


def test_interior_staff_create_the_province_s_report(org, login):
    response = login(org.noivu).post(url("report_create"), {"bloc": "", "year": org.year,
                                                            "period": ReportPeriod.YEAR}, follow=True)
    report = ReviewReport.objects.get()
    assert report.bloc is None and report.issuing_body == "SỞ NỘI VỤ"
    assert "Cấp tỉnh (Sở Nội vụ)" in response.content.decode()


def test_the_lead_writes_the_narrative_renders_a_pdf_and_downloads_it(review, login,
                                                                       django_capture_on_commit_callbacks):
    report = make_report(review, review.noi_chinh)
    client = login(review.truongkhoi)
    page = html(client.get(report.get_absolute_url()))
    assert 'data-testid="report-form"' in page and "Kết xuất PDF" in page and "Kết xuất Word" in page
    # The preview shows what the data gives before anything is rendered.
    assert "Hội nghị tổng kết công tác thi đua, khen thưởng năm" in page
    assert "Chưa kết xuất phiên bản nào." in page

    response = client.post(report.get_absolute_url(), report_data(
        report, number="15", dated=f"05/12/{review.year}", signer_name="Lò Văn Thắng",
        results="Các đơn vị trong Khối hoàn thành xuất sắc nhiệm vụ được giao.",
        shortcomings="Một số đơn vị gửi báo cáo chậm."), follow=True)
    assert messages_of(response) == ["Đã lưu báo cáo."]
    page = response.content.decode()
    report.refresh_from_db()
    assert (report.number, report.dated, report.signer_name) == ("15", datetime.date(review.year, 12, 5),
                                                                  "Lò Văn Thắng")
    preview = page.split('data-testid="report-preview"')[1]
    assert "Số: 15/BC-TĐNC" in preview and f"Lai Châu, ngày 05 tháng 12 năm {review.year}" in preview
    assert "Một số đơn vị gửi báo cáo chậm." in preview and "TM. KHỐI THI ĐUA NỘI CHÍNH" in preview

    render(client, report, "pdf", django_capture_on_commit_callbacks)
    page = html(client.get(report.get_absolute_url()))
    version = ReportVersion.objects.get(report=report)
    job = Job.objects.get(kind=reports.JOB_KIND)
    assert job.status == JobStatus.DONE and version.job == job
    assert "Hoàn thành" in page and 'hx-get' not in page.split('data-testid="report-job"')[1].split("</div>")[0]
    row = page.split('data-testid="report-version"')[1].split("</tr>")[0]
    assert ">1<" in row and "PDF" in row and version.sha256[:12] in row
    assert f"{timezone.localtime(version.created_at):%d/%m/%Y %H:%M}" in row and "truongkhoi" in row

    download = client.get(url("report_file", version))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"

    # A second rendering, in Word, is one more version; the PDF stays.
    render(client, report, "docx", django_capture_on_commit_callbacks)
    assert list(report.versions.values_list("format", "number").order_by("format")) == [("docx", 1), ("pdf", 1)]
    docx = report.versions.get(format="docx")
    assert login(review.donvi).get(url("report_file", docx))["Content-Disposition"].endswith('.docx"')


def test_a_refused_edit_keeps_what_was_typed_and_says_why_in_vietnamese(org, login):
    report = make_report(org, org.noi_chinh)
    client = login(org.truongkhoi)
    page = html(client.post(report.get_absolute_url(), report_data(
        report, symbol="", dated="31/02/2025", results="Kết quả nổi bật của Khối trong năm.")))
    assert REQUIRED in page and "Nhập một ngày hợp lệ." in page
    assert "Kết quả nổi bật của Khối trong năm." in page and "31/02/2025" in page
    report.refresh_from_db()
    assert report.symbol == "BC-TĐNC" and report.results == ""


# --- Who reads, who writes -----------------------------------------------------------------


def test_a_member_reads_the_report_and_its_versions_but_cannot_edit_or_render(org, login):
    report = make_report(org, org.noi_chinh, results="Khối hoàn thành tốt nhiệm vụ.")
    client = login(org.donvi)
    page = html(client.get(report.get_absolute_url()))
    assert "Khối hoàn thành tốt nhiệm vụ." in page and 'data-testid="report-facts"' in page
    assert 'data-testid="report-form"' not in page and "Kết xuất PDF" not in page
    assert client.post(report.get_absolute_url(), report_data(report, results="Sửa bậy")).status_code == 403
    assert client.post(url("report_render", report), {"format": "pdf"}).status_code == 403
    assert client.get(url("report_create")).status_code == 403
    report.refresh_from_db()
    assert report.results == "Khối hoàn thành tốt nhiệm vụ." and not Job.objects.exists()


def test_a_unit_of_another_bloc_neither_lists_nor_opens_the_report_but_reads_the_province_s(
        org, login, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(reports, "render_pdf", lambda document: b"%PDF-1.4 gia\n%%EOF")
    report = make_report(org, org.noi_chinh)
    province = make_report(org, None, period=ReportPeriod.HALF_YEAR)
    render(login(org.truongkhoi), report, "pdf", django_capture_on_commit_callbacks)
    version, job = ReportVersion.objects.get(), Job.objects.get()

    client = login(outsider(org))
    listed = html(client.get(url("report_list")))
    assert province.get_absolute_url() in listed and report.get_absolute_url() not in listed
    for page in (report.get_absolute_url(), url("report_file", version), url("report_job", job)):
        assert client.get(page).status_code == 404, page
    assert client.post(url("report_render", report), {"format": "pdf"}).status_code == 404
    assert client.post(url("report_job_retry", job)).status_code == 404
    assert html(client.get(province.get_absolute_url()))
    assert client.post(province.get_absolute_url(), report_data(province)).status_code == 403


# --- The job's status ----------------------------------------------------------------------


def test_the_status_fragment_shows_the_progress_while_the_job_runs(org, login):
    report = make_report(org, org.noi_chinh)
    job = Job.objects.create(kind=reports.JOB_KIND, params={"report": report.pk, "format": "docx"},
                             created_by=org.truongkhoi, status=JobStatus.RUNNING, progress_done=1, progress_total=3)
    client = login(org.truongkhoi)
    page = html(client.get(report.get_absolute_url()))
    assert f'hx-get="{url("report_job", job)}"' in page and 'hx-trigger="every 2s"' in page

    fragment = html(client.get(url("report_job", job), **HX))
    assert "<html" not in fragment and "Kết xuất Word (DOCX)" in fragment and "Đang chạy" in fragment
    assert 'role="progressbar"' in fragment and 'aria-valuenow="33"' in fragment and "1/3" in fragment
    assert f'hx-get="{url("report_job", job)}"' in fragment  # still polling

    # Done: the polling stops, the file is offered and the versions table is redrawn.
    version = ReportVersion.objects.create(report=report, number=1, format="docx", sha256="a" * 64, size=10,
                                           job=job, created_by=org.truongkhoi)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, progress_done=3)
    fragment = html(client.get(url("report_job", job), **HX))
    assert "hx-get" not in fragment and "Hoàn thành" in fragment
    assert url("report_file", version) in fragment and 'hx-swap-oob="true"' in fragment
    assert "aaaaaaaaaaaa" in fragment


def test_a_failed_rendering_says_why_and_the_lead_runs_it_again(org, login, monkeypatch,
                                                               django_capture_on_commit_callbacks):
    report = make_report(org, org.noi_chinh)

    def broken(document):
        raise RuntimeError("Thiếu phông chữ Times New Roman")

    monkeypatch.setattr(reports, "render_pdf", broken)
    lead = login(org.truongkhoi)
    # Without a broker the job runs in the request; the user lands on the report's page.
    response = render(lead, report, "pdf", django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"].startswith(report.get_absolute_url())
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and not ReportVersion.objects.exists()

    page = html(lead.get(report.get_absolute_url()))
    assert "Kết xuất bị lỗi: Thiếu phông chữ Times New Roman" in page and 'data-testid="job-retry"' in page
    fragment = html(lead.get(url("report_job", job), **HX))
    assert "Thiếu phông chữ Times New Roman" in fragment and "Chạy lại" in fragment and "hx-get" not in fragment

    # A member sees what happened but may not run it again.
    member = login(org.donvi)
    page = html(member.get(report.get_absolute_url()))
    assert "Thiếu phông chữ Times New Roman" in page and 'data-testid="job-retry"' not in page
    assert member.post(url("report_job_retry", job)).status_code == 403

    monkeypatch.setattr(reports, "render_pdf", lambda document: b"%PDF-1.4 sau khi sua\n%%EOF")
    lead = login(org.truongkhoi)
    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(url("report_job_retry", job))
    assert response["Location"] == f"{report.get_absolute_url()}#ket-xuat"
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2
    assert ReportVersion.objects.get().job == job
    page = html(lead.get(report.get_absolute_url()))
    assert "Kết xuất bị lỗi" not in page and 'data-testid="report-version"' in page
    # A finished job is not run again.
    response = lead.post(url("report_job_retry", job), follow=True)
    assert messages_of(response) == ["Chỉ chạy lại được công việc đã lỗi."]


# --- The list ------------------------------------------------------------------------------


def _grow(org, upto: int) -> None:
    """Khối Nội chính's reports, two a year going back (its roster copied to each year),
    until there are *upto* of them."""
    existing = ReviewReport.objects.count()
    for index in range(existing, upto):
        year = org.year - index // 2
        bloc_year, created = BlocYear.objects.get_or_create(bloc=org.noi_chinh, year=year)
        if created:
            Membership.objects.bulk_create([Membership(bloc_year=bloc_year, unit=org.chqs, role=MemberRole.LEAD),
                                            Membership(bloc_year=bloc_year, unit=org.ca)])
        ReviewReport.objects.create(bloc=org.noi_chinh, year=year, period=(ReportPeriod.HALF_YEAR, ReportPeriod.YEAR)[index % 2],
                                    symbol="BC-TĐNC", issuing_body="KHỐI THI ĐUA NỘI CHÍNH", signer_post="Trưởng khối")


def _queries(client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("report_list"))
    return len(queries), html(response).count('data-testid="report-row"')


@pytest.mark.parametrize("persona", ["noivu", "truongkhoi", "donvi"])
def test_the_list_runs_as_many_queries_for_20_reports_as_for_3(org, login, persona):
    client = login(getattr(org, persona))
    _grow(org, 3)
    few, rows = _queries(client)
    assert rows == 3
    _grow(org, 20)
    many, rows = _queries(client)
    assert rows == 20
    assert many == few


def test_the_list_filters_by_year_period_and_bloc_and_links_from_the_meetings(review, login):
    bloc_report = make_report(review, review.noi_chinh)
    half = make_report(review, review.noi_chinh, period=ReportPeriod.HALF_YEAR)
    province = make_report(review, None)
    client = login(review.noivu)

    def listed(**params) -> set:
        page = html(client.get(url("report_list"), params))
        return {r for r in (bloc_report, half, province) if r.get_absolute_url() in page}

    assert listed() == {bloc_report, half, province}
    assert listed(ky="year") == {bloc_report, province}
    assert listed(khoi="tinh") == {province}
    assert listed(khoi=review.noi_chinh.pk, ky="h1") == {half}
    assert listed(nam=review.year - 1) == set()

    meetings = html(client.get(reverse("meetings:meeting_list")))
    assert f'href="{url("report_list")}' in meetings and "Báo cáo sơ kết, tổng kết" in meetings
    meeting_page = html(login(review.donvi).get(review.review.get_absolute_url()))
    link = f'{url("report_list")}?nam={review.year}&amp;khoi={review.noi_chinh.pk}&amp;ky=year'
    assert link in meeting_page and "Báo cáo tổng kết" in meeting_page
    # The link leads to the bloc's year-end report.
    page = html(login(review.donvi).get(link.replace("&amp;", "&")))
    assert bloc_report.get_absolute_url() in page and half.get_absolute_url() not in page
