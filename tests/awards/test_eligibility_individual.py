"""The engine on individual titles: LĐTT (R2), CSTĐCS (R3), CSTĐ cấp tỉnh (R4), CSTĐ toàn
quốc (R5), Bằng khen tỉnh (R10) and Bằng khen Thủ tướng (R12), under ND 98 (achievements of
2024) and ND 152 (2025)."""

from __future__ import annotations

import datetime

import pytest

from awards.eligibility import FAIL, PASS, UNKNOWN, WARN, evaluate
from awards.models import AwardKind, InitiativeLevel, Rating
from tests.awards.eligibility_factories import award, award_years, initiative, rate, rate_years
from tests.conftest import make_person

BOTH_REGIMES = pytest.mark.parametrize("year", [2024, 2025], ids=["ND 98", "ND 152"])


def codes(verdict, status):
    return [c.code for c in verdict.checks if c.status == status]


def messages(verdict, code):
    return " | ".join(c.message for c in verdict.checks if c.code == code)


@pytest.fixture
def veteran(org):
    """A Công an officer recruited in 2015."""
    return org.people["cong-an"][0]


@BOTH_REGIMES
def test_a_well_rated_veteran_is_eligible_for_ldtt(titles, veteran, year):
    rate(veteran, year, Rating.GOOD)
    verdict = evaluate(title=titles["LDTT"], year=year, person=veteran)
    assert verdict.status == WARN  # only the missing registration
    assert codes(verdict, WARN) == ["R23"]
    assert "hoàn thành tốt nhiệm vụ" in messages(verdict, "R2")
    regime = "98/2023" if year == 2024 else "152/2025"
    assert regime in messages(verdict, "R1")


@BOTH_REGIMES
def test_a_person_rated_only_completed_fails_ldtt_citing_article_24(titles, veteran, year):
    rate(veteran, year, Rating.COMPLETED)
    verdict = evaluate(title=titles["LDTT"], year=year, person=veteran)
    assert verdict.status == FAIL
    failure = verdict.failures[0]
    assert failure.code == "R2" and "Điều 24" in failure.article
    assert "cần hoàn thành tốt nhiệm vụ trở lên" in failure.message


def test_without_a_rating_ldtt_cannot_be_judged_yet(titles, veteran):
    verdict = evaluate(title=titles["LDTT"], year=2025, person=veteran)
    assert verdict.status == UNKNOWN
    assert "Chưa có kết quả xếp loại năm 2025" in messages(verdict, "R2")


@BOTH_REGIMES
def test_a_recent_recruit_is_refused_ldtt_under_the_six_month_rule(org, titles, year):
    recruit = make_person(org.ca, "Lò Văn Mới", recruited_on=datetime.date(year, 9, 1))
    rate(recruit, year, Rating.EXCELLENT)
    verdict = evaluate(title=titles["LDTT"], year=year, person=recruit)
    assert verdict.status == FAIL
    assert "mới 4 tháng, chưa đủ 6 tháng" in messages(verdict, "R2")


def test_the_six_month_minimum_comes_from_the_rule_set(org, titles):
    from awards.rules import rule_set_for

    rule_set = rule_set_for(datetime.date(2025, 12, 31))
    rule_set.min_recruited_months = 3
    rule_set.save()
    recruit = make_person(org.ca, "Lò Văn Mới", recruited_on=datetime.date(2025, 9, 1))
    rate(recruit, 2025, Rating.GOOD)
    verdict = evaluate(title=titles["LDTT"], year=2025, person=recruit)
    assert "R2" not in codes(verdict, FAIL)
    assert "đủ 3 tháng" in messages(verdict, "R2")


def test_maternity_leave_counts_as_working_time(titles, veteran):
    rate(veteran, 2025, Rating.GOOD)
    verdict = evaluate(title=titles["LDTT"], year=2025, person=veteran)
    assert codes(verdict, PASS).count("R16") == 1
    assert "nghỉ thai sản" in messages(verdict, "R16")


@BOTH_REGIMES
def test_an_excellent_ldtt_is_eligible_for_cstdcs(titles, veteran, year):
    rate(veteran, year, Rating.EXCELLENT)
    verdict = evaluate(title=titles["CSTDCS"], year=year, person=veteran)
    assert verdict.failures == []
    assert "Hoàn thành xuất sắc nhiệm vụ năm" in messages(verdict, "R3")


@BOTH_REGIMES
def test_a_good_rating_needs_an_unused_initiative_for_cstdcs(titles, veteran, year):
    rate(veteran, year, Rating.GOOD)
    verdict = evaluate(title=titles["CSTDCS"], year=year, person=veteran)
    assert verdict.status == FAIL
    assert "Cần hoàn thành xuất sắc nhiệm vụ năm" in messages(verdict, "R3")
    initiative(veteran, InitiativeLevel.BASE, year, title="Số hóa hồ sơ")
    verdict = evaluate(title=titles["CSTDCS"], year=year, person=veteran)
    assert verdict.failures == []
    assert "«Số hóa hồ sơ»" in messages(verdict, "R3")


def test_an_initiative_already_used_does_not_count_twice(titles, veteran):
    rate(veteran, 2025, Rating.GOOD)
    earlier = award(veteran, "GIAY_KHEN", 2025, number="45/QĐ-CA")
    initiative(veteran, InitiativeLevel.BASE, 2025, title="Số hóa hồ sơ", used_by=earlier)
    verdict = evaluate(title=titles["CSTDCS"], year=2025, person=veteran)
    assert verdict.status == FAIL
    assert "«Số hóa hồ sơ» đã dùng cho GK 2025 (QĐ số 45/QĐ-CA)" in messages(verdict, "R13")


