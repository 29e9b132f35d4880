"""Pages of a bloc's work plan (its activities by quarter) and budget estimate. Each view
fetches through the access rules, validates a form, calls one service and redirects."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from blocs import access as blocs_access
from blocs.views.common import run_service

from .. import access
from .. import selectors_pledges as sel
from ..forms.pledges import (
    FUNDING_SOURCES,
    ActivityForm,
    BudgetApproveForm,
    BudgetForm,
    BudgetLineForm,
    ContributionForm,
    ReopenForm,
)
from ..models import Activity, ActivityStatus, Budget, BudgetContribution, BudgetLine
from ..services import budgets as svc
from .common import (
    FORM_PAGE,
    GET_POST,
    anchored_url,
    bloc_url,
    form_data,
    form_page,
    free_members,
    post_action,
    saved,
)

QUARTERS = [(1, gettext_lazy("Quý I")), (2, gettext_lazy("Quý II")),
            (3, gettext_lazy("Quý III")), (4, gettext_lazy("Quý IV"))]


# --- Work plan ---------------------------------------------------------------------------


def _plan_url(bloc_pk: int, year: int) -> str:
    return reverse("movements:activity_list", args=[bloc_pk, year])


def activity_list(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = blocs_access.get_bloc_for_user(request.user, pk, year=year)
    rows = access.visible_activities(request.user).filter(bloc=bloc, year=year)
    by_quarter: dict[int, list[Activity]] = {q: [] for q, _label in QUARTERS}
    for activity in rows.select_related("host"):
        by_quarter[activity.quarter].append(activity)
    context = {
        "bloc": bloc, "year": year, "statuses": ActivityStatus.choices,
        "quarters": [(label, by_quarter[q]) for q, label in QUARTERS],
        "count": sum(len(found) for found in by_quarter.values()),
        "can_write": blocs_access.can_manage_bloc(request.user, bloc, year),
    }
    return render(request, "movements/activity_list.html", context)


def _activity_form(request, activity: Activity, done: str) -> HttpResponse:
    bloc, year = activity.bloc, activity.year
    form = ActivityForm(*form_data(request), instance=activity, members=sel.bloc_members(bloc, year))
    plan = _("Kế hoạch công tác năm %(y)s") % {"y": year}
    return form_page(
        request, form, lambda: svc.activity_save(actor=request.user, activity=activity),
        title=_("Hoạt động của khối"), back=_plan_url(bloc.pk, year), done=done,
        crumbs=[(bloc_url(bloc, year), bloc.name), (_plan_url(bloc.pk, year), plan)])


@GET_POST
def activity_create(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = access.get_bloc_year_for_writing(request.user, pk, year)
    return _activity_form(request, Activity(bloc=bloc, year=year), _("Đã thêm hoạt động vào kế hoạch."))


@GET_POST
def activity_update(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_activity_for_user(request.user, pk, write=True)
    return _activity_form(request, activity, _("Đã lưu hoạt động."))


@require_POST
def activity_status(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_activity_for_user(request.user, pk, write=True)
    status = request.POST.get("status", "")
    label = dict(ActivityStatus.choices).get(status, status)
    return post_action(
        request, lambda: svc.activity_set_status(actor=request.user, activity=activity, status=status),
        done=_("“%(a)s”: %(s)s.") % {"a": activity.title, "s": label},
        back=_plan_url(activity.bloc_id, activity.year))


@require_POST
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_activity_for_user(request.user, pk, write=True)
    return post_action(request, lambda: svc.activity_delete(actor=request.user, activity=activity),
                       done=_("Đã xóa hoạt động “%(a)s”.") % {"a": activity.title},
                       back=_plan_url(activity.bloc_id, activity.year))


# --- Budget ------------------------------------------------------------------------------


def _budget_crumbs(budget: Budget) -> list:
    return [(bloc_url(budget.bloc, budget.year), budget.bloc.name),
            (budget.get_absolute_url(), str(budget))]


def _budget_page(request, budget: Budget, *, line_form=None, contribution_form=None):
    can_write = access.can_write_bloc_object(request.user, budget)
    editable = can_write and budget.approved_on is None
    sheet = sel.budget_sheet(budget)
    if editable:
        line_form = line_form or BudgetLineForm()
        members = sel.bloc_members(budget.bloc, budget.year).exclude(
            pk__in=[c.unit_id for c in sheet.contributions])
        contribution_form = contribution_form or ContributionForm(members=members)
    context = {
        "budget": budget, "sheet": sheet, "can_write": can_write, "editable": editable,
        "can_reopen": request.user.manages_province and budget.approved_on is not None,
        "line_form": line_form, "contribution_form": contribution_form,
        "funding_sources": FUNDING_SOURCES,
    }
    return render(request, "movements/budget_detail.html", context)


def _budget_changed(request, budget: Budget, ok: bool, done: str, anchor: str, **bound):
    if ok:
        messages.success(request, done)
        return redirect(anchored_url(budget, anchor))
    return _budget_page(request, budget, **bound)


@GET_POST
def budget_create(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = access.get_bloc_year_for_writing(request.user, pk, year)
    if existing := Budget.objects.filter(bloc=bloc, year=year).first():
        messages.info(request, _("Khối đã có dự trù kinh phí năm %(y)s.") % {"y": year})
        return redirect(existing)
    form = BudgetForm(*form_data(request))
    create = lambda: svc.budget_create(actor=request.user, bloc=bloc, year=year, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and (budget := run_service(form, create)):
        messages.success(request, _("Đã tạo dự trù kinh phí năm %(y)s.") % {"y": year})
        return redirect(budget)
    context = {"form": form, "title": _("Dự trù kinh phí %(b)s năm %(y)s") % {"b": bloc.name, "y": year},
               "back": bloc_url(bloc, year), "crumbs": [(bloc_url(bloc, year), bloc.name)],
               "submit": _("Tạo dự trù")}
    return render(request, FORM_PAGE, context)


def budget_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _budget_page(request, access.get_budget_for_user(request.user, pk))


@require_POST
def budget_line_add(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk, write=True)
    line = BudgetLine(budget=budget)
    form = BudgetLineForm(request.POST, instance=line)
    ok = saved(form, lambda: svc.budget_line_save(actor=request.user, line=line))
    done = _("Đã thêm khoản chi “%(i)s”.") % {"i": line.item}
    return _budget_changed(request, budget, ok, done, "khoan-chi", line_form=form)


@GET_POST
def budget_line_update(request: HttpRequest, pk: int) -> HttpResponse:
    line = access.get_line_for_user(request.user, pk, write=True)
    form = BudgetLineForm(*form_data(request), instance=line)
    return form_page(
        request, form, lambda: svc.budget_line_save(actor=request.user, line=line),
        title=_("Khoản chi"), back=anchored_url(line.budget, "khoan-chi"), done=_("Đã lưu khoản chi."),
        crumbs=_budget_crumbs(line.budget), funding_sources=FUNDING_SOURCES)


@require_POST
def budget_line_delete(request: HttpRequest, pk: int) -> HttpResponse:
    line = access.get_line_for_user(request.user, pk, write=True)
    return post_action(request, lambda: svc.budget_line_delete(actor=request.user, line=line),
                       done=_("Đã xóa khoản chi “%(i)s”.") % {"i": line.item},
                       back=anchored_url(line.budget, "khoan-chi"))


@require_POST
def budget_contribution_add(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk, write=True)
    contribution = BudgetContribution(budget=budget)
    members = free_members(budget, budget.contributions.all())
    form = ContributionForm(request.POST, instance=contribution, members=members)
    ok = saved(form, lambda: svc.contribution_save(actor=request.user, contribution=contribution))
    done = _("Đã ghi khoản đóng góp của %(u)s.") % {"u": contribution.unit} if ok else ""
    return _budget_changed(request, budget, ok, done, "dong-gop", contribution_form=form)


@GET_POST
def budget_contribution_update(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = access.get_contribution_for_user(request.user, pk, write=True)
    budget = contribution.budget
    members = free_members(budget, budget.contributions.all(), keep=contribution)
    form = ContributionForm(*form_data(request), instance=contribution, members=members)
    return form_page(
        request, form, lambda: svc.contribution_save(actor=request.user, contribution=contribution),
        title=_("Đóng góp kinh phí"), back=anchored_url(budget, "dong-gop"),
        done=_("Đã lưu khoản đóng góp."), crumbs=_budget_crumbs(budget))


@require_POST
def budget_contribution_delete(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = access.get_contribution_for_user(request.user, pk, write=True)
    return post_action(
        request, lambda: svc.contribution_delete(actor=request.user, contribution=contribution),
        done=_("Đã xóa khoản đóng góp của %(u)s.") % {"u": contribution.unit},
        back=anchored_url(contribution.budget, "dong-gop"))


@GET_POST
def budget_approve(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk, write=True)
    form = BudgetApproveForm(*form_data(request), initial={"approved_at": budget.approved_at})
    return form_page(
        request, form, lambda: svc.budget_approve(actor=request.user, budget=budget, **form.cleaned_data),
        title=_("Thông qua dự trù kinh phí"), back=budget.get_absolute_url(),
        done=_("Đã ghi nhận thông qua dự trù; các khoản chi đã được khóa."),
        crumbs=_budget_crumbs(budget), submit=_("Ghi nhận thông qua"))


@GET_POST
def budget_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk)
    if not request.user.manages_province:
        raise PermissionDenied
    form = ReopenForm(*form_data(request))
    return form_page(
        request, form, lambda: svc.budget_reopen(actor=request.user, budget=budget, **form.cleaned_data),
        title=_("Mở lại dự trù đã thông qua"), back=budget.get_absolute_url(), submit=_("Mở lại"),
        done=_("Đã mở lại dự trù kinh phí."), crumbs=_budget_crumbs(budget))
