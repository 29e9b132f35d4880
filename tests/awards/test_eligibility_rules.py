"""The engine's general rules: authority (R1), one achievement one award (R13), holds and
discipline (R15), tie-breakers (R17), deadlines (R21), public notice (R22), registration
(R23), reward money (R24), double proposals (R25), and nominees judged in bulk."""

from __future__ import annotations

import datetime

import pytest

from awards.eligibility import FAIL, PASS, WARN, evaluate, evaluate_nominees
from awards.models import DeciderLevel, DisciplineForm, InitiativeLevel, Rating, TitleRule
from awards.rules import rule_set_for
from tests.awards.conftest import open_round, register
from tests.awards.eligibility_factories import (
    award,
    award_years,
    discipline,
    hold,
    initiative,
    nominate,
    rate,
    revoke,
)

D = datetime.date


def by_code(verdict, code):
    return [c for c in verdict.checks if c.code == code]


def text(verdict, code):
    return " | ".join(c.message for c in by_code(verdict, code))


@pytest.fixture
def good(org):
    """A Tòa án officer rated only HTTNV in 2025: CSTĐCS needs an initiative."""
    p = org.people["tand"][0]
    rate(p, 2025, Rating.GOOD)
    return p


@pytest.fixture
def person(org):
    p = org.people["cong-an"][0]
    rate(p, 2025, Rating.EXCELLENT)
    rate(p, 2024, Rating.EXCELLENT)
    return p


def test_the_title_already_received_that_year_fails_one_achievement_one_award(titles, person):
    award(person, "LDTT", 2025, number="77/QĐ-CAT")
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert [c.status for c in by_code(verdict, "R13")] == [FAIL]
    assert "Đã được tặng LĐTT năm 2025 (QĐ số 77/QĐ-CAT)" in text(verdict, "R13")


def test_a_revoked_award_neither_blocks_nor_counts(titles, person):
    records = award_years(person, "CSTDCS", [2022, 2023, 2024])
    initiative(person, InitiativeLevel.PROVINCE, 2024)
    revoke(records[1])
    verdict = evaluate(title=titles["CSTD_TINH"], year=2025, person=person)
    assert "thiếu 2023" in text(verdict, "R4")
    assert "đã bị thu hồi" in text(verdict, "R14")


def test_an_open_hold_blocks_the_award(titles, person):
    hold(person, D(2025, 10, 1))
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert verdict.status == FAIL
    assert "Đang có vụ việc chưa kết luận từ 01/10/2025" in text(verdict, "R15")


def test_a_hold_closed_before_the_date_is_only_a_warning(titles, person):
    hold(person, D(2025, 3, 1), D(2025, 6, 30))
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert [c.status for c in by_code(verdict, "R15")] == [WARN]
    assert "đã kết thúc ngày 30/06/2025" in text(verdict, "R15")


def test_a_hold_opened_after_the_date_does_not_count(titles, person):
    hold(person, D(2026, 2, 1))
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert by_code(verdict, "R15") == []


@pytest.mark.parametrize("year", [2024, 2025], ids=["ND 98", "ND 152"])
def test_a_discipline_ending_mid_year_spoils_that_year(titles, org, year):
    p = org.people["cong-an"][0]
    rate(p, year, Rating.GOOD)
    discipline(p, DisciplineForm.REPRIMAND, D(year - 1, 9, 1), D(year, 5, 31))
    verdict = evaluate(title=titles["LDTT"], year=year, person=p)
    assert verdict.status == FAIL
    assert "thành tích chỉ tính từ khi hết thời hạn kỷ luật" in text(verdict, "R15")
    rate(p, year + 1, Rating.GOOD)
    later = evaluate(title=titles["LDTT"], year=year + 1, person=p, on=D(year + 1, 12, 1))
    assert by_code(later, "R15") == []


def test_achievements_before_a_discipline_do_not_count_toward_a_streak(titles, person):
    award_years(person, "CSTDCS", [2022, 2023, 2024])
    initiative(person, InitiativeLevel.PROVINCE, 2024)
    discipline(person, DisciplineForm.REPRIMAND, D(2023, 1, 10), D(2023, 7, 9))
    verdict = evaluate(title=titles["CSTD_TINH"], year=2025, person=person)
    assert "có 2024; thiếu 2022, 2023" in text(verdict, "R4")
    assert "trước khi hết thời hạn kỷ luật" in text(verdict, "R14")


def test_a_discipline_still_running_blocks_everything(titles, person):
    discipline(person, DisciplineForm.WARNING, D(2025, 6, 1), None)
    verdict = evaluate(title=titles["BK_TINH"], year=2025, person=person)
    assert "Đang trong thời hạn kỷ luật" in text(verdict, "R15")


def test_registration_missing_is_a_warning_unless_the_province_requires_it(org, titles, person):
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert [c.status for c in by_code(verdict, "R23")] == [WARN]
    rule_set = rule_set_for(D(2025, 12, 31))
    rule_set.registration_required = True
    rule_set.save()
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert [c.status for c in by_code(verdict, "R23")] == [FAIL]


