"""Every facts page costs the same number of queries for 5 rows as for 40 (one page)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Discipline, Hold, HoldKind, Initiative, PerformanceRating
from blocs.models import Employment, Gender, Person, Unit, UnitKind
from blocs.text import fold

NEW = "Người mới"


def grow(org, start: int, stop: int) -> None:
    """People start..stop-1 of Công an, each with a rating, an initiative with two authors, a
    discipline and a hold; and as many new units, each with a collective rating."""
    day = datetime.date(org.year, 2, 1)
    people = Person.objects.bulk_create(
        Person(full_name=f"{NEW} {i:03}", gender=Gender.MALE, unit=org.ca, search_text=fold(f"{NEW} {i:03}"))
        for i in range(start, stop)
    )
    Employment.objects.bulk_create(Employment(person=p, unit=org.ca) for p in people)
    units = Unit.objects.bulk_create(
        Unit(name=f"Đơn vị mới {i:03}", code=f"moi-{i}", kind=UnitKind.PROVINCIAL_AGENCY) for i in range(start, stop)
    )
    PerformanceRating.objects.bulk_create(
        [PerformanceRating(person=p, year=org.year, rating="HTTNV", rated_by_unit=org.ca) for p in people]
        + [PerformanceRating(unit=u, year=org.year, rating="HTXSNV") for u in units]
    )
    initiatives = Initiative.objects.bulk_create(
        Initiative(title=f"Sáng kiến {p.full_name}", level="co_so", recognised_on=day, recognised_by="QĐ",
                   unit=org.ca)
        for p in people
    )
    Initiative.authors.through.objects.bulk_create(
        Initiative.authors.through(initiative=i, person=person)
        for i, p in zip(initiatives, people, strict=True)
        for person in (p, org.people["cong-an"][0])
    )
    Discipline.objects.bulk_create(
        Discipline(person=p, form="khien_trach", decided_on=day, effective_from=day, source="QĐ") for p in people
    )
    Hold.objects.bulk_create(Hold(person=p, kind=HoldKind.INSPECTION, opened_on=day, source="KL") for p in people)


PAGES = {
    "initiative_list": lambda o: reverse("awards:initiative_list"),
    "discipline_list": lambda o: reverse("awards:discipline_list"),
    "hold_list": lambda o: reverse("awards:hold_list"),
    "rating_unit_year": lambda o: reverse("awards:rating_unit_year", args=[o.ca.pk, o.year]),
    "rating_index": lambda o: reverse("awards:rating_index"),
    "person_detail": lambda o: reverse("blocs:person_detail", args=[o.people["cong-an"][0].pk]),
}


def measure(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("persona", ["noivu", "donvi"])
@pytest.mark.parametrize("page", PAGES)
def test_a_facts_page_runs_as_many_queries_for_40_rows_as_for_5(org, login, page, persona):
    client = login(getattr(org, persona))
    url = PAGES[page](org)
    grow(org, 0, 5)
    few = measure(client, url)
    grow(org, 5, 40)
    many = measure(client, url)
    assert many == few, f"{page} as {persona}: {few} queries for 5 rows, {many} for 40"


def test_the_filters_narrow_the_initiatives_by_year_and_unit(org, login):
    grow(org, 0, 3)
    client = login(org.noivu)
    url = reverse("awards:initiative_list")
    assert client.get(url, {"nam": org.year, "don_vi": org.ca.pk}).content.decode().count(f"Sáng kiến {NEW}") == 3
    assert client.get(url, {"nam": org.year - 1}).content.decode().count(f"Sáng kiến {NEW}") == 0
    assert client.get(url, {"don_vi": org.toa.pk}).content.decode().count(f"Sáng kiến {NEW}") == 0
