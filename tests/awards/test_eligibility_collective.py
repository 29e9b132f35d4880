"""The engine on collective titles: TTLĐTT (R6), TTLĐXS (R7), Cờ thi đua tỉnh (R8) and Cờ
thi đua Chính phủ (R9) from the bloc rankings, Bằng khen tỉnh (R11), dissolved and merged
units (R18), households."""

from __future__ import annotations

import datetime

import pytest

from awards.eligibility import FAIL, PASS, UNKNOWN, WARN, evaluate
from awards.models import DisciplineForm, Household, Rating
from awards.services.rankings import bloc_ranking_record
from blocs import services
from blocs.models import Membership
from tests.awards.eligibility_factories import award, discipline, rate, rate_years
from tests.conftest import make_person, make_unit

D = datetime.date
BOTH_REGIMES = pytest.mark.parametrize("year", [2024, 2025], ids=["ND 98", "ND 152"])


def statuses(verdict, code):
    return [c.status for c in verdict.checks if c.code == code]


def text(verdict, code):
    return " | ".join(c.message for c in verdict.checks if c.code == code)


def staff(unit, year, *, ldtt: int, total: int = 4, cstdcs: int = 0, rating=Rating.GOOD):
    """*total* people in *unit* rated *rating*, *ldtt* of them LĐTT and *cstdcs* CSTĐCS in *year*."""
    people = [
        make_person(unit, f"Cán bộ {unit.code} {i}", recruited_on=D(2010, 1, 1))
        for i in range(total)
    ]
    for i, p in enumerate(people):
        rate(p, year, rating)
        if i < ldtt:
            award(p, "LDTT", year)
        if i < cstdcs:
            award(p, "CSTDCS", year)
    return people


@pytest.fixture
def unit(org):
    return make_unit("so-xay-dung", "Sở Xây dựng", active_from=D(2000, 1, 1))


@BOTH_REGIMES
def test_a_unit_with_enough_ldtt_members_is_ttldtt(titles, unit, year):
    rate(unit, year, Rating.GOOD)
    staff(unit, year, ldtt=3, total=4)
    verdict = evaluate(title=titles["TTLDTT"], year=year, unit=unit)
    assert FAIL not in statuses(verdict, "R6")
    assert "3/4 cá nhân đạt LĐTT" in text(verdict, "R6")


@BOTH_REGIMES
def test_too_few_ldtt_members_fail_ttldtt(titles, unit, year):
    rate(unit, year, Rating.GOOD)
    staff(unit, year, ldtt=2, total=4)
    verdict = evaluate(title=titles["TTLDTT"], year=year, unit=unit)
    assert "2/4 cá nhân đạt LĐTT năm" in text(verdict, "R6") and FAIL in statuses(verdict, "R6")


def test_the_ldtt_share_comes_from_the_rule_set(titles, unit):
    from awards.rules import rule_set_for

    rule_set = rule_set_for(D(2025, 12, 31))
    rule_set.collective_ldtt_share_percent = 50
    rule_set.save()
    rate(unit, 2025, Rating.GOOD)
    staff(unit, 2025, ldtt=2, total=4)
    assert FAIL not in statuses(evaluate(title=titles["TTLDTT"], year=2025, unit=unit), "R6")


def test_a_member_warned_in_the_year_fails_ttldtt(titles, unit):
    rate(unit, 2025, Rating.GOOD)
    people = staff(unit, 2025, ldtt=4, total=4)
    discipline(people[0], DisciplineForm.WARNING, D(2025, 2, 1), D(2025, 7, 31))
    verdict = evaluate(title=titles["TTLDTT"], year=2025, unit=unit)
    assert "Có 1 cá nhân bị kỷ luật từ cảnh cáo trở lên trong năm 2025." in text(verdict, "R6")


