"""Business actions on directives and plans, movements, and a bloc's implementation plan.

Views, the admin's callers, the demo loader and tests go through these: each validates,
saves and writes its audit row in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from blocs.audit import audit_record
from blocs.models import Membership, Unit, User
from blocs.text import fold, nfc, nfc_fields

from ..models import (
    Document,
    DocumentItem,
    DocumentKind,
    ImplementationPlan,
    Movement,
    MovementKind,
    MovementStatus,
    PlanSolution,
    PlanTask,
    TaskStatus,
)

# Documents that can launch a movement or be implemented by a bloc's plan.
LAUNCHING_KINDS = (DocumentKind.DIRECTIVE, DocumentKind.PLAN)


def _actor(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _dmy(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


# --- Documents ---------------------------------------------------------------------------


def _check_document(document: Document) -> None:
    # The type code in the symbol ("CT" in "09/CT-UBND") names the kind (ND 30/2020).
    code = document.symbol.split("-", 1)[0].upper()
    if code in DocumentKind.values and code != document.kind:
        raise ValidationError(
            {"symbol": _("Ký hiệu “%(s)s” là của loại %(k)s, không khớp loại văn bản đã chọn.")
             % {"s": document.symbol, "k": DocumentKind(code).label}}
        )
    if document.report_deadline and document.issued_on and document.report_deadline < document.issued_on:
        raise ValidationError({"report_deadline": _("Hạn báo cáo phải sau ngày ban hành.")})


def _name_signed_file(document: Document) -> None:
    """Store a new upload under the document's number, not the name it had on the PC."""
    upload = document.signed_file
    if upload and not getattr(upload, "_committed", True):
        upload.name = f"{slugify(fold(document.code).replace('/', '-'))}-{document.issued_on:%Y}.pdf"


