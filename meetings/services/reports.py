"""Review reports: what a six-month or year-end report of a bloc (or of the province) says,
built from the data, and its rendering to PDF or DOCX as a new version.

``report_document`` gathers the figures in a fixed number of queries and returns the
layout-neutral ``OfficialDocument``; ``report_render`` renders and stores a version (the
Celery job and the ``render_report`` command both call it); ``report_start`` queues the job.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from awards.models import AwardRecord, BlocRanking, Proposal, Registration, RegistrationEntry
from blocs import jobs
from blocs.audit import audit_record
from blocs.models import Bloc, Job, MemberRole, Membership, User
from blocs.officialdocs import (
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    render_docx,
    render_pdf,
)
from blocs.text import nfc
from movements.models import (
    Criterion,
    Document,
    DocumentKind,
    Movement,
    PlanTask,
    Pledge,
    TaskStatus,
)
from movements.selectors_pledges import points_label

from ..models import Meeting, ReportFormat, ReportPeriod, ReportVersion, ReviewReport
from .scoring import ranking

JOB_KIND = "meetings_report"
NARRATIVE = ("results", "shortcomings", "causes", "next_tasks", "proposals_text")


def period_end(report: ReviewReport) -> datetime.date:
    return datetime.date(report.year, 6, 30) if report.period == ReportPeriod.HALF_YEAR else datetime.date(report.year, 12, 31)


def _dmy(day: datetime.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip()) for line in (text or "").splitlines() if line.strip()]


def _members(report: ReviewReport) -> list[Membership]:
    memberships = Membership.objects.filter(bloc_year__year=report.year).select_related("unit", "bloc_year__bloc")
    if report.bloc_id:
        memberships = memberships.filter(bloc_year__bloc_id=report.bloc_id)
    return list(memberships.order_by("bloc_year__bloc__name", "unit__name"))


def report_document(report: ReviewReport) -> OfficialDocument:
    """The report as an official document (ND 30 layout), with today's figures."""
    end = period_end(report)
    members = _members(report)
    unit_ids = {m.unit_id for m in members}
    scope = report.bloc.name if report.bloc_id else _("các khối, cụm thi đua của tỉnh")
    period = _("6 tháng đầu năm %(y)s") % {"y": report.year} if report.period == ReportPeriod.HALF_YEAR \
        else _("năm %(y)s") % {"y": report.year}
    verb = _("Sơ kết") if report.period == ReportPeriod.HALF_YEAR else _("Tổng kết")
    blocks: list = [Heading(_("I. Công tác chỉ đạo, triển khai"))]

    # Directives and movements of the year.
    directives = list(Document.objects.filter(kind=DocumentKind.DIRECTIVE, issued_on__lte=end)
                      .filter(issued_on__year__in=(report.year - 1, report.year)).select_related("issuer")
                      .order_by("issued_on"))
    for d in directives:
        blocs_text = _("Thực hiện %(k)s số %(n)s/%(s)s ngày %(d)s của %(i)s %(t)s.") % {
            "k": d.get_kind_display(), "n": d.number, "s": d.symbol, "d": _dmy(d.issued_on), "i": d.issuer.name,
            "t": d.title[:1].lower() + d.title[1:]}
        blocks.append(Paragraph(blocs_text))
    movements = list(Movement.objects.filter(year=report.year).order_by("name"))
    if movements:
        blocks.append(Paragraph(_("Các phong trào thi đua triển khai trong kỳ: %(m)s.") % {
            "m": "; ".join(m.name for m in movements)}))
    pledges = list(Pledge.objects.filter(year=report.year, bloc_id=report.bloc_id) if report.bloc_id else
                   Pledge.objects.filter(year=report.year).select_related("bloc"))
    criteria = Counter(Criterion.objects.filter(group__pledge__in=pledges).values_list("group__pledge_id", flat=True))
    for pledge in pledges:
        if pledge.is_signed:
            blocks.append(Paragraph(_("%(b)s ký kết giao ước thi đua ngày %(d)s tại %(m)s, gồm %(c)s tiêu chí chấm điểm.") % {
                "b": pledge.bloc.name if not report.bloc_id else _("Khối"), "d": _dmy(pledge.signed_on),
                "m": pledge.signing_meeting, "c": criteria.get(pledge.pk, 0)}))

    # Registrations.
    blocks.append(Heading(_("II. Kết quả thực hiện")))
    blocks.append(Heading(_("1. Đăng ký thi đua"), level=2))
    registrations = list(Registration.objects.filter(round__year=report.year, unit_id__in=unit_ids)
                         .exclude(status="nhap").values_list("unit_id", flat=True))
    entries = Counter(RegistrationEntry.objects.filter(registration__round__year=report.year,
                                                       registration__unit_id__in=unit_ids)
                      .exclude(registration__status="nhap").values_list("title__name", flat=True))
    missing = [m.unit.name for m in members if m.unit_id not in set(registrations)]
    blocks.append(Paragraph(_("%(r)s/%(n)s đơn vị đã đăng ký thi đua năm %(y)s.") % {
        "r": len(set(registrations)), "n": len(unit_ids), "y": report.year}
        + (" " + _("Chưa đăng ký: %(u)s.") % {"u": ", ".join(missing)} if missing else "")))
    if entries:
        blocks.append(Table([_("Danh hiệu đăng ký"), _("Số lượng")],
                            [[name, str(count)] for name, count in sorted(entries.items())], widths=[8, 2], numeric={1}))

    # Meetings and the implementation plan.
    blocks.append(Heading(_("2. Hội nghị, hoạt động của khối"), level=2))
    # The meetings of the working year; a year-end review is often held in January after it.
    meetings = Meeting.objects.filter(year=report.year)
    if report.period == ReportPeriod.HALF_YEAR:
        meetings = meetings.filter(held_on__lte=end)
    meetings = meetings.filter(bloc_id=report.bloc_id) if report.bloc_id else meetings
    held = list(meetings.select_related("bloc").order_by("held_on"))
    for meeting in held:
        blocks.append(Paragraph(_("Ngày %(d)s: %(t)s tại %(p)s.") % {"d": _dmy(meeting.held_on), "t": meeting.title,
                                                                    "p": meeting.place}))
    if not held:
        blocks.append(Paragraph(_("Chưa tổ chức hội nghị nào trong kỳ.")))
    tasks = PlanTask.objects.filter(plan__year=report.year)
    tasks = tasks.filter(plan__bloc_id=report.bloc_id) if report.bloc_id else tasks
    tasks = [t for t in tasks.only("status", "due_on") if t.due_on is None or t.due_on <= end]
    done = sum(t.status == TaskStatus.DONE for t in tasks)
    if tasks:
        blocks.append(Paragraph(_("Kế hoạch thực hiện: %(d)s/%(n)s công việc đến hạn đã hoàn thành; %(l)s công việc chưa hoàn thành.") % {
            "d": done, "n": len(tasks), "l": len(tasks) - done}))

    # Ranking (year-end).
    if report.period == ReportPeriod.YEAR:
        blocks.append(Heading(_("3. Kết quả chấm điểm, xếp hạng"), level=2))
        blocks += _ranking_blocks(report)

    # Awards.
    blocks.append(Heading(_("4. Công tác khen thưởng") if report.period == ReportPeriod.YEAR else _("3. Công tác khen thưởng"), level=2))
    proposals = Proposal.objects.filter(year=report.year, proposing_unit_id__in=unit_ids).exclude(status="nhap").count()
    records = Counter(AwardRecord.objects.filter(year=report.year, revoked_by__isnull=True)
                      .filter(unit_id__in=unit_ids).values_list("title__name", flat=True))
    records.update(AwardRecord.objects.filter(year=report.year, revoked_by__isnull=True,
                                              unit_at_award_id__in=unit_ids, person__isnull=False)
                   .values_list("title__name", flat=True))
    blocks.append(Paragraph(_("Các đơn vị đã gửi %(p)s đề nghị khen thưởng; đã có quyết định khen thưởng cho %(n)s tập thể, cá nhân.") % {
        "p": proposals, "n": sum(records.values())}))
    if records:
        blocks.append(Table([_("Danh hiệu, hình thức"), _("Số lượng")],
                            [[name, str(count)] for name, count in sorted(records.items())], widths=[8, 2], numeric={1}))

    # The author's narrative.
    for heading, field in ((_("5. Nhận xét, đánh giá chung"), "results"), (_("III. Tồn tại, hạn chế"), "shortcomings"),
                           (_("Nguyên nhân"), "causes"), (_("IV. Nhiệm vụ, giải pháp kỳ tới"), "next_tasks"),
                           (_("V. Đề xuất, kiến nghị"), "proposals_text")):
        text = getattr(report, field)
        if text:
            level = 2 if heading[0].isdigit() else (1 if heading.startswith(("I", "V")) else 3)
            blocks.append(Heading(heading, level=level))
            blocks += paragraphs(text)

    return OfficialDocument(
        parent_body=report.parent_body, issuing_body=report.issuing_body,
        number=f"{report.number}/{report.symbol}" if report.number else "", symbol=report.symbol,
        place=report.place, date=report.dated, type_name=_("Báo cáo"),
        subject=_("%(v)s công tác thi đua, khen thưởng %(p)s của %(s)s") % {"v": verb, "p": period, "s": scope},
        blocks=blocks,
        recipients=[line.strip() for line in report.recipients.splitlines() if line.strip()],
        signature=Signature(post=report.signer_post, name=report.signer_name, prefix=report.signer_prefix,
                            on_behalf_of=report.issuing_body),
    )


