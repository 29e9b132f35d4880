"""Pages of directives and plans, movements, and the blocs' implementation plans."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs import access as bloc_access
from blocs.models import Bloc
from blocs.text import fold
from blocs.views.common import paginate, query_string_without_page, run_service, selected_year

from .. import access
from .. import selectors_documents as selectors
from ..forms.documents import (
    DocumentForm,
    MovementForm,
    MovementStatusForm,
    PlanForm,
    PlanTaskFormSet,
    TaskReopenForm,
    TaskReportForm,
)
from ..models import (
    Document,
    DocumentKind,
    ImplementationPlan,
    Movement,
    MovementKind,
    MovementStatus,
    TaskStatus,
)
from ..services import documents as services


def _year_filter(request: HttpRequest) -> int | None:
    """Lists of this area show every year unless ``?nam=`` picks one."""
    return selected_year(request) if request.GET.get("nam") else None


def _list_context(request: HttpRequest, items, tab: str, **extra) -> dict:
    return {
        "page": paginate(request, items),
        "year": _year_filter(request),
        "query": query_string_without_page(request),
        "tab": tab,
        **extra,
    }


# --- Documents ---------------------------------------------------------------------------


def document_list(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "kind")}
    documents = selectors.document_list(user=request.user, year=_year_filter(request), **filters)
    context = _list_context(
        request, documents, "documents", filters=filters, kinds=DocumentKind.choices,
        can_create=access.can_write_province_documents(request.user),
    )
    return render(request, "movements/document_list.html", context)


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    document = access.get_document_for_user(user, pk)
    years = range(document.year_from, document.year_to + 1)
    context = {
        "document": document,
        "items": document.items.all(),
        "movements": document.movements.order_by("-year", "name"),
        "plans": selectors.plan_list(user=user, today=timezone.localdate()).filter(directive=document),
        "can_edit": access.can_write_province_documents(user),
        "can_plan": document.kind in services.LAUNCHING_KINDS
        and (user.manages_province or any(bloc_access.is_bloc_lead(user, y) for y in years)),
    }
    return render(request, "movements/document_detail.html", context)


@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest) -> HttpResponse:
    if not access.can_write_province_documents(request.user):
        raise PermissionDenied
    return _document_form(request, Document())


@require_http_methods(["GET", "POST"])
def document_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _document_form(request, access.get_document_for_user(request.user, pk, write=True))


def _document_form(request: HttpRequest, document: Document) -> HttpResponse:
    form = DocumentForm(request.POST or None, request.FILES or None, instance=document)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.document_save(
                actor=request.user, document=form.instance, items=form.cleaned_data["items"]
            ),
        )
        if saved:
            messages.success(request, _("Đã lưu “%(d)s”.") % {"d": saved})
            return redirect(saved)
    return _form_page(request, form, document, _("Văn bản chỉ đạo"), "movements:document_list", _("Văn bản"))


def document_file(request: HttpRequest, pk: int) -> FileResponse:
    document = access.get_document_for_user(request.user, pk)
    if not document.signed_file:
        raise Http404
    try:
        handle = document.signed_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = f"{slugify(fold(document.code).replace('/', '-'))}.pdf"
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")


def _form_page(request, form, obj, title: str, list_url: str, list_label: str, **extra) -> HttpResponse:
    context = {"form": form, "object": obj, "title": title, "list_url": list_url, "list_label": list_label}
    return render(request, "movements/document_form.html", {**context, **extra})


# --- Movements ---------------------------------------------------------------------------


def movement_list(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "").strip() for k in ("kind", "status")}
    movements = selectors.movement_list(user=request.user, year=_year_filter(request), **filters)
    context = _list_context(
        request, movements, "movements", filters=filters, kinds=MovementKind.choices,
        statuses=MovementStatus.choices, can_create=access.can_write_province_documents(request.user),
    )
    return render(request, "movements/movement_list.html", context)


def movement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    movement = access.get_movement_for_user(request.user, pk)
    directive = movement.directive
    context = {
        "movement": movement,
        "items": directive.items.all() if directive else [],
        "blocs": movement.blocs.order_by("level", "name"),
        "units": movement.units.order_by("name"),
        "accepts_joining": selectors.movement_accepts_joining(movement, timezone.localdate()),
        "can_edit": access.can_write_province_documents(request.user),
        "closed": movement.status == MovementStatus.CLOSED,
    }
    return render(request, "movements/movement_detail.html", context)


@require_http_methods(["GET", "POST"])
def movement_create(request: HttpRequest) -> HttpResponse:
    if not access.can_write_province_documents(request.user):
        raise PermissionDenied
    initial = {"kind": MovementKind.REGULAR}
    source = request.GET.get("van_ban", "")
    if source.isdigit():
        directive = access.visible_documents(request.user).filter(pk=int(source)).first()
        if directive:
            initial.update(directive=directive, year=directive.year_from, join_from=directive.issued_on)
    return _movement_form(request, Movement(), initial)


@require_http_methods(["GET", "POST"])
def movement_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _movement_form(request, access.get_movement_for_user(request.user, pk, write=True), {})


def _movement_form(request: HttpRequest, movement: Movement, initial: dict) -> HttpResponse:
    form = MovementForm(request.POST or None, instance=movement, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            lambda: services.movement_save(
                actor=request.user, movement=form.instance, blocs=data["blocs"], units=data["units"]
            ),
        )
        if saved:
            messages.success(request, _("Đã lưu phong trào “%(m)s”.") % {"m": saved})
            return redirect(saved)
    return _form_page(
        request, form, movement, _("Phong trào thi đua"), "movements:movement_list", _("Phong trào")
    )


@require_POST
def movement_status(request: HttpRequest, pk: int) -> HttpResponse:
    movement = access.get_movement_for_user(request.user, pk, write=True)
    form = MovementStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn đóng hoặc mở lại phong trào."))
        return redirect(movement)
    action = services.movement_close if form.cleaned_data["action"] == form.CLOSE else services.movement_reopen
    try:
        done = action(actor=request.user, movement=movement, note=form.cleaned_data["note"])
        messages.success(request, _("Phong trào chuyển sang “%(s)s”.") % {"s": done.get_status_display()})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(movement)


# --- Implementation plans ----------------------------------------------------------------


def plan_list(request: HttpRequest) -> HttpResponse:
    year = _year_filter(request)
    plans = selectors.plan_list(user=request.user, today=timezone.localdate(), year=year)
    user, this_year = request.user, year or bloc_access.current_year()
    context = _list_context(
        request, plans, "plans",
        can_create=user.manages_province or bloc_access.is_bloc_lead(user, this_year),
        create_year=this_year,
    )
    return render(request, "movements/plan_list.html", context)


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, pk)
    tasks = selectors.plan_task_rows(user=request.user, plan=plan, today=timezone.localdate())
    context = {
        "plan": plan,
        "solutions": plan.solutions.all(),
        "tasks": tasks,
        "done": sum(t.status == TaskStatus.DONE for t in tasks),
        "late": sum(t.is_late for t in tasks),
        "mine": [t for t in tasks if t.is_mine and t.status == TaskStatus.TODO],
        "can_edit": access.can_write_bloc_object(request.user, plan),
    }
    return render(request, "movements/plan_detail.html", context)


@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    if not (request.user.manages_province or bloc_access.is_bloc_lead(request.user, year)):
        raise PermissionDenied
    initial = {k: request.GET[p] for k, p in (("bloc", "khoi"), ("directive", "van_ban")) if p in request.GET}
    blocs = selectors.plan_blocs(request.user, year)
    return _plan_form(request, ImplementationPlan(year=year), blocs, initial)


@require_http_methods(["GET", "POST"])
def plan_update(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, pk, write=True)
    return _plan_form(request, plan, Bloc.objects.filter(pk=plan.bloc_id), {})


def _plan_form(request: HttpRequest, plan: ImplementationPlan, blocs, initial: dict) -> HttpResponse:
    form = PlanForm(request.POST or None, instance=plan, blocs=blocs, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.plan_save(
                actor=request.user, plan=form.instance, solutions=form.cleaned_data["solutions"]
            ),
        )
        if saved:
            messages.success(request, _("Đã lưu “%(p)s”.") % {"p": saved})
            return redirect(saved)
    title = _("Kế hoạch thực hiện chỉ thị năm %(y)s") % {"y": plan.year}
    return _form_page(request, form, plan, title, "movements:plan_list", _("Kế hoạch thực hiện"))


@require_http_methods(["GET", "POST"])
def plan_tasks(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, pk, write=True)
    formset = PlanTaskFormSet(
        request.POST or None,
        instance=plan,
        queryset=plan.tasks.order_by("quarter", "due_on", "position"),
        form_kwargs={"members": selectors.plan_member_units(plan), "year": plan.year},
        prefix="nv",
    )
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        try:
            services.plan_tasks_save(
                actor=request.user, plan=plan,
                tasks=formset.save(commit=False), deleted=formset.deleted_objects,
            )
            messages.success(request, _("Đã lưu các nhiệm vụ của kế hoạch."))
            return redirect(plan)
        except ValidationError as error:
            errors = error.messages
    return render(request, "movements/plan_tasks.html", {"plan": plan, "formset": formset, "errors": errors})


@require_http_methods(["GET", "POST"])
def task_report(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.get_task_for_user(request.user, pk, report=True)
    form = TaskReportForm(request.POST or None, initial={"report": task.report})
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lambda: services.task_mark_done(actor=request.user, task=task, report=form.cleaned_data["report"])
        )
        if done:
            messages.success(request, _("Đã báo cáo hoàn thành nhiệm vụ."))
            return redirect(task.plan)
    context = {
        "task": task,
        "plan": task.plan,
        "form": form if task.status == TaskStatus.TODO or form.errors else None,
        "reopen_form": TaskReopenForm() if access.can_write_bloc_object(request.user, task.plan) else None,
    }
    return render(request, "movements/plan_task_report.html", context)


@require_POST
def task_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.get_task_for_user(request.user, pk)
    if not access.can_write_bloc_object(request.user, task.plan):
        raise PermissionDenied
    form = TaskReopenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["reason"])
        services.task_reopen(actor=request.user, task=task, reason=form.cleaned_data["reason"])
        messages.success(request, _("Đã mở lại nhiệm vụ để đơn vị bổ sung."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(task.plan)
