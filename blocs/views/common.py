"""Helpers shared by the views of every app: the selected year, paging, service errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from ..access import current_year
from ..models import MAX_YEAR, MIN_YEAR

PAGE_SIZE = 50


def selected_year(request: HttpRequest) -> int:
    """The year the user is looking at: ``?nam=`` when valid, else this year."""
    raw = request.GET.get("nam", "")
    if raw.isdigit() and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    return current_year()


def paginate(request: HttpRequest, items, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("trang"))


def run_service(form: forms.BaseForm, action: Callable[[], Any]) -> Any | None:
    """Call *action*; a ValidationError it raises becomes errors on *form* (which keeps
    what the user typed) and the call returns None."""
    try:
        return action()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                target = field if field in form.fields else None
                for message in messages:
                    form.add_error(target, message)
        else:
            for message in error.messages:
                form.add_error(None, message)
        return None


def query_string_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("trang", None)
    return params.urlencode()
