"""Working days for notice periods: Monday to Friday, less the public holidays.

The holidays are rows of ``PublicHoliday`` (seeded for 2024–2027 from the Labour Code 2019
and the Prime Minister's yearly decisions, edited by admins in the admin): Tết, 30/4, 1/5,
2/9 and the day beside it, Giỗ Tổ, the days off in lieu and the days moved for a longer
break. A Saturday worked in exchange for a moved day is not modelled: it stays a day off,
so a period across such a swap ends at most a day later than the office calendar, never
earlier. Each function reads the holidays of the dates it looks at in one query (or takes
them ready, as ``holidays``), never one query per day.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

_ONE_DAY = datetime.timedelta(days=1)


def holidays_between(first: datetime.date, last: datetime.date) -> dict[datetime.date, str]:
    """The public holidays from *first* to *last*, both included, with their names: 1 query."""
    from .models import PublicHoliday

    return dict(
        PublicHoliday.objects.filter(date__range=(first, last)).values_list("date", "name")
    )


def is_working_day(day: datetime.date, holidays: Collection[datetime.date] = ()) -> bool:
    """Monday to Friday and not in *holidays* (the caller loads them once for a range)."""
    return day.weekday() < 5 and day not in holidays  # Saturday is 5, Sunday 6


def _span(working_days: int) -> datetime.timedelta:
    # Enough calendar days for *working_days* in any week of Tết (9 days off in a row).
    return datetime.timedelta(days=max(working_days, 1) * 7 // 5 + 21)


def next_working_day(day: datetime.date) -> datetime.date:
    """*day* itself when it is a working day, else the first working day after it."""
    return period_end(day, 1)


def period_end(start: datetime.date, working_days: int) -> datetime.date:
    """The last day of a period of *working_days* working days that begins on *start*
    (or on the next working day when *start* is a weekend day or a holiday)."""
    wanted = max(working_days, 1)
    span = _span(wanted)
    while True:
        horizon = start + span
        holidays = holidays_between(start, horizon)
        day, counted = start, 0
        while day <= horizon:
            if is_working_day(day, holidays):
                counted += 1
                if counted == wanted:
                    return day
            day += _ONE_DAY
        span *= 2  # a longer run of holidays than any seeded year: look further


def working_days_between(first: datetime.date, last: datetime.date) -> int:
    """How many working days lie from *first* to *last*, both included."""
    holidays = holidays_between(first, last)
    count, day = 0, first
    while day <= last:
        count += is_working_day(day, holidays)
        day += _ONE_DAY
    return count
