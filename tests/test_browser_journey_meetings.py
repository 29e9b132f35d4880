"""The 2024 year-end review of Khối Thi đua Nội chính in a real headless Chromium.

Bộ CHQS leads the bloc in 2024. Công an and Tòa án have sent their self-scores against the
signed 2024 pledge; the lead opens the review held on 18/01/2025, records the agreed points
of each member, sees the ranking, records the vote that makes Công an next year's lead,
writes the narrative of the year-end report, renders it, watches the job finish and
downloads the PDF.
"""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

import pypdf
import pytest

from blocs import services as blocs_services
from blocs.models import LeadSource, MemberRole, Membership
from meetings.models import MeetingKind, ReportVersion
from meetings.services import meetings as meeting_services
from meetings.services import scoring
from movements.models import Criterion, CriterionGroup
from movements.services import pledges as pledge_services
from tests.browser_kit import ARTIFACTS, Journey
from tests.meetings.conftest import TABLE

TITLE = "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 Khối Thi đua Nội chính"
RESULTS = "Các đơn vị trong Khối hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ năm 2024."
SHORTCOMINGS = "Một số đơn vị gửi báo cáo sơ kết chậm so với thời gian quy định."
# Agreed points in the order of the criteria: three scored, one bonus, one penalty.
AGREED = {
    "Bộ Chỉ huy Quân sự tỉnh": ["60", "25", "15", "5", ""],
    "Công an tỉnh": ["58", "", "", "", ""],  # empty: the unit's own points stand
    "Tòa án nhân dân tỉnh": ["55", "24", "15", "", "2"],
}


