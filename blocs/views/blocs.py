from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import access, selectors, services
from ..forms import BlocForm, MembershipAddForm, MembershipRoleForm
from ..models import Bloc, BlocLevel
from .common import paginate, query_string_without_page, run_service, selected_year


def bloc_list(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "level")}
    blocs = selectors.bloc_list(user=request.user, year=year, **filters)
    context = {
        "page": paginate(request, blocs),
        "filters": filters,
        "levels": BlocLevel.choices,
        "year": year,
        "query": query_string_without_page(request),
        "can_create": access.can_edit_bloc_roster(request.user),
    }
    return render(request, "blocs/bloc_list.html", context)


def _year_url(bloc: Bloc, year: int) -> str:
    return f"{reverse('blocs:bloc_detail', args=[bloc.pk])}?nam={year}"


def bloc_detail(request: HttpRequest, pk: int) -> HttpResponse:
    year = selected_year(request)
    bloc, bloc_year = access.get_bloc_year_for_user(request.user, pk, year)
    add_form = MembershipAddForm(bloc=bloc, year=year, user=request.user) if access.can_edit_bloc_roster(request.user) else None
    return _bloc_page(request, bloc, bloc_year, year, add_form)


def _bloc_page(request, bloc, bloc_year, year, add_form) -> HttpResponse:
    context = {
        "bloc": bloc,
        "year": year,
        "bloc_year": bloc_year,
        "roster": selectors.bloc_roster(bloc=bloc, year=year),
        "lead_history": selectors.bloc_lead_history(bloc=bloc),
        "can_edit": access.can_edit_bloc_roster(request.user),
        "add_form": add_form,
        "years": range(year - 2, year + 2),
    }
    return render(request, "blocs/bloc_detail.html", context)


@require_http_methods(["GET", "POST"])
def bloc_create(request: HttpRequest) -> HttpResponse:
    if not access.can_edit_bloc_roster(request.user):
        raise PermissionDenied
    return _bloc_form(request, Bloc())


@require_http_methods(["GET", "POST"])
def bloc_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _bloc_form(request, access.get_bloc_for_user(request.user, pk, write=True))


def _bloc_form(request: HttpRequest, bloc: Bloc) -> HttpResponse:
    form = BlocForm(request.POST or None, instance=bloc)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: services.bloc_save(actor=request.user, bloc=form.instance))
        if saved:
            messages.success(request, _("Đã lưu “%(name)s”.") % {"name": saved.name})
            return redirect(saved)
    return render(request, "blocs/form.html", {"form": form, "object": bloc, "title": _("Khối/cụm thi đua")})


@require_POST
def membership_add(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc, _bloc_year = access.get_bloc_year_for_user(request.user, pk, year, write=True)
    form = MembershipAddForm(request.POST, bloc=bloc, year=year, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        added = run_service(
            form,
            lambda: services.membership_add(
                actor=request.user,
                bloc=bloc,
                year=year,
                unit=data["unit"],
                role=data["role"],
                lead_source=data["lead_source"],
                source_note=data["source_note"],
            ),
        )
        if added:
            messages.success(request, _("Đã thêm “%(u)s” vào khối năm %(y)s.") % {"u": added.unit, "y": year})
            return redirect(_year_url(bloc, year))
    # Re-render the bloc page with the form's errors and what was typed.
    return _bloc_page(request, bloc, _bloc_year, year, form)


@require_http_methods(["GET", "POST"])
def membership_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = access.get_membership_for_user(request.user, pk)
    initial = {
        "role": membership.role,
        "lead_source": membership.lead_source,
        "source_note": membership.source_note,
    }
    form = MembershipRoleForm(request.POST or None, initial=initial)
    bloc, year = membership.bloc_year.bloc, membership.bloc_year.year
    if request.method == "POST" and form.is_valid():
        changed = run_service(
            form,
            lambda: services.membership_set_role(actor=request.user, membership=membership, **form.cleaned_data),
        )
        if changed:
            messages.success(request, _("Đã cập nhật vai trò của “%(u)s”.") % {"u": membership.unit})
            return redirect(_year_url(bloc, year))
    title = _("Vai trò của %(u)s trong %(b)s năm %(y)s") % {"u": membership.unit, "b": bloc, "y": year}
    return render(request, "blocs/form.html", {"form": form, "object": membership, "title": title})


@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = access.get_membership_for_user(request.user, pk)
    bloc, year = membership.bloc_year.bloc, membership.bloc_year.year
    try:
        services.membership_remove(actor=request.user, membership=membership)
        messages.success(request, _("Đã rút “%(u)s” khỏi khối năm %(y)s.") % {"u": membership.unit, "y": year})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_year_url(bloc, year))


@require_POST
def bloc_copy(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc, _bloc_year = access.get_bloc_year_for_user(request.user, pk, year, write=True)
    try:
        result = services.bloc_copy_previous_year(actor=request.user, bloc=bloc, year=year)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_year_url(bloc, year))
    messages.success(
        request, _("Đã sao chép %(n)s thành viên từ năm %(y)s.") % {"n": len(result.copied), "y": year - 1}
    )
    for unit, reason in result.skipped:
        messages.warning(request, _("Bỏ qua “%(u)s”: %(r)s") % {"u": unit, "r": reason})
    return redirect(_year_url(bloc, year))


@require_POST
def bloc_confirm(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc, _bloc_year = access.get_bloc_year_for_user(request.user, pk, year, write=True)
    try:
        services.bloc_year_confirm(actor=request.user, bloc=bloc, year=year)
        messages.success(request, _("Đã xác nhận danh sách thành viên năm %(y)s.") % {"y": year})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_year_url(bloc, year))
