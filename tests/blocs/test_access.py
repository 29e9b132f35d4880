"""Who sees and changes what, per persona and per year (blocs.access)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from blocs import access, services
from blocs.models import MemberRole, Membership, Person, Role, Unit, UnitKind
from tests.conftest import make_unit, make_user

ALL_UNITS = {"so-noi-vu", "bo-chqs", "cong-an", "tand", "vp-tinh-uy", "bao-lai-chau"}


def codes(units) -> set[str]:
    return {u.code for u in units}


def people_units(people) -> set[str]:
    return {p.unit.code for p in people.select_related("unit")}


def bloc_names(blocs) -> set[str]:
    return {b.name for b in blocs}


def user(org, persona: str):
    return getattr(org, persona)


# --- Province-wide readers ---------------------------------------------------------------


@pytest.mark.parametrize("persona", ["admin", "noivu", "hoidong"])
def test_province_wide_roles_see_every_unit_bloc_and_person(org, persona):
    who = user(org, persona)
    outsider = make_unit("ubnd-xa-ban-hon", "UBND xã Bản Hon", UnitKind.COMMUNE)
    services.unit_dissolve(actor=org.admin, unit=outsider, on=datetime.date(org.year - 1, 6, 30))

    assert codes(access.visible_units(who, org.year)) == ALL_UNITS | {"ubnd-xa-ban-hon"}
    assert bloc_names(access.visible_blocs(who, org.year)) == {"Khối Thi đua Nội chính", "Khối Đảng tỉnh"}
    assert access.visible_people(who, org.year).count() == Person.objects.count() == 12
    for unit in Unit.objects.all():
        assert access.get_unit_for_user(who, unit.pk) == unit
    for person in Person.objects.all():
        assert access.get_person_for_user(who, person.pk) == person


# --- The bloc lead -----------------------------------------------------------------------


def test_a_bloc_leads_officer_sees_own_unit_and_the_blocs_member_units(org):
    assert codes(access.visible_units(org.truongkhoi, org.year)) == {"bo-chqs", "cong-an", "tand"}
    assert people_units(access.visible_people(org.truongkhoi, org.year)) == {
        "bo-chqs",
        "cong-an",
        "tand",
    }
    assert access.visible_people(org.truongkhoi, org.year).count() == 6
    member_person = org.people["tand"][1]
    assert access.get_person_for_user(org.truongkhoi, member_person.pk) == member_person


def test_a_bloc_leads_officer_sees_the_bloc_it_leads_and_not_the_others(org):
    assert bloc_names(access.visible_blocs(org.truongkhoi, org.year)) == {"Khối Thi đua Nội chính"}
    assert access.get_bloc_for_user(org.truongkhoi, org.noi_chinh.pk) == org.noi_chinh
    with pytest.raises(Http404):
        access.get_bloc_for_user(org.truongkhoi, org.dang.pk)


def test_a_bloc_leads_officer_cannot_see_a_unit_of_another_bloc(org):
    with pytest.raises(Http404):
        access.get_unit_for_user(org.truongkhoi, org.vptu.pk)
    with pytest.raises(Http404):
        access.get_unit_for_user(org.truongkhoi, org.snv.pk)
    with pytest.raises(Http404):
        access.get_person_for_user(org.truongkhoi, org.people["vp-tinh-uy"][0].pk)


def test_a_bloc_leads_officer_may_read_but_not_write_a_member_unit(org):
    assert access.get_unit_for_user(org.truongkhoi, org.ca.pk) == org.ca

    with pytest.raises(PermissionDenied):
        access.get_unit_for_user(org.truongkhoi, org.ca.pk, write=True)
    with pytest.raises(PermissionDenied):
        access.get_person_for_user(org.truongkhoi, org.people["cong-an"][0].pk, write=True)
    # Who belongs to the bloc is decided by interior staff, not by the lead.
    with pytest.raises(PermissionDenied):
        access.get_bloc_for_user(org.truongkhoi, org.noi_chinh.pk, write=True)
    assert access.get_unit_for_user(org.truongkhoi, org.chqs.pk, write=True) == org.chqs


def test_the_lead_right_ends_the_year_the_unit_stops_leading(org):
    next_year = org.year + 1
    services.bloc_copy_previous_year(actor=org.noivu, bloc=org.noi_chinh, year=next_year)
    services.membership_set_role(
        actor=org.noivu,
        membership=Membership.objects.get(
            bloc_year__bloc=org.noi_chinh, bloc_year__year=next_year, unit=org.ca
        ),
        role=MemberRole.LEAD,
    )

    assert codes(access.visible_units(org.truongkhoi, next_year)) == {"bo-chqs"}
    assert codes(access.visible_units(org.truongkhoi, org.year)) == {"bo-chqs", "cong-an", "tand"}
    assert not access.is_bloc_lead(org.truongkhoi, next_year)
    assert access.is_bloc_lead(org.truongkhoi, org.year)
    with pytest.raises(Http404):
        access.get_unit_for_user(org.truongkhoi, org.ca.pk, year=next_year)
    assert access.get_unit_for_user(org.truongkhoi, org.ca.pk, year=org.year) == org.ca
    # The new lead gains it for that year only.
    assert codes(access.visible_units(org.donvi, next_year)) == {"bo-chqs", "cong-an", "tand"}
    assert codes(access.visible_units(org.donvi, org.year)) == {"cong-an"}


def test_a_lead_appointed_directly_for_next_year_takes_the_right_with_it(org):
    next_year = org.year + 1
    services.membership_add(
        actor=org.noivu, bloc=org.noi_chinh, year=next_year, unit=org.toa, role=MemberRole.LEAD
    )
    services.membership_add(actor=org.noivu, bloc=org.noi_chinh, year=next_year, unit=org.chqs)
    services.membership_add(actor=org.noivu, bloc=org.noi_chinh, year=next_year, unit=org.ca)

    assert codes(access.visible_units(org.truongkhoi, next_year)) == {"bo-chqs"}
    assert access.visible_people(org.truongkhoi, next_year).count() == 2
    assert access.visible_people(org.truongkhoi, org.year).count() == 6


# --- A member unit's officer -------------------------------------------------------------


def test_a_member_units_officer_sees_only_its_own_unit_and_people(org):
    assert codes(access.visible_units(org.donvi, org.year)) == {"cong-an"}
    assert people_units(access.visible_people(org.donvi, org.year)) == {"cong-an"}
    assert access.visible_people(org.donvi, org.year).count() == 2
    for unit in (org.chqs, org.toa, org.vptu, org.snv):
        with pytest.raises(Http404):
            access.get_unit_for_user(org.donvi, unit.pk)


def test_a_member_units_officer_sees_its_bloc_but_not_the_other_members_people(org):
    assert bloc_names(access.visible_blocs(org.donvi, org.year)) == {"Khối Thi đua Nội chính"}
    assert access.get_bloc_for_user(org.donvi, org.noi_chinh.pk) == org.noi_chinh
    with pytest.raises(Http404):
        access.get_bloc_for_user(org.donvi, org.dang.pk)
    for code in ("tand", "bo-chqs"):
        with pytest.raises(Http404):
            access.get_person_for_user(org.donvi, org.people[code][0].pk)


def test_a_member_units_officer_may_edit_its_own_unit_and_people(org):
    assert access.get_unit_for_user(org.donvi, org.ca.pk, write=True) == org.ca
    for person in org.people["cong-an"]:
        assert access.get_person_for_user(org.donvi, person.pk, write=True) == person
    assert codes(access.editable_units(org.donvi)) == {"cong-an"}
    assert {p.pk for p in access.editable_people(org.donvi)} == {p.pk for p in org.people["cong-an"]}


def test_a_unit_outside_every_bloc_still_sees_itself(org):
    officer_of_snv = make_user("snv-officer", Role.UNIT_OFFICER, org.snv)

    assert codes(access.visible_units(officer_of_snv, org.year)) == {"so-noi-vu"}
    assert bloc_names(access.visible_blocs(officer_of_snv, org.year)) == set()


# --- Writing -----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["admin", "noivu"])
def test_admin_and_interior_staff_may_write_everything(org, persona):
    who = user(org, persona)
    for unit in Unit.objects.all():
        assert access.get_unit_for_user(who, unit.pk, write=True) == unit
    for person in Person.objects.all():
        assert access.get_person_for_user(who, person.pk, write=True) == person
    assert access.get_bloc_for_user(who, org.dang.pk, write=True) == org.dang
    lead = Membership.objects.get(bloc_year__bloc=org.dang, unit=org.vptu)
    assert access.get_membership_for_user(who, lead.pk) == lead


def test_a_council_member_reads_everything_and_writes_nothing(org):
    who = org.hoidong
    for unit in Unit.objects.all():
        assert access.get_unit_for_user(who, unit.pk) == unit
        with pytest.raises(PermissionDenied):
            access.get_unit_for_user(who, unit.pk, write=True)
    for person in Person.objects.all():
        with pytest.raises(PermissionDenied):
            access.get_person_for_user(who, person.pk, write=True)
    for bloc in (org.noi_chinh, org.dang):
        with pytest.raises(PermissionDenied):
            access.get_bloc_for_user(who, bloc.pk, write=True)
    for membership in Membership.objects.all():
        with pytest.raises(PermissionDenied):
            access.get_membership_for_user(who, membership.pk)
    transfer = services.transfer_request(
        actor=org.donvi,
        person=org.people["cong-an"][0],
        to_unit=org.toa,
        effective_on=datetime.date(org.year, 7, 1),
    )
    assert access.get_transfer_for_user(who, transfer.pk) == transfer
    with pytest.raises(PermissionDenied):
        access.get_transfer_for_user(who, transfer.pk, decide=True)
    assert not access.editable_units(who).exists()
    assert not access.editable_people(who).exists()


def test_a_unit_officer_cannot_decide_a_transfer_of_its_own_person(org):
    transfer = services.transfer_request(
        actor=org.donvi,
        person=org.people["cong-an"][0],
        to_unit=org.toa,
        effective_on=datetime.date(org.year, 7, 1),
    )

    assert access.get_transfer_for_user(org.donvi, transfer.pk) == transfer
    with pytest.raises(PermissionDenied):
        access.get_transfer_for_user(org.donvi, transfer.pk, decide=True)
    # The receiving unit sees it too; another unit, even the bloc lead's, does not.
    receiving = make_user("toa-officer", Role.UNIT_OFFICER, org.toa)
    assert access.get_transfer_for_user(receiving, transfer.pk) == transfer
    with pytest.raises(Http404):
        access.get_transfer_for_user(org.truongkhoi, transfer.pk)


@pytest.mark.parametrize("persona", ["noivu", "truongkhoi", "donvi"])
def test_the_bloc_list_counts_every_member_whoever_looks(org, login, persona):
    from django.urls import reverse

    response = login(getattr(org, persona)).get(reverse("blocs:bloc_list"))
    blocs = {bloc.name: bloc.member_count for bloc in response.context["page"]}
    assert blocs["Khối Thi đua Nội chính"] == 3