def _ranking_blocks(report: ReviewReport) -> list:
    """The table from the year-end review's scoring if there is one, else the recorded ranking."""
    rankings = BlocRanking.objects.filter(year=report.year).select_related("unit", "bloc").order_by("bloc__name", "rank")
    if report.bloc_id:
        review = Meeting.objects.filter(bloc_id=report.bloc_id, year=report.year, kind="tong_ket").first()
        rows = ranking(review) if review else []
        if rows:
            return [Table([_("Xếp hạng"), _("Đơn vị"), _("Điểm chấm"), _("Điểm thưởng"), _("Điểm trừ"), _("Tổng điểm")],
                          [[str(r.rank or "—"), r.unit.name, points_label(r.scored), points_label(r.bonus), points_label(r.penalty),
                            points_label(r.total)] for r in rows],
                          widths=[2, 8, 2, 2, 2, 2], numeric={2, 3, 4, 5})]
        rankings = rankings.filter(bloc_id=report.bloc_id)
    rows = list(rankings)
    if not rows:
        return [Paragraph(_("Chưa có kết quả xếp hạng."))]
    headers = ([] if report.bloc_id else [_("Khối, cụm")]) + [_("Xếp hạng"), _("Đơn vị"), _("Tổng điểm")]
    return [Table(headers, [([] if report.bloc_id else [r.bloc.name]) + [str(r.rank), r.unit.name,
                                                                         points_label(r.score) if r.score is not None else ""]
                            for r in rows], numeric={len(headers) - 1})]


