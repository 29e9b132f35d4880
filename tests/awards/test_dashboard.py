"""The dashboard's registration panel: each persona sees what is theirs to do this year."""

from __future__ import annotations

import re

from django.urls import reverse

from awards import services
from awards.models import BlocRegistration
from tests.awards.conftest import register


def panel(client, year: int | None = None) -> str:
    params = {"nam": year} if year else {}
    html = client.get(reverse("dashboard"), params).content.decode()
    return html.split('data-testid="registration-panel"')[1].split('data-testid="registration-panel"')[0]


def test_a_unit_that_has_not_registered_is_told_so_with_a_link(org, login, reg_round):
    html = panel(login(org.donvi))
    assert f"Hạn đơn vị nộp: <strong>31/12/{org.year}</strong>" in html
    assert "Chưa đăng ký" in html
    assert reverse("awards:registration_create", args=[org.year, org.ca.pk]) in html


def test_a_unit_sees_its_registrations_state(org, login, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, submit=True)
    services.registration_return(actor=org.truongkhoi, registration=registration, comment="Bổ sung")
    html = panel(login(org.donvi))
    assert "Bị trả lại" in html and "bị trả lại, cần sửa và gửi lại" in html
    assert registration.get_absolute_url() in html


def test_the_bloc_lead_sees_what_waits_for_review_and_the_consolidated_state(org, login, reg_round, titles):
    register(org, reg_round, org.ca, titles, submit=True)
    register(org, reg_round, org.toa, titles, submit=True)
    html = panel(login(org.truongkhoi))
    assert "2 bản đăng ký của thành viên chờ xem xét." in html
    nc = BlocRegistration.objects.get(round=reg_round, bloc=org.noi_chinh)
    assert nc.get_absolute_url() in html and "Đang tổng hợp" in html


def test_interior_staff_see_the_provinces_counts_and_what_to_acknowledge(org, login, reg_round, titles):
    register(org, reg_round, org.ca, titles, submit=True)
    accepted = register(org, reg_round, org.vptu, titles, submit=True)
    services.registration_accept(actor=org.admin, registration=accepted)
    dang = BlocRegistration.objects.get(round=reg_round, bloc=org.dang)
    services.bloc_registration_submit(actor=org.admin, bloc_registration=dang, missing_units=[org.bao])
    html = panel(login(org.noivu))
    numbers = html.split('data-testid="province-counts"')[1]
    assert re.findall(r'fs-4 fw-semibold[^"]*">(\d+)<', numbers) == ["2", "1", "1", "4", "0"]
    assert f'{dang.get_absolute_url()}">Khối Đảng tỉnh</a>' in html


def test_a_year_with_no_round_says_so_and_offers_interior_staff_to_open_one(org, login):
    html = panel(login(org.noivu), org.year + 1)
    assert f"Chưa mở đợt đăng ký thi đua năm {org.year + 1}." in html
    assert reverse("awards:round_create") in html
    assert reverse("awards:round_create") not in panel(login(org.donvi), org.year + 1)
