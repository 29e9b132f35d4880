"""Consolidation (tổng hợp đề nghị): a bloc's lead gathers the accepted nominees of its
members' proposals of the year into one bloc proposal; interior staff gather the nominees
the province sends up (titles decided by the Prime Minister or the State President) into
one proposal to the central level.

Nothing is typed twice: each new nominee copies its source's subject, title, period,
achievement, initiatives and its report and certificate, and points to it (``source``);
the source nominee's outcome becomes CONSOLIDATED, and a source proposal whose accepted
nominees have all gone becomes CONSOLIDATED, pointing to where they went.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from blocs.models import Bloc, Membership, Unit, User

from ..models import Nominee, NomineeOutcome, Proposal, ProposalEvent, ProposalStatus, TitleRule
from ..models.rules import DeciderLevel
from .common import audit
from .dossier import copy_documents
from .proposals import proposal_create
from .proposals_common import lead_unit_of

CENTRAL = (DeciderLevel.PRIME_MINISTER, DeciderLevel.PRESIDENT)


def _accepted(year: int) -> QuerySet[Nominee]:
    return Nominee.objects.filter(
        outcome=NomineeOutcome.ACCEPTED, proposal__status=ProposalStatus.ACCEPTED, proposal__year=year,
    ).select_related("proposal__proposing_unit", "title", "person", "unit", "household")


def bloc_candidates(bloc: Bloc, year: int) -> QuerySet[Nominee]:
    """Accepted nominees of the proposals of *bloc*'s members (not the bloc's own) in *year*."""
    members = Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year).values("unit_id")
    return _accepted(year).filter(proposal__proposing_unit__in=members, proposal__bloc__isnull=True,
                                  proposal__to_central=False)


def central_candidates(year: int) -> QuerySet[Nominee]:
    """Accepted nominees, in the province's proposals of *year*, of titles decided centrally."""
    central_rule = TitleRule.objects.filter(
        rule_set_id=OuterRef("proposal__rule_set_id"), title_id=OuterRef("title_id"), decider__in=CENTRAL
    )
    return _accepted(year).filter(Exists(central_rule), proposal__to_central=False)


def _gather(actor: User | None, target: Proposal, sources: list[Nominee]) -> Proposal:
    if not sources:
        raise ValidationError(_("Chưa chọn người, tập thể nào để tổng hợp."))
    by_proposal: dict[int, list[Nominee]] = {}
    for position, source in enumerate(sources, start=1):
        copy = Nominee.objects.create(
            proposal=target, person=source.person, unit=source.unit, household=source.household,
            title=source.title, period_from=source.period_from, period_to=source.period_to,
            achievement=source.achievement, position=position, checks=source.checks,
            checked_at=source.checked_at, override_reason=source.override_reason,
            overridden_by=source.overridden_by, source=source,
        )
        copy.initiatives.set(source.initiatives.all())
        copy_documents(source, copy)
        by_proposal.setdefault(source.proposal_id, []).append(source)
    Nominee.objects.filter(pk__in=[s.pk for s in sources]).update(outcome=NomineeOutcome.CONSOLIDATED)
    for proposal in Proposal.objects.select_for_update().filter(pk__in=by_proposal):
        gone = by_proposal[proposal.pk]
        old = proposal.status
        if not proposal.nominees.filter(outcome=NomineeOutcome.ACCEPTED).exists():
            proposal.status = ProposalStatus.CONSOLIDATED
        proposal.consolidated_into = target
        proposal.save(update_fields=["status", "consolidated_into", "updated_at"])
        comment = _("Tổng hợp vào đề nghị “%(t)s”: %(n)s") % {
            "t": target.subject, "n": "; ".join(f"{n.subject} ({n.title.label})" for n in gone)}
        ProposalEvent.objects.create(proposal=proposal, action="awards.proposal.consolidated",
                                     from_status=old, to_status=proposal.status, actor=actor, comment=comment)
        audit(actor=actor, action="awards.proposal.consolidated", obj=proposal, from_state=old,
              to_state=proposal.status, data={"comment": comment, "into": target.pk})
    audit(actor=actor, action="awards.proposal.gathered", obj=target,
          data={"sources": [s.pk for s in sources]})
    return target


def _pick(candidates: QuerySet[Nominee], nominee_ids: Iterable[int]) -> list[Nominee]:
    wanted = set(nominee_ids)
    found = list(candidates.filter(pk__in=wanted).select_for_update(of=("self",)))
    if len(found) != len(wanted):
        raise ValidationError(_("Có người, tập thể đã được tổng hợp hoặc không còn ở trạng thái thẩm định đạt."))
    return sorted(found, key=lambda n: (n.proposal_id, n.position, n.pk))


@transaction.atomic
def proposal_consolidate_bloc(*, actor: User | None, bloc: Bloc, year: int, nominee_ids: Iterable[int],
                              subject: str) -> Proposal:
    """A draft bloc proposal from the chosen accepted nominees of the bloc's members; the
    lead then adds the bloc's minutes (biên bản) and submits it like any proposal."""
    lead = lead_unit_of(bloc, year)
    if lead is None:
        raise ValidationError(_("%(b)s chưa có trưởng khối năm %(y)s.") % {"b": bloc.name, "y": year})
    sources = _pick(bloc_candidates(bloc, year), nominee_ids)
    target = proposal_create(actor=actor, unit=lead, year=year, subject=subject, bloc=bloc)
    return _gather(actor, target, sources)


@transaction.atomic
def proposal_consolidate_central(*, actor: User | None, unit: Unit, year: int, nominee_ids: Iterable[int],
                                 subject: str) -> Proposal:
    """The province's draft proposal to the central level (proposing unit: Sở Nội vụ)."""
    sources = _pick(central_candidates(year), nominee_ids)
    target = proposal_create(actor=actor, unit=unit, year=year, subject=subject, to_central=True)
    return _gather(actor, target, sources)
