"""Reads of the award history: the province-wide search, scoped to what the user may see,
and the awards of one person or unit (their pages' panels). Queries are constant in the
number of rows: every list selects its relations in one go."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from blocs.access import visible_units
from blocs.models import Person, Unit, User
from blocs.text import fold

from ..models import AwardRecord

RELATED = ("person__unit", "unit", "household", "unit_at_award", "title", "decision", "revoked_by")


def visible_records(user: User) -> QuerySet[AwardRecord]:
    """Interior staff, council and admins: all. A unit officer: the unit's people and the
    unit; the lead of a bloc this year: also its members' people and the members."""
    qs = AwardRecord.objects.all()
    if user.sees_province:
        return qs
    units = visible_units(user).values("pk")
    return qs.filter(Q(person__unit__in=units) | Q(unit__in=units) | Q(household__commune__in=units))


def history_search(
    *, user: User, q: str = "", unit: str = "", title: str = "", year: str = "", number: str = "",
    revoked: str = "",
) -> QuerySet[AwardRecord]:
    """The user's visible records matching the filters (names without diacritics match)."""
    qs = visible_records(user)
    if q:
        folded = fold(q)
        qs = qs.filter(
            Q(person__search_text__contains=folded)
            | Q(unit__search_text__contains=folded)
            | Q(household__head_name__icontains=q)
        )
    if unit.isdigit():
        qs = qs.filter(Q(person__unit_id=unit) | Q(unit_id=unit) | Q(unit_at_award_id=unit))
    if title.isdigit():
        qs = qs.filter(title_id=title)
    if year.isdigit():
        qs = qs.filter(year=int(year))
    if number:
        qs = qs.filter(decision_number__icontains=number.strip())
    if revoked == "an":
        qs = qs.filter(revoked_by__isnull=True)
    return qs.select_related(*RELATED).order_by("-year", "title__position", "pk")


def person_awards(person: Person) -> list[AwardRecord]:
    return list(AwardRecord.objects.filter(person=person).select_related(*RELATED).order_by("-year", "pk"))


def unit_awards(unit: Unit) -> list[AwardRecord]:
    """The unit's own awards, and those of its predecessors (history follows the successor)."""
    units = [unit.pk, *unit.predecessors.values_list("pk", flat=True)]
    return list(AwardRecord.objects.filter(unit__in=units).select_related(*RELATED).order_by("-year", "pk"))
