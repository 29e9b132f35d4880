"""The meeting screens: the list and a meeting's page, creating and editing, each unit
confirming who attends, and the files, each for the persona who does it and hidden or
refused for the others. The scoring, ranking and vote screens are in test_scoring_screens."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blocs.models import AuditLog
from meetings.models import (
    Delegate,
    Meeting,
    MeetingAttendance,
    MeetingDocument,
    MeetingKind,
    ScoreSheet,
)
from meetings.services import meetings as meeting_services
from tests.meetings.screen_kit import (  # noqa: F401  (media is an autouse fixture)
    REQUIRED,
    agree,
    day,
    html,
    media,
    messages_of,
    open_sheets,
    outsider,
    pdf,
    url,
)

pytestmark = pytest.mark.django_db

# --- The list ------------------------------------------------------------------------------


def test_the_list_shows_each_user_the_meetings_of_its_blocs_and_filters_them(review, login):
    meeting_services.meeting_create(
        actor=review.noivu, bloc=None, year=review.year, kind=MeetingKind.CONGRESS, title="Đại hội thi đua tỉnh",
        held_on=datetime.date(review.year, 11, 20), place="Hội trường tỉnh", invited=[review.vptu])
    title = review.review.title

    member = html(login(review.donvi).get(reverse("meetings:meeting_list")))
    assert title in member and "Đại hội thi đua tỉnh" not in member
    assert 'data-testid="mine-pending"' in member  # Công an has not said who attends
    assert "Tạo hội nghị" not in member

    client = login(review.noivu)
    everything = html(client.get(reverse("meetings:meeting_list")))
    assert title in everything and "Đại hội thi đua tỉnh" in everything and "Tạo hội nghị" in everything
    province = html(client.get(reverse("meetings:meeting_list"), {"khoi": "tinh"}))
    assert title not in province and "Đại hội thi đua tỉnh" in province
    reviews = html(client.get(reverse("meetings:meeting_list"), {"loai": "tong_ket", "khoi": review.noi_chinh.pk}))
    assert title in reviews and "Đại hội thi đua tỉnh" not in reviews
    assert "Không có hội nghị nào phù hợp." in html(client.get(reverse("meetings:meeting_list"),
                                                                {"nam": review.year - 1}))


def test_a_unit_of_another_bloc_neither_lists_nor_opens_the_review(review, login):
    sheets = open_sheets(review)
    meeting_services.meeting_document_upload(actor=review.truongkhoi, meeting=review.review, title="Báo cáo",
                                             upload=pdf())
    document = MeetingDocument.objects.get()
    client = login(outsider(review))
    assert review.review.title not in html(client.get(reverse("meetings:meeting_list")))
    for page in (url("meeting_detail", review.review), url("ranking", review.review),
                 url("sheet_detail", sheets[review.ca.pk]), url("document_file", document),
                 url("attendance_confirm", review.review.attendances.get(unit=review.ca))):
        assert client.get(page).status_code == 404, page


def _grow(org, count: int) -> None:
    """*count* more meetings of Khối Nội chính, each inviting Công an, in bulk."""
    meetings = Meeting.objects.bulk_create(
        Meeting(kind=MeetingKind.OTHER, bloc=org.noi_chinh, year=org.year, title=f"Họp khối số {i:02d}",
                held_on=datetime.date(org.year, 3, 1) + datetime.timedelta(days=i), place="Bộ CHQS",
                host_unit=org.chqs)
        for i in range(count))
    MeetingAttendance.objects.bulk_create(MeetingAttendance(meeting=m, unit=org.ca) for m in meetings)


def _queries(client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("meetings:meeting_list"))
    return len(queries), html(response).count('data-testid="meeting-row"')


@pytest.mark.parametrize("persona", ["noivu", "truongkhoi", "donvi"])
def test_the_list_runs_as_many_queries_for_30_meetings_as_for_5(org, login, persona):
    client = login(getattr(org, persona))
    _grow(org, 5)
    few, rows = _queries(client)
    assert rows == 5
    _grow(org, 25)
    many, rows = _queries(client)
    assert rows == 30
    assert many == few


# --- Creating and editing ------------------------------------------------------------------


def _meeting_data(org, **extra) -> dict:
    return {"bloc": org.noi_chinh.pk, "kind": MeetingKind.SIX_MONTH, "title": "Hội nghị sơ kết 6 tháng Khối Nội chính",
            "held_on": day(org, 7, 10), "place": "Hội trường Bộ CHQS tỉnh", "host_unit": org.chqs.pk,
            "chair": "Đại tá Lò Văn Thắng", "agenda": "1. Báo cáo sơ kết\n2. Thảo luận", **extra}


def test_the_bloc_lead_creates_a_meeting_of_its_bloc_and_every_member_is_invited(org, login):
    client = login(org.truongkhoi)
    form = html(client.get(reverse("meetings:meeting_create")))
    assert org.noi_chinh.name in form and org.dang.name not in form

    response = client.post(reverse("meetings:meeting_create"), _meeting_data(org), follow=True)

    meeting = Meeting.objects.get()
    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert messages_of(response) == [f"Đã tạo “{meeting.title}” và mời 3 đơn vị."]
    assert (meeting.bloc, meeting.year, meeting.held_on, meeting.created_by) == (
        org.noi_chinh, org.year, datetime.date(org.year, 7, 10), org.truongkhoi)
    assert {a.unit for a in meeting.attendances.all()} == {org.chqs, org.ca, org.toa}
    assert AuditLog.objects.filter(action="meetings.meeting.created").count() == 1


def test_interior_staff_create_a_province_meeting_for_the_units_they_invite(org, login):
    data = _meeting_data(org, bloc="", kind=MeetingKind.CONGRESS, title="Đại hội thi đua yêu nước tỉnh",
                         host_unit=org.snv.pk, invited=[org.ca.pk, org.vptu.pk])
    response = login(org.noivu).post(reverse("meetings:meeting_create"), data, follow=True)
    meeting = Meeting.objects.get()
    assert meeting.bloc is None and {a.unit for a in meeting.attendances.all()} == {org.ca, org.vptu}
    page = response.content.decode()
    assert "Cấp tỉnh" in page and "Văn phòng Tỉnh ủy" in page
    # Công an was invited and sees it; Bộ CHQS was not.
    assert login(org.donvi).get(meeting.get_absolute_url()).status_code == 200
    assert login(org.truongkhoi).get(meeting.get_absolute_url()).status_code == 404


def test_a_refused_meeting_keeps_what_was_typed_and_says_why_in_vietnamese(review, login):
    client = login(review.truongkhoi)
    create = reverse("meetings:meeting_create")
    page = html(client.post(create, _meeting_data(review, held_on="31/02/2025", place="")))
    assert "Nhập một ngày hợp lệ." in page and REQUIRED in page
    assert 'value="Hội nghị sơ kết 6 tháng Khối Nội chính"' in page and "31/02/2025" in page
    # The bloc already holds its year-end review this year.
    page = html(client.post(create, _meeting_data(review, kind=MeetingKind.YEAR_END, title="Tổng kết lần hai")))
    assert "Khối đã có hội nghị này trong năm." in page and 'value="Tổng kết lần hai"' in page
    # A province meeting invites someone.
    page = html(login(review.noivu).post(create, _meeting_data(review, bloc="", kind=MeetingKind.CONGRESS)))
    assert "Hội nghị cấp tỉnh: hãy chọn các đơn vị được mời." in page
    page = html(login(review.noivu).post(create, _meeting_data(review, invited=[review.vptu.pk])))
    assert "Hội nghị của khối, cụm mời các thành viên của khối" in page
    assert Meeting.objects.count() == 1


def test_a_member_unit_or_the_council_cannot_create_or_edit_the_bloc_s_meetings(review, login):
    for persona in ("donvi", "hoidong"):
        client = login(getattr(review, persona))
        assert client.get(reverse("meetings:meeting_create")).status_code == 403
        assert client.post(url("meeting_update", review.review), {"title": "Đổi tên"}).status_code == 403
    assert Meeting.objects.get().title == review.review.title


def test_the_lead_records_the_minutes_and_conclusions_after_the_meeting(review, login):
    data = _meeting_data(review, kind=MeetingKind.YEAR_END, title=review.review.title, held_on=day(review),
                         minutes="Đồng chí Chỉ huy trưởng khai mạc hội nghị.",
                         conclusions="Khối hoàn thành tốt nhiệm vụ năm.",
                         decisions_taken="Thống nhất suy tôn Công an tỉnh làm trưởng khối năm sau.")
    del data["bloc"]
    client = login(review.truongkhoi)
    response = client.post(url("meeting_update", review.review), data, follow=True)
    assert messages_of(response) == ["Đã lưu hội nghị."]
    page = response.content.decode()
    assert "Khối hoàn thành tốt nhiệm vụ năm." in page and "Thống nhất suy tôn Công an tỉnh" in page
    assert AuditLog.objects.filter(action="meetings.meeting.updated").count() == 1


# --- The meeting's page --------------------------------------------------------------------


def test_the_meeting_page_shows_who_attends_the_files_and_the_review_s_links(review, login):
    attendance = review.review.attendances.get(unit=review.ca)
    person = review.people["cong-an"][0]
    meeting_services.attendance_confirm(actor=review.donvi, attendance=attendance,
                                        delegates=[(person, "", "Phó Giám đốc")])
    meeting_services.attendance_confirm(actor=review.noivu, attendance=review.review.attendances.get(unit=review.toa),
                                        absent_reason="Trùng lịch xét xử")
    meeting_services.meeting_document_upload(actor=review.truongkhoi, meeting=review.review,
                                             title="Báo cáo tổng kết", upload=pdf())
    open_sheets(review)

    page = html(login(review.donvi).get(review.review.get_absolute_url()))
    assert "18/12/" in page and "Hội trường Bộ CHQS tỉnh" in page
    assert "2/3 đơn vị đã xác nhận" in page
    assert f"{person.full_name} <span class=\"text-muted small\">– Phó Giám đốc" in page
    assert "Trùng lịch xét xử" in page and "Báo cáo tổng kết" in page
    assert 'data-testid="ranking-link"' in page and 'data-testid="own-sheet-link"' in page
    assert "Sửa hội nghị" not in page and "Ghi kết quả suy tôn" not in page
    # Only Công an's own row can be confirmed by donvi.
    assert page.count("Sửa xác nhận") + page.count("Xác nhận dự họp") == 1

    lead = html(login(review.truongkhoi).get(review.review.get_absolute_url()))
    assert "Sửa hội nghị" in lead and "Ghi kết quả suy tôn" in lead and "Thêm tài liệu" in lead


# --- Attendance ----------------------------------------------------------------------------


def _delegates(rows, reason: str = "") -> dict:
    data = {"dai_bieu-TOTAL_FORMS": str(len(rows)), "dai_bieu-INITIAL_FORMS": "0", "dai_bieu-MIN_NUM_FORMS": "0",
            "dai_bieu-MAX_NUM_FORMS": "1000", "absent_reason": reason}
    for i, (person, name, position) in enumerate(rows):
        data.update({f"dai_bieu-{i}-person": person.pk if person else "", f"dai_bieu-{i}-full_name": name,
                     f"dai_bieu-{i}-position": position})
    return data


def test_a_unit_officer_confirms_its_delegates_from_its_people_and_a_guest(review, login):
    attendance = review.review.attendances.get(unit=review.ca)
    client = login(review.donvi)
    form = html(client.get(url("attendance_confirm", attendance)))
    assert review.people["cong-an"][0].full_name in form
    assert review.people["tand"][0].full_name not in form  # only Công an's own people

    person = review.people["cong-an"][1]
    response = client.post(url("attendance_confirm", attendance), _delegates(
        [(person, "", "Trưởng phòng Công tác Đảng"), (None, "Lò Văn Khách", "Cựu chiến binh"), (None, "", "")]))

    assert response["Location"] == f"{review.review.get_absolute_url()}#du-hop"
    attendance.refresh_from_db()
    assert attendance.confirmed_by == review.donvi and attendance.absent_reason == ""
    assert [(d.person, d.full_name, d.position) for d in Delegate.objects.order_by("pk")] == [
        (person, person.full_name, "Trưởng phòng Công tác Đảng"), (None, "Lò Văn Khách", "Cựu chiến binh")]
    page = html(client.get(review.review.get_absolute_url()))
    assert "Lò Văn Khách" in page and "Sửa xác nhận" in page
    # Confirming again shows the list to change, and replaces it.
    again = html(client.get(url("attendance_confirm", attendance)))
    assert 'value="Lò Văn Khách"' in again
    client.post(url("attendance_confirm", attendance), _delegates([(None, "Lò Văn Khách", "")]))
    assert list(Delegate.objects.values_list("full_name", flat=True)) == ["Lò Văn Khách"]


def test_a_unit_sending_nobody_gives_a_reason_or_is_told_to(review, login):
    attendance = review.review.attendances.get(unit=review.ca)
    client = login(review.donvi)
    page = html(client.post(url("attendance_confirm", attendance), _delegates([(None, "", "")])))
    assert "Ghi ít nhất một đại biểu, hoặc lý do vắng mặt." in page
    page = html(client.post(url("attendance_confirm", attendance), _delegates([(None, "", "Phó Giám đốc")])))
    assert "Ghi họ tên đại biểu hoặc chọn cán bộ của đơn vị." in page and 'value="Phó Giám đốc"' in page
    assert "Biểu mẫu gửi lên không đầy đủ: hãy tải lại trang và nhập lại." in html(
        client.post(url("attendance_confirm", attendance), {"absent_reason": "Bận"}))
    attendance.refresh_from_db()
    assert not attendance.is_confirmed

    response = client.post(url("attendance_confirm", attendance),
                           _delegates([(None, "", "")], reason="Trùng lịch giao ban"), follow=True)
    assert messages_of(response) == ["Công an tỉnh: đã báo vắng mặt."]
    attendance.refresh_from_db()
    assert attendance.is_confirmed and attendance.absent_reason == "Trùng lịch giao ban"


def test_the_lead_cannot_confirm_for_a_member_unit(review, login):
    attendance = review.review.attendances.get(unit=review.ca)
    client = login(review.truongkhoi)
    assert client.get(url("attendance_confirm", attendance)).status_code == 403
    response = client.post(url("attendance_confirm", attendance), _delegates([(None, "Ai đó", "")]))
    assert response.status_code == 403
    assert not Delegate.objects.exists()


# --- Files ---------------------------------------------------------------------------------


def test_the_lead_uploads_a_document_and_the_members_download_it(review, login):
    client = login(review.truongkhoi)
    response = client.post(url("document_upload", review.review), {"title": "Báo cáo tổng kết năm",
                                                                    "upload": pdf("bao-cao.pdf")}, follow=True)
    assert messages_of(response) == ["Đã thêm tài liệu “Báo cáo tổng kết năm”."]
    document = MeetingDocument.objects.get()
    download = login(review.donvi).get(url("document_file", document))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert login(review.donvi).get(url("document_upload", review.review)).status_code == 403


def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_is_stored(review, login):
    fake = SimpleUploadedFile("bao-cao.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    page = html(login(review.truongkhoi).post(url("document_upload", review.review),
                                              {"title": "Báo cáo", "upload": fake}))
    assert "Tệp “bao-cao.pdf” không phải là PDF." in page and 'value="Báo cáo"' in page
    assert not MeetingDocument.objects.exists()


def test_the_signed_minutes_are_uploaded_by_the_lead_and_read_by_the_bloc(review, login):
    client = login(review.truongkhoi)
    assert client.get(url("minutes_file", review.review)).status_code == 404
    response = client.post(url("minutes_upload", review.review), {"upload": pdf("bien-ban.pdf")}, follow=True)
    assert messages_of(response) == ["Đã lưu biên bản hội nghị đã ký."]
    assert 'data-testid="minutes-file"' in response.content.decode()
    assert login(review.donvi).get(url("minutes_file", review.review)).status_code == 200
    assert login(outsider(review)).get(url("minutes_file", review.review)).status_code == 404


# --- The admin -----------------------------------------------------------------------------


def test_interior_staff_look_up_a_meeting_and_its_sheets_in_the_admin(review, login):
    open_sheets(review)
    client = login(review.noivu)
    changelist = html(client.get(reverse("admin:meetings_meeting_changelist")))
    assert review.review.title in changelist
    change = html(client.get(reverse("admin:meetings_meeting_change", args=[review.review.pk])))
    assert "đơn vị dự họp" in change.lower() and "người tạo" in change.lower()
    sheet = ScoreSheet.objects.get(unit=review.ca)
    page = html(client.get(reverse("admin:meetings_scoresheet_change", args=[sheet.pk])))
    assert "Hoàn thành các chỉ tiêu, nhiệm vụ được giao" in page
    assert login(review.truongkhoi).get(reverse("admin:meetings_meeting_changelist")).status_code == 302


def test_interior_staff_correct_a_meeting_s_place_in_the_admin_and_it_is_audited(review, login):
    import re

    client = login(review.noivu)
    change = reverse("admin:meetings_meeting_change", args=[review.review.pk])
    page = html(client.get(change))
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    meeting = review.review
    data.update({"kind": meeting.kind, "title": meeting.title, "held_on": day(review), "place": "Hội trường tỉnh",
                 "host_unit": meeting.host_unit_id, "chair": meeting.chair, "agenda": "", "minutes": "",
                 "conclusions": "", "decisions_taken": ""})
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting.refresh_from_db()
    assert meeting.place == "Hội trường tỉnh"
    assert AuditLog.objects.filter(action="meetings.meeting.updated", actor=review.noivu).count() == 1
