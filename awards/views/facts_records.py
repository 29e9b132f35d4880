"""Initiatives, discipline and holds: scoped lists filtered by year and unit, their forms,
and closing a hold."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs.access import visible_units
from blocs.views.common import paginate, query_string_without_page, run_service

from .. import access_facts
from ..forms_facts import DisciplineForm, FactFilterForm, HoldCloseForm, HoldForm, InitiativeForm
from ..models import Discipline, Hold, Initiative
from ..services import facts as services


def _filtered(request: HttpRequest, queryset: QuerySet, *, year_q, unit_q) -> tuple[QuerySet, FactFilterForm]:
    form = FactFilterForm(request.GET or None, units=visible_units(request.user))
    if form.is_valid():
        year, unit = form.cleaned_data["nam"], form.cleaned_data["don_vi"]
        if year:
            queryset = queryset.filter(year_q(year))
        if unit:
            queryset = queryset.filter(unit_q(unit))
    return queryset, form


def _list(request, template: str, queryset, form, **extra) -> HttpResponse:
    context = {"page": paginate(request, queryset), "filter_form": form,
               "query": query_string_without_page(request), **extra}
    return render(request, template, context)


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


# --- Initiatives -------------------------------------------------------------------------


def initiative_list(request: HttpRequest) -> HttpResponse:
    queryset = (
        access_facts.visible_initiatives(request.user)
        .select_related("unit", "used_by__title", "used_by__decision")
        .prefetch_related("authors")
    )
    queryset, form = _filtered(request, queryset, year_q=lambda y: Q(recognised_on__year=y),
                               unit_q=lambda u: Q(unit=u))
    return _list(request, "awards/initiative_list.html", queryset, form,
                 can_add=access_facts.can_add_initiatives(request.user))


def _initiative_form(request: HttpRequest, initiative: Initiative) -> HttpResponse:
    form = InitiativeForm(request.POST or None, instance=initiative, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: services.initiative_save(
            actor=request.user, initiative=form.save(commit=False), authors=form.cleaned_data["authors"]
        ))
        if saved:
            messages.success(request, _("Đã lưu sáng kiến “%(t)s”.") % {"t": saved.title})
            return redirect("awards:initiative_list")
    return render(request, "awards/initiative_form.html", {
        "form": form, "initiative": initiative, "object": initiative,
        "heading": initiative.title if initiative.pk else _("Thêm sáng kiến, đề tài"),
        "back_url": reverse("awards:initiative_list"), "back_label": _("Sáng kiến, đề tài"),
    })


@require_http_methods(["GET", "POST"])
def initiative_create(request: HttpRequest) -> HttpResponse:
    if not access_facts.can_add_initiatives(request.user):
        raise PermissionDenied
    return _initiative_form(request, Initiative())


@require_http_methods(["GET", "POST"])
def initiative_update(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = access_facts.get_initiative_for_user(request.user, pk, write=True)
    if initiative.used_by_id:
        messages.error(request, _("Sáng kiến đã được dùng làm căn cứ khen thưởng: không sửa được."))
        return redirect("awards:initiative_list")
    return _initiative_form(request, initiative)


# --- Discipline --------------------------------------------------------------------------


def discipline_list(request: HttpRequest) -> HttpResponse:
    queryset = access_facts.visible_disciplines(request.user).select_related("person__unit", "unit_at_time")

    def in_year(year: int) -> Q:
        start, end = _year_bounds(year)
        return Q(effective_from__lte=end) & (Q(effective_to__isnull=True) | Q(effective_to__gte=start))

    queryset, form = _filtered(request, queryset, year_q=in_year,
                               unit_q=lambda u: Q(unit_at_time=u) | Q(person__unit=u))
    return _list(request, "awards/discipline_list.html", queryset, form,
                 can_add=access_facts.can_write_official_facts(request.user))


def _discipline_form(request: HttpRequest, discipline: Discipline) -> HttpResponse:
    form = DisciplineForm(request.POST or None, instance=discipline)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: services.discipline_save(
            actor=request.user, discipline=form.save(commit=False)))
        if saved:
            messages.success(request, _("Đã lưu quyết định kỷ luật của %(p)s.") % {"p": saved.person})
            return redirect("awards:discipline_list")
    return render(request, "awards/discipline_form.html", {
        "form": form, "discipline": discipline, "object": discipline, "heading": _("Quyết định kỷ luật"),
        "back_url": reverse("awards:discipline_list"), "back_label": _("Kỷ luật"),
    })


@require_http_methods(["GET", "POST"])
def discipline_create(request: HttpRequest) -> HttpResponse:
    if not access_facts.can_write_official_facts(request.user):
        raise PermissionDenied
    return _discipline_form(request, Discipline())


@require_http_methods(["GET", "POST"])
def discipline_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _discipline_form(request, access_facts.get_discipline_for_user(request.user, pk, write=True))


# --- Holds -------------------------------------------------------------------------------


def hold_list(request: HttpRequest) -> HttpResponse:
    queryset = access_facts.visible_holds(request.user).select_related("person__unit", "unit")

    def in_year(year: int) -> Q:
        start, end = _year_bounds(year)
        return Q(opened_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))

    queryset, form = _filtered(request, queryset, year_q=in_year, unit_q=lambda u: Q(unit=u) | Q(person__unit=u))
    return _list(request, "awards/hold_list.html", queryset, form,
                 can_add=access_facts.can_write_official_facts(request.user), close_form=HoldCloseForm())


def _hold_form(request: HttpRequest, hold: Hold) -> HttpResponse:
    form = HoldForm(request.POST or None, instance=hold)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: services.hold_save(actor=request.user, hold=form.save(commit=False)))
        if saved:
            messages.success(request, _("Đã lưu vụ việc: %(h)s.") % {"h": saved})
            return redirect("awards:hold_list")
    return render(request, "awards/hold_form.html", {
        "form": form, "hold": hold, "object": hold, "heading": _("Vụ việc đang xem xét"),
        "back_url": reverse("awards:hold_list"), "back_label": _("Vụ việc đang xem xét"),
    })


@require_http_methods(["GET", "POST"])
def hold_create(request: HttpRequest) -> HttpResponse:
    if not access_facts.can_write_official_facts(request.user):
        raise PermissionDenied
    return _hold_form(request, Hold())


@require_http_methods(["GET", "POST"])
def hold_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _hold_form(request, access_facts.get_hold_for_user(request.user, pk, write=True))


@require_POST
def hold_close(request: HttpRequest, pk: int) -> HttpResponse:
    hold = access_facts.get_hold_for_user(request.user, pk, write=True)
    form = HoldCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập ngày kết thúc (dd/mm/yyyy)."))
        return redirect("awards:hold_list")
    closed = run_service(form, lambda: services.hold_close(
        actor=request.user, hold=hold, closed_on=form.cleaned_data["closed_on"], note=form.cleaned_data["note"]))
    if closed:
        messages.success(request, _("Đã kết thúc vụ việc: %(h)s.") % {"h": closed})
    else:
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    return redirect("awards:hold_list")
