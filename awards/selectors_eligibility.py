"""Reads of the "Xét điều kiện" screen: the people or collectives a user may see, filtered,
each with the engine's verdict. A fixed number of queries whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from blocs.access import visible_people, visible_units
from blocs.models import Membership, Person, Unit, User
from blocs.text import fold

from .eligibility import Verdict, evaluate_people, evaluate_units
from .forms_eligibility import COLLECTIVES


@dataclass
class Row:
    subject: Person | Unit
    unit: Unit | None
    verdict: Verdict

    @property
    def name(self) -> str:
        return self.subject.full_name if isinstance(self.subject, Person) else self.subject.name


def _in_bloc(bloc, year: int) -> QuerySet:
    return Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year).values("unit_id")


def scoped_subjects(*, user: User, filters: dict) -> QuerySet:
    """The people (or units) the user sees in the year, narrowed by the filters."""
    year, unit, bloc, q = (
        filters["nam"],
        filters.get("don_vi"),
        filters.get("khoi"),
        filters.get("q"),
    )
    if filters["doi_tuong"] == COLLECTIVES:
        qs = visible_units(user, year).filter(
            Q(active_to__isnull=True) | Q(active_to__year__gte=year)
        )
        if unit:
            qs = qs.filter(pk=unit.pk)
        if bloc:
            qs = qs.filter(pk__in=_in_bloc(bloc, year))
        if q:
            qs = qs.filter(search_text__contains=fold(q))
        return qs.order_by("name", "pk")
    qs = visible_people(user, year).select_related("unit")
    if unit:
        qs = qs.filter(unit=unit)
    if bloc:
        qs = qs.filter(unit__in=_in_bloc(bloc, year))
    if q:
        qs = qs.filter(search_text__contains=fold(q))
    return qs.order_by("full_name", "pk")


def eligibility_rows(*, user: User, filters: dict) -> list[Row]:
    """One row per subject with its verdict, filtered by result when asked."""
    title, year = filters["danh_hieu"], filters["nam"]
    subjects = scoped_subjects(user=user, filters=filters)
    if filters["doi_tuong"] == COLLECTIVES:
        # The queryset goes in whole: the engine uses it as a sub-query, not a list of ids.
        verdicts = evaluate_units(title=title, year=year, units=subjects)
        rows = [Row(u, None, verdicts[u.pk]) for u in subjects]
    else:
        verdicts = evaluate_people(title=title, year=year, people=subjects)
        rows = [Row(p, p.unit, verdicts[p.pk]) for p in subjects]
    wanted = filters.get("ket_qua")
    if wanted:
        rows = [r for r in rows if r.verdict.status == wanted]
    return rows


def counts(rows: list[Row]) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in rows:
        found[row.verdict.status] = found.get(row.verdict.status, 0) + 1
    return found
