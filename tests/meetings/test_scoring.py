"""Year-end scoring against the signed pledge, totals, ranks with ties, and the quota."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from blocs.models import Gender
from meetings.models import MeetingKind, ScoreSheet
from meetings.services import meetings as meeting_services
from meetings.services import scoring
from movements.models import Pledge, TieRule
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def sheets(org) -> dict:
    return {s.unit_id: s for s in scoring.sheets_open(actor=org.truongkhoi, meeting=org.review)}


def agree(org, sheet, values) -> None:
    """Agreed points in the order of the criteria (scored ×3, bonus, penalty)."""
    scoring.agreed_scores_save(actor=org.truongkhoi, sheet=sheet,
                               points={c.pk: v for c, v in zip(org.criteria, values, strict=True)})


def test_opening_the_scoring_gives_every_member_a_sheet_with_a_line_per_criterion(review):
    opened = sheets(review)
    assert set(opened) == {review.chqs.pk, review.ca.pk, review.toa.pk}
    assert all(s.scores.count() == 5 for s in opened.values())
    assert len(sheets(review)) == 3  # opening again adds nothing
    assert ScoreSheet.objects.count() == 3


def test_scoring_needs_a_signed_pledge_of_the_same_year(org):
    meeting = meeting_services.meeting_create(
        actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year, kind=MeetingKind.YEAR_END, title="Tổng kết",
        held_on=datetime.date(org.year, 12, 18), place="Lai Châu")
    with pytest.raises(ValidationError, match="chưa ký kết giao ước thi đua năm"):
        scoring.sheets_open(actor=org.truongkhoi, meeting=meeting)


def test_a_unit_sends_its_self_scores_only_when_every_scored_criterion_is_filled(review):
    sheet = sheets(review)[review.ca.pk]
    first, second, third, bonus, _penalty = review.criteria
    with pytest.raises(ValidationError, match="Chưa tự chấm: Bảo đảm an ninh"):
        scoring.self_scores_save(actor=review.donvi, sheet=sheet, submit=True, points={
            first.pk: ("58", "Đạt 98% chỉ tiêu"), third.pk: ("15", "")})
    sheet.refresh_from_db()
    assert sheet.self_submitted_at is None
    scoring.self_scores_save(actor=review.donvi, sheet=sheet, submit=True, points={
        first.pk: ("58", "Đạt 98% chỉ tiêu"), second.pk: ("25", ""), third.pk: ("15", ""), bonus.pk: ("2", "")})
    sheet.refresh_from_db()
    assert sheet.self_submitted_at is not None
    assert sheet.scores.get(criterion=first).evidence == "Đạt 98% chỉ tiêu"


def test_points_above_a_criterion_maximum_are_refused_and_nothing_is_saved(review):
    sheet = sheets(review)[review.ca.pk]
    first, second = review.criteria[:2]
    with pytest.raises(ValidationError, match="phải từ 0 đến 25"):
        scoring.self_scores_save(actor=review.donvi, sheet=sheet, points={first.pk: ("50", ""), second.pk: ("26", "")})
    assert sheet.scores.get(criterion=first).self_points is None


def test_agreed_points_default_to_the_units_own_and_lock_its_sheet(review):
    sheet = sheets(review)[review.ca.pk]
    first, second, third, bonus, penalty = review.criteria
    scoring.self_scores_save(actor=review.donvi, sheet=sheet, submit=True, points={
        first.pk: ("58", ""), second.pk: ("25", ""), third.pk: ("15", ""), bonus.pk: ("3", "")})
    scoring.agreed_scores_save(actor=review.truongkhoi, sheet=sheet, points={first.pk: "55", bonus.pk: ""})
    row = next(r for r in scoring.ranking(review.review) if r.unit == review.ca)
    assert (row.scored, row.bonus, row.penalty, row.total) == (Decimal(95), Decimal(3), Decimal(0), Decimal(98))
    assert row.self_total == Decimal(101)
    with pytest.raises(ValidationError, match="đã thống nhất điểm"):
        scoring.self_scores_save(actor=review.donvi, sheet=sheet, points={first.pk: ("60", "")})


def test_the_ranking_orders_by_total_after_penalties_and_equal_totals_share_a_rank(review):
    opened = sheets(review)
    agree(review, opened[review.chqs.pk], ["60", "25", "15", "5", "0"])   # 105
    agree(review, opened[review.ca.pk], ["60", "25", "15", "0", "5"])     # 95
    agree(review, opened[review.toa.pk], ["55", "25", "15", "0", "0"])    # 95
    table = scoring.ranking(review.review)
    assert [(r.unit.name, r.total, r.rank) for r in table] == [
        ("Bộ Chỉ huy Quân sự tỉnh", Decimal(105), 1),
        # Equal totals: the higher points on scored criteria (before bonus and penalty) first.
        ("Công an tỉnh", Decimal(95), 2),
        ("Tòa án nhân dân tỉnh", Decimal(95), 2),
    ]
    assert [r.tied for r in table] == [False, True, True]


@pytest.mark.parametrize(("rule", "order"), [
    (TieRule.SCORED_FIRST, ["Công an tỉnh", "Tòa án nhân dân tỉnh"]),  # 100 scored against 95
    (TieRule.FEWER_PENALTIES, ["Tòa án nhân dân tỉnh", "Công an tỉnh"]),  # 0 penalty points against 5
])
def test_equal_totals_are_separated_as_the_pledge_says(review, rule, order):
    Pledge.objects.filter(pk=review.pledge.pk).update(tie_rule=rule)
    opened = sheets(review)
    agree(review, opened[review.chqs.pk], ["60", "25", "15", "5", "0"])   # 105
    agree(review, opened[review.ca.pk], ["60", "25", "15", "0", "5"])     # 95
    agree(review, opened[review.toa.pk], ["55", "25", "15", "0", "0"])    # 95
    table = scoring.ranking(review.review)
    assert [(r.unit.name, r.rank, r.tied) for r in table[1:]] == [(order[0], 2, False), (order[1], 3, False)]


def test_a_sheet_not_yet_agreed_is_listed_last_without_a_rank(review):
    opened = sheets(review)
    agree(review, opened[review.ca.pk], ["50", "20", "10", "0", "0"])
    table = scoring.ranking(review.review)
    assert table[0].unit == review.ca and table[0].rank == 1
    assert {r.unit for r in table[1:]} == {review.chqs, review.toa}
    assert all(r.rank is None and not r.complete for r in table[1:])


def test_the_ranking_takes_the_same_number_of_queries_for_three_and_for_thirty_units(review):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    opened = sheets(review)
    for sheet in opened.values():
        agree(review, sheet, ["50", "20", "10", "0", "0"])
    with CaptureQueriesContext(connection) as three:
        assert len(scoring.ranking(review.review)) == 3
    from blocs import services as blocs_services
    from tests.conftest import make_unit
    for i in range(27):
        unit = make_unit(f"don-vi-{i}", f"Đơn vị số {i:02d}")
        blocs_services.membership_add(actor=None, bloc=review.noi_chinh, year=review.year, unit=unit)
        review.review.attendances.create(unit=unit)
    for sheet in sheets(review).values():
        if sheet.agreed_at is None:
            agree(review, sheet, ["40", "20", "10", "0", "0"])
    with CaptureQueriesContext(connection) as thirty:
        assert len(scoring.ranking(review.review)) == 30
    assert len(thirty) == len(three) <= 4


def test_the_quota_takes_the_first_units_when_no_tie_crosses_its_edge(review):
    opened = sheets(review)
    agree(review, opened[review.chqs.pk], ["60", "25", "15", "5", "0"])
    agree(review, opened[review.ca.pk], ["60", "25", "15", "0", "0"])
    agree(review, opened[review.toa.pk], ["55", "25", "15", "0", "0"])
    chosen = scoring.within_quota(scoring.ranking(review.review), 1)
    assert [r.unit for r in chosen.chosen] == [review.chqs] and not chosen.needs_vote


def test_a_tie_at_the_quota_edge_prefers_a_collective_of_mostly_women(review):
    opened = sheets(review)
    for unit in (review.chqs, review.ca, review.toa):
        agree(review, opened[unit.pk], ["60", "25", "15", "0", "0"])
    # Tòa án: 2 women of its 2 people plus 5 more women, 1 man → 7 of 8 are women.
    for i in range(5):
        make_person(review.toa, f"Lò Thị Thẩm phán {i}", Gender.FEMALE)
    make_person(review.toa, "Tao Văn Thư ký", Gender.MALE)
    review.people["tand"][0].gender = Gender.FEMALE
    review.people["tand"][0].save()
    chosen = scoring.within_quota(scoring.ranking(review.review), 1)
    assert [r.unit for r in chosen.chosen] == [review.toa]
    assert "ưu tiên tập thể có từ 70% nữ trở lên: Tòa án nhân dân tỉnh" in chosen.notes[0]
    assert not chosen.needs_vote


def test_a_tie_that_women_do_not_settle_goes_to_a_vote(review):
    opened = sheets(review)
    for unit in (review.chqs, review.ca, review.toa):
        agree(review, opened[unit.pk], ["60", "25", "15", "0", "0"])
    chosen = scoring.within_quota(scoring.ranking(review.review), 1)
    assert chosen.chosen == [] and chosen.needs_vote
    assert "khối biểu quyết" in chosen.notes[0]
