"""A unit's yearly registration: written and sent by the unit, accepted or returned by the
lead of its bloc (Sở Nội vụ for a unit in no bloc), every step recorded."""

from __future__ import annotations

import datetime
import unicodedata
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import access, services
from awards.models import Registration, RegistrationRound, RegistrationStatus
from blocs.models import AuditLog
from tests.awards.conftest import open_round, register

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def audit_rows(registration) -> list[tuple]:
    return list(
        AuditLog.objects.filter(object_type="awards.registration", object_id=str(registration.pk))
        .order_by("pk")
        .values_list("action", "actor__username", "from_state", "to_state")
    )


def entries_of(registration) -> set[tuple[str, str | None]]:
    return {
        (e.title.code, e.person.full_name if e.person else None)
        for e in registration.entries.select_related("title", "person")
    }


# --- Writing it ----------------------------------------------------------------------------


def test_a_unit_officer_ticks_titles_for_the_unit_and_its_people(org, login, reg_round, titles):
    one, two = org.people["cong-an"]
    response = login(org.donvi).post(
        reverse("awards:registration_create", args=[org.year, org.ca.pk]),
        {
            f"tt_{titles['TTLDXS'].pk}": "on",
            f"tt_{titles['BK_TINH'].pk}": "on",
            f"cn_{titles['LDTT'].pk}": [one.pk, two.pk],
            f"cn_{titles['CSTDCS'].pk}": [one.pk],
            f"cn_{titles['GIAY_KHEN'].pk}": [two.pk],
            "pledge_text": "Phấn đấu 100 % hoàn thành nhiệm vụ",
        },
    )
    registration = Registration.objects.get(round=reg_round, unit=org.ca)
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:registration_detail", args=[registration.pk])
    assert registration.status == RegistrationStatus.DRAFT
    assert registration.created_by == org.donvi
    assert registration.pledge_text == "Phấn đấu 100 % hoàn thành nhiệm vụ"
    assert entries_of(registration) == {
        ("TTLDXS", None), ("BK_TINH", None), ("LDTT", one.full_name), ("LDTT", two.full_name),
        ("CSTDCS", one.full_name), ("GIAY_KHEN", two.full_name),
    }
    assert audit_rows(registration) == [("awards.registration.created", "donvi", "", "nhap")]


def test_the_form_lists_the_people_of_the_unit_and_no_one_else(org, login, reg_round):
    html = login(org.donvi).get(
        reverse("awards:registration_create", args=[org.year, org.ca.pk])
    ).content.decode()
    assert "Nguyễn Văn CONG-AN Một" in html and "Trần Thị CONG-AN Hai" in html
    assert "TAND" not in html
    assert "không còn là căn cứ để xét tặng danh hiệu thi đua" in html


