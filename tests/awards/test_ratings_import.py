"""Ratings from Excel: the template lists the unit's people; an upload is checked row by row
and saved all-or-nothing, in the same few queries for 10 rows as for 2,000."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import PerformanceRating
from awards.services.ratings_import import ratings_import, ratings_template
from blocs.models import AuditLog, Employment, Gender, Person
from blocs.text import fold

FIRST_ROW = 4  # title, instructions, headers, then the people


def filled(unit, year, ratings: dict[int, str] | None = None, extra_rows=(), edit=None) -> SimpleUploadedFile:
    """The unit's template with column E filled: {row number: rating}; *extra_rows* appended."""
    book = load_workbook(io.BytesIO(ratings_template(unit=unit, year=year)))
    sheet = book.active
    for row, rating in (ratings or {}).items():
        sheet.cell(row=row, column=5, value=rating)
    for values in extra_rows:
        sheet.append(values)
    if edit:
        edit(sheet)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("xep-loai.xlsx", out.getvalue())


def sheet_rows(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_the_template_lists_the_people_employed_in_the_unit_that_year_with_their_ids(org):
    rows = sheet_rows(ratings_template(unit=org.ca, year=org.year))
    assert rows[2] == ("STT", "Mã cá nhân", "Họ và tên", "Năm sinh", "Xếp loại", "Văn bản/ghi chú")
    listed = {(r[1], r[2]) for r in rows[3:]}
    assert listed == {(p.pk, p.full_name) for p in org.people["cong-an"]}


def test_a_good_file_saves_every_filled_row_and_skips_the_empty_ones(org):
    upload = filled(org.ca, org.year, {FIRST_ROW: "HTXSNV", FIRST_ROW + 1: ""})
    result = ratings_import(actor=org.donvi, unit=org.ca, year=org.year, upload=upload)
    assert (result.saved, result.skipped, result.errors) == (1, 1, [])
    rating = PerformanceRating.objects.get(year=org.year)
    assert rating.rating == "HTXSNV" and rating.rated_by_unit == org.ca and rating.recorded_by == org.donvi
    assert AuditLog.objects.filter(action="awards.ratings.imported", object_id=str(org.ca.pk)).exists()


def test_a_full_vietnamese_name_of_the_rating_is_accepted_in_any_case(org):
    upload = filled(org.ca, org.year, {FIRST_ROW: "hoàn thành TỐT nhiệm vụ", FIRST_ROW + 1: " htnv "})
    ratings_import(actor=org.donvi, unit=org.ca, year=org.year, upload=upload)
    assert sorted(PerformanceRating.objects.values_list("rating", flat=True)) == ["HTNV", "HTTNV"]


def test_an_import_replaces_the_listed_peoples_ratings_of_that_year(org):
    first, second = sorted(org.people["cong-an"], key=lambda p: fold(p.full_name))
    PerformanceRating.objects.create(person=first, year=org.year, rating="KHTNV")
    PerformanceRating.objects.create(person=second, year=org.year, rating="HTNV")
    ratings_import(actor=org.donvi, unit=org.ca, year=org.year, upload=filled(org.ca, org.year, {FIRST_ROW: "HTTNV"}))
    assert dict(PerformanceRating.objects.values_list("person_id", "rating")) == {first.pk: "HTTNV", second.pk: "HTNV"}


def test_one_bad_row_saves_nothing_and_each_bad_row_is_reported_with_its_number(org):
    outsider = org.people["tand"][0]
    upload = filled(org.ca, org.year, {FIRST_ROW: "HTXSNV", FIRST_ROW + 1: "Giỏi"},
                    extra_rows=[(3, outsider.pk, outsider.full_name, None, "HTNV", "")])
    result = ratings_import(actor=org.donvi, unit=org.ca, year=org.year, upload=upload)
    assert not PerformanceRating.objects.exists()
    assert [(e.row, e.message) for e in result.errors] == [
        (5, "Xếp loại “Giỏi” không hợp lệ: dùng HTXSNV, HTTNV, HTNV hoặc KHTNV."),
        (6, f"Mã cá nhân {outsider.pk} không có trong danh sách cán bộ của Công an tỉnh năm {org.year}."),
    ]
    rows = sheet_rows(result.error_file)
    assert rows[2][-1] == "Lỗi"
    assert rows[4][-1].startswith("Xếp loại “Giỏi”") and rows[3][-1] is None


def test_a_name_that_does_not_match_the_id_is_refused_but_case_and_unicode_form_do_not_matter(org):
    import unicodedata

    def rename(sheet):
        sheet.cell(row=FIRST_ROW, column=3, value=unicodedata.normalize("NFD", sheet.cell(FIRST_ROW, 3).value.upper()))
        sheet.cell(row=FIRST_ROW + 1, column=3, value="Người Khác")

    upload = filled(org.ca, org.year, {FIRST_ROW: "HTTNV", FIRST_ROW + 1: "HTTNV"}, edit=rename)
    result = ratings_import(actor=org.donvi, unit=org.ca, year=org.year, upload=upload)
    assert [e.row for e in result.errors] == [FIRST_ROW + 1]
    assert "“Người Khác” không khớp với mã cá nhân" in result.errors[0].message


def test_a_person_listed_twice_is_reported_on_the_second_row(org):
    person = sorted(org.people["cong-an"], key=lambda p: fold(p.full_name))[0]
    upload = filled(org.ca, org.year, {FIRST_ROW: "HTTNV"}, extra_rows=[(3, person.pk, person.full_name, None, "HTNV")])
    result = ratings_import(actor=org.donvi, unit=org.ca, year=org.year, upload=upload)
    assert [(e.row, e.message) for e in result.errors] == [
        (6, f"Cá nhân {person.full_name} (mã {person.pk}) đã có ở dòng 4.")
    ]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bang.xls", b"\xd0\xcf\x11\xe0 old excel", "không phải tệp Excel .xlsx"),
    ("bang.xlsx", b"PK\x03\x04 truncated zip", "bị hỏng hoặc không đọc được"),
    ("bang.pdf", b"%PDF-1.4", "không phải tệp Excel .xlsx"),
])
def test_a_file_that_is_not_a_readable_xlsx_is_refused_with_a_clear_message(org, login, name, content, message):
    url = reverse("awards:rating_import", args=[org.ca.pk, org.year])
    response = login(org.donvi).post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PerformanceRating.objects.exists()


