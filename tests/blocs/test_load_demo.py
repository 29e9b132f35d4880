"""``manage.py load_demo``: the Lai Châu demo loads once, reloads idempotently, and its
personas see what the command prints."""

from __future__ import annotations

import datetime
import io
import unicodedata

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from blocs import access, demo_data, selectors
from blocs.demo import PASSWORD, demo_load
from blocs.models import (
    AuditLog,
    Bloc,
    BlocYear,
    Employment,
    LeadSource,
    MemberRole,
    Membership,
    Person,
    Unit,
    User,
)
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

MODELS = [Unit, Unit.successors.through, Bloc, BlocYear, Membership, Person, Employment, User, AuditLog]


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def roster(bloc_name: str, year: int) -> dict[str, str]:
    return dict(
        Membership.objects.filter(bloc_year__bloc__name=bloc_name, bloc_year__year=year)
        .values_list("unit__code", "role")
    )


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module, in a transaction rolled back at its end; each
    test still runs in its own savepoint, so a test that changes rows changes them alone."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def test_the_demo_loads_and_a_second_run_leaves_the_same_rows(demo):
    first = counts()
    assert first["Unit"] == len(demo_data.UNITS)
    assert first["Person"] == sum(len(rows) for rows in demo_data.PEOPLE.values())

    second_output = load()

    assert counts() == first
    assert "không có gì" in second_output


def test_a_second_run_gives_back_the_documented_password_and_role(demo):
    user = User.objects.get(username="noivu")
    user.set_password("something-else")
    user.is_active = False
    user.save()

    load()

    assert authenticate(username="noivu", password=PASSWORD) is not None


def test_the_output_lists_the_accounts_the_password_and_that_names_are_invented(demo):
    for username in PERSONAS:
        assert username in demo
    assert f"Mật khẩu chung của các tài khoản: {PASSWORD}" in demo
    assert "hư cấu" in demo
    assert "trưởng Khối Thi đua Nội chính" in demo


def test_it_refuses_when_debug_is_off_unless_forced(settings):
    settings.DEBUG = False
    before = counts()

    with pytest.raises(CommandError, match="DEBUG=False.*--force"):
        call_command("load_demo", stdout=io.StringIO())

    assert counts() == before


def test_it_runs_without_force_when_debug_is_on(settings):
    settings.DEBUG = True

    call_command("load_demo", stdout=io.StringIO())

    assert User.objects.filter(username__in=PERSONAS).count() == len(PERSONAS)


def test_khoi_dang_tinh_has_exactly_the_eight_listed_units_in_2022(demo):
    names = set(
        Membership.objects.filter(bloc_year__bloc__name="Khối Đảng tỉnh", bloc_year__year=2022)
        .values_list("unit__name", flat=True)
    )

    assert names == {
        "Văn phòng Tỉnh ủy",
        "Ban Tổ chức Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Ban Dân vận Tỉnh ủy",
        "Ban Nội chính Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Báo Lai Châu",
        "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh",
    }
    assert roster("Khối Đảng tỉnh", 2022)["dang-uy-khoi"] == MemberRole.LEAD


def test_the_border_cluster_has_seven_provinces_in_2023_led_by_lang_son(demo):
    members = roster(demo_data.CUM_BIEN_GIOI, 2023)

    assert len(members) == 7
    assert members["tinh-lang-son"] == MemberRole.LEAD
    assert members["tinh-lao-cai"] == MemberRole.DEPUTY
    assert "tinh-ha-giang" in members


def test_lao_cai_leads_the_border_cluster_in_2024_voted_at_the_lang_son_conference(demo):
    lead = Membership.objects.get(
        bloc_year__bloc__name=demo_data.CUM_BIEN_GIOI, bloc_year__year=2024, role=MemberRole.LEAD
    )

    assert lead.unit.code == "tinh-lao-cai"
    assert lead.lead_source == LeadSource.VOTED
    assert "05/03/2024" in lead.source_note and "Lạng Sơn" in lead.source_note


def test_truongkhoi_leads_khoi_noi_chinh_this_year_and_sees_no_other_bloc(demo):
    truongkhoi = User.objects.get(username="truongkhoi")
    noi_chinh = Bloc.objects.get(name="Khối Thi đua Nội chính")
    year = access.current_year()

    assert access.led_bloc_ids(truongkhoi, year) == {noi_chinh.pk}
    assert list(access.visible_blocs(truongkhoi, year)) == [noi_chinh]
    assert access.visible_units(truongkhoi, year).count() == 8


def test_donvi_is_a_plain_member_of_khoi_noi_chinh_and_sees_only_its_unit(demo):
    donvi = User.objects.get(username="donvi")
    year = access.current_year()

    assert roster("Khối Thi đua Nội chính", year)["cong-an"] == MemberRole.MEMBER
    assert access.led_bloc_ids(donvi, year) == set()
    assert list(access.visible_units(donvi, year)) == [donvi.unit]


def test_every_bloc_year_has_one_lead_and_is_confirmed(demo):
    for bloc_year in BlocYear.objects.all():
        assert bloc_year.memberships.filter(role=MemberRole.LEAD).count() == 1, bloc_year
        assert bloc_year.is_confirmed, bloc_year


def test_ha_giang_is_dissolved_and_its_memberships_are_found_from_tuyen_quang(demo):
    ha_giang = Unit.objects.get(code="tinh-ha-giang")
    tuyen_quang = Unit.objects.get(code="tinh-tuyen-quang")

    assert ha_giang.active_to == datetime.date(2025, 6, 30)
    assert list(ha_giang.successors.all()) == [tuyen_quang]
    found = selectors.unit_memberships(unit=tuyen_quang).filter(unit=ha_giang)
    assert sorted(m.bloc_year.year for m in found) == [2023, 2024]
    assert "tinh-tuyen-quang" in roster(demo_data.CUM_BIEN_GIOI, 2025)


def test_the_district_bloc_ends_in_2025_and_its_districts_pass_to_communes(demo):
    bloc = Bloc.objects.get(name="Khối các huyện, thành phố")
    than_uyen = Unit.objects.get(code="huyen-than-uyen")

    assert sorted(bloc.years.values_list("year", flat=True)) == [2023, 2024, 2025]
    assert roster(bloc.name, 2024)["huyen-than-uyen"] == MemberRole.LEAD
    assert than_uyen.active_to == datetime.date(2025, 6, 30)
    assert set(than_uyen.successors.values_list("code", flat=True)) == {
        "xa-than-uyen",
        "xa-muong-than",
    }


def test_people_have_nfc_names_and_three_to_six_in_each_provincial_body(demo):
    for code in demo_data.PEOPLE:
        people = Person.objects.filter(unit__code=code)
        assert 3 <= people.count() <= 6, code
        assert {p.gender for p in people} == {"nam", "nu"}, code
    for name in Person.objects.values_list("full_name", flat=True):
        assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize("username", PERSONAS)
def test_each_demo_account_signs_in_with_the_documented_password(demo, username):
    assert authenticate(username=username, password=PASSWORD) is not None


def test_a_later_year_gets_rotated_rosters_with_bo_chqs_leading_noi_chinh():
    demo_load(year=2028)

    assert roster("Khối Thi đua Nội chính", 2028)["bo-chqs"] == MemberRole.LEAD
    for year in (2027, 2028):
        for bloc_name in ("Khối Đảng tỉnh", demo_data.CUM_BIEN_GIOI):
            roles = list(roster(bloc_name, year).values())
            assert roles.count(MemberRole.LEAD) == 1 and roles.count(MemberRole.DEPUTY) == 1
