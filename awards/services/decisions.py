"""Decisions and the award history they write; forwarding to the central level; revocation.

A decision's number is allocated under a lock on the issuer's yearly counter, so two staff
recording at once never share a number; a manual number must be free. Each awardee gets one
AwardRecord with the money of its title: coefficient × the base salary on the signing date
(R24). Nominees' outcomes are set one by one; the proposal's state summarises them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.models import User
from blocs.text import nfc

from ..models import (
    AwardRecord,
    AwardSource,
    Beneficiary,
    Decision,
    DecisionCounter,
    DecisionKind,
    Initiative,
    Nominee,
    NomineeOutcome,
    Proposal,
    ProposalStatus,
    SignerPrefix,
)
from ..rules import base_salary_on, reward_amount
from .common import audit
from .council import (
    attach_signed_pdf,
    check_staff,
    file_slug,
    locked_proposal,
    move,
    passed_nominee_ids,
    rules_by_title,
)

PROVINCE_ISSUER = "Chủ tịch UBND tỉnh"
CENTRAL_ISSUERS = ("Thủ tướng Chính phủ", "Chủ tịch nước")
VOTE_FAILED = "Không đạt tỷ lệ biểu quyết của Hội đồng Thi đua – Khen thưởng tỉnh."


@dataclass(frozen=True)
class Signing:
    """What a decision says about itself: who issues it, its number, date and signature."""

    issuer: str
    signed_on: datetime.date
    signer_post: str
    signer_name: str
    subject: str
    symbol: str = "QĐ-UBND"
    signer_prefix: str = SignerPrefix.NONE
    number: int | None = None  # None: the next free number of the issuer's year


def allocate_number(issuer: str, year: int, wanted: int | None = None) -> int:
    """The next number of *issuer* in *year*, or *wanted* when it is free; under a row lock."""
    counter, _created = DecisionCounter.objects.get_or_create(issuer=issuer, year=year)
    counter = DecisionCounter.objects.select_for_update().get(pk=counter.pk)
    used = Decision.objects.filter(issuer=issuer, year=year)
    if wanted is not None:
        if used.filter(number=wanted).exists():
            raise ValidationError(
                {"number": _("Số %(n)s đã được dùng cho một quyết định khác của %(i)s năm %(y)s.")
                 % {"n": wanted, "i": issuer, "y": year}}
            )
        number = wanted
    else:
        number = counter.last_number + 1
        # Numbers typed by hand may lie ahead of the counter: skip them.
        taken = set(used.filter(number__gte=number).values_list("number", flat=True))
        while number in taken:
            number += 1
    counter.last_number = max(counter.last_number, number)
    counter.save(update_fields=["last_number"])
    return number


def _new_decision(*, actor: User | None, signing: Signing, kind: str, proposal: Proposal | None = None,
                  is_central: bool = False) -> Decision:
    issuer = nfc(signing.issuer)
    year = signing.signed_on.year
    decision = Decision(
        issuer=issuer, year=year, number=allocate_number(issuer, year, signing.number),
        symbol=nfc(signing.symbol), kind=kind, signed_on=signing.signed_on,
        signer_prefix=signing.signer_prefix, signer_post=nfc(signing.signer_post),
        signer_name=nfc(signing.signer_name), subject=nfc(signing.subject), proposal=proposal,
        is_central=is_central, recorded_by=actor,
    )
    decision.full_clean()
    decision.save()
    return decision


def _beneficiary(nominee: Nominee) -> str:
    if nominee.person_id:
        return Beneficiary.INDIVIDUAL
    return Beneficiary.HOUSEHOLD if nominee.household_id else Beneficiary.COLLECTIVE


def _write_records(decision: Decision, proposal: Proposal, nominees: list[Nominee]) -> list[AwardRecord]:
    """One record per awardee, its money at the base salary of the signing date; the
    initiatives the nominee cited are used up (one initiative, one award)."""
    rules = rules_by_title(proposal.rule_set)
    salary = base_salary_on(decision.signed_on)
    records = []
    for nominee in nominees:
        rule = rules.get(nominee.title_id)
        amount = None
        if rule is not None:
            amount = reward_amount(rule=rule, rule_set=proposal.rule_set, beneficiary=_beneficiary(nominee),
                                   base_salary=salary)
        unit_at_award = nominee.person.unit if nominee.person_id else nominee.unit
        if nominee.household_id:
            unit_at_award = nominee.household.commune
        record = AwardRecord(
            person=nominee.person, unit=nominee.unit, household=nominee.household, unit_at_award=unit_at_award,
            title=nominee.title, year=proposal.year, kind=proposal.kind, decision=decision,
            decision_number=str(decision), decision_date=decision.signed_on, amount=amount, nominee=nominee,
            source=AwardSource.DECISION,
        )
        record.full_clean(exclude=["nominee"])
        records.append(record)
    records = AwardRecord.objects.bulk_create(records)
    for record in records:
        Initiative.objects.filter(nominations=record.nominee_id, used_by__isnull=True).update(used_by=record)
    return records


def _set_outcome(nominees, outcome: str, reason: str = "") -> None:
    for nominee in nominees:
        nominee.outcome, nominee.outcome_reason = outcome, reason
    Nominee.objects.bulk_update(nominees, ["outcome", "outcome_reason"])


def _summarise(proposal: Proposal, *, actor: User | None, action: str, comment: str, data: dict,
               waiting: str | None = None) -> None:
    """The proposal's state from its nominees: still waiting (accepted or forwarded) keeps
    it where it is, else DECIDED when someone was awarded, REJECTED when nobody was."""
    outcomes = set(proposal.nominees.values_list("outcome", flat=True))
    if NomineeOutcome.ACCEPTED in outcomes:
        to = waiting or proposal.status
    elif NomineeOutcome.FORWARDED in outcomes:
        to = ProposalStatus.FORWARDED
    elif NomineeOutcome.AWARDED in outcomes:
        to = ProposalStatus.DECIDED
    else:
        to = ProposalStatus.REJECTED
    move(proposal, actor=actor, action=action, to=to, comment=comment, data=data)


def _provincial_split(proposal: Proposal, deferred: Mapping[int, str]):
    rules = rules_by_title(proposal.rule_set)
    passed = passed_nominee_ids(proposal)
    waiting = list(
        proposal.nominees.filter(outcome=NomineeOutcome.ACCEPTED).select_related("person__unit", "household", "title")
    )
    provincial = [n for n in waiting if not (n.title_id in rules and rules[n.title_id].is_central)]
    unknown = set(deferred) - {n.pk for n in provincial}
    if unknown:
        raise ValidationError(_("Chỉ hoãn được người, tập thể đang chờ quyết định của tỉnh."))
    if any(not nfc(reason) for reason in deferred.values()):
        raise ValidationError(_("Cần ghi lý do hoãn xét."))
    awarded = [n for n in provincial if n.pk in passed and n.pk not in deferred]
    failed = [n for n in provincial if n.pk not in passed and n.pk not in deferred]
    return awarded, failed, [n for n in provincial if n.pk in deferred]


@transaction.atomic
def decision_record(
    *, actor: User | None, proposal: Proposal, signing: Signing, deferred: Mapping[int, str] | None = None
) -> Decision:
    """The province's decision on a voted proposal: the nominees that passed (and are not
    deferred) are awarded, those that failed the vote are not; titles decided by the Prime
    Minister or the President wait for ``proposal_forward_central``."""
    check_staff(actor)
    proposal = locked_proposal(proposal, ProposalStatus.VOTED, ProposalStatus.FORWARDED)
    deferred = dict(deferred or {})
    awarded, failed, put_off = _provincial_split(proposal, deferred)
    if not awarded:
        raise ValidationError(_("Không có ai đạt để ghi vào quyết định khen thưởng."))
    decision = _new_decision(actor=actor, signing=signing, kind=DecisionKind.AWARD, proposal=proposal)
    records = _write_records(decision, proposal, awarded)
    _set_outcome(awarded, NomineeOutcome.AWARDED)
    _set_outcome(failed, NomineeOutcome.REJECTED, VOTE_FAILED)
    for nominee in put_off:
        nominee.outcome, nominee.outcome_reason = NomineeOutcome.DEFERRED, nfc(deferred[nominee.pk])
    Nominee.objects.bulk_update(put_off, ["outcome", "outcome_reason"])
    audit(actor=actor, action="awards.decision.recorded", obj=decision, data={"records": len(records)})
    _summarise(proposal, actor=actor, action="awards.proposal.decided",
               comment=_("Quyết định số %(d)s ngày %(on)s") % {"d": decision, "on": f"{decision.signed_on:%d/%m/%Y}"},
               data={"decision": decision.pk, "awarded": len(awarded), "rejected": len(failed),
                     "deferred": len(put_off)})
    return decision


@transaction.atomic
def proposal_forward_central(*, actor: User | None, proposal: Proposal, document_number: str = "") -> Proposal:
    """Send the passed nominees whose title the Prime Minister or the President decides."""
    check_staff(actor)
    proposal = locked_proposal(proposal, ProposalStatus.VOTED)
    rules = rules_by_title(proposal.rule_set)
    passed = passed_nominee_ids(proposal)
    central = [
        n for n in proposal.nominees.filter(outcome=NomineeOutcome.ACCEPTED)
        if n.title_id in rules and rules[n.title_id].is_central
    ]
    forwarded = [n for n in central if n.pk in passed]
    if not forwarded:
        raise ValidationError(_("Không có danh hiệu, hình thức nào do Trung ương quyết định đã đạt để trình."))
    _set_outcome(forwarded, NomineeOutcome.FORWARDED)
    _set_outcome([n for n in central if n.pk not in passed], NomineeOutcome.REJECTED, VOTE_FAILED)
    # Provincial nominees still waiting are decided later, from the FORWARDED state.
    _summarise(proposal, actor=actor, action="awards.proposal.forwarded", comment=nfc(document_number),
               data={"forwarded": len(forwarded)}, waiting=ProposalStatus.FORWARDED)
    return proposal


@transaction.atomic
def central_decision_record(
    *, actor: User | None, proposal: Proposal, signing: Signing, awarded_ids: set[int] | None = None
) -> Decision:
    """The Prime Minister's or the President's decision on forwarded nominees (all of them
    unless *awarded_ids* names those it awards; the others are not awarded)."""
    check_staff(actor)
    if signing.issuer not in CENTRAL_ISSUERS:
        raise ValidationError({"issuer": _("Quyết định của Trung ương do Thủ tướng Chính phủ hoặc Chủ tịch nước ký.")})
    proposal = locked_proposal(proposal, ProposalStatus.FORWARDED)
    forwarded = list(
        proposal.nominees.filter(outcome=NomineeOutcome.FORWARDED).select_related("person__unit", "household", "title")
    )
    awarded = [n for n in forwarded if awarded_ids is None or n.pk in awarded_ids]
    if not awarded:
        raise ValidationError(_("Chọn ít nhất một người, tập thể được khen thưởng."))
    decision = _new_decision(actor=actor, signing=signing, kind=DecisionKind.AWARD, proposal=proposal,
                             is_central=True)
    _write_records(decision, proposal, awarded)
    _set_outcome(awarded, NomineeOutcome.AWARDED)
    _set_outcome([n for n in forwarded if n not in awarded], NomineeOutcome.REJECTED,
                 _("Trung ương không khen thưởng."))
    audit(actor=actor, action="awards.decision.recorded", obj=decision, data={"records": len(awarded), "central": True})
    _summarise(proposal, actor=actor, action="awards.proposal.central_decided", comment=str(decision),
               data={"decision": decision.pk})
    return decision


@transaction.atomic
def award_revoke(*, actor: User | None, record: AwardRecord, signing: Signing, reason: str) -> Decision:
    """Revoke an award (Law Điều 93): a revocation decision with its reason; the record
    stays, marked, and no longer counts in the active history or for eligibility."""
    check_staff(actor)
    record = AwardRecord.objects.select_for_update().get(pk=record.pk)
    if record.is_revoked:
        raise ValidationError(_("Khen thưởng này đã bị thu hồi."))
    if not nfc(reason):
        raise ValidationError({"reason": _("Cần ghi lý do thu hồi.")})
    decision = _new_decision(actor=actor, signing=signing, kind=DecisionKind.REVOCATION,
                             proposal=record.decision.proposal if record.decision_id else None)
    record.revoked_by, record.revoked_reason = decision, nfc(reason)
    record.save(update_fields=["revoked_by", "revoked_reason"])
    audit(actor=actor, action="awards.award.revoked", obj=record, data={"decision": decision.pk, "reason": nfc(reason)})
    return decision


def _past_amount(title, beneficiary: str, day: datetime.date) -> int | None:
    """The money of a decision signed before the rule sets: the catalogue's coefficients
    and the base salary of the day, when known."""
    from ..rules import NoRuleSet, rule_set_for, title_rules

    try:
        rule_set = rule_set_for(day)
        rule = title_rules(rule_set).get(title.code)
        salary = base_salary_on(day)
    except NoRuleSet:
        try:
            salary = base_salary_on(day)
        except NoRuleSet:
            return None
        coefficient = title.coefficient
        if beneficiary == Beneficiary.INDIVIDUAL and title.individual_coefficient is not None:
            coefficient = title.individual_coefficient
        return int(round(salary * coefficient / 1000) * 1000)
    if rule is None:
        return None
    return reward_amount(rule=rule, rule_set=rule_set, beneficiary=beneficiary, base_salary=salary)


@transaction.atomic
def past_decision_record(
    *, actor: User | None, signing: Signing, year: int, kind: str, awardees: list
) -> Decision:
    """A decision taken outside the app (another province's, or before it was in use), with
    its awardees [(person or unit, title)], written into the history like any other."""
    check_staff(actor)
    decision = _new_decision(actor=actor, signing=signing, kind=DecisionKind.AWARD)
    records = []
    for subject, title in awardees:
        is_person = hasattr(subject, "full_name")
        beneficiary = Beneficiary.INDIVIDUAL if is_person else Beneficiary.COLLECTIVE
        record = AwardRecord(
            person=subject if is_person else None, unit=None if is_person else subject,
            unit_at_award=subject.unit if is_person else subject, title=title, year=year, kind=kind,
            decision=decision, decision_number=str(decision), decision_date=decision.signed_on,
            amount=_past_amount(title, beneficiary, decision.signed_on), source=AwardSource.DECISION,
        )
        record.full_clean(exclude=["nominee"])
        records.append(record)
    AwardRecord.objects.bulk_create(records)
    audit(actor=actor, action="awards.decision.recorded", obj=decision, data={"records": len(records), "past": True})
    return decision


def decision_filename(decision: Decision) -> str:
    return f"quyet-dinh-{decision.number}-{file_slug(decision.symbol)}-{decision.year}.pdf"


@transaction.atomic
def decision_file_attach(*, actor: User | None, decision: Decision, upload: UploadedFile) -> Decision:
    """Attach the signed decision's scan (bản ký), or replace it. Only a real PDF is taken;
    a refused file changes nothing. A replaced file stays in storage, named in the audit row."""
    return attach_signed_pdf(actor=actor, instance=decision, field="file", upload=upload,
                             filename=decision_filename, action="awards.decision.file_attached")
