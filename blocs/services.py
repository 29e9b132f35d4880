"""Business actions on the organisation. Views, admin, commands and tasks call these."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import audit_record
from .models import (
    Bloc,
    BlocYear,
    Employment,
    MemberRole,
    Membership,
    Person,
    TransferRequest,
    TransferStatus,
    Unit,
    User,
)
from .text import nfc_fields

# --- Units -------------------------------------------------------------------------------


@transaction.atomic
def unit_save(*, actor: User, unit: Unit) -> Unit:
    """Create or update a unit after validating it."""
    created = unit.pk is None
    nfc_fields(unit)
    unit.full_clean()
    unit.save()
    audit_record(actor=actor, action="blocs.unit.created" if created else "blocs.unit.updated", obj=unit)
    return unit


@transaction.atomic
def unit_dissolve(
    *, actor: User, unit: Unit, on: datetime.date, successors: Iterable[Unit] = ()
) -> Unit:
    """Dissolve *unit* on *on* (its last day) and name its successors.

    Its memberships and awards stay where they are; history is found through the
    successors' ``predecessors`` (see selectors.unit_lineage_ids).
    """
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    # Read the successors again under lock: the caller's copies may be stale.
    successors = list(Unit.objects.select_for_update().filter(pk__in=[s.pk for s in successors]))
    if unit.active_to is not None:
        raise ValidationError(_("Đơn vị đã giải thể ngày %(d)s.") % {"d": unit.active_to.strftime("%d/%m/%Y")})
    if unit.active_from and on < unit.active_from:
        raise ValidationError(_("Ngày giải thể phải sau ngày bắt đầu hoạt động."))
    if any(s.pk == unit.pk for s in successors):
        raise ValidationError(_("Đơn vị không thể kế thừa chính nó."))
    inactive = [s.name for s in successors if not s.is_active_on(on + datetime.timedelta(days=1))]
    if inactive:
        raise ValidationError(
            _("Đơn vị kế thừa phải còn hoạt động sau ngày giải thể: %(names)s.")
            % {"names": ", ".join(inactive)}
        )
    later = Membership.objects.filter(unit=unit, bloc_year__year__gt=on.year)
    if later.exists():
        raise ValidationError(
            _("Đơn vị còn là thành viên khối trong năm %(y)s; hãy rút khỏi khối trước khi giải thể.")
            % {"y": later.order_by("bloc_year__year").first().bloc_year.year}
        )
    unit.active_to = on
    unit.full_clean()
    unit.save(update_fields=["active_to", "search_text"])
    unit.successors.add(*successors)
    audit_record(
        actor=actor,
        action="blocs.unit.dissolved",
        obj=unit,
        from_state="active",
        to_state="dissolved",
        data={"on": on.isoformat(), "successors": [s.pk for s in successors]},
    )
    return unit


# --- Blocs and memberships ---------------------------------------------------------------


@transaction.atomic
def bloc_save(*, actor: User, bloc: Bloc) -> Bloc:
    created = bloc.pk is None
    if not created and bloc.active_to:
        later = BlocYear.objects.filter(bloc=bloc, year__gt=bloc.active_to.year, memberships__isnull=False)
        if later.exists():
            raise ValidationError(
                {"active_to": _("Khối còn thành viên trong năm %(y)s, sau ngày giải thể.")
                 % {"y": later.order_by("year").first().year}}
            )
    nfc_fields(bloc)
    bloc.full_clean()
    bloc.save()
    audit_record(actor=actor, action="blocs.bloc.created" if created else "blocs.bloc.updated", obj=bloc)
    return bloc


def bloc_year_get_or_create(*, bloc: Bloc, year: int) -> BlocYear:
    if not bloc.is_active_in_year(year):
        raise ValidationError(_("Khối không hoạt động trong năm %(y)s.") % {"y": year})
    bloc_year, _created = BlocYear.objects.get_or_create(bloc=bloc, year=year)
    return bloc_year


def _locked_bloc_year(bloc: Bloc, year: int) -> BlocYear:
    # Lock the bloc-year so that two officers editing the roster at once cannot both add a lead.
    bloc_year = bloc_year_get_or_create(bloc=bloc, year=year)
    return BlocYear.objects.select_for_update().select_related("bloc").get(pk=bloc_year.pk)


def _check_lead_source(role: str, lead_source: str) -> str:
    return lead_source if role != MemberRole.MEMBER else ""


@transaction.atomic
def membership_add(
    *,
    actor: User,
    bloc: Bloc,
    year: int,
    unit: Unit,
    role: str = MemberRole.MEMBER,
    lead_source: str = "",
    source_note: str = "",
) -> Membership:
    """Add *unit* to *bloc* for *year* with *role*."""
    bloc_year = _locked_bloc_year(bloc, year)
    # The stored unit, locked: a dissolution committed meanwhile must be seen by clean().
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    membership = Membership(
        bloc_year=bloc_year,
        unit=unit,
        role=role,
        lead_source=_check_lead_source(role, lead_source),
        source_note=source_note,
    )
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        action="blocs.membership.added",
        obj=membership,
        to_state=role,
        data={"bloc": bloc.pk, "year": year, "unit": unit.pk},
    )
    return membership


@transaction.atomic
def membership_set_role(
    *,
    actor: User,
    membership: Membership,
    role: str,
    lead_source: str = "",
    source_note: str = "",
) -> Membership:
    """Change a member's role. Making a unit lead hands the lead over: the old lead
    becomes a plain member in the same transaction, so a confirmed year never has two
    leads or none."""
    bloc_year = BlocYear.objects.select_for_update().select_related("bloc").get(
        pk=membership.bloc_year_id
    )
    membership = Membership.objects.select_related("unit").get(pk=membership.pk)
    membership.bloc_year = bloc_year
    old_role = membership.role
    if old_role == MemberRole.LEAD and role != MemberRole.LEAD and bloc_year.is_confirmed:
        raise ValidationError(
            _("Năm %(y)s đã được xác nhận: hãy chọn trưởng khối mới thay vì bỏ trưởng khối.")
            % {"y": bloc_year.year}
        )
    if role == MemberRole.LEAD and old_role != MemberRole.LEAD:
        previous = bloc_year.memberships.filter(role=MemberRole.LEAD).first()
        if previous:
            previous.role, previous.lead_source = MemberRole.MEMBER, ""
            previous.save(update_fields=["role", "lead_source"])
            audit_record(
                actor=actor,
                action="blocs.membership.role_changed",
                obj=previous,
                from_state=MemberRole.LEAD,
                to_state=MemberRole.MEMBER,
            )
    membership.role = role
    membership.lead_source = _check_lead_source(role, lead_source)
    if source_note:
        membership.source_note = source_note
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        action="blocs.membership.role_changed",
        obj=membership,
        from_state=old_role,
        to_state=role,
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    bloc_year = BlocYear.objects.select_for_update().get(pk=membership.bloc_year_id)
    membership = Membership.objects.select_related("unit").get(pk=membership.pk)
    if membership.role == MemberRole.LEAD and bloc_year.is_confirmed:
        raise ValidationError(
            _("Không thể rút trưởng khối khỏi năm đã xác nhận; hãy chọn trưởng khối khác trước.")
        )
    audit_record(
        actor=actor,
        action="blocs.membership.removed",
        obj=membership,
        from_state=membership.role,
        data={"bloc": bloc_year.bloc_id, "year": bloc_year.year, "unit": membership.unit_id},
    )
    membership.delete()


@dataclass
class CopyResult:
    copied: list[Membership] = field(default_factory=list)
    skipped: list[tuple[Unit, str]] = field(default_factory=list)


@transaction.atomic
def bloc_copy_previous_year(*, actor: User, bloc: Bloc, year: int) -> CopyResult:
    """Copy last year's members into *year* as plain members.

    Roles are not copied: the lead and deputy are appointed or voted each year. Units
    already in the bloc, dissolved, or in another provincial bloc that year are skipped
    with the reason.
    """
    bloc_year = _locked_bloc_year(bloc, year)
    previous = (
        Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year - 1)
        .select_related("unit")
        .order_by("unit__name")
    )
    result = CopyResult()
    if not previous:
        raise ValidationError(_("Năm %(y)s khối chưa có thành viên để sao chép.") % {"y": year - 1})
    present = set(bloc_year.memberships.values_list("unit_id", flat=True))
    for old in previous:
        if old.unit_id in present:
            continue
        membership = Membership(bloc_year=bloc_year, unit=old.unit, role=MemberRole.MEMBER)
        try:
            membership.full_clean()
        except ValidationError as error:
            result.skipped.append((old.unit, "; ".join(error.messages)))
            continue
        membership.save()
        result.copied.append(membership)
    audit_record(
        actor=actor,
        action="blocs.bloc.members_copied",
        obj=bloc,
        data={"year": year, "copied": [m.unit_id for m in result.copied]},
    )
    return result


@transaction.atomic
def bloc_year_confirm(*, actor: User, bloc: Bloc, year: int) -> BlocYear:
    """Confirm a bloc's roster for *year*: from now on it has exactly one lead."""
    bloc_year = _locked_bloc_year(bloc, year)
    if bloc_year.is_confirmed:
        raise ValidationError(_("Danh sách năm %(y)s đã được xác nhận.") % {"y": year})
    leads = bloc_year.memberships.filter(role=MemberRole.LEAD).count()
    if leads != 1:
        raise ValidationError(
            _("Cần đúng một trưởng khối để xác nhận danh sách năm %(y)s (hiện có %(n)s).")
            % {"y": year, "n": leads}
        )
    bloc_year.confirmed_at = timezone.now()
    bloc_year.confirmed_by = actor
    bloc_year.save(update_fields=["confirmed_at", "confirmed_by"])
    audit_record(actor=actor, action="blocs.bloc_year.confirmed", obj=bloc_year, to_state="confirmed")
    return bloc_year