# --- Rendering --------------------------------------------------------------------------------


def _filename(report: ReviewReport, number: int, fmt: str) -> str:
    scope = f"khoi-{report.bloc_id}" if report.bloc_id else "tinh"
    return f"bao-cao-{report.period}-{report.year}-{scope}-v{number}.{fmt}"


@transaction.atomic
def report_render(*, actor: User | None, report: ReviewReport, fmt: str = ReportFormat.PDF,
                  job: Job | None = None) -> ReportVersion:
    """Render *report* now and keep the file as its next version (the older ones stay). A job
    delivered twice renders once: its version is returned again."""
    if fmt not in ReportFormat.values:
        raise ValidationError(_("Định dạng không hợp lệ."))
    if job is not None:
        existing = ReportVersion.objects.filter(job=job).first()
        if existing:
            return existing
    report = ReviewReport.objects.select_for_update(of=("self",)).select_related("bloc").get(pk=report.pk)
    document = report_document(report)
    content = render_pdf(document) if fmt == ReportFormat.PDF else render_docx(document)
    number = (report.versions.filter(format=fmt).aggregate(n=Max("number"))["n"] or 0) + 1
    version = ReportVersion(report=report, number=number, format=fmt, sha256=hashlib.sha256(content).hexdigest(),
                            size=len(content), job=job, created_by=actor)
    version.file.save(_filename(report, number, fmt), ContentFile(content), save=False)
    version.save()
    audit_record(actor=actor, action="meetings.report.rendered", obj=report,
                 data={"version": number, "format": fmt, "sha256": version.sha256})
    return version


