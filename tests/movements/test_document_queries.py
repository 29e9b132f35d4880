"""The documents area's lists, pages and panels cost the same number of SQL queries for 5
rows as for 200; the panels' own counts are pinned so that a new query shows up in review."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blocs.models import Bloc, BlocKind, BlocLevel, Unit, UnitKind
from blocs.text import fold
from movements.models import (
    Document,
    DocumentItem,
    DocumentKind,
    ImplementationPlan,
    Movement,
    MovementKind,
    PlanTask,
    TaskStatus,
)
from movements.panels_documents import bloc_plans_panel, dashboard_panel
from tests.movements.permission_table_documents import extend_world

NEW_DOC, NEW_ITEM, NEW_MOVEMENT, NEW_UNIT = "Văn bản mới", "Nội dung mới", "Phong trào mới", "Đơn vị mới"
NEW_PLAN, NEW_TASK = "Kế hoạch mới", "Nhiệm vụ mới"


@pytest.fixture
def w(org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    extend_world(org)
    return org


def grow(w, start: int, stop: int) -> None:
    """Add rows start..stop-1 of every kind, in bulk, all visible to the three personas:
    directives due today, each with an item and a plan of Khối Nội chính (one task done,
    one late); items of 09/CT-UBND and movements it launches; units and blocs taking part in
    the movement; late tasks of Khối Nội chính's plan for Công an (donvi's unit)."""
    today, n = timezone.localdate(), range(start, stop)
    late = today - datetime.timedelta(days=1)
    docs = Document.objects.bulk_create(
        Document(kind=DocumentKind.DIRECTIVE, number=1000 + i, symbol="CT-UBND", issuer=w.doc.issuer,
                 issued_on=datetime.date(w.year, 1, 1), title=f"{NEW_DOC} {i:03}", year_from=w.year,
                 year_to=w.year, report_deadline=today)
        for i in n
    )
    DocumentItem.objects.bulk_create(DocumentItem(document=d, position=1, text="Một nội dung") for d in docs)
    DocumentItem.objects.bulk_create(DocumentItem(document=w.doc, position=100 + i, text=f"{NEW_ITEM} {i:03}") for i in n)
    movements = Movement.objects.bulk_create(
        Movement(name=f"{NEW_MOVEMENT} {i:03}", kind=MovementKind.REGULAR, year=w.year, directive=w.doc) for i in n
    )
    Movement.blocs.through.objects.bulk_create(Movement.blocs.through(movement=m, bloc=w.noi_chinh) for m in movements)
    Movement.units.through.objects.bulk_create(Movement.units.through(movement=m, unit=w.ca) for m in movements)
    units = Unit.objects.bulk_create(
        Unit(name=f"{NEW_UNIT} {i:03}", code=f"moi-{i}", kind=UnitKind.PROVINCIAL_AGENCY, search_text=fold(f"don vi moi {i}"))
        for i in n
    )
    blocs = Bloc.objects.bulk_create(
        Bloc(name=f"Khối phụ {i:03}", kind=BlocKind.BLOC, level=BlocLevel.PROVINCIAL) for i in n
    )
    w.movement.units.add(*units)
    w.movement.blocs.add(*blocs)
    plans = ImplementationPlan.objects.bulk_create(
        ImplementationPlan(bloc=w.noi_chinh, year=w.year, directive=d, title=f"{NEW_PLAN} {i:03}")
        for i, d in zip(n, docs, strict=True)
    )
    PlanTask.objects.bulk_create(
        [PlanTask(plan=p, position=1, text="Việc đã xong", status=TaskStatus.DONE, done_at=timezone.now(),
                  done_by=w.donvi, report="Xong", responsible=w.ca) for p in plans]
        + [PlanTask(plan=p, position=2, text="Việc trễ", due_on=late, responsible=w.toa) for p in plans]
        + [PlanTask(plan=w.plan, position=100 + i, text=f"{NEW_TASK} {i:03}", due_on=late, responsible=w.ca)
           for i in n]
    )


def _pages(w) -> dict:
    """page: (url, marker of a grown row, by persona)."""
    everyone = ("noivu", "truongkhoi", "donvi")

    def same(marker: str) -> dict:
        return dict.fromkeys(everyone, marker)

    return {
        "document_list": (reverse("movements:document_list"), same(NEW_DOC)),
        "document_detail": (w.doc.get_absolute_url(), same(NEW_ITEM)),
        "movement_list": (reverse("movements:movement_list"), same(NEW_MOVEMENT)),
        "movement_detail": (w.movement.get_absolute_url(), same(NEW_UNIT)),
        "plan_list": (reverse("movements:plan_list"), same(NEW_PLAN)),
        "plan_detail": (w.plan.get_absolute_url(), same(NEW_TASK)),
        "bloc_detail": (f"{reverse('blocs:bloc_detail', args=[w.noi_chinh.pk])}?nam={w.year}", same(NEW_PLAN)),
        "dashboard": (reverse("dashboard"), {"noivu": NEW_DOC, "truongkhoi": NEW_PLAN, "donvi": NEW_TASK}),
    }


def measure(client, url: str, marker: str) -> tuple[int, int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode().count(marker), [q["sql"] for q in queries]


@pytest.mark.parametrize("persona", ["noivu", "truongkhoi", "donvi"])
@pytest.mark.parametrize(
    "page",
    ["document_list", "document_detail", "movement_list", "movement_detail", "plan_list", "plan_detail",
     "bloc_detail", "dashboard"],
)
def test_a_page_runs_as_many_queries_for_200_rows_as_for_5(w, login, page, persona):
    client = login(getattr(w, persona))
    url, markers = _pages(w)[page]
    grow(w, 0, 5)
    small, small_rows, small_sql = measure(client, url, markers[persona])
    grow(w, 5, 200)
    large, large_rows, large_sql = measure(client, url, markers[persona])

    assert 5 <= small_rows < large_rows, f"the new rows should show on {url} ({small_rows} → {large_rows})"
    extra = "\n".join(sql for sql in large_sql if sql not in small_sql)
    assert large == small, f"{url} as {persona}: {small} queries for 5 rows, {large} for 200\n{extra}"


# The panels' own queries. donvi: its led blocs (none), the count and one page of its open
# tasks. truongkhoi: the same, plus its bloc's plans with their counts. noivu: the
# documents due. The bloc page's panel: the plans with their counts (+ the lead's blocs).
DASHBOARD_QUERIES = {"donvi": 3, "truongkhoi": 4, "noivu": 1, "hoidong": 0}
BLOC_PANEL_QUERIES = {"donvi": 2, "truongkhoi": 2, "noivu": 1, "hoidong": 1}


@pytest.mark.parametrize("persona", DASHBOARD_QUERIES)
def test_the_panels_run_a_pinned_number_of_queries(w, persona):
    grow(w, 0, 200)
    request = RequestFactory().get("/")
    # A fresh copy: the bloc-lead cache on the fixture's user must not hide a query.
    request.user = type(w.noivu).objects.select_related("unit").get(pk=getattr(w, persona).pk)

    with CaptureQueriesContext(connection) as dashboard:
        dashboard_panel(request, year=w.year)
    request.user = type(w.noivu).objects.select_related("unit").get(pk=getattr(w, persona).pk)
    with CaptureQueriesContext(connection) as bloc_page:
        bloc_plans_panel(request, bloc=w.noi_chinh, year=w.year)

    assert len(dashboard) == DASHBOARD_QUERIES[persona], "\n".join(q["sql"] for q in dashboard)
    assert len(bloc_page) == BLOC_PANEL_QUERIES[persona], "\n".join(q["sql"] for q in bloc_page)
