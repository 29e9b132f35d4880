"""Shared fixtures: a small province with the five demo personas, and service guards.

Tests that need PostgreSQL, Redis or Chromium skip with a reason when it is absent, unless
REQUIRE_SERVICES=1 (set by .ci/run), in which case they fail.
"""

from __future__ import annotations

import datetime
import importlib
import os
import shutil
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connections

from blocs import services
from blocs.access import current_year
from blocs.models import Gender, LeadSource, MemberRole, Person, Role, Unit, UnitKind, User

PASSWORD = "tdkt-test-pass"
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def need_service(available: bool, reason: str) -> None:
    """Skip when a service is missing, or fail when REQUIRE_SERVICES=1 says it must be there."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
    pytest.skip(reason)


# Rows that data migrations write: a transactional test flushes every table when it ends,
# these included, so the transactional tests that follow put them back.
DATA_MIGRATIONS = (
    "awards.migrations.0004_catalogue",
    "awards.migrations.0006_rule_sets",
    "awards.migrations.0008_public_holidays",
)


def reseed_data_migrations() -> None:
    from awards.models import PublicHoliday, RuleSet, Title

    if not Title.objects.exists():
        importlib.import_module(DATA_MIGRATIONS[0]).seed(django_apps, None)
    if not RuleSet.objects.exists():
        importlib.import_module(DATA_MIGRATIONS[1]).seed(django_apps, None)
    if not PublicHoliday.objects.exists():
        importlib.import_module(DATA_MIGRATIONS[2]).seed(django_apps, None)


@pytest.fixture(autouse=True)
def _data_migrations_after_flush(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or (
        "transactional_db" in request.fixturenames
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        reseed_data_migrations()
    yield


def make_unit(code: str, name: str, kind: str = UnitKind.PROVINCIAL_AGENCY, **extra) -> Unit:
    return services.unit_save(actor=None, unit=Unit(code=code, name=name, kind=kind, **extra))


def make_person(unit: Unit, full_name: str, gender: str = Gender.MALE, **extra) -> Person:
    return services.person_save(
        actor=None, person=Person(unit=unit, full_name=full_name, gender=gender, **extra)
    )


def make_user(username: str, role: str, unit: Unit | None = None, **extra) -> User:
    user = User(username=username, role=role, unit=unit, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def year() -> int:
    return current_year()


@pytest.fixture
def org(db, year):
    """Khối Nội chính (Bộ CHQS leads this year, Công an and Tòa án are members) and Khối
    Đảng (Văn phòng Tỉnh ủy leads), each unit with two people, and the five personas."""
    from blocs.models import Bloc, BlocKind, BlocLevel

    o = SimpleNamespace(year=year)
    o.snv = make_unit("so-noi-vu", "Sở Nội vụ")
    o.chqs = make_unit("bo-chqs", "Bộ Chỉ huy Quân sự tỉnh", UnitKind.ARMED_FORCES, short_name="Bộ CHQS")
    o.ca = make_unit("cong-an", "Công an tỉnh", UnitKind.ARMED_FORCES)
    o.toa = make_unit("tand", "Tòa án nhân dân tỉnh", UnitKind.JUDICIAL)
    o.vptu = make_unit("vp-tinh-uy", "Văn phòng Tỉnh ủy", UnitKind.PARTY_BODY)
    o.bao = make_unit("bao-lai-chau", "Báo Lai Châu", UnitKind.PARTY_BODY)
    o.noi_chinh = services.bloc_save(
        actor=None, bloc=Bloc(name="Khối Thi đua Nội chính", kind=BlocKind.BLOC, level=BlocLevel.PROVINCIAL)
    )
    o.dang = services.bloc_save(
        actor=None, bloc=Bloc(name="Khối Đảng tỉnh", kind=BlocKind.BLOC, level=BlocLevel.PROVINCIAL)
    )
    for bloc, lead, members in [
        (o.noi_chinh, o.chqs, [o.ca, o.toa]),
        (o.dang, o.vptu, [o.bao]),
    ]:
        services.membership_add(
            actor=None, bloc=bloc, year=year, unit=lead, role=MemberRole.LEAD,
            lead_source=LeadSource.APPOINTED,
        )
        for unit in members:
            services.membership_add(actor=None, bloc=bloc, year=year, unit=unit)
    o.people = {}
    for unit in (o.snv, o.chqs, o.ca, o.toa, o.vptu, o.bao):
        o.people[unit.code] = [
            make_person(unit, f"Nguyễn Văn {unit.code.upper()} Một", recruited_on=datetime.date(2015, 3, 1)),
            make_person(unit, f"Trần Thị {unit.code.upper()} Hai", Gender.FEMALE),
        ]
    o.admin = make_user("admin", Role.ADMIN, is_superuser=True, is_staff=True)
    o.noivu = make_user("noivu", Role.INTERIOR, o.snv, is_staff=True)
    o.truongkhoi = make_user("truongkhoi", Role.UNIT_OFFICER, o.chqs)
    o.donvi = make_user("donvi", Role.UNIT_OFFICER, o.ca)
    o.hoidong = make_user("hoidong", Role.COUNCIL)
    return o


PERSONAS = ["admin", "noivu", "truongkhoi", "donvi", "hoidong"]


@pytest.fixture
def login(client):
    """``login(user)`` logs the test client in as *user* and returns the client."""

    def _login(user: User):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    need_service(os.path.exists(path), "Chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture
def browser_page(chromium_path, monkeypatch):
    """A fresh page in headless Chromium. Playwright's sync API runs an event loop in this
    thread, so Django's guard against ORM calls from async code is lifted for the test."""
    try:
        from playwright import sync_api
    except ImportError:
        need_service(False, "Playwright is not installed (pip install -e '.[dev]')")
    from tests.browser_kit import CHROMIUM_ARGS

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page.set_default_timeout(15_000)
        yield page
        # Queries made by the test while Playwright runs its event loop get a connection of
        # their own; left open, it stops PostgreSQL from dropping the test database.
        connections.close_all()
        browser.close()
