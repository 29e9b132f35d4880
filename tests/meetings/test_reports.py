"""Review reports: the figures they carry, the ND 30 layout in PDF and DOCX, versions kept,
the job that renders them (run in-process here; tests/test_celery_worker.py runs one in a
real worker), and the ``render_report`` command."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pypdf
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from blocs import jobs
from blocs.models import Job, JobStatus
from blocs.officialdocs import date_line
from meetings.models import ReportPeriod, ReportVersion
from meetings.services import reports, scoring

pytestmark = pytest.mark.django_db
A4 = (595, 842)  # points, rounded


def pdf_text(content: bytes) -> tuple[str, list]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), reader.pages


@pytest.fixture
def scored(review, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sheets = {s.unit_id: s for s in scoring.sheets_open(actor=review.truongkhoi, meeting=review.review)}
    for unit, values in ((review.chqs, ["60", "25", "15", "5", "0"]), (review.ca, ["58", "25", "15", "0", "0"]),
                         (review.toa, ["50", "20", "15", "0", "5"])):
        scoring.agreed_scores_save(actor=review.truongkhoi, sheet=sheets[unit.pk],
                                   points={c.pk: v for c, v in zip(review.criteria, values, strict=True)})
    review.report = reports.report_save(
        actor=review.truongkhoi, bloc=review.noi_chinh, year=review.year, period=ReportPeriod.YEAR,
        number="15", dated=datetime.date(review.year, 12, 5), signer_name="Lò Văn Thắng",
        results="Các đơn vị trong Khối hoàn thành xuất sắc nhiệm vụ được giao.",
        shortcomings="Một số đơn vị gửi báo cáo chậm so với thời gian quy định.",
    )
    return review


def test_the_date_line_has_leading_zeros_for_small_days_and_january_february():
    assert date_line("Lai Châu", datetime.date(2026, 1, 5)) == "Lai Châu, ngày 05 tháng 01 năm 2026"
    assert date_line("Lai Châu", datetime.date(2024, 12, 18)) == "Lai Châu, ngày 18 tháng 12 năm 2024"
    assert date_line("Lai Châu", datetime.date(2024, 3, 9)) == "Lai Châu, ngày 09 tháng 3 năm 2024"


def test_a_new_bloc_report_is_filled_in_from_the_bloc(scored):
    report = scored.report
    assert report.issuing_body == "KHỐI THI ĐUA NỘI CHÍNH" and report.symbol == "BC-TĐNC"
    assert report.signer_prefix == "TM." and "Sở Nội vụ" in report.recipients


def test_the_year_end_pdf_is_a4_with_the_header_the_ranking_and_the_narrative(scored):
    version = reports.report_render(actor=scored.truongkhoi, report=scored.report)
    content = version.file.open("rb").read()
    text, pages = pdf_text(content)
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == A4 for p in pages)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KHỐI THI ĐUA NỘI CHÍNH",
                     "Số: 15/BC-TĐNC", f"Lai Châu, ngày 05 tháng 12 năm {scored.year}", "BÁO CÁO",
                     f"Tổng kết công tác thi đua, khen thưởng năm {scored.year}",
                     "TM. KHỐI THI ĐUA NỘI CHÍNH", "TRƯỞNG KHỐI", "Lò Văn Thắng", "Nơi nhận:",
                     "Một số đơn vị gửi báo cáo chậm so với thời gian quy định."):
        assert expected in text.replace("\n", " ") or expected in text, expected
    lines = text.splitlines()
    assert "1 Bộ Chỉ huy Quân sự tỉnh 100 5 0 105" in lines
    assert "2 Công an tỉnh 98 0 0 98" in lines
    assert "3 Tòa án nhân dân tỉnh 85 0 5 80" in lines
    assert version.sha256 and version.size == len(content)


def test_a_long_table_breaks_across_pages_with_its_header_repeated_and_numbered_pages(scored):
    from blocs.officialdocs import OfficialDocument, Table, render_pdf

    doc = OfficialDocument(parent_body="UBND TỈNH LAI CHÂU", issuing_body="SỞ NỘI VỤ", number="", symbol="BC-SNV",
                           place="Lai Châu", date=None, type_name="Báo cáo", subject="Danh sách",
                           blocks=[Table(["TT", "Đơn vị"], [[str(i), f"Xã số {i}"] for i in range(1, 120)])])
    text, pages = pdf_text(render_pdf(doc))
    assert len(pages) >= 3
    assert re.search(r"Số:\s{3,}/BC-SNV", text), text[:200]  # room to write the number at signing
    for number, page in enumerate(pages[1:], 2):
        page_text = page.extract_text()
        assert "TT Đơn vị" in page_text  # the header row again
        assert str(number) in page_text.splitlines()
    assert "\n1\n" not in "\n" + pages[0].extract_text().split("Danh sách")[0]  # no number on page 1


def test_the_same_report_is_an_editable_docx(scored):
    version = reports.report_render(actor=scored.truongkhoi, report=scored.report, fmt="docx")
    with zipfile.ZipFile(version.file.open("rb")) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in xml and "Công an tỉnh" in xml and "TRƯỞNG KHỐI" in xml


def test_rendering_again_keeps_the_old_version(scored):
    first = reports.report_render(actor=scored.truongkhoi, report=scored.report)
    reports.report_save(actor=scored.truongkhoi, report=scored.report, causes="Thiếu cán bộ chuyên trách.")
    second = reports.report_render(actor=scored.truongkhoi, report=scored.report)
    assert (first.number, second.number) == (1, 2)
    assert first.sha256 != second.sha256
    assert ReportVersion.objects.filter(report=scored.report).count() == 2
    assert first.file.open("rb").read()[:5] == b"%PDF-"


def test_the_job_renders_a_version_and_a_second_delivery_renders_nothing_more(scored, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = reports.report_start(actor=scored.truongkhoi, report=scored.report)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.file.name.endswith(".pdf")
    version = ReportVersion.objects.get(job=job)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED)  # the broker delivers it again
    jobs.job_run(job_id=job.pk)
    assert ReportVersion.objects.filter(report=scored.report).count() == 1
    assert ReportVersion.objects.get(job=job) == version


def test_a_failed_job_says_why_and_can_be_retried(scored, monkeypatch, django_capture_on_commit_callbacks):
    def broken(doc):
        raise RuntimeError("Không tìm thấy phông chữ")

    monkeypatch.setattr(reports, "render_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        reports.report_start(actor=scored.truongkhoi, report=scored.report)
    job = Job.objects.get(kind=reports.JOB_KIND)
    assert job.status == JobStatus.FAILED and "Không tìm thấy phông chữ" in job.error
    assert not ReportVersion.objects.exists()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        jobs.job_retry(actor=scored.truongkhoi, job=job)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and ReportVersion.objects.count() == 1


def test_the_command_renders_a_bloc_report_to_a_file(scored, tmp_path):
    out = tmp_path / "bao-cao.pdf"
    call_command("render_report", "--scope", "khoi thi dua noi chinh", "--year", str(scored.year),
                 "--period", "year", "--out", str(out), stdout=io.StringIO())
    text, _pages = pdf_text(out.read_bytes())
    assert "Công an tỉnh" in text
    with pytest.raises(CommandError, match="Không xác định được khối"):
        call_command("render_report", "--scope", "khối không có", "--year", "2024", "--period", "year",
                     "--out", str(out))


def test_the_province_six_month_report_lists_every_bloc(scored, tmp_path):
    out = tmp_path / "tinh.pdf"
    call_command("render_report", "--scope", "province", "--year", str(scored.year), "--period", "h1",
                 "--out", str(out), stdout=io.StringIO())
    text, _pages = pdf_text(out.read_bytes())
    assert "SỞ NỘI VỤ" in text and "6 tháng đầu năm" in text
