"""The yearly cycle of 2025 in a real headless Chromium, through the screens only.

Sở Nội vụ opens the 2025 registration round and records directive 09/CT-UBND with its seven
items; Công an tỉnh registers and sends it to its bloc lead (Bộ CHQS, Khối Thi đua Nội
chính), who returns it once, then accepts the corrected one and sends the bloc's
consolidated registration to Sở Nội vụ; last, the lead starts the bloc's 2025 pledge from the
2024 criteria and records its signing, which locks the criteria.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from awards.models import (
    BlocRegistration,
    BlocRegistrationStatus,
    Registration,
    RegistrationRound,
    RegistrationStatus,
)
from blocs import services as blocs_services
from blocs.models import AuditLog, LeadSource, MemberRole, UnitKind
from movements.models import (
    Criterion,
    CriterionGroup,
    CriterionKind,
    Document,
    DocumentKind,
    Pledge,
)
from movements.services import pledges as pledge_services
from tests.browser_kit import ARTIFACTS, Journey
from tests.conftest import make_unit

THEME = (
    "Đoàn kết, kỷ cương, trách nhiệm, sáng tạo, phát triển thi đua phấn đấu hoàn thành xuất sắc "
    "nhiệm vụ phát triển kinh tế - xã hội năm 2025, góp phần hoàn thành các chỉ tiêu kinh tế - xã "
    "hội giai đoạn (2021 - 2025)"
)
TITLE_09 = (
    "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã "
    "hội, đảm bảo quốc phòng - an ninh năm 2025"
)
ITEMS_09 = [
    "Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu "
    "nước, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng.",
    "Cấp ủy và tổ chức đảng tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính "
    "trị. Triển khai thực hiện đồng bộ, hiệu quả các nhiệm vụ, giải pháp trọng tâm.",
    "Tiếp tục đẩy mạnh các phong trào thi đua do Thủ tướng Chính phủ phát động và các phong trào "
    "thi đua của tỉnh.",
    "Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ thị số 34-CT/TW ngày "
    "7/4/2014 của Bộ Chính trị thực hiện có hiệu quả phong trào thi đua trên mọi lĩnh vực của đời "
    "sống xã hội.",
    "Tăng cường sự lãnh đạo của cấp ủy Đảng, vai trò, trách nhiệm của chính quyền, đoàn thể và "
    "người đứng đầu trong việc tổ chức các phong trào thi đua và thực hiện chính sách, pháp luật "
    "về thi đua, khen thưởng.",
    "Tổ chức tốt Đại hội thi đua, hội nghị điển hình tiên tiến các cấp, các ngành và Đại hội Thi "
    "đua yêu nước tỉnh Lai Châu lần thứ VI, tạo động lực, khí thế thi đua sôi nổi trước thềm Đại "
    "hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
    "Tiếp tục thực hiện có hiệu quả chương trình phối hợp giữa cơ quan làm công tác thi đua, khen "
    "thưởng với các cơ quan thông tin, truyền thông. Các cơ quan thông tin đại chúng trên địa bàn "
    "tỉnh tiếp tục đẩy mạnh công tác tuyên truyền các chủ trương, chính sách của Đảng, pháp luật "
    "của Nhà nước về thi đua, khen thưởng.",
]
# Last year's table, copied into this year's pledge: (group, [(criterion, points, kind)]).
CRITERIA_2024 = [
    ("Thực hiện nhiệm vụ chính trị", [
        ("Hoàn thành các chỉ tiêu, nhiệm vụ được giao trong năm", "60", CriterionKind.SCORED),
        ("Bảo đảm an ninh chính trị, trật tự an toàn xã hội", "25", CriterionKind.SCORED),
    ]),
    ("Công tác thi đua, khen thưởng", [
        ("Báo cáo thi đua, khen thưởng đúng hạn", "15", CriterionKind.SCORED),
        ("Mô hình, điển hình tiên tiến được nhân rộng", "5", CriterionKind.BONUS),
    ]),
]
COPIED = [text for _, rows in CRITERIA_2024 for text, _, _ in rows]
BLOC = "Khối Thi đua Nội chính"
# The navbar's entries ("Văn bản, phong trào" or, in its menu, "Văn bản chỉ đạo").
DOCUMENTS, PLEDGES = re.compile(r"^Văn bản"), re.compile(r"^Giao ước")
RETURN_REASON = "Đề nghị ghi rõ chỉ tiêu phấn đấu bằng số liệu cụ thể và bổ sung cá nhân đăng ký."
PLEDGE_FIRST = "Hoàn thành xuất sắc nhiệm vụ năm 2025."
PLEDGE_FIXED = "Hoàn thành 100% chỉ tiêu được giao; giảm 5% số vụ phạm pháp hình sự so với năm 2024."
PLEDGE_TEXT = "Các đơn vị trong Khối cam kết hoàn thành xuất sắc nhiệm vụ năm 2025 theo Chỉ thị số 09/CT-UBND."
MEETING = "Hội nghị triển khai nhiệm vụ năm 2025 và ký kết giao ước thi đua Khối Thi đua Nội chính"
SIGNERS = {  # unit: (representative, position)
    "Bộ Chỉ huy Quân sự tỉnh": ("Đại tá Lò Văn Thắng", "Chỉ huy trưởng"),
    "Công an tỉnh": ("Đại tá Giàng A Dế", "Giám đốc"),
    "Tòa án nhân dân tỉnh": ("Ông Tao Văn Chiến", "Chánh án"),
}


def tiny_pdf() -> bytes:
    """A valid one-page PDF (header, catalog, page tree, page, cross-reference table)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body