@BOTH_REGIMES
def test_an_excellent_unit_with_a_cstdcs_is_ttldxs(titles, unit, year):
    rate(unit, year, Rating.EXCELLENT)
    staff(unit, year, ldtt=3, total=3, cstdcs=1)
    verdict = evaluate(title=titles["TTLDXS"], year=year, unit=unit)
    assert FAIL not in statuses(verdict, "R7") and UNKNOWN not in statuses(verdict, "R7")


def test_ttldxs_needs_a_cstdcs_and_every_member_at_least_completed(titles, unit):
    rate(unit, 2025, Rating.EXCELLENT)
    people = staff(unit, 2025, ldtt=3, total=3)
    weak = make_person(unit, "Cán bộ yếu", recruited_on=D(2010, 1, 1))
    rate(weak, 2025, Rating.NOT_COMPLETED)
    verdict = evaluate(title=titles["TTLDXS"], year=2025, unit=unit)
    assert "cần ít nhất 1" in text(verdict, "R7")
    assert "1 cá nhân không hoàn thành nhiệm vụ năm 2025" in text(verdict, "R7")
    assert len(people) == 3


def test_co_tinh_goes_to_bloc_members_and_waits_for_the_ranking(org, titles, unit):
    member = evaluate(title=titles["CO_TINH"], year=org.year, unit=org.chqs)
    assert statuses(member, "R8") == [UNKNOWN]
    assert "Khối Thi đua Nội chính (trưởng khối năm nay)" in text(member, "R8")
    outsider = evaluate(title=titles["CO_TINH"], year=org.year, unit=unit)
    assert statuses(outsider, "R8") == [FAIL]


def test_co_cp_is_chosen_among_the_units_that_led_their_bloc(org, titles):
    award(org.chqs, "CO_TINH", org.year, number="12/QĐ-UBND")
    verdict = evaluate(title=titles["CO_CP"], year=org.year, unit=org.chqs)
    assert PASS in statuses(verdict, "R9")
    assert "Cờ thi đua tỉnh (QĐ số 12/QĐ-UBND)" in text(verdict, "R9")
    assert "không quá 20 %" in text(verdict, "R9")
    other = evaluate(title=titles["CO_CP"], year=org.year, unit=org.ca)
    assert UNKNOWN in statuses(other, "R9")


@BOTH_REGIMES
def test_two_excellent_years_earn_a_collective_bang_khen(titles, unit, year):
    rate_years(unit, [year - 2, year - 1], Rating.EXCELLENT)
    assert statuses(evaluate(title=titles["BK_TINH"], year=year, unit=unit), "R11") == [PASS]
    assert statuses(evaluate(title=titles["BK_TINH"], year=year + 1, unit=unit), "R11") == [FAIL]


def test_a_unit_merged_in_2025_gets_nothing_and_hands_its_history_to_its_successor(
    org, titles, unit
):
    old = make_unit("so-xd-cu", "Sở Giao thông vận tải", active_from=D(2000, 1, 1))
    rate_years(old, [2023, 2024], Rating.EXCELLENT)
    services.unit_dissolve(actor=org.noivu, unit=old, on=D(2025, 6, 30), successors=[unit])
    old.refresh_from_db()
    dissolved = evaluate(title=titles["BK_TINH"], year=2025, unit=old)
    assert statuses(dissolved, "R18") == [FAIL]
    assert "đã giải thể, sáp nhập từ 30/06/2025" in text(dissolved, "R18")
    assert "đơn vị kế thừa: Sở Xây dựng" in text(dissolved, "R18")
    heir = evaluate(title=titles["BK_TINH"], year=2025, unit=unit)
    assert statuses(heir, "R11") == [PASS]
    assert "Kế thừa thành tích của đơn vị đã sáp nhập: Sở Giao thông vận tải" in text(heir, "R18")


def test_a_household_is_judged_on_its_own_history(org, titles):
    commune = make_unit("xa-ban-giang", "Xã Bản Giang", "xa_phuong")
    household = Household.objects.create(
        head_name="Lò Văn Pọm", address="Bản Giang", commune=commune
    )
    verdict = evaluate(title=titles["GDVH"], year=2025, household=household)
    assert verdict.failures == []
    assert "không có tiền thưởng" in text(verdict, "R24")