@jobs.register(JOB_KIND, label="Báo cáo sơ kết, tổng kết")
def _report_job(job: Job, progress) -> tuple[str, bytes]:
    report = ReviewReport.objects.get(pk=job.params["report"])
    progress(1, 3)
    version = report_render(actor=job.created_by, report=report, fmt=job.params.get("format", "pdf"), job=job)
    progress(3, 3)
    with version.file.open("rb") as handle:
        return version.file.name.rsplit("/", 1)[-1], handle.read()


def report_start(*, actor: User, report: ReviewReport, fmt: str = ReportFormat.PDF) -> Job:
    """Queue the rendering in a Celery worker; the page polls the job's progress."""
    if fmt not in ReportFormat.values:
        raise ValidationError(_("Định dạng không hợp lệ."))
    return jobs.job_start(actor=actor, kind=JOB_KIND, params={"report": report.pk, "format": fmt})


# --- Editing ----------------------------------------------------------------------------------

EDITABLE = ("number", "symbol", "parent_body", "issuing_body", "place", "dated", *NARRATIVE, "recipients",
            "signer_prefix", "signer_post", "signer_name")


def _defaults(bloc: Bloc | None, year: int) -> dict:
    if bloc is None:
        return {"issuing_body": "SỞ NỘI VỤ", "symbol": "BC-SNV", "signer_post": "Giám đốc",
                "recipients": "UBND tỉnh\nHội đồng Thi đua - Khen thưởng tỉnh\nLưu: VT, TĐKT"}
    lead = (Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year, role=MemberRole.LEAD)
            .select_related("unit").first())
    return {"issuing_body": bloc.name.upper(), "symbol": "BC-" + "".join(w[0] for w in bloc.name.split()[1:] if w).upper()[:8],
            "signer_prefix": "TM.", "signer_post": _("Trưởng khối"),
            "recipients": _("Sở Nội vụ (Ban Thi đua - Khen thưởng)\nCác đơn vị thành viên\nLưu: VT") +
            (f", {lead.unit.short_name or lead.unit.name}" if lead else "")}


@transaction.atomic
def report_save(*, actor: User | None, report: ReviewReport | None = None, bloc: Bloc | None = None,
                year: int | None = None, period: str | None = None, **fields) -> ReviewReport:
    """Create a report (with the issuing body, symbol and recipients filled in from the bloc)
    or save the author's edits; text in NFC."""
    if report is None:
        report = ReviewReport(bloc=bloc, year=year, period=period, created_by=actor, **_defaults(bloc, year))
    else:
        report = ReviewReport.objects.select_for_update().get(pk=report.pk)
    for key, value in fields.items():
        if key in EDITABLE:
            setattr(report, key, nfc(value) if isinstance(value, str) else value)
    report.full_clean(exclude=("created_by",))
    report.save()
    audit_record(actor=actor, action="meetings.report.saved", obj=report)
    return report
