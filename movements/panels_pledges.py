"""Panels of the pledges area on the bloc page (the bloc's year: pledge, work plan, budget)
and on the dashboard (what is not signed or approved yet). A constant number of queries."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from blocs import access as blocs_access
from blocs.models import Bloc
from blocs.panels import register

from . import selectors_pledges as sel


@register("bloc_detail", order=20)
def bloc_year_panel(request: HttpRequest, *, bloc: Bloc, year: int, **_extra) -> str:
    """The bloc page is only shown to those who may read the bloc that year, who may then
    read its pledge, work plan and budget too (movements.access)."""
    summary = sel.bloc_year_summary(bloc=bloc, year=year)
    context = {
        "bloc": bloc,
        "year": year,
        "summary": summary,
        "table_total": sel.points_label(summary.pledge.scored_total or 0) if summary.pledge else "",
        "can_write": blocs_access.can_manage_bloc(request.user, bloc, year),
    }
    return render_to_string("movements/_panel_bloc_pledges.html", context, request=request)


@register("dashboard", order=20)
def dashboard_panel(request: HttpRequest, *, year: int, **_extra) -> str | None:
    data = sel.dashboard_pledges(user=request.user, year=year)
    if not data:
        return None
    return render_to_string(
        "movements/_panel_dashboard_pledges.html", {"year": year, **data}, request=request
    )
