"""A unit's yearly registration: written and submitted by the unit, then accepted into its
bloc's consolidated registration or returned with a comment.

Registration is management practice, not a legal basis for titles (Luật TĐKT 2022 dropped
it, Điều 7): nothing here blocks a later proposal; a missing registration is a warning there.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from blocs.models import BlocLevel, Membership, Person, Unit, UnitKind, User
from blocs.text import nfc

from ..models import (
    Beneficiary,
    BlocRegistration,
    BlocRegistrationStatus,
    Registration,
    RegistrationEntry,
    RegistrationRound,
    RegistrationStatus,
    Title,
)
from .common import audit, moment
from .rounds import ensure_bloc_registrations

Entry = tuple[Title, Person | None]

_NOT_EDITABLE = {
    RegistrationStatus.SUBMITTED: gettext_lazy(
        "Bản đăng ký đã gửi và đang chờ xem xét: không sửa được khi chưa bị trả lại."
    ),
    RegistrationStatus.ACCEPTED: gettext_lazy(
        "Bản đăng ký đã được tiếp nhận: không sửa được khi chưa bị trả lại."
    ),
}


def not_editable_reason(registration: Registration) -> str | None:
    """Why the registration cannot be changed now, or None when it can."""
    return None if registration.is_editable else str(_NOT_EDITABLE[registration.status])


def _check_editable(registration: Registration) -> None:
    reason = not_editable_reason(registration)
    if reason:
        raise ValidationError(reason)


def _entry_problem(title: Title, person: Person | None, unit: Unit) -> str | None:
    if not title.is_active:
        return _("“%(t)s” không còn áp dụng.") % {"t": title.name}
    if title.beneficiary == Beneficiary.HOUSEHOLD:
        return _("“%(t)s” dành cho hộ gia đình, không đăng ký qua cơ quan, đơn vị.") % {
            "t": title.name
        }
    if person is None and not title.for_collective:
        return _("“%(t)s” dành cho cá nhân: hãy chọn người đăng ký.") % {"t": title.name}
    if person is not None and not title.for_individual:
        return _("“%(t)s” dành cho tập thể, không đăng ký cho cá nhân (%(p)s).") % {
            "t": title.name,
            "p": person.full_name,
        }
    if person is not None and person.unit_id != unit.pk:
        return _("%(p)s không thuộc %(u)s.") % {"p": person.full_name, "u": unit.name}
    return None


def _replace_entries(registration: Registration, entries: Iterable[Entry]) -> int:
    """Check every entry, then store exactly these (each title once per subject)."""
    wanted: dict[tuple[int, int | None], RegistrationEntry] = {}
    problems: list[str] = []
    for title, person in entries:
        problem = _entry_problem(title, person, registration.unit)
        if problem:
            problems.append(problem)
            continue
        key = (title.pk, person.pk if person else None)
        wanted[key] = RegistrationEntry(registration=registration, title=title, person=person)
    if problems:
        raise ValidationError(problems)
    registration.entries.all().delete()
    RegistrationEntry.objects.bulk_create(wanted.values())
    return len(wanted)


def _check_can_register(round_: RegistrationRound, unit: Unit) -> None:
    today = timezone.localdate()
    if today < round_.opens_on:
        raise ValidationError(
            _("Đợt đăng ký năm %(y)s mở từ ngày %(d)s.")
            % {"y": round_.year, "d": round_.opens_on.strftime("%d/%m/%Y")}
        )
    if unit.kind == UnitKind.PROVINCE:
        raise ValidationError(_("Tỉnh thành viên cụm thi đua toàn quốc không đăng ký ở đây."))
    if not unit.is_active_in_year(round_.year):
        raise ValidationError(
            _("%(u)s không hoạt động trong năm %(y)s.") % {"u": unit.name, "y": round_.year}
        )


@transaction.atomic
def registration_create(
    *,
    actor: User | None,
    round_: RegistrationRound,
    unit: Unit,
    pledge_text: str = "",
    entries: Iterable[Entry] = (),
) -> Registration:
    """Start *unit*'s registration for the round's year, as a draft. One per unit and year."""
    # Lock the round: two officers of one unit starting at once must not both get through.
    round_ = RegistrationRound.objects.select_for_update().get(pk=round_.pk)
    _check_can_register(round_, unit)
    registration = Registration(
        round=round_, unit=unit, pledge_text=nfc(pledge_text), created_by=actor
    )
    registration.full_clean()
    registration.save()
    count = _replace_entries(registration, entries)
    audit(actor=actor, action="awards.registration.created", obj=registration,
          to_state=registration.status, data={"entries": count})
    return registration


def _locked(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("round", "unit", "bloc")
        .get(pk=registration.pk)
    )


@transaction.atomic
def registration_save(
    *, actor: User, registration: Registration, pledge_text: str, entries: Iterable[Entry]
) -> Registration:
    """Change a draft or returned registration: its pledge and everything it registers."""
    registration = _locked(registration)
    _check_editable(registration)
    registration.pledge_text = nfc(pledge_text)
    registration.full_clean()
    registration.save(update_fields=["pledge_text"])
    count = _replace_entries(registration, entries)
    audit(actor=actor, action="awards.registration.updated", obj=registration,
          data={"entries": count})
    return registration


def provincial_bloc_of(unit: Unit, year: int):
    """The provincial bloc *unit* belongs to in *year*, or None (it reports to Sở Nội vụ)."""
    membership = (
        Membership.objects.filter(
            unit=unit, bloc_year__year=year, bloc_year__bloc__level=BlocLevel.PROVINCIAL
        )
        .select_related("bloc_year__bloc")
        .first()
    )
    return membership.bloc_year.bloc if membership else None


def _open_consolidation(round_: RegistrationRound, bloc) -> None:
    ensure_bloc_registrations(round_, [bloc])
    consolidated = BlocRegistration.objects.select_for_update().get(round=round_, bloc=bloc)
    if consolidated.status != BlocRegistrationStatus.DRAFT:
        raise ValidationError(
            _("%(b)s đã gửi bảng tổng hợp đăng ký năm %(y)s cho Sở Nội vụ; hãy liên hệ Sở Nội vụ.")
            % {"b": bloc.name, "y": round_.year}
        )


@transaction.atomic
def registration_submit(
    *, actor: User | None, registration: Registration, at: datetime.datetime | None = None
) -> Registration:
    """Send the registration to the lead of the unit's provincial bloc that year, or to Sở
    Nội vụ when the unit is in none. Late when first sent after the round's deadline."""
    registration = _locked(registration)
    _check_editable(registration)
    if not registration.entries.exists():
        raise ValidationError(
            _("Bản đăng ký chưa có danh hiệu, hình thức nào: hãy đăng ký ít nhất một nội dung.")
        )
    round_, when = registration.round, moment(at)
    bloc = provincial_bloc_of(registration.unit, round_.year)
    if bloc is not None:
        _open_consolidation(round_, bloc)
    old_status = registration.status
    registration.bloc = bloc
    registration.status = RegistrationStatus.SUBMITTED
    registration.submitted_at, registration.submitted_by = when, actor
    if registration.first_submitted_at is None:
        registration.first_submitted_at = when
        registration.is_late = round_.is_late(when)
    registration.full_clean()
    registration.save()
    audit(actor=actor, action="awards.registration.submitted", obj=registration, at=at,
          from_state=old_status, to_state=registration.status,
          data={"bloc": bloc.pk if bloc else None, "late": registration.is_late})
    return registration


