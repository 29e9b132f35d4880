"""Performance ratings: which units have rated their people this year, a unit's ratings for a
year in one table, and the Excel template and import."""

from __future__ import annotations

import io
import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from blocs.access import visible_units
from blocs.views.common import paginate, run_service, selected_year

from .. import access_facts
from ..forms_facts import RatingsForm, RatingsUploadForm
from ..models import PerformanceRating
from ..services import facts as services
from ..services.ratings_import import ratings_import as import_service
from ..services.ratings_import import ratings_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rating_index(request: HttpRequest) -> HttpResponse:
    """The units the user sees, with how many of their people are rated for the year."""
    year = selected_year(request)
    unit_rating = PerformanceRating.objects.filter(unit=OuterRef("pk"), year=year).values("rating")[:1]
    rated = (
        PerformanceRating.objects.filter(rated_by_unit=OuterRef("pk"), year=year, person__isnull=False)
        .values("rated_by_unit").annotate(n=Count("pk")).values("n")
    )
    units = (
        visible_units(request.user, year)
        .filter(Q(active_to__isnull=True) | Q(active_to__year__gte=year))
        .annotate(
            rated=Coalesce(Subquery(rated), 0),
            unit_rating=Subquery(unit_rating),
        )
        .order_by("name")
    )
    context = {"year": year, "page": paginate(request, units), "query": f"nam={year}",
               "years": range(year + 1, year - 6, -1)}
    return render(request, "awards/rating_index.html", context)


def _unit_year_context(unit, year: int) -> dict:
    people = list(access_facts.people_of_unit_year(unit.pk, year).select_related("unit"))
    stored = {
        r.person_id: r
        for r in PerformanceRating.objects.filter(person__in=[p.pk for p in people], year=year)
        .select_related("rated_by_unit")
    }
    unit_rating = PerformanceRating.objects.filter(unit=unit, year=year).first()
    return {"people": people, "stored": stored, "unit_rating": unit_rating}


@require_http_methods(["GET", "POST"])
def rating_unit_year(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    write = request.method == "POST"
    unit = access_facts.get_rating_unit_for_user(request.user, unit_pk, year, write=write)
    can_write = access_facts.can_write_facts_of_unit(request.user, unit)
    found = _unit_year_context(unit, year)
    form = RatingsForm(request.POST if write else None, people=found["people"], stored=found["stored"],
                       unit_rating=found["unit_rating"])
    if write and form.is_valid():
        saved = run_service(form, lambda: services.ratings_save(
            actor=request.user, unit=unit, year=year, lines=form.lines(),
            unit_rating=form.cleaned_data["unit_rating"], unit_source=form.cleaned_data["unit_source"],
        ))
        if saved is not None:
            messages.success(request, _("Đã lưu kết quả xếp loại năm %(y)s của %(n)s người.") % {"y": year, "n": saved})
            return redirect("awards:rating_unit_year", unit_pk=unit.pk, year=year)
    context = {"unit": unit, "year": year, "form": form, "can_write": can_write,
               "years": range(year + 1, year - 6, -1)}
    return render(request, "awards/rating_unit_year.html", context)


def rating_template(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = access_facts.get_rating_unit_for_user(request.user, unit_pk, year, write=True)
    return FileResponse(io.BytesIO(ratings_template(unit=unit, year=year)), as_attachment=True,
                        filename=f"xep-loai-{unit.code}-{year}.xlsx", content_type=XLSX)


def _errors_key(unit_pk: int, year: int) -> str:
    return f"awards.ratings_errors.{unit_pk}.{year}"


def _keep_error_file(request: HttpRequest, unit_pk: int, year: int, content: bytes) -> None:
    """The annotated copy is the uploader's alone: its name is kept in their session."""
    key = _errors_key(unit_pk, year)
    old = request.session.get(key)
    if old and default_storage.exists(old):
        default_storage.delete(old)
    name = default_storage.save(f"ratings_import_errors/{uuid.uuid4().hex}.xlsx", ContentFile(content))
    request.session[key] = name


@require_http_methods(["GET", "POST"])
def rating_import(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = access_facts.get_rating_unit_for_user(request.user, unit_pk, year, write=True)
    form = RatingsUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = run_service(form, lambda: import_service(
            actor=request.user, unit=unit, year=year, upload=form.cleaned_data["file"]
        ))
        if result is not None and not result.errors:
            messages.success(request, _(
                "Đã nhập kết quả xếp loại năm %(y)s của %(n)s người (bỏ qua %(s)s dòng chưa điền xếp loại)."
            ) % {"y": year, "n": result.saved, "s": result.skipped})
            return redirect("awards:rating_unit_year", unit_pk=unit.pk, year=year)
        if result is not None:
            _keep_error_file(request, unit.pk, year, result.error_file)
    context = {"unit": unit, "year": year, "form": form, "result": result,
               "errors_url": reverse("awards:rating_import_errors", args=[unit.pk, year])}
    return render(request, "awards/rating_import.html", context, status=200)


def rating_import_errors(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = access_facts.get_rating_unit_for_user(request.user, unit_pk, year, write=True)
    name = request.session.get(_errors_key(unit.pk, year))
    if not name or not default_storage.exists(name):
        raise Http404
    return FileResponse(default_storage.open(name, "rb"), as_attachment=True,
                        filename=f"xep-loai-{unit.code}-{year}-loi.xlsx", content_type=XLSX)

