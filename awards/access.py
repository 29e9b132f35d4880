"""Who may see and change the awards app's objects; built on ``blocs.access``.

- The catalogue, registration rounds and a movement's planned awards are the province's:
  everyone reads them; interior staff (and admins) open rounds and plan awards.
- A unit's registration is read by province-wide roles, by the unit's officers and by the
  officers of the unit leading, in the round's year, a bloc the unit belongs to. It is
  written and submitted by the unit's officers (and admins).
- It is reviewed (returned, accepted) by the lead of the bloc it was submitted to, or by
  interior staff when it went straight to Sở Nội vụ; admins may do either.
- A bloc's consolidated registration is read by province-wide roles and the bloc's lead that
  year, submitted by the lead (or an admin) and acknowledged by interior staff.
Outside one's sight the answer is 404; visible but not allowed, 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from blocs.access import get_or_404, led_bloc_ids, visible_units
from blocs.models import MemberRole, Membership

from .models import (
    BlocRegistration,
    MovementAward,
    Registration,
    RegistrationRound,
    RegistrationStatus,
)

if TYPE_CHECKING:
    from blocs.models import Unit, User


# --- The province's: catalogue, rounds, planned awards ------------------------------------


def can_manage_rounds(user: User) -> bool:
    return user.manages_province


def get_round_for_user(user: User, year: int, *, write: bool = False) -> RegistrationRound:
    round_ = RegistrationRound.objects.select_related("movement").filter(year=year).first()
    if round_ is None:
        raise Http404
    if write and not can_manage_rounds(user):
        raise PermissionDenied
    return round_


def can_plan_awards(user: User) -> bool:
    return user.manages_province


def get_planned_award_for_user(user: User, pk: int, *, write: bool = False) -> MovementAward:
    award = get_or_404(MovementAward.objects.select_related("movement", "title"), pk)
    if write and not can_plan_awards(user):
        raise PermissionDenied
    return award


# --- Registrations -----------------------------------------------------------------------


def _led_in_round_year(user: User) -> QuerySet[Membership]:
    """The user's unit's lead memberships in the year of the outer query's round."""
    return Membership.objects.filter(
        unit_id=user.unit_id, role=MemberRole.LEAD, bloc_year__year=OuterRef(OuterRef("round__year"))
    ).values("bloc_year__bloc_id")


def visible_registrations(user: User) -> QuerySet[Registration]:
    """Registrations *user* may read, across every year."""
    qs = Registration.objects.all()
    if user.sees_province:
        return qs
    if not user.unit_id:
        return qs.none()
    # A member of a bloc the user's unit leads in the registration's year, whether or not
    # the registration has been submitted yet.
    in_led_bloc = Membership.objects.filter(
        unit_id=OuterRef("unit_id"),
        bloc_year__year=OuterRef("round__year"),
        bloc_year__bloc_id__in=_led_in_round_year(user),
    )
    return qs.filter(Q(unit_id=user.unit_id) | Exists(in_led_bloc))


def can_write_for_unit(user: User, unit: Unit) -> bool:
    return user.is_admin or (user.is_unit_officer and unit.pk == user.unit_id)


def can_write_registration(user: User, registration: Registration) -> bool:
    return can_write_for_unit(user, registration.unit)


def can_review_registration(user: User, registration: Registration) -> bool:
    """The reviewer is decided by where the registration was sent (a draft went nowhere)."""
    if user.is_admin:
        return True
    if registration.status == RegistrationStatus.DRAFT:
        return False
    if registration.bloc_id is None:
        return user.is_interior
    return registration.bloc_id in led_bloc_ids(user, registration.round.year)


def get_registration_for_user(
    user: User, pk: int, *, write: bool = False, review: bool = False
) -> Registration:
    registration = get_or_404(
        visible_registrations(user).select_related("round", "unit", "bloc"), pk
    )
    if write and not can_write_registration(user, registration):
        raise PermissionDenied
    if review and not can_review_registration(user, registration):
        raise PermissionDenied
    return registration


def get_unit_to_register(user: User, pk: int, year: int) -> Unit:
    """A unit the user may start a registration for in *year* (404 unseen, 403 not theirs)."""
    unit = get_or_404(visible_units(user, year), pk)
    if not can_write_for_unit(user, unit):
        raise PermissionDenied
    return unit


# --- A bloc's consolidated registration --------------------------------------------------


def visible_bloc_registrations(user: User) -> QuerySet[BlocRegistration]:
    qs = BlocRegistration.objects.all()
    if user.sees_province:
        return qs
    if not user.unit_id:
        return qs.none()
    led = Membership.objects.filter(
        unit_id=user.unit_id,
        role=MemberRole.LEAD,
        bloc_year__bloc_id=OuterRef("bloc_id"),
        bloc_year__year=OuterRef("round__year"),
    )
    return qs.filter(Exists(led))


def can_submit_bloc_registration(user: User, bloc_registration: BlocRegistration) -> bool:
    if user.is_admin:
        return True
    return bloc_registration.bloc_id in led_bloc_ids(user, bloc_registration.round.year)


def can_acknowledge(user: User) -> bool:
    return user.manages_province


def get_bloc_registration_for_user(
    user: User, pk: int, *, submit: bool = False, acknowledge: bool = False
) -> BlocRegistration:
    bloc_registration = get_or_404(
        visible_bloc_registrations(user).select_related("round", "bloc"), pk
    )
    if submit and not can_submit_bloc_registration(user, bloc_registration):
        raise PermissionDenied
    if acknowledge and not can_acknowledge(user):
        raise PermissionDenied
    return bloc_registration


def can_export_province(user: User) -> bool:
    return user.sees_province

