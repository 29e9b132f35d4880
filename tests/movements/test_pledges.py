"""A bloc's emulation pledge: its criteria table, signing and the lock it brings, reopening,
copying last year's table, signatories, the scanned PDF, and where it shows up."""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from blocs.models import AuditLog, Role
from movements.forms.pledges import CriterionForm, PledgeSignForm
from movements.models import (
    Criterion,
    CriterionGroup,
    CriterionKind,
    Pledge,
    PledgeSignatory,
)
from movements.services import pledges as svc
from tests.conftest import make_user

REQUIRED = "Trường này là bắt buộc."
LOCKED = (
    "Giao ước đã ký kết ngày {d}: không thể thêm, sửa hoặc xóa nội dung và tiêu chí. "
    "Nếu cần sửa, đề nghị Sở Nội vụ mở lại giao ước."
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


def pdf(name: str = "giao-uoc.pdf", size: int = 0) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n" + b"0" * size + b"\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def audit(action: str) -> list[AuditLog]:
    return list(AuditLog.objects.filter(action=action).order_by("pk"))


def make_pledge(org, year=None, text="Các đơn vị cam kết hoàn thành xuất sắc nhiệm vụ.") -> Pledge:
    return svc.pledge_create(actor=org.truongkhoi, bloc=org.noi_chinh, year=year or org.year, text=text)


def add_group(org, pledge, name="Thực hiện nhiệm vụ chính trị") -> CriterionGroup:
    return svc.criterion_group_save(actor=org.truongkhoi, group=CriterionGroup(pledge=pledge, name=name))


def add_criterion(org, group, text, points, kind=CriterionKind.SCORED) -> Criterion:
    criterion = Criterion(group=group, text=text, max_points=Decimal(points), kind=kind)
    return svc.criterion_save(actor=org.truongkhoi, criterion=criterion)


@pytest.fixture
def pledge(org) -> Pledge:
    """Khối Nội chính's pledge this year with a 100-point table, one bonus and one penalty."""
    pledge = make_pledge(org)
    duties = add_group(org, pledge)
    add_criterion(org, duties, "Hoàn thành chỉ tiêu chuyên môn", "60")
    add_criterion(org, duties, "Bảo đảm an ninh, trật tự", "25")
    emulation = add_group(org, pledge, "Công tác thi đua, khen thưởng")
    add_criterion(org, emulation, "Báo cáo đúng hạn", "15")
    add_criterion(org, emulation, "Mô hình hay được nhân rộng", "5", CriterionKind.BONUS)
    add_criterion(org, emulation, "Nộp hồ sơ chậm", "3", CriterionKind.PENALTY)
    return pledge


def sign(org, pledge, day, meeting="Hội nghị ký kết giao ước thi đua", **extra) -> Pledge:
    return svc.pledge_sign(actor=org.truongkhoi, pledge=pledge, signed_on=day, meeting=meeting, **extra)


def html(response) -> str:
    return response.content.decode()


# --- Creating a pledge -------------------------------------------------------------------


def test_the_bloc_lead_creates_its_bloc_s_pledge_for_the_year(org, login):
    client = login(org.truongkhoi)
    url = reverse("movements:pledge_create", args=[org.noi_chinh.pk, org.year])
    assert "Tạo giao ước mới" in html(client.get(url))

    response = client.post(url, {"text": "Thi đua hoàn thành xuất sắc nhiệm vụ năm."})

    pledge = Pledge.objects.get(bloc=org.noi_chinh, year=org.year)
    assert response.status_code == 302 and response["Location"] == pledge.get_absolute_url()
    assert (pledge.text, pledge.created_by, pledge.is_signed) == (
        "Thi đua hoàn thành xuất sắc nhiệm vụ năm.", org.truongkhoi, False
    )
    [row] = audit("movements.pledge.created")
    assert (row.actor, row.object_id, row.to_state) == (org.truongkhoi, str(pledge.pk), "draft")


def test_a_bloc_has_one_pledge_a_year(org, login):
    pledge = make_pledge(org)
    with pytest.raises(ValidationError) as error:
        make_pledge(org)
    assert error.value.messages == ["Khối đã có giao ước thi đua năm này."]

    response = login(org.truongkhoi).get(
        reverse("movements:pledge_create", args=[org.noi_chinh.pk, org.year]), follow=True
    )
    assert response.redirect_chain[-1][0] == pledge.get_absolute_url()
    assert f"Khối đã có giao ước thi đua năm {org.year}." in html(response)
    assert Pledge.objects.count() == 1


def test_a_pledge_cannot_be_made_for_a_year_the_bloc_did_not_exist(org):
    org.noi_chinh.active_to = datetime.date(org.year - 1, 12, 31)
    with pytest.raises(ValidationError) as error:
        svc.pledge_create(actor=org.noivu, bloc=org.noi_chinh, year=org.year + 1)
    assert error.value.messages == [f"Khối không hoạt động trong năm {org.year + 1}."]


def test_a_member_unit_reads_the_pledge_but_sees_no_edit_controls(org, login, pledge):
    client = login(org.donvi)
    page = html(client.get(pledge.get_absolute_url()))
    assert "Hoàn thành chỉ tiêu chuyên môn" in page
    for control in ("Thêm tiêu chí", "Thêm nhóm tiêu chí", "Sửa nội dung", "Ký kết", "Ghi người ký"):
        assert control not in page
    create = reverse("movements:pledge_create", args=[org.noi_chinh.pk, org.year])
    assert client.get(create).status_code == 403


def test_the_pledge_text_is_stored_in_nfc(org):
    typed = unicodedata.normalize("NFD", "Thi đua yêu nước")
    pledge = make_pledge(org, text=typed)
    pledge.refresh_from_db()
    assert pledge.text == unicodedata.normalize("NFC", "Thi đua yêu nước")


# --- The criteria table ------------------------------------------------------------------


def test_groups_and_criteria_are_numbered_and_the_scored_total_is_shown(org, login, pledge):
    page = html(login(org.truongkhoi).get(pledge.get_absolute_url()))
    assert "I. Thực hiện nhiệm vụ chính trị" in page and "II. Công tác thi đua, khen thưởng" in page
    assert "Tổng điểm chấm: <strong>100</strong>/100" in page
    assert "điểm thưởng tối đa: 5 · điểm trừ tối đa: 3" in page
    assert 'data-testid="total-warning"' not in page


def test_the_page_warns_when_the_scored_criteria_do_not_total_100(org, login, pledge):
    criterion = Criterion.objects.get(text="Báo cáo đúng hạn")
    criterion.max_points = Decimal("12.5")
    svc.criterion_save(actor=org.truongkhoi, criterion=criterion)

    page = html(login(org.truongkhoi).get(pledge.get_absolute_url()))

    assert "Tổng điểm chấm: <strong>97,5</strong>/100" in page
    assert "Tổng điểm các tiêu chí chấm điểm là 97,5, không phải 100." in page


def test_the_lead_adds_a_group_and_a_criterion_from_the_pledge_page(org, login):
    pledge = make_pledge(org)
    client = login(org.truongkhoi)
    response = client.post(reverse("movements:criterion_group_add", args=[pledge.pk]), {"name": "Xây dựng Đảng"})
    assert response["Location"] == f"{pledge.get_absolute_url()}#tieu-chi"
    group = CriterionGroup.objects.get(pledge=pledge)

    client.post(
        reverse("movements:criterion_add", args=[group.pk]),
        {"text": "Tổ chức đảng trong sạch, vững mạnh", "max_points": "2,5", "kind": "cham", "measure": "Theo xếp loại"},
    )

    criterion = Criterion.objects.get(group=group)
    assert (criterion.position, criterion.max_points, criterion.measure) == (1, Decimal("2.5"), "Theo xếp loại")
    assert [r.action for r in AuditLog.objects.filter(actor=org.truongkhoi).order_by("pk")][-2:] == [
        "movements.criterion_group.created", "movements.criterion.created"
    ]


def test_adding_a_criterion_with_htmx_returns_only_the_table(org, login, pledge):
    group = CriterionGroup.objects.get(name="Thực hiện nhiệm vụ chính trị")
    client = login(org.truongkhoi)
    url = reverse("movements:criterion_add", args=[group.pk])

    added = client.post(url, {"text": "Cải cách hành chính", "max_points": "5", "kind": "cham"},
                        headers={"HX-Request": "true"})
    refused = client.post(url, {"text": "Chuyển đổi số", "kind": "cham"}, headers={"HX-Request": "true"})

    assert added.status_code == 200 and "<html" not in html(added)
    assert html(added).startswith('<section class="card shadow-sm mb-4" id="tieu-chi">')
    assert "Cải cách hành chính" in html(added) and "<strong>105</strong>" in html(added)
    assert REQUIRED in html(refused) and 'value="Chuyển đổi số"' not in html(refused)
    assert "Chuyển đổi số</textarea>" in html(refused)  # what was typed is kept
    assert not Criterion.objects.filter(text="Chuyển đổi số").exists()


def test_a_refused_criterion_keeps_what_was_typed_on_the_page(org, login, pledge):
    group = CriterionGroup.objects.get(name="Thực hiện nhiệm vụ chính trị")
    response = login(org.truongkhoi).post(
        reverse("movements:criterion_add", args=[group.pk]),
        {"text": "Phòng, chống tham nhũng", "max_points": "mười", "kind": "cham"},
    )
    assert response.status_code == 200
    assert "Nhập một số, ví dụ 10 hoặc 2,5." in html(response) and "Phòng, chống tham nhũng</textarea>" in html(response)


@pytest.mark.parametrize(("typed", "message"), [("-1", "Không được nhỏ hơn 0."), ("1.234,5", "Nhập một số, ví dụ 10 hoặc 2,5.")])
def test_points_must_be_a_non_negative_number(typed, message):
    form = CriterionForm({"text": "Tiêu chí", "max_points": typed, "kind": "cham"})
    assert not form.is_valid()
    assert form.errors["max_points"] == [message]


def test_moving_a_criterion_to_a_taken_position_swaps_the_two(org, pledge):
    first, second = Criterion.objects.filter(group__name="Thực hiện nhiệm vụ chính trị").order_by("position")
    second.position = 1
    svc.criterion_save(actor=org.truongkhoi, criterion=second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.position, first.position) == (1, 2)


def test_deleting_a_group_removes_its_criteria_and_is_audited(org, login, pledge):
    group = CriterionGroup.objects.get(name="Công tác thi đua, khen thưởng")
    login(org.truongkhoi).post(reverse("movements:criterion_group_delete", args=[group.pk]))
    assert not CriterionGroup.objects.filter(pk=group.pk).exists()
    assert Criterion.objects.filter(group__pledge=pledge).count() == 2
    [row] = audit("movements.criterion_group.deleted")
    assert row.data == {"pledge": pledge.pk, "criteria": 3}


# --- Signing and the lock ----------------------------------------------------------------


def test_signing_needs_at_least_one_criterion(org, login, today):
    pledge = make_pledge(org)
    response = login(org.truongkhoi).post(
        reverse("movements:pledge_sign", args=[pledge.pk]),
        {"signed_on": today.strftime("%d/%m/%Y"), "signing_meeting": "Hội nghị khối"},
    )
    assert "Giao ước chưa có tiêu chí nào: hãy lập bảng tiêu chí trước khi ký kết." in html(response)
    pledge.refresh_from_db()
    assert not pledge.is_signed and not audit("movements.pledge.signed")


def test_signing_records_the_date_the_meeting_and_the_scan_then_locks_the_table(org, login, pledge, today):
    client = login(org.truongkhoi)
    response = client.post(
        reverse("movements:pledge_sign", args=[pledge.pk]),
        {"signed_on": today.strftime("%d/%m/%Y"), "signing_meeting": "Hội nghị triển khai nhiệm vụ",
         "signed_file": pdf()},
    )

    assert response["Location"] == pledge.get_absolute_url()
    pledge.refresh_from_db()
    assert (pledge.signed_on, pledge.signing_meeting) == (today, "Hội nghị triển khai nhiệm vụ")
    assert pledge.signed_file.read().startswith(b"%PDF-")
    [row] = audit("movements.pledge.signed")
    assert (row.from_state, row.to_state, row.data["file"]) == ("draft", "signed", True)
    page = html(client.get(pledge.get_absolute_url()))
    assert f"Đã ký kết ngày {today:%d/%m/%Y} tại Hội nghị triển khai nhiệm vụ." in page
    for control in ("Thêm tiêu chí", "Thêm nhóm tiêu chí", "Sửa nhóm", "Xóa nhóm", "Sửa nội dung"):
        assert control not in page


def test_after_signing_no_group_or_criterion_can_be_added_changed_or_removed(org, pledge, today):
    sign(org, pledge, today)
    group = CriterionGroup.objects.filter(pledge=pledge).first()
    criterion = group.criteria.first()
    criterion.max_points = Decimal("1")
    group.name = "Đổi tên"
    attempts = [
        lambda: add_group(org, pledge, "Nhóm mới"),
        lambda: svc.criterion_group_save(actor=org.truongkhoi, group=group),
        lambda: svc.criterion_group_delete(actor=org.truongkhoi, group=group),
        lambda: add_criterion(org, group, "Tiêu chí mới", "1"),
        lambda: svc.criterion_save(actor=org.truongkhoi, criterion=criterion),
        lambda: svc.criterion_delete(actor=org.truongkhoi, criterion=criterion),
        lambda: svc.pledge_update(actor=org.truongkhoi, pledge=pledge, text="Sửa"),
        lambda: svc.pledge_copy_previous(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year),
    ]
    before = list(Criterion.objects.values_list("pk", "max_points", "group__name"))
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.messages in (
            [LOCKED.format(d=today.strftime("%d/%m/%Y"))],
            ["Khối chưa có giao ước năm trước có tiêu chí để sao chép."],
        )
    assert list(Criterion.objects.values_list("pk", "max_points", "group__name")) == before


def test_the_lock_message_reaches_the_user_who_posts_to_a_signed_pledge(org, login, pledge, today):
    sign(org, pledge, today)
    group = CriterionGroup.objects.filter(pledge=pledge).first()
    client = login(org.truongkhoi)
    added = client.post(reverse("movements:criterion_add", args=[group.pk]),
                        {"text": "Tiêu chí mới", "max_points": "1", "kind": "cham"})
    deleted = client.post(reverse("movements:criterion_delete", args=[group.criteria.first().pk]), follow=True)
    message = LOCKED.format(d=today.strftime("%d/%m/%Y"))
    assert message in html(added) and message in html(deleted)
    assert Criterion.objects.filter(group__pledge=pledge).count() == 5


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("signed_on", "future", "Ngày này chưa tới: hãy ghi ngày đã diễn ra hội nghị."),
        ("signed_on", "two years ago", "Ngày phải trong năm {y} hoặc cuối năm {p}."),
        ("signing_meeting", "   ", REQUIRED),
    ],
)
def test_signing_refuses_a_bad_date_or_no_meeting(org, login, pledge, today, field, value, message):
    data = {"signed_on": today.strftime("%d/%m/%Y"), "signing_meeting": "Hội nghị khối"}
    days = {"future": today + datetime.timedelta(days=1), "two years ago": today.replace(year=today.year - 2)}
    data[field] = days[value].strftime("%d/%m/%Y") if value in days else value
    response = login(org.truongkhoi).post(reverse("movements:pledge_sign", args=[pledge.pk]), data)
    assert message.format(y=org.year, p=org.year - 1) in html(response)
    assert 'value="Hội nghị khối"' in html(response) or field == "signing_meeting"
    pledge.refresh_from_db()
    assert not pledge.is_signed