@BOTH_REGIMES
def test_three_consecutive_cstdcs_and_a_provincial_initiative_make_cstd_tinh(titles, veteran, year):
    award_years(veteran, "CSTDCS", range(year - 3, year))
    initiative(veteran, InitiativeLevel.PROVINCE, year - 1)
    verdict = evaluate(title=titles["CSTD_TINH"], year=year, person=veteran)
    assert verdict.failures == []
    assert f"3 năm liên tục: {year - 3}, {year - 2}, {year - 1}" in messages(verdict, "R4")


def test_a_gap_year_breaks_the_cstdcs_streak(titles, veteran):
    award_years(veteran, "CSTDCS", [2021, 2023, 2024])
    initiative(veteran, InitiativeLevel.PROVINCE, 2024)
    verdict = evaluate(title=titles["CSTD_TINH"], year=2025, person=veteran)
    assert verdict.status == FAIL
    assert (
        "Cần 3 năm liên tục đạt CSTĐ cơ sở ngay trước năm xét (Điều 22 Luật TĐKT 2022): "
        "có 2023, 2024; thiếu 2022." in messages(verdict, "R4")
    )


def test_an_ad_hoc_award_does_not_fill_the_streak(titles, veteran):
    award_years(veteran, "CSTDCS", [2023, 2024])
    award(veteran, "CSTDCS", 2022, kind=AwardKind.AD_HOC)
    initiative(veteran, InitiativeLevel.PROVINCE, 2024)
    verdict = evaluate(title=titles["CSTD_TINH"], year=2025, person=veteran)
    assert "R4" in codes(verdict, FAIL)
    assert "đột xuất, chuyên đề không tính" in messages(verdict, "R14")


def test_a_base_initiative_is_not_enough_for_cstd_tinh(titles, veteran):
    award_years(veteran, "CSTDCS", [2022, 2023, 2024])
    initiative(veteran, InitiativeLevel.BASE, 2024)
    verdict = evaluate(title=titles["CSTD_TINH"], year=2025, person=veteran)
    assert "sáng kiến, đề tài có phạm vi ảnh hưởng trong tỉnh" in messages(verdict, "R4")
    assert "R4" in codes(verdict, FAIL)


def test_a_person_who_moved_units_keeps_their_streak(org, titles, veteran):
    from blocs import services

    award(veteran, "CSTDCS", 2022)
    services.person_move(
        actor=org.noivu, person=veteran, to_unit=org.toa, on=datetime.date(2023, 3, 1)
    )
    award_years(veteran, "CSTDCS", [2023, 2024])
    initiative(veteran, InitiativeLevel.PROVINCE, 2024)
    verdict = evaluate(title=titles["CSTD_TINH"], year=2025, person=veteran)
    assert verdict.failures == []


def test_cstd_toan_quoc_needs_two_successive_provincial_titles_and_public_notice(titles, veteran):
    award_years(veteran, "CSTD_TINH", [2021, 2024])
    initiative(veteran, InitiativeLevel.NATIONAL, 2024)
    verdict = evaluate(title=titles["CSTD_TQ"], year=2025, person=veteran)
    assert verdict.failures == []
    assert "R22" in codes(verdict, WARN)
    assert "31/12/2026" in messages(verdict, "R21")
    verdict = evaluate(title=titles["CSTD_TQ"], year=2026, person=veteran)
    assert "R5" in codes(verdict, FAIL)


@BOTH_REGIMES
def test_two_consecutive_cstdcs_earn_a_provincial_bang_khen(titles, veteran, year):
    award_years(veteran, "CSTDCS", [year - 2, year - 1])
    verdict = evaluate(title=titles["BK_TINH"], year=year, person=veteran)
    assert verdict.failures == []
    verdict = evaluate(title=titles["BK_TINH"], year=year + 1, person=veteran)
    assert "R10" in codes(verdict, FAIL)


def test_two_excellent_years_with_two_initiatives_also_earn_a_provincial_bang_khen(titles, veteran):
    rate_years(veteran, [2023, 2024], Rating.EXCELLENT)
    initiative(veteran, InitiativeLevel.BASE, 2023)
    verdict = evaluate(title=titles["BK_TINH"], year=2025, person=veteran)
    assert "R10" in codes(verdict, FAIL)
    initiative(veteran, InitiativeLevel.BASE, 2024)
    verdict = evaluate(title=titles["BK_TINH"], year=2025, person=veteran)
    assert verdict.failures == []


def test_an_ad_hoc_bang_khen_is_left_to_the_council(titles, veteran):
    verdict = evaluate(title=titles["BK_TINH"], year=2025, person=veteran, kind=AwardKind.AD_HOC)
    assert verdict.failures == [] and "R23" not in codes(verdict, WARN)


def test_bang_khen_thu_tuong_needs_five_good_years_with_three_cstdcs(titles, veteran):
    award(veteran, "BK_TINH", 2022)
    rate_years(veteran, range(2020, 2025), Rating.GOOD)
    award_years(veteran, "CSTDCS", [2020, 2022, 2024])
    verdict = evaluate(title=titles["BK_TTG"], year=2025, person=veteran)
    assert verdict.failures == []
    verdict = evaluate(title=titles["BK_TTG"], year=2026, person=veteran)
    assert "R12" in codes(verdict, FAIL)


def test_a_collective_title_is_refused_to_a_person(titles, veteran):
    verdict = evaluate(title=titles["TTLDTT"], year=2025, person=veteran)
    assert "R1" in codes(verdict, FAIL)


def test_the_reward_amount_is_the_coefficient_times_the_base_salary(titles, veteran):
    verdict = evaluate(title=titles["CSTD_TINH"], year=2025, person=veteran)
    assert "3.00 × lương cơ sở 2.340.000 đ = 7.020.000 đ" in messages(verdict, "R24")
