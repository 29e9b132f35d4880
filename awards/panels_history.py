"""Panels of the awards app: history (registered through blocs.panels.register): the awards a
person or unit received, revoked ones marked. The page has already checked access."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from blocs import panels
from blocs.models import Person, Unit

from .services.history import person_awards, unit_awards


@panels.register("person_detail", order=40)
def person_history(request: HttpRequest, *, person: Person, **_context) -> str:
    context = {"records": person_awards(person), "subject_pk": None}
    return render_to_string("awards/history_panel.html", context, request=request)


@panels.register("unit_detail", order=40)
def unit_history(request: HttpRequest, *, unit: Unit, **_context) -> str:
    context = {"records": unit_awards(unit), "subject_pk": unit.pk}
    return render_to_string("awards/history_panel.html", context, request=request)
