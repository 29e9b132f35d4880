"""Scoping in one place: which units, blocs and people a user may see and change, per year.

Every view, form choice list, export and admin queryset asks here. Lists use the
``visible_*`` querysets; single objects come through ``get_*_for_user`` which answers 404
for anything outside the user's sight (never revealing that it exists) and 403 when the
user may see but not change it.

Roles:
- admin, interior staff: the whole province, read and write;
- council member: the whole province, read only;
- unit officer: their own unit (read and write) and, for a year in which their unit leads
  a bloc, that bloc and its member units and people (read). The bloc-lead right is derived
  from the membership of that year, never stored on the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from .models import Bloc, BlocYear, Job, MemberRole, Membership, Person, TransferRequest, Unit

if TYPE_CHECKING:
    from .models import User


def current_year() -> int:
    return timezone.localdate().year


def _year(year: int | None) -> int:
    return current_year() if year is None else year


def led_bloc_ids(user: User, year: int | None = None) -> set[int]:
    """Ids of the blocs the user's unit leads in *year* (empty for other roles)."""
    if not user.is_authenticated or not user.is_unit_officer or not user.unit_id:
        return set()
    cache = user.__dict__.setdefault("_led_bloc_ids", {})
    y = _year(year)
    if y not in cache:
        cache[y] = set(
            Membership.objects.filter(
                unit_id=user.unit_id, role=MemberRole.LEAD, bloc_year__year=y
            ).values_list("bloc_year__bloc_id", flat=True)
        )
    return cache[y]


def is_bloc_lead(user: User, year: int | None = None) -> bool:
    return bool(led_bloc_ids(user, year))


# --- Units -------------------------------------------------------------------------------


def visible_units(user: User, year: int | None = None) -> QuerySet[Unit]:
    """Units the user may see in *year*: own unit, plus members of blocs it leads."""
    if user.sees_province:
        return Unit.objects.all()
    if not user.unit_id:
        return Unit.objects.none()
    led = led_bloc_ids(user, year)
    if not led:
        return Unit.objects.filter(pk=user.unit_id)
    member_ids = Membership.objects.filter(
        bloc_year__bloc_id__in=led, bloc_year__year=_year(year)
    ).values("unit_id")
    return Unit.objects.filter(pk=user.unit_id) | Unit.objects.filter(pk__in=member_ids)


def editable_units(user: User) -> QuerySet[Unit]:
    if user.manages_province:
        return Unit.objects.all()
    if user.is_unit_officer and user.unit_id:
        return Unit.objects.filter(pk=user.unit_id)
    return Unit.objects.none()


def can_edit_unit(user: User, unit: Unit) -> bool:
    return user.manages_province or (user.is_unit_officer and unit.pk == user.unit_id)


def get_unit_for_user(user: User, pk: int, *, write: bool = False, year: int | None = None) -> Unit:
    unit = get_or_404(visible_units(user, year), pk)
    if write and not can_edit_unit(user, unit):
        raise PermissionDenied
    return unit


# --- Blocs -------------------------------------------------------------------------------


def visible_blocs(user: User, year: int | None = None) -> QuerySet[Bloc]:
    """Blocs the user may see: all for province-wide roles, else those their unit is in."""
    if user.sees_province:
        return Bloc.objects.all()
    if not user.unit_id:
        return Bloc.objects.none()
    # A subquery, not a join: a join on memberships here would leak into annotations made
    # on top of this queryset (a bloc's member count would count only this unit).
    member_of = Membership.objects.filter(unit_id=user.unit_id, bloc_year__year=_year(year))
    return Bloc.objects.filter(pk__in=member_of.values("bloc_year__bloc_id"))


def managed_blocs(user: User, year: int | None = None) -> QuerySet[Bloc]:
    """Blocs whose yearly work (meetings, scoring, proposals) the user runs in *year*."""
    if user.manages_province:
        return Bloc.objects.all()
    return Bloc.objects.filter(pk__in=led_bloc_ids(user, year))


def can_manage_bloc(user: User, bloc: Bloc, year: int | None = None) -> bool:
    return user.manages_province or bloc.pk in led_bloc_ids(user, year)


def can_edit_bloc_roster(user: User) -> bool:
    """Creating blocs and deciding who belongs to them is the council's, via interior staff."""
    return user.manages_province


def get_bloc_for_user(user: User, pk: int, *, write: bool = False, year: int | None = None) -> Bloc:
    bloc = get_or_404(visible_blocs(user, year), pk)
    if write and not can_edit_bloc_roster(user):
        raise PermissionDenied
    return bloc


def get_bloc_year_for_user(
    user: User, bloc_pk: int, year: int, *, write: bool = False
) -> tuple[Bloc, BlocYear | None]:
    bloc = get_bloc_for_user(user, bloc_pk, write=write, year=year)
    return bloc, BlocYear.objects.filter(bloc=bloc, year=year).first()


def get_membership_for_user(user: User, pk: int) -> Membership:
    """Memberships are changed only by interior staff and admins."""
    membership = get_or_404(
        Membership.objects.select_related("bloc_year__bloc", "unit"), pk
    )
    get_bloc_for_user(user, membership.bloc_year.bloc_id, write=True, year=membership.bloc_year.year)
    return membership


# --- People ------------------------------------------------------------------------------


def visible_people(user: User, year: int | None = None) -> QuerySet[Person]:
    if user.sees_province:
        return Person.objects.all()
    return Person.objects.filter(unit__in=visible_units(user, year).values("pk"))


def editable_people(user: User) -> QuerySet[Person]:
    return Person.objects.filter(unit__in=editable_units(user).values("pk"))


def can_edit_person(user: User, person: Person) -> bool:
    return user.manages_province or (user.is_unit_officer and person.unit_id == user.unit_id)


def get_person_for_user(
    user: User, pk: int, *, write: bool = False, year: int | None = None
) -> Person:
    person = get_or_404(visible_people(user, year).select_related("unit"), pk)
    if write and not can_edit_person(user, person):
        raise PermissionDenied
    return person


# --- Transfer requests -------------------------------------------------------------------


def visible_transfer_requests(user: User) -> QuerySet[TransferRequest]:
    qs = TransferRequest.objects.all()
    if user.sees_province:
        return qs
    if not user.unit_id:
        return qs.none()
    return qs.filter(from_unit_id=user.unit_id) | qs.filter(to_unit_id=user.unit_id)


def can_decide_transfer(user: User) -> bool:
    return user.manages_province


def get_transfer_for_user(user: User, pk: int, *, decide: bool = False) -> TransferRequest:
    transfer = get_or_404(
        visible_transfer_requests(user).select_related("person", "from_unit", "to_unit"), pk
    )
    if decide and not can_decide_transfer(user):
        raise PermissionDenied
    return transfer


# --- Background jobs ---------------------------------------------------------------------


def visible_jobs(user: User) -> QuerySet[Job]:
    """A job's file holds what its author could see: only the author (or an admin) gets it."""
    if user.is_admin:
        return Job.objects.all()
    return Job.objects.filter(created_by=user)


def get_job_for_user(user: User, pk: int) -> Job:
    return get_or_404(visible_jobs(user), pk)


def get_or_404(queryset: QuerySet, pk: int):
    """The row with *pk* in *queryset*, or 404 (the other apps' access modules use it too)."""
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404 from None