@pytest.fixture
def cycle(transactional_db, org, settings, tmp_path):
    """The ``org`` province with the catalogue of titles, UBND tỉnh, Khối Nội chính as it was
    in 2024 and 2025 (Bộ CHQS leads, Công an and Tòa án are members), and its signed 2024
    pledge."""
    settings.MEDIA_ROOT = tmp_path
    org.ubnd = make_unit("ubnd-tinh", "UBND tỉnh Lai Châu", UnitKind.OTHER, short_name="UBND tỉnh")
    for year in (2024, 2025):
        blocs_services.membership_add(
            actor=None, bloc=org.noi_chinh, year=year, unit=org.chqs, role=MemberRole.LEAD,
            lead_source=LeadSource.APPOINTED,
        )
        for unit in (org.ca, org.toa):
            blocs_services.membership_add(actor=None, bloc=org.noi_chinh, year=year, unit=unit)
    org.pledge_2024 = pledge_services.pledge_create(
        actor=org.truongkhoi, bloc=org.noi_chinh, year=2024, text="Các đơn vị cam kết thi đua năm 2024."
    )
    for group_name, criteria in CRITERIA_2024:
        group = pledge_services.criterion_group_save(
            actor=org.truongkhoi, group=CriterionGroup(pledge=org.pledge_2024, name=group_name)
        )
        for text, points, kind in criteria:
            pledge_services.criterion_save(
                actor=org.truongkhoi,
                criterion=Criterion(group=group, text=text, max_points=Decimal(points), kind=kind),
            )
    pledge_services.pledge_sign(
        actor=org.truongkhoi, pledge=org.pledge_2024, signed_on=datetime.date(2024, 2, 27),
        meeting="Hội nghị ký kết giao ước thi đua năm 2024",
    )
    return org


@pytest.mark.browser
def test_the_2025_cycle_goes_from_directive_to_signed_pledge_through_the_screens(
    live_server, cycle, browser_page
):
    journey = Journey(browser_page, live_server.url)
    # The journey runs years after 2025's real deadline; a deadline still ahead keeps the
    # units on time, as they were in early 2025 ("Nộp muộn" is covered by the awards tests).
    deadline = timezone.localdate() + datetime.timedelta(days=30)

    interior_staff_open_the_round_and_record_the_directive(journey, deadline)
    the_unit_registers_and_sends_it_to_the_bloc_lead(journey, cycle)
    the_bloc_lead_returns_it_with_a_comment(journey)
    the_unit_reads_the_comment_corrects_and_sends_again(journey, cycle)
    the_bloc_lead_accepts_it_and_sends_the_consolidated_registration(journey, cycle)
    the_bloc_lead_starts_the_pledge_from_last_year_and_signs_it(journey, cycle)

    assert not journey.csp_errors(), journey.console_errors
    assert not journey.page_errors(), journey.console_errors
    assert_rows(cycle, deadline)


