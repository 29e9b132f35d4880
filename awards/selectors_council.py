"""Reads of the council's sessions, scoped like the proposals they voted on: province-wide
roles see every session; a unit officer, the sessions that voted on a proposal they may
read (``access_proposals.visible_proposals``). A fixed number of queries per call."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from blocs.models import User

from .access_proposals import visible_proposals
from .models import CouncilSession, CouncilVote


def visible_sessions(user: User) -> QuerySet[CouncilSession]:
    qs = CouncilSession.objects.all()
    if user.sees_province:
        return qs
    seen = CouncilVote.objects.filter(session=OuterRef("pk"), nominee__proposal__in=visible_proposals(user))
    return qs.filter(Exists(seen))


def visible_votes(user: User, session: CouncilSession) -> QuerySet[CouncilVote]:
    """The session's votes on the nominees of proposals *user* may read."""
    votes = session.votes.all()
    if not user.sees_province:
        votes = votes.filter(nominee__proposal__in=visible_proposals(user))
    return votes.select_related(
        "nominee__proposal", "nominee__person__unit", "nominee__unit", "nominee__household", "nominee__title"
    ).order_by("nominee__proposal_id", "nominee__position", "nominee_id")


def recent_sessions(user: User, limit: int = 10) -> list[CouncilSession]:
    return list(visible_sessions(user).order_by("-held_on", "-pk")[:limit])
