"""A bloc's consolidated registration: the lead sends it to Sở Nội vụ, which acknowledges it.

The lead may send it once no member's registration waits for review; members without an
accepted registration are allowed but must be named by the lead, and are kept with it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.models import Membership, Unit, User
from blocs.text import nfc

from ..models import BlocRegistration, BlocRegistrationStatus, Registration, RegistrationStatus
from .common import audit, moment


def missing_members(bloc_registration: BlocRegistration) -> list[Unit]:
    """Member units of the bloc that year with no registration accepted into it."""
    accepted = Registration.objects.filter(
        round_id=bloc_registration.round_id,
        bloc_id=bloc_registration.bloc_id,
        status=RegistrationStatus.ACCEPTED,
    ).values("unit_id")
    members = Membership.objects.filter(
        bloc_year__bloc_id=bloc_registration.bloc_id,
        bloc_year__year=bloc_registration.round.year,
    ).values("unit_id")
    return list(Unit.objects.filter(pk__in=members).exclude(pk__in=accepted).order_by("name"))


def _names(units: Iterable[Unit]) -> str:
    return ", ".join(unit.name for unit in units)


def _check_missing_confirmed(missing: list[Unit], confirmed: Iterable[Unit]) -> None:
    if {u.pk for u in missing} == {u.pk for u in confirmed}:
        return
    if not missing:
        message = _("Mọi đơn vị thành viên đã có bản đăng ký được tiếp nhận; bỏ chọn các đơn vị.")
    else:
        message = _(
            "Hãy đánh dấu xác nhận đúng các đơn vị chưa có bản đăng ký được tiếp nhận: %(u)s."
        ) % {"u": _names(missing)}
    raise ValidationError({"missing_units": message})


@transaction.atomic
def bloc_registration_submit(
    *,
    actor: User | None,
    bloc_registration: BlocRegistration,
    missing_units: Iterable[Unit] = (),
    comment: str = "",
    at: datetime.datetime | None = None,
) -> BlocRegistration:
    """Send the bloc's consolidated registration to Sở Nội vụ, naming who is missing."""
    consolidated = (
        BlocRegistration.objects.select_for_update(of=("self",))
        .select_related("round", "bloc")
        .get(pk=bloc_registration.pk)
    )
    if consolidated.status != BlocRegistrationStatus.DRAFT:
        raise ValidationError(_("Bảng tổng hợp đã được gửi Sở Nội vụ."))
    pending = Registration.objects.filter(
        round_id=consolidated.round_id, bloc_id=consolidated.bloc_id,
        status=RegistrationStatus.SUBMITTED,
    ).select_related("unit").order_by("unit__name")
    if pending:
        raise ValidationError(
            _("Còn %(n)s bản đăng ký chờ xem xét (%(u)s): hãy tiếp nhận hoặc trả lại trước khi gửi.")
            % {"n": len(pending), "u": _names(r.unit for r in pending)}
        )
    missing = missing_members(consolidated)
    _check_missing_confirmed(missing, missing_units)
    when = moment(at)
    consolidated.status = BlocRegistrationStatus.SUBMITTED
    consolidated.submitted_at, consolidated.submitted_by = when, actor
    consolidated.is_late = consolidated.round.is_late(when, consolidated=True)
    consolidated.comment = nfc(comment)
    consolidated.full_clean()
    consolidated.save()
    consolidated.missing_units.set(missing)
    audit(actor=actor, action="awards.bloc_registration.submitted", obj=consolidated, at=at,
          from_state=BlocRegistrationStatus.DRAFT, to_state=consolidated.status,
          data={"missing": [u.pk for u in missing], "late": consolidated.is_late,
                "comment": consolidated.comment})
    return consolidated


@transaction.atomic
def bloc_registration_acknowledge(
    *,
    actor: User | None,
    bloc_registration: BlocRegistration,
    comment: str = "",
    at: datetime.datetime | None = None,
) -> BlocRegistration:
    """Sở Nội vụ records that it received the bloc's consolidated registration."""
    consolidated = BlocRegistration.objects.select_for_update().get(pk=bloc_registration.pk)
    if consolidated.status == BlocRegistrationStatus.DRAFT:
        raise ValidationError(_("Khối chưa gửi bảng tổng hợp đăng ký."))
    if consolidated.status == BlocRegistrationStatus.ACKNOWLEDGED:
        raise ValidationError(_("Sở Nội vụ đã tiếp nhận bảng tổng hợp này."))
    consolidated.status = BlocRegistrationStatus.ACKNOWLEDGED
    consolidated.acknowledged_at, consolidated.acknowledged_by = moment(at), actor
    consolidated.full_clean()
    consolidated.save()
    audit(actor=actor, action="awards.bloc_registration.acknowledged", obj=consolidated, at=at,
          from_state=BlocRegistrationStatus.SUBMITTED, to_state=consolidated.status,
          data={"comment": nfc(comment)})
    return consolidated
