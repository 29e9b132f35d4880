"""Business actions on a bloc's work plan (its yearly activities) and budget estimate.
Views, the demo loader and tests call these.

An approved budget's lines and contributions cannot change; only interior staff (or an
admin) reopen it, with a reason kept in the audit.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.audit import audit_record
from blocs.models import Bloc, User
from blocs.services import bloc_year_get_or_create

from ..models import Activity, ActivityStatus, Budget, BudgetContribution, BudgetLine
from .common import check_meeting_date, check_member, next_position, required, save_checked

# --- Work plan ---------------------------------------------------------------------------


def _quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


@transaction.atomic
def activity_save(*, actor: User | None, activity: Activity) -> Activity:
    """Add or change an activity of the bloc's work plan. The quarter follows the date when
    left blank; a date in another quarter or year is refused."""
    day, year = activity.planned_on, activity.year
    if day is not None and day.year != year:
        raise ValidationError({"planned_on": _("Ngày tổ chức phải trong năm %(y)s.") % {"y": year}})
    if activity.quarter is None:
        if day is None:
            raise ValidationError({"quarter": _("Hãy chọn quý hoặc ghi ngày tổ chức.")})
        activity.quarter = _quarter_of(day)
    elif day is not None and _quarter_of(day) != activity.quarter:
        raise ValidationError(
            {
                "planned_on": _("Ngày %(d)s thuộc quý %(q)s, không phải quý %(x)s.")
                % {"d": day.strftime("%d/%m/%Y"), "q": _quarter_of(day), "x": activity.quarter}
            }
        )
    check_member(activity.bloc, year, activity.host if activity.host_id else None, "host")
    created = activity.pk is None
    save_checked(activity)
    audit_record(
        actor=actor,
        action="movements.activity.created" if created else "movements.activity.updated",
        obj=activity,
        to_state=activity.status,
    )
    return activity


@transaction.atomic
def activity_set_status(*, actor: User, activity: Activity, status: str) -> Activity:
    if status not in ActivityStatus.values:
        raise ValidationError(_("Trạng thái không hợp lệ."))
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    old = activity.status
    if old == status:
        raise ValidationError(
            _("Hoạt động đã ở trạng thái “%(s)s”.") % {"s": activity.get_status_display()}
        )
    activity.status = status
    activity.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="movements.activity.status_changed",
        obj=activity,
        from_state=old,
        to_state=status,
    )
    return activity


@transaction.atomic
def activity_delete(*, actor: User, activity: Activity) -> None:
    audit_record(
        actor=actor, action="movements.activity.deleted", obj=activity, from_state=activity.status
    )
    activity.delete()


# --- Budget ------------------------------------------------------------------------------


def _locked_budget(budget: Budget) -> Budget:
    budget = Budget.objects.select_for_update().select_related("bloc").get(pk=budget.pk)
    if budget.approved_on is not None:
        raise ValidationError(
            _(
                "Dự trù kinh phí đã được thông qua ngày %(d)s: không thể thêm, sửa hoặc xóa "
                "khoản chi, đóng góp. Nếu cần sửa, đề nghị Sở Nội vụ mở lại."
            )
            % {"d": budget.approved_on.strftime("%d/%m/%Y")}
        )
    return budget


@transaction.atomic
def budget_create(*, actor: User | None, bloc: Bloc, year: int, note: str = "") -> Budget:
    bloc_year_get_or_create(bloc=bloc, year=year)
    budget = save_checked(Budget(bloc=bloc, year=year, note=note))
    audit_record(actor=actor, action="movements.budget.created", obj=budget, to_state="draft")
    return budget


@transaction.atomic
def budget_line_save(*, actor: User | None, line: BudgetLine) -> BudgetLine:
    """Add a line at the end of the estimate, or change one, while it is not approved."""
    _locked_budget(line.budget)
    created = line.pk is None
    if created:
        line.position = next_position(BudgetLine.objects.filter(budget_id=line.budget_id))
    save_checked(line)
    audit_record(
        actor=actor,
        action="movements.budget_line.created" if created else "movements.budget_line.updated",
        obj=line,
        data={"budget": line.budget_id, "amount": line.amount},
    )
    return line


@transaction.atomic
def budget_line_delete(*, actor: User, line: BudgetLine) -> None:
    _locked_budget(line.budget)
    audit_record(
        actor=actor,
        action="movements.budget_line.deleted",
        obj=line,
        data={"budget": line.budget_id, "amount": line.amount},
    )
    line.delete()


@transaction.atomic
def contribution_save(
    *, actor: User | None, contribution: BudgetContribution
) -> BudgetContribution:
    """What a member unit puts into the bloc's budget (one row per unit)."""
    budget = _locked_budget(contribution.budget)
    unit = contribution.unit if contribution.unit_id else None
    check_member(budget.bloc, budget.year, unit, "unit")
    created = contribution.pk is None
    save_checked(contribution)
    audit_record(
        actor=actor,
        action="movements.budget_contribution.created"
        if created
        else "movements.budget_contribution.updated",
        obj=contribution,
        data={"budget": budget.pk, "unit": contribution.unit_id, "amount": contribution.amount},
    )
    return contribution


@transaction.atomic
def contribution_delete(*, actor: User, contribution: BudgetContribution) -> None:
    _locked_budget(contribution.budget)
    audit_record(
        actor=actor,
        action="movements.budget_contribution.deleted",
        obj=contribution,
        data={"budget": contribution.budget_id, "unit": contribution.unit_id},
    )
    contribution.delete()


@transaction.atomic
def budget_approve(
    *, actor: User | None, budget: Budget, approved_on: datetime.date, approved_at: str
) -> Budget:
    """Record the bloc meeting that approved the estimate; its lines are then locked."""
    budget = _locked_budget(budget)
    if not budget.lines.exists():
        raise ValidationError(
            _("Dự trù chưa có khoản chi nào: hãy lập dự trù trước khi thông qua.")
        )
    approved_at = required(approved_at, "approved_at", _("Hãy ghi hội nghị thông qua dự trù."))
    check_meeting_date(approved_on, budget.year, "approved_on")
    budget.approved_on, budget.approved_at = approved_on, approved_at
    save_checked(budget)
    total = sum(line.amount for line in budget.lines.all())
    audit_record(
        actor=actor,
        action="movements.budget.approved",
        obj=budget,
        from_state="draft",
        to_state="approved",
        data={"approved_on": approved_on.isoformat(), "approved_at": approved_at, "total": total},
    )
    return budget


@transaction.atomic
def budget_reopen(*, actor: User, budget: Budget, reason: str) -> Budget:
    """Interior staff reopen an approved estimate so that its lines can be changed."""
    if not actor.manages_province:
        raise ValidationError(_("Chỉ cán bộ Sở Nội vụ mới được mở lại dự trù đã thông qua."))
    reason = required(reason, "reason", _("Hãy ghi lý do mở lại."))
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    if budget.approved_on is None:
        raise ValidationError(_("Dự trù chưa được thông qua nên không cần mở lại."))
    approved_on = budget.approved_on
    budget.approved_on = None
    budget.save(update_fields=["approved_on"])
    audit_record(
        actor=actor,
        action="movements.budget.reopened",
        obj=budget,
        from_state="approved",
        to_state="draft",
        data={"reason": reason, "approved_on": approved_on.isoformat()},
    )
    return budget
