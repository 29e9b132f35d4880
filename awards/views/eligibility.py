"""The "Xét điều kiện" screen: pick a title and a year, see who in one's scope meets the
conditions and why not; and the same list in Excel."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..eligibility import STATUS_LABELS
from ..exports_eligibility import XLSX, eligibility_workbook
from ..forms_eligibility import COLLECTIVES, EligibilityFilterForm
from ..selectors_eligibility import counts, eligibility_rows

PAGE_SIZE = 200


def _filters(request: HttpRequest) -> tuple[EligibilityFilterForm, dict | None]:
    form = EligibilityFilterForm(request.GET, user=request.user)
    return form, (form.cleaned_data if form.is_valid() else None)


def eligibility(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    rows = eligibility_rows(user=request.user, filters=filters) if filters else []
    found = counts(rows)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "counts": [
            (status, label, found.get(status, 0)) for status, label in STATUS_LABELS.items()
        ],
        "collective": bool(filters) and filters["doi_tuong"] == COLLECTIVES,
        "query": query.urlencode(),
    }
    return render(request, "awards/eligibility_list.html", context)


def eligibility_export(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    if filters is None:
        return render(
            request, "awards/eligibility_list.html", {"form": form, "page": None}, status=400
        )
    rows = eligibility_rows(user=request.user, filters=filters)
    content = eligibility_workbook(rows, filters=filters)
    name = _("xet-dieu-kien-%(code)s-%(year)s.xlsx") % {
        "code": filters["danh_hieu"].code.lower(),
        "year": filters["nam"],
    }
    return FileResponse(content, as_attachment=True, filename=name, content_type=XLSX)