# --- Cờ thi đua tỉnh (R8) and Cờ thi đua Chính phủ (R9) read the bloc rankings -------------

MINUTES = "Biên bản tổng kết năm"


def ranked(org, year, bloc, places):
    """*bloc*'s roster and year-end ranking of *year*: [(unit, rank)], first to last."""
    for unit, _rank in places:
        if not Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year, unit=unit).exists():
            services.membership_add(actor=None, bloc=bloc, year=year, unit=unit)
    bloc_ranking_record(
        actor=org.noivu, bloc=bloc, year=year, source=MINUTES,
        rows=[(unit, rank, None) for unit, rank in places],
    )


@BOTH_REGIMES
def test_the_unit_leading_its_bloc_passes_co_tinh_and_the_others_fail_with_their_place(org, titles, year):
    ranked(org, year, org.noi_chinh, [(org.chqs, 1), (org.ca, 2), (org.toa, 3)])
    first = evaluate(title=titles["CO_TINH"], year=year, unit=org.chqs)
    assert statuses(first, "R8") == [PASS]
    assert f"Xếp thứ 1/3 của Khối Thi đua Nội chính năm {year} ({MINUTES}): dẫn đầu khối." in text(first, "R8")
    third = evaluate(title=titles["CO_TINH"], year=year, unit=org.toa)
    assert statuses(third, "R8") == [FAIL]
    assert (
        f"Xếp thứ 3/3 của Khối Thi đua Nội chính năm {year} ({MINUTES}); "
        "Cờ thi đua chỉ tặng 1 tập thể dẫn đầu mỗi khối, cụm (Điều 26 Luật TĐKT 2022)."
    ) in text(third, "R8")


def test_the_number_of_flags_per_bloc_comes_from_the_rule_set(org, titles):
    from awards.rules import rule_set_for

    rule_set = rule_set_for(D(2025, 12, 31))
    rule_set.co_tinh_quota_per_bloc = 2
    rule_set.save()
    ranked(org, 2025, org.noi_chinh, [(org.chqs, 1), (org.ca, 2), (org.toa, 3)])
    second = evaluate(title=titles["CO_TINH"], year=2025, unit=org.ca)
    assert statuses(second, "R8") == [PASS]
    assert "trong số 2 tập thể dẫn đầu khối" in text(second, "R8")
    assert statuses(evaluate(title=titles["CO_TINH"], year=2025, unit=org.toa), "R8") == [FAIL]
    # ND 98 still gives one flag per bloc.
    ranked(org, 2024, org.noi_chinh, [(org.chqs, 1), (org.ca, 2)])
    assert statuses(evaluate(title=titles["CO_TINH"], year=2024, unit=org.ca), "R8") == [FAIL]


def test_units_tied_for_the_last_flag_are_warned_that_the_tie_breaker_decides(org, titles):
    ranked(org, org.year, org.noi_chinh, [(org.chqs, 1), (org.ca, 1), (org.toa, 3)])
    verdict = evaluate(title=titles["CO_TINH"], year=org.year, unit=org.ca)
    assert statuses(verdict, "R8") == [WARN]
    assert "Xếp thứ 1/3, đồng hạng với 1 đơn vị" in text(verdict, "R8")
    assert "(R17)" in text(verdict, "R8")


def test_a_ranking_of_another_year_counts_for_nothing(org, titles):
    ranked(org, org.year - 1, org.noi_chinh, [(org.chqs, 1), (org.ca, 2)])
    assert statuses(evaluate(title=titles["CO_TINH"], year=org.year, unit=org.chqs), "R8") == [UNKNOWN]
    assert UNKNOWN in statuses(evaluate(title=titles["CO_CP"], year=org.year, unit=org.chqs), "R9")


