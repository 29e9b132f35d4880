from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import access, selectors, services
from ..forms import UnitDissolveForm, UnitForm
from ..models import Unit, UnitKind
from .common import paginate, query_string_without_page, run_service, selected_year


def unit_list(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "kind", "status", "parent")}
    units = selectors.unit_list(user=request.user, year=year, **filters)
    context = {
        "page": paginate(request, units),
        "filters": filters,
        "kinds": UnitKind.choices,
        "year": year,
        "query": query_string_without_page(request),
        "can_create": request.user.manages_province,
    }
    template = "blocs/_unit_rows.html" if request.headers.get("HX-Request") else "blocs/unit_list.html"
    return render(request, template, context)


def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    year = selected_year(request)
    unit = access.get_unit_for_user(request.user, pk, year=year)
    context = {
        "unit": unit,
        "year": year,
        "memberships": selectors.unit_memberships(unit=unit),
        "people": unit.people.order_by("search_text")[:200],
        "predecessors": unit.predecessors.all(),
        "successors": unit.successors.all(),
        "can_edit": access.can_edit_unit(request.user, unit),
        "can_dissolve": request.user.manages_province and unit.active_to is None,
    }
    return render(request, "blocs/unit_detail.html", context)


@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    if not request.user.manages_province:
        raise PermissionDenied
    return _unit_form(request, Unit())


@require_http_methods(["GET", "POST"])
def unit_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _unit_form(request, access.get_unit_for_user(request.user, pk, write=True))


def _unit_form(request: HttpRequest, unit: Unit) -> HttpResponse:
    form = UnitForm(request.POST or None, instance=unit, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: services.unit_save(actor=request.user, unit=form.instance))
        if saved:
            messages.success(request, _("Đã lưu đơn vị “%(name)s”.") % {"name": saved.name})
            return redirect(saved)
    return render(request, "blocs/form.html", {"form": form, "object": unit, "title": _("Đơn vị")})


@require_http_methods(["GET", "POST"])
def unit_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for_user(request.user, pk, write=True)
    if not request.user.manages_province:
        raise PermissionDenied
    form = UnitDissolveForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form,
            lambda: services.unit_dissolve(
                actor=request.user,
                unit=unit,
                on=form.cleaned_data["on"],
                successors=form.cleaned_data["successors"],
            ),
        )
        if done:
            messages.success(request, _("Đã ghi nhận giải thể đơn vị “%(name)s”.") % {"name": unit.name})
            return redirect(unit)
    title = _("Giải thể, sáp nhập: %(name)s") % {"name": unit.name}
    return render(request, "blocs/form.html", {"form": form, "object": unit, "title": title})