def _decide(registration: Registration, actor: User | None, status: str, when) -> str:
    old_status = registration.status
    registration.status = status
    registration.decided_at, registration.decided_by = when, actor
    return old_status


@transaction.atomic
def registration_return(
    *,
    actor: User | None,
    registration: Registration,
    comment: str,
    at: datetime.datetime | None = None,
) -> Registration:
    """Send the registration back to its unit for corrections, saying why."""
    comment = nfc(comment)
    if not comment:
        raise ValidationError({"comment": _("Hãy ghi lý do trả lại.")})
    registration = _locked(registration)
    if registration.status not in (RegistrationStatus.SUBMITTED, RegistrationStatus.ACCEPTED):
        raise ValidationError(_("Chỉ trả lại được bản đăng ký đã gửi hoặc đã tiếp nhận."))
    if registration.status == RegistrationStatus.ACCEPTED and registration.bloc_id:
        sent = BlocRegistration.objects.filter(
            round=registration.round, bloc_id=registration.bloc_id
        ).exclude(status=BlocRegistrationStatus.DRAFT)
        if sent.exists():
            raise ValidationError(
                _("Khối đã gửi bảng tổng hợp cho Sở Nội vụ: không trả lại được bản đăng ký đã tiếp nhận.")
            )
    old_status = _decide(registration, actor, RegistrationStatus.RETURNED, moment(at))
    registration.return_comment = comment
    registration.full_clean()
    registration.save()
    audit(actor=actor, action="awards.registration.returned", obj=registration, at=at,
          from_state=old_status, to_state=registration.status, data={"comment": comment})
    return registration


@transaction.atomic
def registration_accept(
    *,
    actor: User | None,
    registration: Registration,
    comment: str = "",
    at: datetime.datetime | None = None,
) -> Registration:
    """Take the registration into its bloc's consolidated registration (or Sở Nội vụ's list)."""
    registration = _locked(registration)
    if registration.status != RegistrationStatus.SUBMITTED:
        raise ValidationError(_("Chỉ tiếp nhận được bản đăng ký đang chờ xem xét."))
    old_status = _decide(registration, actor, RegistrationStatus.ACCEPTED, moment(at))
    registration.return_comment = ""
    registration.full_clean()
    registration.save()
    audit(actor=actor, action="awards.registration.accepted", obj=registration, at=at,
          from_state=old_status, to_state=registration.status, data={"comment": nfc(comment)})
    return registration
