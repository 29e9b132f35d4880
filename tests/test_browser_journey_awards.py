"""A proposal from a unit to a decision in a real headless Chromium, through the screens only.

Công an tỉnh's officer proposes two of its people for Chiến sĩ thi đua cấp tỉnh. The check
explains why one of them cannot have it (a gap in the three-year streak of Chiến sĩ thi đua cơ
sở), so she takes that nominee off, uploads the dossier and sends it. Sở Nội vụ receives it,
returns it because the minutes lack the ballot tally, accepts it once the new minutes are
uploaded, records the council's vote and the Chủ tịch's decision; the awardee's page then shows
the award and its amount.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from awards.models import AwardRecord, InitiativeLevel, Nominee, Proposal, ProposalStatus, Rating
from awards.rules import base_salary_on
from blocs.models import AuditLog
from tests.awards.eligibility_factories import award_years, initiative, rate_years
from tests.browser_kit import ARTIFACTS, Journey
from tests.test_browser_journey_cycle import tiny_pdf

PROPOSALS = r"/de-nghi/"
DETAIL = r"/de-nghi/(\d+)/"
SUBJECT = "Đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm {year}"
TITLE = "Chiến sĩ thi đua cấp tỉnh"
ACHIEVEMENT = (
    "Chủ trì chuyên án triệt phá đường dây mua bán trái phép chất ma túy xuyên biên giới; "
    "sáng kiến quy trình tiếp nhận tin báo tội phạm được áp dụng toàn tỉnh."
)
RETURN_COMMENT = "Biên bản họp Hội đồng TĐKT của đơn vị chưa ghi kết quả bỏ phiếu; đề nghị bổ sung."


@pytest.fixture
def police(transactional_db, org, settings, tmp_path):
    """Công an tỉnh's two people with their ratings, awards and initiatives: the first has
    Chiến sĩ thi đua cơ sở in each of the three years before this one and a provincial
    initiative; the second missed it three years ago (a gap year)."""
    settings.MEDIA_ROOT = tmp_path
    y = org.year
    org.hero, org.gap = org.people["cong-an"]
    org.gap.recruited_on = datetime.date(2012, 8, 1)
    org.gap.save(update_fields=["recruited_on"])
    for person in (org.hero, org.gap):
        rate_years(person, range(y - 5, y + 1), Rating.EXCELLENT)
        initiative(person, InitiativeLevel.PROVINCE, y - 1)
    award_years(org.hero, "CSTDCS", [y - 3, y - 2, y - 1])
    award_years(org.gap, "CSTDCS", [y - 4, y - 2, y - 1])
    return org


@pytest.mark.browser
def test_a_proposal_goes_from_the_unit_to_a_decision_and_the_awardee_page_shows_it(
    live_server, police, browser_page
):
    journey = Journey(browser_page, live_server.url)
    org = police
    try:
        pk = the_unit_officer_drafts_two_nominees_and_learns_why_one_is_not_eligible(journey, org)
        she_uploads_the_dossier_is_refused_takes_that_nominee_off_and_sends_it(journey, org)
        interior_staff_receive_it_and_return_it_for_the_ballot_tally(journey, org)
        the_unit_uploads_new_minutes_and_sends_it_again(journey, org)
        interior_staff_accept_it_and_record_the_vote_and_the_decision(journey, org)
        the_awardee_page_shows_the_award_and_its_amount(journey, org)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        browser_page.screenshot(path=str(ARTIFACTS / "awards-journey.png"), full_page=True)
        raise

    assert not journey.csp_errors(), journey.console_errors
    assert not journey.page_errors(), journey.console_errors
    assert_rows(org, pk)


def choose(select, text: str) -> None:
    """Pick the option of *select* whose label contains *text*."""
    select.select_option(value=select.locator("option", has_text=text).first.get_attribute("value"))


def add_nominee(journey: Journey, person) -> None:
    page = journey.page
    journey.go(page.get_by_role("link", name="Thêm người, tập thể"), r"/de-nghi/\d+/them/")
    page.get_by_label("Danh hiệu, hình thức đề nghị").select_option(label=TITLE)
    choose(page.get_by_label("Cá nhân"), person.full_name)
    page.get_by_label("Tóm tắt thành tích").fill(ACHIEVEMENT)
    journey.go(page.get_by_role("button", name="Lưu"), DETAIL)


def nominee_row(page, person):
    return page.get_by_test_id("nominees").locator("tbody tr").filter(has_text=person.full_name)


def the_unit_officer_drafts_two_nominees_and_learns_why_one_is_not_eligible(journey: Journey, org) -> int:
    page, y = journey.page, org.year
    journey.log_in("donvi")
    journey.nav("Đề nghị khen thưởng", PROPOSALS)
    journey.go(page.get_by_role("link", name="Tạo đề nghị"), r"/de-nghi/tao/")
    page.get_by_label("Trích yếu").fill(SUBJECT.format(year=y))
    page.get_by_label("Loại hình khen thưởng").select_option(label="Công trạng")
    page.get_by_label("Năm xét").fill(str(y))
    page.get_by_label("Số tờ trình").fill("125/TTr-CAT")
    journey.go(page.get_by_role("button", name="Lưu"), DETAIL)
    pk = int(re.search(r"/de-nghi/(\d+)/", page.url).group(1))
    assert page.get_by_role("heading", level=1).inner_text() == SUBJECT.format(year=y)
    assert "Đang soạn" in page.get_by_test_id("status").inner_text()

    add_nominee(journey, org.hero)
    add_nominee(journey, org.gap)
    assert page.get_by_test_id("nominees").locator("tbody tr").count() == 2

    journey.go(page.get_by_role("button", name="Kiểm tra điều kiện"), DETAIL)
    gap_checks = nominee_row(page, org.gap).get_by_test_id("checks").inner_text()
    assert (
        f"Cần 3 năm liên tục đạt CSTĐ cơ sở ngay trước năm xét (Điều 22 Luật TĐKT 2022): "
        f"có {y - 2}, {y - 1}; thiếu {y - 3}." in gap_checks
    ), gap_checks
    hero_checks = nominee_row(page, org.hero).get_by_test_id("checks").inner_text()
    assert f"Đạt CSTĐ cơ sở 3 năm liên tục: {y - 3}, {y - 2}, {y - 1}." in hero_checks, hero_checks
    assert "Không đạt" not in hero_checks

    return pk


def upload(journey: Journey, kind: str, name: str, nominee: str | None = None) -> None:
    page = journey.page
    form = page.get_by_test_id("upload")
    form.get_by_label("Loại tài liệu").select_option(label=kind)
    if nominee:
        choose(form.get_by_label("Của người, tập thể"), nominee)
    path = ARTIFACTS / name
    ARTIFACTS.mkdir(exist_ok=True)
    path.write_bytes(tiny_pdf())
    form.get_by_label("Tệp").set_input_files(str(path))
    journey.go(form.get_by_role("button", name="Tải lên"), DETAIL)
    assert not page.locator(".invalid-feedback").count(), page.locator("main").inner_text()


def she_uploads_the_dossier_is_refused_takes_that_nominee_off_and_sends_it(journey: Journey, org) -> None:
    page, y = journey.page, org.year
    checklist = page.get_by_test_id("checklist")
    assert "còn thiếu" in checklist.inner_text()
    upload(journey, "Tờ trình", "to-trinh-125.pdf")
    upload(journey, "Biên bản họp Hội đồng TĐKT (kết quả bỏ phiếu)", "bien-ban.pdf")
    for person in (org.hero, org.gap):
        upload(journey, "Báo cáo thành tích", "bao-cao-thanh-tich.pdf", person.full_name)
        upload(journey, "Giấy chứng nhận sáng kiến, đề tài", "sang-kien.pdf", person.full_name)
    assert "còn thiếu" not in checklist.inner_text(), checklist.inner_text()

    # Sending is refused while a nominee fails a check, and the message says who and why.
    journey.go(page.get_by_role("button", name="Gửi Sở Nội vụ"), DETAIL)
    refused = " ".join(journey.messages())
    assert f"{org.gap.full_name} — {TITLE} không đủ điều kiện" in refused, refused
    assert f"thiếu {y - 3}" in refused
    assert "Đang soạn" in page.get_by_test_id("status").inner_text()

    journey.go(nominee_row(page, org.gap).get_by_role("button", name="Bỏ"), DETAIL)
    assert journey.dialogs[-1] == "Bỏ khỏi đề nghị?"
    assert page.get_by_test_id("nominees").locator("tbody tr").count() == 1
    assert "còn thiếu" not in checklist.inner_text(), checklist.inner_text()

    journey.go(page.get_by_role("button", name="Gửi Sở Nội vụ"), DETAIL)
    assert journey.dialogs[-1].startswith("Gửi đề nghị đến Sở Nội vụ?")
    assert "Đã gửi Sở Nội vụ" in page.get_by_test_id("status").inner_text()
    journey.log_out()


def open_the_proposal(journey: Journey, org) -> None:
    page = journey.page
    journey.nav("Đề nghị khen thưởng", PROPOSALS)
    journey.go(page.get_by_role("link", name=SUBJECT.format(year=org.year)), DETAIL)


def interior_staff_receive_it_and_return_it_for_the_ballot_tally(journey: Journey, org) -> None:
    page = journey.page
    journey.log_in("noivu")
    open_the_proposal(journey, org)
    review = page.get_by_test_id("review")
    choose(review.get_by_label("Chuyên viên thụ lý"), "noivu")
    journey.go(review.get_by_role("button", name="Tiếp nhận, phân công"), DETAIL)
    assert "Đã tiếp nhận, phân công" in page.get_by_test_id("status").inner_text()
    journey.go(page.get_by_role("button", name="Bắt đầu thẩm định"), DETAIL)
    assert "Đang thẩm định" in page.get_by_test_id("status").inner_text()

    page.get_by_label("Hồ sơ cần bổ sung những gì").fill(RETURN_COMMENT)
    journey.go(page.get_by_role("button", name="Trả lại để bổ sung"), DETAIL)
    assert journey.messages() == ["Đã trả lại đề nghị để bổ sung."]
    assert "Trả lại để bổ sung" in page.get_by_test_id("status").inner_text()
    journey.log_out()


def the_unit_uploads_new_minutes_and_sends_it_again(journey: Journey, org) -> None:
    page = journey.page
    journey.log_in("donvi")
    open_the_proposal(journey, org)
    assert RETURN_COMMENT in page.get_by_test_id("return-comment").inner_text()
    upload(journey, "Biên bản họp Hội đồng TĐKT (kết quả bỏ phiếu)", "bien-ban-co-ket-qua-bo-phieu.pdf")
    checklist = page.get_by_test_id("checklist").inner_text()
    assert "bien-ban-co-ket-qua-bo-phieu.pdf" in checklist
    # The first minutes stay in the dossier, marked as replaced.
    replaced = page.get_by_test_id("documents").locator("li").filter(has_text="bien-ban.pdf")
    assert "đã thay" in replaced.inner_text()
    journey.go(page.get_by_role("button", name="Gửi Sở Nội vụ"), DETAIL)
    assert "Đã gửi Sở Nội vụ" in page.get_by_test_id("status").inner_text()
    journey.log_out()


def interior_staff_accept_it_and_record_the_vote_and_the_decision(journey: Journey, org) -> None:
    page, y = journey.page, org.year
    journey.log_in("noivu")
    open_the_proposal(journey, org)
    review = page.get_by_test_id("review")
    choose(review.get_by_label("Chuyên viên thụ lý"), "noivu")
    journey.go(review.get_by_role("button", name="Tiếp nhận, phân công"), DETAIL)
    journey.go(page.get_by_role("button", name="Bắt đầu thẩm định"), DETAIL)
    row = nominee_row(page, org.hero)
    row.get_by_label("Đạt", exact=True).check()
    journey.go(row.get_by_role("button", name="Ghi kết quả"), DETAIL)
    assert "Thẩm định đạt" in nominee_row(page, org.hero).inner_text()
    journey.go(page.get_by_role("button", name="Trình Hội đồng"), DETAIL)
    assert "Chờ Hội đồng xét" in page.get_by_test_id("status").inner_text()

    today = timezone.localdate()
    journey.go(page.get_by_role("link", name="Ghi kết quả Hội đồng"), r"/hoi-dong/de-nghi/\d+/bieu-quyet/")
    page.get_by_label("Ngày họp").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Tổng số thành viên Hội đồng").fill("11")
    page.get_by_label("Số thành viên có mặt").fill("10")
    page.get_by_label("Số vắng có ý kiến bằng văn bản").fill("1")
    page.get_by_label("Chủ trì").fill("Chủ tịch UBND tỉnh, Chủ tịch Hội đồng")
    votes = page.get_by_test_id("vote-rows").locator("tbody tr").filter(has_text=org.hero.full_name)
    votes.get_by_label(re.compile(r"^\s*Đồng ý")).fill("10")
    votes.get_by_label("Không đồng ý").fill("1")
    journey.go(page.get_by_role("button", name="Ghi kết quả"), r"/hoi-dong/")
    assert journey.messages() == ["Đã ghi kết quả biểu quyết của Hội đồng."]
    row = page.locator("tr").filter(has_text=SUBJECT.format(year=y))
    assert "Hội đồng đã biểu quyết" in row.inner_text()

    journey.go(row.get_by_role("link", name="Ghi quyết định của tỉnh"), r"/hoi-dong/de-nghi/\d+/quyet-dinh/")
    page.get_by_role("spinbutton", name="Số", exact=True).fill("2345")
    page.get_by_label("Ngày ký").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Thẩm quyền ký").select_option(label="KT.")
    page.get_by_label("Chức vụ người ký").fill("Phó Chủ tịch")
    page.get_by_role("textbox", name="Người ký*", exact=True).fill("Hà Trọng Hải")
    page.get_by_label("Trích yếu").fill(f"Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm {y}")
    journey.go(page.get_by_role("button", name="Ghi quyết định"), r"/quyet-dinh/\d+/")
    main = page.locator("main").inner_text()
    assert "2345/QĐ-UBND" in main, main
    assert org.hero.full_name in main
    journey.log_out()


def expected_amount() -> int:
    """Chiến sĩ thi đua cấp tỉnh: 3.0 × the base salary on the decision's date (ND 152)."""
    return 3 * base_salary_on(timezone.localdate())


def vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def the_awardee_page_shows_the_award_and_its_amount(journey: Journey, org) -> None:
    page, y = journey.page, org.year
    journey.log_in("donvi")
    page.goto(f"{journey.base_url}/ca-nhan/{org.hero.pk}/")
    journey.arrived(r"/ca-nhan/\d+/")
    history = page.get_by_test_id("award-history").locator("tbody tr").filter(has_text=TITLE).first
    text = history.inner_text()
    assert str(y) in text and "2345/QĐ-UBND" in text, text
    assert vnd(expected_amount()) in text, (text, expected_amount())
    journey.log_out()


def assert_rows(org, pk: int) -> None:
    proposal = Proposal.objects.get(pk=pk)
    assert proposal.status == ProposalStatus.DECIDED
    assert list(Nominee.objects.filter(proposal=proposal).values_list("person", flat=True)) == [org.hero.pk]
    record = AwardRecord.objects.get(person=org.hero, title__code="CSTD_TINH", year=org.year)
    assert record.amount == expected_amount() and record.amount > 0
    assert record.decision.number == 2345 and record.decision.signer_prefix == "KT."
    assert not AwardRecord.objects.filter(person=org.gap, title__code="CSTD_TINH").exists()
    actions = list(
        proposal.events.values_list("to_status", flat=True)
    )
    assert actions.count(ProposalStatus.SUBMITTED) == 2 and ProposalStatus.RETURNED in actions
    assert AuditLog.objects.filter(action="awards.decision.recorded").count() == 1
