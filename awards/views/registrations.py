"""A unit's registration: writing it, sending it, and its review by the bloc lead (or by
Sở Nội vụ for a unit in no provincial bloc)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs.models import Person, Unit
from blocs.views.common import run_service

from .. import access, selectors, services
from ..forms import CommentForm, RegistrationForm, ReturnForm
from ..models import Registration, RegistrationRound


def _form(request: HttpRequest, unit: Unit, registration: Registration | None = None) -> RegistrationForm:
    # Bound on every POST: a form with nothing ticked and no pledge is still a submission.
    return RegistrationForm(
        request.POST if request.method == "POST" else None,
        titles=selectors.registrable_titles(),
        people=Person.objects.filter(unit=unit).order_by("search_text", "pk"),
        registration=registration,
    )


def _render_form(request, form, round_: RegistrationRound, unit: Unit, registration=None):
    context = {"form": form, "round": round_, "unit": unit, "registration": registration}
    return render(request, "awards/registration_form.html", context)


@require_http_methods(["GET", "POST"])
def registration_create(request: HttpRequest, year: int, unit_pk: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, year)
    unit = access.get_unit_to_register(request.user, unit_pk, year)
    existing = Registration.objects.filter(round=round_, unit=unit).first()
    if existing:
        messages.info(request, _("Đơn vị đã có bản đăng ký thi đua năm này."))
        return redirect(existing)
    form = _form(request, unit)
    if request.method == "POST" and form.is_valid():
        created = run_service(form, lambda: services.registration_create(
            actor=request.user, round_=round_, unit=unit,
            pledge_text=form.cleaned_data["pledge_text"], entries=form.entries(),
        ))
        if created:
            messages.success(request, _("Đã lưu bản đăng ký; hãy kiểm tra rồi bấm “Gửi đăng ký”."))
            return redirect(created)
    return _render_form(request, form, round_, unit)


@require_http_methods(["GET", "POST"])
def registration_update(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access.get_registration_for_user(request.user, pk, write=True)
    refusal = services.not_editable_reason(registration)
    if refusal:
        messages.error(request, refusal)
        return redirect(registration)
    form = _form(request, registration.unit, registration)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: services.registration_save(
            actor=request.user, registration=registration,
            pledge_text=form.cleaned_data["pledge_text"], entries=form.entries(),
        ))
        if saved:
            messages.success(request, _("Đã lưu bản đăng ký."))
            return redirect(saved)
    return _render_form(request, form, registration.round, registration.unit, registration)


def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access.get_registration_for_user(request.user, pk)
    return _detail(request, registration, ReturnForm())


def _detail(request: HttpRequest, registration: Registration, return_form, status: int = 200):
    user = request.user
    context = {
        "registration": registration,
        "round": registration.round,
        "contents": selectors.registration_contents(registration),
        "history": selectors.history(registration),
        "can_write": access.can_write_registration(user, registration),
        "can_review": access.can_review_registration(user, registration),
        "return_form": return_form,
        "accept_form": CommentForm(),
    }
    return render(request, "awards/registration_detail.html", context, status=status)


def _act(request: HttpRequest, registration: Registration, action, success: str) -> HttpResponse:
    try:
        action()
        messages.success(request, success)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(registration)


@require_POST
def registration_submit(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access.get_registration_for_user(request.user, pk, write=True)
    return _act(
        request,
        registration,
        lambda: services.registration_submit(actor=request.user, registration=registration),
        _("Đã gửi bản đăng ký."),
    )


@require_http_methods(["GET", "POST"])
def registration_return(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access.get_registration_for_user(request.user, pk, review=True)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        returned = run_service(form, lambda: services.registration_return(
            actor=request.user, registration=registration, comment=form.cleaned_data["comment"],
        ))
        if returned:
            messages.success(request, _("Đã trả lại bản đăng ký cho %(u)s.") % {"u": registration.unit})
            return redirect(returned)
    return _detail(request, registration, form)


@require_POST
def registration_accept(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access.get_registration_for_user(request.user, pk, review=True)
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _act(
        request,
        registration,
        lambda: services.registration_accept(
            actor=request.user, registration=registration, comment=comment
        ),
        _("Đã tiếp nhận bản đăng ký của %(u)s.") % {"u": registration.unit},
    )
