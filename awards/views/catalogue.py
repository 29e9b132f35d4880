"""The catalogue of titles and forms, and what a movement plans to award."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs.views.common import run_service
from movements.access import get_movement_for_user
from movements.models import Movement

from .. import access, selectors, services
from ..forms import MovementAwardForm
from ..models import MovementAward


def catalogue(request: HttpRequest) -> HttpResponse:
    found = selectors.catalogue()
    sections = [
        (_("Danh hiệu thi đua (Luật Thi đua, khen thưởng 2022, Điều 6, 20)"), found["titles"]),
        (_("Hình thức khen thưởng (Điều 9)"), found["forms"]),
    ]
    context = {"sections": sections, "can_edit": request.user.manages_province}
    return render(request, "awards/catalogue.html", context)


@require_http_methods(["GET", "POST"])
def planned_award_create(request: HttpRequest, movement_pk: int) -> HttpResponse:
    movement = get_movement_for_user(request.user, movement_pk)
    if not access.can_plan_awards(request.user):
        raise PermissionDenied
    return _planned_award_form(request, movement, MovementAward(movement=movement))


@require_http_methods(["GET", "POST"])
def planned_award_update(request: HttpRequest, pk: int) -> HttpResponse:
    award = access.get_planned_award_for_user(request.user, pk, write=True)
    return _planned_award_form(request, award.movement, award)


def _planned_award_form(request: HttpRequest, movement: Movement, award: MovementAward) -> HttpResponse:
    form = MovementAwardForm(request.POST or None, instance=award)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, lambda: services.movement_award_save(actor=request.user, award=form.instance)
        )
        if saved:
            messages.success(request, _("Đã lưu khen thưởng dự kiến “%(t)s”.") % {"t": saved.title})
            return redirect(movement)
    context = {"form": form, "movement": movement, "award": award}
    return render(request, "awards/planned_award_form.html", context)


@require_POST
def planned_award_delete(request: HttpRequest, pk: int) -> HttpResponse:
    award = access.get_planned_award_for_user(request.user, pk, write=True)
    movement = award.movement
    services.movement_award_delete(actor=request.user, award=award)
    messages.success(request, _("Đã bỏ khen thưởng dự kiến “%(t)s”.") % {"t": award.title})
    return redirect(movement)
