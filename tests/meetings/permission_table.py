"""The meetings area's rows of the permission matrix (see tests/test_permissions.py).

In the world: Khối Nội chính (led by truongkhoi's Bộ CHQS; donvi's Công an, Tòa án and Sở
Tài chính are members) holds its year-end review ("near"), Khối Đảng, outside both
officers' sight, holds its own ("far"), and the province holds a congress to which Công an
and Văn phòng Tỉnh ủy are invited (Bộ CHQS is not). Each review has a score sheet per
listed member, a document and the signed minutes.

The sheets are made directly: Khối Nội chính's pledge of the year is the pledges area's
(made after this module's world, unsigned), so the review cannot open them through
``sheets_open`` here; the pages and access rules do not need criteria.

Reports: a year-end report of Khối Nội chính ("near", the lead writes it, its members and the
council read it), one of Khối Đảng ("far") and the province's (everyone reads it, staff write
it), each with a version made from a tiny fake file (no real rendering here) and a rendering
job: failed for the two blocs' reports, still queued for the province's.
"""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from blocs.models import Job, JobStatus
from meetings.models import (
    Delegate,
    LeadCandidate,
    LeadElection,
    Meeting,
    MeetingAttendance,
    MeetingDocument,
    MeetingKind,
    ReportPeriod,
    ReportVersion,
    ReviewReport,
    Score,
    ScoreSheet,
)
from meetings.services import meetings as svc
from meetings.services import reports as report_services
from tests.permission_kit import (
    DONE,
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    NOBODY,
    OK,
    POST_ONLY,
    PROVINCE_STAFF,
    answers,
    get,
    missing,
    no_args,
    pk,
    post,
)

_FAR_READ = answers(OK, OK, HIDDEN, HIDDEN, OK)
_NEAR_MANAGE = answers(OK, OK, OK, FORBIDDEN, FORBIDDEN)  # the lead runs its bloc's meetings
_NEAR_MANAGE_DONE = answers(DONE, DONE, DONE, FORBIDDEN, FORBIDDEN)
_FAR_MANAGE = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)
_FAR_MANAGE_DONE = answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)
# The congress: Công an was invited (reads it), Bộ CHQS was not; only staff run it.
_PROVINCE_READ = answers(OK, OK, HIDDEN, OK, OK)
_PROVINCE_MANAGE = answers(OK, OK, HIDDEN, FORBIDDEN, FORBIDDEN)
# Công an's own attendance and sheet: its officer (and staff) act; the lead reads the sheet.
_CA_ACTS = answers(OK, OK, FORBIDDEN, OK, FORBIDDEN)
_CA_SHEET = answers(OK, OK, OK, OK, HIDDEN)
_CA_SHEET_DONE = answers(DONE, DONE, FORBIDDEN, DONE, HIDDEN)
# Another member's sheet: the lead reads it, a member does not even see it exists.
_TOA_SHEET = answers(OK, OK, OK, HIDDEN, HIDDEN)
_TOA_SHEET_DONE = answers(DONE, DONE, FORBIDDEN, HIDDEN, HIDDEN)
# The province's report: everyone reads it, staff write it.
_PROVINCE_STAFF_DONE = answers(DONE, DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN)


def _manage_rows(what: str, *, near_post=_NEAR_MANAGE) -> list:
    """A form page of the one who runs the meeting: GET near and far, an empty POST near."""
    return [
        get(f"{what} of Khối Nội chính's review", pk("meeting_near"), _NEAR_MANAGE),
        get(f"{what} of Khối Đảng's review", pk("meeting_far"), _FAR_MANAGE),
        post(f"{what} of Khối Nội chính's review, empty", pk("meeting_near"), near_post),
    ]


def _action_rows(what: str) -> list:
    return [
        get(f"{what} by link", pk("meeting_near"), POST_ONLY),
        post(f"{what} at Khối Nội chính's review", pk("meeting_near"), _NEAR_MANAGE_DONE),
        post(f"{what} at Khối Đảng's review", pk("meeting_far"), _FAR_MANAGE_DONE),
    ]


