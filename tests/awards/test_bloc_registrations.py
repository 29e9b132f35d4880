"""A bloc's consolidated registration: the lead sends it to Sở Nội vụ once no member waits
for review, naming the members who have not registered; Sở Nội vụ acknowledges it."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import BlocRegistration, BlocRegistrationStatus, RegistrationStatus
from blocs.models import AuditLog
from tests.awards.conftest import open_round, register

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def nc(reg_round, org) -> BlocRegistration:
    return BlocRegistration.objects.get(round=reg_round, bloc=org.noi_chinh)


def accepted(org, round_, unit, titles, **kwargs):
    registration = register(org, round_, unit, titles, submit=True, **kwargs)
    return services.registration_accept(actor=org.truongkhoi, registration=registration)


def test_opening_a_round_gives_each_provincial_bloc_its_consolidated_registration(org, reg_round):
    assert set(BlocRegistration.objects.values_list("bloc__name", "status")) == {
        ("Khối Thi đua Nội chính", BlocRegistrationStatus.DRAFT),
        ("Khối Đảng tỉnh", BlocRegistrationStatus.DRAFT),
    }
    audit = AuditLog.objects.get(action="awards.round.opened")
    assert (audit.actor, audit.data) == (org.noivu, {"year": org.year})


def test_the_lead_sees_who_waits_for_review_and_who_is_missing(org, login, nc, reg_round, titles):
    register(org, reg_round, org.ca, titles, submit=True)
    page = login(org.truongkhoi).get(nc.get_absolute_url()).content.decode()
    assert "1 bản đăng ký đang chờ xem xét:" in page
    missing = page.split('data-testid="missing">')[1].split("</div>")[0]
    assert missing == (
        "Chưa có bản đăng ký được tiếp nhận: Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh, Tòa án nhân dân tỉnh"
    )


def test_the_lead_cannot_send_it_while_a_members_registration_waits(org, login, nc, reg_round, titles):
    register(org, reg_round, org.ca, titles, submit=True)
    response = login(org.truongkhoi).post(reverse("awards:bloc_registration_submit", args=[nc.pk]))
    assert response.status_code == 200
    assert (
        "Còn 1 bản đăng ký chờ xem xét (Công an tỉnh): hãy tiếp nhận hoặc trả lại trước khi gửi."
        in response.content.decode()
    )
    nc.refresh_from_db()
    assert nc.status == BlocRegistrationStatus.DRAFT


def test_the_lead_must_name_the_members_that_have_not_registered(org, login, nc, reg_round, titles):
    accepted(org, reg_round, org.ca, titles, people={org.people["cong-an"][0]: ["LDTT"]})
    client = login(org.truongkhoi)
    url = reverse("awards:bloc_registration_submit", args=[nc.pk])
    refused = client.post(url, {"missing_units": [org.chqs.pk], "comment": "Gửi kèm biên bản"})
    html = refused.content.decode()
    assert refused.status_code == 200
    assert (
        "Hãy đánh dấu xác nhận đúng các đơn vị chưa có bản đăng ký được tiếp nhận: "
        "Bộ Chỉ huy Quân sự tỉnh, Tòa án nhân dân tỉnh." in html
    )
    assert "Gửi kèm biên bản</textarea>" in html  # what was typed is kept

    response = client.post(url, {"missing_units": [org.chqs.pk, org.toa.pk], "comment": "Gửi kèm biên bản"})
    assert response.status_code == 302
    nc.refresh_from_db()
    assert nc.status == BlocRegistrationStatus.SUBMITTED
    assert (nc.submitted_by, nc.comment, nc.is_late) == (org.truongkhoi, "Gửi kèm biên bản", False)
    assert set(nc.missing_units.all()) == {org.chqs, org.toa}
    audit = AuditLog.objects.get(action="awards.bloc_registration.submitted")
    assert (audit.actor, audit.from_state, audit.to_state) == (org.truongkhoi, "nhap", "da_gui")
    assert sorted(audit.data["missing"]) == sorted([org.chqs.pk, org.toa.pk])
    page = client.get(nc.get_absolute_url()).content.decode()
    assert "Đơn vị chưa đăng ký khi gửi: Bộ Chỉ huy Quân sự tỉnh, Tòa án nhân dân tỉnh" in page
    assert "Nguyễn Văn CONG-AN Một" in page.split('data-testid="consolidated"')[1]


def test_with_every_member_accepted_it_is_sent_without_naming_anyone(org, nc, reg_round, titles):
    for unit in (org.chqs, org.ca, org.toa):
        accepted(org, reg_round, unit, titles)
    services.bloc_registration_submit(actor=org.truongkhoi, bloc_registration=nc)
    nc.refresh_from_db()
    assert nc.status == BlocRegistrationStatus.SUBMITTED
    assert not nc.missing_units.exists()
    with pytest.raises(ValidationError) as error:
        services.bloc_registration_submit(actor=org.truongkhoi, bloc_registration=nc)
    assert error.value.messages == ["Bảng tổng hợp đã được gửi Sở Nội vụ."]


def test_interior_staff_acknowledge_a_sent_consolidated_registration(org, login, nc, reg_round):
    client = login(org.noivu)
    refused = client.post(reverse("awards:bloc_registration_acknowledge", args=[nc.pk]), follow=True)
    assert "Khối chưa gửi bảng tổng hợp đăng ký." in refused.content.decode()
    services.bloc_registration_submit(
        actor=org.truongkhoi, bloc_registration=nc, missing_units=[org.chqs, org.ca, org.toa]
    )
    response = client.post(
        reverse("awards:bloc_registration_acknowledge", args=[nc.pk]), {"comment": "Đã nhận"}
    )
    assert response.status_code == 302
    nc.refresh_from_db()
    assert (nc.status, nc.acknowledged_by) == (BlocRegistrationStatus.ACKNOWLEDGED, org.noivu)
    audit = AuditLog.objects.get(action="awards.bloc_registration.acknowledged")
    assert (audit.actor, audit.to_state, audit.data) == (org.noivu, "da_nhan", {"comment": "Đã nhận"})
    page = client.get(nc.get_absolute_url()).content.decode()
    assert "Sở Nội vụ đã tiếp nhận" in page and "Trưởng khối gửi Sở Nội vụ" in page


def test_a_consolidated_registration_sent_after_the_blocs_deadline_is_late(org, titles):
    round_ = open_round(org, org.year, datetime.date(org.year, 1, 31))
    round_.bloc_deadline = datetime.date(org.year, 2, 15)
    round_.save()
    nc = BlocRegistration.objects.get(round=round_, bloc=org.noi_chinh)
    at = datetime.datetime(org.year, 2, 15, 23, 0, tzinfo=HANOI)
    services.bloc_registration_submit(
        actor=org.truongkhoi, bloc_registration=nc, missing_units=[org.chqs, org.ca, org.toa], at=at
    )
    nc.refresh_from_db()
    assert nc.is_late is False
    dang = BlocRegistration.objects.get(round=round_, bloc=org.dang)
    services.bloc_registration_submit(
        actor=org.admin, bloc_registration=dang, missing_units=[org.vptu, org.bao],
        at=datetime.datetime(org.year, 2, 16, 8, 0, tzinfo=HANOI),
    )
    dang.refresh_from_db()
    assert dang.is_late is True


def test_once_the_bloc_has_sent_it_a_member_can_no_longer_send_its_own(org, nc, reg_round, titles):
    late = register(org, reg_round, org.toa, titles)
    services.bloc_registration_submit(
        actor=org.truongkhoi, bloc_registration=nc, missing_units=[org.chqs, org.ca, org.toa]
    )
    with pytest.raises(ValidationError) as error:
        services.registration_submit(actor=org.admin, registration=late)
    assert error.value.messages == [
        f"Khối Thi đua Nội chính đã gửi bảng tổng hợp đăng ký năm {org.year} cho Sở Nội vụ; "
        "hãy liên hệ Sở Nội vụ."
    ]
    late.refresh_from_db()
    assert late.status == RegistrationStatus.DRAFT


def test_an_accepted_registration_stays_once_the_bloc_has_sent_it(org, login, nc, reg_round, titles):
    registration = accepted(org, reg_round, org.ca, titles)
    services.bloc_registration_submit(
        actor=org.truongkhoi, bloc_registration=nc, missing_units=[org.chqs, org.toa]
    )
    response = login(org.truongkhoi).post(
        reverse("awards:registration_return", args=[registration.pk]), {"comment": "Sửa"}
    )
    assert (
        "Khối đã gửi bảng tổng hợp cho Sở Nội vụ: không trả lại được bản đăng ký đã tiếp nhận."
        in response.content.decode()
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ACCEPTED


@pytest.mark.parametrize(("persona", "status"), [("donvi", 404), ("noivu", 403), ("hoidong", 403)])
def test_only_the_lead_sends_the_blocs_consolidated_registration(org, login, nc, persona, status):
    response = login(getattr(org, persona)).post(
        reverse("awards:bloc_registration_submit", args=[nc.pk]),
        {"missing_units": [org.chqs.pk, org.ca.pk, org.toa.pk]},
    )
    assert response.status_code == status
    nc.refresh_from_db()
    assert nc.status == BlocRegistrationStatus.DRAFT
