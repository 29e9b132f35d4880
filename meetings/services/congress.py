"""The patriotic emulation congress: the congress itself and the meetings that belong to it,
its steering committee and subcommittees with their tasks, the delegates allocated by unit,
the exemplary models to honour and the documents issued for it.

Only interior staff and admins change any of it (*actor* None is the demo or a command).
Allocations that do not add up to the planned number of delegates are saved with a
warning, not refused: the list is usually finished in several passes."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardRecord
from blocs.audit import audit_record
from blocs.models import Person, Unit, User
from blocs.text import nfc
from blocs.uploads import sha256_of, validate_pdf
from movements.services.common import save_checked

from ..models import (
    CommitteeRole,
    Congress,
    CongressDocument,
    DelegateQuota,
    ExemplaryModel,
    Meeting,
    MeetingKind,
    SteeringMember,
    Subcommittee,
    SubcommitteeTask,
)

CONGRESS_MEETING_KINDS = (MeetingKind.STEERING, MeetingKind.CONGRESS, MeetingKind.OTHER)


def check_manager(actor: User | None) -> None:
    """Interior staff and admins only; None is the demo or a command."""
    if actor is not None and not actor.manages_province:
        raise PermissionDenied


def default_title(ordinal: str, year: int) -> str:
    return _("Đại hội Thi đua yêu nước lần thứ %(n)s (%(a)s - %(b)s)") % {"n": ordinal, "a": year, "b": year + 5}


# --- The congress and its meetings ---------------------------------------------------------


@transaction.atomic
def congress_save(*, actor: User | None, congress: Congress) -> Congress:
    """Create or update *congress*. The ordinal may be typed as "lần thứ V" or "v"; an
    empty title becomes "Đại hội Thi đua yêu nước lần thứ V (2020 - 2025)"."""
    check_manager(actor)
    creating = congress.pk is None
    ordinal = nfc(congress.ordinal or "")
    if ordinal.lower().startswith("lần thứ"):
        ordinal = ordinal[len("lần thứ"):]
    congress.ordinal = ordinal.strip().upper()
    if congress.held_on and not congress.year:
        congress.year = congress.held_on.year
    if not nfc(congress.title or "") and congress.ordinal and congress.year:
        congress.title = default_title(congress.ordinal, congress.year)
    if creating:
        congress.created_by = actor
    save_checked(congress, exclude=("created_by",))
    audit_record(actor=actor, action="meetings.congress.created" if creating else "meetings.congress.updated",
                 obj=congress)
    return congress


@transaction.atomic
def congress_link_meeting(*, actor: User | None, congress: Congress, meeting: Meeting | None = None,
                          unlink: Meeting | None = None) -> Meeting:
    """Make a province meeting (the steering committee's, or the congress session) a
    meeting of *congress*; ``unlink=meeting`` detaches it again."""
    check_manager(actor)
    target = meeting or unlink
    if target is None:
        raise ValidationError(_("Chọn hội nghị."))
    target = Meeting.objects.select_for_update().get(pk=target.pk)
    if unlink is not None:
        if target.congress_id != congress.pk:
            raise ValidationError(_("Hội nghị này không thuộc đại hội."))
        target.congress = None
    else:
        if target.bloc_id is not None:
            raise ValidationError(_("Chỉ hội nghị cấp tỉnh mới thuộc Đại hội Thi đua yêu nước của tỉnh."))
        if target.kind not in CONGRESS_MEETING_KINDS:
            raise ValidationError(_("Chỉ họp Ban Chỉ đạo, phiên Đại hội hoặc cuộc họp khác mới gắn với đại hội."))
        if target.congress_id not in (None, congress.pk):
            raise ValidationError(_("Hội nghị đã thuộc đại hội khác."))
        target.congress = congress
    target.save(update_fields=["congress"])
    audit_record(actor=actor, action="meetings.congress.meeting_unlinked" if unlink else "meetings.congress.meeting_linked",
                 obj=congress, data={"meeting": target.pk})
    return target


# --- Steering committee and subcommittees ---------------------------------------------------


@transaction.atomic
def committee_member_add(*, actor: User | None, congress: Congress, person: Person | None = None,
                         full_name: str = "", position: str = "", role: int = CommitteeRole.MEMBER,
                         duties: str = "") -> SteeringMember:
    """Add a member to the steering committee: a person of the register (name and position
    taken from it unless given) or a name typed in."""
    check_manager(actor)
    name = nfc(full_name or (person.full_name if person else ""))
    if not name:
        raise ValidationError({"full_name": _("Chọn cán bộ hoặc ghi họ và tên.")})
    member = SteeringMember(congress=congress, person=person, full_name=name,
                            position=nfc(position or (person.position if person else "")), role=role,
                            duties=nfc(duties))
    save_checked(member)
    audit_record(actor=actor, action="meetings.congress.member_added", obj=congress,
                 data={"member": member.pk, "role": int(role)})
    return member


@transaction.atomic
def committee_member_remove(*, actor: User | None, member: SteeringMember) -> None:
    check_manager(actor)
    congress = member.congress
    data = {"member": member.pk, "name": member.full_name}
    member.delete()
    audit_record(actor=actor, action="meetings.congress.member_removed", obj=congress, data=data)


@transaction.atomic
def subcommittee_save(*, actor: User | None, subcommittee: Subcommittee) -> Subcommittee:
    """Create or update a subcommittee; its head is a member of the same steering committee."""
    check_manager(actor)
    creating = subcommittee.pk is None
    if subcommittee.head_id and subcommittee.head.congress_id != subcommittee.congress_id:
        raise ValidationError({"head": _("Trưởng tiểu ban phải là thành viên Ban Chỉ đạo của Đại hội này.")})
    save_checked(subcommittee)
    audit_record(actor=actor, obj=subcommittee.congress,
                 action="meetings.congress.subcommittee_created" if creating else "meetings.congress.subcommittee_updated",
                 data={"subcommittee": subcommittee.pk})
    return subcommittee


@transaction.atomic
def task_add(*, actor: User | None, subcommittee: Subcommittee, text: str, due_on: datetime.date,
             responsible_unit: Unit | None = None, responsible_name: str = "") -> SubcommitteeTask:
    """Assign a task to *subcommittee* with its deadline and the unit in charge (of the
    register, or named in words)."""
    check_manager(actor)
    task = SubcommitteeTask(subcommittee=subcommittee, text=nfc(text or ""), due_on=due_on,
                            responsible_unit=responsible_unit,
                            responsible_name="" if responsible_unit else nfc(responsible_name or ""))
    save_checked(task, exclude=("done_by",))
    audit_record(actor=actor, action="meetings.congress.task_added", obj=subcommittee.congress,
                 data={"task": task.pk, "due_on": due_on.isoformat() if due_on else None})
    return task


@transaction.atomic
def task_done(*, actor: User | None, task: SubcommitteeTask, done_on: datetime.date | None = None) -> SubcommitteeTask:
    """Mark *task* done on *done_on* (today when not given; never a day still to come)."""
    check_manager(actor)
    task = SubcommitteeTask.objects.select_for_update().select_related("subcommittee__congress").get(pk=task.pk)
    if task.is_done:
        raise ValidationError(_("Công việc đã hoàn thành ngày %(d)s.") % {"d": f"{task.done_on:%d/%m/%Y}"})
    today = timezone.localdate()
    done_on = done_on or today
    if done_on > today:
        raise ValidationError({"done_on": _("Ngày hoàn thành chưa tới.")})
    task.done_on, task.done_by = done_on, actor if actor is not None and actor.is_authenticated else None
    task.save(update_fields=["done_on", "done_by"])
    audit_record(actor=actor, action="meetings.congress.task_done", obj=task.subcommittee.congress,
                 data={"task": task.pk, "done_on": done_on.isoformat(), "late": done_on > task.due_on})
    return task


def overdue_tasks(congress: Congress | None = None, *, today: datetime.date | None = None) -> QuerySet[SubcommitteeTask]:
    """Tasks past their deadline and not done, oldest deadline first (of one congress or all)."""
    tasks = SubcommitteeTask.objects.filter(done_on__isnull=True, due_on__lt=today or timezone.localdate())
    if congress is not None:
        tasks = tasks.filter(subcommittee__congress=congress)
    return tasks.select_related("subcommittee__congress", "responsible_unit").order_by("due_on", "pk")


# --- Delegates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotaSummary:
    total: int
    planned: int

    @property
    def difference(self) -> int:
        """Allocated minus planned: negative when seats are still to allocate."""
        return self.total - self.planned

    @property
    def warning(self) -> str:
        if self.difference > 0:
            return _("Tổng số đại biểu phân bổ (%(t)s) vượt số dự kiến (%(p)s) %(d)s người.") % {
                "t": self.total, "p": self.planned, "d": self.difference}
        if self.difference < 0:
            return _("Tổng số đại biểu phân bổ (%(t)s) còn thiếu %(d)s so với số dự kiến (%(p)s).") % {
                "t": self.total, "p": self.planned, "d": -self.difference}
        return ""


def quota_summary(congress: Congress) -> QuotaSummary:
    total = DelegateQuota.objects.filter(congress=congress).aggregate(s=Sum("delegates"))["s"] or 0
    return QuotaSummary(total=total, planned=congress.delegates_planned)


@transaction.atomic
def quota_set(*, actor: User | None, congress: Congress, quotas: Mapping[Unit, int]) -> QuotaSummary:
    """Set the number of delegates of each unit given (0 removes the unit's allocation;
    units not given keep theirs). Returns the total against the planned number: a total
    that differs is saved, and the summary's ``warning`` says by how much."""
    check_manager(actor)
    congress = Congress.objects.select_for_update().get(pk=congress.pk)
    errors = []
    for unit, count in quotas.items():
        if count is None or count < 0:
            errors.append(_("%(u)s: số đại biểu không hợp lệ.") % {"u": unit})
        elif count and not unit.is_active_on(congress.held_on):
            errors.append(_("%(u)s không hoạt động vào ngày Đại hội (%(d)s).")
                          % {"u": unit, "d": f"{congress.held_on:%d/%m/%Y}"})
    if errors:
        raise ValidationError(errors)
    existing = {q.unit_id: q for q in DelegateQuota.objects.filter(congress=congress, unit__in=list(quotas))}
    changed = {}
    for unit, count in quotas.items():
        quota = existing.get(unit.pk)
        if not count:
            if quota is not None:
                quota.delete()
                changed[unit.pk] = 0
        elif quota is None:
            DelegateQuota.objects.create(congress=congress, unit=unit, delegates=count)
            changed[unit.pk] = count
        elif quota.delegates != count:
            quota.delegates = count
            quota.save(update_fields=["delegates"])
            changed[unit.pk] = count
    summary = quota_summary(congress)
    if changed:
        audit_record(actor=actor, action="meetings.congress.quotas_set", obj=congress,
                     data={"changed": {str(k): v for k, v in changed.items()}, "total": summary.total,
                           "planned": summary.planned})
    return summary


# --- Exemplary models ----------------------------------------------------------------------


@transaction.atomic
def exemplary_add(*, actor: User | None, congress: Congress, achievement: str, proposed_by: Unit,
                  person: Person | None = None, unit: Unit | None = None, sector: str = "",
                  honoured: bool = False, award: AwardRecord | None = None) -> ExemplaryModel:
    """Put forward one person or one collective as an exemplary model, with a summary of
    its achievements; *award* links the award it received for them, if any (same subject)."""
    check_manager(actor)
    if (person is None) == (unit is None):
        raise ValidationError(_("Chọn đúng một cá nhân hoặc một tập thể."))
    if award is not None and (award.person_id != (person.pk if person else None)
                              or award.unit_id != (unit.pk if unit else None)):
        raise ValidationError({"award": _("Khen thưởng được chọn không phải của cá nhân, tập thể này.")})
    exemplar = ExemplaryModel(congress=congress, person=person, unit=unit, achievement=nfc(achievement or ""),
                              sector=nfc(sector or ""), proposed_by=proposed_by, honoured=honoured,
                              award=award, created_by=actor if actor is not None and actor.is_authenticated else None)
    save_checked(exemplar, exclude=("created_by",))
    audit_record(actor=actor, action="meetings.congress.exemplary_added", obj=congress,
                 data={"exemplar": exemplar.pk, "person": person.pk if person else None,
                       "unit": unit.pk if unit else None, "honoured": honoured})
    return exemplar


@transaction.atomic
def exemplary_honour(*, actor: User | None, exemplar: ExemplaryModel, honoured: bool = True) -> ExemplaryModel:
    """Record whether the congress honoured *exemplar* (after vetting)."""
    check_manager(actor)
    exemplar = ExemplaryModel.objects.select_for_update().get(pk=exemplar.pk)
    if exemplar.honoured != honoured:
        exemplar.honoured = honoured
        exemplar.save(update_fields=["honoured"])
        audit_record(actor=actor, action="meetings.congress.exemplary_honoured", obj=exemplar.congress,
                     data={"exemplar": exemplar.pk, "honoured": honoured})
    return exemplar


# --- Documents -----------------------------------------------------------------------------



@transaction.atomic
def document_add(*, actor: User | None, congress: Congress, title: str, issued_on: datetime.date,
                 number: str = "", issuer: str = "", upload: UploadedFile | None = None) -> CongressDocument:
    """Record a document issued for the congress; its signed copy, when given, must be a
    PDF (checked by content). A refused file records nothing."""
    check_manager(actor)
    if upload is not None:
        validate_pdf(upload)
    if issued_on and issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("Ngày ban hành chưa tới.")})
    document = CongressDocument(congress=congress, number=nfc(number or ""), title=nfc(title or ""),
                                issued_on=issued_on, issuer=nfc(issuer or ""),
                                created_by=actor if actor is not None and actor.is_authenticated else None)
    if upload is not None:
        document.original_name = nfc(upload.name)[:255]
        document.size = upload.size
        document.sha256 = sha256_of(upload)
    # Check the row before the file is written, so that a refused row leaves no file behind.
    document.full_clean(exclude=("created_by", "file"))
    if upload is not None:
        document.file.save(upload.name, upload, save=False)
    document.save()
    audit_record(actor=actor, action="meetings.congress.document_added", obj=congress,
                 data={"document": document.pk, "number": document.number, "file": bool(upload)})
    return document
