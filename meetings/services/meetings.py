"""Meetings: creating one (a bloc meeting invites the bloc's members of that year), editing
its record, each unit confirming who attends, and the files attached to it."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.audit import audit_record
from blocs.models import Bloc, Membership, Person, Unit, User
from blocs.text import nfc
from blocs.uploads import sha256_of, validate_pdf
from movements.services.common import save_checked

from ..models import Delegate, Meeting, MeetingAttendance, MeetingDocument

EDITABLE = ("kind", "title", "held_on", "place", "host_unit", "chair", "agenda", "minutes", "conclusions",
            "decisions_taken")


def member_units(bloc: Bloc, year: int) -> list[Unit]:
    return [m.unit for m in Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year)
            .select_related("unit").order_by("unit__name")]


@transaction.atomic
def meeting_create(*, actor: User | None, bloc: Bloc | None, year: int, invited: Iterable[Unit] = (),
                   **fields) -> Meeting:
    """A meeting of *bloc* (or of the province when None) for the working *year*. A bloc's
    members of that year are invited; a province meeting invites the units given."""
    meeting = Meeting(bloc=bloc, year=year, created_by=actor, **{k: v for k, v in fields.items() if k in EDITABLE})
    if bloc is not None and not Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year).exists():
        raise ValidationError(_("Khối chưa có thành viên năm %(y)s: hãy lập danh sách thành viên trước.") % {"y": year})
    save_checked(meeting, exclude=("created_by",))
    units = member_units(bloc, year) if bloc is not None else list(invited)
    MeetingAttendance.objects.bulk_create([MeetingAttendance(meeting=meeting, unit=u) for u in units])
    audit_record(actor=actor, action="meetings.meeting.created", obj=meeting, data={"invited": len(units)})
    return meeting


@transaction.atomic
def meeting_update(*, actor: User | None, meeting: Meeting, **fields) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    for key, value in fields.items():
        if key in EDITABLE:
            setattr(meeting, key, value)
    save_checked(meeting, exclude=("created_by",))
    audit_record(actor=actor, action="meetings.meeting.updated", obj=meeting)
    return meeting


@transaction.atomic
def attendance_confirm(*, actor: User | None, attendance: MeetingAttendance,
                       delegates: Iterable[tuple[Person | None, str, str]] = (), absent_reason: str = "") -> MeetingAttendance:
    """The unit says who it sends (people of its register, or guests by name) or why it is
    absent; confirming again replaces the list."""
    attendance = MeetingAttendance.objects.select_for_update().select_related("unit").get(pk=attendance.pk)
    rows = []
    for person, full_name, position in delegates:
        if person is not None and person.unit_id != attendance.unit_id:
            raise ValidationError(_("%(p)s không thuộc %(u)s.") % {"p": person.full_name, "u": attendance.unit})
        name = nfc(full_name or (person.full_name if person else ""))
        if not name:
            continue
        rows.append(Delegate(attendance=attendance, person=person, full_name=name,
                             position=nfc(position or (person.position if person else ""))))
    absent_reason = nfc(absent_reason)
    if not rows and not absent_reason:
        raise ValidationError(_("Ghi ít nhất một đại biểu, hoặc lý do vắng mặt."))
    attendance.delegates.all().delete()
    Delegate.objects.bulk_create(rows)
    attendance.confirmed_at, attendance.confirmed_by = timezone.now(), actor
    attendance.absent_reason = "" if rows else absent_reason
    attendance.save(update_fields=["confirmed_at", "confirmed_by", "absent_reason"])
    audit_record(actor=actor, action="meetings.attendance.confirmed", obj=attendance.meeting,
                 data={"unit": attendance.unit_id, "delegates": len(rows)})
    return attendance



@transaction.atomic
def meeting_document_upload(*, actor: User | None, meeting: Meeting, title: str, upload: UploadedFile) -> MeetingDocument:
    validate_pdf(upload)
    document = MeetingDocument(meeting=meeting, title=nfc(title) or nfc(upload.name), original_name=nfc(upload.name),
                               size=upload.size, sha256=sha256_of(upload), uploaded_by=actor)
    document.file.save(upload.name, upload, save=False)
    document.full_clean(exclude=("uploaded_by",))
    document.save()
    audit_record(actor=actor, action="meetings.document.uploaded", obj=meeting, data={"document": document.pk})
    return document


@transaction.atomic
def meeting_minutes_attach(*, actor: User | None, meeting: Meeting, upload: UploadedFile) -> Meeting:
    """The signed minutes (PDF); they become the dossier's minutes of the bloc's proposals."""
    validate_pdf(upload)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.minutes_file.save(upload.name, upload, save=False)
    meeting.save(update_fields=["minutes_file"])
    audit_record(actor=actor, action="meetings.minutes.attached", obj=meeting, data={"sha256": sha256_of(upload)})
    return meeting
