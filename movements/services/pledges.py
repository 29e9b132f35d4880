"""Business actions on a bloc's pledge (with its criteria and signatories), its work plan and
its budget estimate. Views, the demo loader and tests call these.

Two locks: a signed pledge's text, groups and criteria cannot change (members are scored on
them at the year-end review), and an approved budget's lines and contributions cannot
change. Only interior staff (or an admin) reopen either, with a reason kept in the audit.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.audit import audit_record
from blocs.models import Bloc, Membership, Unit, User
from blocs.services import bloc_year_get_or_create
from blocs.text import nfc, nfc_fields
from blocs.uploads import validate_pdf

from ..models import (
    Activity,
    ActivityStatus,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    Pledge,
    PledgeSignatory,
)
from ..selectors_pledges import previous_pledge

# --- Shared checks -----------------------------------------------------------------------


def _save(obj: Model, exclude: tuple[str, ...] = ()) -> Model:
    nfc_fields(obj)
    obj.full_clean(exclude=exclude)
    obj.save()
    return obj


def _next_position(siblings: QuerySet) -> int:
    return (siblings.aggregate(m=Max("position"))["m"] or 0) + 1


def _move(obj: Model, siblings: QuerySet, old: int) -> None:
    """Save *obj* at its new position; a sibling already there takes *obj*'s old place."""
    taken = siblings.exclude(pk=obj.pk).filter(position=obj.position)
    # Park the sibling at 0 first: (parent, position) is unique at every step.
    moved = list(taken.values_list("pk", flat=True))
    taken.update(position=0)
    _save(obj)
    siblings.filter(pk__in=moved).update(position=old)


def _check_member(bloc: Bloc, year: int, unit: Unit | None, field: str) -> None:
    if unit is None:
        return
    if not Membership.objects.filter(
        unit=unit, bloc_year__bloc=bloc, bloc_year__year=year
    ).exists():
        raise ValidationError(
            {field: _("%(u)s không phải thành viên của khối năm %(y)s.") % {"u": unit, "y": year}}
        )


def _check_meeting_date(day: datetime.date, year: int, field: str) -> None:
    """A signing or approving meeting is held late in the year before or during the year."""
    if day > timezone.localdate():
        raise ValidationError({field: _("Ngày này chưa tới: hãy ghi ngày đã diễn ra hội nghị.")})
    if day.year not in (year - 1, year):
        raise ValidationError(
            {
                field: _("Ngày phải trong năm %(y)s hoặc cuối năm %(p)s.")
                % {"y": year, "p": year - 1}
            }
        )


def _required(value: str, field: str, message: str) -> str:
    value = nfc(value or "")
    if not value:
        raise ValidationError({field: message})
    return value


# --- Pledges -----------------------------------------------------------------------------

# Set by the service, never typed; None when the demo or a command acts with no user.
SYSTEM_SET = ("created_by",)


def _locked_pledge(pledge: Pledge) -> Pledge:
    """The pledge read again under a row lock, refused when signed."""
    pledge = Pledge.objects.select_for_update().select_related("bloc").get(pk=pledge.pk)
    if pledge.is_signed:
        raise ValidationError(
            _(
                "Giao ước đã ký kết ngày %(d)s: không thể thêm, sửa hoặc xóa nội dung và tiêu chí. "
                "Nếu cần sửa, đề nghị Sở Nội vụ mở lại giao ước."
            )
            % {"d": pledge.signed_on.strftime("%d/%m/%Y")}
        )
    return pledge


@transaction.atomic
def pledge_create(*, actor: User | None, bloc: Bloc, year: int, text: str = "") -> Pledge:
    """Start the bloc's pledge for *year* (one per bloc and year)."""
    bloc_year_get_or_create(bloc=bloc, year=year)  # refuses a year the bloc did not exist
    pledge = Pledge(bloc=bloc, year=year, text=text, created_by=actor)
    _save(pledge, exclude=SYSTEM_SET)
    audit_record(actor=actor, action="movements.pledge.created", obj=pledge, to_state="draft")
    return pledge


@transaction.atomic
def pledge_update(*, actor: User, pledge: Pledge, text: str) -> Pledge:
    pledge = _locked_pledge(pledge)
    pledge.text = text
    _save(pledge, exclude=SYSTEM_SET)
    audit_record(actor=actor, action="movements.pledge.updated", obj=pledge)
    return pledge