def interior_staff_open_the_round_and_record_the_directive(journey: Journey, deadline) -> None:
    page, go = journey.page, journey.go
    journey.log_in("noivu")
    journey.nav("Đăng ký thi đua", r"/dang-ky/")
    go(page.get_by_role("link", name="Mở đợt đăng ký"), r"/dang-ky/mo-dot/")
    page.get_by_label("Năm").fill("2025")
    page.get_by_label("Mở từ ngày").fill("02/01/2025")
    page.get_by_label("Hạn đơn vị nộp").fill(deadline.strftime("%d/%m/%Y"))
    page.get_by_label("Hướng dẫn").fill("Các đơn vị đăng ký thi đua theo Chỉ thị số 09/CT-UBND.")
    go(page.get_by_role("button", name="Lưu"), r"/dang-ky/2025/")
    assert journey.messages() == ["Đã lưu đợt đăng ký thi đua năm 2025."]
    assert page.get_by_role("heading", level=1).inner_text() == "Đăng ký thi đua năm 2025"
    assert f"hạn đơn vị nộp {deadline:%d/%m/%Y}" in page.locator("main").inner_text()
    group = page.get_by_test_id("group").filter(has_text=BLOC)
    assert "Bảng tổng hợp: Đang tổng hợp" in group.locator(".card-header").inner_text()
    assert group.get_by_test_id("unit-row").count() == 3

    journey.nav(DOCUMENTS, r"/van-ban/")
    go(page.get_by_role("link", name="Thêm văn bản"), r"/van-ban/them/")
    page.get_by_label("Số, ký hiệu").fill("09/CT-UBND")
    page.get_by_label("Loại văn bản").select_option(label="Chỉ thị")
    page.get_by_label("Ngày ban hành").fill("31/12/2024")
    page.get_by_label("Cơ quan ban hành").select_option(label="UBND tỉnh Lai Châu")
    page.get_by_label("Chức vụ người ký").fill("Chủ tịch UBND tỉnh")
    page.get_by_label("Trích yếu").fill(TITLE_09)
    page.get_by_label("Tóm tắt").fill(f"Chủ đề: “{THEME}”.")
    page.get_by_label("Áp dụng từ năm").fill("2025")
    page.get_by_label("Hạn báo cáo kết quả").fill("10/12/2025")
    numbered = "\n".join(f"{i}. {text}" for i, text in enumerate(ITEMS_09, 1))
    page.get_by_label("Các nội dung").fill(numbered)  # as copied from the signed text
    go(page.get_by_role("button", name="Lưu"), r"/van-ban/\d+/")
    assert journey.messages() == ["Đã lưu “Chỉ thị số 09/CT-UBND”."]
    assert page.get_by_role("heading", level=1).inner_text() == "Chỉ thị số 09/CT-UBND"
    main = page.locator("main").inner_text()
    assert "ngày 31/12/2024 của UBND tỉnh Lai Châu" in main
    assert THEME in main and TITLE_09 in main
    # Seven items, numbered by the list rather than by the typed "1.", "2.".
    assert page.get_by_test_id("items").locator("li").all_inner_texts() == ITEMS_09
    journey.log_out()


