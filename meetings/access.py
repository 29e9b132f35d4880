"""Who may see and change meetings, scores and votes (views, exports and the admin ask here).

- admin, interior staff: every meeting; create province meetings and any bloc's.
- council members: read every meeting.
- unit officers: the meetings of the blocs their unit belongs to in the meeting's year
  (read); their own unit's attendance and self-scores (write); and, when their unit leads
  the bloc that year, the bloc's meetings, agreed scores and votes (write). Province
  meetings are read by the units invited to them.
Objects outside a user's sight answer 404; seen but not changeable, 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from blocs.access import led_bloc_ids
from blocs.models import Membership, User

from .models import Meeting, MeetingAttendance, ScoreSheet


def visible_meetings(user: User) -> QuerySet[Meeting]:
    if user.sees_province:
        return Meeting.objects.all()
    if not (user.is_unit_officer and user.unit_id):
        return Meeting.objects.none()
    member_of = Membership.objects.filter(
        unit_id=user.unit_id, bloc_year__bloc_id=OuterRef("bloc_id"), bloc_year__year=OuterRef("year")
    )
    invited = MeetingAttendance.objects.filter(meeting=OuterRef("pk"), unit_id=user.unit_id)
    return Meeting.objects.filter(Exists(member_of) | Exists(invited))


def can_create_meeting(user: User, bloc=None, year: int | None = None) -> bool:
    if user.manages_province:
        return True
    if bloc is None:
        return user.is_unit_officer and bool(led_bloc_ids(user, year))
    return bloc.pk in led_bloc_ids(user, year)


def can_manage_meeting(user: User, meeting: Meeting) -> bool:
    """Edit the meeting, agree scores, record votes: staff, or the bloc's lead that year."""
    if user.manages_province:
        return True
    return meeting.bloc_id is not None and meeting.bloc_id in led_bloc_ids(user, meeting.year)


def can_act_for_unit(user: User, unit_id: int) -> bool:
    """Confirm attendance and self-score for *unit_id*: its own officers (or staff)."""
    return user.manages_province or (user.is_unit_officer and user.unit_id == unit_id)


def get_meeting_for_user(user: User, pk: int, *, manage: bool = False) -> Meeting:
    meeting = visible_meetings(user).select_related("bloc", "host_unit").filter(pk=pk).first()
    if meeting is None:
        raise Http404
    if manage and not can_manage_meeting(user, meeting):
        raise PermissionDenied
    return meeting


def get_sheet_for_user(user: User, pk: int, *, agree: bool = False) -> ScoreSheet:
    sheet = ScoreSheet.objects.select_related("meeting__bloc", "unit").filter(pk=pk).first()
    if sheet is None or not visible_meetings(user).filter(pk=sheet.meeting_id).exists():
        raise Http404
    meeting = sheet.meeting
    if agree:
        if not can_manage_meeting(user, meeting):
            raise PermissionDenied
    elif not (can_manage_meeting(user, meeting) or can_act_for_unit(user, sheet.unit_id)):
        # A member sees the ranking, not another member's sheet.
        raise Http404
    return sheet


# --- The patriotic emulation congress ------------------------------------------------------
# Everyone logged in reads the congress (its committee, quotas, exemplary models and
# documents); only interior staff and admins change it.


def visible_congresses(user: User) -> QuerySet:
    from .models import Congress

    if not (user.is_authenticated and user.is_active):
        return Congress.objects.none()
    return Congress.objects.all()


def can_manage_congress(user: User, congress=None) -> bool:
    return user.is_authenticated and user.manages_province


def get_congress_for_user(user: User, pk: int, *, manage: bool = False):
    congress = visible_congresses(user).filter(pk=pk).first()
    if congress is None:
        raise Http404
    if manage and not can_manage_congress(user, congress):
        raise PermissionDenied
    return congress


# --- Review reports ------------------------------------------------------------------------
# A bloc's six-month or year-end report is read by whoever sees the bloc's meetings of that
# year (staff, the council, the bloc's member units) and written by staff and the bloc's lead
# of that year; the province's report (Sở Nội vụ's) is read by everyone logged in and
# written by staff only.


def visible_reports(user: User) -> QuerySet:
    from django.db.models import Q

    from .models import ReviewReport

    if not (user.is_authenticated and user.is_active):
        return ReviewReport.objects.none()
    if user.sees_province:
        return ReviewReport.objects.all()
    province = Q(bloc__isnull=True)
    if not (user.is_unit_officer and user.unit_id):
        return ReviewReport.objects.filter(province)
    member_of = Membership.objects.filter(
        unit_id=user.unit_id, bloc_year__bloc_id=OuterRef("bloc_id"), bloc_year__year=OuterRef("year")
    )
    return ReviewReport.objects.filter(province | Exists(member_of))


def can_create_report(user: User, bloc=None, year: int | None = None) -> bool:
    """Staff write any report (the province's too); a lead unit's officers, their bloc's of
    the year. Without *bloc*: whether the user may write any report of *year*."""
    if user.manages_province:
        return True
    if bloc is None:
        return user.is_unit_officer and bool(led_bloc_ids(user, year))
    return bloc.pk in led_bloc_ids(user, year)


def can_edit_report(user: User, report) -> bool:
    if user.manages_province:
        return True
    return report.bloc_id is not None and report.bloc_id in led_bloc_ids(user, report.year)


def get_report_for_user(user: User, pk: int, *, write: bool = False):
    report = visible_reports(user).select_related("bloc").filter(pk=pk).first()
    if report is None:
        raise Http404
    if write and not can_edit_report(user, report):
        raise PermissionDenied
    return report


def report_blocs(user: User) -> QuerySet:
    """The blocs offered when creating a report: every bloc for staff; for a unit officer,
    those its unit has led (the year typed is checked with ``can_create_report``)."""
    from blocs.models import Bloc, MemberRole

    if user.manages_province:
        return Bloc.objects.all()
    if not (user.is_unit_officer and user.unit_id):
        return Bloc.objects.none()
    led = Membership.objects.filter(unit_id=user.unit_id, role=MemberRole.LEAD)
    return Bloc.objects.filter(pk__in=led.values("bloc_year__bloc_id"))
