"""Who may see and act on the council, decision and history screens (built on the proposal
scoping of ``access_proposals``, lane c's).

- Notices are public to every logged-in user, who may object during the period.
- Decisions are signed public documents: every logged-in user reads them.
- Objections are read by province-wide roles; interior staff (and admins) resolve them,
  publish notices, record council sessions, votes, decisions and revocations, and import
  history. Council members read everything, change nothing.
- The award history is scoped like people and units (``history.visible_records``).
Outside one's sight the answer is 404; visible but not allowed, 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

from blocs.access import get_or_404

from .access_proposals import visible_proposals
from .models import AwardRecord, Decision, Objection, Proposal, PublicNotice
from .services.history import visible_records

if TYPE_CHECKING:
    from blocs.models import User


def can_run_council(user: User) -> bool:
    return user.manages_province


def get_proposal_for_council(user: User, pk: int, *, write: bool = False) -> Proposal:
    proposal = get_or_404(visible_proposals(user).select_related("proposing_unit", "rule_set"), pk)
    if write and not can_run_council(user):
        raise PermissionDenied
    return proposal


def get_notice_for_user(user: User, pk: int) -> PublicNotice:
    return get_or_404(PublicNotice.objects.select_related("proposal__proposing_unit"), pk)


def check_reads_objections(user: User) -> None:
    if not user.sees_province:
        raise PermissionDenied


def get_objection_for_user(user: User, pk: int, *, write: bool = False) -> Objection:
    objection = get_or_404(Objection.objects.select_related("notice__proposal", "nominee"), pk)
    check_reads_objections(user)
    if write and not can_run_council(user):
        raise PermissionDenied
    return objection


def get_decision_for_user(user: User, pk: int) -> Decision:
    return get_or_404(Decision.objects.select_related("proposal"), pk)


def get_record_for_user(user: User, pk: int, *, write: bool = False) -> AwardRecord:
    record = get_or_404(
        visible_records(user).select_related("person", "unit", "household", "title", "decision", "revoked_by"), pk
    )
    if write and not can_run_council(user):
        raise PermissionDenied
    return record


def check_imports_history(user: User) -> None:
    if not user.manages_province:
        raise PermissionDenied
