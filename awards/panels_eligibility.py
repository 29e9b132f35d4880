"""Panels of the awards app: eligibility (registered through blocs.panels.register).

"Đủ điều kiện năm tới?" on a person's and a unit's page: the main titles of the coming
year-end review (achievements of the current year) with the reasons why not."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from blocs import panels
from blocs.access import current_year
from blocs.models import Person, Unit

from .eligibility import evaluate_people, evaluate_units
from .models import Title

PERSON_TITLES = ("LDTT", "CSTDCS", "CSTD_TINH", "BK_TINH")
UNIT_TITLES = ("TTLDTT", "TTLDXS", "BK_TINH", "CO_TINH")


def _render(request: HttpRequest, codes, judge, subject_kind: str) -> str | None:
    year = current_year()
    titles = {t.code: t for t in Title.objects.filter(code__in=codes, is_active=True)}
    rows = []
    for code in codes:
        if code in titles:
            verdict = judge(titles[code], year)
            query = f"?danh_hieu={code}&nam={year}&doi_tuong={subject_kind}"
            rows.append((titles[code], verdict, reverse("awards:eligibility") + query))
    if not rows:
        return None
    return render_to_string(
        "awards/eligibility_panel.html", {"rows": rows, "year": year}, request=request
    )


@panels.register("person_detail", order=45)
def person_eligibility(request: HttpRequest, *, person: Person, **_context) -> str | None:
    return _render(
        request,
        PERSON_TITLES,
        lambda title, year: evaluate_people(title=title, year=year, people=[person])[person.pk],
        "ca_nhan",
    )


@panels.register("unit_detail", order=45)
def unit_eligibility(request: HttpRequest, *, unit: Unit, **_context) -> str | None:
    return _render(
        request,
        UNIT_TITLES,
        lambda title, year: evaluate_units(title=title, year=year, units=[unit])[unit.pk],
        "tap_the",
    )