def the_unit_registers_and_sends_it_to_the_bloc_lead(journey: Journey, org) -> None:
    page, go = journey.page, journey.go
    journey.log_in("donvi")
    journey.nav("Đăng ký thi đua", r"/dang-ky/")
    round_row = page.get_by_test_id("rounds").locator("tr", has_text="Năm 2025")
    assert "Chưa đăng ký" in round_row.inner_text()
    go(round_row.get_by_role("link", name="Năm 2025"), r"/dang-ky/2025/")
    own_row = page.get_by_test_id("unit-row").filter(has_text="Công an tỉnh")
    go(own_row.get_by_role("link", name="Đăng ký"), r"/dang-ky/2025/don-vi/\d+/")
    page.get_by_label("Tập thể lao động xuất sắc", exact=True).check()
    page.get_by_label(f"Chiến sĩ thi đua cơ sở: {org.people['cong-an'][0]}").check()
    page.get_by_label("Nội dung đăng ký, chỉ tiêu phấn đấu").fill(PLEDGE_FIRST)
    go(page.get_by_role("button", name="Lưu bản đăng ký"), r"/dang-ky/ban/\d+/")
    assert journey.messages() == ["Đã lưu bản đăng ký; hãy kiểm tra rồi bấm “Gửi đăng ký”."]
    assert page.get_by_test_id("status").locator(".badge").inner_text() == "Đang soạn"
    assert page.get_by_test_id("collective-titles").inner_text() == "Tập thể lao động xuất sắc"
    assert str(org.people["cong-an"][0]) in page.get_by_test_id("people").inner_text()

    go(page.get_by_role("button", name="Gửi đăng ký"), r"/dang-ky/ban/\d+/")
    assert journey.dialogs[-1].startswith("Gửi bản đăng ký?")
    assert journey.messages() == ["Đã gửi bản đăng ký."]
    status = page.get_by_test_id("status")
    assert status.locator(".badge").inner_text() == "Đã gửi, chờ xem xét"
    assert f"Gửi trưởng khối: {BLOC}" in status.inner_text()
    assert page.get_by_role("link", name="Sửa").count() == 0  # sent: no longer editable
    journey.log_out()


def the_bloc_lead_returns_it_with_a_comment(journey: Journey) -> None:
    page, go = journey.page, journey.go
    journey.log_in("truongkhoi")
    journey.nav("Đăng ký thi đua", r"/dang-ky/")
    go(page.get_by_role("link", name="Năm 2025"), r"/dang-ky/2025/")
    header = page.get_by_test_id("group").filter(has_text=BLOC).locator(".card-header")
    go(header.get_by_role("link", name="Xem"), r"/dang-ky/tong-hop/\d+/")
    assert page.get_by_test_id("status").locator(".badge").inner_text() == "Đang tổng hợp"
    pending = page.get_by_test_id("pending")
    assert "1 bản đăng ký đang chờ xem xét: Công an tỉnh" in pending.inner_text()
    assert page.get_by_role("button", name="Gửi Sở Nội vụ").is_disabled()

    go(pending.get_by_role("link", name="Công an tỉnh"), r"/dang-ky/ban/\d+/")
    page.get_by_label("Lý do trả lại").fill(RETURN_REASON)
    go(page.get_by_role("button", name="Trả lại để sửa"), r"/dang-ky/ban/\d+/")
    assert journey.messages() == ["Đã trả lại bản đăng ký cho Công an tỉnh."]
    assert page.get_by_test_id("status").locator(".badge").inner_text() == "Bị trả lại"
    journey.log_out()


