"""Shared steps of the proposal services: lock and re-check the state, record a transition
as a ProposalEvent and an audit row, the bloc facts a proposal depends on, and whom and
what a proposal may cite (its units' communes, the free initiatives of its people)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from blocs.models import Bloc, MemberRole, Membership, Person, Unit, UnitKind
from blocs.text import nfc

from ..eligibility.facts import CLOSED_OUTCOMES
from ..models import Initiative, Nominee, Proposal, ProposalEvent, ProposalStatus
from .common import audit

S = ProposalStatus


def locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def require_state(proposal: Proposal, allowed: Iterable[str], doing: str) -> None:
    allowed = tuple(allowed)
    if proposal.status not in allowed:
        raise ValidationError(
            _("Không thể %(doing)s: đề nghị đang ở trạng thái “%(now)s” (có thể người khác vừa xử lý). "
              "Chỉ làm được khi đề nghị ở trạng thái %(allowed)s.")
            % {"doing": doing, "now": proposal.get_status_display(),
               "allowed": _(" hoặc ").join(f"“{S(s).label}”" for s in allowed)}
        )


def record_event(proposal: Proposal, *, actor, action: str, from_status: str, comment: str = "",
           at: datetime.datetime | None = None, data: dict | None = None) -> ProposalEvent:
    event = ProposalEvent.objects.create(
        proposal=proposal, action=action, from_status=from_status, to_status=proposal.status,
        actor=actor, comment=comment,
    )
    if at is not None:
        ProposalEvent.objects.filter(pk=event.pk).update(at=at)
        event.at = at
    audit(actor=actor, action=action, obj=proposal, at=at, from_state=from_status,
          to_state=proposal.status, data={"comment": comment, **(data or {})})
    return event


def move(proposal: Proposal, *, actor, to: str, action: str, comment: str = "", at=None,
          data=None, fields=()) -> Proposal:
    old = proposal.status
    proposal.status = to
    proposal.full_clean()
    proposal.save(update_fields=["status", "updated_at", *fields])
    record_event(proposal, actor=actor, action=action, from_status=old, comment=comment, at=at, data=data)
    return proposal


def check_editable(proposal: Proposal) -> None:
    require_state(proposal, (S.DRAFT, S.RETURNED), _("sửa đề nghị"))


def required(text: str, field: str, message: str) -> str:
    text = nfc(text or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


def lead_unit_of(bloc: Bloc, year: int) -> Unit | None:
    membership = (
        Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year, role=MemberRole.LEAD)
        .select_related("unit").first()
    )
    return membership.unit if membership else None


def member_unit_ids(bloc: Bloc, year: int) -> set[int]:
    return set(Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year)
               .values_list("unit_id", flat=True))




def allowed_unit_ids(proposal: Proposal) -> set[int]:
    """Units whose people and selves a unit's proposal may name: the proposing unit and, for
    a bloc's proposal, the bloc's members that year."""
    ids = {proposal.proposing_unit_id}
    if proposal.bloc_id:
        ids |= member_unit_ids(proposal.bloc, proposal.year)
    return ids


def proposal_communes(proposal: Proposal) -> QuerySet[Unit]:
    """Communes (xã, phường) whose households *proposal* may name: an allowed unit that is a
    commune, or a commune under one (a district's); every commune for the province's
    proposals to the central level."""
    communes = Unit.objects.filter(kind=UnitKind.COMMUNE)
    if proposal.to_central:
        return communes
    ids = allowed_unit_ids(proposal)
    return communes.filter(Q(pk__in=ids) | Q(parent_id__in=ids))


def free_initiatives(authors: QuerySet[Person] | list[Person], nominee: Nominee | None = None) -> QuerySet[Initiative]:
    """Initiatives of *authors* a nominee may cite (ND 152 Điều 4: one initiative, one award):
    not used by an award (unless that award was revoked) and not cited by a live nominee of a
    proposal already sent, other than *nominee* itself or the nominee it was gathered from."""
    authored = Initiative.authors.through.objects.filter(person__in=authors).values("initiative_id")
    mine = {pk for pk in (nominee.pk, nominee.source_id) if pk} if nominee is not None else set()
    cited_elsewhere = (
        Nominee.initiatives.through.objects.exclude(nominee__outcome__in=CLOSED_OUTCOMES)
        .exclude(nominee__proposal__status=ProposalStatus.DRAFT)
        .exclude(nominee_id__in=mine)
        .values("initiative_id")
    )
    return (
        Initiative.objects.filter(pk__in=authored)
        .filter(Q(used_by__isnull=True) | Q(used_by__revoked_by__isnull=False))
        .exclude(pk__in=cited_elsewhere)
    )