@transaction.atomic
def pledge_copy_previous(
    *, actor: User | None, bloc: Bloc, year: int, copy_text: bool = False
) -> Pledge:
    """Copy the groups and criteria (and, if asked, the text) of the bloc's latest earlier
    pledge into its pledge for *year*, creating that pledge when missing. Signatories are
    not copied: members and their representatives change from year to year."""
    source = previous_pledge(bloc, year)
    if source is None:
        raise ValidationError(_("Khối chưa có giao ước năm trước có tiêu chí để sao chép."))
    pledge = Pledge.objects.filter(bloc=bloc, year=year).first()
    if pledge is None:
        pledge = pledge_create(actor=actor, bloc=bloc, year=year)
    pledge = _locked_pledge(pledge)
    if pledge.groups.exists():
        raise ValidationError(
            _("Giao ước năm %(y)s đã có tiêu chí: chỉ sao chép vào giao ước chưa có tiêu chí.")
            % {"y": year}
        )
    if copy_text:
        pledge.text = source.text
        pledge.save(update_fields=["text"])
    criteria = 0
    for group in source.groups.prefetch_related("criteria"):
        copy = CriterionGroup.objects.create(
            pledge=pledge, position=group.position, name=group.name
        )
        Criterion.objects.bulk_create(
            Criterion(
                group=copy,
                position=c.position,
                text=c.text,
                max_points=c.max_points,
                kind=c.kind,
                measure=c.measure,
            )
            for c in group.criteria.all()
        )
        criteria += len(group.criteria.all())
    audit_record(
        actor=actor,
        action="movements.pledge.copied",
        obj=pledge,
        data={"from": source.pk, "from_year": source.year, "criteria": criteria, "text": copy_text},
    )
    return pledge


@transaction.atomic
def pledge_sign(
    *,
    actor: User | None,
    pledge: Pledge,
    signed_on: datetime.date,
    meeting: str,
    signed_file: UploadedFile | None = None,
) -> Pledge:
    """Record the signing; from now on the criteria are locked."""
    pledge = _locked_pledge(pledge)
    if not Criterion.objects.filter(group__pledge=pledge).exists():
        raise ValidationError(
            _("Giao ước chưa có tiêu chí nào: hãy lập bảng tiêu chí trước khi ký kết.")
        )
    meeting = _required(meeting, "signing_meeting", _("Hãy ghi hội nghị ký kết."))
    _check_meeting_date(signed_on, pledge.year, "signed_on")
    if signed_file is not None:
        validate_pdf(signed_file)
        pledge.signed_file = signed_file
    pledge.signed_on, pledge.signing_meeting = signed_on, meeting
    _save(pledge, exclude=SYSTEM_SET)
    audit_record(
        actor=actor,
        action="movements.pledge.signed",
        obj=pledge,
        from_state="draft",
        to_state="signed",
        data={"signed_on": signed_on.isoformat(), "meeting": meeting, "file": bool(signed_file)},
    )
    return pledge


@transaction.atomic
def pledge_attach_file(*, actor: User, pledge: Pledge, signed_file: UploadedFile) -> Pledge:
    """Attach (or replace) the scanned signed pledge; allowed before and after signing."""
    validate_pdf(signed_file)
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    replaced = bool(pledge.signed_file)
    pledge.signed_file = signed_file
    pledge.save(update_fields=["signed_file"])
    audit_record(
        actor=actor,
        action="movements.pledge.file_attached",
        obj=pledge,
        data={"replaced": replaced},
    )
    return pledge


@transaction.atomic
def pledge_reopen(*, actor: User, pledge: Pledge, reason: str) -> Pledge:
    """Interior staff reopen a signed pledge so that its criteria can be corrected."""
    if not actor.manages_province:
        raise ValidationError(_("Chỉ cán bộ Sở Nội vụ mới được mở lại giao ước đã ký kết."))
    reason = _required(reason, "reason", _("Hãy ghi lý do mở lại."))
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if not pledge.is_signed:
        raise ValidationError(_("Giao ước chưa ký kết nên không cần mở lại."))
    signed_on = pledge.signed_on
    pledge.signed_on = None
    pledge.save(update_fields=["signed_on"])
    audit_record(
        actor=actor,
        action="movements.pledge.reopened",
        obj=pledge,
        from_state="signed",
        to_state="draft",
        data={"reason": reason, "signed_on": signed_on.isoformat()},
    )
    return pledge