def _save_or_explain(obj, message: str) -> None:
    """Save *obj*; a unique constraint violated by a concurrent save becomes *message*."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        raise ValidationError(message) from error


def _replace_items(document: Document, items: Sequence[str]) -> bool:
    texts = [nfc(t) for t in items if nfc(t)]
    if texts == list(document.items.values_list("text", flat=True)):
        return False
    document.items.all().delete()
    DocumentItem.objects.bulk_create(
        DocumentItem(document=document, position=i, text=text) for i, text in enumerate(texts, 1)
    )
    return True


@transaction.atomic
def document_save(
    *, actor: User | None, document: Document, items: Sequence[str] | None = None
) -> Document:
    """Create or update a directive, plan or guidance and, when given, its numbered items."""
    created = document.pk is None
    nfc_fields(document)
    document.symbol = document.symbol.replace(" ", "").upper()
    _check_document(document)
    if created:
        document.created_by = _actor(actor)
    document.full_clean(exclude=["created_by"])
    _name_signed_file(document)
    _save_or_explain(document, _("Số văn bản này đã có trong năm của cơ quan ban hành."))
    items_changed = _replace_items(document, items) if items is not None else False
    audit_record(
        actor=actor,
        action="movements.document.created" if created else "movements.document.updated",
        obj=document,
        data={"items": document.items.count(), "items_changed": items_changed,
              "signed_file": document.signed_file.name or ""},
    )
    return document


# --- Movements ---------------------------------------------------------------------------


def _check_movement(movement: Movement) -> None:
    errors: dict[str, str] = {}
    if movement.kind == MovementKind.REGULAR and not movement.year:
        errors["year"] = _("Phong trào thường xuyên phải ghi năm.")
    if movement.kind == MovementKind.THEMATIC:
        if not movement.starts_on:
            errors["starts_on"] = _("Phong trào chuyên đề phải có ngày bắt đầu.")
        if not movement.ends_on:
            errors["ends_on"] = _("Phong trào chuyên đề phải có ngày kết thúc.")
    directive = movement.directive
    if directive is not None:
        if directive.kind not in LAUNCHING_KINDS:
            errors["directive"] = _("Phong trào được phát động bằng chỉ thị hoặc kế hoạch.")
        elif movement.year and not directive.year_from <= movement.year <= directive.year_to:
            errors["directive"] = _("%(d)s áp dụng cho năm %(a)s–%(b)s, không có năm %(y)s.") % {
                "d": directive, "a": directive.year_from, "b": directive.year_to, "y": movement.year
            }
    if movement.join_until and movement.ends_on and movement.join_until > movement.ends_on:
        errors["join_until"] = _("Hạn nhận đăng ký phải trước ngày kết thúc phong trào.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def movement_save(
    *,
    actor: User | None,
    movement: Movement,
    blocs: Sequence | None = None,
    units: Sequence[Unit] | None = None,
) -> Movement:
    """Create or update a movement and who takes part. Its status changes only through
    ``movement_close`` and ``movement_reopen``."""
    created = movement.pk is None
    if not created:
        movement.status = Movement.objects.values_list("status", flat=True).get(pk=movement.pk)
    nfc_fields(movement)
    _check_movement(movement)
    movement.full_clean()
    movement.save()
    if blocs is not None:
        movement.blocs.set(blocs)
    if units is not None:
        movement.units.set(units)
    audit_record(
        actor=actor,
        action="movements.movement.created" if created else "movements.movement.updated",
        obj=movement,
        to_state=movement.status if created else "",
        data={"blocs": sorted(b.pk for b in movement.blocs.all()),
              "units": sorted(u.pk for u in movement.units.all())},
    )
    return movement


def _movement_transition(
    actor: User | None, movement: Movement, allowed: set[str], to: str, refusal: str, action: str, note: str
) -> Movement:
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if movement.status not in allowed:
        raise ValidationError(refusal)
    old, movement.status = movement.status, to
    movement.save(update_fields=["status"])
    audit_record(
        actor=actor, action=action, obj=movement, from_state=old, to_state=to,
        data={"note": nfc(note)} if note.strip() else None,
    )
    return movement


@transaction.atomic
def movement_close(*, actor: User | None, movement: Movement, note: str = "") -> Movement:
    """Close an open (or reopened) movement: units can no longer join it."""
    return _movement_transition(
        actor, movement, {MovementStatus.OPEN, MovementStatus.REOPENED}, MovementStatus.CLOSED,
        _("Phong trào đã đóng."), "movements.movement.closed", note,
    )


@transaction.atomic
def movement_reopen(*, actor: User | None, movement: Movement, note: str = "") -> Movement:
    """Reopen a closed movement (e.g. to let late units join)."""
    return _movement_transition(
        actor, movement, {MovementStatus.CLOSED}, MovementStatus.REOPENED,
        _("Chỉ mở lại được phong trào đã đóng."), "movements.movement.reopened", note,
    )


# --- Implementation plans ----------------------------------------------------------------


def _check_plan(plan: ImplementationPlan) -> None:
    directive = plan.directive
    if directive.kind not in LAUNCHING_KINDS:
        raise ValidationError({"directive": _("Kế hoạch thực hiện một chỉ thị hoặc kế hoạch của cấp trên.")})
    if not directive.year_from <= plan.year <= directive.year_to:
        raise ValidationError(
            {"directive": _("%(d)s áp dụng cho năm %(a)s–%(b)s, không có năm %(y)s.")
             % {"d": directive, "a": directive.year_from, "b": directive.year_to, "y": plan.year}}
        )
    if not Membership.objects.filter(bloc_year__bloc_id=plan.bloc_id, bloc_year__year=plan.year).exists():
        raise ValidationError(
            _("%(b)s chưa có danh sách thành viên năm %(y)s.") % {"b": plan.bloc, "y": plan.year}
        )


def _replace_solutions(plan: ImplementationPlan, solutions: Sequence[str]) -> bool:
    texts = [nfc(t) for t in solutions if nfc(t)]
    if texts == list(plan.solutions.values_list("text", flat=True)):
        return False
    plan.solutions.all().delete()
    PlanSolution.objects.bulk_create(
        PlanSolution(plan=plan, position=i, text=text) for i, text in enumerate(texts, 1)
    )
    return True


@transaction.atomic
def plan_save(
    *, actor: User | None, plan: ImplementationPlan, solutions: Sequence[str] | None = None
) -> ImplementationPlan:
    """Create or update a bloc's plan implementing a directive, and its solutions."""
    created = plan.pk is None
    if not created:
        # The bloc, year and directive identify the plan; they are not changed afterwards.
        plan.bloc_id, plan.year, plan.directive_id = ImplementationPlan.objects.values_list(
            "bloc_id", "year", "directive_id"
        ).get(pk=plan.pk)
    else:
        plan.created_by = _actor(actor)
    nfc_fields(plan)
    _check_plan(plan)
    plan.full_clean(exclude=["created_by"])
    _save_or_explain(plan, _("Khối đã có kế hoạch thực hiện chỉ thị này."))
    changed = _replace_solutions(plan, solutions) if solutions is not None else False
    audit_record(
        actor=actor,
        action="movements.plan.created" if created else "movements.plan.updated",
        obj=plan,
        data={"solutions": plan.solutions.count(), "solutions_changed": changed},
    )
    return plan


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> datetime.date:
    month = quarter * 3
    return datetime.date(year, month, 30 if month in (6, 9) else 31)


