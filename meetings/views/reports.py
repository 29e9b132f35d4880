"""Pages of the six-month and year-end review reports: the list, creating one, its page (the
header and narrative the author edits, a preview of what the data gives, rendering to PDF or
Word as a background job polled with htmx, the versions kept) and the downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs import jobs
from blocs.models import Bloc, Job
from blocs.officialdocs import CONTENT_TYPES, Heading, Paragraph, Table
from blocs.views.common import paginate, query_string_without_page, run_service, selected_year

from .. import access
from ..forms import ReportCreateForm, ReportForm
from ..models import ReportFormat, ReportPeriod, ReportVersion, ReviewReport
from ..services import reports as svc
from .common import FORM_PAGE, GET_POST, form_data, post_action

PROVINCE = "tinh"  # ?khoi=tinh: the province's own reports


def report_crumbs(report: ReviewReport | None = None) -> list[tuple[str, str]]:
    crumbs = [(reverse("meetings:meeting_list"), _("Hội nghị")),
              (reverse("meetings:report_list"), _("Báo cáo sơ kết, tổng kết"))]
    if report is not None:
        crumbs.append((report.get_absolute_url(), str(report)))
    return crumbs


# --- The list ------------------------------------------------------------------------------


def _filters(request: HttpRequest) -> dict:
    raw = {key: request.GET.get(key, "").strip() for key in ("khoi", "ky")}
    return {
        "year": selected_year(request) if request.GET.get("nam") else None,
        "bloc": raw["khoi"] if raw["khoi"] == PROVINCE or raw["khoi"].isdigit() else "",
        "period": raw["ky"] if raw["ky"] in ReportPeriod.values else "",
    }


def report_rows(user, *, year=None, bloc="", period=""):
    """The reports *user* reads, newest year first, each with its number of versions and the
    time of the last one (one query whatever the number of rows)."""
    reports = access.visible_reports(user).select_related("bloc")
    if year is not None:
        reports = reports.filter(year=year)
    if bloc == PROVINCE:
        reports = reports.filter(bloc__isnull=True)
    elif bloc:
        reports = reports.filter(bloc_id=int(bloc))
    if period:
        reports = reports.filter(period=period)
    reports = reports.annotate(version_count=Count("versions"), last_rendered=Max("versions__created_at"))
    return reports.order_by("-year", "bloc__name", "period", "pk")


def report_list(request: HttpRequest) -> HttpResponse:
    user, filters = request.user, _filters(request)
    page = paginate(request, report_rows(user, **filters))
    blocs = Bloc.objects.filter(pk__in=access.visible_reports(user).values("bloc_id")).order_by("name")
    year = filters["year"] or selected_year(request)
    create = reverse("meetings:report_create")
    prefill = "&".join(f"{key}={value}" for key, value in
                       (("nam", year), ("khoi", filters["bloc"]), ("ky", filters["period"])) if value)
    context = {
        "page": page, "filters": filters, "year": filters["year"], "periods": ReportPeriod.choices,
        "blocs": blocs, "province": PROVINCE, "query": query_string_without_page(request),
        "can_create": access.can_create_report(user, year=year), "create_url": f"{create}?{prefill}",
    }
    return render(request, "meetings/report_list.html", context)


# --- Creating ------------------------------------------------------------------------------


def _create_initial(request: HttpRequest, year: int) -> dict:
    bloc = request.GET.get("khoi", "")
    period = request.GET.get("ky", "")
    if period not in ReportPeriod.values:
        period = ReportPeriod.YEAR if timezone.localdate().month >= 10 else ReportPeriod.HALF_YEAR
    return {"year": year, "period": period, "bloc": int(bloc) if bloc.isdigit() else None}


@GET_POST
def report_create(request: HttpRequest) -> HttpResponse:
    user, year = request.user, selected_year(request)
    if not access.can_create_report(user, year=year):
        raise PermissionDenied
    form = ReportCreateForm(
        *form_data(request), blocs=access.report_blocs(user), province=user.manages_province,
        allowed=lambda bloc, y: access.can_create_report(user, bloc, y) if bloc else user.manages_province,
        initial=_create_initial(request, year))

    def create():
        data = form.cleaned_data
        return svc.report_save(actor=user, bloc=data["bloc"], year=data["year"], period=data["period"])

    if request.method == "POST" and form.is_valid() and (report := run_service(form, create)):
        messages.success(request, _("Đã tạo báo cáo “%(r)s”. Hãy ghi phần nhận xét, đánh giá rồi kết xuất.")
                         % {"r": report})
        return redirect(report)
    return render(request, FORM_PAGE, {
        "form": form, "title": _("Báo cáo sơ kết, tổng kết mới"), "crumbs": report_crumbs(),
        "back": reverse("meetings:report_list"), "submit": _("Tạo báo cáo"),
        "intro": _("Chọn khối, cụm (hoặc cấp tỉnh), năm và kỳ báo cáo. Cơ quan ban hành, ký hiệu, người ký và "
                   "nơi nhận được điền sẵn theo khối; sửa được ở trang báo cáo."),
    })


# --- The report's page ---------------------------------------------------------------------


def _preview(report: ReviewReport) -> dict:
    """What the rendered report will say, as blocks the template draws one by one."""
    document = svc.report_document(report)
    kinds = {Heading: "heading", Paragraph: "paragraph", Table: "table"}
    return {
        "document": document,
        "blocks": [(kinds.get(type(block), "paragraph"), block) for block in document.blocks],
        "signature_lines": document.signature.lines if document.signature else [],
    }


def _versions(report: ReviewReport):
    return report.versions.select_related("created_by").order_by("-created_at", "-pk")


def _latest_job(report: ReviewReport) -> Job | None:
    return (Job.objects.filter(kind=svc.JOB_KIND, params__report=report.pk).select_related("created_by")
            .order_by("-created_at", "-pk").first())


def _job_context(job: Job, report: ReviewReport, can_edit: bool) -> dict:
    fmt = job.params.get("format", ReportFormat.PDF)
    return {
        "job": job, "report": report, "can_edit": can_edit,
        "job_format": ReportFormat(fmt).label if fmt in ReportFormat.values else fmt,
        # Bootstrap's width steps: a bar without a style attribute (CSP).
        "job_step": min(100, 25 * round(job.percent / 25)),
        "job_version": ReportVersion.objects.filter(job=job).first() if job.status == "done" else None,
    }


@GET_POST
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    report = access.get_report_for_user(user, pk, write=request.method == "POST")
    can_edit = access.can_edit_report(user, report)
    form = None
    if can_edit:
        # The form edits its own copy: the page around it shows what is saved.
        form = ReportForm(*form_data(request), instance=ReviewReport.objects.get(pk=report.pk))
    if request.method == "POST" and form.is_valid() and run_service(
            form, lambda: svc.report_save(actor=user, report=report, **form.cleaned_data)):
        messages.success(request, _("Đã lưu báo cáo."))
        return redirect(report)
    job = _latest_job(report)
    context = {
        "report": report, "form": form, "can_edit": can_edit, "crumbs": report_crumbs(),
        "versions": _versions(report), "formats": ReportFormat.choices, **_preview(report),
        **(_job_context(job, report, can_edit) if job else {}),
    }
    return render(request, "meetings/report_detail.html", context)


@require_POST
def report_render(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk, write=True)
    fmt = request.POST.get("format", "")
    return post_action(
        request, lambda: svc.report_start(actor=request.user, report=report, fmt=fmt),
        done=_("Đã bắt đầu kết xuất báo cáo (%(f)s); trang tự cập nhật khi xong.")
        % {"f": ReportFormat(fmt).label if fmt in ReportFormat.values else fmt},
        back=f"{report.get_absolute_url()}#ket-xuat")


# --- The rendering job ---------------------------------------------------------------------


def _job_for_user(user, pk: int, *, write: bool = False) -> tuple[Job, ReviewReport]:
    """A rendering job of a report the user reads (and writes, with *write*); other jobs
    are not this page's."""
    job = Job.objects.filter(pk=pk, kind=svc.JOB_KIND).select_related("created_by").first()
    report_pk = job.params.get("report") if job is not None and isinstance(job.params, dict) else None
    if not isinstance(report_pk, int):
        raise Http404
    return job, access.get_report_for_user(user, report_pk, write=write)