def test_a_submitted_registration_passes_r23(org, titles, person):
    round_ = open_round(org, 2025)
    register(
        org,
        round_,
        org.ca,
        titles,
        collective=(),
        people={person: ["LDTT"]},
        actor=org.donvi,
        submit=True,
    )
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert [c.status for c in by_code(verdict, "R23")] == [PASS]


def test_the_reward_amount_follows_the_base_salary_of_the_date(titles, person):
    old = evaluate(title=titles["LDTT"], year=2024, person=person, on=D(2024, 3, 1))
    new = evaluate(title=titles["LDTT"], year=2024, person=person, on=D(2024, 12, 1))
    assert "= 540.000 đ" in text(old, "R24")  # 0.3 × 1.800.000
    assert "= 702.000 đ" in text(new, "R24")  # 0.3 × 2.340.000


def test_a_late_submission_is_flagged_against_the_year_end_deadline(titles, person):
    on_time = evaluate(title=titles["LDTT"], year=2025, person=person, on=D(2025, 12, 10))
    late = evaluate(title=titles["LDTT"], year=2025, person=person, on=D(2025, 12, 11))
    assert [c.status for c in by_code(on_time, "R21")] == [PASS]
    assert [c.status for c in by_code(late, "R21")] == [WARN]
    assert "Nộp muộn. Hạn nộp hồ sơ cuối năm về Sở Nội vụ: 10/12/2025." in text(late, "R21")


def test_the_central_deadline_of_co_cp_is_30_june_of_the_next_year(org, titles):
    late = evaluate(title=titles["CO_CP"], year=2025, unit=org.chqs, on=D(2026, 7, 1))
    assert "Quá hạn. Hạn tỉnh trình Trung ương Cờ CP: 30/06/2026." in text(late, "R21")
    assert FAIL in [c.status for c in by_code(late, "R21")]


def test_orders_and_cstd_toan_quoc_need_public_notice(titles, person):
    assert [
        c.status for c in by_code(evaluate(title=titles["HCLD3"], year=2025, person=person), "R22")
    ] == [WARN]
    assert by_code(evaluate(title=titles["CSTD_TINH"], year=2025, person=person), "R22") == []


def test_a_district_decider_after_july_2025_fails_authority(titles, person):
    rule_set = rule_set_for(D(2025, 12, 31))
    TitleRule.objects.filter(rule_set=rule_set, title=titles["LDTT"]).update(
        decider=DeciderLevel.DISTRICT_CHAIR
    )
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert [c.status for c in by_code(verdict, "R1")] == [FAIL]
    assert "Cấp huyện đã bỏ từ 01/07/2025" in text(verdict, "R1")


def test_a_woman_is_preferred_on_a_tie_under_a_cap(org, titles):
    rule_set = rule_set_for(D(2025, 12, 31))
    rule_set.cstdcs_cap_percent = 15
    rule_set.save()
    woman = org.people["cong-an"][1]
    verdict = evaluate(title=titles["CSTDCS"], year=2025, person=woman)
    assert "Cá nhân nữ: được ưu tiên" in text(verdict, "R17")
    assert "không quá 15 %" in text(verdict, "R3")


def test_a_second_proposal_of_the_same_person_in_the_cycle_is_a_warning(titles, person):
    first = nominate(person, title_code="LDTT", year=2025, submitted=True)
    assert (
        by_code(
            evaluate(title=titles["LDTT"], year=2025, person=person, exclude_nominee=first), "R25"
        )
        == []
    )
    verdict = evaluate(title=titles["LDTT"], year=2025, person=person)
    assert [c.status for c in by_code(verdict, "R25")] == [WARN]
    assert "Đề nghị khen thưởng năm 2025 (LĐTT)" in text(verdict, "R25")


def test_an_initiative_cited_by_another_submitted_proposal_cannot_be_used_again(org, titles, good):
    person = good
    item = initiative(person, InitiativeLevel.BASE, 2025, title="Phần mềm quản lý hồ sơ")
    nominate(person, title_code="GIAY_KHEN", year=2025, submitted=True, initiatives=[item])
    mine = nominate(person, title_code="CSTDCS", year=2025, initiatives=[item])
    verdict = evaluate_nominees([mine])[mine.pk]
    assert verdict.status == FAIL
    assert "«Phần mềm quản lý hồ sơ» đang là căn cứ của đề nghị" in text(verdict, "R13")


def test_nominees_are_judged_in_bulk_without_counting_their_own_claims(org, titles, good):
    person = good
    item = initiative(person, InitiativeLevel.BASE, 2025, title="Sổ tay nghiệp vụ")
    mine = nominate(person, title_code="CSTDCS", year=2025, submitted=True, initiatives=[item])
    other = nominate(org.people["cong-an"][1], title_code="CSTDCS", year=2025, submitted=True)
    verdicts = evaluate_nominees([mine, other])
    assert set(verdicts) == {mine.pk, other.pk}
    assert "R13" not in [c.code for c in verdicts[mine.pk].failures]
    assert by_code(verdicts[mine.pk], "R25") == []
    assert "«Sổ tay nghiệp vụ»" in text(verdicts[mine.pk], "R3")
