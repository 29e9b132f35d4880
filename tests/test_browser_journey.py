"""One journey in a real headless Chromium (Debian's, driven by Playwright; never downloaded).

Interior staff create a bloc, add three members, make one of them lead, confirm the roster
and log out; the lead unit's officer then logs in and finds that bloc, and only that one.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from blocs import services
from blocs.access import current_year
from blocs.models import Bloc, BlocKind, BlocLevel, LeadSource, MemberRole, Role
from tests.browser_kit import ARTIFACTS, Journey
from tests.conftest import make_unit, make_user, need_service

NEW_BLOC = "Khối thi đua Văn hóa – Xã hội"
OTHER_BLOC = "Khối thi đua Kinh tế"
MEMBERS = ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch"]
LEAD = MEMBERS[0]


@pytest.fixture
def province(transactional_db):
    """Sở Nội vụ with its staff, the three future members, the lead unit's officer, and
    another bloc (Sở Công Thương leads, Sở Xây dựng is a member) that must stay out of sight."""
    year = current_year()
    snv = make_unit("so-noi-vu", "Sở Nội vụ")
    units = [make_unit(f"don-vi-{i}", name) for i, name in enumerate(MEMBERS)]
    sct = make_unit("so-cong-thuong", "Sở Công Thương")
    sxd = make_unit("so-xay-dung", "Sở Xây dựng")
    other = services.bloc_save(
        actor=None, bloc=Bloc(name=OTHER_BLOC, kind=BlocKind.BLOC, level=BlocLevel.PROVINCIAL)
    )
    services.membership_add(
        actor=None, bloc=other, year=year, unit=sct, role=MemberRole.LEAD,
        lead_source=LeadSource.APPOINTED,
    )
    services.membership_add(actor=None, bloc=other, year=year, unit=sxd)
    make_user("noivu", Role.INTERIOR, snv, is_staff=True, first_name="Lan", last_name="Nguyễn Thị")
    make_user("giaoduc", Role.UNIT_OFFICER, units[0], first_name="Hùng", last_name="Lò Văn")
    return year


@pytest.mark.browser
def test_interior_staff_build_a_bloc_and_its_lead_officer_then_sees_only_that_bloc(
    live_server, province, browser_page
):
    need_service(
        (Path(settings.NODE_MODULES) / "bootstrap" / "dist").is_dir(),
        "node_modules/bootstrap is missing (npm ci)",
    )
    with urllib.request.urlopen(f"{live_server.url}/static/vendor/bootstrap/css/bootstrap.min.css") as css:
        assert css.status == 200 and b"Bootstrap" in css.read(2000)

    page, year = browser_page, province
    journey = Journey(page, live_server.url)
    arrived, log_in = journey.arrived, journey.log_in

    # Interior staff: create the bloc.
    log_in("noivu")
    navbar = page.locator("nav.navbar")
    assert navbar.evaluate("e => getComputedStyle(e).display") == "flex", "Bootstrap is not applied"
    assert navbar.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(164, 22, 26)"
    # With its entries grouped in menus, the navbar stays on one line (56px) on a 1366px
    # laptop screen, even for interior staff, who have the most entries and the admin link.
    page.set_viewport_size({"width": 1366, "height": 768})
    assert navbar.bounding_box()["height"] < 70, navbar.bounding_box()
    page.set_viewport_size({"width": 1280, "height": 900})
    navbar.get_by_role("button", name="Tổ chức").click()
    navbar.get_by_role("link", name="Khối, cụm thi đua").click()
    arrived(r"/khoi/")
    page.get_by_role("link", name="Thêm khối/cụm").click()
    arrived(r"/khoi/them/")
    page.locator("#id_name").fill(NEW_BLOC)
    page.locator("#id_kind").select_option(label="Khối thi đua")
    page.locator("#id_level").select_option(label="Cấp tỉnh (Hội đồng TĐKT tỉnh)")
    page.get_by_role("button", name="Lưu").click()
    arrived(r"/khoi/\d+/")
    assert page.get_by_role("heading", level=1).inner_text() == NEW_BLOC
    assert f"Đã lưu “{NEW_BLOC}”." in page.locator(".alert-success").inner_text()

    # Three members for this year, through the "Thêm thành viên" form.
    for name in MEMBERS:
        add_form = page.locator("form[action*='them-thanh-vien']")
        assert page.get_by_text(f"Thêm thành viên năm {year}").is_visible()
        add_form.locator("#id_unit").select_option(label=name)
        add_form.get_by_role("button", name="Thêm", exact=True).click()
        arrived(rf"/khoi/\d+/\?nam={year}")
        assert page.get_by_test_id("roster").get_by_role("link", name=name, exact=True).is_visible()
    roster = page.get_by_test_id("roster")
    assert roster.locator("tbody tr").count() == 3

    # One of them becomes lead ("Đổi vai trò").
    roster.locator("tr", has_text=LEAD).get_by_role("link", name="Đổi vai trò").click()
    arrived(r"/thanh-vien/\d+/vai-tro/")
    page.locator("#id_role").select_option(label="Trưởng khối/Cụm trưởng")
    page.locator("#id_lead_source").select_option(label="Hội đồng TĐKT chỉ định")
    page.get_by_role("button", name="Lưu").click()
    arrived(rf"/khoi/\d+/\?nam={year}")
    lead_row = page.get_by_test_id("roster").locator("tr", has_text=LEAD)
    assert lead_row.locator("strong").inner_text() == "Trưởng khối"  # a khối, not a cụm

    # Confirm the roster, then log out through the navbar's POST form.
    page.get_by_role("button", name="Xác nhận danh sách").click()
    arrived(rf"/khoi/\d+/\?nam={year}")
    assert page.locator(".badge", has_text="Đã xác nhận").is_visible()
    assert page.get_by_role("button", name="Xác nhận danh sách").count() == 0
    page.locator("nav.navbar").get_by_role("button", name="Đăng xuất").click()
    arrived(r"/accounts/login/")
    assert page.locator("nav.navbar").count() == 0

    # The lead unit's officer sees that bloc, and no other.
    log_in("giaoduc")
    assert "Hùng" in page.get_by_test_id("whoami").inner_text()
    page.locator("nav.navbar").get_by_role("button", name="Tổ chức").click()
    page.locator("nav.navbar").get_by_role("link", name="Khối của tôi").click()
    arrived(r"/khoi/")
    rows = page.locator("table tbody tr")
    assert rows.count() == 1
    assert rows.first.get_by_role("link").inner_text() == NEW_BLOC
    assert LEAD in rows.first.inner_text()
    listed_members = rows.first.locator("td").last.inner_text()
    assert OTHER_BLOC not in page.content()

    page.locator("nav.navbar").get_by_role("link", name="Tổng quan").click()
    arrived(r"/")
    led = page.locator(".card", has=page.get_by_text(f"Khối do đơn vị làm trưởng khối năm {year}"))
    assert led.get_by_role("link").all_inner_texts() == [NEW_BLOC]
    led_badge = led.locator(".badge").inner_text()
    assert OTHER_BLOC not in page.content()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "journey-bloc-lead-dashboard.png", full_page=True)

    assert not journey.csp_errors(), journey.console_errors
    assert not journey.page_errors(), journey.console_errors
    assert len(journey.visited) == 16, journey.visited
    # The policy is really enforced, and a violation would have been caught above: an
    # inline script added now is refused and reported on the console.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.head.append(s); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in e for e in journey.console_errors), journey.console_errors
    # Last, so that everything above is checked whatever happens here: the lead sees the
    # bloc's whole roster counted, as interior staff do.
    assert (listed_members, led_badge) == ("3", "3 thành viên")
