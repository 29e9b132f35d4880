"""Pages of a meeting: the list, creating and editing one, its page, each unit confirming
who attends, and the files (documents and the signed minutes)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from blocs import access as bloc_access
from blocs.models import Bloc, Person, Unit
from blocs.officialdocs import download
from blocs.views.common import paginate, query_string_without_page, run_service, selected_year

from .. import access, documents
from ..forms import (
    AttendanceForm,
    DelegateFormSet,
    DocumentUploadForm,
    MeetingCreateForm,
    MeetingForm,
    MinutesUploadForm,
)
from ..models import Delegate, MeetingAttendance, MeetingDocument, MeetingKind, ScoreSheet
from ..services import meetings as svc
from .common import GET_POST, form_data, form_page, meeting_crumbs, pdf_download

PROVINCE = "tinh"  # ?khoi=tinh: the province's own meetings


# --- The list ------------------------------------------------------------------------------


def _filters(request: HttpRequest) -> dict:
    raw = {key: request.GET.get(key, "").strip() for key in ("khoi", "loai")}
    return {
        "year": selected_year(request) if request.GET.get("nam") else None,
        "bloc": raw["khoi"] if raw["khoi"] == PROVINCE or raw["khoi"].isdigit() else "",
        "kind": raw["loai"] if raw["loai"] in MeetingKind.values else "",
    }


def meeting_rows(user, *, year=None, bloc="", kind=""):
    """The meetings *user* sees, newest first, with the attendance figures of each row (one
    query whatever the number of rows)."""
    meetings = access.visible_meetings(user).select_related("bloc", "host_unit")
    if year is not None:
        meetings = meetings.filter(year=year)
    if bloc == PROVINCE:
        meetings = meetings.filter(bloc__isnull=True)
    elif bloc:
        meetings = meetings.filter(bloc_id=int(bloc))
    if kind:
        meetings = meetings.filter(kind=kind)
    meetings = meetings.annotate(
        invited_count=Count("attendances"),
        confirmed_count=Count("attendances", filter=Q(attendances__confirmed_at__isnull=False)),
    )
    if user.unit_id:
        mine = MeetingAttendance.objects.filter(meeting=OuterRef("pk"), unit_id=user.unit_id)
        meetings = meetings.annotate(mine_pending=Exists(mine.filter(confirmed_at__isnull=True)))
    return meetings.order_by("-held_on", "-pk")


def meeting_list(request: HttpRequest) -> HttpResponse:
    user, filters = request.user, _filters(request)
    page = paginate(request, meeting_rows(user, **filters))
    blocs = Bloc.objects.filter(pk__in=access.visible_meetings(user).values("bloc_id")).order_by("name")
    context = {
        "page": page, "filters": filters, "year": filters["year"], "kinds": MeetingKind.choices,
        "blocs": blocs, "province": PROVINCE, "query": query_string_without_page(request),
        "can_create": access.can_create_meeting(user, year=filters["year"] or selected_year(request)),
    }
    return render(request, "meetings/meeting_list.html", context)


# --- Creating and editing ------------------------------------------------------------------


def _hosts(blocs, year: int):
    return Unit.objects.filter(memberships__bloc_year__bloc__in=blocs, memberships__bloc_year__year=year).distinct()


@GET_POST
def meeting_create(request: HttpRequest) -> HttpResponse:
    user, year = request.user, selected_year(request)
    if not access.can_create_meeting(user, year=year):
        raise PermissionDenied
    blocs = bloc_access.managed_blocs(user, year)
    province = user.manages_province
    form = MeetingCreateForm(*form_data(request), blocs=blocs, province=province,
                             hosts=None if province else _hosts(blocs, year),
                             initial={"kind": request.GET.get("loai") or None})

    def create():
        data = dict(form.cleaned_data)
        bloc, invited = data.pop("bloc"), data.pop("invited", None) or ()
        return svc.meeting_create(actor=user, bloc=bloc, year=year, invited=invited, **data)

    if request.method == "POST" and form.is_valid() and (meeting := run_service(form, create)):
        messages.success(request, _("Đã tạo “%(m)s” và mời %(n)s đơn vị.")
                         % {"m": meeting.title, "n": meeting.attendances.count()})
        return redirect(meeting)
    title = _("Hội nghị mới năm %(y)s") % {"y": year}
    return render(request, "meetings/form.html", {
        "form": form, "title": title, "back": f"{reverse('meetings:meeting_list')}?nam={year}",
        "crumbs": meeting_crumbs(), "year": year, "year_picker": True, "submit": _("Tạo hội nghị"),
        "intro": _("Hội nghị của khối, cụm mời mọi thành viên của khối trong năm; mỗi đơn vị tự xác nhận "
                   "người dự họp. Biên bản, kết luận ghi sau khi họp, ở trang sửa hội nghị."),
    })


@GET_POST
def meeting_update(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, manage=True)
    if meeting.bloc_id:
        members = Unit.objects.filter(memberships__bloc_year__bloc_id=meeting.bloc_id,
                                      memberships__bloc_year__year=meeting.year)
        hosts = Unit.objects.filter(Q(pk__in=members.values("pk")) | Q(pk=meeting.host_unit_id))
    else:
        hosts = Unit.objects.filter(Q(active_to__isnull=True) | Q(pk=meeting.host_unit_id))
    form = MeetingForm(*form_data(request), instance=meeting, hosts=hosts)
    return form_page(
        request, form, lambda: svc.meeting_update(actor=request.user, meeting=meeting, **form.cleaned_data),
        title=_("Sửa hội nghị"), back=meeting.get_absolute_url(), done=_("Đã lưu hội nghị."),
        crumbs=meeting_crumbs(meeting))


# --- The meeting's page --------------------------------------------------------------------


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for_user(user, pk)
    attendances = list(
        meeting.attendances.select_related("unit", "confirmed_by")
        .prefetch_related(Prefetch("delegates", queryset=Delegate.objects.order_by("pk")))
        .order_by("unit__name")
    )
    for attendance in attendances:
        attendance.can_confirm = access.can_act_for_unit(user, attendance.unit_id)
    is_review = meeting.is_year_end and meeting.bloc_id is not None
    context = {
        "meeting": meeting,
        "attendances": attendances,
        "confirmed": sum(a.is_confirmed for a in attendances),
        "documents": meeting.documents.select_related("uploaded_by"),
        "elections": meeting.elections.select_related("winner").prefetch_related("candidates__unit"),
        "can_manage": access.can_manage_meeting(user, meeting),
        "is_review": is_review,
        "own_sheet": (ScoreSheet.objects.filter(meeting=meeting, unit_id=user.unit_id).first()
                      if is_review and user.unit_id else None),
    }
    return render(request, "meetings/meeting_detail.html", context)


# --- Attendance ----------------------------------------------------------------------------


def _attendance_for_user(user, pk: int) -> MeetingAttendance:
    attendance = MeetingAttendance.objects.select_related("unit").filter(pk=pk).first()
    if attendance is None:
        raise Http404
    attendance.meeting = access.get_meeting_for_user(user, attendance.meeting_id)
    if not access.can_act_for_unit(user, attendance.unit_id):
        raise PermissionDenied
    return attendance


@GET_POST
def attendance_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    attendance = _attendance_for_user(request.user, pk)
    meeting = attendance.meeting
    people = Person.objects.filter(unit_id=attendance.unit_id).order_by("full_name")
    initial = [{"person": d.person_id, "full_name": "" if d.person_id else d.full_name, "position": d.position}
               for d in attendance.delegates.all()]
    data = request.POST if request.method == "POST" else None
    form = AttendanceForm(data, initial={"absent_reason": attendance.absent_reason})
    formset = DelegateFormSet(data, prefix="dai_bieu", initial=initial,
                              form_kwargs={"people": people})

    def confirm():
        return svc.attendance_confirm(
            actor=request.user, attendance=attendance, absent_reason=form.cleaned_data["absent_reason"],
            delegates=[f.delegate for f in formset if f.delegate is not None])

    if request.method == "POST":
        valid = formset.is_valid()  # every row's errors show, whatever the reason field says
        if form.is_valid() and valid and (saved := run_service(form, confirm)):
            if saved.absent_reason:
                done = _("%(u)s: đã báo vắng mặt.") % {"u": attendance.unit.name}
            else:
                done = _("%(u)s: đã xác nhận %(n)s đại biểu dự họp.") % {
                    "u": attendance.unit.name, "n": saved.delegates.count()}
            messages.success(request, done)
            return redirect(f"{meeting.get_absolute_url()}#du-hop")
    context = {"attendance": attendance, "meeting": meeting, "form": form, "formset": formset,
               "crumbs": meeting_crumbs(meeting)}
    return render(request, "meetings/attendance_form.html", context)


# --- Files ---------------------------------------------------------------------------------


@GET_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, manage=True)
    form = DocumentUploadForm(*form_data(request))

    def upload():
        data = form.cleaned_data
        return svc.meeting_document_upload(actor=request.user, meeting=meeting, title=data["title"],
                                           upload=data["upload"])

    return form_page(request, form, upload, title=_("Thêm tài liệu hội nghị"),
                     back=f"{meeting.get_absolute_url()}#tai-lieu", crumbs=meeting_crumbs(meeting),
                     done=lambda d: _("Đã thêm tài liệu “%(t)s”.") % {"t": d.title}, multipart=True)


def document_file(request: HttpRequest, pk: int):
    document = MeetingDocument.objects.filter(pk=pk).first()
    if document is None:
        raise Http404
    access.get_meeting_for_user(request.user, document.meeting_id)
    return pdf_download(document.file, document.original_name)


@GET_POST
def minutes_upload(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, manage=True)
    form = MinutesUploadForm(*form_data(request))
    return form_page(
        request, form,
        lambda: svc.meeting_minutes_attach(actor=request.user, meeting=meeting, upload=form.cleaned_data["upload"]),
        title=_("Tải lên biên bản đã ký"), back=f"{meeting.get_absolute_url()}#tai-lieu",
        crumbs=meeting_crumbs(meeting), done=_("Đã lưu biên bản hội nghị đã ký."), multipart=True,
        intro=_("Biên bản đã ký là hồ sơ của đề nghị khen thưởng mà khối lập từ kết quả hội nghị."))


def minutes_file(request: HttpRequest, pk: int):
    meeting = access.get_meeting_for_user(request.user, pk)
    return pdf_download(meeting.minutes_file, f"bien-ban-hoi-nghi-{meeting.pk}.pdf")


def minutes_document(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The draft minutes as an official document, from what the meeting records."""
    meeting = access.get_meeting_for_user(request.user, pk)
    return download(documents.minutes_document(meeting), fmt, f"du-thao-bien-ban-{meeting.pk}")
