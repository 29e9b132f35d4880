"""The awards app's panels on other apps' pages: a movement's planned awards, and the
year's registrations on the dashboard."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from blocs import panels
from movements.models import Movement

from . import access, selectors
from .models import MovementAward


@panels.register("movement_detail", order=50)
def planned_awards(request: HttpRequest, *, movement: Movement, **_context) -> str:
    awards = list(
        MovementAward.objects.filter(movement=movement)
        .select_related("title")
        .order_by("title__kind", "title__position")
    )
    context = {
        "movement": movement,
        "awards": awards,
        "total_budget": sum(a.budget or 0 for a in awards),
        "can_edit": access.can_plan_awards(request.user),
    }
    return render_to_string("awards/_planned_awards_panel.html", context, request=request)


@panels.register("dashboard", order=50)
def registrations(request: HttpRequest, *, year: int, **_context) -> str:
    context = {
        **selectors.dashboard(user=request.user, year=year),
        "today": timezone.localdate(),
        "can_manage": access.can_manage_rounds(request.user),
    }
    return render_to_string("awards/_dashboard_panel.html", context, request=request)
