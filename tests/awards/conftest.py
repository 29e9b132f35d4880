"""Fixtures of the awards tests: the catalogue as migrated, an open round for this year, and
registrations built through the services."""

from __future__ import annotations

import datetime

import pytest

from awards import services
from awards.models import Registration, RegistrationRound, Title


@pytest.fixture
def titles(db) -> dict[str, Title]:
    return {t.code: t for t in Title.objects.all()}


def open_round(org, year: int | None = None, deadline: datetime.date | None = None) -> RegistrationRound:
    year = year or org.year
    return services.round_open(
        actor=org.noivu,
        round_=RegistrationRound(
            year=year,
            opens_on=datetime.date(year, 1, 1),
            deadline=deadline or datetime.date(year, 12, 31),
        ),
    )


@pytest.fixture
def reg_round(org) -> RegistrationRound:
    """This year's round, open since 1 January, due on 31 December."""
    return open_round(org)


def register(org, round_, unit, titles, *, collective=("TTLDXS",), people=None,
             actor=None, submit=False) -> Registration:
    """*unit*'s registration: the collective's titles, and {person: [codes]}."""
    entries = [(titles[c], None) for c in collective]
    for person, codes in (people or {}).items():
        entries.extend((titles[c], person) for c in codes)
    registration = services.registration_create(
        actor=actor, round_=round_, unit=unit, pledge_text="Hoàn thành xuất sắc nhiệm vụ", entries=entries
    )
    if submit:
        registration = services.registration_submit(actor=actor, registration=registration)
    return registration
