"""Who may see and change the movements app's objects; built on ``blocs.access``.

- Documents and movements are the province's: every user reads them, interior staff
  (and admins) write them.
- A bloc's yearly objects (implementation plan, pledge, work plan, budget) are read by the
  province-wide roles and by the officers of the bloc's member units that year, and
  written by interior staff and by the officer of the unit leading the bloc that year.
- A plan task is marked done by the officer of the unit responsible for it (any member's
  when none is named), the bloc lead, or interior staff.
- Rows of a pledge or budget (a criterion, a budget line…) follow their parent.
Outside one's sight the answer is 404; visible but not writable, 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet

from blocs.access import can_manage_bloc, get_bloc_for_user, get_or_404
from blocs.models import Membership

from .models import (
    Activity,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    Document,
    ImplementationPlan,
    Movement,
    PlanTask,
    Pledge,
    PledgeSignatory,
)

if TYPE_CHECKING:
    from django.db.models import Model

    from blocs.models import Bloc, User


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


def get_bloc_year_for_writing(user: User, pk: int, year: int) -> Bloc:
    """The bloc, for creating its yearly objects: 404 outside sight, 403 unless the user
    leads it in *year* or is interior staff."""
    bloc = get_bloc_for_user(user, pk, year=year)
    if not can_manage_bloc(user, bloc, year):
        raise PermissionDenied
    return bloc


# --- Rows of a pledge or budget, through their parent's rule ------------------------------


def _get_child(user: User, queryset: QuerySet, pk: int, parent: str, write: bool):
    """A row of a visible parent (*queryset* is already narrowed to those); 403 on *write*
    unless the user may write the parent, reached through the dotted path *parent*."""
    obj = get_or_404(queryset, pk)
    owner = obj
    for attr in parent.split("."):
        owner = getattr(owner, attr)
    if write and not can_write_bloc_object(user, owner):
        raise PermissionDenied
    return obj


def get_group_for_user(user: User, pk: int, *, write: bool = False) -> CriterionGroup:
    groups = CriterionGroup.objects.filter(pledge__in=visible_pledges(user))
    return _get_child(user, groups.select_related("pledge__bloc"), pk, "pledge", write)


def get_criterion_for_user(user: User, pk: int, *, write: bool = False) -> Criterion:
    criteria = Criterion.objects.filter(group__pledge__in=visible_pledges(user))
    return _get_child(user, criteria.select_related("group__pledge__bloc"), pk, "group.pledge", write)


def get_signatory_for_user(user: User, pk: int, *, write: bool = False) -> PledgeSignatory:
    rows = PledgeSignatory.objects.filter(pledge__in=visible_pledges(user))
    return _get_child(user, rows.select_related("pledge__bloc", "unit"), pk, "pledge", write)


def get_line_for_user(user: User, pk: int, *, write: bool = False) -> BudgetLine:
    lines = BudgetLine.objects.filter(budget__in=visible_budgets(user))
    return _get_child(user, lines.select_related("budget__bloc"), pk, "budget", write)


def get_contribution_for_user(user: User, pk: int, *, write: bool = False) -> BudgetContribution:
    rows = BudgetContribution.objects.filter(budget__in=visible_budgets(user))
    return _get_child(user, rows.select_related("budget__bloc", "unit"), pk, "budget", write)
