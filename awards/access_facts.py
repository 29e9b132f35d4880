"""Who may see and change rule sets and the facts the eligibility rules read.

- Rule sets are the law and the province's parameters: every logged-in user reads them;
  only admins change them, in the Django admin (interior staff see them there, read-only).
- Ratings and initiatives are entered by a unit's officers for the unit itself and for the
  people employed there in the year concerned; interior staff (and admins) enter them for
  everyone; council members read everything.
- Discipline and holds come from official documents: only interior staff (and admins)
  enter them; a unit's officers read those of their own people and unit.
- A bloc's year-end ranking is read by whoever sees the bloc that year (its members'
  officers included) and recorded by interior staff, admins and the officers of the unit
  leading the bloc that year (derived from the membership, as in ``blocs.access``).
Outside one's sight the answer is 404; visible but not allowed, 403.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from blocs.access import (
    can_manage_bloc,
    get_bloc_for_user,
    get_or_404,
    get_unit_for_user,
    visible_blocs,
)
from blocs.models import Employment, Person

from .models import Discipline, Hold, Initiative, RuleSet

if TYPE_CHECKING:
    from blocs.models import Bloc, Unit, User


def visible_rule_sets(user: User) -> QuerySet[RuleSet]:
    return RuleSet.objects.all()


def get_rule_set_for_user(user: User, pk: int) -> RuleSet:
    return get_or_404(visible_rule_sets(user), pk)


# --- People of a unit in a year ------------------------------------------------------------


def employed_in(unit_id: int, year: int) -> QuerySet[Employment]:
    """Stretches of work in *unit_id* that overlap the calendar *year*."""
    return Employment.objects.filter(unit_id=unit_id).filter(
        Q(start__isnull=True) | Q(start__lte=datetime.date(year, 12, 31)),
        Q(end__isnull=True) | Q(end__gte=datetime.date(year, 1, 1)),
    )


def people_of_unit_year(unit_id: int, year: int) -> QuerySet[Person]:
    """People employed in the unit at some point of *year*, by name."""
    return Person.objects.filter(pk__in=employed_in(unit_id, year).values("person_id")).order_by(
        "search_text", "pk"
    )


def own_people(user: User) -> QuerySet[Person]:
    """People who work or worked in the officer's unit (its officers keep their history)."""
    return Person.objects.filter(
        Q(unit_id=user.unit_id) | Q(pk__in=Employment.objects.filter(unit_id=user.unit_id).values("person_id"))
    )


def _subject_scope(user: User) -> Q | None:
    """A filter on rows naming a person or a unit; None for the whole province."""
    if user.sees_province:
        return None
    if not user.unit_id:
        return Q(pk__in=[])
    return Q(person__in=own_people(user).values("pk")) | Q(unit_id=user.unit_id)


# --- Ratings -----------------------------------------------------------------------------


def can_write_facts_of_unit(user: User, unit: Unit) -> bool:
    """Ratings and initiatives of *unit* and its people."""
    return user.manages_province or (user.is_unit_officer and unit.pk == user.unit_id)


def get_rating_unit_for_user(user: User, pk: int, year: int, *, write: bool = False) -> Unit:
    """The unit whose ratings for *year* are shown: seen as in ``blocs.access``."""
    unit = get_unit_for_user(user, pk, year=year)
    if write and not can_write_facts_of_unit(user, unit):
        raise PermissionDenied
    return unit


# --- Initiatives -------------------------------------------------------------------------


def visible_initiatives(user: User) -> QuerySet[Initiative]:
    qs = Initiative.objects.all()
    if user.sees_province:
        return qs
    if not user.unit_id:
        return qs.none()
    authored = Initiative.authors.through.objects.filter(person__in=own_people(user).values("pk"))
    return qs.filter(Q(unit_id=user.unit_id) | Q(pk__in=authored.values("initiative_id")))


def get_initiative_for_user(user: User, pk: int, *, write: bool = False) -> Initiative:
    initiative = get_or_404(visible_initiatives(user).select_related("unit"), pk)
    if write and not can_write_facts_of_unit(user, initiative.unit):
        raise PermissionDenied
    return initiative


def can_add_initiatives(user: User) -> bool:
    return user.manages_province or (user.is_unit_officer and bool(user.unit_id))


# --- Discipline and holds (interior staff only) --------------------------------------------


def can_write_official_facts(user: User) -> bool:
    return user.manages_province


def visible_disciplines(user: User) -> QuerySet[Discipline]:
    qs = Discipline.objects.all()
    if user.sees_province:
        return qs
    return qs.filter(person__in=own_people(user).values("pk")) if user.unit_id else qs.none()


def get_discipline_for_user(user: User, pk: int, *, write: bool = False) -> Discipline:
    discipline = get_or_404(visible_disciplines(user).select_related("person"), pk)
    if write and not can_write_official_facts(user):
        raise PermissionDenied
    return discipline


def visible_holds(user: User) -> QuerySet[Hold]:
    scope = _subject_scope(user)
    qs = Hold.objects.all()
    return qs if scope is None else qs.filter(scope)


def get_hold_for_user(user: User, pk: int, *, write: bool = False) -> Hold:
    hold = get_or_404(visible_holds(user).select_related("person", "unit"), pk)
    if write and not can_write_official_facts(user):
        raise PermissionDenied
    return hold


def can_read_facts_of_person(user: User, person: Person) -> bool:
    if user.sees_province:
        return True
    return bool(user.unit_id) and own_people(user).filter(pk=person.pk).exists()


# --- Bloc rankings -----------------------------------------------------------------------


def visible_ranking_blocs(user: User, year: int) -> QuerySet[Bloc]:
    """Blocs whose ranking of *year* the user reads: those seen in that year."""
    return visible_blocs(user, year)


def can_record_bloc_ranking(user: User, bloc: Bloc, year: int) -> bool:
    return user.is_authenticated and can_manage_bloc(user, bloc, year)


def get_ranking_bloc_for_user(user: User, pk: int, year: int, *, write: bool = False) -> Bloc:
    bloc = get_bloc_for_user(user, pk, year=year)
    if write and not can_record_bloc_ranking(user, bloc, year):
        raise PermissionDenied
    return bloc