@pytest.fixture
def review_2024(transactional_db, org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for unit, role in ((org.chqs, MemberRole.LEAD), (org.ca, MemberRole.MEMBER), (org.toa, MemberRole.MEMBER)):
        blocs_services.membership_add(actor=None, bloc=org.noi_chinh, year=2024, unit=unit, role=role,
                                      lead_source=LeadSource.APPOINTED if role == MemberRole.LEAD else "")
    pledge = pledge_services.pledge_create(actor=None, bloc=org.noi_chinh, year=2024)
    org.criteria = []
    for group_name, rows in TABLE:
        group = pledge_services.criterion_group_save(actor=None, group=CriterionGroup(pledge=pledge, name=group_name))
        for text, points, kind in rows:
            org.criteria.append(pledge_services.criterion_save(
                actor=None, criterion=Criterion(group=group, text=text, max_points=Decimal(points), kind=kind)))
    pledge_services.pledge_sign(actor=None, pledge=pledge, signed_on=datetime.date(2024, 2, 27),
                                meeting="Hội nghị ký kết giao ước thi đua năm 2024")
    org.review = meeting_services.meeting_create(
        actor=None, bloc=org.noi_chinh, year=2024, kind=MeetingKind.YEAR_END, title=TITLE,
        held_on=datetime.date(2025, 1, 18), place="Hội trường Bộ CHQS tỉnh", host_unit=org.chqs,
        chair="Chỉ huy trưởng Bộ CHQS tỉnh")
    sheets = {s.unit_id: s for s in scoring.sheets_open(actor=None, meeting=org.review)}
    own = {org.chqs: ["60", "25", "15", "5", "0"], org.ca: ["58", "25", "15", "2", "0"],
           org.toa: ["56", "24", "15", "0", "2"]}
    for unit, values in own.items():
        scoring.self_scores_save(actor=None, sheet=sheets[unit.pk], submit=True, points={
            c.pk: (v, "Theo báo cáo tổng kết của đơn vị") for c, v in zip(org.criteria, values, strict=True)})
    return org


@pytest.mark.browser
def test_the_bloc_lead_scores_ranks_votes_and_prints_the_year_end_report(live_server, review_2024, browser_page):
    journey = Journey(browser_page, live_server.url)
    org = review_2024
    try:
        the_lead_opens_the_2024_review(journey)
        the_lead_records_the_agreed_points_and_sees_the_ranking(journey)
        the_lead_records_the_vote_for_next_years_lead(journey, org)
        the_lead_writes_the_report_renders_it_and_downloads_the_pdf(journey, org)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        browser_page.screenshot(path=str(ARTIFACTS / "meetings-journey.png"), full_page=True)
        raise
    assert not journey.csp_errors(), journey.console_errors
    assert not journey.page_errors(), journey.console_errors


def the_lead_opens_the_2024_review(journey: Journey) -> None:
    page = journey.page
    journey.log_in("truongkhoi")
    journey.nav("Hội nghị", r"/hoi-nghi/(\?.*)?")
    page.locator("#nam").fill("2024")
    journey.go(page.get_by_role("button", name="Lọc"), r"/hoi-nghi/\?.*nam=2024.*")
    journey.go(page.get_by_role("link", name=TITLE), r"/hoi-nghi/\d+/")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    journey.go(page.get_by_test_id("ranking-link"), r"/hoi-nghi/\d+/xep-hang/")
    assert "0/3 phiếu đã thống nhất điểm." in page.get_by_test_id("sheet-status").inner_text()


def the_lead_records_the_agreed_points_and_sees_the_ranking(journey: Journey) -> None:
    page = journey.page
    for unit, values in AGREED.items():
        row = page.get_by_test_id("ranking").locator("tbody tr").filter(has_text=unit)
        journey.go(row.get_by_role("link", name="Thống nhất điểm"), r"/hoi-nghi/phieu-cham/\d+/thong-nhat/")
        boxes = page.get_by_test_id("agree-form").get_by_label("Điểm thống nhất")
        assert boxes.count() == len(values)
        for i, value in enumerate(values):
            boxes.nth(i).fill(value)
        journey.go(page.get_by_role("button", name="Ghi điểm thống nhất"), r"/hoi-nghi/\d+/xep-hang/")

    assert "3/3 phiếu đã thống nhất điểm." in page.get_by_test_id("sheet-status").inner_text()
    ranking = [re.split(r"\t+", line.strip()) for line in
               page.get_by_test_id("ranking").locator("tbody tr").all_inner_texts()]
    assert [(cells[0], cells[1], cells[5]) for cells in ranking] == [
        ("1", "Bộ Chỉ huy Quân sự tỉnh", "105"),
        ("2", "Công an tỉnh", "100"),  # 58 + 25 + 15 of its own + 2 bonus
        ("3", "Tòa án nhân dân tỉnh", "92"),  # 55 + 24 + 15 − 2
    ]
    assert "Trong chỉ tiêu: Bộ Chỉ huy Quân sự tỉnh" in page.get_by_test_id("quota").inner_text()
    journey.go(page.get_by_test_id("finalise"), r"/hoi-nghi/\d+/xep-hang/")
    assert page.get_by_test_id("finalised").is_visible()


def the_lead_records_the_vote_for_next_years_lead(journey: Journey, org) -> None:
    page = journey.page
    journey.go(page.get_by_role("link", name=TITLE), r"/hoi-nghi/\d+/")
    journey.go(page.get_by_role("link", name="Ghi kết quả suy tôn"), r"/hoi-nghi/\d+/suy-ton/")
    form = page.get_by_test_id("election-form")
    form.get_by_label("Suy tôn").select_option(label=str(MemberRole.LEAD.label))
    form.get_by_label("Số đơn vị biểu quyết").fill("3")
    form.get_by_label("Công an tỉnh").fill("2")
    form.get_by_label("Tòa án nhân dân tỉnh").fill("1")
    journey.go(page.get_by_role("button", name="Ghi kết quả"), r"/hoi-nghi/\d+/(#.*)?")
    assert "Công an tỉnh" in page.get_by_test_id("elections").inner_text()
    lead_2025 = Membership.objects.get(bloc_year__bloc=org.noi_chinh, bloc_year__year=2025, role=MemberRole.LEAD)
    assert (lead_2025.unit, lead_2025.lead_source) == (org.ca, LeadSource.VOTED)


def the_lead_writes_the_report_renders_it_and_downloads_the_pdf(journey: Journey, org) -> None:
    page = journey.page
    journey.go(page.get_by_test_id("report-link"), r"/hoi-nghi/bao-cao/\?.*")
    journey.go(page.get_by_role("link", name=re.compile("Tạo báo cáo")), r"/hoi-nghi/bao-cao/tao-moi/(\?.*)?")
    journey.go(page.get_by_role("button", name=re.compile("Tạo|Lưu")), r"/hoi-nghi/bao-cao/\d+/")
    page.get_by_label("Số", exact=True).fill("15")
    page.get_by_label(re.compile("Kết quả đạt được")).fill(RESULTS)
    page.get_by_label(re.compile("Tồn tại, hạn chế")).fill(SHORTCOMINGS)
    page.get_by_role("textbox", name="Người ký", exact=True).fill("Lò Văn Thắng")
    journey.go(page.get_by_role("button", name="Lưu"), r"/hoi-nghi/bao-cao/\d+/")

    journey.go(page.get_by_role("button", name="Kết xuất PDF"), r"/hoi-nghi/bao-cao/.*")
    progress = page.get_by_role("progressbar")
    progress.wait_for()
    page.wait_for_function(
        "() => document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') === '100'", timeout=60_000)
    link = page.get_by_role("link", name=re.compile(r"\.pdf|Tải về")).first
    with page.expect_download() as download_info:
        link.click()
    content = open(download_info.value.path(), "rb").read()
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages)
    flat = " ".join(text.split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat and "Độc lập - Tự do - Hạnh phúc" in flat
    assert "Số: 15/" in flat and RESULTS in flat and SHORTCOMINGS in flat
    assert "1 Bộ Chỉ huy Quân sự tỉnh 100 5 0 105" in text.splitlines()
    assert ReportVersion.objects.filter(report__bloc=org.noi_chinh, report__year=2024).count() == 1
