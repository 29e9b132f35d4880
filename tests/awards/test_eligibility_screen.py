"""The "Xét điều kiện" screen, its Excel export and the "Đủ điều kiện năm tới?" panels."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from awards.models import InitiativeLevel, Rating
from tests.awards.eligibility_factories import award_years, initiative, rate

URL = reverse("awards:eligibility")


def names(response) -> list[str]:
    return [row.name for row in response.context["page"]]


def test_interior_staff_see_every_person_of_the_province(org, login):
    response = login(org.noivu).get(URL, {"danh_hieu": "LDTT", "nam": 2025})
    assert response.status_code == 200
    assert len(names(response)) == sum(len(p) for p in org.people.values())


def test_a_bloc_lead_sees_the_people_of_its_bloc_only(org, login):
    shown = names(login(org.truongkhoi).get(URL, {"danh_hieu": "LDTT", "nam": org.year}))
    expected = {p.full_name for code in ("bo-chqs", "cong-an", "tand") for p in org.people[code]}
    assert set(shown) == expected


def test_a_unit_officer_sees_only_their_own_unit(org, login):
    shown = names(login(org.donvi).get(URL, {"danh_hieu": "LDTT", "nam": org.year}))
    assert set(shown) == {p.full_name for p in org.people["cong-an"]}


def test_each_row_shows_the_result_and_the_failing_reason(org, login):
    person = org.people["cong-an"][0]
    rate(person, 2025, Rating.COMPLETED)
    response = login(org.noivu).get(URL, {"danh_hieu": "LDTT", "nam": 2025, "don_vi": org.ca.pk})
    page = response.content.decode()
    assert "Không đủ điều kiện" in page
    assert "Xếp loại năm 2025: hoàn thành nhiệm vụ; cần hoàn thành tốt nhiệm vụ trở lên." in page


def test_the_result_filter_keeps_only_the_eligible(org, login, titles):
    good = org.people["cong-an"][0]
    award_years(good, "CSTDCS", [2022, 2023, 2024])
    initiative(good, InitiativeLevel.PROVINCE, 2024)
    response = login(org.noivu).get(URL, {"danh_hieu": "CSTD_TINH", "nam": 2025, "ket_qua": "warn"})
    assert names(response) == [good.full_name]


def test_the_name_search_ignores_diacritics(org, login):
    response = login(org.noivu).get(URL, {"danh_hieu": "LDTT", "nam": 2025, "q": "tran thi cong"})
    assert names(response) == [org.people["cong-an"][1].full_name]


def test_the_bloc_filter_keeps_the_people_of_its_member_units(org, login):
    response = login(org.noivu).get(
        URL, {"danh_hieu": "LDTT", "nam": org.year, "khoi": org.dang.pk}
    )
    assert set(names(response)) == {
        p.full_name for code in ("vp-tinh-uy", "bao-lai-chau") for p in org.people[code]
    }


def test_collective_titles_list_units(org, login):
    response = login(org.truongkhoi).get(URL, {"danh_hieu": "TTLDTT", "nam": org.year})
    assert set(names(response)) == {
        "Bộ Chỉ huy Quân sự tỉnh",
        "Công an tỉnh",
        "Tòa án nhân dân tỉnh",
    }


def test_a_bad_year_is_reported_on_the_form_and_lists_nothing(org, login):
    response = login(org.noivu).get(URL, {"danh_hieu": "LDTT", "nam": "abc"})
    assert response.status_code == 200
    assert response.context["form"].errors["nam"]
    assert response.context["filters"] is None


def test_the_export_holds_the_same_rows_with_their_reasons(org, login):
    rate(org.people["cong-an"][0], 2025, Rating.COMPLETED)
    response = login(org.donvi).get(
        reverse("awards:eligibility_export"), {"danh_hieu": "LDTT", "nam": 2025}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert len(rows) == len(org.people["cong-an"])
    first = next(r for r in rows if r[1] == org.people["cong-an"][0].full_name)
    assert first[3] == "Không đủ điều kiện"
    assert "[R2] Xếp loại năm 2025" in first[4] and "Điều 24" in first[4]


def test_the_person_page_says_what_is_missing_for_next_year(org, login):
    person = org.people["cong-an"][0]
    response = login(org.donvi).get(reverse("blocs:person_detail", args=[person.pk]))
    page = response.content.decode()
    assert "Đủ điều kiện năm tới?" in page
    assert "Chiến sĩ thi đua cấp tỉnh" in page
    assert f"Chưa có kết quả xếp loại năm {org.year}" in page


def test_the_unit_page_shows_collective_titles(org, login):
    response = login(org.donvi).get(reverse("blocs:unit_detail", args=[org.ca.pk]))
    page = response.content.decode()
    assert "Đủ điều kiện năm tới?" in page and "Tập thể lao động tiên tiến" in page
