"""Who may see and change the movements app's objects; built on ``blocs.access``.

- Documents and movements are the province's: every user reads them, interior staff
  (and admins) write them.
- A bloc's yearly objects (implementation plan, pledge, work plan, budget) are read by the
  province-wide roles and by the officers of the bloc's member units that year, and
  written by interior staff and by the officer of the unit leading the bloc that year.
- A plan task is marked done by the officer of the unit responsible for it (any member's
  when none is named), the bloc lead, or interior staff.
Outside one's sight the answer is 404; visible but not writable, 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet

from blocs.access import can_manage_bloc, get_or_404
from blocs.models import Membership

from .models import Activity, Budget, Document, ImplementationPlan, Movement, PlanTask, Pledge

if TYPE_CHECKING:
    from django.db.models import Model

    from blocs.models import User


def can_write_province_documents(user: User) -> bool:
    return user.manages_province


def visible_documents(user: User) -> QuerySet[Document]:
    return Document.objects.all()


def get_document_for_user(user: User, pk: int, *, write: bool = False) -> Document:
    document = get_or_404(visible_documents(user).select_related("issuer"), pk)
    if write and not can_write_province_documents(user):
        raise PermissionDenied
    return document


def visible_movements(user: User) -> QuerySet[Movement]:
    return Movement.objects.all()


def get_movement_for_user(user: User, pk: int, *, write: bool = False) -> Movement:
    movement = get_or_404(visible_movements(user).select_related("directive"), pk)
    if write and not can_write_province_documents(user):
        raise PermissionDenied
    return movement


# --- A bloc's yearly objects -------------------------------------------------------------


def visible_for_bloc_members(user: User, queryset: QuerySet) -> QuerySet:
    """Rows of *queryset* (which have ``bloc`` and ``year``) that *user* may read."""
    if user.sees_province:
        return queryset
    if not user.unit_id:
        return queryset.none()
    member = Membership.objects.filter(
        unit_id=user.unit_id, bloc_year__bloc=OuterRef("bloc"), bloc_year__year=OuterRef("year")
    )
    return queryset.filter(Exists(member))


def can_write_bloc_object(user: User, obj: Model) -> bool:
    return can_manage_bloc(user, obj.bloc, obj.year)


def _get_bloc_object(user: User, queryset: QuerySet, pk: int, write: bool):
    obj = get_or_404(visible_for_bloc_members(user, queryset.select_related("bloc")), pk)
    if write and not can_write_bloc_object(user, obj):
        raise PermissionDenied
    return obj


def visible_plans(user: User) -> QuerySet[ImplementationPlan]:
    return visible_for_bloc_members(user, ImplementationPlan.objects.all())


def get_plan_for_user(user: User, pk: int, *, write: bool = False) -> ImplementationPlan:
    return _get_bloc_object(user, ImplementationPlan.objects.select_related("directive"), pk, write)


def visible_pledges(user: User) -> QuerySet[Pledge]:
    return visible_for_bloc_members(user, Pledge.objects.all())


def get_pledge_for_user(user: User, pk: int, *, write: bool = False) -> Pledge:
    return _get_bloc_object(user, Pledge.objects.all(), pk, write)


def visible_activities(user: User) -> QuerySet[Activity]:
    return visible_for_bloc_members(user, Activity.objects.all())


def get_activity_for_user(user: User, pk: int, *, write: bool = False) -> Activity:
    return _get_bloc_object(user, Activity.objects.select_related("host"), pk, write)


def visible_budgets(user: User) -> QuerySet[Budget]:
    return visible_for_bloc_members(user, Budget.objects.all())


def get_budget_for_user(user: User, pk: int, *, write: bool = False) -> Budget:
    return _get_bloc_object(user, Budget.objects.all(), pk, write)


def can_report_task(user: User, task: PlanTask) -> bool:
    plan = task.plan
    if can_manage_bloc(user, plan.bloc, plan.year):
        return True
    if not user.is_unit_officer or not user.unit_id:
        return False
    if task.responsible_id is not None:
        return task.responsible_id == user.unit_id
    return Membership.objects.filter(
        unit_id=user.unit_id, bloc_year__bloc_id=plan.bloc_id, bloc_year__year=plan.year
    ).exists()


def get_task_for_user(user: User, pk: int, *, report: bool = False) -> PlanTask:
    plans = visible_plans(user)
    task = get_or_404(
        PlanTask.objects.filter(plan__in=plans).select_related("plan__bloc", "responsible"), pk
    )
    if report and not can_report_task(user, task):
        raise PermissionDenied
    return task
