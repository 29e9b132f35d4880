"""Bulk evaluation loads every fact in a fixed number of queries, and the screen answers in
a fixed number of queries, whether there are ten people or a thousand."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.eligibility import evaluate_people, evaluate_units
from awards.models import AwardRecord, AwardSource, PerformanceRating, Rating, Title
from blocs.models import Employment, Gender, Person
from blocs.text import fold


def crowd(unit, count: int, year: int) -> None:
    """*count* people of *unit*, each rated and with a CSTĐCS, without going through services
    (a thousand audited saves would test nothing more)."""
    people = Person.objects.bulk_create(
        Person(
            unit=unit,
            full_name=f"Người số {i}",
            search_text=fold(f"Người số {i}"),
            gender=Gender.FEMALE if i % 2 else Gender.MALE,
            recruited_on=datetime.date(2010, 1, 1),
        )
        for i in range(count)
    )
    Employment.objects.bulk_create(
        Employment(person=p, unit=unit, start=p.recruited_on) for p in people
    )
    PerformanceRating.objects.bulk_create(
        PerformanceRating(person=p, year=y, rating=Rating.EXCELLENT)
        for p in people
        for y in (year - 1, year)
    )
    cstdcs = Title.objects.get(code="CSTDCS")
    AwardRecord.objects.bulk_create(
        AwardRecord(person=p, title=cstdcs, year=year - 1, source=AwardSource.IMPORT)
        for p in people
    )


def queries_for(callable_) -> int:
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


@pytest.mark.parametrize("code", ["LDTT", "CSTDCS", "CSTD_TINH", "BK_TINH", "BK_TTG"])
def test_evaluating_people_costs_the_same_for_ten_and_a_thousand(org, titles, code):
    crowd(org.ca, 10, 2025)
    small = queries_for(
        lambda: evaluate_people(title=titles[code], year=2025, people=Person.objects.all())
    )
    crowd(org.toa, 990, 2025)
    verdicts = {}
    big = queries_for(
        lambda: verdicts.update(
            evaluate_people(title=titles[code], year=2025, people=Person.objects.all())
        )
    )
    assert len(verdicts) == Person.objects.count() > 1000
    assert big == small


@pytest.mark.parametrize("code", ["TTLDTT", "TTLDXS", "CO_TINH", "BK_TINH"])
def test_evaluating_units_costs_the_same_whatever_their_size(org, titles, code):
    from blocs.models import Unit

    crowd(org.ca, 10, 2025)
    small = queries_for(
        lambda: evaluate_units(title=titles[code], year=2025, units=Unit.objects.all())
    )
    crowd(org.toa, 500, 2025)
    big = queries_for(
        lambda: evaluate_units(title=titles[code], year=2025, units=Unit.objects.all())
    )
    assert big == small


def test_the_screen_answers_in_the_same_number_of_queries_for_ten_and_a_thousand(
    org, login, titles
):
    client = login(org.noivu)
    url = reverse("awards:eligibility") + "?danh_hieu=CSTDCS&nam=2025"
    crowd(org.ca, 10, 2025)
    small = queries_for(lambda: client.get(url))
    crowd(org.toa, 990, 2025)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert len(captured) == small
    assert (
        "Người số 989" in response.content.decode()
        or response.context["page"].paginator.count > 1000
    )
