"""Directives and plans (văn bản chỉ đạo) and movements: what interior staff records, the
rules on numbers and files, and the open → closed → reopened life of a movement."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from blocs import panels
from blocs.models import AuditLog, UnitKind
from movements.models import Document, DocumentKind, Movement, MovementKind, MovementStatus
from movements.selectors_documents import movement_accepts_joining
from movements.services import documents as services
from tests.conftest import make_unit

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ITEMS_09 = [
    "Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu nước;",
    "Cấp ủy và tổ chức đảng tiếp tục đổi mới phương thức lãnh đạo;",
    "Tiếp tục đẩy mạnh các phong trào thi đua do Thủ tướng Chính phủ phát động;",
    "Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ thị số 34-CT/TW;",
    "Tăng cường sự lãnh đạo của cấp ủy Đảng;",
    "Tổ chức tốt Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ VI;",
    "Tiếp tục thực hiện có hiệu quả chương trình phối hợp với các cơ quan thông tin, truyền thông.",
]
DUPLICATE = "Số văn bản này đã có trong năm của cơ quan ban hành."


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def ubnd(org):
    return make_unit("ubnd-tinh", "UBND tỉnh Lai Châu", UnitKind.OTHER, short_name="UBND tỉnh")


def form_data(ubnd, **changes) -> dict:
    data = {
        "code": "09/CT-UBND",
        "kind": DocumentKind.DIRECTIVE,
        "issued_on": "31/12/2024",
        "issuer": ubnd.pk,
        "signer_title": "Chủ tịch UBND tỉnh",
        "title": "Về việc phát động phong trào thi đua năm 2025",
        "year_from": "2025",
        "year_to": "",
        "report_deadline": "10/12/2025",
        "items": "\n".join(f"{i}. {text}" for i, text in enumerate(ITEMS_09, 1)),
    }
    return {**data, **changes}


def directive(ubnd, number=9, issued_on=datetime.date(2024, 12, 31), kind=DocumentKind.DIRECTIVE, **extra):
    symbol = extra.pop("symbol", f"{kind}-UBND")
    year = extra.pop("year", issued_on.year + (1 if issued_on.month == 12 else 0))
    document = Document(
        kind=kind, number=number, symbol=symbol, issuer=ubnd, issued_on=issued_on,
        title=extra.pop("title", "Về việc phát động phong trào thi đua"), year_from=year, year_to=year, **extra,
    )
    return services.document_save(actor=None, document=document)


# --- Documents ---------------------------------------------------------------------------


def test_interior_staff_records_directive_09_with_its_seven_items_and_signed_pdf(org, ubnd, media, login):
    client = login(org.noivu)
    upload = SimpleUploadedFile("Chi thi 09 ky so.pdf", PDF, content_type="application/pdf")

    response = client.post(reverse("movements:document_create"), {**form_data(ubnd), "signed_file": upload})

    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert (document.number, document.symbol, document.code) == (9, "CT-UBND", "09/CT-UBND")
    assert (document.issued_on, document.year_from, document.year_to) == (datetime.date(2024, 12, 31), 2025, 2025)
    assert list(document.items.values_list("position", "text")) == list(enumerate(ITEMS_09, 1))
    # Stored under its number, in the folder of the upload's year.
    assert document.signed_file.name == f"documents/{datetime.date.today():%Y}/09-ct-ubnd-2024.pdf"
    assert document.signed_file.read() == PDF
    audit = AuditLog.objects.get(action="movements.document.created")
    assert (audit.actor, audit.object_id, audit.data["items"]) == (org.noivu, str(document.pk), 7)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Chỉ thị số 09/CT-UBND" in page and "ngày 31/12/2024 của UBND tỉnh Lai Châu" in page
    assert all(text in page for text in ITEMS_09)


def test_the_signed_pdf_is_downloaded_under_the_document_number(org, ubnd, media, login):
    document = directive(ubnd, signed_file=SimpleUploadedFile("x.pdf", PDF))

    response = login(org.donvi).get(reverse("movements:document_file", args=[document.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="09-ct-ubnd.pdf"' == response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_a_number_already_used_by_the_issuer_that_year_is_refused_keeping_what_was_typed(org, ubnd, login):
    directive(ubnd, issued_on=datetime.date(2024, 3, 1), title="Chỉ thị cũ")

    response = login(org.noivu).post(
        reverse("movements:document_create"), form_data(ubnd, title="Chỉ thị gõ lại lần hai")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert DUPLICATE in page
    assert "Chỉ thị gõ lại lần hai" in page and 'value="09/CT-UBND"' in page
    assert Document.objects.count() == 1
    assert not AuditLog.objects.filter(action="movements.document.created", actor=org.noivu).exists()


def test_the_same_number_is_free_in_another_year_for_another_kind_or_another_issuer(org, ubnd):
    directive(ubnd, issued_on=datetime.date(2024, 12, 31))
    directive(ubnd, issued_on=datetime.date(2025, 1, 10))
    directive(ubnd, kind=DocumentKind.PLAN, issued_on=datetime.date(2024, 5, 2))
    directive(org.snv, issued_on=datetime.date(2024, 6, 2))

    with pytest.raises(ValidationError) as error:
        directive(ubnd, issued_on=datetime.date(2024, 1, 15))

    assert error.value.messages == [DUPLICATE]
    assert Document.objects.count() == 4


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "CT-UBND số 9"}, "Hãy ghi số và ký hiệu như trên văn bản, ví dụ 09/CT-UBND."),
        ({"code": "09/KH-UBND"}, "Ký hiệu “KH-UBND” là của loại Kế hoạch, không khớp loại văn bản đã chọn."),
        ({"report_deadline": "30/12/2024"}, "Hạn báo cáo phải sau ngày ban hành."),
        ({"year_from": "2026", "year_to": "2025"}, "Năm kết thúc phải không trước năm bắt đầu."),
    ],
)
def test_a_malformed_directive_is_refused_with_the_reason(org, ubnd, login, changes, message):
    response = login(org.noivu).post(reverse("movements:document_create"), form_data(ubnd, **changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_a_file_that_is_not_a_pdf_changes_nothing(org, ubnd, media, login):
    document = directive(ubnd, title="Tiêu đề cũ")
    fake = SimpleUploadedFile("bao-cao.pdf", b"PK\x03\x04 a Word file renamed", content_type="application/pdf")
    audits = AuditLog.objects.count()

    response = login(org.noivu).post(
        reverse("movements:document_update", args=[document.pk]),
        {**form_data(ubnd, title="Tiêu đề mới"), "signed_file": fake},
    )

    assert response.status_code == 200
    assert "Tệp “bao-cao.pdf” không phải là PDF. Hãy tải lên bản scan hoặc bản ký số dạng PDF." in (
        response.content.decode()
    )
    document.refresh_from_db()
    assert (document.title, document.signed_file.name, document.items.count()) == ("Tiêu đề cũ", "", 0)
    assert AuditLog.objects.count() == audits
    assert not any(media.rglob("*.pdf"))


def test_a_pdf_over_20_mb_is_refused_with_its_size(org, ubnd, media, login):
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * (20 * 1024 * 1024 + 1 - len(PDF)))

    response = login(org.noivu).post(reverse("movements:document_create"), {**form_data(ubnd), "signed_file": big})

    assert "Tệp quá lớn (20.0 MB); tối đa 20 MB." in response.content.decode()
    assert not Document.objects.exists()


def test_editing_the_items_replaces_them_and_strips_the_numbers_staff_paste(org, ubnd, login):
    document = directive(ubnd)
    client = login(org.noivu)
    form = client.get(reverse("movements:document_update", args=[document.pk])).content.decode()
    assert "09/CT-UBND" in form

    response = client.post(
        reverse("movements:document_update", args=[document.pk]),
        form_data(ubnd, items="1) Nội dung một\n\n  2. Nội dung hai  \n- Nội dung ba"),
    )

    assert response.status_code == 302
    assert list(document.items.values_list("text", flat=True)) == ["Nội dung một", "Nội dung hai", "Nội dung ba"]
    assert AuditLog.objects.filter(action="movements.document.updated", actor=org.noivu).count() == 1


def test_text_typed_in_decomposed_unicode_is_stored_in_nfc(org, ubnd, login):
    title = unicodedata.normalize("NFD", "Về việc phát động phong trào thi đua")

    login(org.noivu).post(reverse("movements:document_create"), form_data(ubnd, title=title))

    assert Document.objects.get().title == unicodedata.normalize("NFC", title)


def test_a_unit_officer_reads_directives_but_cannot_record_one(org, ubnd, login):
    directive(ubnd)
    client = login(org.truongkhoi)

    assert "09/CT-UBND" in client.get(reverse("movements:document_list")).content.decode()
    assert client.post(reverse("movements:document_create"), form_data(ubnd, code="10/CT-UBND")).status_code == 403
    assert Document.objects.count() == 1


def test_the_list_filters_by_the_year_a_document_governs_and_by_number(org, ubnd, login):
    directive(ubnd, number=477, issued_on=datetime.date(2024, 2, 6), year=2024)
    directive(ubnd, number=9, issued_on=datetime.date(2024, 12, 31), year=2025)
    client = login(org.donvi)

    def codes(**params) -> list[str]:
        page = client.get(reverse("movements:document_list"), params).content.decode()
        table = page.split('data-testid="documents"')[1]
        return [code for code in ("477/CT-UBND", "09/CT-UBND") if code in table]

    assert codes() == ["477/CT-UBND", "09/CT-UBND"]
    assert codes(nam=2025) == ["09/CT-UBND"]
    assert codes(q="477/ct") == ["477/CT-UBND"]
    assert codes(q="9") == ["09/CT-UBND"]


# --- Movements ---------------------------------------------------------------------------


def movement(org, ubnd, **fields) -> Movement:
    data = {"name": "Phong trào thi đua năm 2025", "kind": MovementKind.REGULAR, "year": 2025}
    return services.movement_save(actor=org.noivu, movement=Movement(**{**data, **fields}), blocs=[org.noi_chinh])


def test_interior_staff_launches_a_movement_from_its_directive_with_the_blocs_taking_part(org, ubnd, login):
    document = directive(ubnd)
    client = login(org.noivu)
    form = client.get(reverse("movements:movement_create"), {"van_ban": document.pk}).content.decode()
    assert f'<option value="{document.pk}" selected>' in form

    response = client.post(
        reverse("movements:movement_create"),
        {
            "name": "Phong trào thi đua năm 2025", "kind": MovementKind.REGULAR, "directive": document.pk,
            "theme": "Đoàn kết, kỷ cương, trách nhiệm, sáng tạo", "year": "2025",
            "join_from": "31/12/2024", "join_until": "15/03/2025",
            "blocs": [org.noi_chinh.pk, org.dang.pk], "units": [org.snv.pk],
        },
    )

    created = Movement.objects.get()
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert (created.status, created.directive, created.join_until) == (
        MovementStatus.OPEN, document, datetime.date(2025, 3, 15)
    )
    assert set(created.blocs.all()) == {org.noi_chinh, org.dang} and list(created.units.all()) == [org.snv]
    assert AuditLog.objects.get(action="movements.movement.created").to_state == MovementStatus.OPEN


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"kind": MovementKind.REGULAR, "year": None}, {"year": ["Phong trào thường xuyên phải ghi năm."]}),
        (
            {"kind": MovementKind.THEMATIC, "year": None},
            {"starts_on": ["Phong trào chuyên đề phải có ngày bắt đầu."],
             "ends_on": ["Phong trào chuyên đề phải có ngày kết thúc."]},
        ),
        (
            {"kind": MovementKind.THEMATIC, "starts_on": datetime.date(2025, 5, 1),
             "ends_on": datetime.date(2025, 9, 2), "join_until": datetime.date(2025, 10, 1)},
            {"join_until": ["Hạn nhận đăng ký phải trước ngày kết thúc phong trào."]},
        ),
        ({"year": 2024}, {"directive": ["Chỉ thị số 09/CT-UBND áp dụng cho năm 2025–2025, không có năm 2024."]}),
    ],
)
def test_each_kind_of_movement_needs_its_dates(org, ubnd, fields, errors):
    with pytest.raises(ValidationError) as error:
        movement(org, ubnd, directive=directive(ubnd), **fields)

    assert error.value.message_dict == errors
    assert not Movement.objects.exists()


def test_a_national_movement_runs_every_year_and_a_regular_one_only_in_its_own(org, ubnd, login):
    movement(org, ubnd, name="Phong trào năm 2025")
    movement(org, ubnd, name="Cả nước chung sức xây dựng nông thôn mới", kind=MovementKind.NATIONAL, year=None)
    client = login(org.donvi)

    def names(**params) -> set[str]:
        page = client.get(reverse("movements:movement_list"), params).content.decode()
        return {n for n in ("Phong trào năm 2025", "Cả nước chung sức xây dựng nông thôn mới") if n in page}

    assert names(nam=2025) == {"Phong trào năm 2025", "Cả nước chung sức xây dựng nông thôn mới"}
    assert names(nam=2026) == {"Cả nước chung sức xây dựng nông thôn mới"}


def test_interior_staff_closes_an_open_movement_and_it_is_audited(org, ubnd, login):
    launched = movement(org, ubnd)

    response = login(org.noivu).post(
        reverse("movements:movement_status", args=[launched.pk]), {"action": "dong", "note": "Tổng kết năm"}
    )

    assert response.status_code == 302 and response["Location"] == launched.get_absolute_url()
    launched.refresh_from_db()
    assert launched.status == MovementStatus.CLOSED
    audit = AuditLog.objects.get(action="movements.movement.closed")
    assert (audit.actor, audit.from_state, audit.to_state, audit.data) == (
        org.noivu, MovementStatus.OPEN, MovementStatus.CLOSED, {"note": "Tổng kết năm"}
    )
    page = login(org.noivu).get(launched.get_absolute_url()).content.decode()
    assert "Phong trào chuyển sang “Đã đóng”." in page and "Mở lại phong trào" in page


def test_a_closed_movement_is_reopened_and_can_be_closed_again(org, ubnd):
    launched = services.movement_close(actor=org.noivu, movement=movement(org, ubnd))

    reopened = services.movement_reopen(actor=org.admin, movement=launched, note="Cho đơn vị nộp muộn")
    assert reopened.status == MovementStatus.REOPENED
    closed = services.movement_close(actor=org.noivu, movement=reopened)

    assert closed.status == MovementStatus.CLOSED
    transitions = AuditLog.objects.filter(action__in=["movements.movement.closed", "movements.movement.reopened"])
    assert list(transitions.order_by("pk").values_list("from_state", "to_state")) == [
        ("mo", "dong"), ("dong", "mo_lai"), ("mo_lai", "dong")
    ]


def test_a_movement_cannot_be_closed_twice_nor_reopened_while_open(org, ubnd, login):
    launched = movement(org, ubnd)
    with pytest.raises(ValidationError, match="Chỉ mở lại được phong trào đã đóng."):
        services.movement_reopen(actor=org.noivu, movement=launched)
    services.movement_close(actor=org.noivu, movement=launched)

    response = login(org.noivu).post(reverse("movements:movement_status", args=[launched.pk]), {"action": "dong"})

    assert "Phong trào đã đóng." in login(org.noivu).get(response["Location"]).content.decode()
    assert AuditLog.objects.filter(action="movements.movement.closed").count() == 1


@pytest.mark.parametrize("persona", ["truongkhoi", "donvi", "hoidong"])
def test_only_interior_staff_and_admins_open_and_close_movements(org, ubnd, login, persona):
    launched = movement(org, ubnd)

    response = login(getattr(org, persona)).post(
        reverse("movements:movement_status", args=[launched.pk]), {"action": "dong"}
    )

    assert response.status_code == 403
    launched.refresh_from_db()
    assert launched.status == MovementStatus.OPEN


def test_editing_a_movement_keeps_its_status(org, ubnd, login):
    launched = services.movement_close(actor=org.noivu, movement=movement(org, ubnd))

    launched.name, launched.status = "Tên mới", MovementStatus.OPEN
    services.movement_save(actor=org.noivu, movement=launched)

    launched.refresh_from_db()
    assert (launched.name, launched.status) == ("Tên mới", MovementStatus.CLOSED)


def test_units_may_join_only_inside_the_window_of_a_movement_not_closed(org, ubnd):
    launched = movement(org, ubnd, join_from=datetime.date(2025, 1, 1), join_until=datetime.date(2025, 3, 15))

    assert movement_accepts_joining(launched, datetime.date(2025, 3, 15))
    assert not movement_accepts_joining(launched, datetime.date(2024, 12, 31))
    assert not movement_accepts_joining(launched, datetime.date(2025, 3, 16))
    services.movement_close(actor=org.noivu, movement=launched)
    launched.refresh_from_db()
    assert not movement_accepts_joining(launched, datetime.date(2025, 2, 1))


def test_the_movement_page_shows_its_directive_items_who_takes_part_and_other_apps_panels(
    org, ubnd, login, monkeypatch
):
    document = directive(ubnd)
    services.document_save(actor=None, document=document, items=ITEMS_09)
    launched = movement(org, ubnd, directive=document, theme="Đoàn kết, kỷ cương")
    shown = []

    def planned_awards(request, *, movement, **_context):
        shown.append(movement)
        return "<section>Khen thưởng dự kiến</section>"

    monkeypatch.setitem(panels._PANELS, "movement_detail", [(10, planned_awards)])
    page = login(org.donvi).get(launched.get_absolute_url()).content.decode()

    assert "Chỉ thị số 09/CT-UBND" in page and "Đoàn kết, kỷ cương" in page
    assert all(text in page for text in ITEMS_09)
    assert "Khối Thi đua Nội chính" in page and "Khối Đảng tỉnh" not in page
    assert "<section>Khen thưởng dự kiến</section>" in page and shown == [launched]
    assert "Đóng phong trào" not in page
