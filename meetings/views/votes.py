"""The vote for next year's lead and deputy at a bloc's year-end review; the result shows on
the meeting's page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from blocs.models import MemberRole
from blocs.views.common import run_service

from ..forms import ElectionForm
from ..services import votes
from ..services.meetings import member_units
from .common import GET_POST, meeting_crumbs
from .scoring import review_for_user


def _result(election) -> str:
    role, year = election.get_role_display(), election.for_year
    if election.winner is not None:
        return _("%(u)s được suy tôn %(r)s năm %(y)s.") % {"u": election.winner.name, "r": role, "y": year}
    return _("Không đơn vị nào được quá nửa số phiếu: chưa có %(r)s năm %(y)s.") % {"r": role, "y": year}


@GET_POST
def election_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = review_for_user(request.user, pk, manage=True)
    members = member_units(meeting.bloc, meeting.year)
    voted = set(meeting.elections.values_list("role", flat=True))
    initial = {"voters": len(members), "role": MemberRole.DEPUTY if MemberRole.LEAD in voted else MemberRole.LEAD}
    form = ElectionForm(request.POST if request.method == "POST" else None, members=members, initial=initial)

    def record():
        data = form.cleaned_data
        return votes.election_record(actor=request.user, meeting=meeting, role=data["role"], tallies=form.tallies,
                                     voters=data["voters"], method=data["method"])

    if request.method == "POST" and form.is_valid() and (election := run_service(form, record)):
        (messages.success if election.winner else messages.warning)(request, _result(election))
        return redirect(f"{meeting.get_absolute_url()}#suy-ton")
    context = {"meeting": meeting, "form": form, "crumbs": meeting_crumbs(meeting), "voted": voted,
               "next_year": meeting.year + 1}
    return render(request, "meetings/election_form.html", context)
