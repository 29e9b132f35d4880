"""The admin's inlines follow their parent page's rule (interior staff hold no Django model
permissions), and the admin stays closed to unit officers."""

from __future__ import annotations

from django.urls import reverse

from blocs.models import BlocYear, Membership


def roster_data(bloc_year: BlocYear, **changes_by_unit: dict) -> dict:
    """The BlocYear change form as posted: the bloc and year, and one inline row per member."""
    members = list(bloc_year.memberships.order_by("pk"))
    data = {
        "bloc": bloc_year.bloc_id,
        "year": bloc_year.year,
        "memberships-TOTAL_FORMS": len(members),
        "memberships-INITIAL_FORMS": len(members),
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    for i, m in enumerate(members):
        row = {
            "id": m.pk, "bloc_year": bloc_year.pk, "unit": m.unit_id, "role": m.role,
            "lead_source": m.lead_source, "source_note": m.source_note,
        }
        row.update(changes_by_unit.get(m.unit.code, {}))
        data.update({f"memberships-{i}-{key}": value for key, value in row.items()})
    return data


def test_interior_staff_see_the_roster_inline_on_a_bloc_year_and_save_a_change_to_it(org, login):
    bloc_year = BlocYear.objects.get(bloc=org.noi_chinh, year=org.year)
    url = reverse("admin:blocs_blocyear_change", args=[bloc_year.pk])
    client = login(org.noivu)

    page = client.get(url).content.decode()
    assert 'name="memberships-TOTAL_FORMS" value="3"' in page
    assert 'name="memberships-0-source_note"' in page

    note = "Quyết định số 12/QĐ-HĐTĐKT"
    response = client.post(url, roster_data(bloc_year, **{"bo-chqs": {"source_note": note}}))
    assert (response.status_code, response["Location"]) == (302, reverse("admin:blocs_blocyear_changelist"))
    assert Membership.objects.get(bloc_year=bloc_year, unit=org.chqs).source_note == note


def test_interior_staff_see_a_person_s_employments_inline(org, login):
    person = org.people["cong-an"][0]
    page = login(org.noivu).get(reverse("admin:blocs_person_change", args=[person.pk])).content.decode()
    assert 'name="employments-TOTAL_FORMS"' in page


def test_a_unit_officer_cannot_reach_the_admin_page_nor_save_the_roster(org, login):
    bloc_year = BlocYear.objects.get(bloc=org.noi_chinh, year=org.year)
    url = reverse("admin:blocs_blocyear_change", args=[bloc_year.pk])
    client = login(org.donvi)

    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    response = client.post(url, roster_data(bloc_year, **{"cong-an": {"source_note": "sửa trộm"}}))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert Membership.objects.get(bloc_year=bloc_year, unit=org.ca).source_note == ""
