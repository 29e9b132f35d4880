"""Panels of the documents area: what needs the user now (dashboard) and a bloc's plans."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from blocs import panels
from blocs.access import can_manage_bloc
from blocs.models import Bloc

from . import selectors_documents as selectors


@panels.register("dashboard", order=20)
def dashboard_panel(request: HttpRequest, *, year: int, **_context) -> str | None:
    """Unit officer: its open tasks; bloc lead: its bloc's progress; interior staff:
    directives whose report is due within 30 days or overdue."""
    data = selectors.dashboard(user=request.user, year=year, today=timezone.localdate())
    if data is None:
        return None
    return render_to_string("movements/_panel_dashboard_documents.html", data, request=request)


@panels.register("bloc_detail", order=20)
def bloc_plans_panel(request: HttpRequest, *, bloc: Bloc, year: int, **_context) -> str:
    """The bloc's implementation plans for the year, with their progress."""
    user = request.user
    plans = selectors.plan_list(user=user, today=timezone.localdate(), year=year).filter(bloc=bloc)
    context = {"bloc": bloc, "year": year, "plans": plans, "can_create": can_manage_bloc(user, bloc, year)}
    return render_to_string("movements/_panel_bloc_documents.html", context, request=request)