def the_unit_reads_the_comment_corrects_and_sends_again(journey: Journey, org) -> None:
    page, go = journey.page, journey.go
    first, second = org.people["cong-an"]
    journey.log_in("donvi")
    journey.nav("Đăng ký thi đua", r"/dang-ky/")
    go(page.get_by_test_id("rounds").get_by_role("link", name="Bị trả lại"), r"/dang-ky/ban/\d+/")
    assert page.get_by_test_id("return-comment").inner_text() == f"Bị trả lại: {RETURN_REASON}"

    go(page.get_by_role("link", name="Sửa"), r"/dang-ky/ban/\d+/sua/")
    assert page.get_by_label("Tập thể lao động xuất sắc", exact=True).is_checked()
    assert page.get_by_label(f"Chiến sĩ thi đua cơ sở: {first}").is_checked()
    page.get_by_label(f"Lao động tiên tiến: {second}").check()
    page.get_by_label("Nội dung đăng ký, chỉ tiêu phấn đấu").fill(PLEDGE_FIXED)
    go(page.get_by_role("button", name="Lưu bản đăng ký"), r"/dang-ky/ban/\d+/")
    assert journey.messages() == ["Đã lưu bản đăng ký."]
    assert page.get_by_test_id("pledge").inner_text() == PLEDGE_FIXED
    assert page.get_by_test_id("people").locator("tbody tr").count() == 2

    go(page.get_by_role("button", name="Gửi đăng ký"), r"/dang-ky/ban/\d+/")
    assert journey.messages() == ["Đã gửi bản đăng ký."]
    assert page.get_by_test_id("status").locator(".badge").inner_text() == "Đã gửi, chờ xem xét"
    assert page.get_by_test_id("return-comment").count() == 0
    journey.log_out()


def the_bloc_lead_accepts_it_and_sends_the_consolidated_registration(journey: Journey, org) -> None:
    page, go = journey.page, journey.go
    journey.log_in("truongkhoi")
    journey.nav("Đăng ký thi đua", r"/dang-ky/")
    go(page.get_by_role("link", name="Năm 2025"), r"/dang-ky/2025/")
    row = page.get_by_test_id("unit-row").filter(has_text="Công an tỉnh")
    assert row.locator(".badge").inner_text() == "Đã gửi, chờ xem xét"
    go(row.get_by_role("link", name="Xem"), r"/dang-ky/ban/\d+/")
    page.get_by_label("Ý kiến").fill("Đăng ký phù hợp.")
    go(page.get_by_role("button", name="Tiếp nhận vào bảng tổng hợp"), r"/dang-ky/ban/\d+/")
    assert journey.messages() == ["Đã tiếp nhận bản đăng ký của Công an tỉnh."]
    assert page.get_by_test_id("status").locator(".badge").inner_text() == "Đã tiếp nhận"

    go(page.locator(".breadcrumb").get_by_role("link", name="Năm 2025"), r"/dang-ky/2025/")
    header = page.get_by_test_id("group").filter(has_text=BLOC).locator(".card-header")
    go(header.get_by_role("link", name="Xem"), r"/dang-ky/tong-hop/\d+/")
    assert page.get_by_test_id("missing").inner_text() == (
        "Chưa có bản đăng ký được tiếp nhận: Bộ Chỉ huy Quân sự tỉnh, Tòa án nhân dân tỉnh"
    )
    consolidated = page.get_by_test_id("consolidated").inner_text()
    assert "Công an tỉnh" in consolidated and str(org.people["cong-an"][1]) in consolidated
    page.get_by_label("Ghi chú gửi Sở Nội vụ").fill("Bộ CHQS và Tòa án gửi bổ sung sau.")
    go(page.get_by_role("button", name="Gửi Sở Nội vụ"), r"/dang-ky/tong-hop/\d+/gui/")
    # Members without an accepted registration must be named before it goes.
    assert "Hãy đánh dấu xác nhận đúng các đơn vị chưa có bản đăng ký được tiếp nhận" in (
        page.locator("form[action$='/gui/']").inner_text()
    )
    page.get_by_label("Bộ Chỉ huy Quân sự tỉnh").check()
    page.get_by_label("Tòa án nhân dân tỉnh").check()
    go(page.get_by_role("button", name="Gửi Sở Nội vụ"), r"/dang-ky/tong-hop/\d+/")
    assert journey.messages() == ["Đã gửi bảng tổng hợp đăng ký cho Sở Nội vụ."]
    assert page.get_by_test_id("status").locator(".badge").inner_text() == "Đã gửi Sở Nội vụ"
    assert page.get_by_test_id("missing").inner_text() == (
        "Đơn vị chưa đăng ký khi gửi: Bộ Chỉ huy Quân sự tỉnh, Tòa án nhân dân tỉnh"
    )
    assert page.get_by_role("button", name="Gửi Sở Nội vụ").count() == 0


