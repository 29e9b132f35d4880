"""What a year-end review hands on: the final ranking (written to ``awards``, where the
eligibility engine reads it for Cờ thi đua) and the bloc's award proposal built from it,
with the meeting's signed minutes as the dossier's minutes. Nothing is typed twice."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import AwardKind, DocumentKind, Proposal
from awards.rules import rule_set_for, title_by_code
from awards.services import dossier
from awards.services import proposals as proposal_services
from awards.services.rankings import bloc_ranking_record
from blocs.audit import audit_record
from blocs.models import MemberRole, Membership, Unit, User

from ..models import Meeting
from .scoring import ranking


def minutes_reference(meeting: Meeting) -> str:
    return _("Biên bản %(m)s ngày %(d)s") % {"m": meeting.title, "d": f"{meeting.held_on:%d/%m/%Y}"}


@transaction.atomic
def ranking_finalise(*, actor: User | None, meeting: Meeting) -> list:
    """Write the review's ranking as the bloc's ranking of the year (replacing any earlier
    one); every member's sheet must be agreed first."""
    rows = ranking(meeting)
    pending = [r.unit.name for r in rows if not r.complete]
    if not rows or pending:
        raise ValidationError(_("Chưa thống nhất điểm của: %(u)s.") % {"u": ", ".join(pending) or "—"})
    saved = bloc_ranking_record(actor=actor, bloc=meeting.bloc, year=meeting.year,
                                rows=[(r.unit, r.rank, r.total) for r in rows], source=minutes_reference(meeting))
    audit_record(actor=actor, action="meetings.ranking.finalised", obj=meeting, data={"rows": len(saved)})
    return saved


def lead_unit(meeting: Meeting) -> Unit | None:
    membership = (Membership.objects.filter(bloc_year__bloc_id=meeting.bloc_id, bloc_year__year=meeting.year,
                                            role=MemberRole.LEAD).select_related("unit").first())
    return membership.unit if membership else None


@transaction.atomic
def awards_propose(*, actor: User | None, meeting: Meeting, flag: Iterable[Unit] = (),
                   certificate: Iterable[Unit] = ()) -> Proposal:
    """The bloc's proposal, through its lead: Cờ thi đua của UBND tỉnh for *flag* (within
    the rule set's quota per bloc) and Bằng khen của Chủ tịch UBND tỉnh for *certificate*,
    each with its place and score as the achievement, and the signed minutes attached."""
    flag, certificate = list(flag), list(certificate)
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("bloc").get(pk=meeting.pk)
    if not flag and not certificate:
        raise ValidationError(_("Chọn ít nhất một tập thể để đề nghị khen thưởng."))
    if set(flag) & set(certificate):
        raise ValidationError(_("Một tập thể chỉ đề nghị một hình thức trong đề nghị này."))
    rows = {r.unit.pk: r for r in ranking(meeting)}
    quota = rule_set_for(meeting.held_on).co_tinh_quota_per_bloc
    if len(flag) > quota:
        raise ValidationError(_("Mỗi khối chỉ đề nghị %(q)s Cờ thi đua của UBND tỉnh.") % {"q": quota})
    for unit in flag + certificate:
        if unit.pk not in rows or not rows[unit.pk].complete:
            raise ValidationError(_("%(u)s chưa có điểm thống nhất tại hội nghị.") % {"u": unit.name})
    if not meeting.minutes_file:
        raise ValidationError(_("Hãy tải lên biên bản hội nghị đã ký trước: biên bản là hồ sơ của đề nghị."))
    lead = lead_unit(meeting)
    if lead is None:
        raise ValidationError(_("Khối chưa có trưởng khối năm %(y)s.") % {"y": meeting.year})
    proposal = proposal_services.proposal_create(
        actor=actor, unit=lead, year=meeting.year, bloc=meeting.bloc, kind=AwardKind.MERIT,
        subject=_("Đề nghị khen thưởng các tập thể %(b)s năm %(y)s") % {"b": meeting.bloc.name, "y": meeting.year},
    )
    total = len(rows)
    for code, units in (("CO_TINH", flag), ("BK_TINH", certificate)):
        title = title_by_code(code)
        for unit in units:
            row = rows[unit.pk]
            proposal_services.nominee_add(
                actor=actor, proposal=proposal, title=title, unit=unit, period_from=meeting.year,
                period_to=meeting.year,
                achievement=_("Xếp thứ %(r)s/%(n)s %(b)s năm %(y)s, tổng điểm %(t)s (%(m)s).") % {
                    "r": row.rank, "n": total, "b": meeting.bloc.name, "y": meeting.year,
                    "t": f"{row.total:n}", "m": minutes_reference(meeting)},
            )
    with meeting.minutes_file.open("rb") as handle:
        upload = File(handle, name=f"bien-ban-{meeting.pk}.pdf")
        dossier.document_upload(actor=actor, proposal=proposal, kind=DocumentKind.MINUTES, upload=upload)
    audit_record(actor=actor, action="meetings.awards.proposed", obj=meeting, data={"proposal": proposal.pk})
    return proposal