def test_a_signed_pledge_is_not_signed_twice(org, pledge, today):
    sign(org, pledge, today)
    with pytest.raises(ValidationError) as error:
        sign(org, pledge, today)
    assert error.value.messages == [LOCKED.format(d=today.strftime("%d/%m/%Y"))]
    assert len(audit("movements.pledge.signed")) == 1


def test_signing_shows_the_warnings_before_it_is_done(org, login, pledge):
    add_criterion(org, CriterionGroup.objects.filter(pledge=pledge).first(), "Thêm", "1")
    page = html(login(org.truongkhoi).get(reverse("movements:pledge_sign", args=[pledge.pk])))
    assert "Tổng điểm các tiêu chí chấm điểm là 101, không phải 100." in page
    assert "Chưa ghi người ký cho: Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh, Tòa án nhân dân tỉnh." in page


# --- The scanned PDF ---------------------------------------------------------------------


def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_changes(org, login, pledge, today):
    fake = SimpleUploadedFile("giao-uoc.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    audit_rows = AuditLog.objects.count()
    response = login(org.truongkhoi).post(
        reverse("movements:pledge_sign", args=[pledge.pk]),
        {"signed_on": today.strftime("%d/%m/%Y"), "signing_meeting": "Hội nghị khối", "signed_file": fake},
    )
    assert "Tệp “giao-uoc.pdf” không phải là PDF. Hãy tải lên bản scan hoặc bản ký số dạng PDF." in html(response)
    pledge.refresh_from_db()
    assert (pledge.is_signed, bool(pledge.signed_file)) == (False, False)
    assert AuditLog.objects.count() == audit_rows


def test_a_pdf_over_the_size_limit_is_refused_with_its_size(org, login, pledge, monkeypatch):
    monkeypatch.setattr(PledgeSignForm.base_fields["signed_file"], "max_mb", 1)
    from movements.forms.pledges import PledgeAttachForm

    monkeypatch.setattr(PledgeAttachForm.base_fields["signed_file"], "max_mb", 1)
    response = login(org.truongkhoi).post(
        reverse("movements:pledge_attach", args=[pledge.pk]), {"signed_file": pdf(size=1_600_000)}
    )
    assert "Tệp quá lớn (1.5 MB); tối đa 1 MB." in html(response)
    pledge.refresh_from_db()
    assert not pledge.signed_file and not audit("movements.pledge.file_attached")


def test_the_scan_can_be_attached_after_signing_and_members_download_it(org, login, pledge, today):
    sign(org, pledge, today)
    client = login(org.truongkhoi)
    response = client.post(reverse("movements:pledge_attach", args=[pledge.pk]), {"signed_file": pdf("scan.pdf")})
    assert response["Location"] == pledge.get_absolute_url()
    [row] = audit("movements.pledge.file_attached")
    assert row.data == {"replaced": False}

    download = login(org.donvi).get(reverse("movements:pledge_file", args=[pledge.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_scan_is_hidden_from_units_outside_the_bloc_and_missing_scans_are_404(org, client, pledge):
    client.force_login(make_user("baolaichau", Role.UNIT_OFFICER, org.bao))
    url = reverse("movements:pledge_file", args=[pledge.pk])
    assert client.get(url).status_code == 404
    client.force_login(org.noivu)
    assert client.get(url).status_code == 404  # no scan yet


# --- Reopening ---------------------------------------------------------------------------


def test_only_interior_staff_reopen_a_signed_pledge_with_a_reason(org, login, pledge, today):
    sign(org, pledge, today)
    url = reverse("movements:pledge_reopen", args=[pledge.pk])
    assert login(org.truongkhoi).post(url, {"reason": "Sửa điểm"}).status_code == 403
    with pytest.raises(ValidationError) as error:
        svc.pledge_reopen(actor=org.truongkhoi, pledge=pledge, reason="Sửa điểm")
    assert error.value.messages == ["Chỉ cán bộ Sở Nội vụ mới được mở lại giao ước đã ký kết."]

    client = login(org.noivu)
    assert REQUIRED in html(client.post(url, {"reason": ""}))
    response = client.post(url, {"reason": "Khối đề nghị điều chỉnh điểm tiêu chí 1"})

    assert response["Location"] == pledge.get_absolute_url()
    pledge.refresh_from_db()
    assert not pledge.is_signed and pledge.signing_meeting == "Hội nghị ký kết giao ước thi đua"
    [row] = audit("movements.pledge.reopened")
    assert (row.actor, row.from_state, row.to_state) == (org.noivu, "signed", "draft")
    assert row.data == {"reason": "Khối đề nghị điều chỉnh điểm tiêu chí 1", "signed_on": today.isoformat()}
    add_criterion(org, CriterionGroup.objects.filter(pledge=pledge).first(), "Sau khi mở lại", "1")


def test_an_unsigned_pledge_need_not_be_reopened(org, pledge):
    with pytest.raises(ValidationError) as error:
        svc.pledge_reopen(actor=org.noivu, pledge=pledge, reason="Thử")
    assert error.value.messages == ["Giao ước chưa ký kết nên không cần mở lại."]


def test_the_reopen_button_is_shown_to_interior_staff_only(org, login, pledge, today):
    sign(org, pledge, today)
    url = reverse("movements:pledge_reopen", args=[pledge.pk])
    assert url in html(login(org.noivu).get(pledge.get_absolute_url()))
    assert url not in html(login(org.truongkhoi).get(pledge.get_absolute_url()))


# --- Signatories -------------------------------------------------------------------------


def test_a_signatory_is_recorded_for_a_member_unit_only(org, login, pledge):
    client = login(org.truongkhoi)
    page = html(client.get(pledge.get_absolute_url()))
    assert "Công an tỉnh</option>" in page and "Văn phòng Tỉnh ủy</option>" not in page

    client.post(reverse("movements:signatory_add", args=[pledge.pk]),
                {"unit": org.ca.pk, "representative": "Bùi Xuân Trường", "position": "Giám đốc"})

    signatory = PledgeSignatory.objects.get(pledge=pledge)
    assert (signatory.unit, signatory.representative) == (org.ca, "Bùi Xuân Trường")
    assert audit("movements.signatory.created")[0].data == {"pledge": pledge.pk, "unit": org.ca.pk}
    page = html(client.get(pledge.get_absolute_url()))
    assert "Chưa ghi người ký: Bộ Chỉ huy Quân sự tỉnh, Tòa án nhân dân tỉnh" in page
    with pytest.raises(ValidationError) as error:
        svc.signatory_save(actor=org.noivu, signatory=PledgeSignatory(pledge=pledge, unit=org.vptu, representative="X"))
    assert error.value.message_dict == {"unit": [f"Văn phòng Tỉnh ủy không phải thành viên của khối năm {org.year}."]}


def test_a_unit_signs_once_and_signatories_can_be_written_after_signing(org, pledge, today):
    sign(org, pledge, today)
    svc.signatory_save(actor=org.truongkhoi, signatory=PledgeSignatory(pledge=pledge, unit=org.toa, representative="A"))
    with pytest.raises(ValidationError):
        svc.signatory_save(actor=org.truongkhoi, signatory=PledgeSignatory(pledge=pledge, unit=org.toa, representative="B"))
    assert list(pledge.signatories.values_list("representative", flat=True)) == ["A"]


# --- The year's list, the bloc page, the dashboard, the admin ----------------------------


def test_the_year_s_list_shows_each_bloc_one_sees_with_its_pledge(org, login, pledge, today):
    sign(org, pledge, today)
    url = f"{reverse('movements:pledge_list')}?nam={org.year}"
    interior = html(login(org.noivu).get(url))
    assert f"Đã ký {today:%d/%m/%Y}" in interior and "Khối Đảng tỉnh" in interior
    assert reverse("movements:pledge_create", args=[org.dang.pk, org.year]) in interior
    assert "100 điểm" in interior and "0/3" in interior

    member = html(login(org.donvi).get(url))
    assert "Khối Thi đua Nội chính" in member and "Khối Đảng tỉnh" not in member
    assert "Tạo giao ước" not in member


def test_the_bloc_page_shows_the_year_s_pledge_plan_and_budget(org, login, pledge):
    url = f"{reverse('blocs:bloc_detail', args=[org.noi_chinh.pk])}?nam={org.year}"
    lead = html(login(org.truongkhoi).get(url))
    assert "Giao ước, kế hoạch công tác và kinh phí năm" in lead
    assert "Đang soạn, chưa ký" in lead and "5 tiêu chí, 100 điểm chấm" in lead
    assert reverse("movements:budget_create", args=[org.noi_chinh.pk, org.year]) in lead
    member = html(login(org.donvi).get(url))
    assert "Xem giao ước" in member and "Lập dự trù" not in member


def test_the_dashboard_tells_the_lead_and_interior_staff_what_is_not_signed(org, login, pledge, today):
    lead = html(login(org.truongkhoi).get(reverse("dashboard")))
    assert "Giao ước chưa ký kết" in lead and "Chưa có dự trù kinh phí — lập dự trù" in lead
    interior = html(login(org.noivu).get(reverse("dashboard")))
    assert f"Khối, cụm chưa ký kết giao ước năm {org.year}" in interior
    assert "Khối Thi đua Nội chính" in interior.split("chưa ký kết giao ước")[1]
    assert 'data-testid="pledge-panel"' not in html(login(org.donvi).get(reverse("dashboard")))

    sign(org, pledge, today)
    interior = html(login(org.noivu).get(reverse("dashboard")))
    panel = interior.split(f"chưa ký kết giao ước năm {org.year}")[1]
    assert "Khối Đảng tỉnh" in panel and "Khối Thi đua Nội chính" not in panel.split("</ul>")[0]


def test_the_admin_shows_a_signed_pledge_s_groups_read_only(org, login, pledge, today):
    sign(org, pledge, today)
    client = login(org.noivu)
    assert client.get("/quan-tri/movements/pledge/").status_code == 200
    page = html(client.get(f"/quan-tri/movements/pledge/{pledge.pk}/change/"))
    assert "Thực hiện nhiệm vụ chính trị" in page
    assert 'name="groups-0-name"' not in page and 'name="signatories-TOTAL_FORMS"' in page
    criterion = Criterion.objects.filter(group__pledge=pledge).first()
    assert client.post(f"/quan-tri/movements/criterion/{criterion.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Criterion.objects.filter(pk=criterion.pk).exists()