TABLE = {
    "meetings:meeting_list": [get("the meetings", no_args, EVERYONE)],
    "meetings:meeting_create": [
        get("the new meeting form", no_args, _NEAR_MANAGE),
        post("a new meeting with nothing in it", no_args, _NEAR_MANAGE),
    ],
    "meetings:meeting_detail": [
        get("Khối Nội chính's review", pk("meeting_near"), EVERYONE),
        get("Khối Đảng's review", pk("meeting_far"), _FAR_READ),
        get("the province's congress", pk("meeting_province"), _PROVINCE_READ),
        get("a meeting that does not exist", missing, NOBODY),
    ],
    "meetings:minutes_document": [
        get("Khối Nội chính's draft minutes", lambda w: {"pk": w.meeting_near.pk, "fmt": "docx"}, EVERYONE),
        get("Khối Đảng's draft minutes", lambda w: {"pk": w.meeting_far.pk, "fmt": "pdf"}, _FAR_READ),
        get("draft minutes in a format that does not exist", lambda w: {"pk": w.meeting_near.pk, "fmt": "odt"}, NOBODY),
    ],
    "meetings:meeting_update": [
        *_manage_rows("the form"),
        get("the form of the province's congress", pk("meeting_province"), _PROVINCE_MANAGE),
        post("Khối Đảng's review emptied", pk("meeting_far"), _FAR_MANAGE),
    ],
    "meetings:attendance_confirm": [
        get("Công an confirming for the review", pk("attendance_ca"), _CA_ACTS),
        get("Tòa án confirming for the review", pk("attendance_toa"), answers(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
        get("Báo Lai Châu confirming for Khối Đảng's review", pk("attendance_far"), _FAR_MANAGE),
        post("Công an confirming nothing", pk("attendance_ca"), _CA_ACTS),
        get("an attendance that does not exist", missing, NOBODY),
    ],
    "meetings:document_upload": _manage_rows("adding a document"),
    "meetings:document_file": [
        get("a document of Khối Nội chính's review", pk("document_near"), EVERYONE),
        get("a document of Khối Đảng's review", pk("document_far"), _FAR_READ),
        get("a document that does not exist", missing, NOBODY),
    ],
    "meetings:minutes_upload": _manage_rows("uploading the signed minutes"),
    "meetings:minutes_file": [
        get("Khối Nội chính's signed minutes", pk("meeting_near"), EVERYONE),
        get("Khối Đảng's signed minutes", pk("meeting_far"), _FAR_READ),
        get("the congress, which has no signed minutes", pk("meeting_province"), NOBODY),
    ],
    "meetings:ranking": [
        get("Khối Nội chính's ranking", pk("meeting_near"), EVERYONE),
        get("Khối Đảng's ranking", pk("meeting_far"), _FAR_READ),
        get("the congress, which scores nobody", pk("meeting_province"), NOBODY),
    ],
    # Khối Nội chính's pledge is not signed: opening refuses, with a message, and goes back.
    "meetings:sheets_open": _action_rows("opening the sheets"),
    # No sheet is agreed: finalising refuses, with a message, and goes back.
    "meetings:ranking_finalise": _action_rows("finalising the ranking"),
    "meetings:awards_propose": [
        get("proposing awards by link", pk("meeting_near"), POST_ONLY),
        post("proposing nobody from Khối Nội chính's review", pk("meeting_near"), _NEAR_MANAGE),
        post("proposing nobody from Khối Đảng's review", pk("meeting_far"), _FAR_MANAGE),
    ],
    "meetings:sheet_detail": [
        get("Công an's own sheet", pk("sheet_ca"), _CA_SHEET),
        get("Tòa án's sheet", pk("sheet_toa"), _TOA_SHEET),
        get("Báo Lai Châu's sheet in Khối Đảng", pk("sheet_far"), answers(OK, OK, HIDDEN, HIDDEN, HIDDEN)),
        post("Công an's own sheet saved empty", pk("sheet_ca"), _CA_SHEET_DONE),
        post("Tòa án's sheet saved empty", pk("sheet_toa"), _TOA_SHEET_DONE),
        get("a sheet that does not exist", missing, NOBODY),
    ],
    "meetings:sheet_agree": [
        get("agreeing Công an's sheet", pk("sheet_ca"), _NEAR_MANAGE),
        get("agreeing Tòa án's sheet", pk("sheet_toa"), _NEAR_MANAGE),
        get("agreeing Báo Lai Châu's sheet in Khối Đảng", pk("sheet_far"), _FAR_MANAGE),
        post("agreeing Công an's sheet, which has no lines", pk("sheet_ca"), _NEAR_MANAGE_DONE),
    ],
    "meetings:election_create": [
        *_manage_rows("the vote"),
        # Not a review: Công an, invited, may not run it (403) before there is no vote (404).
        get("the vote at the congress", pk("meeting_province"), answers(HIDDEN, HIDDEN, HIDDEN, FORBIDDEN, FORBIDDEN)),
    ],
    # --- Review reports ---
    "meetings:report_list": [get("the reports", no_args, EVERYONE)],
    "meetings:report_create": [
        get("the new report form", no_args, _NEAR_MANAGE),
        post("a new report with nothing in it", no_args, _NEAR_MANAGE),
    ],
    "meetings:report_detail": [
        get("Khối Nội chính's report", pk("report_near"), EVERYONE),
        get("Khối Đảng's report", pk("report_far"), _FAR_READ),
        get("the province's report", pk("report_province"), EVERYONE),
        get("a report that does not exist", missing, NOBODY),
        post("Khối Nội chính's report emptied", pk("report_near"), _NEAR_MANAGE),
        post("Khối Đảng's report emptied", pk("report_far"), _FAR_MANAGE),
        post("the province's report emptied", pk("report_province"), PROVINCE_STAFF),
    ],
    # No format chosen: nothing is queued, a message says why.
    "meetings:report_render": [
        get("rendering by link", pk("report_near"), POST_ONLY),
        post("rendering Khối Nội chính's report in no format", pk("report_near"), _NEAR_MANAGE_DONE),
        post("rendering Khối Đảng's report in no format", pk("report_far"), _FAR_MANAGE_DONE),
        post("rendering the province's report in no format", pk("report_province"), _PROVINCE_STAFF_DONE),
    ],
    "meetings:report_job": [
        get("the failed rendering of Khối Nội chính's report", pk("report_job_near"), EVERYONE),
        get("the failed rendering of Khối Đảng's report", pk("report_job_far"), _FAR_READ),
        get("the queued rendering of the province's report", pk("report_job_province"), EVERYONE),
        get("a job that renders no report (an export)", pk("job_donvi"), NOBODY),
        get("a job that does not exist", missing, NOBODY),
    ],
    "meetings:report_job_retry": [
        get("retrying by link", pk("report_job_near"), POST_ONLY),
        post("retrying Khối Nội chính's failed rendering", pk("report_job_near"), _NEAR_MANAGE_DONE),
        post("retrying Khối Đảng's failed rendering", pk("report_job_far"), _FAR_MANAGE_DONE),
        # Still queued: refused with a message.
        post("retrying the province's queued rendering", pk("report_job_province"), _PROVINCE_STAFF_DONE),
        post("retrying an export through the report page", pk("job_donvi_failed"), NOBODY),
    ],
    "meetings:report_file": [
        get("a version of Khối Nội chính's report", pk("version_near"), EVERYONE),
        get("a version of Khối Đảng's report", pk("version_far"), _FAR_READ),
        get("a version of the province's report", pk("version_province"), EVERYONE),
        get("a version that does not exist", missing, NOBODY),
    ],
}


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% hoi nghi\n%%EOF\n", content_type="application/pdf")


def _review(w, bloc, host, suffix: str) -> Meeting:
    meeting = svc.meeting_create(
        actor=None, bloc=bloc, year=w.year, kind=MeetingKind.YEAR_END, held_on=datetime.date(w.year, 12, 18),
        title=f"Hội nghị tổng kết công tác thi đua năm {w.year} {bloc.name}", place="Hội trường", host_unit=host)
    document = svc.meeting_document_upload(actor=None, meeting=meeting, title="Báo cáo tổng kết",
                                           upload=_pdf(f"bao-cao-{suffix}.pdf"))
    svc.meeting_minutes_attach(actor=None, meeting=meeting, upload=_pdf(f"bien-ban-{suffix}.pdf"))
    setattr(w, f"meeting_{suffix}", meeting)
    setattr(w, f"document_{suffix}", document)
    return meeting


def extend_world(w) -> None:
    near = _review(w, w.noi_chinh, w.chqs, "near")
    far = _review(w, w.dang, w.vptu, "far")
    w.meeting_province = svc.meeting_create(
        actor=None, bloc=None, year=w.year, kind=MeetingKind.CONGRESS, held_on=datetime.date(w.year, 11, 20),
        title="Đại hội thi đua yêu nước tỉnh", place="Hội trường tỉnh", invited=[w.ca, w.vptu])
    w.attendance_ca = near.attendances.get(unit=w.ca)
    w.attendance_toa = near.attendances.get(unit=w.toa)
    w.attendance_far = far.attendances.get(unit=w.bao)
    w.sheet_ca = ScoreSheet.objects.create(meeting=near, unit=w.ca)
    w.sheet_toa = ScoreSheet.objects.create(meeting=near, unit=w.toa)
    w.sheet_far = ScoreSheet.objects.create(meeting=far, unit=w.bao)
    extend_reports(w)


def _report(w, bloc, suffix: str, *, author, status: str) -> None:
    report = report_services.report_save(actor=None, bloc=bloc, year=w.year, period=ReportPeriod.YEAR,
                                         results="Các đơn vị hoàn thành tốt nhiệm vụ.")
    content = b"%PDF-1.4\n% bao cao\n%%EOF\n"
    version = ReportVersion(report=report, number=1, format="pdf", sha256="0" * 64, size=len(content), created_by=author)
    version.file.save(f"bao-cao-{suffix}-v1.pdf", ContentFile(content), save=False)
    version.save()
    job = Job.objects.create(kind=report_services.JOB_KIND, params={"report": report.pk, "format": "pdf"},
                             created_by=author, status=status, error="hỏng" if status == JobStatus.FAILED else "")
    setattr(w, f"report_{suffix}", report)
    setattr(w, f"version_{suffix}", version)
    setattr(w, f"report_job_{suffix}", job)


def extend_reports(w) -> None:
    _report(w, w.noi_chinh, "near", author=w.truongkhoi, status=JobStatus.FAILED)
    _report(w, w.dang, "far", author=w.noivu, status=JobStatus.FAILED)
    _report(w, None, "province", author=w.noivu, status=JobStatus.QUEUED)


def state() -> dict:
    def rows(model, *fields):
        return list(model.objects.values_list("pk", *fields).order_by("pk"))

    return {
        "meetings": rows(Meeting, "kind", "title", "held_on", "place", "host_unit_id", "minutes", "conclusions",
                         "minutes_file"),
        "attendances": rows(MeetingAttendance, "confirmed_at", "absent_reason"),
        "delegates": rows(Delegate, "attendance_id", "full_name", "position"),
        "documents": rows(MeetingDocument, "title", "file"),
        "sheets": rows(ScoreSheet, "unit_id", "self_submitted_at", "agreed_at"),
        "scores": rows(Score, "self_points", "agreed_points", "evidence"),
        "elections": rows(LeadElection, "role", "winner_id"),
        "candidates": rows(LeadCandidate, "unit_id", "votes"),
        "reports": rows(ReviewReport, "number", "symbol", "issuing_body", "signer_post", "results", "recipients"),
        "report_versions": rows(ReportVersion, "report_id", "number", "format", "file"),
    }
