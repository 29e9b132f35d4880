"""Test factories of the council and decision area: proposals written straight into the
state ACCEPTED (until the proposal services of lane c cover drafting to acceptance)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from awards.models import Household, Nominee, NomineeOutcome, Proposal, ProposalStatus, Title
from awards.rules import rule_set_for
from awards.services import council, decisions
from blocs.models import Person, Unit


def accepted_proposal(
    org,
    nominees: list[tuple[Person | Unit | Household, str]],
    *,
    year: int = 2024,
    day: datetime.date | None = None,
    unit: Unit | None = None,
) -> Proposal:
    """A proposal of *unit* (Công an by default) accepted for the council, judged under the
    rule set of *day*, with one accepted nominee per (subject, title code)."""
    day = day or datetime.date(year, 12, 1)
    proposal = Proposal.objects.create(
        proposing_unit=unit or org.ca, year=year, rule_set=rule_set_for(day),
        subject=f"Đề nghị khen thưởng năm {year}", status=ProposalStatus.ACCEPTED,
        submitted_at=timezone.now(), first_submitted_at=timezone.now(),
    )
    for position, (subject, code) in enumerate(nominees):
        kind = {Person: "person", Unit: "unit", Household: "household"}[type(subject)]
        Nominee.objects.create(
            proposal=proposal, title=Title.objects.get(code=code), period_from=year, period_to=year,
            achievement="Hoàn thành xuất sắc nhiệm vụ", position=position,
            outcome=NomineeOutcome.ACCEPTED, **{kind: subject},
        )
    return proposal


def session_fields(held_on: datetime.date, *, total: int = 15, present: int = 13, written: int = 0) -> dict:
    return {"held_on": held_on, "members_total": total, "members_present": present,
            "written_opinions": written, "chair": "Chủ tịch Hội đồng"}


def vote(org, proposal: Proposal, held_on: datetime.date, votes_for: int = 13, **counts):
    """The council votes *votes_for* in favour of every nominee of *proposal*."""
    tallies = {n.pk: (votes_for, 0) for n in proposal.nominees.all()}
    return council.council_result_record(
        actor=org.noivu, proposal=proposal, session_fields=session_fields(held_on, **counts), tallies=tallies
    )


def signing(day: datetime.date, number: int | None = None, issuer: str = decisions.PROVINCE_ISSUER,
            **extra) -> decisions.Signing:
    return decisions.Signing(
        issuer=issuer, signed_on=day, signer_post="Chủ tịch", signer_name="Lê Văn Lương",
        signer_prefix="", subject="Về việc tặng Bằng khen", number=number, **extra,
    )


def decided(org, nominees, *, day: datetime.date = datetime.date(2024, 12, 20), **kwargs):
    """A proposal taken through the vote to the province's decision signed on *day*."""
    proposal = accepted_proposal(org, nominees, **kwargs)
    vote(org, proposal, day - datetime.timedelta(days=5))
    return decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(day))
