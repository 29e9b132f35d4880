"""Working days skip weekends and the public holidays of the seeded calendar (Labour Code
2019, Điều 112, and the Prime Minister's yearly decisions); admins add the ones to come."""

import datetime

import pytest

from awards.models import PublicHoliday
from awards.services import council
from awards.workdays import holidays_between, is_working_day, period_end, working_days_between
from tests.awards.factories_council import accepted_proposal

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_ten_working_day_notice_across_30_april_and_1_may_ends_later_than_without_holidays():
    start = D(2025, 4, 21)  # a Monday; 30/4, 1/5 and the day moved to 2/5 are days off
    with_holidays = period_end(start, 10)
    PublicHoliday.objects.all().delete()
    weekdays_only = period_end(start, 10)
    assert weekdays_only == D(2025, 5, 2)
    assert with_holidays == D(2025, 5, 7)


def test_a_public_notice_published_before_the_april_holidays_runs_past_them(org):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTD_TQ")])
    notice = council.notice_publish(actor=org.noivu, proposal=proposal, starts_on=D(2024, 4, 22))
    # 22–26/4, 2–3/5 and 6–8/5: 29/4 (moved), 30/4 and 1/5 are not counted.
    assert notice.ends_on == D(2024, 5, 8)
    assert working_days_between(notice.starts_on, notice.ends_on) == 10


def test_tet_holds_no_working_day():
    assert working_days_between(D(2026, 2, 14), D(2026, 2, 22)) == 0
    assert working_days_between(D(2024, 2, 8), D(2024, 2, 14)) == 0
    assert working_days_between(D(2025, 1, 27), D(2025, 1, 31)) == 0


def test_a_period_starting_on_a_holiday_starts_on_the_next_working_day():
    assert period_end(D(2024, 4, 30), 1) == D(2024, 5, 2)
    assert period_end(D(2024, 8, 31), 1) == D(2024, 9, 4)  # Saturday, then 2/9 and 3/9


def test_a_holiday_on_a_sunday_is_taken_on_the_monday():
    names = holidays_between(D(2026, 4, 25), D(2026, 4, 27))
    assert "Giỗ Tổ Hùng Vương" in names[D(2026, 4, 26)]
    assert not is_working_day(D(2026, 4, 27), names)


def test_the_calendar_covers_2024_to_2027_and_says_where_each_day_comes_from():
    days = {h.date: h for h in PublicHoliday.objects.all()}
    for year in (2024, 2025, 2026, 2027):
        assert D(year, 1, 1) in days and D(year, 4, 30) in days and D(year, 5, 1) in days
        assert D(year, 9, 2) in days
    assert days[D(2024, 4, 18)].name.startswith("Giỗ Tổ Hùng Vương")
    assert days[D(2025, 4, 7)].name.startswith("Giỗ Tổ Hùng Vương")
    assert "8726/VPCP-KGVX" in days[D(2025, 1, 29)].source
    assert "dự kiến" in days[D(2027, 2, 8)].name  # Tết Đinh Mùi: no decision yet
    assert all(h.source for h in days.values())
    assert D(2026, 11, 24) not in days  # Ngày Văn hóa Việt Nam: not in the Labour Code yet


def test_a_holiday_added_later_counts_at_once():
    before = working_days_between(D(2026, 11, 23), D(2026, 11, 27))
    PublicHoliday.objects.create(date=D(2026, 11, 24), name="Ngày Văn hóa Việt Nam")
    assert working_days_between(D(2026, 11, 23), D(2026, 11, 27)) == before - 1 == 4


def test_the_holidays_are_read_once_whatever_the_length_of_the_period(django_assert_num_queries):
    with django_assert_num_queries(1):
        period_end(D(2024, 1, 2), 10)
    with django_assert_num_queries(1):
        period_end(D(2024, 1, 2), 120)
    with django_assert_num_queries(1):
        working_days_between(D(2024, 1, 1), D(2027, 12, 31))