def report_job(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    job, report = _job_for_user(user, pk)
    context = _job_context(job, report, access.can_edit_report(user, report))
    if request.headers.get("HX-Request"):
        # Polled by the report's page; once the job ends, the versions table is redrawn too.
        if job.is_finished:
            context["versions"], context["oob"] = _versions(report), True
        return render(request, "meetings/report_job_status.html", context)
    return render(request, "meetings/report_job.html", {**context, "crumbs": report_crumbs(report)})


@require_POST
def report_job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a failed rendering again: whoever may edit the report may, not only the one who
    started it (the file it makes is the report's, for all its readers)."""
    job, report = _job_for_user(request.user, pk, write=True)
    return post_action(request, lambda: jobs.job_retry(actor=request.user, job=job),
                       done=_("Đã đưa việc kết xuất vào hàng đợi để chạy lại."),
                       back=f"{report.get_absolute_url()}#ket-xuat")


# --- Files ---------------------------------------------------------------------------------


def report_file(request: HttpRequest, pk: int) -> FileResponse:
    version = ReportVersion.objects.filter(pk=pk).first()
    if version is None:
        raise Http404
    access.get_report_for_user(request.user, version.report_id)
    if not version.file:
        raise Http404
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=version.file.name.rsplit("/", 1)[-1],
                        content_type=CONTENT_TYPES.get(version.format, "application/octet-stream"))