def the_bloc_lead_starts_the_pledge_from_last_year_and_signs_it(journey: Journey, org) -> None:
    page, go = journey.page, journey.go
    journey.nav(PLEDGES, r"/giao-uoc/")
    with page.expect_navigation():
        page.get_by_label("Năm").fill("2025")
        page.get_by_label("Năm").press("Tab")  # the year picker submits itself when changed
    journey.arrived(r"/giao-uoc/\?nam=2025")
    bloc_row = page.get_by_test_id("pledge-list").locator("tr", has_text=BLOC)
    assert bloc_row.locator(".badge").first.inner_text() == "Chưa có"
    go(bloc_row.get_by_role("link", name="Tạo giao ước"), r"/giao-uoc/khoi/\d+/nam/2025/tao-moi/")
    page.get_by_label("Sao chép cả nội dung giao ước").check()
    go(page.get_by_role("button", name="Sao chép từ năm 2024"), r"/giao-uoc/\d+/")
    assert journey.messages() == ["Đã sao chép bảng tiêu chí vào giao ước năm 2025."]
    assert page.get_by_role("heading", level=1).inner_text() == "Giao ước thi đua năm 2025"
    assert "Đang soạn thảo, chưa ký kết" in page.get_by_test_id("pledge-status").inner_text()
    criteria = page.locator("#tieu-chi")
    assert [h.strip() for h in criteria.locator("h2").all_inner_texts()] == [
        "I. Thực hiện nhiệm vụ chính trị 85 điểm", "II. Công tác thi đua, khen thưởng 15 điểm",
    ]
    assert criteria.locator("tbody td:nth-child(2)").all_inner_texts() == COPIED
    assert "Tổng điểm chấm: 100/100" in page.get_by_test_id("criteria-total").inner_text()
    assert criteria.get_by_role("link", name="Sửa", exact=True).count() == 4
    assert criteria.get_by_role("button", name="Thêm tiêu chí").count() == 2

    # Last year's text came along; the lead makes it this year's.
    assert org.pledge_2024.text in page.locator("main").inner_text()
    go(page.get_by_role("link", name="Sửa nội dung"), r"/giao-uoc/\d+/sua/")
    page.get_by_label("Nội dung giao ước").fill(PLEDGE_TEXT)
    go(page.get_by_role("button", name="Lưu"), r"/giao-uoc/\d+/")
    assert journey.messages() == ["Đã lưu nội dung giao ước."]

    for unit, (representative, position) in SIGNERS.items():
        form = page.locator("#dai-dien form")
        form.get_by_label("Đơn vị").select_option(label=unit)
        form.get_by_label("Người ký").fill(representative)
        form.get_by_label("Chức vụ").fill(position)
        go(form.get_by_role("button", name="Ghi người ký"), r"/giao-uoc/\d+/#dai-dien")
        assert journey.messages() == [f"Đã ghi người ký cho {unit}."]
    assert page.get_by_test_id("signatories").locator("tbody tr").count() == 3
    assert page.get_by_test_id("missing-signatories").count() == 0

    go(page.get_by_role("link", name="Ký kết"), r"/giao-uoc/\d+/ky-ket/")
    assert page.locator("main .alert-warning").count() == 0  # 100 points, every member signs
    page.get_by_label("Ngày ký kết").fill("20/02/2025")
    page.get_by_label("Hội nghị ký kết").fill(MEETING)
    page.get_by_label("Bản giao ước đã ký (PDF)").set_input_files(
        {"name": "giao-uoc-2025.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf()}
    )
    go(page.get_by_role("button", name="Ghi nhận ký kết"), r"/giao-uoc/\d+/")
    assert journey.messages() == ["Đã ghi nhận ký kết giao ước; bảng tiêu chí đã được khóa."]
    signed = f"Đã ký kết ngày 20/02/2025 tại {MEETING}."
    assert signed in page.get_by_test_id("pledge-status").inner_text()
    criteria = page.locator("#tieu-chi")
    assert criteria.get_by_label("Đã khóa").is_visible()
    assert criteria.locator("tbody td:nth-child(2)").all_inner_texts() == COPIED
    assert criteria.locator("form, a, button").count() == 0  # nothing to edit, delete or add
    assert page.get_by_role("link", name="Ký kết").count() == 0
    assert page.get_by_role("link", name="Sửa nội dung").count() == 0
    with page.expect_download() as download:
        page.get_by_role("link", name="Bản giao ước đã ký (PDF)").click()
    assert Path(download.value.path()).read_bytes() == tiny_pdf()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "journey-cycle-signed-pledge.png", full_page=True)

    go(page.locator(".breadcrumb").get_by_role("link", name="Giao ước thi đua"), r"/giao-uoc/\?nam=2025")
    bloc_row = page.get_by_test_id("pledge-list").locator("tr", has_text=BLOC)
    assert bloc_row.locator(".badge").first.inner_text() == "Đã ký 20/02/2025"
    assert re.search(r"\b3/3\b", bloc_row.inner_text())


