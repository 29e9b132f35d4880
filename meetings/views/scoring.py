"""Pages of a year-end review's scoring: the ranking table (with the lead's actions: opening
the sheets, finalising the ranking, proposing awards), each unit's own sheet and the lead's
agreed points. A member sees the ranking, never another member's sheet."""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.models import BlocRanking
from awards.rules import NoRuleSet, rule_set_for
from blocs.models import Unit
from blocs.views.common import run_service
from movements.models import CriterionKind
from movements.selectors_pledges import points_label, roman

from .. import access
from ..forms import AgreedScoreForm, ProposeAwardsForm, SelfScoreForm
from ..models import Meeting, ScoreSheet
from ..services import outcomes, scoring
from .common import GET_POST, meeting_crumbs, post_action

TOTALS = ("scored", "bonus", "penalty", "total", "self_total")


def review_for_user(user, pk: int, *, manage: bool = False) -> Meeting:
    """A bloc's year-end review the user sees (and runs, with *manage*); other meetings have
    no scoring, so their scoring pages do not exist."""
    meeting = access.get_meeting_for_user(user, pk, manage=manage)
    if not (meeting.is_year_end and meeting.bloc_id):
        raise Http404
    return meeting


def ranking_url(meeting: Meeting) -> str:
    return reverse("meetings:ranking", args=[meeting.pk])


def _crumbs(meeting: Meeting) -> list:
    return [*meeting_crumbs(meeting), (ranking_url(meeting), _("Chấm điểm, xếp hạng"))]


# --- The ranking ---------------------------------------------------------------------------


def _checked(form: ProposeAwardsForm | None, name: str) -> set[str]:
    if form is None:
        return set()
    if form.is_bound:
        return set(form.data.getlist(name))
    return {str(pk) for pk in form.initial.get(name, ())}


def _ranking_context(request: HttpRequest, meeting: Meeting, propose_form=None) -> dict:
    user = request.user
    rows = scoring.ranking(meeting)
    can_manage = access.can_manage_meeting(user, meeting)
    quota, quota_problem, selection = None, "", None
    try:
        quota = rule_set_for(meeting.held_on).co_tinh_quota_per_bloc
    except NoRuleSet as error:
        quota_problem = str(error)
    else:
        selection = scoring.within_quota(rows, quota)
    chosen = [r.unit.pk for r in selection.chosen] if selection else []
    complete = [r for r in rows if r.complete]
    if can_manage and propose_form is None and complete:
        propose_form = ProposeAwardsForm(units=Unit.objects.filter(pk__in=[r.unit.pk for r in complete]),
                                         initial={"flag": chosen})
    flags, certificates = _checked(propose_form, "flag"), _checked(propose_form, "certificate")
    for row in rows:
        row.labels = {name: points_label(getattr(row, name)) for name in TOTALS}
        row.in_quota = row.unit.pk in chosen
        row.can_open = can_manage or access.can_act_for_unit(user, row.unit.pk)
        row.flag_checked, row.certificate_checked = str(row.unit.pk) in flags, str(row.unit.pk) in certificates
    try:
        tie_rule = scoring.signed_pledge(meeting).get_tie_rule_display()
        pledge_problem = ""
    except ValidationError as error:
        tie_rule, pledge_problem = "", " ".join(error.messages)
    opened = {r.unit.pk for r in rows}
    return {
        "meeting": meeting, "rows": rows, "can_manage": can_manage, "quota": quota,
        "quota_problem": quota_problem, "selection": selection, "complete": len(complete),
        "pending": len(rows) - len(complete), "propose_form": propose_form,
        "pledge_problem": pledge_problem, "tie_rule": tie_rule,
        "unopened": meeting.attendances.exclude(unit_id__in=opened).count() if can_manage else 0,
        "finalised": BlocRanking.objects.filter(bloc_id=meeting.bloc_id, year=meeting.year,
                                                source=outcomes.minutes_reference(meeting))
        .order_by("-recorded_at").first(),
        "crumbs": meeting_crumbs(meeting),
    }


