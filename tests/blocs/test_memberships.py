"""Who belongs to which bloc, in which role, year by year."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from blocs import services
from blocs.models import (
    AuditLog,
    Bloc,
    BlocKind,
    BlocLevel,
    BlocYear,
    LeadSource,
    MemberRole,
    Membership,
    Unit,
    UnitKind,
)
from tests.conftest import make_unit


def membership(bloc, year, unit) -> Membership:
    return Membership.objects.get(bloc_year__bloc=bloc, bloc_year__year=year, unit=unit)


def roles(bloc, year) -> dict[str, str]:
    return {
        m.unit.code: m.role
        for m in Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year).select_related(
            "unit"
        )
    }


def national_cluster(name: str = "Cụm thi đua các tỉnh miền núi phía Bắc") -> Bloc:
    return services.bloc_save(
        actor=None, bloc=Bloc(name=name, kind=BlocKind.CLUSTER, level=BlocLevel.NATIONAL)
    )


# --- One lead ----------------------------------------------------------------------------


def test_the_database_refuses_a_second_lead_in_a_bloc_year(org):
    bloc_year = BlocYear.objects.get(bloc=org.noi_chinh, year=org.year)

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(bloc_year=bloc_year, unit=org.snv, role=MemberRole.LEAD)

    # The same row as a plain member is fine: it was the second lead that was refused.
    Membership.objects.create(bloc_year=bloc_year, unit=org.snv, role=MemberRole.MEMBER)
    assert roles(org.noi_chinh, org.year)["so-noi-vu"] == MemberRole.MEMBER


def test_the_one_lead_constraint_speaks_vietnamese(org):
    bloc_year = BlocYear.objects.get(bloc=org.noi_chinh, year=org.year)
    second_lead = Membership(bloc_year=bloc_year, unit=org.snv, role=MemberRole.LEAD)

    with pytest.raises(ValidationError) as error:
        second_lead.validate_constraints()

    assert error.value.messages == ["Khối đã có trưởng khối trong năm này."]


def test_adding_a_second_lead_is_refused_with_a_clear_message(org):
    with pytest.raises(ValidationError) as error:
        services.membership_add(
            actor=org.noivu, bloc=org.noi_chinh, year=org.year, unit=org.snv, role=MemberRole.LEAD
        )

    assert error.value.message_dict["role"] == ["Khối đã có trưởng khối trong năm này."]
    assert not Membership.objects.filter(unit=org.snv).exists()
    assert roles(org.noi_chinh, org.year)["bo-chqs"] == MemberRole.LEAD


def test_another_bloc_or_another_year_may_have_its_own_lead(org):
    services.membership_add(
        actor=org.noivu, bloc=org.noi_chinh, year=org.year + 1, unit=org.ca, role=MemberRole.LEAD
    )

    assert roles(org.noi_chinh, org.year + 1) == {"cong-an": MemberRole.LEAD}
    assert roles(org.noi_chinh, org.year)["bo-chqs"] == MemberRole.LEAD
    assert roles(org.dang, org.year)["vp-tinh-uy"] == MemberRole.LEAD


# --- Deputies ----------------------------------------------------------------------------


def test_a_bloc_has_at_most_one_deputy_by_default(org):
    assert org.noi_chinh.max_deputies == 1
    services.membership_set_role(
        actor=org.noivu, membership=membership(org.noi_chinh, org.year, org.ca), role=MemberRole.DEPUTY
    )

    with pytest.raises(ValidationError) as error:
        services.membership_set_role(
            actor=org.noivu,
            membership=membership(org.noi_chinh, org.year, org.toa),
            role=MemberRole.DEPUTY,
        )

    assert error.value.message_dict["role"] == ["Khối chỉ được có tối đa 1 phó khối."]
    assert membership(org.noi_chinh, org.year, org.toa).role == MemberRole.MEMBER

    with pytest.raises(ValidationError) as error:
        services.membership_add(
            actor=org.noivu, bloc=org.noi_chinh, year=org.year, unit=org.snv, role=MemberRole.DEPUTY
        )
    assert error.value.message_dict["role"] == ["Khối chỉ được có tối đa 1 phó khối."]
    assert not Membership.objects.filter(unit=org.snv).exists()


def test_a_bloc_with_max_deputies_two_may_have_two_deputies_but_not_three(org):
    org.noi_chinh.max_deputies = 2
    services.bloc_save(actor=org.noivu, bloc=org.noi_chinh)

    for unit in (org.ca, org.toa):
        services.membership_set_role(
            actor=org.noivu, membership=membership(org.noi_chinh, org.year, unit), role=MemberRole.DEPUTY
        )
    assert roles(org.noi_chinh, org.year) == {
        "bo-chqs": MemberRole.LEAD,
        "cong-an": MemberRole.DEPUTY,
        "tand": MemberRole.DEPUTY,
    }

    with pytest.raises(ValidationError) as error:
        services.membership_add(
            actor=org.noivu, bloc=org.noi_chinh, year=org.year, unit=org.snv, role=MemberRole.DEPUTY
        )
    assert error.value.message_dict["role"] == ["Khối chỉ được có tối đa 2 phó khối."]


# --- One provincial bloc per unit and year -----------------------------------------------


def test_a_unit_cannot_be_in_two_provincial_blocs_in_one_year(org):
    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=org.noivu, bloc=org.dang, year=org.year, unit=org.ca)

    assert error.value.message_dict["unit"] == [
        f"Năm {org.year} đơn vị đã thuộc Khối Thi đua Nội chính; "
        "mỗi đơn vị chỉ thuộc một khối cấp tỉnh."
    ]
    assert not Membership.objects.filter(bloc_year__bloc=org.dang, unit=org.ca).exists()


def test_a_unit_may_change_provincial_bloc_from_one_year_to_the_next(org):
    services.membership_add(actor=org.noivu, bloc=org.dang, year=org.year + 1, unit=org.ca)

    assert roles(org.dang, org.year + 1) == {"cong-an": MemberRole.MEMBER}


def test_a_province_joins_a_national_cluster_but_not_a_provincial_bloc(org):
    cluster = national_cluster()
    lai_chau = make_unit("tinh-lai-chau", "Tỉnh Lai Châu", UnitKind.PROVINCE)
    son_la = make_unit("tinh-son-la", "Tỉnh Sơn La", UnitKind.PROVINCE)

    services.membership_add(
        actor=org.noivu, bloc=cluster, year=org.year, unit=lai_chau, role=MemberRole.LEAD,
        lead_source=LeadSource.ROTATION,
    )
    services.membership_add(actor=org.noivu, bloc=cluster, year=org.year, unit=son_la)
    assert roles(cluster, org.year) == {"tinh-lai-chau": MemberRole.LEAD, "tinh-son-la": MemberRole.MEMBER}

    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=org.noivu, bloc=org.dang, year=org.year + 1, unit=lai_chau)
    assert error.value.message_dict["unit"] == ["Một tỉnh không thể là thành viên khối cấp tỉnh."]


def test_only_a_province_is_accepted_in_a_national_cluster(org):
    cluster = national_cluster()

    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=org.noivu, bloc=cluster, year=org.year, unit=org.snv)

    assert error.value.message_dict["unit"] == [
        "Thành viên của cụm thi đua toàn quốc phải là một tỉnh."
    ]
    assert not Membership.objects.filter(bloc_year__bloc=cluster).exists()


# --- Handing over the lead ---------------------------------------------------------------


def test_making_a_member_lead_hands_the_lead_over(org):
    old = membership(org.noi_chinh, org.year, org.chqs)
    new = membership(org.noi_chinh, org.year, org.ca)
    assert old.lead_source == LeadSource.APPOINTED

    services.membership_set_role(
        actor=org.noivu, membership=new, role=MemberRole.LEAD, lead_source=LeadSource.VOTED,
        source_note="Biên bản hội nghị tổng kết",
    )

    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.role, old.lead_source) == (MemberRole.MEMBER, "")
    assert (new.role, new.lead_source, new.source_note) == (
        MemberRole.LEAD,
        LeadSource.VOTED,
        "Biên bản hội nghị tổng kết",
    )
    changes = {
        (log.object_id, log.from_state, log.to_state, log.actor_id)
        for log in AuditLog.objects.filter(action="blocs.membership.role_changed")
    }
    assert changes == {
        (str(old.pk), MemberRole.LEAD, MemberRole.MEMBER, org.noivu.pk),
        (str(new.pk), MemberRole.MEMBER, MemberRole.LEAD, org.noivu.pk),
    }


def test_a_deputy_made_lead_leaves_the_deputy_place_free(org):
    deputy = membership(org.noi_chinh, org.year, org.ca)
    services.membership_set_role(actor=org.noivu, membership=deputy, role=MemberRole.DEPUTY)
    services.membership_set_role(actor=org.noivu, membership=deputy, role=MemberRole.LEAD)

    services.membership_set_role(
        actor=org.noivu, membership=membership(org.noi_chinh, org.year, org.toa), role=MemberRole.DEPUTY
    )

    assert roles(org.noi_chinh, org.year) == {
        "bo-chqs": MemberRole.MEMBER,
        "cong-an": MemberRole.LEAD,
        "tand": MemberRole.DEPUTY,
    }


# --- Confirming a year -------------------------------------------------------------------


def test_confirming_a_bloc_year_without_a_lead_is_refused_and_shows_the_count(org):
    services.membership_set_role(
        actor=org.noivu, membership=membership(org.noi_chinh, org.year, org.chqs), role=MemberRole.MEMBER
    )

    with pytest.raises(ValidationError) as error:
        services.bloc_year_confirm(actor=org.noivu, bloc=org.noi_chinh, year=org.year)

    assert error.value.messages == [
        f"Cần đúng một trưởng khối để xác nhận danh sách năm {org.year} (hiện có 0)."
    ]
    assert BlocYear.objects.get(bloc=org.noi_chinh, year=org.year).confirmed_at is None
    assert not AuditLog.objects.filter(action="blocs.bloc_year.confirmed").exists()


def test_confirming_a_bloc_year_with_one_lead_records_who_and_when(org):
    bloc_year = services.bloc_year_confirm(actor=org.noivu, bloc=org.noi_chinh, year=org.year)

    bloc_year.refresh_from_db()
    assert bloc_year.is_confirmed
    assert bloc_year.confirmed_by == org.noivu
    log = AuditLog.objects.get(action="blocs.bloc_year.confirmed")
    assert (log.object_id, log.to_state, log.actor) == (str(bloc_year.pk), "confirmed", org.noivu)


def test_before_confirmation_the_lead_can_be_removed(org):
    lead = membership(org.noi_chinh, org.year, org.chqs)
    lead_pk = lead.pk

    services.membership_remove(actor=org.noivu, membership=lead)

    assert not Membership.objects.filter(pk=lead_pk).exists()
    log = AuditLog.objects.get(action="blocs.membership.removed")
    assert (log.object_id, log.from_state) == (str(lead_pk), MemberRole.LEAD)


def test_after_confirmation_the_lead_cannot_be_removed(org):
    services.bloc_year_confirm(actor=org.noivu, bloc=org.noi_chinh, year=org.year)
    lead = membership(org.noi_chinh, org.year, org.chqs)

    with pytest.raises(ValidationError) as error:
        services.membership_remove(actor=org.noivu, membership=lead)

    assert error.value.messages == [
        "Không thể rút trưởng khối khỏi năm đã xác nhận; hãy chọn trưởng khối khác trước."
    ]
    assert Membership.objects.filter(pk=lead.pk, role=MemberRole.LEAD).exists()
    assert not AuditLog.objects.filter(action="blocs.membership.removed").exists()


@pytest.mark.parametrize("role", [MemberRole.MEMBER, MemberRole.DEPUTY])
def test_after_confirmation_the_lead_cannot_be_demoted(org, role):
    services.bloc_year_confirm(actor=org.noivu, bloc=org.noi_chinh, year=org.year)
    lead = membership(org.noi_chinh, org.year, org.chqs)

    with pytest.raises(ValidationError) as error:
        services.membership_set_role(actor=org.noivu, membership=lead, role=role)

    assert error.value.messages == [
        f"Năm {org.year} đã được xác nhận: hãy chọn trưởng khối mới thay vì bỏ trưởng khối."
    ]
    lead.refresh_from_db()
    assert (lead.role, lead.lead_source) == (MemberRole.LEAD, LeadSource.APPOINTED)


def test_after_confirmation_the_lead_can_be_handed_over(org):
    services.bloc_year_confirm(actor=org.noivu, bloc=org.noi_chinh, year=org.year)

    services.membership_set_role(
        actor=org.noivu, membership=membership(org.noi_chinh, org.year, org.toa), role=MemberRole.LEAD,
        lead_source=LeadSource.APPOINTED,
    )

    assert roles(org.noi_chinh, org.year) == {
        "bo-chqs": MemberRole.MEMBER,
        "cong-an": MemberRole.MEMBER,
        "tand": MemberRole.LEAD,
    }
    # The former lead is now a plain member and may leave the bloc.
    services.membership_remove(actor=org.noivu, membership=membership(org.noi_chinh, org.year, org.chqs))
    assert roles(org.noi_chinh, org.year) == {"cong-an": MemberRole.MEMBER, "tand": MemberRole.LEAD}


# --- Copying last year's members ---------------------------------------------------------


def test_copying_last_years_members_makes_them_plain_members(org):
    next_year = org.year + 1

    result = services.bloc_copy_previous_year(actor=org.noivu, bloc=org.noi_chinh, year=next_year)

    assert sorted(m.unit.code for m in result.copied) == ["bo-chqs", "cong-an", "tand"]
    assert result.skipped == []
    assert roles(org.noi_chinh, next_year) == {
        "bo-chqs": MemberRole.MEMBER,
        "cong-an": MemberRole.MEMBER,
        "tand": MemberRole.MEMBER,
    }
    assert not Membership.objects.filter(bloc_year__year=next_year).exclude(lead_source="").exists()
    # Last year's roster is left as it was.
    assert roles(org.noi_chinh, org.year)["bo-chqs"] == MemberRole.LEAD
    log = AuditLog.objects.get(action="blocs.bloc.members_copied")
    assert log.object_id == str(org.noi_chinh.pk)
    assert log.data["year"] == next_year
    assert sorted(log.data["copied"]) == sorted([org.chqs.pk, org.ca.pk, org.toa.pk])


def test_copying_skips_dissolved_units_and_units_in_another_provincial_bloc_with_the_reason(org):
    next_year = org.year + 1
    services.unit_dissolve(actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 6, 30))
    services.membership_add(actor=org.noivu, bloc=org.dang, year=next_year, unit=org.ca)

    result = services.bloc_copy_previous_year(actor=org.noivu, bloc=org.noi_chinh, year=next_year)

    assert [m.unit for m in result.copied] == [org.chqs]
    assert {unit.code: reason for unit, reason in result.skipped} == {
        "cong-an": f"Năm {next_year} đơn vị đã thuộc Khối Đảng tỉnh; mỗi đơn vị chỉ thuộc một khối cấp tỉnh.",
        "tand": f"Đơn vị không còn hoạt động trong năm {next_year}.",
    }
    assert roles(org.noi_chinh, next_year) == {"bo-chqs": MemberRole.MEMBER}
    assert roles(org.dang, next_year) == {"cong-an": MemberRole.MEMBER}


def test_copying_keeps_the_members_already_entered_for_the_year(org):
    next_year = org.year + 1
    kept = services.membership_add(
        actor=org.noivu, bloc=org.noi_chinh, year=next_year, unit=org.ca, role=MemberRole.LEAD,
        lead_source=LeadSource.VOTED, source_note="Suy tôn tại hội nghị tổng kết",
    )

    result = services.bloc_copy_previous_year(actor=org.noivu, bloc=org.noi_chinh, year=next_year)

    assert sorted(m.unit.code for m in result.copied) == ["bo-chqs", "tand"]
    assert result.skipped == []
    kept.refresh_from_db()
    assert (kept.role, kept.lead_source, kept.source_note) == (
        MemberRole.LEAD,
        LeadSource.VOTED,
        "Suy tôn tại hội nghị tổng kết",
    )
    assert roles(org.noi_chinh, next_year) == {
        "bo-chqs": MemberRole.MEMBER,
        "cong-an": MemberRole.LEAD,
        "tand": MemberRole.MEMBER,
    }


def test_copying_from_an_empty_previous_year_is_an_error(org):
    target = org.year + 2

    with pytest.raises(ValidationError) as error:
        services.bloc_copy_previous_year(actor=org.noivu, bloc=org.noi_chinh, year=target)

    assert error.value.messages == [f"Năm {org.year + 1} khối chưa có thành viên để sao chép."]
    assert not BlocYear.objects.filter(bloc=org.noi_chinh, year=target).exists()
    assert not AuditLog.objects.filter(action="blocs.bloc.members_copied").exists()


# --- Dissolved units ---------------------------------------------------------------------


def test_a_dissolved_unit_cannot_join_a_bloc_in_a_year_after_its_dissolution(org):
    services.unit_dissolve(actor=org.noivu, unit=org.snv, on=datetime.date(org.year, 6, 30))
    org.snv.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=org.noivu, bloc=org.dang, year=org.year + 1, unit=org.snv)

    assert error.value.message_dict["unit"] == [f"Đơn vị không còn hoạt động trong năm {org.year + 1}."]
    assert not Membership.objects.filter(unit=org.snv).exists()


def test_a_unit_dissolved_by_another_request_meanwhile_cannot_join_a_later_year(org):
    chosen = org.snv  # as loaded by the membership form
    services.unit_dissolve(
        actor=org.admin, unit=Unit.objects.get(pk=org.snv.pk), on=datetime.date(org.year, 6, 30)
    )

    with pytest.raises(ValidationError):
        services.membership_add(actor=org.noivu, bloc=org.dang, year=org.year + 1, unit=chosen)


def test_a_unit_dissolved_during_the_year_may_still_be_recorded_for_that_year(org):
    services.unit_dissolve(actor=org.noivu, unit=org.snv, on=datetime.date(org.year, 6, 30))

    services.membership_add(actor=org.noivu, bloc=org.dang, year=org.year, unit=org.snv)

    assert roles(org.dang, org.year)["so-noi-vu"] == MemberRole.MEMBER


# --- Lead source -------------------------------------------------------------------------


def test_adding_a_plain_member_drops_the_lead_source(org):
    added = services.membership_add(
        actor=org.noivu, bloc=org.dang, year=org.year, unit=org.snv, lead_source=LeadSource.VOTED
    )

    added.refresh_from_db()
    assert (added.role, added.lead_source) == (MemberRole.MEMBER, "")


def test_a_plain_member_with_a_lead_source_is_invalid(org):
    bloc_year = BlocYear.objects.get(bloc=org.dang, year=org.year)
    row = Membership(
        bloc_year=bloc_year, unit=org.snv, role=MemberRole.MEMBER, lead_source=LeadSource.APPOINTED
    )

    with pytest.raises(ValidationError) as error:
        row.full_clean()

    assert error.value.message_dict["lead_source"] == [
        "Chỉ trưởng, phó khối mới ghi nguồn gốc vai trò."
    ]


def test_demoting_a_lead_to_member_clears_the_lead_source_but_a_deputy_keeps_it(org):
    lead = membership(org.noi_chinh, org.year, org.chqs)
    deputy = membership(org.noi_chinh, org.year, org.ca)

    services.membership_set_role(actor=org.noivu, membership=lead, role=MemberRole.MEMBER)
    services.membership_set_role(
        actor=org.noivu, membership=deputy, role=MemberRole.DEPUTY, lead_source=LeadSource.VOTED
    )

    lead.refresh_from_db()
    deputy.refresh_from_db()
    assert (lead.role, lead.lead_source) == (MemberRole.MEMBER, "")
    assert (deputy.role, deputy.lead_source) == (MemberRole.DEPUTY, LeadSource.VOTED)


def test_a_confirmed_list_cannot_be_confirmed_again(org):
    services.bloc_year_confirm(actor=org.noivu, bloc=org.noi_chinh, year=org.year)
    with pytest.raises(ValidationError) as error:
        services.bloc_year_confirm(actor=org.noivu, bloc=org.noi_chinh, year=org.year)
    assert error.value.messages == [f"Danh sách năm {org.year} đã được xác nhận."]


def test_a_bloc_cannot_end_before_a_year_in_which_it_still_has_members(org):
    bloc = org.noi_chinh
    bloc.refresh_from_db()
    bloc.active_to = datetime.date(org.year - 1, 12, 31)
    with pytest.raises(ValidationError) as error:
        services.bloc_save(actor=org.noivu, bloc=bloc)
    assert error.value.message_dict["active_to"] == [
        f"Khối còn thành viên trong năm {org.year}, sau ngày giải thể."
    ]
