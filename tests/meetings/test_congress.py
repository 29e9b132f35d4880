"""The patriotic emulation congress: interior staff set up the congress, its steering
committee, subcommittees and tasks, the delegates per unit, the exemplary models and the
documents; unit officers and the council only read."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from awards.models import AwardRecord
from blocs.models import AuditLog
from meetings import access
from meetings.models import (
    CommitteeRole,
    Congress,
    CongressDocument,
    DelegateQuota,
    ExemplaryModel,
    MeetingKind,
    SteeringMember,
    Subcommittee,
    SubcommitteeTask,
)
from meetings.models import congress as congress_models
from meetings.services import congress as svc
from meetings.services import meetings as meeting_services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def pdf(name: str = "ke-hoach.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def congress(org):
    org.congress = svc.congress_save(actor=org.noivu, congress=Congress(
        ordinal="lần thứ v", held_on=datetime.date(2020, 7, 28), place="Hội trường tỉnh", delegates_planned=500,
    ))
    return org


@pytest.fixture
def subcommittee(congress):
    congress.sub = svc.subcommittee_save(actor=congress.noivu, subcommittee=Subcommittee(
        congress=congress.congress, name="Tiểu ban Nội dung"))
    return congress


def test_interior_staff_create_a_congress_named_from_its_ordinal(congress):
    c = congress.congress

    assert c.ordinal == "V" and c.year == 2020
    assert c.title == "Đại hội Thi đua yêu nước lần thứ V (2020 - 2025)"
    assert AuditLog.objects.filter(action="meetings.congress.created", object_id=str(c.pk)).exists()


def test_a_second_congress_with_the_same_ordinal_or_a_date_outside_its_year_is_refused(congress):
    with pytest.raises(ValidationError, match="Đã có Đại hội lần thứ này"):
        svc.congress_save(actor=congress.noivu, congress=Congress(
            ordinal="V", held_on=datetime.date(2020, 8, 1), delegates_planned=300))
    with pytest.raises(ValidationError, match="trong năm 2025"):
        svc.congress_save(actor=congress.noivu, congress=Congress(
            ordinal="VI", year=2025, held_on=datetime.date(2026, 1, 5), delegates_planned=300))
    assert Congress.objects.count() == 1


def _attempts(o):
    """Every change a unit officer might try, by name."""
    c = o.congress
    sub = Subcommittee.objects.create(congress=c, name="Tiểu ban Hậu cần")
    task = SubcommitteeTask.objects.create(subcommittee=sub, text="Trang trí hội trường", due_on=TODAY(),
                                           responsible_unit=o.snv)
    return {
        "congress": lambda a: svc.congress_save(actor=a, congress=Congress(
            ordinal="VI", held_on=datetime.date(2025, 8, 1), delegates_planned=400)),
        "member": lambda a: svc.committee_member_add(actor=a, congress=c, full_name="Người Ngoài"),
        "subcommittee": lambda a: svc.subcommittee_save(actor=a, subcommittee=Subcommittee(
            congress=c, name="Tiểu ban Tuyên truyền")),
        "task": lambda a: svc.task_add(actor=a, subcommittee=sub, text="Viết tin bài", due_on=TODAY(),
                                       responsible_unit=o.bao),
        "task_done": lambda a: svc.task_done(actor=a, task=task),
        "quota": lambda a: svc.quota_set(actor=a, congress=c, quotas={o.ca: 20}),
        "exemplary": lambda a: svc.exemplary_add(actor=a, congress=c, unit=o.ca, proposed_by=o.ca,
                                                 achievement="Thành tích xuất sắc"),
        "document": lambda a: svc.document_add(actor=a, congress=c, number="1/KH-UBND", title="Kế hoạch",
                                               issued_on=datetime.date(2020, 1, 2)),
    }


@pytest.mark.parametrize("persona", ["donvi", "truongkhoi", "hoidong"])
def test_unit_officers_and_the_council_cannot_change_congress_data(congress, persona):
    attempts = _attempts(congress)
    before = AuditLog.objects.count()

    for name, attempt in attempts.items():
        with pytest.raises(PermissionDenied):
            attempt(getattr(congress, persona))
        assert AuditLog.objects.count() == before, name

    assert Congress.objects.count() == 1 and not SteeringMember.objects.exists()
    assert not DelegateQuota.objects.exists() and not ExemplaryModel.objects.exists()
    assert not CongressDocument.objects.exists()
    assert not SubcommitteeTask.objects.filter(done_on__isnull=False).exists()


def test_an_admin_may_make_every_change(congress):
    for attempt in _attempts(congress).values():
        attempt(congress.admin)

    assert Congress.objects.count() == 2 and DelegateQuota.objects.get().delegates == 20


def test_everyone_logged_in_reads_congresses_but_only_staff_manage_them(congress):
    c = congress.congress
    for persona in ("admin", "noivu", "truongkhoi", "donvi", "hoidong"):
        user = getattr(congress, persona)
        assert access.get_congress_for_user(user, c.pk) == c
        assert access.can_manage_congress(user, c) == (persona in ("admin", "noivu"))
    with pytest.raises(PermissionDenied):
        access.get_congress_for_user(congress.donvi, c.pk, manage=True)
    assert not access.visible_congresses(AnonymousUser()).exists()
    with pytest.raises(Http404):
        access.get_congress_for_user(congress.donvi, c.pk + 100)


def test_a_committee_member_of_the_register_brings_name_and_position_and_there_is_one_head(congress):
    person = congress.people["so-noi-vu"][0]
    person.position = "Giám đốc"
    person.save()

    member = svc.committee_member_add(actor=congress.noivu, congress=congress.congress, person=person,
                                      role=CommitteeRole.HEAD)
    guest = svc.committee_member_add(actor=congress.noivu, congress=congress.congress,
                                     full_name="Hoàng Văn Khách", position="Giám đốc Sở Công thương")

    assert (member.full_name, member.position) == (person.full_name, "Giám đốc")
    assert str(guest) == "Hoàng Văn Khách (Ủy viên)"
    with pytest.raises(ValidationError, match="đã có Trưởng ban"):
        svc.committee_member_add(actor=congress.noivu, congress=congress.congress, full_name="Người Thứ Hai",
                                 role=CommitteeRole.HEAD)
    with pytest.raises(ValidationError, match="đã là thành viên"):
        svc.committee_member_add(actor=congress.noivu, congress=congress.congress, person=person)
    with pytest.raises(ValidationError, match="ghi họ và tên"):
        svc.committee_member_add(actor=congress.noivu, congress=congress.congress, full_name="  ")


def test_a_subcommittee_head_must_sit_on_the_same_steering_committee(congress):
    other = svc.congress_save(actor=congress.noivu, congress=Congress(
        ordinal="VI", held_on=datetime.date(2025, 8, 1), delegates_planned=400))
    outsider = svc.committee_member_add(actor=congress.noivu, congress=other, full_name="Lê Văn Khác")
    insider = svc.committee_member_add(actor=congress.noivu, congress=congress.congress, full_name="Lê Văn Trong")

    with pytest.raises(ValidationError, match="thành viên Ban Chỉ đạo của Đại hội này"):
        svc.subcommittee_save(actor=congress.noivu, subcommittee=Subcommittee(
            congress=congress.congress, name="Tiểu ban Nội dung", head=outsider))
    sub = svc.subcommittee_save(actor=congress.noivu, subcommittee=Subcommittee(
        congress=congress.congress, name="Tiểu ban Nội dung", head=insider))
    assert sub.head == insider
    with pytest.raises(ValidationError, match="đã có tiểu ban này"):
        svc.subcommittee_save(actor=congress.noivu, subcommittee=Subcommittee(
            congress=congress.congress, name="Tiểu ban Nội dung"))


def test_overdue_tasks_are_those_past_their_deadline_and_not_done(subcommittee):
    o, sub = subcommittee, subcommittee.sub
    late = svc.task_add(actor=o.noivu, subcommittee=sub, text="Tổng hợp danh sách đại biểu",
                        due_on=TODAY() - 3 * DAY, responsible_unit=o.snv)
    later = svc.task_add(actor=o.noivu, subcommittee=sub, text="Thẩm định điển hình tiên tiến",
                         due_on=TODAY() - DAY, responsible_name="Sở Văn hóa, Thể thao và Du lịch")
    done = svc.task_add(actor=o.noivu, subcommittee=sub, text="Xây dựng báo cáo", due_on=TODAY() - 5 * DAY,
                        responsible_unit=o.snv)
    svc.task_add(actor=o.noivu, subcommittee=sub, text="Trang trí hội trường", due_on=TODAY(),
                 responsible_unit=o.snv)
    svc.task_done(actor=o.noivu, task=done, done_on=TODAY() - 4 * DAY)

    assert list(svc.overdue_tasks(o.congress)) == [late, later]
    assert list(svc.overdue_tasks()) == [late, later]
    assert later.responsible == "Sở Văn hóa, Thể thao và Du lịch"

    svc.task_done(actor=o.noivu, task=late)
    assert list(svc.overdue_tasks(o.congress)) == [later]
    assert SubcommitteeTask.objects.get(pk=late.pk).done_by == o.noivu


def test_a_task_needs_someone_in_charge_and_is_done_once_never_in_the_future(subcommittee):
    o, sub = subcommittee, subcommittee.sub
    with pytest.raises(ValidationError, match="đơn vị chủ trì"):
        svc.task_add(actor=o.noivu, subcommittee=sub, text="Việc không ai làm", due_on=TODAY())
    task = svc.task_add(actor=o.noivu, subcommittee=sub, text="Viết tin bài", due_on=TODAY(), responsible_unit=o.bao)

    with pytest.raises(ValidationError, match="chưa tới"):
        svc.task_done(actor=o.noivu, task=task, done_on=TODAY() + DAY)
    svc.task_done(actor=o.noivu, task=task)
    with pytest.raises(ValidationError, match="đã hoàn thành ngày"):
        svc.task_done(actor=o.noivu, task=task)


def test_quotas_return_the_total_and_the_difference_with_the_planned_delegates(congress):
    o = congress

    summary = svc.quota_set(actor=o.noivu, congress=o.congress, quotas={o.ca: 200, o.chqs: 180, o.snv: 100})

    assert (summary.total, summary.planned, summary.difference) == (480, 500, -20)
    assert "còn thiếu 20" in summary.warning
    summary = svc.quota_set(actor=o.noivu, congress=o.congress, quotas={o.toa: 30, o.snv: 90})
    assert (summary.total, summary.difference) == (500, 0) and summary.warning == ""
    # Over the planned number: saved all the same, with a warning.
    summary = svc.quota_set(actor=o.noivu, congress=o.congress, quotas={o.bao: 12})
    assert summary.difference == 12 and "vượt số dự kiến (500) 12" in summary.warning
    assert DelegateQuota.objects.get(unit=o.bao).delegates == 12
    # Zero removes the unit from the allocation.
    summary = svc.quota_set(actor=o.noivu, congress=o.congress, quotas={o.bao: 0})
    assert summary.total == 500 and not DelegateQuota.objects.filter(unit=o.bao).exists()
    assert svc.quota_summary(o.congress).total == 500


def test_a_unit_not_active_on_the_congress_day_gets_no_seats_and_nothing_changes(congress):
    o = congress
    o.toa.active_to = datetime.date(2019, 12, 31)
    o.toa.save()

    with pytest.raises(ValidationError, match="không hoạt động vào ngày Đại hội"):
        svc.quota_set(actor=o.noivu, congress=o.congress, quotas={o.ca: 20, o.toa: 10})
    with pytest.raises(ValidationError, match="không hợp lệ"):
        svc.quota_set(actor=o.noivu, congress=o.congress, quotas={o.ca: -1})
    assert not DelegateQuota.objects.exists()


def test_an_exemplary_model_is_exactly_one_person_or_one_collective(congress):
    o = congress
    person = o.people["cong-an"][0]

    for subject in ({}, {"person": person, "unit": o.ca}):
        with pytest.raises(ValidationError, match="đúng một cá nhân hoặc một tập thể"):
            svc.exemplary_add(actor=o.noivu, congress=o.congress, proposed_by=o.ca, achievement="Thành tích",
                              **subject)
    # The database refuses it too, whoever writes the row.
    with pytest.raises(ValidationError, match="đúng một cá nhân hoặc một tập thể"):
        ExemplaryModel(congress=o.congress, person=person, unit=o.ca, proposed_by=o.ca,
                       achievement="Thành tích").full_clean()
    assert not ExemplaryModel.objects.exists()


def test_an_exemplary_model_is_saved_in_nfc_audited_and_listed_once(congress):
    o = congress
    person = o.people["cong-an"][0]
    decomposed = unicodedata.normalize("NFD", "Phá nhiều chuyên án ma túy")

    model = svc.exemplary_add(actor=o.noivu, congress=o.congress, person=person, proposed_by=o.ca,
                              achievement=decomposed, sector=unicodedata.normalize("NFD", "An ninh, trật tự"))

    model.refresh_from_db()
    assert model.achievement == "Phá nhiều chuyên án ma túy" and model.sector == "An ninh, trật tự"
    assert model.subject == person and not model.honoured and model.created_by == o.noivu
    assert AuditLog.objects.filter(action="meetings.congress.exemplary_added", actor=o.noivu).exists()
    with pytest.raises(ValidationError, match="đã có trong danh sách"):
        svc.exemplary_add(actor=o.noivu, congress=o.congress, person=person, proposed_by=o.ca,
                          achievement="Lần nữa")
    svc.exemplary_honour(actor=o.noivu, exemplar=model)
    assert ExemplaryModel.objects.get(pk=model.pk).honoured


def test_an_exemplary_model_links_only_an_award_of_its_own_subject(congress):
    o = congress
    with pytest.raises(ValidationError, match="không phải của cá nhân, tập thể này"):
        svc.exemplary_add(actor=o.noivu, congress=o.congress, unit=o.ca, proposed_by=o.ca,
                          achievement="Thành tích", award=AwardRecord(unit=o.chqs))
    assert not ExemplaryModel.objects.exists()


def test_a_congress_document_keeps_its_pdf_and_refuses_anything_else(congress):
    o = congress

    document = svc.document_add(actor=o.noivu, congress=o.congress, number="2345/KH-UBND",
                                title="Kế hoạch tổ chức Đại hội", issued_on=datetime.date(2019, 11, 20),
                                issuer="UBND tỉnh", upload=pdf())
    without_file = svc.document_add(actor=o.noivu, congress=o.congress, number="",
                                    title="Thông báo không số", issued_on=datetime.date(2020, 1, 2))

    assert document.file.name.endswith(".pdf") and document.size == len(PDF) and len(document.sha256) == 64
    assert not without_file.file
    with pytest.raises(ValidationError, match="không phải là PDF"):
        svc.document_add(actor=o.noivu, congress=o.congress, number="1/QĐ-UBND", title="Quyết định",
                         issued_on=datetime.date(2020, 1, 3), upload=pdf("qd.pdf", b"GIF89a not a pdf"))
    with pytest.raises(ValidationError, match="Đã có văn bản số này"):
        svc.document_add(actor=o.noivu, congress=o.congress, number="2345/KH-UBND", title="Trùng số",
                         issued_on=datetime.date(2020, 1, 3))
    assert CongressDocument.objects.count() == 2


def test_province_meetings_belong_to_the_congress_but_bloc_meetings_do_not(congress):
    o = congress
    steering = meeting_services.meeting_create(
        actor=o.noivu, bloc=None, year=2020, kind=MeetingKind.STEERING, title="Họp Ban Chỉ đạo Đại hội",
        held_on=datetime.date(2020, 7, 1), place="Phòng họp UBND tỉnh")
    bloc_meeting = meeting_services.meeting_create(
        actor=o.truongkhoi, bloc=o.noi_chinh, year=o.year, kind=MeetingKind.SIX_MONTH,
        title="Sơ kết 6 tháng", held_on=datetime.date(o.year, 7, 10), place="Bộ CHQS")

    svc.congress_link_meeting(actor=o.noivu, congress=o.congress, meeting=steering)

    assert list(o.congress.meetings.all()) == [steering]
    with pytest.raises(ValidationError, match="Chỉ hội nghị cấp tỉnh"):
        svc.congress_link_meeting(actor=o.noivu, congress=o.congress, meeting=bloc_meeting)
    with pytest.raises(PermissionDenied):
        svc.congress_link_meeting(actor=o.truongkhoi, congress=o.congress, unlink=steering)
    svc.congress_link_meeting(actor=o.noivu, congress=o.congress, unlink=steering)
    assert not o.congress.meetings.exists()


def test_every_field_of_the_congress_models_has_a_vietnamese_name():
    models = [Congress, SteeringMember, Subcommittee, SubcommitteeTask, DelegateQuota, ExemplaryModel,
              CongressDocument]
    unnamed = [
        f"{model.__name__}.{field.name}"
        for model in models
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created and str(field.verbose_name) == field.name.replace("_", " ")
    ]
    assert unnamed == []
    assert congress_models.Congress._meta.get_field("ordinal").verbose_name == "lần thứ"