def test_the_page_lists_the_bad_rows_and_offers_the_file_back_with_an_error_column(org, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(org.donvi)
    url = reverse("awards:rating_import", args=[org.ca.pk, org.year])
    response = client.post(url, {"file": filled(org.ca, org.year, {FIRST_ROW: "XS"})})
    page = response.content.decode()
    assert "Có 1 dòng lỗi: chưa lưu kết quả nào." in page and "Xếp loại “XS” không hợp lệ" in page
    download = client.get(reverse("awards:rating_import_errors", args=[org.ca.pk, org.year]))
    assert download.status_code == 200
    rows = sheet_rows(b"".join(download.streaming_content))
    assert rows[FIRST_ROW - 1][-1].startswith("Xếp loại “XS”")
    # Another officer of the unit has no such file in their session.
    from tests.conftest import make_user

    other = login(make_user("donvi2", "don_vi", org.ca))
    assert other.get(reverse("awards:rating_import_errors", args=[org.ca.pk, org.year])).status_code == 404


def test_a_good_upload_through_the_page_goes_back_to_the_ratings_with_a_message(org, login):
    client = login(org.donvi)
    url = reverse("awards:rating_import", args=[org.ca.pk, org.year])
    response = client.post(url, {"file": filled(org.ca, org.year, {FIRST_ROW: "HTTNV"})}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("awards:rating_unit_year", args=[org.ca.pk, org.year])
    assert f"Đã nhập kết quả xếp loại năm {org.year} của 1 người" in response.content.decode()


def _staff(org, count: int) -> None:
    people = Person.objects.bulk_create(
        Person(full_name=f"Cán bộ {i:04}", gender=Gender.MALE, unit=org.ca, search_text=f"can bo {i:04}")
        for i in range(count)
    )
    Employment.objects.bulk_create(Employment(person=p, unit=org.ca) for p in people)


def _import_queries(org, upload) -> int:
    with CaptureQueriesContext(connection) as captured:
        result = ratings_import(actor=org.donvi, unit=org.ca, year=org.year, upload=upload)
    assert not result.errors
    return len(captured)


def _all_rated(org):
    rows = len(sheet_rows(ratings_template(unit=org.ca, year=org.year))) - 3
    return filled(org.ca, org.year, {FIRST_ROW + i: "HTTNV" for i in range(rows)})


def test_two_thousand_rows_import_in_the_same_few_queries_as_ten(org):
    _staff(org, 8)
    few = _import_queries(org, _all_rated(org))
    _staff(org, 1990)
    many = _import_queries(org, _all_rated(org))
    assert PerformanceRating.objects.filter(year=org.year).count() == 2000
    assert many == few <= 8
