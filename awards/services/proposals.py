"""Award proposals from drafting to "accepted for the council" (issue 4, lane c).

DRAFT → SUBMITTED → RECEIVED (a specialist assigned) → UNDER_REVIEW (each nominee appraised)
→ ACCEPTED, or RETURNED for completion (edited and submitted again), or REJECTED.

Every transition locks the proposal's row and re-checks its state inside the transaction:
when two staff act at once, exactly one wins and the other is told the state has moved on.
Each writes a ProposalEvent and an audit row in the same transaction. Who may call which is
decided before, in ``awards.access_proposals``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.models import Bloc, BlocLevel, Person, Unit, User
from blocs.text import nfc

from ..models import (
    AwardKind,
    Beneficiary,
    Household,
    Initiative,
    Nominee,
    NomineeOutcome,
    Proposal,
    ProposalStatus,
    Title,
)
from ..rules import NoRuleSet, rule_set_for
from .common import audit, moment
from .dossier import missing_documents
from .proposals_common import (
    allowed_unit_ids,
    check_editable,
    free_initiatives,
    lead_unit_of,
    locked,
    move,
    proposal_communes,
    record_event,
    require_state,
    required,
)

S = ProposalStatus
REVIEWING = (S.SUBMITTED, S.RECEIVED, S.UNDER_REVIEW)


def evaluate(nominees: list[Nominee]) -> dict:
    """The eligibility engine's verdicts by nominee pk (lane b's ``evaluate_nominees``)."""
    try:
        from awards.eligibility import evaluate_nominees
    except ImportError:  # the engine is not there yet: nothing is judged, nothing blocks
        return {}
    return evaluate_nominees(nominees)


# --- Drafting ------------------------------------------------------------------------------


def movement_problem(kind: str, movement, bloc: Bloc | None) -> str | None:
    """An award "theo phong trào, chuyên đề" names its movement; a national cluster's is the
    exception: its emulation is run by the central council, not one of the province's
    movements."""
    if kind != AwardKind.MOVEMENT or movement is not None:
        return None
    if bloc is not None and bloc.level == BlocLevel.NATIONAL:
        return None
    return _("Khen thưởng theo phong trào, chuyên đề: hãy chọn phong trào thi đua được khen thưởng.")


def _check_movement(kind: str, movement, bloc: Bloc | None) -> None:
    problem = movement_problem(kind, movement, bloc)
    if problem:
        raise ValidationError({"movement": problem})


@transaction.atomic
def proposal_create(
    *,
    actor: User | None,
    unit: Unit,
    year: int,
    subject: str,
    kind: str = AwardKind.MERIT,
    bloc: Bloc | None = None,
    to_central: bool = False,
    document_number: str = "",
    event_date: datetime.date | None = None,
    movement=None,
    on: datetime.date | None = None,
) -> Proposal:
    """A draft proposal of *unit* (or of *bloc*, whose lead that year *unit* must be); the
    rule set is the one in force on *on* (today by default)."""
    day = on or timezone.localdate()
    try:
        rule_set = rule_set_for(day)
    except NoRuleSet as error:
        raise ValidationError(str(error)) from error
    if bloc is not None and lead_unit_of(bloc, year) != unit:
        raise ValidationError(
            {"bloc": _("Chỉ đơn vị trưởng %(b)s năm %(y)s đề nghị thay mặt khối.") % {"b": bloc.name, "y": year}}
        )
    _check_movement(kind, movement, bloc)
    proposal = Proposal(
        proposing_unit=unit, bloc=bloc, to_central=to_central, kind=kind, year=year,
        movement=movement, rule_set=rule_set, subject=nfc(subject).strip(),
        document_number=nfc(document_number).strip(), event_date=event_date, created_by=actor,
    )
    proposal.full_clean()
    proposal.save()
    record_event(proposal, actor=actor, action="awards.proposal.created", from_status="",
           data={"unit": unit.pk, "bloc": bloc.pk if bloc else None})
    return proposal


@transaction.atomic
def proposal_update(*, actor: User | None, proposal: Proposal, subject: str, kind: str,
                    document_number: str = "", event_date=None, movement=None) -> Proposal:
    proposal = locked(proposal)
    check_editable(proposal)
    _check_movement(kind, movement, proposal.bloc)
    proposal.subject, proposal.kind = nfc(subject).strip(), kind
    proposal.document_number, proposal.event_date = nfc(document_number).strip(), event_date
    proposal.movement = movement
    proposal.full_clean()
    proposal.save()
    audit(actor=actor, action="awards.proposal.updated", obj=proposal)
    return proposal


def _subject_problem(proposal: Proposal, title: Title, person, unit, household) -> str | None:
    if sum(x is not None for x in (person, unit, household)) != 1:
        return _("Chọn đúng một cá nhân, tập thể hoặc hộ gia đình.")
    if not title.is_active:
        return _("“%(t)s” không còn áp dụng.") % {"t": title.name}
    if household is not None and title.beneficiary != Beneficiary.HOUSEHOLD:
        return _("“%(t)s” không tặng cho hộ gia đình.") % {"t": title.name}
    if household is None and title.beneficiary == Beneficiary.HOUSEHOLD:
        return _("“%(t)s” chỉ tặng cho hộ gia đình.") % {"t": title.name}
    if person is not None and not title.for_individual:
        return _("“%(t)s” dành cho tập thể, không đề nghị cho cá nhân.") % {"t": title.name}
    if unit is not None and not title.for_collective:
        return _("“%(t)s” dành cho cá nhân, không đề nghị cho tập thể.") % {"t": title.name}
    if household is not None and not proposal_communes(proposal).filter(pk=household.commune_id).exists():
        return _("Hộ %(h)s không thuộc xã, phường mà đơn vị được đề nghị khen thưởng.") % {"h": household.head_name}
    if proposal.to_central:
        return None
    allowed = allowed_unit_ids(proposal)
    if person is not None and person.unit_id not in allowed:
        return _("%(p)s không thuộc đơn vị đề nghị.") % {"p": person.full_name}
    if unit is not None and unit.pk not in allowed:
        return _("%(u)s không phải đơn vị đề nghị hay thành viên của khối.") % {"u": unit.name}
    return None


def _initiatives_problem(nominee: Nominee, person: Person | None, initiatives: list[Initiative]) -> str | None:
    if not initiatives:
        return None
    if person is None:
        return _("Chỉ cá nhân mới có sáng kiến, đề tài làm căn cứ.")
    free = set(free_initiatives([person], nominee if nominee.pk else None)
               .filter(pk__in=[i.pk for i in initiatives]).values_list("pk", flat=True))
    refused = [i for i in initiatives if i.pk not in free]
    if refused:
        return _("Không dùng được làm căn cứ: %(i)s (không phải của %(p)s, hoặc đã dùng cho khen thưởng "
                 "khác, hoặc đang là căn cứ của đề nghị đã gửi).") % {
            "i": ", ".join(f"«{i.title}»" for i in refused), "p": person.full_name}
    return None


def _fill(nominee: Nominee, *, title, person, unit, household, period_from, period_to, achievement,
          initiatives: list[Initiative]):
    problem = _subject_problem(nominee.proposal, title, person, unit, household)
    if problem:
        raise ValidationError(problem)
    problem = _initiatives_problem(nominee, person, initiatives)
    if problem:
        raise ValidationError({"initiatives": problem})
    nominee.title, nominee.person, nominee.unit, nominee.household = title, person, unit, household
    nominee.period_from, nominee.period_to = period_from, period_to
    nominee.achievement = required(achievement, "achievement", _("Hãy tóm tắt thành tích."))
    # What was checked no longer describes this nominee.
    nominee.checks, nominee.checked_at = [], None
    nominee.full_clean()
    nominee.save()
    nominee.initiatives.set(initiatives)


@transaction.atomic
def household_create(*, actor: User | None, proposal: Proposal, head_name: str, address: str,
                     commune: Unit) -> Household:
    """A household of a commune *proposal* may name; the same head, address and commune typed
    again is the household already recorded, not a second one."""
    head_name = required(head_name, "head_name", _("Hãy nhập họ tên chủ hộ."))
    address = required(address, "address", _("Hãy nhập địa chỉ của hộ."))
    if not proposal_communes(proposal).filter(pk=commune.pk).exists():
        raise ValidationError({"commune": _("%(c)s không phải xã, phường mà đơn vị được đề nghị khen thưởng.")
                               % {"c": commune.name}})
    found = Household.objects.filter(head_name=head_name, address=address, commune=commune).first()
    if found is not None:
        return found
    household = Household(head_name=head_name, address=address, commune=commune)
    household.full_clean()
    household.save()
    audit(actor=actor, action="awards.household.created", obj=household,
          data={"proposal": proposal.pk, "commune": commune.pk})
    return household


def _household(actor, proposal, household, new_household: dict | None) -> Household | None:
    if not new_household:
        return household
    if household is not None:
        raise ValidationError(_("Chọn một hộ đã có hoặc nhập hộ mới, không cả hai."))
    return household_create(actor=actor, proposal=proposal, **new_household)


@transaction.atomic
def nominee_add(
    *, actor: User | None, proposal: Proposal, title: Title, person: Person | None = None,
    unit: Unit | None = None, household: Household | None = None, period_from: int,
    period_to: int, achievement: str, initiatives: Iterable[Initiative] = (),
    new_household: dict | None = None,
) -> Nominee:
    """Add a nominee; *new_household* ({head_name, address, commune}) records a household not
    known yet, in the same transaction (nothing is kept if the nominee is refused)."""
    proposal = locked(proposal)
    check_editable(proposal)
    household = _household(actor, proposal, household, new_household)
    nominee = Nominee(proposal=proposal, position=proposal.nominees.count() + 1)
    _fill(nominee, title=title, person=person, unit=unit, household=household,
          period_from=period_from, period_to=period_to, achievement=achievement, initiatives=list(initiatives))
    audit(actor=actor, action="awards.nominee.added", obj=proposal,
          data={"nominee": nominee.pk, "title": title.code})
    return nominee


@transaction.atomic
def nominee_update(
    *, actor: User | None, nominee: Nominee, title: Title, person: Person | None = None,
    unit: Unit | None = None, household: Household | None = None, period_from: int,
    period_to: int, achievement: str, initiatives: Iterable[Initiative] = (),
    new_household: dict | None = None,
) -> Nominee:
    proposal = locked(nominee.proposal)
    check_editable(proposal)
    household = _household(actor, proposal, household, new_household)
    nominee = Nominee.objects.get(pk=nominee.pk)
    nominee.proposal = proposal
    _fill(nominee, title=title, person=person, unit=unit, household=household,
          period_from=period_from, period_to=period_to, achievement=achievement, initiatives=list(initiatives))
    audit(actor=actor, action="awards.nominee.updated", obj=proposal, data={"nominee": nominee.pk})
    return nominee


@transaction.atomic
def nominee_remove(*, actor: User | None, nominee: Nominee) -> None:
    proposal = locked(nominee.proposal)
    check_editable(proposal)
    pk = nominee.pk
    Nominee.objects.filter(pk=pk).delete()
    audit(actor=actor, action="awards.nominee.removed", obj=proposal, data={"nominee": pk})


# --- Eligibility, submission ----------------------------------------------------------------


def _store_checks(proposal: Proposal) -> list[Nominee]:
    nominees = list(proposal.nominees.select_related("title", "person", "unit", "household"))
    verdicts, now = evaluate(nominees), timezone.now()
    for nominee in nominees:
        verdict = verdicts.get(nominee.pk)
        nominee.checks = [
            {"code": c.code, "status": c.status, "message": str(c.message),
             "article": str(getattr(c, "article", "") or "")}
            for c in (verdict.checks if verdict else [])
        ]
        nominee.checked_at = now
    Nominee.objects.bulk_update(nominees, ["checks", "checked_at"])
    return nominees


def failing(nominee: Nominee) -> list[dict]:
    return [c for c in nominee.checks if c.get("status") == "fail"]


@transaction.atomic
def proposal_check(*, actor: User | None, proposal: Proposal) -> list[Nominee]:
    """Run the eligibility engine on every nominee and keep its explanation (no transition)."""
    proposal = locked(proposal)
    nominees = _store_checks(proposal)
    audit(actor=actor, action="awards.proposal.checked", obj=proposal,
          data={"failing": [n.pk for n in nominees if failing(n)]})
    return nominees


def deadline_of(proposal: Proposal) -> datetime.date:
    rs = proposal.rule_set
    return datetime.date(proposal.year, rs.year_end_deadline_month, rs.year_end_deadline_day)


@transaction.atomic
def proposal_submit(*, actor: User | None, proposal: Proposal, at: datetime.datetime | None = None) -> Proposal:
    """Send to Sở Nội vụ: the checklist complete, every nominee checked by the engine; a
    failed check blocks unless interior staff overrode it for that nominee."""
    proposal = locked(proposal)
    require_state(proposal, (S.DRAFT, S.RETURNED), _("gửi đề nghị"))
    if not proposal.nominees.exists():
        raise ValidationError(_("Đề nghị chưa có người, tập thể nào được đề nghị."))
    missing = missing_documents(proposal)
    if missing:
        raise ValidationError(_("Hồ sơ còn thiếu: %(m)s.") % {"m": "; ".join(missing)})
    nominees = _store_checks(proposal)
    blocked = [n for n in nominees if failing(n) and not n.override_reason]
    if blocked:
        raise ValidationError([
            _("%(s)s — %(t)s không đủ điều kiện: %(why)s")
            % {"s": n.subject, "t": n.title.name, "why": " ".join(c["message"] for c in failing(n))}
            for n in blocked
        ])
    when = moment(at)
    proposal.submitted_at = when
    if proposal.first_submitted_at is None:
        proposal.first_submitted_at = when
        proposal.is_late = proposal.kind == AwardKind.MERIT and timezone.localtime(when).date() > deadline_of(proposal)
    warnings = sum(1 for n in nominees for c in n.checks if c.get("status") == "warn")
    return move(proposal, actor=actor, to=S.SUBMITTED, action="awards.proposal.submitted", at=at,
                 data={"late": proposal.is_late, "warnings": warnings},
                 fields=("submitted_at", "first_submitted_at", "is_late"))


@transaction.atomic
def nominee_override(*, actor: User | None, nominee: Nominee, reason: str) -> Nominee:
    """Interior staff accept a nominee despite a failed check, saying why (kept as evidence)."""
    reason = required(reason, "reason", _("Hãy ghi lý do chấp nhận dù không đạt điều kiện."))
    proposal = locked(nominee.proposal)
    require_state(proposal, (S.DRAFT, S.RETURNED, *REVIEWING), _("chấp nhận ngoại lệ"))
    nominee = Nominee.objects.select_related("title").get(pk=nominee.pk)
    nominee.override_reason, nominee.overridden_by = reason, actor
    nominee.save(update_fields=["override_reason", "overridden_by"])
    record_event(proposal, actor=actor, action="awards.nominee.overridden", from_status=proposal.status,
           comment=_("%(s)s: %(r)s") % {"s": nominee.subject, "r": reason}, data={"nominee": nominee.pk})
    return nominee


# --- Review by Sở Nội vụ -------------------------------------------------------------------------


@transaction.atomic
def proposal_receive(*, actor: User | None, proposal: Proposal, specialist: User, comment: str = "",
                     at=None) -> Proposal:
    if not (specialist.is_interior and specialist.is_active):
        raise ValidationError({"specialist": _("Chuyên viên thụ lý phải là cán bộ Sở Nội vụ.")})
    proposal = locked(proposal)
    require_state(proposal, (S.SUBMITTED,), _("tiếp nhận"))
    proposal.assigned_to = specialist
    return move(proposal, actor=actor, to=S.RECEIVED, action="awards.proposal.received", at=at,
                 comment=nfc(comment) or _("Phân công: %(u)s") % {"u": specialist},
                 data={"specialist": specialist.pk}, fields=("assigned_to",))


@transaction.atomic
def proposal_start_review(*, actor: User | None, proposal: Proposal, at=None) -> Proposal:
    proposal = locked(proposal)
    require_state(proposal, (S.RECEIVED,), _("bắt đầu thẩm định"))
    return move(proposal, actor=actor, to=S.UNDER_REVIEW, action="awards.proposal.review_started", at=at)


@transaction.atomic
def nominee_appraise(*, actor: User | None, nominee: Nominee, accepted: bool, reason: str = "",
                     at=None) -> Nominee:
    reason = nfc(reason or "").strip()
    if not accepted and not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do thẩm định không đạt.")})
    proposal = locked(nominee.proposal)
    require_state(proposal, (S.UNDER_REVIEW,), _("thẩm định"))
    nominee = Nominee.objects.select_related("title").get(pk=nominee.pk)
    nominee.outcome = NomineeOutcome.ACCEPTED if accepted else NomineeOutcome.NOT_ACCEPTED
    nominee.outcome_reason, nominee.appraised_by, nominee.appraised_at = reason, actor, moment(at)
    nominee.save(update_fields=["outcome", "outcome_reason", "appraised_by", "appraised_at"])
    record_event(proposal, actor=actor, action="awards.nominee.appraised", from_status=proposal.status, at=at,
           comment=f"{nominee.subject} — {nominee.title.label}: {nominee.get_outcome_display()}"
           + (f". {reason}" if reason else ""), data={"nominee": nominee.pk, "accepted": accepted})
    return nominee


@transaction.atomic
def proposal_return(*, actor: User | None, proposal: Proposal, comment: str, at=None) -> Proposal:
    """Back to the unit for completion, saying what is missing; appraisals start over."""
    comment = required(comment, "comment", _("Hãy ghi rõ hồ sơ cần bổ sung những gì."))
    proposal = locked(proposal)
    require_state(proposal, REVIEWING, _("trả lại"))
    proposal.nominees.update(outcome=NomineeOutcome.PENDING, outcome_reason="", appraised_by=None,
                             appraised_at=None)
    proposal.return_comment = comment
    return move(proposal, actor=actor, to=S.RETURNED, action="awards.proposal.returned", at=at,
                 comment=comment, fields=("return_comment",))


@transaction.atomic
def proposal_accept(*, actor: User | None, proposal: Proposal, comment: str = "", at=None) -> Proposal:
    """For the council: every nominee appraised, at least one accepted (only those go on)."""
    proposal = locked(proposal)
    require_state(proposal, (S.UNDER_REVIEW,), _("trình Hội đồng"))
    outcomes = list(proposal.nominees.values_list("outcome", flat=True))
    if not outcomes or NomineeOutcome.PENDING in outcomes:
        raise ValidationError(_("Còn người, tập thể chưa được thẩm định: hãy thẩm định từng người trước."))
    if NomineeOutcome.ACCEPTED not in outcomes:
        raise ValidationError(_("Không có ai thẩm định đạt: hãy trả lại hoặc không khen thưởng đề nghị."))
    return move(proposal, actor=actor, to=S.ACCEPTED, action="awards.proposal.accepted", at=at,
                 comment=nfc(comment or ""),
                 data={"accepted": outcomes.count(NomineeOutcome.ACCEPTED)})


@transaction.atomic
def proposal_reject(*, actor: User | None, proposal: Proposal, reason: str, at=None) -> Proposal:
    reason = required(reason, "reason", _("Hãy ghi lý do không khen thưởng."))
    proposal = locked(proposal)
    require_state(proposal, REVIEWING, _("không khen thưởng"))
    proposal.nominees.filter(outcome__in=(NomineeOutcome.PENDING, NomineeOutcome.ACCEPTED)).update(
        outcome=NomineeOutcome.REJECTED, outcome_reason=reason)
    proposal.rejection_reason = reason
    return move(proposal, actor=actor, to=S.REJECTED, action="awards.proposal.rejected", at=at,
                 comment=reason, fields=("rejection_reason",))
