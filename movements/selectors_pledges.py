"""Reads of the pledge, work plan and budget screens: the criteria table with its totals, the
budget sheet, the year's list of blocs, the panels. Scoped lookups of single rows are in
``movements.access``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from blocs import access as blocs_access
from blocs import selectors as blocs_selectors
from blocs.models import Bloc, Unit, User

from .models import (
    Activity,
    ActivityStatus,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    CriterionKind,
    Pledge,
)

FULL_SCORE = Decimal("100")
ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
]


def points_label(value: Decimal) -> str:
    """10.00 -> "10", 2.50 -> "2,5": points as a Vietnamese reader writes them."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def roman(n: int) -> str:
    return ROMAN[n - 1] if 0 < n <= len(ROMAN) else str(n)


def bloc_members(bloc: Bloc, year: int) -> QuerySet[Unit]:
    """The bloc's member units in *year*: the choices for signatories, hosts, contributions."""
    return Unit.objects.filter(
        memberships__bloc_year__bloc=bloc, memberships__bloc_year__year=year
    ).order_by("name")


def previous_pledge(bloc: Bloc, year: int) -> Pledge | None:
    """The pledge a new one copies from: the bloc's latest before *year* that has criteria
    (normally last year's; an earlier one when a year was skipped)."""
    return (
        Pledge.objects.filter(bloc=bloc, year__lt=year, groups__criteria__isnull=False)
        .distinct()
        .order_by("-year")
        .first()
    )


# --- The criteria table ------------------------------------------------------------------


@dataclass
class CriteriaTable:
    groups: list[CriterionGroup]
    totals: dict[str, Decimal] = field(default_factory=dict)
    count: int = 0

    @property
    def scored_total(self) -> Decimal:
        return self.totals[CriterionKind.SCORED]

    @property
    def is_full_score(self) -> bool:
        return self.scored_total == FULL_SCORE

    @property
    def labels(self) -> dict[str, str]:
        return {kind: points_label(total) for kind, total in self.totals.items()}


def criteria_table(pledge: Pledge) -> CriteriaTable:
    """Groups numbered I, II…, their criteria numbered 1, 2…, with totals per kind.

    Two queries whatever the size of the table."""
    groups = list(
        CriterionGroup.objects.filter(pledge=pledge).prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("position"), to_attr="rows")
        )
    )
    totals = {kind: Decimal("0") for kind in CriterionKind.values}
    count = 0
    for index, group in enumerate(groups, start=1):
        group.numeral = roman(index)
        group.scored_total = Decimal("0")
        for number, criterion in enumerate(group.rows, start=1):
            criterion.number = number
            criterion.points = points_label(criterion.max_points)
            totals[criterion.kind] += criterion.max_points
            if criterion.kind == CriterionKind.SCORED:
                group.scored_total += criterion.max_points
        group.scored_label = points_label(group.scored_total)
        count += len(group.rows)
    return CriteriaTable(groups=groups, totals=totals, count=count)


# --- Lists and panels --------------------------------------------------------------------


def _criteria_stat(aggregate) -> Subquery:
    rows = (
        Criterion.objects.filter(group__pledge=OuterRef("pk"))
        .order_by()
        .values("group__pledge")
        .annotate(value=aggregate)
        .values("value")
    )
    return Subquery(rows)


def year_pledges() -> QuerySet[Pledge]:
    """Pledges annotated with their criteria count, scored total and signatory count."""
    return Pledge.objects.annotate(
        criteria_count=Coalesce(_criteria_stat(Count("pk")), 0, output_field=IntegerField()),
        scored_total=_criteria_stat(Sum("max_points", filter=Q(kind=CriterionKind.SCORED))),
        signatory_count=Count("signatories"),
    )


def pledge_year_list(*, user: User, year: int) -> QuerySet[Bloc]:
    """The blocs the user sees in *year*, each with its lead, member count, and its pledge
    and budget of that year (``year_pledge`` / ``year_budget`` lists of at most one)."""
    active = (Q(active_to__isnull=True) | Q(active_to__year__gte=year)) & (
        Q(active_from__isnull=True) | Q(active_from__year__lte=year)
    )
    return (
        blocs_selectors.bloc_list(user=user, year=year)
        .filter(active)
        .prefetch_related(
            Prefetch("pledges", queryset=year_pledges().filter(year=year), to_attr="year_pledge"),
            Prefetch("budgets", queryset=Budget.objects.filter(year=year), to_attr="year_budget"),
        )
    )