# --- People ------------------------------------------------------------------------------


@transaction.atomic
def person_save(*, actor: User, person: Person) -> Person:
    """Create or update a person; a new person starts an employment in their unit."""
    created = person.pk is None
    if not created:
        old_unit_id = Person.objects.values_list("unit_id", flat=True).get(pk=person.pk)
        if old_unit_id != person.unit_id:
            raise ValidationError(_("Chuyển đơn vị phải qua đề nghị chuyển đơn vị."))
    nfc_fields(person)
    person.full_clean()
    person.save()
    if created:
        Employment.objects.create(
            person=person, unit=person.unit, position=person.position, start=person.recruited_on
        )
    audit_record(
        actor=actor, action="blocs.person.created" if created else "blocs.person.updated", obj=person
    )
    return person


@transaction.atomic
def person_move(
    *, actor: User, person: Person, to_unit: Unit, on: datetime.date, position: str = ""
) -> Person:
    """Move *person* to *to_unit* from *on*: close the open employment, open a new one."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if to_unit.pk == person.unit_id:
        raise ValidationError(_("Cá nhân đang công tác tại đơn vị này."))
    if not to_unit.is_active_on(on):
        raise ValidationError(_("Đơn vị %(u)s không hoạt động vào ngày chuyển.") % {"u": to_unit})
    current = Employment.objects.filter(person=person, end__isnull=True).first()
    if current:
        if current.start and on <= current.start:
            raise ValidationError(_("Ngày chuyển phải sau ngày bắt đầu công tác ở đơn vị hiện tại."))
        current.end = on - datetime.timedelta(days=1)
        current.save(update_fields=["end"])
    from_unit_id = person.unit_id
    person.unit = to_unit
    if position:
        person.position = position
    person.save(update_fields=["unit", "position", "search_text"])
    Employment.objects.create(person=person, unit=to_unit, position=person.position, start=on)
    audit_record(
        actor=actor,
        action="blocs.person.moved",
        obj=person,
        from_state=str(from_unit_id),
        to_state=str(to_unit.pk),
        data={"on": on.isoformat()},
    )
    return person


@transaction.atomic
def transfer_request(
    *,
    actor: User,
    person: Person,
    to_unit: Unit,
    effective_on: datetime.date,
    new_position: str = "",
    reason: str = "",
) -> TransferRequest:
    """A unit officer asks interior staff to move one of their people to another unit."""
    if to_unit.pk == person.unit_id:
        raise ValidationError({"to_unit": _("Cá nhân đang công tác tại đơn vị này.")})
    if not to_unit.is_active_on(effective_on):
        raise ValidationError({"to_unit": _("Đơn vị nhận không hoạt động vào ngày chuyển.")})
    transfer = TransferRequest(
        person=person,
        from_unit_id=person.unit_id,
        to_unit=to_unit,
        effective_on=effective_on,
        new_position=new_position,
        reason=reason,
        requested_by=actor,
    )
    transfer.full_clean()
    transfer.save()
    audit_record(actor=actor, action="blocs.transfer.requested", obj=transfer, to_state=transfer.status)
    return transfer


def _decide(transfer: TransferRequest, actor: User, status: str, note: str) -> TransferRequest:
    transfer = TransferRequest.objects.select_for_update().get(pk=transfer.pk)
    if transfer.status != TransferStatus.PENDING:
        raise ValidationError(_("Đề nghị này đã được xử lý."))
    transfer.status, transfer.decision_note = status, note
    transfer.decided_by, transfer.decided_at = actor, timezone.now()
    transfer.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    return transfer


@transaction.atomic
def transfer_approve(*, actor: User, transfer: TransferRequest, note: str = "") -> TransferRequest:
    transfer = _decide(transfer, actor, TransferStatus.APPROVED, note)
    person_move(
        actor=actor,
        person=transfer.person,
        to_unit=transfer.to_unit,
        on=transfer.effective_on,
        position=transfer.new_position,
    )
    audit_record(
        actor=actor,
        action="blocs.transfer.approved",
        obj=transfer,
        from_state=TransferStatus.PENDING,
        to_state=TransferStatus.APPROVED,
    )
    return transfer


@transaction.atomic
def transfer_reject(*, actor: User, transfer: TransferRequest, note: str) -> TransferRequest:
    if not note.strip():
        raise ValidationError({"decision_note": _("Hãy ghi lý do từ chối.")})
    transfer = _decide(transfer, actor, TransferStatus.REJECTED, note)
    audit_record(
        actor=actor,
        action="blocs.transfer.rejected",
        obj=transfer,
        from_state=TransferStatus.PENDING,
        to_state=TransferStatus.REJECTED,
        data={"note": note},
    )
    return transfer

