"""Who may see and act on award proposals; built on ``blocs.access``.

- Read: province-wide roles (admin, interior staff, council) read every proposal; a unit
  officer reads their unit's, and — in a year their unit leads a bloc — the bloc's
  proposals and those of the bloc's member units.
- Write (draft, nominees, dossier, submit): the proposing unit's officers (for a bloc's
  proposal, the lead unit's); interior staff write the province's proposals to the central
  level; admins everything.
- Review (receive, start review, appraise, override a failed check, return, accept,
  reject): interior staff and admins.
- Choices on the forms: the blocs a unit officer may propose for, the movements, and who
  and what a proposal may name (people, units, communes' households, free initiatives).
Outside one's sight the answer is 404; visible but not allowed, 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from blocs.access import get_or_404, led_bloc_ids, visible_people
from blocs.models import Bloc, MemberRole, Membership, Person, Unit
from movements.access import visible_movements
from movements.models import Movement

from .models import Household, Initiative, Nominee, Proposal, ProposalDocument
from .services.proposals_common import allowed_unit_ids, free_initiatives, proposal_communes

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


# --- Choices on the forms ------------------------------------------------------------------


def led_blocs(user: User) -> QuerySet[Bloc]:
    """Blocs a user may propose for as their lead (the year is checked by the service)."""
    if user.is_admin:
        return Bloc.objects.order_by("name")
    return Bloc.objects.filter(pk__in=Membership.objects.filter(
        unit_id=user.unit_id, role=MemberRole.LEAD).values("bloc_year__bloc_id")).order_by("name")


def proposal_movements(user: User) -> QuerySet[Movement]:
    """Movements a proposal may be made under: the ones the user sees."""
    return visible_movements(user).order_by("-year", "name", "pk")


@dataclass
class NomineeChoices:
    """Who a nominee of a proposal may be, and which initiatives it may cite; querysets, each
    read in one query when the form is shown."""

    people: QuerySet[Person]
    units: QuerySet[Unit]
    communes: QuerySet[Unit]
    households: QuerySet[Household]

    def initiatives(self, person_id=None, nominee: Nominee | None = None) -> QuerySet[Initiative]:
        """Free initiatives of the person chosen (of every person in scope when none is)."""
        authors = self.people.filter(pk=person_id) if person_id else self.people
        return free_initiatives(authors, nominee).select_related("unit").prefetch_related("authors").order_by(
            "-recognised_on", "title", "pk")


def nominee_choices(user: User, proposal: Proposal) -> NomineeChoices:
    """A unit's proposal names the people and selves of the proposing unit (and of its bloc's
    members for a bloc's proposal) and households of their communes; the province's
    proposals to the central level name anyone the user sees."""
    if proposal.to_central:
        people, units = visible_people(user), Unit.objects.all()
    else:
        ids = allowed_unit_ids(proposal)
        people, units = Person.objects.filter(unit_id__in=ids), Unit.objects.filter(pk__in=ids)
    communes = proposal_communes(proposal)
    return NomineeChoices(
        people=people.order_by("search_text", "pk"),
        units=units.order_by("name"),
        communes=communes.order_by("name"),
        households=Household.objects.filter(commune__in=communes).select_related("commune").order_by(
            "commune__name", "head_name", "pk"),
    )
