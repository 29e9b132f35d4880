from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access, jobs
from ..models import JobStatus
from .common import selected_year


def _start(request: HttpRequest, kind: str, keys: tuple[str, ...]) -> HttpResponse:
    params = {k: request.POST.get(k, "").strip() for k in keys}
    params["year"] = selected_year(request)
    job = jobs.job_start(actor=request.user, kind=kind, params=params)
    return redirect(job)


@require_POST
def people_export(request: HttpRequest) -> HttpResponse:
    return _start(request, "people_export", ("q", "unit"))


@require_POST
def units_export(request: HttpRequest) -> HttpResponse:
    return _start(request, "units_export", ("q", "kind", "status", "parent"))


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = access.get_job_for_user(request.user, pk)
    context = {"job": job, "label": jobs.kind_label(job.kind)}
    # While the job runs, htmx polls this view for the progress fragment only.
    template = "blocs/_job_status.html" if request.headers.get("HX-Request") else "blocs/job_detail.html"
    return render(request, template, context)


def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = access.get_job_for_user(request.user, pk)
    if job.status != JobStatus.DONE or not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1])


@require_POST
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = access.get_job_for_user(request.user, pk)
    try:
        jobs.job_retry(actor=request.user, job=job)
        messages.success(request, _("Đã đưa công việc vào hàng đợi để chạy lại."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(job)
