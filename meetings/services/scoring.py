"""Year-end scoring and ranking (bình xét) against the bloc's signed pledge.

Each member unit scores itself per criterion with evidence and sends its sheet; the bloc
lead records the agreed points. A unit's total is its scored and bonus points less its
penalty points (agreed points; a sheet not yet agreed is ranked on nothing and listed as
incomplete). Equal totals are separated as the pledge's tie rule says (the higher scored
points before bonus and penalty, or the fewer penalty points); units still equal share a
rank (1, 2, 2, 4). The final ranking is written to the awards app (R8/R9 read it there).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.audit import audit_record
from blocs.models import Gender, Person, Unit, User
from blocs.text import nfc
from movements.models import Criterion, CriterionKind, Pledge, TieRule

from ..models import Meeting, MeetingKind, Score, ScoreSheet

ZERO = Decimal("0")
WOMEN_SHARE = Decimal("0.70")  # domain §5.6: a collective with ≥ 70 % women is preferred in a tie


def signed_pledge(meeting: Meeting) -> Pledge:
    """The pledge the meeting scores against: the bloc's, of the meeting's year, signed."""
    if meeting.kind != MeetingKind.YEAR_END or meeting.bloc_id is None:
        raise ValidationError(_("Chỉ chấm điểm tại hội nghị tổng kết năm của khối, cụm."))
    pledge = Pledge.objects.filter(bloc_id=meeting.bloc_id, year=meeting.year).first()
    if pledge is None or not pledge.is_signed:
        raise ValidationError(
            _("Khối chưa ký kết giao ước thi đua năm %(y)s: không có bảng tiêu chí để chấm điểm.") % {"y": meeting.year}
        )
    return pledge


def criteria_of(pledge: Pledge) -> list[Criterion]:
    return list(Criterion.objects.filter(group__pledge=pledge).select_related("group")
                .order_by("group__position", "position"))


@transaction.atomic
def sheets_open(*, actor: User | None, meeting: Meeting) -> list[ScoreSheet]:
    """Open a sheet for every unit invited to the review (those missing only), each with a
    line per criterion of the pledge."""
    criteria = criteria_of(signed_pledge(meeting))
    have = set(meeting.score_sheets.values_list("unit_id", flat=True))
    new = [ScoreSheet(meeting=meeting, unit_id=a.unit_id) for a in meeting.attendances.all() if a.unit_id not in have]
    ScoreSheet.objects.bulk_create(new)
    new = list(meeting.score_sheets.filter(unit_id__in=[s.unit_id for s in new]))
    Score.objects.bulk_create([Score(sheet=s, criterion=c) for s in new for c in criteria])
    if new:
        audit_record(actor=actor, action="meetings.scoring.opened", obj=meeting, data={"sheets": len(new)})
    return list(meeting.score_sheets.select_related("unit"))


def _points(value, criterion: Criterion, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    value = Decimal(value)
    if value < 0 or value > criterion.max_points:
        raise ValidationError(
            _("%(what)s của tiêu chí “%(c)s” phải từ 0 đến %(m)s.")
            % {"what": label, "c": criterion.text[:80], "m": f"{criterion.max_points:n}"}
        )
    return value


def _locked_sheet(sheet: ScoreSheet) -> ScoreSheet:
    return ScoreSheet.objects.select_for_update().select_related("meeting", "unit").get(pk=sheet.pk)


@transaction.atomic
def self_scores_save(*, actor: User | None, sheet: ScoreSheet, points: dict[int, tuple], submit: bool = False) -> ScoreSheet:
    """The unit's own points: {criterion pk: (points, evidence)}. Sending needs every
    scored criterion filled; once agreed by the lead, the sheet no longer changes."""
    sheet = _locked_sheet(sheet)
    if sheet.agreed_at:
        raise ValidationError(_("Trưởng khối đã thống nhất điểm của đơn vị: không sửa điểm tự chấm được nữa."))
    scores = {s.criterion_id: s for s in sheet.scores.select_related("criterion")}
    for criterion_pk, (value, evidence) in points.items():
        score = scores.get(int(criterion_pk))
        if score is None:
            raise ValidationError(_("Tiêu chí không thuộc giao ước của khối."))
        score.self_points = _points(value, score.criterion, _("Điểm tự chấm"))
        score.evidence = nfc(evidence or "")
    Score.objects.bulk_update(scores.values(), ["self_points", "evidence"])
    if submit:
        missing = [s.criterion.text[:60] for s in scores.values()
                   if s.criterion.kind == CriterionKind.SCORED and s.self_points is None]
        if missing:
            raise ValidationError(_("Chưa tự chấm: %(m)s.") % {"m": "; ".join(missing)})
        sheet.self_submitted_at, sheet.self_submitted_by = timezone.now(), actor
        sheet.save(update_fields=["self_submitted_at", "self_submitted_by"])
    audit_record(actor=actor, action="meetings.scoring.self_scored", obj=sheet.meeting,
                 data={"unit": sheet.unit_id, "submitted": submit})
    return sheet


@transaction.atomic
def agreed_scores_save(*, actor: User | None, sheet: ScoreSheet, points: dict[int, object]) -> ScoreSheet:
    """The bloc's agreed points for one unit ({criterion pk: points}); an empty value takes
    the unit's own. Every scored criterion must end with a value."""
    sheet = _locked_sheet(sheet)
    scores = {s.criterion_id: s for s in sheet.scores.select_related("criterion")}
    for score in scores.values():
        given = points.get(score.criterion_id, points.get(str(score.criterion_id)))
        value = _points(given, score.criterion, _("Điểm thống nhất"))
        score.agreed_points = value if value is not None else score.self_points
    missing = [s.criterion.text[:60] for s in scores.values()
               if s.criterion.kind == CriterionKind.SCORED and s.agreed_points is None]
    if missing:
        raise ValidationError(_("Chưa có điểm thống nhất: %(m)s.") % {"m": "; ".join(missing)})
    Score.objects.bulk_update(scores.values(), ["agreed_points"])
    sheet.agreed_at, sheet.agreed_by = timezone.now(), actor
    sheet.save(update_fields=["agreed_at", "agreed_by"])
    audit_record(actor=actor, action="meetings.scoring.agreed", obj=sheet.meeting, data={"unit": sheet.unit_id})
    return sheet


