"""Pages of a bloc's year: its pledge (criteria table, signatories, signing), its work plan
and its budget estimate. Each view fetches through the access rules, validates a form, calls
one service and redirects; a service's refusal goes back into the form."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from blocs import access as blocs_access
from blocs.views.common import paginate, query_string_without_page, run_service, selected_year

from .. import access
from .. import selectors_pledges as sel
from ..forms.pledges import (
    FUNDING_SOURCES,
    ActivityForm,
    BudgetApproveForm,
    BudgetForm,
    BudgetLineForm,
    ContributionForm,
    CriterionForm,
    CriterionGroupForm,
    PledgeAttachForm,
    PledgeCopyForm,
    PledgeForm,
    PledgeSignForm,
    ReopenForm,
    SignatoryForm,
)
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
from ..services import pledges as svc

GET_POST = require_http_methods(["GET", "POST"])
FORM_PAGE = "movements/pledge_form.html"
QUARTERS = [(1, gettext_lazy("Quý I")), (2, gettext_lazy("Quý II")),
            (3, gettext_lazy("Quý III")), (4, gettext_lazy("Quý IV"))]


def _data(request: HttpRequest) -> tuple:
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _form_page(request, form: forms.BaseForm, save: Callable, *, title: str, back: str,
               done: str, **extra) -> HttpResponse:
    """Show *form*; on a valid POST call *save* (one service) and go back to *back*."""
    if request.method == "POST" and form.is_valid() and run_service(form, save) is not None:
        messages.success(request, done)
        return redirect(back)
    return render(request, FORM_PAGE, {"form": form, "title": title, "back": back, **extra})


def _saved(form: forms.BaseForm, save: Callable) -> bool:
    """An add-row form on a page: valid, and the service accepted it."""
    return form.is_valid() and run_service(form, save) is not None


def _post_action(request, action: Callable, *, done: str, back: str) -> HttpResponse:
    try:
        action()
        messages.success(request, done)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(back)


def _bloc_url(bloc, year: int) -> str:
    return f"{reverse('blocs:bloc_detail', args=[bloc.pk])}?nam={year}"


def _anchor(obj, name: str) -> str:
    return f"{obj.get_absolute_url()}#{name}"


# --- The year's list and a pledge --------------------------------------------------------


def pledge_list(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    page = paginate(request, sel.pledge_year_list(user=request.user, year=year))
    sel.decorate_year_rows(page, user=request.user, year=year)
    context = {"page": page, "year": year, "query": query_string_without_page(request)}
    return render(request, "movements/pledge_list.html", context)


def _pledge_crumbs(pledge: Pledge) -> list:
    return [(f"{reverse('movements:pledge_list')}?nam={pledge.year}", _("Giao ước thi đua")),
            (pledge.get_absolute_url(), str(pledge))]


def _pledge_context(request, pledge: Pledge, *, add_forms=None, group_form=None,
                    signatory_form=None) -> dict:
    can_write = access.can_write_bloc_object(request.user, pledge)
    editable = can_write and not pledge.is_signed
    table = sel.criteria_table(pledge)
    for group in table.groups if editable else ():
        # Each group's add-row form has its own ids; the field names stay plain.
        group.add_form = (add_forms or {}).get(group.pk) or CriterionForm(auto_id=f"id_g{group.pk}_%s")
    signatories = list(pledge.signatories.select_related("unit").order_by("unit__name"))
    signed_units = {s.unit_id for s in signatories}
    members = sel.bloc_members(pledge.bloc, pledge.year)
    if can_write and signatory_form is None:
        signatory_form = SignatoryForm(members=members.exclude(pk__in=signed_units))
    if editable and group_form is None:
        group_form = CriterionGroupForm(auto_id="id_group_%s")
    copy_from = editable and not table.groups
    # A refused add on a locked table: its form is hidden, so its errors show on the table.
    bound = [f for f in (group_form, *(add_forms or {}).values()) if f is not None and f.is_bound]
    refusals = [] if editable else [e for f in bound for e in f.non_field_errors()]
    return {
        "refusals": refusals,
        "pledge": pledge, "table": table, "can_write": can_write, "editable": editable,
        "can_reopen": request.user.manages_province and pledge.is_signed,
        "group_form": group_form, "signatory_form": signatory_form, "signatories": signatories,
        "previous": sel.previous_pledge(pledge.bloc, pledge.year) if copy_from else None,
        "missing": [u for u in members if u.pk not in signed_units],
    }


def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk)
    return render(request, "movements/pledge_detail.html", _pledge_context(request, pledge))


def _pledge_changed(request, pledge: Pledge, ok: bool, done: str, anchor: str, **bound):
    """htmx gets the criteria table back; a plain POST a redirect, or the page with errors."""
    if request.headers.get("HX-Request"):
        context = _pledge_context(request, pledge, **({} if ok else bound))
        return render(request, "movements/pledge_criteria.html", context)
    if ok:
        messages.success(request, done)
        return redirect(_anchor(pledge, anchor))
    return render(request, "movements/pledge_detail.html", _pledge_context(request, pledge, **bound))


@GET_POST
def pledge_create(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = sel.get_bloc_year_for_writing(request.user, pk, year)
    if existing := Pledge.objects.filter(bloc=bloc, year=year).first():
        messages.info(request, _("Khối đã có giao ước thi đua năm %(y)s.") % {"y": year})
        return redirect(existing)
    form = PledgeForm(*_data(request))
    create = lambda: svc.pledge_create(actor=request.user, bloc=bloc, year=year, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and (pledge := run_service(form, create)):
        messages.success(request, _("Đã tạo giao ước thi đua năm %(y)s.") % {"y": year})
        return redirect(pledge)
    context = {"form": form, "copy_form": PledgeCopyForm(), "bloc": bloc, "year": year,
               "previous": sel.previous_pledge(bloc, year), "back": _bloc_url(bloc, year)}
    return render(request, "movements/pledge_create.html", context)


@require_POST
def pledge_copy(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = sel.get_bloc_year_for_writing(request.user, pk, year)
    form = PledgeCopyForm(request.POST)
    copy_text = form.is_valid() and form.cleaned_data["copy_text"]
    try:
        pledge = svc.pledge_copy_previous(actor=request.user, bloc=bloc, year=year, copy_text=copy_text)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        existing = Pledge.objects.filter(bloc=bloc, year=year).first()
        return redirect(existing or reverse("movements:pledge_create", args=[bloc.pk, year]))
    messages.success(request, _("Đã sao chép bảng tiêu chí vào giao ước năm %(y)s.") % {"y": year})
    return redirect(pledge)


@GET_POST
def pledge_update(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    form = PledgeForm(*_data(request), instance=pledge)
    return _form_page(
        request, form, lambda: svc.pledge_update(actor=request.user, pledge=pledge, **form.cleaned_data),
        title=_("Nội dung giao ước"), back=pledge.get_absolute_url(),
        done=_("Đã lưu nội dung giao ước."), crumbs=_pledge_crumbs(pledge))


def _sign_warnings(pledge: Pledge) -> list[str]:
    table, warnings = sel.criteria_table(pledge), []
    if table.count and not table.is_full_score:
        warnings.append(_("Tổng điểm các tiêu chí chấm điểm là %(t)s, không phải 100.")
                        % {"t": table.labels["cham"]})
    missing = sel.bloc_members(pledge.bloc, pledge.year).exclude(
        pk__in=pledge.signatories.values("unit_id"))
    if names := ", ".join(u.name for u in missing):
        warnings.append(_("Chưa ghi người ký cho: %(names)s.") % {"names": names})
    return warnings


@GET_POST
def pledge_sign(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    form = PledgeSignForm(*_data(request), initial={"signing_meeting": pledge.signing_meeting})

    def sign():
        data = form.cleaned_data
        return svc.pledge_sign(actor=request.user, pledge=pledge, signed_on=data["signed_on"],
                               meeting=data["signing_meeting"], signed_file=data["signed_file"])

    return _form_page(
        request, form, sign, title=_("Ký kết giao ước"), back=pledge.get_absolute_url(),
        done=_("Đã ghi nhận ký kết giao ước; bảng tiêu chí đã được khóa."),
        crumbs=_pledge_crumbs(pledge), multipart=True, warnings=_sign_warnings(pledge),
        submit=_("Ghi nhận ký kết"),
        intro=_("Sau khi ký kết, bảng tiêu chí không sửa được nữa: các đơn vị sẽ được chấm "
                "điểm theo bảng này khi tổng kết năm."))


@GET_POST
def pledge_attach(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    form = PledgeAttachForm(*_data(request))
    return _form_page(
        request, form,
        lambda: svc.pledge_attach_file(actor=request.user, pledge=pledge, **form.cleaned_data),
        title=_("Tải lên bản giao ước đã ký"), back=pledge.get_absolute_url(),
        done=_("Đã lưu bản giao ước đã ký."), crumbs=_pledge_crumbs(pledge), multipart=True)


def pledge_file(request: HttpRequest, pk: int) -> FileResponse:
    pledge = access.get_pledge_for_user(request.user, pk)
    if not pledge.signed_file:
        raise Http404
    return FileResponse(pledge.signed_file.open("rb"), as_attachment=True, content_type="application/pdf",
                        filename=f"giao-uoc-{pledge.bloc_id}-{pledge.year}.pdf")


@GET_POST
def pledge_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk)
    if not request.user.manages_province:
        raise PermissionDenied
    form = ReopenForm(*_data(request))
    return _form_page(
        request, form, lambda: svc.pledge_reopen(actor=request.user, pledge=pledge, **form.cleaned_data),
        title=_("Mở lại giao ước đã ký kết"), back=pledge.get_absolute_url(), submit=_("Mở lại"),
        done=_("Đã mở lại giao ước: bảng tiêu chí có thể sửa."), crumbs=_pledge_crumbs(pledge))


# --- Criteria ----------------------------------------------------------------------------


@require_POST
def criterion_group_add(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    group = CriterionGroup(pledge=pledge)
    form = CriterionGroupForm(request.POST, instance=group, auto_id="id_group_%s")
    ok = _saved(form, lambda: svc.criterion_group_save(actor=request.user, group=group))
    return _pledge_changed(request, pledge, ok, _("Đã thêm nhóm tiêu chí."), "tieu-chi", group_form=form)


@GET_POST
def criterion_group_update(request: HttpRequest, pk: int) -> HttpResponse:
    group = sel.get_group_for_user(request.user, pk, write=True)
    form = CriterionGroupForm(*_data(request), instance=group)
    return _form_page(
        request, form, lambda: svc.criterion_group_save(actor=request.user, group=group),
        title=_("Nhóm tiêu chí"), back=_anchor(group.pledge, "tieu-chi"),
        done=_("Đã lưu nhóm tiêu chí."), crumbs=_pledge_crumbs(group.pledge))


@require_POST
def criterion_group_delete(request: HttpRequest, pk: int) -> HttpResponse:
    group = sel.get_group_for_user(request.user, pk, write=True)
    return _post_action(request, lambda: svc.criterion_group_delete(actor=request.user, group=group),
                        done=_("Đã xóa nhóm “%(g)s”.") % {"g": group.name},
                        back=_anchor(group.pledge, "tieu-chi"))


@require_POST
def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    group = sel.get_group_for_user(request.user, pk, write=True)
    criterion = Criterion(group=group)
    form = CriterionForm(request.POST, instance=criterion, auto_id=f"id_g{group.pk}_%s")
    ok = _saved(form, lambda: svc.criterion_save(actor=request.user, criterion=criterion))
    return _pledge_changed(request, group.pledge, ok, _("Đã thêm tiêu chí."), "tieu-chi",
                           add_forms={group.pk: form})


@GET_POST
def criterion_update(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = sel.get_criterion_for_user(request.user, pk, write=True)
    pledge = criterion.group.pledge
    form = CriterionForm(*_data(request), instance=criterion)
    return _form_page(
        request, form, lambda: svc.criterion_save(actor=request.user, criterion=criterion),
        title=_("Tiêu chí"), back=_anchor(pledge, "tieu-chi"), done=_("Đã lưu tiêu chí."),
        crumbs=_pledge_crumbs(pledge))


@require_POST
def criterion_delete(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = sel.get_criterion_for_user(request.user, pk, write=True)
    return _post_action(request, lambda: svc.criterion_delete(actor=request.user, criterion=criterion),
                        done=_("Đã xóa tiêu chí."), back=_anchor(criterion.group.pledge, "tieu-chi"))


# --- Signatories -------------------------------------------------------------------------


def _free_members(parent, rows, keep=None):
    """The parent's bloc members not yet in *rows* (plus *keep*'s unit, when editing it)."""
    taken = rows.exclude(pk=keep.pk if keep else None).values("unit_id")
    return sel.bloc_members(parent.bloc, parent.year).exclude(pk__in=taken)


@require_POST
def signatory_add(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    signatory = PledgeSignatory(pledge=pledge)
    members = _free_members(pledge, pledge.signatories.all())
    form = SignatoryForm(request.POST, instance=signatory, members=members)
    ok = _saved(form, lambda: svc.signatory_save(actor=request.user, signatory=signatory))
    done = _("Đã ghi người ký cho %(u)s.") % {"u": signatory.unit} if ok else ""
    return _pledge_changed(request, pledge, ok, done, "dai-dien", signatory_form=form)


@GET_POST
def signatory_update(request: HttpRequest, pk: int) -> HttpResponse:
    signatory = sel.get_signatory_for_user(request.user, pk, write=True)
    pledge = signatory.pledge
    members = _free_members(pledge, pledge.signatories.all(), keep=signatory)
    form = SignatoryForm(*_data(request), instance=signatory, members=members)
    return _form_page(
        request, form, lambda: svc.signatory_save(actor=request.user, signatory=signatory),
        title=_("Đại diện ký giao ước"), back=_anchor(pledge, "dai-dien"),
        done=_("Đã lưu người ký."), crumbs=_pledge_crumbs(pledge))


@require_POST
def signatory_delete(request: HttpRequest, pk: int) -> HttpResponse:
    signatory = sel.get_signatory_for_user(request.user, pk, write=True)
    return _post_action(request, lambda: svc.signatory_delete(actor=request.user, signatory=signatory),
                        done=_("Đã xóa người ký của %(u)s.") % {"u": signatory.unit},
                        back=_anchor(signatory.pledge, "dai-dien"))


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
    form = ActivityForm(*_data(request), instance=activity, members=sel.bloc_members(bloc, year))
    plan = _("Kế hoạch công tác năm %(y)s") % {"y": year}
    return _form_page(
        request, form, lambda: svc.activity_save(actor=request.user, activity=activity),
        title=_("Hoạt động của khối"), back=_plan_url(bloc.pk, year), done=done,
        crumbs=[(_bloc_url(bloc, year), bloc.name), (_plan_url(bloc.pk, year), plan)])


@GET_POST
def activity_create(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = sel.get_bloc_year_for_writing(request.user, pk, year)
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
    return _post_action(
        request, lambda: svc.activity_set_status(actor=request.user, activity=activity, status=status),
        done=_("“%(a)s”: %(s)s.") % {"a": activity.title, "s": label},
        back=_plan_url(activity.bloc_id, activity.year))


@require_POST
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_activity_for_user(request.user, pk, write=True)
    return _post_action(request, lambda: svc.activity_delete(actor=request.user, activity=activity),
                        done=_("Đã xóa hoạt động “%(a)s”.") % {"a": activity.title},
                        back=_plan_url(activity.bloc_id, activity.year))


# --- Budget ------------------------------------------------------------------------------


def _budget_crumbs(budget: Budget) -> list:
    return [(_bloc_url(budget.bloc, budget.year), budget.bloc.name),
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
        return redirect(_anchor(budget, anchor))
    return _budget_page(request, budget, **bound)


@GET_POST
def budget_create(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = sel.get_bloc_year_for_writing(request.user, pk, year)
    if existing := Budget.objects.filter(bloc=bloc, year=year).first():
        messages.info(request, _("Khối đã có dự trù kinh phí năm %(y)s.") % {"y": year})
        return redirect(existing)
    form = BudgetForm(*_data(request))
    create = lambda: svc.budget_create(actor=request.user, bloc=bloc, year=year, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and (budget := run_service(form, create)):
        messages.success(request, _("Đã tạo dự trù kinh phí năm %(y)s.") % {"y": year})
        return redirect(budget)
    context = {"form": form, "title": _("Dự trù kinh phí %(b)s năm %(y)s") % {"b": bloc.name, "y": year},
               "back": _bloc_url(bloc, year), "crumbs": [(_bloc_url(bloc, year), bloc.name)],
               "submit": _("Tạo dự trù")}
    return render(request, FORM_PAGE, context)


def budget_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _budget_page(request, access.get_budget_for_user(request.user, pk))


@require_POST
def budget_line_add(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk, write=True)
    line = BudgetLine(budget=budget)
    form = BudgetLineForm(request.POST, instance=line)
    ok = _saved(form, lambda: svc.budget_line_save(actor=request.user, line=line))
    done = _("Đã thêm khoản chi “%(i)s”.") % {"i": line.item}
    return _budget_changed(request, budget, ok, done, "khoan-chi", line_form=form)


@GET_POST
def budget_line_update(request: HttpRequest, pk: int) -> HttpResponse:
    line = sel.get_line_for_user(request.user, pk, write=True)
    form = BudgetLineForm(*_data(request), instance=line)
    return _form_page(
        request, form, lambda: svc.budget_line_save(actor=request.user, line=line),
        title=_("Khoản chi"), back=_anchor(line.budget, "khoan-chi"), done=_("Đã lưu khoản chi."),
        crumbs=_budget_crumbs(line.budget), funding_sources=FUNDING_SOURCES)


@require_POST
def budget_line_delete(request: HttpRequest, pk: int) -> HttpResponse:
    line = sel.get_line_for_user(request.user, pk, write=True)
    return _post_action(request, lambda: svc.budget_line_delete(actor=request.user, line=line),
                        done=_("Đã xóa khoản chi “%(i)s”.") % {"i": line.item},
                        back=_anchor(line.budget, "khoan-chi"))


@require_POST
def budget_contribution_add(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk, write=True)
    contribution = BudgetContribution(budget=budget)
    members = _free_members(budget, budget.contributions.all())
    form = ContributionForm(request.POST, instance=contribution, members=members)
    ok = _saved(form, lambda: svc.contribution_save(actor=request.user, contribution=contribution))
    done = _("Đã ghi khoản đóng góp của %(u)s.") % {"u": contribution.unit} if ok else ""
    return _budget_changed(request, budget, ok, done, "dong-gop", contribution_form=form)


@GET_POST
def budget_contribution_update(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = sel.get_contribution_for_user(request.user, pk, write=True)
    budget = contribution.budget
    members = _free_members(budget, budget.contributions.all(), keep=contribution)
    form = ContributionForm(*_data(request), instance=contribution, members=members)
    return _form_page(
        request, form, lambda: svc.contribution_save(actor=request.user, contribution=contribution),
        title=_("Đóng góp kinh phí"), back=_anchor(budget, "dong-gop"),
        done=_("Đã lưu khoản đóng góp."), crumbs=_budget_crumbs(budget))


@require_POST
def budget_contribution_delete(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = sel.get_contribution_for_user(request.user, pk, write=True)
    return _post_action(
        request, lambda: svc.contribution_delete(actor=request.user, contribution=contribution),
        done=_("Đã xóa khoản đóng góp của %(u)s.") % {"u": contribution.unit},
        back=_anchor(contribution.budget, "dong-gop"))


@GET_POST
def budget_approve(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk, write=True)
    form = BudgetApproveForm(*_data(request), initial={"approved_at": budget.approved_at})
    return _form_page(
        request, form, lambda: svc.budget_approve(actor=request.user, budget=budget, **form.cleaned_data),
        title=_("Thông qua dự trù kinh phí"), back=budget.get_absolute_url(),
        done=_("Đã ghi nhận thông qua dự trù; các khoản chi đã được khóa."),
        crumbs=_budget_crumbs(budget), submit=_("Ghi nhận thông qua"))


@GET_POST
def budget_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    budget = access.get_budget_for_user(request.user, pk)
    if not request.user.manages_province:
        raise PermissionDenied
    form = ReopenForm(*_data(request))
    return _form_page(
        request, form, lambda: svc.budget_reopen(actor=request.user, budget=budget, **form.cleaned_data),
        title=_("Mở lại dự trù đã thông qua"), back=budget.get_absolute_url(), submit=_("Mở lại"),
        done=_("Đã mở lại dự trù kinh phí."), crumbs=_budget_crumbs(budget))
