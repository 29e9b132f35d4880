"""Panels of the awards app: facts (registered through blocs.panels.register) — a person's
ratings, initiatives, discipline and holds; a unit's ratings by year."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from blocs import panels
from blocs.access import current_year
from blocs.models import Person, Unit

from . import access_facts
from .models import Hold, PerformanceRating


@panels.register("person_detail", order=40)
def person_facts(request: HttpRequest, *, person: Person, **_context) -> str | None:
    user = request.user
    if not access_facts.can_read_facts_of_person(user, person):
        return None
    context = {
        "person": person,
        "ratings": list(person.ratings.select_related("rated_by_unit").order_by("-year")),
        "initiatives": list(person.initiatives.select_related("unit", "used_by__title").order_by("-recognised_on")),
        "disciplines": list(person.disciplines.order_by("-effective_from")),
        "holds": list(person.holds.order_by("-opened_on")),
        "can_edit_official": access_facts.can_write_official_facts(user),
    }
    return render_to_string("awards/fact_person_panel.html", context, request=request)


@panels.register("unit_detail", order=40)
def unit_facts(request: HttpRequest, *, unit: Unit, **_context) -> str:
    year = current_year()
    ratings = dict(PerformanceRating.objects.filter(unit=unit, year__gt=year - 5).values_list("year", "rating"))
    context = {
        "unit": unit,
        "rows": [(y, ratings.get(y)) for y in range(year, year - 5, -1)],
        "open_holds": list(Hold.objects.filter(unit=unit, closed_on__isnull=True)),
        "can_write": access_facts.can_write_facts_of_unit(request.user, unit),
    }
    return render_to_string("awards/fact_unit_panel.html", context, request=request)
