"""Helpers shared by the pledge and budget pages: a form page that calls one service, add-row
forms, POST-only actions and the URLs they go back to."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from blocs.views.common import run_service

from .. import selectors_pledges as sel

GET_POST = require_http_methods(["GET", "POST"])
FORM_PAGE = "movements/pledge_form.html"


def form_data(request: HttpRequest) -> tuple:
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def form_page(request, form: forms.BaseForm, save: Callable, *, title: str, back: str,
              done: str, **extra) -> HttpResponse:
    """Show *form*; on a valid POST call *save* (one service) and go back to *back*."""
    if request.method == "POST" and form.is_valid() and run_service(form, save) is not None:
        messages.success(request, done)
        return redirect(back)
    return render(request, FORM_PAGE, {"form": form, "title": title, "back": back, **extra})


def saved(form: forms.BaseForm, save: Callable) -> bool:
    """An add-row form on a page: valid, and the service accepted it."""
    return form.is_valid() and run_service(form, save) is not None


def post_action(request, action: Callable, *, done: str, back: str) -> HttpResponse:
    try:
        action()
        messages.success(request, done)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(back)


def bloc_url(bloc, year: int) -> str:
    return f"{reverse('blocs:bloc_detail', args=[bloc.pk])}?nam={year}"


def anchored_url(obj, name: str) -> str:
    return f"{obj.get_absolute_url()}#{name}"


def free_members(parent, rows, keep=None):
    """The parent's bloc members not yet in *rows* (plus *keep*'s unit, when editing it)."""
    taken = rows.exclude(pk=keep.pk if keep else None).values("unit_id")
    return sel.bloc_members(parent.bloc, parent.year).exclude(pk__in=taken)
