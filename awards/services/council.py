"""From "accepted for the council" to "voted": the public notice with its objections, and the
provincial council's session and votes (ND 98/2023 Điều 30; ND 152/2025).

- A notice is required when an accepted nominee's title needs one in the proposal's rule set;
  it lasts ``public_notice_working_days`` working days (weekends skipped, see ``workdays``).
- The council needs a quorum (a fraction of all members) and, for award sessions, a
  presence percentage. A title's threshold counts ALL members: those present and those who
  sent a written opinion vote; absentees without an opinion count as not in favour.
- The vote is refused while a required notice has not ended or an objection is open.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from blocs.models import User
from blocs.text import fold, nfc
from blocs.uploads import sha256_of

from ..models import (
    CouncilSession,
    CouncilVote,
    Nominee,
    NomineeOutcome,
    Objection,
    ObjectionStatus,
    Proposal,
    ProposalEvent,
    ProposalStatus,
    PublicNotice,
    RuleSet,
    TitleRule,
)
from ..rules import rule_set_for
from ..workdays import period_end
from .common import audit
from .dossier import file_format

BEFORE_VOTE = (ProposalStatus.ACCEPTED, ProposalStatus.PUBLIC_NOTICE)


# --- Shared by the council and decision services -----------------------------------------


def check_staff(actor: User | None) -> None:
    """Only interior staff and admins move a proposal past the council (None: the demo)."""
    if actor is not None and not actor.manages_province:
        raise PermissionDenied


def locked_proposal(proposal: Proposal, *allowed: str) -> Proposal:
    """The proposal's row, locked, its state re-checked against *allowed*."""
    locked = Proposal.objects.select_for_update().select_related("rule_set").get(pk=proposal.pk)
    if locked.status not in allowed:
        raise ValidationError(
            _("Đề nghị đang ở trạng thái “%(s)s”: không thực hiện được thao tác này.")
            % {"s": locked.get_status_display()}
        )
    return locked


def move(proposal: Proposal, *, actor: User | None, action: str, to: str, comment: str = "", data=None) -> None:
    """Change the proposal's state and write the event and the audit row."""
    before = proposal.status
    proposal.status = to
    proposal.save(update_fields=["status", "updated_at"])
    ProposalEvent.objects.create(
        proposal=proposal, action=action, from_status=before, to_status=to, actor=actor, comment=comment
    )
    audit(actor=actor, action=action, obj=proposal, from_state=before, to_state=to, data=data)


