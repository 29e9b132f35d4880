"""The facts the eligibility rules read: a unit's ratings for a year in one table, initiatives,
discipline and holds, and what a person's and a unit's pages show of them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from awards.models import Discipline, Hold, HoldKind, Initiative, InitiativeLevel, PerformanceRating
from awards.services import facts as services
from blocs import services as blocs_services
from blocs.models import AuditLog
from tests.conftest import make_person


def ratings_url(unit, year):
    return reverse("awards:rating_unit_year", args=[unit.pk, year])


def post_ratings(client, unit, year, people_ratings: dict, **extra):
    data = {f"r_{p.pk}": rating for p, rating in people_ratings.items()} | extra
    return client.post(ratings_url(unit, year), data)


# --- Ratings -----------------------------------------------------------------------------


def test_the_ratings_page_lists_everyone_employed_in_the_unit_that_year_even_if_they_left(org, login):
    leaver = org.people["cong-an"][1]
    blocs_services.person_move(actor=org.noivu, person=leaver, to_unit=org.toa, on=datetime.date(org.year, 6, 1))
    newcomer = make_person(org.ca, "Lê Văn Mới", recruited_on=datetime.date(org.year + 1, 2, 1))
    page = login(org.donvi).get(ratings_url(org.ca, org.year)).content.decode()
    assert org.people["cong-an"][0].full_name in page and leaver.full_name in page
    assert "nay ở Tòa án nhân dân tỉnh" in page
    assert newcomer.full_name not in page


def test_an_officer_rates_the_unit_and_its_people_in_one_form(org, login):
    first, second = org.people["cong-an"]
    response = post_ratings(login(org.donvi), org.ca, org.year, {first: "HTXSNV", second: "HTTNV"},
                            unit_rating="HTXSNV", unit_source="QĐ 12/QĐ-CAT", **{f"s_{first.pk}": "QĐ 10"})
    assert response.status_code == 302 and response["Location"] == ratings_url(org.ca, org.year)
    stored = {r.person_id or "unit": (r.rating, r.source) for r in PerformanceRating.objects.all()}
    assert stored == {first.pk: ("HTXSNV", "QĐ 10"), second.pk: ("HTTNV", ""), "unit": ("HTXSNV", "QĐ 12/QĐ-CAT")}
    assert AuditLog.objects.filter(action="awards.ratings.saved", actor=org.donvi).count() == 1


def test_emptying_a_persons_rating_removes_it_and_the_page_shows_what_is_stored(org, login):
    first, second = org.people["cong-an"]
    client = login(org.donvi)
    post_ratings(client, org.ca, org.year, {first: "HTNV", second: "KHTNV"})
    post_ratings(client, org.ca, org.year, {first: "HTNV", second: ""})
    assert list(PerformanceRating.objects.values_list("person_id", "rating")) == [(first.pk, "HTNV")]
    page = client.get(ratings_url(org.ca, org.year)).content.decode()
    assert '<option value="HTNV" selected>' in page


def test_an_unknown_rating_is_refused_and_nothing_is_saved(org, login):
    first, second = org.people["cong-an"]
    response = post_ratings(login(org.donvi), org.ca, org.year, {first: "HTXSNV", second: "GIOI"})
    assert response.status_code == 200 and "Có lỗi, hãy kiểm tra lại." in response.content.decode()
    assert not PerformanceRating.objects.exists()


def test_a_bloc_lead_and_a_council_member_read_a_units_ratings_without_a_form(org, login):
    services.ratings_save(actor=org.noivu, unit=org.ca, year=org.year,
                          lines=[services.RatingLine(org.people["cong-an"][0].pk, "HTTNV")])
    for user in (org.truongkhoi, org.hoidong):
        page = login(user).get(ratings_url(org.ca, org.year)).content.decode()
        assert "HTTNV" in page and "Lưu kết quả xếp loại" not in page and "Tải tệp mẫu Excel" not in page


def test_the_unit_page_links_to_its_ratings_by_year(org, login):
    page = login(org.donvi).get(reverse("blocs:unit_detail", args=[org.ca.pk])).content.decode()
    assert ratings_url(org.ca, org.year) in page and "Xếp loại cá nhân, tập thể" in page


# --- Initiatives -------------------------------------------------------------------------


def initiative_data(org, person, **extra) -> dict:
    return {"title": "Ứng dụng phần mềm quản lý hồ sơ", "kind": "sang_kien", "level": "co_so",
            "recognised_on": f"15/03/{org.year}", "recognised_by": "QĐ 3/QĐ-HĐSK", "unit": org.ca.pk,
            "authors": [person.pk]} | extra


def test_an_officer_records_an_initiative_of_their_own_people(org, login):
    author = org.people["cong-an"][0]
    response = login(org.donvi).post(reverse("awards:initiative_create"), initiative_data(org, author))
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert list(initiative.authors.all()) == [author] and initiative.recognised_on == datetime.date(org.year, 3, 15)
    assert AuditLog.objects.filter(action="awards.initiative.created", actor=org.donvi).exists()


def test_an_officer_cannot_name_an_author_from_another_unit_or_record_it_for_another_unit(org, login):
    client = login(org.donvi)
    stranger = org.people["tand"][0]
    response = client.post(reverse("awards:initiative_create"), initiative_data(org, stranger))
    assert response.status_code == 200 and "Initiative" not in response.content.decode()
    response = client.post(reverse("awards:initiative_create"),
                           initiative_data(org, org.people["cong-an"][0], unit=org.toa.pk))
    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_an_initiative_used_for_an_award_is_shown_as_used_and_cannot_be_edited(org, login):
    initiative = services.initiative_save(
        actor=org.noivu, authors=[org.people["cong-an"][0]],
        initiative=Initiative(title="Sáng kiến A", level=InitiativeLevel.BASE, recognised_on=datetime.date(org.year, 1, 5),
                              recognised_by="QĐ 1", unit=org.ca),
    )
    page = login(org.donvi).get(reverse("awards:initiative_list")).content.decode()
    assert "Sáng kiến A" in page and "Chưa dùng" in page
    assert login(org.donvi).get(reverse("awards:initiative_update", args=[initiative.pk])).status_code == 200


# --- Discipline and holds ----------------------------------------------------------------


def test_interior_staff_record_a_discipline_that_the_persons_unit_reads_on_the_person_page(org, login):
    person = org.people["cong-an"][0]
    response = login(org.noivu).post(reverse("awards:discipline_create"), {
        "person": person.pk, "form": "canh_cao", "decided_on": f"01/02/{org.year}",
        "effective_from": f"01/02/{org.year}", "effective_to": f"31/01/{org.year + 1}", "source": "QĐ 7/QĐ-KL",
    })
    assert response.status_code == 302
    discipline = Discipline.objects.get()
    assert discipline.unit_at_time == org.ca and discipline.recorded_by == org.noivu
    page = login(org.donvi).get(reverse("blocs:person_detail", args=[person.pk])).content.decode()
    assert "Cảnh cáo" in page and "QĐ 7/QĐ-KL" in page
    assert reverse("awards:discipline_update", args=[discipline.pk]) not in page


def test_a_discipline_ending_before_it_starts_is_refused(org, login):
    response = login(org.noivu).post(reverse("awards:discipline_create"), {
        "person": org.people["cong-an"][0].pk, "form": "khien_trach", "decided_on": f"01/02/{org.year}",
        "effective_from": f"01/02/{org.year}", "effective_to": f"01/01/{org.year}", "source": "QĐ 8",
    })
    assert response.status_code == 200 and "Ngày hết hiệu lực phải sau ngày có hiệu lực." in response.content.decode()


def test_a_hold_names_a_person_or_a_unit_never_both(org, login):
    response = login(org.noivu).post(reverse("awards:hold_create"), {
        "person": org.people["cong-an"][0].pk, "unit": org.ca.pk, "kind": "thanh_tra",
        "opened_on": f"01/03/{org.year}", "source": "KL 1",
    })
    assert response.status_code == 200 and "Chọn một cá nhân hoặc một tập thể." in response.content.decode()
    assert not Hold.objects.exists()


def test_closing_a_hold_records_the_date_and_it_cannot_be_closed_twice(org, login):
    hold = services.hold_save(actor=org.noivu, hold=Hold(unit=org.ca, kind=HoldKind.COMPLAINT,
                              opened_on=datetime.date(org.year, 3, 1), source="Đơn 1"))
    client = login(org.noivu)
    url = reverse("awards:hold_close", args=[hold.pk])
    client.post(url, {"closed_on": f"30/04/{org.year}", "note": "KL không có vi phạm"})
    hold.refresh_from_db()
    assert hold.closed_on == datetime.date(org.year, 4, 30) and "KL không có vi phạm" in hold.note
    assert AuditLog.objects.filter(action="awards.hold.closed", to_state="closed").exists()
    response = client.post(url, {"closed_on": f"01/05/{org.year}"}, follow=True)
    assert f"Vụ việc đã kết thúc ngày 30/04/{org.year}." in response.content.decode()


def test_a_hold_closed_before_it_opened_is_refused(org, login):
    hold = services.hold_save(actor=org.noivu, hold=Hold(unit=org.ca, kind=HoldKind.PRESS,
                              opened_on=datetime.date(org.year, 3, 1), source="Báo"))
    response = login(org.noivu).post(reverse("awards:hold_close", args=[hold.pk]),
                                     {"closed_on": f"01/01/{org.year}"}, follow=True)
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    hold.refresh_from_db()
    assert hold.closed_on is None


@pytest.mark.parametrize("persona", ["donvi", "truongkhoi"])
def test_an_officer_sees_only_the_holds_of_their_own_unit_and_people(org, login, persona):
    for subject in ({"unit": org.ca}, {"person": org.people["tand"][0]}):
        services.hold_save(actor=org.noivu, hold=Hold(kind=HoldKind.INSPECTION, source="KL",
                           opened_on=datetime.date(org.year, 1, 2), **subject))
    page = login(getattr(org, persona)).get(reverse("awards:hold_list")).content.decode()
    page = page.split('data-testid="holds"')[1]
    assert ("Công an tỉnh" in page) == (persona == "donvi")
    assert org.people["tand"][0].full_name not in page
