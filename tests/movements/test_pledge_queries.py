"""The pledges area's pages cost the same number of SQL queries for 200 rows as for 5.

Each test measures a page on the ``org`` province with Khối Nội chính's pledge, budget and
work plan plus 5 grown rows of every kind, adds 195 more in bulk, and measures again. The
year's pledge list is pinned too, so that a new query shows up in review.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blocs.models import (
    Bloc,
    BlocKind,
    BlocLevel,
    BlocYear,
    LeadSource,
    MemberRole,
    Membership,
    Unit,
    UnitKind,
)
from blocs.text import fold
from movements.models import (
    Activity,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    Pledge,
    PledgeSignatory,
)
from movements.services import budgets as budget_svc
from movements.services import pledges as svc

NEW_BLOC, NEW_UNIT, NEW_CRITERION = "Khối mới", "Đơn vị mới", "Tiêu chí mới"
NEW_LINE, NEW_ACTIVITY, NEW_GROUP = "Khoản chi mới", "Hoạt động mới", "Nhóm mới"


@pytest.fixture
def area(org):
    """Khối Nội chính's pledge (one group), budget and nothing else yet."""
    org.pledge = svc.pledge_create(actor=None, bloc=org.noi_chinh, year=org.year)
    org.group = svc.criterion_group_save(actor=None, group=CriterionGroup(pledge=org.pledge, name="Nhóm I"))
    org.budget = budget_svc.budget_create(actor=None, bloc=org.noi_chinh, year=org.year)
    return org


def _units(start: int, stop: int, label: str) -> list[Unit]:
    return Unit.objects.bulk_create(
        Unit(name=f"{NEW_UNIT} {label} {i:03}", code=f"moi-{label}-{i}", kind=UnitKind.PROVINCIAL_AGENCY,
             search_text=fold(f"{NEW_UNIT} {label} {i:03}"))
        for i in range(start, stop)
    )


def grow(o, start: int, stop: int) -> None:
    """Rows start..stop-1 of every kind, in bulk:

    - member units of Khối Nội chính, each with a signatory and a contribution;
    - criteria in its pledge's first group, and groups of one criterion each;
    - lines in its budget, activities in its work plan;
    - blocs led by units of their own, each with an unsigned pledge (one criterion) and a
      budget (the year's list; the interior staff's dashboard).
    """
    year, members = o.year, _units(start, stop, "tv")
    noi_chinh = BlocYear.objects.get(bloc=o.noi_chinh, year=year)
    Membership.objects.bulk_create(Membership(bloc_year=noi_chinh, unit=u) for u in members)
    PledgeSignatory.objects.bulk_create(
        PledgeSignatory(pledge=o.pledge, unit=u, representative=f"Người ký {u.code}") for u in members
    )
    BudgetContribution.objects.bulk_create(BudgetContribution(budget=o.budget, unit=u, amount=1_000) for u in members)
    Criterion.objects.bulk_create(
        Criterion(group=o.group, position=i + 1, text=f"{NEW_CRITERION} {i:03}", max_points=Decimal("0.5"))
        for i in range(start, stop)
    )
    groups = CriterionGroup.objects.bulk_create(
        CriterionGroup(pledge=o.pledge, position=i + 2, name=f"{NEW_GROUP} {i:03}") for i in range(start, stop)
    )
    Criterion.objects.bulk_create(Criterion(group=g, position=1, text="Một tiêu chí", max_points=1) for g in groups)
    BudgetLine.objects.bulk_create(
        BudgetLine(budget=o.budget, position=i + 1, item=f"{NEW_LINE} {i:03}", quantity=Decimal("1.5"), unit_price=10_000)
        for i in range(start, stop)
    )
    Activity.objects.bulk_create(
        Activity(bloc=o.noi_chinh, year=year, quarter=i % 4 + 1, title=f"{NEW_ACTIVITY} {i:03}", host=members[i - start])
        for i in range(start, stop)
    )
    _grow_blocs(o, start, stop)