# --- Criteria ----------------------------------------------------------------------------


@transaction.atomic
def criterion_group_save(*, actor: User | None, group: CriterionGroup) -> CriterionGroup:
    """Add a group (at the end) or rename / move one of an unsigned pledge."""
    _locked_pledge(group.pledge)
    siblings = CriterionGroup.objects.filter(pledge_id=group.pledge_id)
    if group.pk is None:
        group.position = _next_position(siblings)
        _save(group)
        action = "movements.criterion_group.created"
    else:
        _move(group, siblings, siblings.get(pk=group.pk).position)
        action = "movements.criterion_group.updated"
    audit_record(actor=actor, action=action, obj=group, data={"pledge": group.pledge_id})
    return group


@transaction.atomic
def criterion_group_delete(*, actor: User, group: CriterionGroup) -> None:
    """Remove a group with its criteria."""
    _locked_pledge(group.pledge)
    count = group.criteria.count()
    audit_record(
        actor=actor,
        action="movements.criterion_group.deleted",
        obj=group,
        data={"pledge": group.pledge_id, "criteria": count},
    )
    group.delete()


@transaction.atomic
def criterion_save(*, actor: User | None, criterion: Criterion) -> Criterion:
    """Add a criterion at the end of its group, or change one, while the pledge is unsigned."""
    _locked_pledge(criterion.group.pledge)
    siblings = Criterion.objects.filter(group_id=criterion.group_id)
    if criterion.pk is None:
        criterion.position = _next_position(siblings)
        _save(criterion)
        action = "movements.criterion.created"
    else:
        _move(criterion, siblings, siblings.get(pk=criterion.pk).position)
        action = "movements.criterion.updated"
    audit_record(
        actor=actor,
        action=action,
        obj=criterion,
        data={
            "group": criterion.group_id,
            "max_points": str(criterion.max_points),
            "kind": criterion.kind,
        },
    )
    return criterion


@transaction.atomic
def criterion_delete(*, actor: User, criterion: Criterion) -> None:
    _locked_pledge(criterion.group.pledge)
    audit_record(
        actor=actor,
        action="movements.criterion.deleted",
        obj=criterion,
        data={"group": criterion.group_id},
    )
    criterion.delete()


# --- Signatories -------------------------------------------------------------------------


@transaction.atomic
def signatory_save(*, actor: User | None, signatory: PledgeSignatory) -> PledgeSignatory:
    """Record who signs (or signed) for a member unit. Not locked by signing: names are
    often written down after the conference."""
    pledge = signatory.pledge
    _check_member(pledge.bloc, pledge.year, signatory.unit if signatory.unit_id else None, "unit")
    created = signatory.pk is None
    _save(signatory)
    audit_record(
        actor=actor,
        action="movements.signatory.created" if created else "movements.signatory.updated",
        obj=signatory,
        data={"pledge": pledge.pk, "unit": signatory.unit_id},
    )
    return signatory


@transaction.atomic
def signatory_delete(*, actor: User, signatory: PledgeSignatory) -> None:
    audit_record(
        actor=actor,
        action="movements.signatory.deleted",
        obj=signatory,
        data={"pledge": signatory.pledge_id, "unit": signatory.unit_id},
    )
    signatory.delete()


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
    _check_member(activity.bloc, year, activity.host if activity.host_id else None, "host")
    created = activity.pk is None
    _save(activity)
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
    budget = _save(Budget(bloc=bloc, year=year, note=note))
    audit_record(actor=actor, action="movements.budget.created", obj=budget, to_state="draft")
    return budget


@transaction.atomic
def budget_line_save(*, actor: User | None, line: BudgetLine) -> BudgetLine:
    """Add a line at the end of the estimate, or change one, while it is not approved."""
    _locked_budget(line.budget)
    created = line.pk is None
    if created:
        line.position = _next_position(BudgetLine.objects.filter(budget_id=line.budget_id))
    _save(line)
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
    _check_member(budget.bloc, budget.year, unit, "unit")
    created = contribution.pk is None
    _save(contribution)
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
    approved_at = _required(approved_at, "approved_at", _("Hãy ghi hội nghị thông qua dự trù."))
    _check_meeting_date(approved_on, budget.year, "approved_on")
    budget.approved_on, budget.approved_at = approved_on, approved_at
    _save(budget)
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
    reason = _required(reason, "reason", _("Hãy ghi lý do mở lại."))
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
