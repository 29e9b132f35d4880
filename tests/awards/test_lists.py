"""The year at a glance, scoped to the user, and every list page of registrations costing
the same number of queries for 5 units as for 200."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards.models import (
    BlocRegistration,
    Registration,
    RegistrationEntry,
    RegistrationStatus,
)
from blocs.models import BlocYear, Gender, Membership, Person, Unit, UnitKind
from blocs.text import fold
from tests.awards.conftest import register

NEW = "Đơn vị đăng ký"


def grow(o, round_, titles, start: int, stop: int) -> None:
    """Members start..stop-1 of Khối Nội chính, each with one person and an accepted
    registration (the collective's title and the person's), in bulk."""
    units = Unit.objects.bulk_create(
        Unit(name=f"{NEW} {i:03}", code=f"dang-ky-{i}", kind=UnitKind.PROVINCIAL_AGENCY,
             search_text=fold(f"{NEW} {i:03}"))
        for i in range(start, stop)
    )
    bloc_year = BlocYear.objects.get(bloc=o.noi_chinh, year=o.year)
    Membership.objects.bulk_create(Membership(bloc_year=bloc_year, unit=u) for u in units)
    people = Person.objects.bulk_create(
        Person(full_name=f"Người {u.code}", gender=Gender.MALE, unit=u, search_text=fold(u.code))
        for u in units
    )
    now = timezone.now()
    registrations = Registration.objects.bulk_create(
        Registration(round=round_, unit=u, bloc=o.noi_chinh, status=RegistrationStatus.ACCEPTED,
                     submitted_at=now, first_submitted_at=now)
        for u in units
    )
    RegistrationEntry.objects.bulk_create(
        [RegistrationEntry(registration=r, title=titles["TTLDTT"]) for r in registrations]
        + [RegistrationEntry(registration=r, title=titles["LDTT"], person=p)
           for r, p in zip(registrations, people, strict=True)]
    )


PAGES = {
    "round_detail": lambda o, r: reverse("awards:round_detail", args=[o.year]),
    "round_list": lambda o, r: reverse("awards:round_list"),
    "bloc_registration": lambda o, r: reverse(
        "awards:bloc_registration_detail",
        args=[BlocRegistration.objects.get(round=r, bloc=o.noi_chinh).pk],
    ),
    "dashboard": lambda o, r: reverse("dashboard"),
}
# How often each new unit's name shows on the page: once in the overview; three times on the
# bloc's page (its member row, then its header and its collective's row in the consolidated
# list); the other pages only count.
MENTIONS = {"round_detail": 1, "bloc_registration": 3, "round_list": 0, "dashboard": 0}


def measure(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode().count(NEW)


@pytest.mark.parametrize("persona", ["noivu", "truongkhoi"])
@pytest.mark.parametrize("page", PAGES)
def test_a_registration_list_runs_as_many_queries_for_200_units_as_for_5(
    org, login, reg_round, titles, page, persona
):
    register(org, reg_round, org.ca, titles, submit=True)
    client = login(getattr(org, persona))
    url = PAGES[page](org, reg_round)
    grow(org, reg_round, titles, 0, 5)
    few, shown_few = measure(client, url)
    grow(org, reg_round, titles, 5, 200)
    many, shown_many = measure(client, url)
    assert many == few, f"{page} as {persona}: {few} queries for 5 units, {many} for 200"
    assert (shown_few, shown_many) == (5 * MENTIONS[page], 200 * MENTIONS[page])


def overview_units(html: str) -> list[str]:
    return re.findall(r'<tr data-testid="unit-row"><td>([^<]+)</td>', html)


def test_interior_staff_see_every_unit_grouped_by_bloc_with_its_state(org, login, reg_round, titles):
    register(org, reg_round, org.ca, titles, submit=True)
    register(org, reg_round, org.vptu, titles)
    html = login(org.noivu).get(reverse("awards:round_detail", args=[org.year])).content.decode()
    groups = html.split('data-testid="group"')[1:]
    assert [overview_units(g) for g in groups] == [
        ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh"],
        ["Báo Lai Châu", "Văn phòng Tỉnh ủy"],
        ["Sở Nội vụ"],
    ]
    assert "Khối Thi đua Nội chính" in groups[0] and "Khối Đảng tỉnh" in groups[1]
    assert "gửi thẳng Sở Nội vụ" in groups[2]
    counts = dict(re.findall(r'data-testid="count-(\w+)".*?fs-3 fw-semibold[^"]*">(\d+)<', html, re.S))
    assert counts == {"all": "6", "dang_ky": "2", "cho": "1", "nhan": "0", "tra_lai": "0", "chua": "4", "muon": "0"}


def test_the_filter_shows_who_has_not_registered(org, login, reg_round, titles):
    register(org, reg_round, org.ca, titles, submit=True)
    html = login(org.noivu).get(
        reverse("awards:round_detail", args=[org.year]), {"loc": "chua"}
    ).content.decode()
    assert overview_units(html) == [
        "Bộ Chỉ huy Quân sự tỉnh", "Tòa án nhân dân tỉnh", "Báo Lai Châu", "Văn phòng Tỉnh ủy", "Sở Nội vụ"
    ]


def test_the_lead_sees_its_blocs_members_and_a_member_only_itself(org, login, reg_round):
    lead = login(org.truongkhoi).get(reverse("awards:round_detail", args=[org.year])).content.decode()
    assert overview_units(lead) == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Tòa án nhân dân tỉnh"]
    assert "Xuất Excel toàn tỉnh" not in lead
    member = login(org.donvi).get(reverse("awards:round_detail", args=[org.year])).content.decode()
    assert overview_units(member) == ["Công an tỉnh"]
    create = reverse("awards:registration_create", args=[org.year, org.ca.pk])
    assert f'href="{create}"' in member
    assert "không còn là căn cứ để xét tặng danh hiệu thi đua" in member
