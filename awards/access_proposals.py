"""Who may see and act on award proposals; built on ``blocs.access``.

- Read: province-wide roles (admin, interior staff, council) read every proposal; a unit
  officer reads their unit's, and — in a year their unit leads a bloc — the bloc's
  proposals and those of the bloc's member units.
- Write (draft, nominees, dossier, submit): the proposing unit's officers (for a bloc's
  proposal, the lead unit's); interior staff write the province's proposals to the central
  level; admins everything.
- Review (receive, start review, appraise, override a failed check, return, accept,
  reject): interior staff and admins.
Outside one's sight the answer is 404; visible but not allowed, 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from blocs.access import get_or_404, led_bloc_ids
from blocs.models import MemberRole, Membership

from .models import Nominee, Proposal, ProposalDocument

if TYPE_CHECKING:
    from blocs.models import User


def visible_proposals(user: User) -> QuerySet[Proposal]:
    qs = Proposal.objects.all()
    if user.sees_province:
        return qs
    if not user.unit_id:
        return qs.none()
    led = Membership.objects.filter(
        unit_id=user.unit_id, role=MemberRole.LEAD, bloc_year__year=OuterRef(OuterRef("year"))
    ).values("bloc_year__bloc_id")
    led_bloc = Membership.objects.filter(
        unit_id=user.unit_id, role=MemberRole.LEAD, bloc_year__year=OuterRef("year"),
        bloc_year__bloc_id=OuterRef("bloc_id"),
    )
    member_of_led = Membership.objects.filter(
        unit_id=OuterRef("proposing_unit_id"), bloc_year__year=OuterRef("year"),
        bloc_year__bloc_id__in=led,
    )
    return qs.filter(Q(proposing_unit_id=user.unit_id) | Exists(led_bloc) | Exists(member_of_led))


def can_create_proposal(user: User) -> bool:
    """A proposal is its unit's: only an account with a unit drafts one (Sở Nội vụ's go to
    the central level)."""
    return bool(user.unit_id) and (user.is_admin or user.is_interior or user.is_unit_officer)


def can_write_proposal(user: User, proposal: Proposal) -> bool:
    if user.is_admin:
        return True
    if proposal.to_central:
        return user.is_interior
    return user.is_unit_officer and proposal.proposing_unit_id == user.unit_id


def can_review_proposals(user: User) -> bool:
    return user.manages_province


def can_consolidate_bloc(user: User, bloc_id: int, year: int) -> bool:
    return user.is_admin or bloc_id in led_bloc_ids(user, year)


def get_proposal_for_user(user: User, pk: int, *, write: bool = False, review: bool = False) -> Proposal:
    proposal = get_or_404(
        visible_proposals(user).select_related("proposing_unit", "bloc", "rule_set", "assigned_to",
                                               "movement", "consolidated_into"),
        pk,
    )
    if write and not can_write_proposal(user, proposal):
        raise PermissionDenied
    if review and not can_review_proposals(user):
        raise PermissionDenied
    return proposal


def get_nominee_for_user(user: User, pk: int, *, write: bool = False, review: bool = False) -> Nominee:
    nominee = get_or_404(
        Nominee.objects.filter(proposal__in=visible_proposals(user))
        .select_related("proposal", "title", "person", "unit", "household"),
        pk,
    )
    if write and not can_write_proposal(user, nominee.proposal):
        raise PermissionDenied
    if review and not can_review_proposals(user):
        raise PermissionDenied
    return nominee


def get_document_for_user(user: User, pk: int) -> ProposalDocument:
    return get_or_404(
        ProposalDocument.objects.filter(proposal__in=visible_proposals(user)).select_related("proposal"), pk
    )