def _grow_blocs(o, start: int, stop: int) -> None:
    year, leads = o.year, _units(start, stop, "truong")
    blocs = Bloc.objects.bulk_create(
        Bloc(name=f"{NEW_BLOC} {i:03}", kind=BlocKind.BLOC, level=BlocLevel.PROVINCIAL, search_text=fold(f"{NEW_BLOC} {i:03}"))
        for i in range(start, stop)
    )
    years = BlocYear.objects.bulk_create(BlocYear(bloc=b, year=year) for b in blocs)
    Membership.objects.bulk_create(
        Membership(bloc_year=by, unit=u, role=MemberRole.LEAD, lead_source=LeadSource.APPOINTED)
        for by, u in zip(years, leads, strict=True)
    )
    pledges = Pledge.objects.bulk_create(Pledge(bloc=b, year=year) for b in blocs)
    groups = CriterionGroup.objects.bulk_create(CriterionGroup(pledge=p, position=1, name="Nhóm") for p in pledges)
    Criterion.objects.bulk_create(
        Criterion(group=g, position=1, text="Tiêu chí", max_points=Decimal("100")) for g in groups
    )
    Budget.objects.bulk_create(Budget(bloc=b, year=year) for b in blocs)


PAGES = {
    "pledge_list": (lambda o: reverse("movements:pledge_list"), NEW_BLOC),
    "pledge_detail": (lambda o: o.pledge.get_absolute_url(), NEW_CRITERION),
    "pledge_groups": (lambda o: o.pledge.get_absolute_url(), NEW_GROUP),
    "pledge_signatories": (lambda o: o.pledge.get_absolute_url(), "Người ký moi-tv"),
    "budget_detail": (lambda o: o.budget.get_absolute_url(), NEW_LINE),
    "budget_contributions": (lambda o: o.budget.get_absolute_url(), f"{NEW_UNIT} tv"),
    "activity_list": (lambda o: reverse("movements:activity_list", args=[o.noi_chinh.pk, o.year]), NEW_ACTIVITY),
    "bloc_detail": (lambda o: reverse("blocs:bloc_detail", args=[o.noi_chinh.pk]), NEW_UNIT),
    "dashboard": (lambda o: reverse("dashboard"), NEW_BLOC),
}
# The lead sees neither the new blocs (not its own) on the list nor on its dashboard.
HIDDEN_FROM = {("pledge_list", "truongkhoi"), ("dashboard", "truongkhoi")}
# Pinned: session, user, [the lead's blocs, for the navigation and the rows' links], count,
# blocs of the page, their bloc-years, their leads, the year's pledges with their figures,
# budgets, the user's unit (navbar).
PLEDGE_LIST_QUERIES = {"noivu": 9, "truongkhoi": 10}


def measure(client, url: str, marker: str) -> tuple[int, int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode().count(marker), [q["sql"] for q in queries]


@pytest.mark.parametrize("persona", ["noivu", "truongkhoi"])
@pytest.mark.parametrize("page", PAGES)
def test_a_page_of_the_area_runs_as_many_queries_for_200_rows_as_for_5(area, login, page, persona):
    client = login(getattr(area, persona))
    url, marker = PAGES[page][0](area), PAGES[page][1]
    grow(area, 0, 5)
    small, small_rows, small_sql = measure(client, url, marker)
    grow(area, 5, 200)
    large, large_rows, large_sql = measure(client, url, marker)

    if (page, persona) in HIDDEN_FROM:
        assert small_rows == large_rows == 0
    else:
        assert 5 <= small_rows < large_rows, f"the new rows should show on {url} ({small_rows} → {large_rows})"
    extra = "\n".join(sql for sql in large_sql if sql not in small_sql)
    assert large == small, f"{url} as {persona}: {small} queries for 5 rows, {large} for 200\n{extra}"


@pytest.mark.parametrize("persona", PLEDGE_LIST_QUERIES)
def test_the_year_s_pledge_list_runs_a_pinned_number_of_queries(area, login, persona):
    client = login(getattr(area, persona))
    grow(area, 0, 200)
    count, _rows, sql = measure(client, reverse("movements:pledge_list"), "Khối Thi đua Nội chính")
    assert count == PLEDGE_LIST_QUERIES[persona], "\n".join(sql)


def test_the_pledge_list_shows_the_grown_blocs_figures(area, login):
    grow(area, 0, 5)
    page = login(area.noivu).get(reverse("movements:pledge_list")).content.decode()
    assert page.count(">100 điểm<") == 5  # each new bloc's one criterion
    assert ">7,5 điểm<" in page and "5/8" in page  # 5 × 0,5 + 5 groups × 1  # Nội chính: 5 signatories of 8 members
