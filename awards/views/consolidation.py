"""A bloc's consolidated registration: the lead checks the members and sends it to Sở Nội
vụ, which acknowledges it; both can export it to Excel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs import jobs
from blocs.views.common import run_service

from .. import access, selectors, services
from ..forms import BlocSubmitForm, CommentForm
from ..models import BlocRegistration, RegistrationStatus
from ..services.consolidation import missing_members


def bloc_registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consolidated = access.get_bloc_registration_for_user(request.user, pk)
    return _page(request, consolidated, None)


def _page(request: HttpRequest, consolidated: BlocRegistration, submit_form) -> HttpResponse:
    user = request.user
    missing = missing_members(consolidated)
    members = selectors.bloc_members(consolidated)
    context = {
        "consolidated": consolidated,
        "round": consolidated.round,
        "members": members,
        "missing": missing,
        "pending": [row for row in members if row.state == RegistrationStatus.SUBMITTED],
        "registrations": selectors.consolidated_registrations(
            user=user, year=consolidated.round.year, bloc_id=consolidated.bloc_id
        ),
        "history": selectors.history(consolidated),
        "can_submit": access.can_submit_bloc_registration(user, consolidated),
        "can_acknowledge": access.can_acknowledge(user),
        "submit_form": submit_form or BlocSubmitForm(missing=missing),
        "acknowledge_form": CommentForm(),
    }
    return render(request, "awards/bloc_registration_detail.html", context)


@require_POST
def bloc_registration_submit(request: HttpRequest, pk: int) -> HttpResponse:
    consolidated = access.get_bloc_registration_for_user(request.user, pk, submit=True)
    form = BlocSubmitForm(request.POST, missing=missing_members(consolidated))
    if form.is_valid():
        sent = run_service(form, lambda: services.bloc_registration_submit(
            actor=request.user, bloc_registration=consolidated,
            missing_units=form.cleaned_data["missing_units"], comment=form.cleaned_data["comment"],
        ))
        if sent:
            messages.success(request, _("Đã gửi bảng tổng hợp đăng ký cho Sở Nội vụ."))
            return redirect(sent)
    # Back to the page with the form's errors and what was typed.
    return _page(request, consolidated, form)


@require_POST
def bloc_registration_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    consolidated = access.get_bloc_registration_for_user(request.user, pk, acknowledge=True)
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        services.bloc_registration_acknowledge(
            actor=request.user, bloc_registration=consolidated, comment=comment
        )
        messages.success(request, _("Đã tiếp nhận bảng tổng hợp của %(b)s.") % {"b": consolidated.bloc})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(consolidated)


@require_POST
def bloc_registration_export(request: HttpRequest, pk: int) -> HttpResponse:
    consolidated = access.get_bloc_registration_for_user(request.user, pk)
    job = jobs.job_start(
        actor=request.user,
        kind="awards_registrations",
        params={"year": consolidated.round.year, "bloc": consolidated.bloc_id},
    )
    return redirect(job)