def assert_rows(org, deadline: datetime.date) -> None:
    """What the journey left in the database."""
    round_ = RegistrationRound.objects.get(year=2025)
    assert (round_.opens_on, round_.deadline, round_.opened_by) == (
        datetime.date(2025, 1, 2), deadline, org.noivu,
    )
    directive = Document.objects.get()
    assert (directive.kind, directive.code, directive.issued_on, directive.issuer) == (
        DocumentKind.DIRECTIVE, "09/CT-UBND", datetime.date(2024, 12, 31), org.ubnd,
    )
    assert (directive.year_from, directive.year_to) == (2025, 2025)
    assert [(i.position, i.text) for i in directive.items.all()] == list(enumerate(ITEMS_09, 1))

    registration = Registration.objects.get(round=round_, unit=org.ca)
    registration.refresh_from_db()
    assert (registration.status, registration.bloc, registration.decided_by) == (
        RegistrationStatus.ACCEPTED, org.noi_chinh, org.truongkhoi,
    )
    assert (registration.pledge_text, registration.return_comment, registration.is_late) == (
        PLEDGE_FIXED, "", False,
    )
    person_1, person_2 = org.people["cong-an"]
    assert set(registration.entries.values_list("title__code", "person")) == {
        ("TTLDXS", None), ("CSTDCS", person_1.pk), ("LDTT", person_2.pk),
    }
    trail = AuditLog.objects.filter(object_type="awards.registration", object_id=str(registration.pk))
    assert [(a.action.rsplit(".", 1)[1], a.actor) for a in trail.order_by("at", "pk")] == [
        ("created", org.donvi), ("submitted", org.donvi), ("returned", org.truongkhoi),
        ("updated", org.donvi), ("submitted", org.donvi), ("accepted", org.truongkhoi),
    ]

    consolidated = BlocRegistration.objects.get(round=round_, bloc=org.noi_chinh)
    assert (consolidated.status, consolidated.submitted_by) == (BlocRegistrationStatus.SUBMITTED, org.truongkhoi)
    assert set(consolidated.missing_units.all()) == {org.chqs, org.toa}

    pledge = Pledge.objects.get(bloc=org.noi_chinh, year=2025)
    assert (pledge.signed_on, pledge.signing_meeting, pledge.text) == (
        datetime.date(2025, 2, 20), MEETING, PLEDGE_TEXT,
    )
    with pledge.signed_file.open("rb") as scan:
        assert scan.read() == tiny_pdf()
    table = [
        (c.group.name, c.text, c.max_points, c.kind)
        for c in Criterion.objects.filter(group__pledge=pledge).order_by("group__position", "position")
    ]
    assert table == [
        (group, text, Decimal(points), kind) for group, rows in CRITERIA_2024 for text, points, kind in rows
    ]
    assert {(s.unit.name, s.representative, s.position) for s in pledge.signatories.all()} == {
        (unit, *signer) for unit, signer in SIGNERS.items()
    }
