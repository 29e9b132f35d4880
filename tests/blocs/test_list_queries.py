"""List pages cost the same number of SQL queries whether they show 5 rows or 200.

Each test measures a page on the small ``org`` province plus 5 new rows of every kind,
adds 195 more in bulk, and measures again. The unit list's count is pinned so that a new
query shows up in review even when it does not grow with the rows.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blocs.models import (
    Bloc,
    BlocKind,
    BlocLevel,
    BlocYear,
    Gender,
    LeadSource,
    MemberRole,
    Membership,
    Person,
    TransferRequest,
    Unit,
    UnitKind,
)
from blocs.text import fold

NEW_UNIT, NEW_BLOC, NEW_PERSON = "Đơn vị mới", "Khối mới", "Người mới"


def _units(o, start: int, stop: int, label: str, **extra) -> list[Unit]:
    units = []
    for i in range(start, stop):
        name, code = f"{NEW_UNIT} {label} {i:03}", f"moi-{fold(label).replace(' ', '-')}-{i}"
        units.append(
            Unit(
                name=name,
                code=code,
                kind=UnitKind.PROVINCIAL_AGENCY,
                search_text=fold(f"{name}  {code}"),
                **extra,
            )
        )
    return Unit.objects.bulk_create(units)


def grow(o, start: int, stop: int) -> None:
    """Add rows start..stop-1 of every kind, in bulk, all visible to interior staff and,
    except the blocs, to Bộ CHQS's officer (the bloc lead):

    - member units of Khối Nội chính this year (unit list, bloc roster), under Sở Nội vụ;
    - blocs, each led this year by a unit of its own (bloc list, dashboard);
    - dissolved predecessors of Bộ CHQS, each in one of those blocs last year (unit page);
    - people of Bộ CHQS (people list, unit page), each with a pending transfer to Công an.
    """
    year = o.year
    members = _units(o, start, stop, "thành viên", parent=o.snv)
    leads = _units(o, start, stop, "trưởng khối")
    olds = _units(o, start, stop, "đã giải thể", active_to=datetime.date(year - 1, 12, 31))
    blocs = Bloc.objects.bulk_create(
        Bloc(
            name=f"{NEW_BLOC} {i:03}",
            kind=BlocKind.BLOC,
            level=BlocLevel.PROVINCIAL,
            search_text=fold(f"{NEW_BLOC} {i:03}"),
        )
        for i in range(start, stop)
    )
    this_years = BlocYear.objects.bulk_create(BlocYear(bloc=b, year=year) for b in blocs)
    last_years = BlocYear.objects.bulk_create(BlocYear(bloc=b, year=year - 1) for b in blocs)
    noi_chinh = BlocYear.objects.get(bloc=o.noi_chinh, year=year)
    Membership.objects.bulk_create(
        [Membership(bloc_year=noi_chinh, unit=u) for u in members]
        + [
            Membership(bloc_year=by, unit=u, role=MemberRole.LEAD, lead_source=LeadSource.APPOINTED)
            for by, u in zip(this_years, leads, strict=True)
        ]
        + [Membership(bloc_year=by, unit=u) for by, u in zip(last_years, olds, strict=True)]
    )
    o.chqs.predecessors.add(*olds)
    people = Person.objects.bulk_create(
        Person(
            full_name=f"{NEW_PERSON} {i:03}",
            gender=Gender.FEMALE,
            unit=o.chqs,
            position="Chuyên viên",
            search_text=fold(f"{NEW_PERSON} {i:03}"),
        )
        for i in range(start, stop)
    )
    TransferRequest.objects.bulk_create(
        TransferRequest(
            person=p,
            from_unit=o.chqs,
            to_unit=o.ca,
            effective_on=datetime.date(year, 12, 1),
            requested_by=o.truongkhoi,
        )
        for p in people
    )


# page: (url, the marker of a grown row on it)
PAGES = {
    "dashboard": (lambda o: reverse("dashboard"), NEW_PERSON),  # pending transfers
    "unit_list": (lambda o: reverse("blocs:unit_list"), NEW_UNIT),
    "bloc_list": (lambda o: reverse("blocs:bloc_list"), NEW_BLOC),
    "person_list": (lambda o: reverse("blocs:person_list"), NEW_PERSON),
    "transfer_list": (lambda o: reverse("blocs:transfer_list"), NEW_PERSON),
    "bloc_detail": (lambda o: reverse("blocs:bloc_detail", args=[o.noi_chinh.pk]), NEW_UNIT),
    "unit_detail": (lambda o: reverse("blocs:unit_detail", args=[o.chqs.pk]), NEW_PERSON),
}
# The bloc lead sees only the blocs its unit belongs to: the new blocs stay out of its list,
# and its query count must not grow with the province either.
HIDDEN_FROM = {("bloc_list", "truongkhoi")}

# Pinned: session, user, [the officer's led blocs, for the navigation], count, the user's unit
# (navbar), one page of units joined to their parents.
UNIT_LIST_QUERIES = {"noivu": 5, "truongkhoi": 6}


def measure(client, url: str, marker: str) -> tuple[int, int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode().count(marker), [q["sql"] for q in queries]


@pytest.mark.parametrize("persona", ["noivu", "truongkhoi"])
@pytest.mark.parametrize("page", PAGES)
def test_a_list_page_runs_as_many_queries_for_200_rows_as_for_5(org, login, page, persona):
    client = login(getattr(org, persona))
    url, marker = PAGES[page][0](org), PAGES[page][1]
    grow(org, 0, 5)
    small, small_rows, small_sql = measure(client, url, marker)
    grow(org, 5, 200)
    large, large_rows, large_sql = measure(client, url, marker)

    if (page, persona) in HIDDEN_FROM:
        assert small_rows == large_rows == 0
    else:
        assert 5 <= small_rows < large_rows, (
            f"the new rows should show on {url} ({small_rows} → {large_rows})"
        )
    extra = "\n".join(sql for sql in large_sql if sql not in small_sql)
    assert large == small, (
        f"{url} as {persona}: {small} queries for 5 rows, {large} for 200\n{extra}"
    )


@pytest.mark.parametrize("persona", UNIT_LIST_QUERIES)
def test_the_unit_list_runs_a_pinned_number_of_queries(org, login, persona):
    client = login(getattr(org, persona))
    grow(org, 0, 200)
    count, rows, sql = measure(client, reverse("blocs:unit_list"), NEW_UNIT)
    assert rows > 0
    assert count == UNIT_LIST_QUERIES[persona], "\n".join(sql)


@pytest.mark.parametrize(
    ("name", "marker"),
    [("blocs:unit_list", "Công an tỉnh"), ("blocs:person_list", "Nguyễn Văn CONG-AN Một")],
)
def test_the_htmx_search_gets_only_the_rows_back(org, login, name, marker):
    client = login(org.noivu)
    response = client.get(
        reverse(name),
        {"q": "cong an" if name == "blocs:unit_list" else "nguyen"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<nav" not in html.split("<table")[0]
    assert "<table" in html and marker in html
    full = client.get(reverse(name)).content.decode()
    assert full.startswith("<!DOCTYPE html>") and '<html lang="vi">' in full


@pytest.mark.parametrize(
    "query", ["nguyen van", "NGUYEN  VAN", "Nguyễn Văn", unicodedata.normalize("NFD", "nguyễn văn")]
)
def test_the_people_search_ignores_diacritics_case_and_unicode_form(org, login, query):
    html = login(org.noivu).get(reverse("blocs:person_list"), {"q": query}).content.decode()
    found = [p.full_name for people in org.people.values() for p in people if p.full_name in html]
    assert sorted(found) == sorted(people[0].full_name for people in org.people.values())
    assert "Nguyễn Văn CONG-AN Một" in html and "Trần Thị" not in html
    assert "6 kết quả" in html


def test_the_bloc_leads_search_stays_inside_its_bloc(org, login):
    html = (
        login(org.truongkhoi)
        .get(reverse("blocs:person_list"), {"q": "nguyen van"})
        .content.decode()
    )
    assert "Nguyễn Văn CONG-AN Một" in html and "Nguyễn Văn TAND Một" in html
    assert "Nguyễn Văn VP-TINH-UY Một" not in html and "Nguyễn Văn SO-NOI-VU Một" not in html


def test_the_bloc_lead_sees_its_bloc_s_whole_roster_counted_as_interior_staff_do(org, login):
    def member_counts(user) -> tuple[list[str], list[str]]:
        client = login(user)
        listing = client.get(reverse("blocs:bloc_list")).content.decode()
        row = re.search(r"Khối Thi đua Nội chính</a>.*?</tr>", listing, re.S).group(0)
        dashboard = client.get(reverse("dashboard")).content.decode()
        return re.findall(r'class="text-end">(\d+)<', row), re.findall(r"(\d+) thành viên", dashboard)

    # Bộ CHQS (lead), Công an and Tòa án.
    assert member_counts(org.noivu) == (["3"], [])
    assert member_counts(org.truongkhoi) == (["3"], ["3"])