def decorate_year_rows(blocs, *, user: User, year: int) -> None:
    """Give each bloc of a page of ``pledge_year_list`` its ``pledge``, ``budget`` and
    ``can_write`` (no query: the lead's blocs are cached on the user)."""
    for bloc in blocs:
        bloc.pledge = bloc.year_pledge[0] if bloc.year_pledge else None
        bloc.budget = bloc.year_budget[0] if bloc.year_budget else None
        bloc.can_write = blocs_access.can_manage_bloc(user, bloc, year)
        if bloc.pledge:
            total = bloc.pledge.scored_total or Decimal("0")
            bloc.pledge.scored_label = points_label(total)
            bloc.pledge.full_score = total == FULL_SCORE


@dataclass
class BlocYearSummary:
    pledge: Pledge | None
    budget: Budget | None
    budget_total: int
    activities: dict[str, int]
    has_previous: bool


def bloc_year_summary(*, bloc: Bloc, year: int) -> BlocYearSummary:
    """What the bloc page shows of the year's pledge, work plan and budget."""
    pledge = year_pledges().filter(bloc=bloc, year=year).first()
    budget = Budget.objects.filter(bloc=bloc, year=year).prefetch_related("lines").first()
    counts = dict(
        Activity.objects.filter(bloc=bloc, year=year)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    activities = {status: counts.get(status, 0) for status in ActivityStatus.values}
    return BlocYearSummary(
        pledge=pledge,
        budget=budget,
        budget_total=sum(line.amount for line in budget.lines.all()) if budget else 0,
        activities=activities,
        has_previous=pledge is None and previous_pledge(bloc, year) is not None,
    )


def dashboard_pledges(*, user: User, year: int) -> dict:
    """For a bloc lead: its led blocs with the pledge unsigned or the budget unapproved.
    For interior staff: every active bloc with a roster in *year* whose pledge is unsigned."""
    data: dict = {}
    led = blocs_access.led_bloc_ids(user, year)
    if led:
        blocs = Bloc.objects.filter(pk__in=led).prefetch_related(
            Prefetch("pledges", queryset=Pledge.objects.filter(year=year), to_attr="year_pledge"),
            Prefetch("budgets", queryset=Budget.objects.filter(year=year), to_attr="year_budget"),
        )
        data["led"] = [
            b
            for b in blocs
            if not (b.year_pledge and b.year_pledge[0].is_signed)
            or not (b.year_budget and b.year_budget[0].approved_on)
        ]
    if user.manages_province:
        signed = Pledge.objects.filter(year=year, signed_on__isnull=False).values("bloc_id")
        data["unsigned"] = list(
            Bloc.objects.filter(years__year=year, years__memberships__isnull=False)
            .filter(Q(active_to__isnull=True) | Q(active_to__year__gte=year))
            .exclude(pk__in=signed)
            .distinct()
            .prefetch_related(
                Prefetch(
                    "pledges", queryset=Pledge.objects.filter(year=year), to_attr="year_pledge"
                )
            )
            .order_by("name")
        )
    return data


# --- Budget sheet ------------------------------------------------------------------------


@dataclass
class BudgetSheet:
    lines: list[BudgetLine]
    contributions: list[BudgetContribution]
    total_lines: int
    total_contributions: int

    @property
    def difference(self) -> int:
        """Contributions minus lines: negative when the members' money does not cover it."""
        return self.total_contributions - self.total_lines

    @property
    def shortfall(self) -> int:
        return -self.difference


def budget_sheet(budget: Budget) -> BudgetSheet:
    lines = list(BudgetLine.objects.filter(budget=budget).order_by("position"))
    contributions = list(
        BudgetContribution.objects.filter(budget=budget)
        .select_related("unit")
        .order_by("unit__name")
    )
    return BudgetSheet(
        lines=lines,
        contributions=contributions,
        total_lines=sum(line.amount for line in lines),
        total_contributions=sum(c.amount for c in contributions),
    )
