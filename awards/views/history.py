"""The award history: the province-wide search and the import of past awards."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.files.base import ContentFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs import jobs
from blocs.access import visible_units
from blocs.models import Job, JobStatus
from blocs.views.common import paginate, query_string_without_page

from .. import access_history as access
from ..exports_history import FILTERS, filters_of
from ..forms_history import ImportForm
from ..models import Title
from ..services.history import history_search as search
from ..services.history_import import history_import as run_import
from ..services.history_import import template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def history_search(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "").strip() for k in FILTERS}
    records = search(user=request.user, **filters)
    context = {
        "page": paginate(request, records),
        "filters": filters,
        "units": visible_units(request.user).order_by("name"),
        "titles": Title.objects.order_by("kind", "position"),
        "query": query_string_without_page(request),
        "can_run": access.can_run_council(request.user),
    }
    return render(request, "awards/history_search.html", context)


@require_POST
def history_export(request: HttpRequest) -> HttpResponse:
    """The search's current results in Excel, as a background job run in the user's scope."""
    job = jobs.job_start(actor=request.user, kind="awards_history", params=filters_of(request.POST))
    return redirect(job)


@require_http_methods(["GET", "POST"])
def history_import(request: HttpRequest) -> HttpResponse:
    access.check_imports_history(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    result, report_job = None, None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = run_import(actor=request.user, file=upload, file_name=upload.name)
        if result.ok:
            messages.success(request, _("Đã nhập %(n)s khen thưởng vào lịch sử.") % {"n": result.created})
        else:
            report_job = _keep_report(request, result.report)
    return render(request, "awards/history_import.html", {"form": form, "result": result, "report_job": report_job})


def _keep_report(request: HttpRequest, report: bytes) -> Job:
    """The bad rows' workbook as a finished job: downloaded through the jobs' scoped view,
    which gives it to its author only."""
    job = Job(kind="history_import_report", created_by=request.user, status=JobStatus.DONE,
              finished_at=timezone.now())
    job.file.save(f"loi-nhap-lich-su-{timezone.localdate():%Y%m%d}.xlsx", ContentFile(report), save=False)
    job.save()
    return job


def history_template(request: HttpRequest) -> FileResponse:
    access.check_imports_history(request.user)
    return FileResponse(io.BytesIO(template_workbook()), as_attachment=True, content_type=XLSX,
                        filename="mau-nhap-lich-su-khen-thuong.xlsx")
