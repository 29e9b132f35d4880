"""The award history: importing past awards from Excel, searching, and scoping."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook, load_workbook

from awards.models import AwardRecord
from awards.services.history import history_search, person_awards
from awards.services.history_import import COLUMNS, history_import
from tests.awards.factories_council import decided

pytestmark = pytest.mark.django_db


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    book.active.append([label for _key, label in COLUMNS])
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def person_row(n, name, unit="cong-an", title="LDTT", year=2022, person_id="", birth=""):
    return [n, name, birth, person_id, unit, title, year, "Công trạng", f"{n}/QĐ-CAT", "15/12/2022", 540000]


def unit_row(n, unit="cong-an", title="Tập thể lao động xuất sắc", year=2022):
    return [n, "", "", "", unit, title, year, "", f"{n}/QĐ-UBND", datetime.datetime(2023, 1, 10), "2.700.000"]


def test_a_valid_file_is_saved_with_people_found_by_name_without_diacritics(org):
    person = org.people["cong-an"][0]  # Nguyễn Văn CONG-AN Một
    result = history_import(actor=org.noivu, file=workbook(
        person_row(1, "nguyen van cong-an mot"),
        person_row(2, "", person_id=org.people["tand"][0].pk, unit="tand", title="CSTDCS"),
        unit_row(3),
    ))
    assert result.ok and result.created == 3
    record = AwardRecord.objects.get(person=person)
    assert (record.title.code, record.year, record.decision_number, record.amount) == ("LDTT", 2022, "1/QĐ-CAT", 540000)
    assert record.decision_date == datetime.date(2022, 12, 15) and record.source == "nhap_lieu"
    assert AwardRecord.objects.get(unit=org.ca).amount == 2_700_000


def test_a_file_with_one_bad_row_saves_nothing_and_reports_that_row(org):
    result = history_import(actor=org.noivu, file=workbook(
        person_row(1, "Nguyễn Văn CONG-AN Một"),
        person_row(2, "Người Không Có", title="LDTT"),
        unit_row(3, title="KHONG_CO"),
    ))
    assert not result.ok and result.created == 0
    assert AwardRecord.objects.count() == 0
    assert [(n, reason) for n, _values, reason in result.errors] == [
        (3, "Không tìm thấy cá nhân “Người Không Có” tại Công an tỉnh; hãy ghi mã cá nhân."),
        (4, "Không có danh hiệu, hình thức “KHONG_CO”."),
    ]
    sheet = load_workbook(io.BytesIO(result.report)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Dòng" and rows[0][-1] == "Lỗi"
    assert [r[0] for r in rows[1:]] == [3, 4]


def test_duplicates_within_the_file_and_against_the_history_are_reported(org):
    decided(org, [(org.ca, "TTLDXS")])  # 2024
    result = history_import(actor=org.noivu, file=workbook(
        person_row(1, "Nguyễn Văn CONG-AN Một"),
        person_row(2, "Nguyen Van Cong-an Mot"),
        unit_row(3, year=2024),
    ))
    reasons = {n: reason for n, _v, reason in result.errors}
    assert reasons == {
        3: "Trùng với dòng 2 (cùng đối tượng, danh hiệu và năm).",
        4: "Đã có trong lịch sử khen thưởng (cùng đối tượng, danh hiệu và năm).",
    }


def test_a_title_for_collectives_is_refused_for_a_person(org):
    result = history_import(actor=org.noivu, file=workbook(person_row(1, "Nguyễn Văn CONG-AN Một", title="TTLDXS")))
    assert "không tặng cá nhân" in result.errors[0][2]


def test_only_interior_staff_import_history(org):
    with pytest.raises(PermissionDenied):
        history_import(actor=org.donvi, file=workbook(unit_row(1)))


def test_hundreds_of_rows_take_a_handful_of_queries(org, django_assert_max_num_queries):
    units = ["cong-an", "tand", "bao-lai-chau", "vp-tinh-uy", "bo-chqs"]
    rows = [unit_row(n, year=1950 + n % 70, unit=units[n // 70]) for n in range(350)]
    with django_assert_max_num_queries(12):
        result = history_import(actor=org.noivu, file=workbook(*rows))
    assert result.created == 350


def test_searching_a_name_without_diacritics_finds_the_person(org):
    person = org.people["cong-an"][1]  # Trần Thị CONG-AN Hai
    decided(org, [(person, "BK_TINH")])
    found = list(history_search(user=org.noivu, q="tran thi cong-an"))
    assert [r.person for r in found] == [person]
    assert list(history_search(user=org.noivu, q="Trần Thị CONG-AN")) == found


def test_a_unit_officer_finds_only_the_history_of_their_unit(org):
    decided(org, [(org.people["cong-an"][0], "BK_TINH"), (org.people["vp-tinh-uy"][0], "BK_TINH")])
    assert {r.person.unit for r in history_search(user=org.donvi)} == {org.ca}
    assert len(history_search(user=org.hoidong)) == 2


def test_revoked_awards_stay_in_a_person_history_but_not_in_the_active_search(org):
    from awards.services import decisions
    from tests.awards.factories_council import signing

    person = org.people["cong-an"][0]
    decided(org, [(person, "BK_TINH")])
    record = AwardRecord.objects.get()
    decisions.award_revoke(actor=org.noivu, record=record, signing=signing(datetime.date(2025, 1, 6)),
                           reason="Khai man")
    assert [r.is_revoked for r in person_awards(person)] == [True]
    assert list(history_search(user=org.noivu, revoked="an")) == []


@pytest.mark.parametrize("rows", [1, 6])
def test_the_search_takes_the_same_queries_for_any_number_of_rows(org, rows, django_assert_num_queries):
    history_import(actor=org.noivu, file=workbook(*[unit_row(n, year=2000 + n) for n in range(rows)]))
    with django_assert_num_queries(1):
        found = list(history_search(user=org.noivu))
        _ = [(r.title.name, r.unit.name, r.decision_label, r.unit_at_award) for r in found]
    assert len(found) == rows
