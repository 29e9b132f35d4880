"""Helpers shared by the meeting pages: a form page that calls one service, POST-only
actions, file downloads and the breadcrumbs back to the meeting."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from blocs.views.common import run_service

from ..models import Meeting

GET_POST = require_http_methods(["GET", "POST"])
FORM_PAGE = "meetings/form.html"


def form_data(request: HttpRequest) -> tuple:
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def meeting_crumbs(meeting: Meeting | None = None) -> list[tuple[str, str]]:
    crumbs = [(reverse("meetings:meeting_list"), _("Hội nghị"))]
    if meeting is not None:
        crumbs.append((meeting.get_absolute_url(), meeting.title))
    return crumbs


def form_page(request: HttpRequest, form: forms.BaseForm, save: Callable, *, title: str, back: str,
              done: str | Callable, **extra) -> HttpResponse:
    """Show *form*; on a valid POST call *save* (one service) and go back to *back*.
    *done* is the success message, or a function of what *save* returned."""
    if request.method == "POST" and form.is_valid() and (result := run_service(form, save)) is not None:
        messages.success(request, done(result) if callable(done) else done)
        return redirect(back)
    return render(request, FORM_PAGE, {"form": form, "title": title, "back": back, **extra})


def post_action(request: HttpRequest, action: Callable, *, done: str | Callable, back: str) -> HttpResponse:
    try:
        result = action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done(result) if callable(done) else done)
    return redirect(back)


def pdf_download(file: FieldFile, filename: str) -> FileResponse:
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")