def ranking(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = review_for_user(request.user, pk)
    return render(request, "meetings/ranking.html", _ranking_context(request, meeting))


@require_POST
def sheets_open(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = review_for_user(request.user, pk, manage=True)
    return post_action(
        request, lambda: scoring.sheets_open(actor=request.user, meeting=meeting),
        done=lambda sheets: _("Đã mở phiếu chấm điểm: %(n)s đơn vị tự chấm theo bảng tiêu chí của giao ước.")
        % {"n": len(sheets)},
        back=ranking_url(meeting))


@require_POST
def ranking_finalise(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = review_for_user(request.user, pk, manage=True)
    return post_action(
        request, lambda: outcomes.ranking_finalise(actor=request.user, meeting=meeting),
        done=_("Đã chốt kết quả xếp hạng %(b)s năm %(y)s; kết quả được dùng khi xét Cờ thi đua.")
        % {"b": meeting.bloc.name, "y": meeting.year},
        back=ranking_url(meeting))


@require_POST
def awards_propose(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = review_for_user(request.user, pk, manage=True)
    complete = [r.unit.pk for r in scoring.ranking(meeting) if r.complete]
    form = ProposeAwardsForm(request.POST, units=Unit.objects.filter(pk__in=complete))

    def propose():
        data = form.cleaned_data
        return outcomes.awards_propose(actor=request.user, meeting=meeting, flag=data["flag"],
                                       certificate=data["certificate"])

    if form.is_valid() and (proposal := run_service(form, propose)):
        messages.success(request, _("Đã lập đề nghị khen thưởng của khối; hãy kiểm tra và gửi đề nghị."))
        return redirect(reverse("awards:proposal_detail", args=[proposal.pk]))
    return render(request, "meetings/ranking.html", _ranking_context(request, meeting, propose_form=form))


# --- Sheets --------------------------------------------------------------------------------


def _groups(scores: list, fields: dict) -> list[dict]:
    """The sheet's lines under their criteria groups (I, II…), numbered within each."""
    groups = []
    for index, (_pk, lines) in enumerate(groupby(scores, key=lambda s: s.criterion.group_id), start=1):
        lines = list(lines)
        rows = []
        for number, score in enumerate(lines, start=1):
            criterion = score.criterion
            rows.append({
                "number": number, "score": score, "criterion": criterion,
                "max": points_label(criterion.max_points),
                "self": points_label(score.self_points) if score.self_points is not None else "",
                "agreed": points_label(score.agreed_points) if score.agreed_points is not None else "",
                "fields": fields.get(score.criterion_id, ()),
            })
        groups.append({"numeral": roman(index), "group": lines[0].criterion.group, "rows": rows})
    return groups


def _scores(sheet: ScoreSheet) -> list:
    return list(sheet.scores.select_related("criterion__group"))


@GET_POST
def sheet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit's own sheet: its officers fill and send it; the lead (and staff) read it."""
    user = request.user
    sheet = access.get_sheet_for_user(user, pk)
    may_score = access.can_act_for_unit(user, sheet.unit_id)
    if request.method == "POST" and not may_score:
        raise PermissionDenied
    scores = _scores(sheet)
    form = None
    if request.method == "POST" or (may_score and sheet.agreed_at is None):
        form = SelfScoreForm(request.POST if request.method == "POST" else None, scores=scores)
    if request.method == "POST":
        submit = request.POST.get("action") == "gui"

        def save():
            return scoring.self_scores_save(actor=user, sheet=sheet, points=form.points, submit=submit)

        if form.is_valid() and run_service(form, save):
            messages.success(request, _("Đã gửi điểm tự chấm tới trưởng khối.") if submit
                             else _("Đã lưu điểm tự chấm."))
            return redirect(reverse("meetings:sheet_detail", args=[sheet.pk]))
    fields = {s.criterion_id: (form[f"diem_{s.criterion_id}"], form[f"minh_chung_{s.criterion_id}"])
              for s in scores} if form else {}
    meeting = sheet.meeting
    context = {
        "sheet": sheet, "meeting": meeting, "form": form, "groups": _groups(scores, fields),
        "can_agree": access.can_manage_meeting(user, meeting), "crumbs": _crumbs(meeting),
        "self_total": points_label(_self_total(scores)),
    }
    return render(request, "meetings/sheet.html", context)


def _self_total(scores) -> Decimal:
    """The unit's own total as it stands (penalties subtracted), before the lead agrees."""
    total = Decimal("0")
    for score in scores:
        if score.self_points is not None:
            total += -score.self_points if score.criterion.kind == CriterionKind.PENALTY else score.self_points
    return total


@GET_POST
def sheet_agree(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead's agreed points for one unit; an empty box takes the unit's own."""
    user = request.user
    sheet = access.get_sheet_for_user(user, pk, agree=True)
    scores = _scores(sheet)
    form = AgreedScoreForm(request.POST if request.method == "POST" else None, scores=scores)
    meeting = sheet.meeting
    if request.method == "POST" and form.is_valid() and run_service(
        form, lambda: scoring.agreed_scores_save(actor=user, sheet=sheet, points=form.points)
    ):
        messages.success(request, _("Đã ghi điểm thống nhất của %(u)s.") % {"u": sheet.unit.name})
        return redirect(ranking_url(meeting))
    fields = {s.criterion_id: (form[f"thong_nhat_{s.criterion_id}"],) for s in scores}
    context = {"sheet": sheet, "meeting": meeting, "form": form, "groups": _groups(scores, fields),
               "crumbs": _crumbs(meeting), "self_total": points_label(_self_total(scores))}
    return render(request, "meetings/sheet_agree.html", context)
