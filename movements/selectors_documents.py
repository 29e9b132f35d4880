"""Reads of the documents area: lists with their counts in one query, a plan's task table,
what the dashboard shows each role. Every queryset starts from ``movements.access``."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q, QuerySet

from blocs.access import led_bloc_ids, managed_blocs
from blocs.models import Bloc, Membership, Unit

from . import access
from .models import Document, ImplementationPlan, Movement, MovementStatus, PlanTask, TaskStatus

if TYPE_CHECKING:
    from blocs.models import User

DEADLINE_WINDOW_DAYS = 30
DASHBOARD_TASKS = 10


def _search(queryset: QuerySet[Document], q: str) -> QuerySet[Document]:
    number, _slash, symbol = q.partition("/")
    if number.strip().isdigit():
        found = queryset.filter(number=int(number))
        return found.filter(symbol__icontains=symbol.strip()) if symbol.strip() else found
    return queryset.filter(Q(title__icontains=q) | Q(symbol__icontains=q) | Q(summary__icontains=q))


def document_list(*, user: User, year: int | None = None, kind: str = "", q: str = "") -> QuerySet[Document]:
    """Documents governing *year* (all years when None), newest first, with their counts."""
    documents = access.visible_documents(user).select_related("issuer")
    if year is not None:
        documents = documents.filter(year_from__lte=year, year_to__gte=year)
    if kind:
        documents = documents.filter(kind=kind)
    if q:
        documents = _search(documents, q)
    # Two to-many counts in one query: distinct keeps the joins from multiplying each other.
    return documents.annotate(
        item_count=Count("items", distinct=True), movement_count=Count("movements", distinct=True)
    ).order_by("-issued_on", "-number", "-pk")


def in_year(movements: QuerySet[Movement], year: int) -> QuerySet[Movement]:
    """Movements running in *year*: its regular one, and those without a year whose period
    (open-ended for the Prime Minister's ongoing movements) covers it."""
    started = Q(starts_on__isnull=True) | Q(starts_on__year__lte=year)
    not_ended = Q(ends_on__isnull=True) | Q(ends_on__year__gte=year)
    return movements.filter(Q(year=year) | (Q(year__isnull=True) & started & not_ended))


def movement_list(
    *, user: User, year: int | None = None, kind: str = "", status: str = ""
) -> QuerySet[Movement]:
    movements = access.visible_movements(user).select_related("directive")
    if year is not None:
        movements = in_year(movements, year)
    if kind:
        movements = movements.filter(kind=kind)
    if status:
        movements = movements.filter(status=status)
    return movements.annotate(
        bloc_count=Count("blocs", distinct=True), unit_count=Count("units", distinct=True)
    ).order_by(F("year").desc(nulls_last=True), "kind", "name", "pk")


def movement_accepts_joining(movement: Movement, day: datetime.date) -> bool:
    """Whether units may join *movement* on *day*: not closed, and inside its window."""
    if movement.status == MovementStatus.CLOSED:
        return False
    after_start = movement.join_from is None or movement.join_from <= day
    return after_start and (movement.join_until is None or day <= movement.join_until)


def late_q(today: datetime.date, prefix: str = "") -> Q:
    """Tasks not done whose due date has passed."""
    return Q(**{f"{prefix}status": TaskStatus.TODO, f"{prefix}due_on__lt": today})


def plan_list(
    *, user: User, today: datetime.date, year: int | None = None
) -> QuerySet[ImplementationPlan]:
    """Plans the user may read, each with its task counts (total, done, late)."""
    plans = access.visible_plans(user).select_related("bloc", "directive")
    if year is not None:
        plans = plans.filter(year=year)
    return plans.annotate(
        task_total=Count("tasks"),
        task_done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE)),
        task_late=Count("tasks", filter=late_q(today, "tasks__")),
    ).order_by("-year", "bloc__name", "pk")


def plan_blocs(user: User, year: int) -> QuerySet[Bloc]:
    """Blocs *user* may write a plan for in *year*: those it manages that have a roster."""
    with_roster = Membership.objects.filter(bloc_year__year=year).values("bloc_year__bloc_id")
    return managed_blocs(user, year).filter(pk__in=with_roster).order_by("name")


def plan_member_units(plan: ImplementationPlan) -> list[Unit]:
    """The bloc's members in the plan's year: the units a task may be given to."""
    memberships = Membership.objects.filter(
        bloc_year__bloc_id=plan.bloc_id, bloc_year__year=plan.year
    ).select_related("unit")
    return sorted((m.unit for m in memberships), key=lambda unit: unit.name)


def plan_task_rows(*, user: User, plan: ImplementationPlan, today: datetime.date) -> list[PlanTask]:
    """The plan's tasks, each marked ``is_late``, ``is_mine`` and ``can_report``.

    ``can_report`` answers as ``access.can_report_task`` does, with one membership query for
    the whole table instead of one per task (tests check that the two agree)."""
    tasks = list(plan.tasks.select_related("responsible", "done_by").order_by("quarter", "due_on", "position"))
    manages = access.can_write_bloc_object(user, plan)
    officer_unit = user.unit_id if user.is_unit_officer else None
    member = officer_unit is not None and Membership.objects.filter(
        unit_id=officer_unit, bloc_year__bloc_id=plan.bloc_id, bloc_year__year=plan.year
    ).exists()
    for task in tasks:
        task.is_late = task.status == TaskStatus.TODO and task.due_on is not None and task.due_on < today
        task.is_mine = officer_unit is not None and (
            task.responsible_id == officer_unit or (task.responsible_id is None and member)
        )
        task.can_report = manages or task.is_mine
    return tasks


def open_tasks_of_unit(*, unit_id: int, year: int, today: datetime.date) -> QuerySet[PlanTask]:
    """Tasks of *year*'s plans not yet done that fall to the unit: given to it by name, or to
    every member of a bloc it belongs to that year."""
    member_of = Membership.objects.filter(unit_id=unit_id, bloc_year__year=year).values(
        "bloc_year__bloc_id"
    )
    return (
        PlanTask.objects.filter(plan__year=year, status=TaskStatus.TODO)
        .filter(Q(responsible_id=unit_id) | Q(responsible__isnull=True, plan__bloc_id__in=member_of))
        .select_related("plan__bloc", "plan__directive", "responsible")
        .order_by("due_on", "quarter", "plan_id", "position")
    )


def documents_due(*, year: int, today: datetime.date) -> QuerySet[Document]:
    """Documents governing *year* whose report deadline is past or within the next 30 days."""
    limit = today + datetime.timedelta(days=DEADLINE_WINDOW_DAYS)
    return (
        Document.objects.filter(year_from__lte=year, year_to__gte=year, report_deadline__lte=limit)
        .select_related("issuer")
        .order_by("report_deadline", "pk")
    )


def dashboard(*, user: User, year: int, today: datetime.date) -> dict | None:
    """What the dashboard panel shows this user in *year*, or None when it has nothing to say."""
    data: dict = {"year": year, "today": today}
    if user.is_unit_officer and user.unit_id:
        tasks = open_tasks_of_unit(unit_id=user.unit_id, year=year, today=today)
        data["task_count"] = tasks.count()
        data["tasks"] = list(tasks[:DASHBOARD_TASKS])
        for task in data["tasks"]:
            task.is_late = task.due_on is not None and task.due_on < today
        led = led_bloc_ids(user, year)
        if led:
            data["led_plans"] = list(plan_list(user=user, today=today, year=year).filter(bloc_id__in=led))
            data["leads"] = True
    if user.manages_province:
        data["documents_due"] = list(documents_due(year=year, today=today))
    return data if len(data) > 2 else None
