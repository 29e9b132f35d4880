"""The meetings app in the Django admin, for admins and interior staff to look things up.

A meeting's own record (title, date, minutes…) may be corrected here, through the same
service as its edit page (so it is audited). Attendance, scores, votes and files are shown
read only: they change through the app's screens, whose services check who acts, lock
agreed sheets and write next year's roster."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from blocs.admin import ProvinceAdmin, ProvinceInlineMixin

from .models import (
    Delegate,
    LeadCandidate,
    LeadElection,
    Meeting,
    MeetingAttendance,
    MeetingDocument,
    Score,
    ScoreSheet,
)
from .services import meetings as services


class ReadOnlyAdmin(ProvinceAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline(ProvinceInlineMixin, admin.TabularInline):
    """Rows shown on their parent's page, never edited there."""

    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.display(description=_("người thực hiện"))
def _by(obj) -> str:
    user = getattr(obj, "confirmed_by", None) or getattr(obj, "uploaded_by", None) or getattr(obj, "recorded_by", None)
    return str(user) if user else "—"


@admin.display(description=_("hội nghị"), ordering="meeting__held_on")
def _meeting(obj) -> str:
    return str(obj.meeting)


# --- Meetings ------------------------------------------------------------------------------


class AttendanceInline(ReadOnlyInline):
    model = MeetingAttendance
    fields = ["unit", "confirmed_at", "absent_reason", "delegate_list"]
    readonly_fields = fields
    show_change_link = True

    @admin.display(description=_("đại biểu"))
    def delegate_list(self, obj) -> str:
        return "; ".join(f"{d.full_name} ({d.position})" if d.position else d.full_name for d in obj.delegates.all())

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("unit").prefetch_related("delegates")


class DocumentInline(ReadOnlyInline):
    model = MeetingDocument
    fields = ["title", "file", "size_bytes", "uploaded"]
    readonly_fields = fields

    @admin.display(description=_("kích thước (byte)"))
    def size_bytes(self, obj) -> int:
        return obj.size

    @admin.display(description=_("tải lên lúc"))
    def uploaded(self, obj):
        return obj.uploaded_at


class ElectionInline(ReadOnlyInline):
    model = LeadElection
    fields = ["role", "for_year", "method", "voters", "winner"]
    readonly_fields = fields
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(ProvinceAdmin):
    list_display = ["title", "kind", "bloc", "year", "held_on", "place", "host_unit"]
    list_filter = ["year", "kind", "bloc"]
    search_fields = ["title", "place", "bloc__name", "host_unit__name"]
    list_select_related = ["bloc", "host_unit"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["host_unit"]
    fields = ["bloc", "year", *services.EDITABLE, "minutes_file", "creator"]
    readonly_fields = ["bloc", "year", "minutes_file", "creator"]
    inlines = [AttendanceInline, DocumentInline, ElectionInline]

    @admin.display(description=_("người tạo"))
    def creator(self, obj) -> str:
        return f"{obj.created_by or '—'} · {obj.created_at:%H:%M %d/%m/%Y}" if obj.created_at else "—"

    def has_add_permission(self, request) -> bool:
        # A meeting invites its units when created: that is done on the app's screen.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        services.meeting_update(actor=request.user, meeting=obj,
                                **{name: form.cleaned_data[name] for name in services.EDITABLE if name in form.cleaned_data})


class DelegateInline(ReadOnlyInline):
    model = Delegate
    fields = ["person", "full_name", "position"]
    readonly_fields = fields


@admin.register(MeetingAttendance)
class MeetingAttendanceAdmin(ReadOnlyAdmin):
    list_display = [_meeting, "unit", "confirmed_at", "absent_reason"]
    list_filter = ["meeting__year", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["meeting__title", "unit__name"]
    list_select_related = ["meeting", "unit"]
    fields = [_meeting, "unit", "confirmed_at", _by, "absent_reason"]
    readonly_fields = fields
    inlines = [DelegateInline]


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", _meeting, "uploaded"]
    search_fields = ["title", "meeting__title"]
    list_select_related = ["meeting"]
    fields = [_meeting, "title", "file", "uploaded", _by]
    readonly_fields = fields

    @admin.display(description=_("tải lên lúc"), ordering="uploaded_at")
    def uploaded(self, obj):
        return obj.uploaded_at


# --- Scoring and votes ---------------------------------------------------------------------


class ScoreInline(ReadOnlyInline):
    model = Score
    fields = ["criterion", "self_points", "agreed_points", "evidence"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("criterion")


@admin.register(ScoreSheet)
class ScoreSheetAdmin(ReadOnlyAdmin):
    list_display = ["unit", _meeting, "self_submitted_at", "agreed_at"]
    list_filter = ["meeting__year", "meeting__bloc", ("agreed_at", admin.EmptyFieldListFilter)]
    search_fields = ["unit__name", "meeting__title"]
    list_select_related = ["unit", "meeting"]
    fields = [_meeting, "unit", "self_submitted_at", "agreed_at"]
    readonly_fields = fields
    inlines = [ScoreInline]


class CandidateInline(ReadOnlyInline):
    model = LeadCandidate
    fields = ["unit", "votes"]
    readonly_fields = fields


@admin.register(LeadElection)
class LeadElectionAdmin(ReadOnlyAdmin):
    list_display = [_meeting, "role", "for_year", "method", "voters", "winner"]
    list_filter = ["role", "for_year", "method"]
    search_fields = ["meeting__title", "winner__name"]
    list_select_related = ["meeting", "winner"]
    fields = [_meeting, "role", "for_year", "method", "voters", "winner", _by]
    readonly_fields = fields
    inlines = [CandidateInline]
