"""Registration rounds: the list, opening and changing one, and the year at a glance."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs import jobs
from blocs.views.common import run_service

from .. import access, selectors, services
from ..forms import RoundForm
from ..models import RegistrationRound


def round_list(request: HttpRequest) -> HttpResponse:
    context = {
        "rounds": selectors.round_list(user=request.user),
        "can_manage": access.can_manage_rounds(request.user),
    }
    return render(request, "awards/round_list.html", context)


@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest) -> HttpResponse:
    if not access.can_manage_rounds(request.user):
        raise PermissionDenied
    return _round_form(request, RegistrationRound(), services.round_open)


@require_http_methods(["GET", "POST"])
def round_update(request: HttpRequest, year: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, year, write=True)
    return _round_form(request, round_, services.round_update)


def _round_form(request: HttpRequest, round_: RegistrationRound, service) -> HttpResponse:
    form = RoundForm(request.POST or None, instance=round_, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: service(actor=request.user, round_=form.instance))
        if saved:
            messages.success(request, _("Đã lưu đợt đăng ký thi đua năm %(y)s.") % {"y": saved.year})
            return redirect(saved)
    title = _("Đợt đăng ký thi đua")
    return render(request, "blocs/form.html", {"form": form, "object": round_, "title": title})


def round_detail(request: HttpRequest, year: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, year)
    show = request.GET.get("loc", "")
    overview = selectors.round_overview(user=request.user, round_=round_, show=show)
    for group in overview["groups"]:
        for row in group.rows:
            row.can_create = row.registration is None and access.can_write_for_unit(request.user, row.unit)
    counts = overview["counts"]
    cards = [
        (key, label, counts[count_key], css)
        for key, label, count_key, css in [
            ("", _("Đơn vị"), "units", ""),
            ("dang_ky", _("Đã đăng ký"), "registered", ""),
            ("cho", _("Chờ xem xét"), "da_gui", "text-warning-emphasis"),
            ("nhan", _("Đã tiếp nhận"), "da_nhan", "text-success"),
            ("tra_lai", _("Bị trả lại"), "tra_lai", "text-danger"),
            ("chua", _("Chưa đăng ký"), "chua", "text-danger"),
            ("muon", _("Nộp muộn"), "muon", "text-danger"),
        ]
    ]
    context = {
        "round": round_,
        "show": show,
        "cards": cards,
        "can_manage": access.can_manage_rounds(request.user),
        "can_export": access.can_export_province(request.user),
        **overview,
    }
    return render(request, "awards/round_detail.html", context)


@require_POST
def registration_export(request: HttpRequest, year: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, year)
    if not access.can_export_province(request.user):
        raise PermissionDenied
    job = jobs.job_start(
        actor=request.user, kind="awards_registrations", params={"year": round_.year, "bloc": None}
    )
    return redirect(job)