@BOTH_REGIMES
def test_co_cp_is_open_to_the_unit_ranked_first_before_its_flag_is_decided(org, titles, year):
    ranked(org, year, org.noi_chinh, [(org.chqs, 1), (org.ca, 2), (org.toa, 3)])
    leader = evaluate(title=titles["CO_CP"], year=year, unit=org.chqs)
    assert PASS in statuses(leader, "R9") and FAIL not in statuses(leader, "R9")
    assert f"Dẫn đầu Khối Thi đua Nội chính: Xếp thứ 1/3 của Khối Thi đua Nội chính năm {year}" in text(leader, "R9")
    assert "không quá 20 %" in text(leader, "R9")
    second = evaluate(title=titles["CO_CP"], year=year, unit=org.ca)
    assert FAIL in statuses(second, "R9")
    assert "Xếp thứ 2/3 của Khối Thi đua Nội chính" in text(second, "R9")
    assert "Cờ thi đua của Chính phủ chọn trong các tập thể dẫn đầu khối, cụm" in text(second, "R9")


def test_a_unit_ranked_second_but_holding_the_flag_of_the_year_passes_co_cp(org, titles):
    ranked(org, org.year, org.noi_chinh, [(org.chqs, 1), (org.ca, 2)])
    award(org.ca, "CO_TINH", org.year, number="15/QĐ-UBND")
    verdict = evaluate(title=titles["CO_CP"], year=org.year, unit=org.ca)
    assert PASS in statuses(verdict, "R9") and FAIL not in statuses(verdict, "R9")


@BOTH_REGIMES
def test_the_leader_of_a_national_cluster_is_eligible_for_co_cp(org, titles, year):
    from blocs.models import Bloc, BlocKind, BlocLevel, UnitKind

    cluster = services.bloc_save(actor=None, bloc=Bloc(
        name="Cụm thi đua các tỉnh miền núi biên giới phía Bắc", kind=BlocKind.CLUSTER, level=BlocLevel.NATIONAL,
    ))
    lang_son = make_unit("tinh-lang-son", "Tỉnh Lạng Sơn", UnitKind.PROVINCE)
    lao_cai = make_unit("tinh-lao-cai", "Tỉnh Lào Cai", UnitKind.PROVINCE)
    ranked(org, year, cluster, [(lang_son, 1), (lao_cai, 2)])
    leader = evaluate(title=titles["CO_CP"], year=year, unit=lang_son)
    assert FAIL not in statuses(leader, "R9")
    assert "Dẫn đầu Cụm thi đua các tỉnh miền núi biên giới phía Bắc (cụm thi đua do Hội đồng" in text(leader, "R9")
    assert FAIL in statuses(evaluate(title=titles["CO_CP"], year=year, unit=lao_cai), "R9")
    # A national cluster is no provincial bloc: no Cờ thi đua tỉnh for its members.
    assert statuses(evaluate(title=titles["CO_TINH"], year=year, unit=lang_son), "R8") == [FAIL]


def test_the_flags_cost_the_same_queries_for_three_units_and_thirty(org, titles):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from awards.eligibility import evaluate_units
    from blocs.models import Unit

    ranked(org, 2025, org.noi_chinh, [(org.chqs, 1), (org.ca, 2), (org.toa, 3)])
    counts = []
    for code in ("CO_TINH", "CO_CP"):
        with CaptureQueriesContext(connection) as few:
            evaluate_units(title=titles[code], year=2025, units=Unit.objects.filter(pk__in=[org.chqs.pk, org.ca.pk]))
        counts.append(len(few))
    extra = [make_unit(f"don-vi-{i}", f"Đơn vị {i}") for i in range(30)]
    ranked(org, 2025, org.dang, [(u, i + 1) for i, u in enumerate(extra)])
    for code, before in zip(("CO_TINH", "CO_CP"), counts, strict=True):
        with CaptureQueriesContext(connection) as many:
            verdicts = evaluate_units(title=titles[code], year=2025, units=Unit.objects.all())
        assert len(verdicts) > 30 and len(many) == before