@dataclass
class Row:
    """One line of the ranking table."""

    sheet: ScoreSheet
    unit: Unit
    scored: Decimal = ZERO
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO
    self_total: Decimal = ZERO
    complete: bool = False
    women: int = 0
    people: int = 0
    rank: int | None = None
    tied: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.scored + self.bonus - self.penalty

    @property
    def women_share(self) -> Decimal | None:
        return Decimal(self.women) / self.people if self.people else None

    @property
    def mostly_women(self) -> bool:
        share = self.women_share
        return share is not None and share >= WOMEN_SHARE


def ranking(meeting: Meeting, on: datetime.date | None = None) -> list[Row]:
    """The ranking table of a year-end review, in four queries whatever its size."""
    sheets = list(meeting.score_sheets.select_related("unit").order_by("unit__name"))
    rows = {s.pk: Row(sheet=s, unit=s.unit, complete=s.agreed_at is not None) for s in sheets}
    for score in Score.objects.filter(sheet__meeting=meeting).select_related("criterion"):
        row = rows[score.sheet_id]
        kind = score.criterion.kind
        if score.self_points is not None:
            row.self_total += -score.self_points if kind == CriterionKind.PENALTY else score.self_points
        points = score.agreed_points or ZERO
        if kind == CriterionKind.PENALTY:
            row.penalty += points
        elif kind == CriterionKind.BONUS:
            row.bonus += points
        else:
            row.scored += points
    staff = (Person.objects.filter(unit_id__in=[s.unit_id for s in sheets])
             .values("unit_id").annotate(n=Count("pk"), women=Count("pk", filter=Q(gender=Gender.FEMALE))))
    by_unit = {r["unit_id"]: r for r in staff}
    for row in rows.values():
        counts = by_unit.get(row.unit.pk)
        if counts:
            row.people, row.women = counts["n"], counts["women"]
    tie_key = _tie_key(meeting)
    ranked = sorted((r for r in rows.values() if r.complete), key=lambda r: (-r.total, tie_key(r), r.unit.name))
    previous = None
    for position, row in enumerate(ranked, 1):
        if previous is not None and (row.total, tie_key(row)) == (previous.total, tie_key(previous)):
            row.rank, row.tied, previous.tied = previous.rank, True, True
        else:
            row.rank = position
        previous = row
    return ranked + sorted((r for r in rows.values() if not r.complete), key=lambda r: r.unit.name)


def _tie_key(meeting: Meeting):
    """What separates equal totals under the pledge's rule (a constant: they stay equal)."""
    rule = Pledge.objects.filter(bloc_id=meeting.bloc_id, year=meeting.year).values_list("tie_rule", flat=True).first()
    if rule == TieRule.SCORED_FIRST:
        return lambda row: -row.scored
    if rule == TieRule.FEWER_PENALTIES:
        return lambda row: row.penalty
    return lambda row: 0


@dataclass
class Selection:
    chosen: list[Row]
    notes: list[str]
    needs_vote: bool = False


def within_quota(rows: list[Row], quota: int) -> Selection:
    """The first *quota* units; a tie across the quota's edge prefers collectives with
    ≥ 70 % women (domain §5.6), and if that does not settle it the bloc must vote."""
    ranked = [r for r in rows if r.complete]
    if quota <= 0 or not ranked:
        return Selection([], [])
    if len(ranked) <= quota or ranked[quota].rank != ranked[quota - 1].rank:
        return Selection(ranked[:quota], [])
    edge = ranked[quota - 1].rank
    sure = [r for r in ranked if r.rank < edge]
    tied = [r for r in ranked if r.rank == edge]
    seats = quota - len(sure)
    women = [r for r in tied if r.mostly_women]
    names = ", ".join(r.unit.name for r in tied)
    if 0 < len(women) <= seats and len(women) < len(tied):
        notes = [_("Đồng điểm (%(n)s): ưu tiên tập thể có từ 70%% nữ trở lên: %(w)s.")
                 % {"n": names, "w": ", ".join(r.unit.name for r in women)}]
        rest = [r for r in tied if not r.mostly_women]
        if len(women) == seats:
            return Selection(sure + women, notes)
        return Selection(sure + women, notes + [_("Còn %(k)s suất cho %(r)s: khối biểu quyết.")
                                                % {"k": seats - len(women), "r": ", ".join(r.unit.name for r in rest)}],
                         needs_vote=True)
    return Selection(sure, [_("Đồng điểm (%(n)s) cho %(k)s suất: khối biểu quyết để chọn.")
                            % {"n": names, "k": seats}], needs_vote=True)
