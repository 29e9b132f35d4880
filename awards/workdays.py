"""Working days for notice periods: Monday to Friday.

Public holidays (Tết, 30/4, 1/5, 2/9, ...) are out of scope for now: a notice that spans one
ends a little early, so staff should extend it by hand; a holiday table is a later change.
"""

from __future__ import annotations

import datetime

_ONE_DAY = datetime.timedelta(days=1)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5  # Saturday is 5, Sunday 6


def next_working_day(day: datetime.date) -> datetime.date:
    """*day* itself when it is a working day, else the Monday after."""
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def period_end(start: datetime.date, working_days: int) -> datetime.date:
    """The last day of a period of *working_days* working days that begins on *start*
    (or on the next working day when *start* falls on a weekend)."""
    day = next_working_day(start)
    counted = 1
    while counted < max(working_days, 1):
        day += _ONE_DAY
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(first: datetime.date, last: datetime.date) -> int:
    """How many working days lie from *first* to *last*, both included."""
    count, day = 0, first
    while day <= last:
        count += is_working_day(day)
        day += _ONE_DAY
    return count