def resolve_schedule(quarter: int | None, due_on: datetime.date | None, year: int) -> tuple:
    """A task's (quarter, due date) in a plan of *year*: a quarter alone is due on its last
    day; a date of that year gives its quarter; both must agree."""
    if quarter and due_on is None:
        return quarter, quarter_end(year, quarter)
    if due_on is not None and not quarter:
        return (quarter_of(due_on) if due_on.year == year else None), due_on
    if quarter and due_on is not None and (due_on.year != year or quarter_of(due_on) != quarter):
        raise ValidationError(
            {"due_on": _("Hạn %(d)s không thuộc quý %(q)s năm %(y)s.")
             % {"d": _dmy(due_on), "q": quarter, "y": year}}
        )
    return quarter, due_on


def _check_task(task: PlanTask, plan: ImplementationPlan, members: set[int]) -> None:
    if task.responsible_id is not None and task.responsible_id not in members:
        raise ValidationError(
            _("“%(u)s” không phải thành viên %(b)s năm %(y)s.")
            % {"u": task.responsible, "b": plan.bloc, "y": plan.year}
        )
    task.quarter, task.due_on = resolve_schedule(task.quarter, task.due_on, plan.year)


@transaction.atomic
def plan_tasks_save(
    *,
    actor: User | None,
    plan: ImplementationPlan,
    tasks: Sequence[PlanTask] = (),
    deleted: Sequence[PlanTask] = (),
) -> list[PlanTask]:
    """Add or change *tasks* of *plan* and delete *deleted*; a done task is not deleted."""
    plan = ImplementationPlan.objects.select_for_update().select_related("bloc").get(pk=plan.pk)
    done = PlanTask.objects.filter(pk__in=[t.pk for t in deleted], status=TaskStatus.DONE).first()
    if done:
        raise ValidationError(_("Không xóa được nhiệm vụ đã hoàn thành: “%(t)s”.") % {"t": done})
    PlanTask.objects.filter(plan=plan, pk__in=[t.pk for t in deleted]).delete()
    members = set(
        Membership.objects.filter(bloc_year__bloc=plan.bloc, bloc_year__year=plan.year).values_list(
            "unit_id", flat=True
        )
    )
    last = max(plan.tasks.values_list("position", flat=True), default=0)
    added = 0
    for task in tasks:
        task.plan = plan
        if task.pk is None:
            last += 1
            task.position, added = last, added + 1
        nfc_fields(task)
        _check_task(task, plan, members)
        task.full_clean()
        task.save()
    if tasks or deleted:
        audit_record(
            actor=actor,
            action="movements.plan.tasks_changed",
            obj=plan,
            data={"added": added, "changed": len(tasks) - added, "deleted": len(deleted)},
        )
    return list(tasks)


@transaction.atomic
def task_mark_done(
    *, actor: User | None, task: PlanTask, report: str, at: datetime.datetime | None = None
) -> PlanTask:
    """The responsible unit (or the bloc lead) reports a task done, in a few words. *at*
    (default now) lets an import record when an earlier year's task was reported."""
    task = PlanTask.objects.select_for_update().get(pk=task.pk)
    if task.status == TaskStatus.DONE:
        raise ValidationError(_("Nhiệm vụ này đã được báo cáo hoàn thành."))
    report = nfc(report)
    if not report:
        raise ValidationError({"report": _("Hãy ghi ngắn gọn kết quả thực hiện.")})
    task.status, task.report = TaskStatus.DONE, report
    task.done_at, task.done_by = at or timezone.now(), _actor(actor)
    task.full_clean()
    task.save(update_fields=["status", "report", "done_at", "done_by"])
    audit_record(
        actor=actor, action="movements.task.done", obj=task,
        from_state=TaskStatus.TODO, to_state=TaskStatus.DONE, data={"report": report},
    )
    return task


@transaction.atomic
def task_reopen(*, actor: User | None, task: PlanTask, reason: str) -> PlanTask:
    """The bloc lead sends a reported task back (the report is kept for the unit to amend)."""
    task = PlanTask.objects.select_for_update().get(pk=task.pk)
    if task.status != TaskStatus.DONE:
        raise ValidationError(_("Nhiệm vụ này chưa được báo cáo hoàn thành."))
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do mở lại nhiệm vụ.")})
    task.status, task.done_at, task.done_by = TaskStatus.TODO, None, None
    task.save(update_fields=["status", "done_at", "done_by"])
    audit_record(
        actor=actor, action="movements.task.reopened", obj=task,
        from_state=TaskStatus.DONE, to_state=TaskStatus.TODO,
        data={"reason": reason, "report": task.report},
    )
    return task
