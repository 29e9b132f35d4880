"""Panels of the awards app: proposals (registered through blocs.panels.register).

The dashboard says what waits for me: a unit's drafts and returned proposals; for interior
staff, proposals sent, received and under review (those assigned to me first); for a bloc's
lead, its members' accepted nominees still to gather into the bloc's proposal."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from blocs import panels
from blocs.access import led_bloc_ids
from blocs.models import Bloc

from .access_proposals import can_consolidate_bloc, visible_proposals
from .models import ProposalStatus
from .services.consolidate_proposals import bloc_candidates

S = ProposalStatus
LIMIT = 8


@panels.register("dashboard", order=55)
def proposals_waiting(request: HttpRequest, *, year: int, **_context) -> str:
    user = request.user
    qs = visible_proposals(user).select_related("proposing_unit", "assigned_to")
    if user.manages_province:
        waiting = qs.filter(status__in=(S.SUBMITTED, S.RECEIVED, S.UNDER_REVIEW))
        waiting = waiting.order_by("status", "submitted_at", "pk")
    elif user.is_unit_officer and user.unit_id:
        waiting = qs.filter(proposing_unit_id=user.unit_id, status__in=(S.DRAFT, S.RETURNED)).order_by("-updated_at")
    else:
        return ""
    rows = list(waiting[: LIMIT + 1])
    gather = []
    for bloc in Bloc.objects.filter(pk__in=led_bloc_ids(user, year)).order_by("name"):
        if can_consolidate_bloc(user, bloc.pk, year):
            count = bloc_candidates(bloc, year).count()
            if count:
                gather.append((bloc, count))
    context = {"rows": rows[:LIMIT], "more": len(rows) > LIMIT, "gather": gather, "year": year}
    return render_to_string("awards/proposal_panel.html", context, request=request)