def signed_pdf(upload: UploadedFile | None) -> dict:
    """Check a signed document's scan (the minutes, a decision): a real PDF by its content,
    within the dossier's size limit. Returns what the audit row keeps of it; refuses with a
    ValidationError on the form's ``file`` field, before anything is stored."""
    if upload is None:
        raise ValidationError({"file": _("Chọn tệp PDF để tải lên.")})
    try:
        fmt = file_format(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    if fmt != "pdf":
        raise ValidationError({"file": _("Tệp “%(name)s” là Word (DOCX); chỉ nhận bản đã ký, quét hoặc xuất ra PDF.")
                                       % {"name": upload.name}})
    return {"name": nfc(upload.name or ""), "size": upload.size, "sha256": sha256_of(upload)}


def file_slug(value: str) -> str:
    """"QĐ-UBND" -> "qd-ubnd": a stored or downloaded file's name, in ASCII."""
    return slugify(fold(value))


def rules_by_title(rule_set: RuleSet) -> dict[int, TitleRule]:
    return {r.title_id: r for r in rule_set.title_rules.all()}


def live_nominees(proposal: Proposal) -> list[Nominee]:
    """The nominees still in the running: accepted at appraisal, not yet decided."""
    return list(
        proposal.nominees.filter(outcome=NomineeOutcome.ACCEPTED)
        .select_related("person__unit", "unit", "household", "title")
        .order_by("position", "pk")
    )


# --- Public notice -----------------------------------------------------------------------


def notice_required(proposal: Proposal) -> bool:
    """True when an accepted nominee's title must be publicly noticed before the vote."""
    rules = rules_by_title(proposal.rule_set)
    return any(
        rules[n.title_id].needs_public_notice
        for n in proposal.nominees.filter(outcome=NomineeOutcome.ACCEPTED)
        if n.title_id in rules
    )


@transaction.atomic
def notice_publish(
    *, actor: User | None, proposal: Proposal, starts_on: datetime.date, channel: str = ""
) -> PublicNotice:
    """Show the proposed awardees for the rule set's number of working days from *starts_on*."""
    check_staff(actor)
    proposal = locked_proposal(proposal, ProposalStatus.ACCEPTED)
    days = proposal.rule_set.public_notice_working_days
    notice = PublicNotice(
        proposal=proposal,
        starts_on=starts_on,
        ends_on=period_end(starts_on, days),
        channel=nfc(channel),
        published_by=actor,
    )
    notice.full_clean()
    notice.save()
    move(
        proposal, actor=actor, action="awards.proposal.notice_published", to=ProposalStatus.PUBLIC_NOTICE,
        comment=_("Công khai %(d)s ngày làm việc, từ %(a)s đến hết %(b)s.") % {
            "d": days, "a": f"{notice.starts_on:%d/%m/%Y}", "b": f"{notice.ends_on:%d/%m/%Y}"},
        data={"notice": notice.pk},
    )
    return notice


@transaction.atomic
def objection_submit(
    *,
    actor: User | None,
    notice: PublicNotice,
    sender_name: str,
    sender_contact: str,
    text: str,
    nominee: Nominee | None = None,
    on: datetime.date | None = None,
) -> Objection:
    """Any logged-in user may object, during the notice period only."""
    notice = PublicNotice.objects.select_for_update().get(pk=notice.pk)
    day = on or timezone.localdate()
    if not notice.starts_on <= day <= notice.ends_on:
        raise ValidationError(
            _("Chỉ nhận ý kiến trong thời gian công khai, từ %(a)s đến hết %(b)s.")
            % {"a": f"{notice.starts_on:%d/%m/%Y}", "b": f"{notice.ends_on:%d/%m/%Y}"}
        )
    if nominee is not None and nominee.proposal_id != notice.proposal_id:
        raise ValidationError({"nominee": _("Người, tập thể này không có trong danh sách công khai.")})
    objection = Objection(
        notice=notice,
        nominee=nominee,
        sender_name=nfc(sender_name),
        sender_contact=nfc(sender_contact),
        text=nfc(text),
        submitted_by=actor if actor is not None and actor.is_authenticated else None,
    )
    objection.full_clean()
    objection.save()
    audit(actor=actor, action="awards.objection.submitted", obj=objection, to_state=objection.status)
    return objection


@transaction.atomic
def objection_resolve(*, actor: User | None, objection: Objection, resolution: str) -> Objection:
    """Close an objection with the note of how it was settled."""
    check_staff(actor)
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    if objection.status != ObjectionStatus.OPEN:
        raise ValidationError(_("Ý kiến này đã được giải quyết."))
    if not nfc(resolution):
        raise ValidationError({"resolution": _("Cần ghi kết quả giải quyết.")})
    objection.status = ObjectionStatus.RESOLVED
    objection.resolution = nfc(resolution)
    objection.resolved_by = actor
    objection.resolved_at = timezone.now()
    objection.full_clean()
    objection.save()
    audit(actor=actor, action="awards.objection.resolved", obj=objection,
          from_state=ObjectionStatus.OPEN, to_state=ObjectionStatus.RESOLVED)
    return objection


# --- The council -------------------------------------------------------------------------


def session_problems(session: CouncilSession, rule_set: RuleSet, *, award_session: bool = True) -> list[str]:
    """Quorum (a fraction of all members) and, for awards, the presence percentage."""
    problems = []
    total, present = session.members_total, session.members_present
    num, den = rule_set.council_quorum_numerator, rule_set.council_quorum_denominator
    if present * den < total * num:
        problems.append(
            _("Không đủ số thành viên dự họp: cần từ %(n)s/%(d)s tổng số thành viên (%(p)s/%(t)s có mặt).")
            % {"n": num, "d": den, "p": present, "t": total}
        )
    percent = rule_set.council_award_presence_percent
    if award_session and Decimal(present) * 100 < percent * total:
        problems.append(
            _("Họp xét khen thưởng cần từ %(pc)s%% thành viên có mặt (%(p)s/%(t)s có mặt).")
            % {"pc": f"{percent.normalize():f}", "p": present, "t": total}
        )
    return problems


@transaction.atomic
def council_session_record(
    *,
    actor: User | None,
    held_on: datetime.date,
    members_total: int,
    members_present: int,
    written_opinions: int = 0,
    chair: str,
    note: str = "",
    award_session: bool = True,
) -> CouncilSession:
    """Record a session; refused without a quorum (and the presence needed for awards)."""
    check_staff(actor)
    session = CouncilSession(
        year=held_on.year, held_on=held_on, members_total=members_total, members_present=members_present,
        written_opinions=written_opinions, chair=nfc(chair), note=nfc(note), recorded_by=actor,
    )
    session.full_clean()
    problems = session_problems(session, rule_set_for(held_on), award_session=award_session)
    if problems:
        raise ValidationError(problems)
    session.save()
    audit(actor=actor, action="awards.council_session.recorded", obj=session,
          data={"total": members_total, "present": members_present, "written": written_opinions})
    return session


def minutes_filename(session: CouncilSession) -> str:
    return f"bien-ban-hop-hoi-dong-{session.held_on:%Y%m%d}.pdf"


@transaction.atomic
def council_minutes_attach(*, actor: User | None, session: CouncilSession, upload: UploadedFile) -> CouncilSession:
    """Attach the session's signed minutes (biên bản), or replace them. Only a real PDF is
    taken; a refused file changes nothing. A replaced file stays in storage, named in the
    audit row."""
    return attach_signed_pdf(actor=actor, instance=session, field="minutes", upload=upload,
                             filename=minutes_filename, action="awards.council_session.minutes_attached")


def attach_signed_pdf(*, actor: User | None, instance, field: str, upload: UploadedFile, filename, action: str):
    """Store *upload* (a real PDF) in *instance*'s file *field*, under the row's lock, named
    by ``filename(instance)``; the audit row names the file it replaced, which stays stored."""
    check_staff(actor)
    instance = type(instance).objects.select_for_update().get(pk=instance.pk)
    kept = signed_pdf(upload)
    stored = getattr(instance, field)
    replaced = stored.name
    stored.save(filename(instance), upload, save=False)
    instance.full_clean()
    instance.save(update_fields=[field])
    audit(actor=actor, action=action, obj=instance, data={**kept, "file": stored.name, "replaced": replaced})
    return instance


def vote_blockers(proposal: Proposal, held_on: datetime.date) -> list[str]:
    """Why the council may not vote on *proposal* at a session on *held_on*."""
    notice = proposal.notices.order_by("-ends_on").first()
    if notice is None:
        return [_("Đề nghị có danh hiệu phải công khai trước khi Hội đồng họp.")] if notice_required(proposal) else []
    problems = []
    if held_on <= notice.ends_on:
        problems.append(
            _("Thời gian công khai đến hết ngày %(d)s: Hội đồng chỉ biểu quyết sau ngày này.")
            % {"d": f"{notice.ends_on:%d/%m/%Y}"}
        )
    open_count = Objection.objects.filter(notice__proposal=proposal, status=ObjectionStatus.OPEN).count()
    if open_count:
        problems.append(
            _("Còn %(n)s ý kiến phản ánh chưa giải quyết: giải quyết xong mới biểu quyết.") % {"n": open_count}
        )
    return problems


def vote_passes(votes_for: int, members_total: int, threshold: Decimal) -> bool:
    """The threshold is a percentage of ALL members of the council, not of those present."""
    return Decimal(votes_for) * 100 >= threshold * members_total


@transaction.atomic
def council_vote_record(
    *,
    actor: User | None,
    session: CouncilSession,
    proposal: Proposal,
    tallies: Mapping[int, tuple[int, int]],
) -> list[CouncilVote]:
    """Record the votes ({nominee pk: (for, against)}) on every nominee whose title has a
    threshold; the proposal goes to VOTED. Titles without a threshold need no vote."""
    check_staff(actor)
    proposal = locked_proposal(proposal, *BEFORE_VOTE)
    problems = vote_blockers(proposal, session.held_on)
    if problems:
        raise ValidationError(problems)
    rules = rules_by_title(proposal.rule_set)
    voters = session.members_present + session.written_opinions
    votes, results = [], {}
    for nominee in live_nominees(proposal):
        rule = rules.get(nominee.title_id)
        if rule is None or rule.vote_threshold_percent is None:
            results[nominee.pk] = "no_vote"
            continue
        if nominee.pk not in tallies:
            raise ValidationError(_("Chưa nhập kết quả biểu quyết cho %(n)s.") % {"n": nominee.subject})
        votes_for, against = tallies[nominee.pk]
        if votes_for + against > voters:
            raise ValidationError(
                _("%(n)s: số phiếu (%(v)s) vượt số thành viên biểu quyết (%(m)s có mặt hoặc có ý kiến bằng văn bản).")
                % {"n": nominee.subject, "v": votes_for + against, "m": voters}
            )
        passed = vote_passes(votes_for, session.members_total, rule.vote_threshold_percent)
        vote = CouncilVote(session=session, nominee=nominee, votes_for=votes_for, votes_against=against, passed=passed)
        vote.full_clean()
        votes.append(vote)
        results[nominee.pk] = "passed" if passed else "failed"
    if not results:
        raise ValidationError(_("Đề nghị không còn ai chờ Hội đồng xét."))
    CouncilVote.objects.bulk_create(votes)
    move(proposal, actor=actor, action="awards.proposal.voted", to=ProposalStatus.VOTED,
         comment=str(session), data={"session": session.pk, "results": {str(k): v for k, v in results.items()}})
    return votes


@transaction.atomic
def council_result_record(
    *, actor: User | None, proposal: Proposal, session_fields: dict, tallies: Mapping[int, tuple[int, int]]
) -> CouncilSession:
    """The council screen's one action: the session and its votes on the proposal together."""
    session = council_session_record(actor=actor, **session_fields)
    council_vote_record(actor=actor, session=session, proposal=proposal, tallies=tallies)
    return session


def passed_nominee_ids(proposal: Proposal) -> set[int]:
    """Nominees still in the running who passed the vote or whose title needed none."""
    rules = rules_by_title(proposal.rule_set)
    failed = set(
        CouncilVote.objects.filter(nominee__proposal=proposal, passed=False).values_list("nominee_id", flat=True)
    )
    passed = set(
        CouncilVote.objects.filter(nominee__proposal=proposal, passed=True).values_list("nominee_id", flat=True)
    )
    result = set()
    for nominee in proposal.nominees.filter(outcome__in=[NomineeOutcome.ACCEPTED, NomineeOutcome.FORWARDED]):
        rule = rules.get(nominee.title_id)
        needs_vote = rule is not None and rule.vote_threshold_percent is not None
        if nominee.pk in passed or (not needs_vote and nominee.pk not in failed):
            result.add(nominee.pk)
    return result