def test_the_form_keeps_the_ticks_when_it_is_sent_back_with_an_error(org, login, reg_round, titles):
    one = org.people["cong-an"][0]
    stranger = org.people["tand"][0]
    response = login(org.donvi).post(
        reverse("awards:registration_create", args=[org.year, org.ca.pk]),
        {f"cn_{titles['LDTT'].pk}": [one.pk, stranger.pk], f"tt_{titles['TTLDTT'].pk}": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lao động tiên tiến: Chỉ chọn được cá nhân của đơn vị." in html
    assert f'name="tt_{titles["TTLDTT"].pk}" id="id_tt_{titles["TTLDTT"].pk}" checked' in html
    assert not Registration.objects.exists()


def test_the_people_must_belong_to_the_unit(org, reg_round, titles):
    stranger = org.people["tand"][0]
    with pytest.raises(ValidationError) as error:
        register(org, reg_round, org.ca, titles, people={stranger: ["LDTT"]})
    assert error.value.messages == ["Nguyễn Văn TAND Một không thuộc Công an tỉnh."]
    assert not Registration.objects.exists()


def test_a_collective_title_is_not_entered_with_a_person(org, reg_round, titles):
    person = org.people["cong-an"][0]
    with pytest.raises(ValidationError) as error:
        register(org, reg_round, org.ca, titles, collective=(), people={person: ["TTLDXS"]})
    assert error.value.messages == [
        "“Tập thể lao động xuất sắc” dành cho tập thể, không đăng ký cho cá nhân "
        "(Nguyễn Văn CONG-AN Một)."
    ]


def test_an_individual_title_is_not_entered_without_a_person(org, reg_round, titles):
    with pytest.raises(ValidationError) as error:
        register(org, reg_round, org.ca, titles, collective=("LDTT",))
    assert error.value.messages == ["“Lao động tiên tiến” dành cho cá nhân: hãy chọn người đăng ký."]


def test_a_form_of_commendation_goes_to_the_collective_or_to_a_person(org, reg_round, titles):
    person = org.people["cong-an"][0]
    registration = register(
        org, reg_round, org.ca, titles, collective=("BK_TINH",), people={person: ["BK_TINH"]}
    )
    assert entries_of(registration) == {("BK_TINH", None), ("BK_TINH", person.full_name)}


def test_a_household_title_is_not_registered_by_a_unit(org, reg_round, titles):
    with pytest.raises(ValidationError) as error:
        register(org, reg_round, org.ca, titles, collective=("GDVH",))
    assert error.value.messages == [
        "“Gia đình văn hóa” dành cho hộ gia đình, không đăng ký qua cơ quan, đơn vị."
    ]


def test_a_unit_registers_once_a_year(org, login, reg_round, titles):
    first = register(org, reg_round, org.ca, titles)
    with pytest.raises(ValidationError) as error:
        register(org, reg_round, org.ca, titles)
    assert error.value.messages == ["Đơn vị đã có bản đăng ký thi đua năm này."]
    response = login(org.donvi).get(
        reverse("awards:registration_create", args=[org.year, org.ca.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("awards:registration_detail", args=[first.pk])
    assert "Đơn vị đã có bản đăng ký thi đua năm này." in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_registration_is_not_started_before_the_round_opens(org, titles):
    round_ = services.round_open(
        actor=org.noivu,
        round_=RegistrationRound(
            year=org.year + 1,
            opens_on=datetime.date(org.year + 1, 1, 5),
            deadline=datetime.date(org.year + 1, 3, 31),
        ),
    )
    with pytest.raises(ValidationError) as error:
        register(org, round_, org.ca, titles)
    assert error.value.messages == [f"Đợt đăng ký năm {org.year + 1} mở từ ngày 05/01/{org.year + 1}."]


def test_the_pledge_is_stored_in_nfc(org, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles)
    typed = unicodedata.normalize("NFD", "Phấn đấu hoàn thành xuất sắc")
    services.registration_save(
        actor=org.donvi, registration=registration, pledge_text=typed, entries=[(titles["TTLDXS"], None)]
    )
    registration.refresh_from_db()
    assert registration.pledge_text == "Phấn đấu hoàn thành xuất sắc"
    assert unicodedata.is_normalized("NFC", registration.pledge_text)


# --- Sending it ----------------------------------------------------------------------------


def test_sending_it_goes_to_the_lead_of_the_units_bloc_that_year(org, login, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, actor=org.donvi)
    response = login(org.donvi).post(reverse("awards:registration_submit", args=[registration.pk]))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.bloc == org.noi_chinh
    assert registration.submitted_by == org.donvi and registration.submitted_at is not None
    assert registration.is_late is False
    assert audit_rows(registration)[-1] == ("awards.registration.submitted", "donvi", "nhap", "da_gui")
    page = login(org.donvi).get(registration.get_absolute_url()).content.decode()
    assert "Gửi trưởng khối: Khối Thi đua Nội chính" in page and "Đã gửi, chờ xem xét" in page


def test_a_unit_in_no_bloc_sends_it_straight_to_so_noi_vu(org, login, reg_round, titles):
    registration = register(org, reg_round, org.snv, titles, actor=org.admin, submit=True)
    assert registration.bloc is None
    page = login(org.noivu).get(registration.get_absolute_url()).content.decode()
    assert "Gửi thẳng Sở Nội vụ" in page
    assert login(org.truongkhoi).post(
        reverse("awards:registration_accept", args=[registration.pk])
    ).status_code == 404
    response = login(org.noivu).post(reverse("awards:registration_accept", args=[registration.pk]))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.decided_by) == (RegistrationStatus.ACCEPTED, org.noivu)


def test_an_empty_registration_is_not_sent(org, login, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, collective=())
    response = login(org.donvi).post(
        reverse("awards:registration_submit", args=[registration.pk]), follow=True
    )
    assert "Bản đăng ký chưa có danh hiệu, hình thức nào: hãy đăng ký ít nhất một nội dung." in (
        response.content.decode()
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.DRAFT


def test_nothing_is_changed_after_it_is_sent(org, login, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, submit=True)
    with pytest.raises(ValidationError) as error:
        services.registration_save(actor=org.donvi, registration=registration, pledge_text="", entries=[])
    message = "Bản đăng ký đã gửi và đang chờ xem xét: không sửa được khi chưa bị trả lại."
    assert error.value.messages == [message]
    client = login(org.donvi)
    response = client.post(reverse("awards:registration_update", args=[registration.pk]), {}, follow=True)
    assert message in response.content.decode()
    assert entries_of(registration) == {("TTLDXS", None)}
    again = client.post(reverse("awards:registration_submit", args=[registration.pk]), follow=True)
    assert message in again.content.decode()


def test_nothing_is_changed_after_it_is_accepted_until_it_is_returned(org, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, submit=True)
    services.registration_accept(actor=org.truongkhoi, registration=registration)
    with pytest.raises(ValidationError) as error:
        services.registration_save(actor=org.donvi, registration=registration, pledge_text="", entries=[])
    assert error.value.messages == ["Bản đăng ký đã được tiếp nhận: không sửa được khi chưa bị trả lại."]
    services.registration_return(actor=org.truongkhoi, registration=registration, comment="Bổ sung chỉ tiêu")
    services.registration_save(
        actor=org.donvi, registration=registration, pledge_text="Mới", entries=[(titles["TTLDTT"], None)]
    )
    assert entries_of(registration) == {("TTLDTT", None)}


# --- Lateness, on Hanoi's calendar ---------------------------------------------------------


@pytest.mark.parametrize(
    ("hanoi_time", "late"),
    [(datetime.datetime(2025, 3, 14, 23, 30), False), (datetime.datetime(2025, 3, 15, 0, 30), True)],
)
def test_a_registration_sent_after_the_deadline_day_in_hanoi_is_late(org, titles, hanoi_time, late):
    round_ = open_round(org, 2025, datetime.date(2025, 3, 14))
    registration = register(org, round_, org.ca, titles)
    # 23:30 on the 14th in Hanoi is 16:30 UTC: still the deadline day there.
    at = hanoi_time.replace(tzinfo=HANOI).astimezone(datetime.UTC)
    services.registration_submit(actor=org.donvi, registration=registration, at=at)
    registration.refresh_from_db()
    assert registration.is_late is late
    assert AuditLog.objects.get(action="awards.registration.submitted").data["late"] is late


def test_lateness_is_judged_on_the_first_sending(org, titles):
    round_ = open_round(org, 2025, datetime.date(2025, 3, 14))
    registration = register(org, round_, org.ca, titles)
    on_time = datetime.datetime(2025, 3, 10, 9, tzinfo=HANOI)
    services.registration_submit(actor=org.donvi, registration=registration, at=on_time)
    services.registration_return(actor=org.admin, registration=registration, comment="Sửa lại")
    services.registration_submit(
        actor=org.donvi, registration=registration, at=datetime.datetime(2025, 3, 20, 9, tzinfo=HANOI)
    )
    registration.refresh_from_db()
    assert (registration.is_late, registration.first_submitted_at) == (False, on_time)


def test_the_late_flag_shows_on_the_round_and_the_registration(org, login, titles):
    round_ = open_round(org, org.year - 1, datetime.date(org.year - 1, 3, 14))
    registration = register(org, round_, org.ca, titles, submit=True)
    assert registration.is_late
    client = login(org.noivu)
    assert "Nộp muộn" in client.get(registration.get_absolute_url()).content.decode()
    overview = client.get(reverse("awards:round_detail", args=[round_.year]), {"loc": "muon"})
    assert "Công an tỉnh" in overview.content.decode()


# --- Review --------------------------------------------------------------------------------


def test_the_lead_accepts_a_members_registration(org, login, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, submit=True)
    response = login(org.truongkhoi).post(
        reverse("awards:registration_accept", args=[registration.pk]), {"comment": "Đầy đủ"}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.decided_by) == (RegistrationStatus.ACCEPTED, org.truongkhoi)
    assert audit_rows(registration)[-1] == ("awards.registration.accepted", "truongkhoi", "da_gui", "da_nhan")
    assert AuditLog.objects.get(action="awards.registration.accepted").data == {"comment": "Đầy đủ"}


def test_the_lead_returns_it_with_a_comment_the_unit_then_sees(org, login, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, submit=True)
    response = login(org.truongkhoi).post(
        reverse("awards:registration_return", args=[registration.pk]),
        {"comment": "Đề nghị bổ sung chỉ tiêu cụ thể."},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.RETURNED
    assert registration.return_comment == "Đề nghị bổ sung chỉ tiêu cụ thể."
    assert audit_rows(registration)[-1] == ("awards.registration.returned", "truongkhoi", "da_gui", "tra_lai")
    page = login(org.donvi).get(registration.get_absolute_url()).content.decode()
    assert "Bị trả lại:</strong> Đề nghị bổ sung chỉ tiêu cụ thể." in page
    assert reverse("awards:registration_update", args=[registration.pk]) in page


def test_returning_needs_a_comment(org, login, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles, submit=True)
    response = login(org.truongkhoi).post(
        reverse("awards:registration_return", args=[registration.pk]), {"comment": "   "}
    )
    assert response.status_code == 200
    assert "Hãy ghi lý do trả lại." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert not AuditLog.objects.filter(action="awards.registration.returned").exists()


def test_a_returned_registration_is_corrected_sent_again_and_its_history_tells_the_story(
    org, login, reg_round, titles
):
    registration = register(org, reg_round, org.ca, titles, actor=org.donvi, submit=True)
    services.registration_return(actor=org.truongkhoi, registration=registration, comment="Thiếu cá nhân")
    officer = login(org.donvi)
    person = org.people["cong-an"][0]
    officer.post(
        reverse("awards:registration_update", args=[registration.pk]),
        {f"tt_{titles['TTLDXS'].pk}": "on", f"cn_{titles['LDTT'].pk}": [person.pk]},
    )
    officer.post(reverse("awards:registration_submit", args=[registration.pk]))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert entries_of(registration) == {("TTLDXS", None), ("LDTT", person.full_name)}
    assert [row[0] for row in audit_rows(registration)] == [
        "awards.registration.created", "awards.registration.submitted", "awards.registration.returned",
        "awards.registration.updated", "awards.registration.submitted",
    ]
    page = login(org.truongkhoi).get(registration.get_absolute_url()).content.decode()
    history = page.split('data-testid="history"')[1]
    assert history.index("Gửi đăng ký") < history.index("Trả lại") < history.index("Thiếu cá nhân")


@pytest.mark.parametrize("persona", ["donvi", "noivu", "hoidong"])
def test_only_the_lead_of_its_bloc_reviews_a_members_registration(org, login, reg_round, titles, persona):
    registration = register(org, reg_round, org.ca, titles, submit=True)
    client = login(getattr(org, persona))
    assert client.post(reverse("awards:registration_accept", args=[registration.pk])).status_code == 403
    assert client.post(
        reverse("awards:registration_return", args=[registration.pk]), {"comment": "x"}
    ).status_code == 403
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED


def test_a_draft_is_neither_accepted_nor_returned(org, reg_round, titles):
    registration = register(org, reg_round, org.ca, titles)
    with pytest.raises(ValidationError) as error:
        services.registration_accept(actor=org.admin, registration=registration)
    assert error.value.messages == ["Chỉ tiếp nhận được bản đăng ký đang chờ xem xét."]
    with pytest.raises(ValidationError) as error:
        services.registration_return(actor=org.admin, registration=registration, comment="x")
    assert error.value.messages == ["Chỉ trả lại được bản đăng ký đã gửi hoặc đã tiếp nhận."]


def test_the_lead_sees_its_members_registrations_and_a_member_only_its_own(org, reg_round, titles):
    ca = register(org, reg_round, org.ca, titles)
    toa = register(org, reg_round, org.toa, titles)
    bao = register(org, reg_round, org.bao, titles)
    assert set(access.visible_registrations(org.truongkhoi)) == {ca, toa}
    assert set(access.visible_registrations(org.donvi)) == {ca}
    assert set(access.visible_registrations(org.hoidong)) == {ca, toa, bao}
