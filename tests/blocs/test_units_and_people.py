"""Units that dissolve and merge, people who move between units, Vietnamese text."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from blocs import selectors, services
from blocs.forms import PersonForm
from blocs.models import (
    AuditLog,
    Employment,
    Gender,
    MemberRole,
    Person,
    TransferRequest,
    TransferStatus,
    Unit,
    UnitKind,
)
from tests.conftest import make_person, make_unit


def audit(action: str, obj) -> AuditLog:
    return AuditLog.objects.get(action=action, object_id=str(obj.pk))


# --- Dissolving units --------------------------------------------------------------------


def test_dissolving_a_unit_records_its_last_day_its_successors_and_an_audit_row(org):
    last_day = datetime.date(org.year, 6, 30)
    successor = make_unit("tand-kv1", "Tòa án nhân dân khu vực 1", UnitKind.JUDICIAL)

    services.unit_dissolve(actor=org.noivu, unit=org.toa, on=last_day, successors=[successor])

    org.toa.refresh_from_db()
    assert org.toa.active_to == last_day
    assert list(org.toa.successors.all()) == [successor]
    assert list(successor.predecessors.all()) == [org.toa]
    log = audit("blocs.unit.dissolved", org.toa)
    assert (log.actor, log.from_state, log.to_state) == (org.noivu, "active", "dissolved")
    assert log.data == {"on": last_day.isoformat(), "successors": [successor.pk]}


def test_a_unit_cannot_be_dissolved_twice(org):
    services.unit_dissolve(actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 6, 30))

    with pytest.raises(ValidationError) as error:
        services.unit_dissolve(actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 9, 30))

    assert error.value.messages == [f"Đơn vị đã giải thể ngày 30/06/{org.year}."]
    org.toa.refresh_from_db()
    assert org.toa.active_to == datetime.date(org.year, 6, 30)
    assert AuditLog.objects.filter(action="blocs.unit.dissolved").count() == 1


def test_a_dissolved_unit_cannot_be_named_successor(org):
    gone = make_unit("tand-cu", "Tòa án nhân dân thị xã (cũ)", UnitKind.JUDICIAL)
    gone = services.unit_dissolve(actor=org.noivu, unit=gone, on=datetime.date(org.year, 3, 31))

    with pytest.raises(ValidationError) as error:
        services.unit_dissolve(
            actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 6, 30), successors=[gone]
        )

    assert error.value.messages == [
        "Đơn vị kế thừa phải còn hoạt động sau ngày giải thể: Tòa án nhân dân thị xã (cũ)."
    ]
    org.toa.refresh_from_db()
    assert org.toa.active_to is None
    assert not org.toa.successors.exists()


def test_a_successor_dissolved_the_same_day_is_refused_too(org):
    twin = make_unit("tand-kv2", "Tòa án nhân dân khu vực 2", UnitKind.JUDICIAL)
    twin = services.unit_dissolve(actor=org.noivu, unit=twin, on=datetime.date(org.year, 6, 30))

    with pytest.raises(ValidationError) as error:
        services.unit_dissolve(
            actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 6, 30), successors=[twin]
        )

    assert error.value.messages == [
        "Đơn vị kế thừa phải còn hoạt động sau ngày giải thể: Tòa án nhân dân khu vực 2."
    ]


def test_a_successor_dissolved_by_another_request_meanwhile_is_refused(org):
    chosen = make_unit("tand-kv3", "Tòa án nhân dân khu vực 3", UnitKind.JUDICIAL)
    # Another officer dissolves the chosen successor while this form is being filled in.
    services.unit_dissolve(
        actor=org.admin,
        unit=Unit.objects.get(pk=chosen.pk),
        on=datetime.date(org.year, 3, 31),
    )

    with pytest.raises(ValidationError):
        services.unit_dissolve(
            actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 6, 30), successors=[chosen]
        )


def test_a_unit_still_in_a_bloc_in_a_later_year_cannot_be_dissolved(org):
    services.membership_add(actor=org.noivu, bloc=org.noi_chinh, year=org.year + 1, unit=org.toa)

    with pytest.raises(ValidationError) as error:
        services.unit_dissolve(actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 6, 30))

    assert error.value.messages == [
        f"Đơn vị còn là thành viên khối trong năm {org.year + 1}; "
        "hãy rút khỏi khối trước khi giải thể."
    ]
    org.toa.refresh_from_db()
    assert org.toa.active_to is None
    assert not AuditLog.objects.filter(action="blocs.unit.dissolved").exists()


def test_a_dissolved_unit_cannot_receive_awards_after_its_last_day(org):
    last_day = datetime.date(org.year, 6, 30)
    unit = services.unit_dissolve(actor=org.noivu, unit=org.toa, on=last_day)

    assert unit.can_receive_awards(datetime.date(org.year, 1, 15))
    assert unit.can_receive_awards(last_day)
    assert not unit.can_receive_awards(last_day + datetime.timedelta(days=1))
    assert not unit.can_receive_awards(datetime.date(org.year + 1, 1, 15))


def test_a_merged_units_history_is_found_from_its_successor(org):
    merged = make_unit("tand-kv1", "Tòa án nhân dân khu vực 1", UnitKind.JUDICIAL)
    assert list(selectors.unit_memberships(unit=merged)) == []

    services.unit_dissolve(
        actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 12, 31), successors=[merged]
    )

    history = list(selectors.unit_memberships(unit=merged))
    assert [(m.unit, m.bloc_year.bloc, m.bloc_year.year) for m in history] == [
        (org.toa, org.noi_chinh, org.year)
    ]
    # Units that did not succeed it do not inherit it.
    assert [m.unit for m in selectors.unit_memberships(unit=org.ca)] == [org.ca]


def test_history_follows_a_unit_through_two_mergers(org):
    first = make_unit("tand-kv1", "Tòa án nhân dân khu vực 1", UnitKind.JUDICIAL)
    second = make_unit("tand-kv-bac", "Tòa án nhân dân khu vực phía Bắc", UnitKind.JUDICIAL)
    services.unit_dissolve(
        actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 12, 31), successors=[first]
    )
    services.membership_add(actor=org.noivu, bloc=org.noi_chinh, year=org.year + 1, unit=first)
    services.unit_dissolve(
        actor=org.noivu, unit=first, on=datetime.date(org.year + 1, 12, 31), successors=[second]
    )
    services.membership_add(actor=org.noivu, bloc=org.noi_chinh, year=org.year + 2, unit=second)

    history = [(m.unit.code, m.bloc_year.year) for m in selectors.unit_memberships(unit=second)]

    assert history == [
        ("tand-kv-bac", org.year + 2),
        ("tand-kv1", org.year + 1),
        ("tand", org.year),
    ]
    # Looking from the middle of the chain shows the past, not the future.
    assert [(m.unit.code, m.bloc_year.year) for m in selectors.unit_memberships(unit=first)] == [
        ("tand-kv1", org.year + 1),
        ("tand", org.year),
    ]


# --- People and their employments --------------------------------------------------------


def test_creating_a_person_opens_an_employment_in_their_unit(org):
    person = services.person_save(
        actor=org.noivu,
        person=Person(
            unit=org.toa,
            full_name="Lò Văn Páo",
            gender=Gender.MALE,
            position="Thẩm phán",
            recruited_on=datetime.date(2018, 9, 1),
        ),
    )

    employment = Employment.objects.get(person=person)
    assert (employment.unit, employment.position, employment.start, employment.end) == (
        org.toa,
        "Thẩm phán",
        datetime.date(2018, 9, 1),
        None,
    )
    assert audit("blocs.person.created", person).actor == org.noivu


def test_editing_a_person_does_not_open_another_employment(org):
    person = org.people["cong-an"][0]
    person.position = "Phó Giám đốc"

    services.person_save(actor=org.noivu, person=person)

    assert Employment.objects.filter(person=person).count() == 1
    assert audit("blocs.person.updated", person).actor == org.noivu


def test_a_persons_unit_cannot_be_changed_by_editing_the_person(org):
    person = org.people["cong-an"][0]
    person.unit = org.toa

    with pytest.raises(ValidationError) as error:
        services.person_save(actor=org.noivu, person=person)

    assert error.value.messages == ["Chuyển đơn vị phải qua đề nghị chuyển đơn vị."]
    person.refresh_from_db()
    assert person.unit == org.ca
    assert list(Employment.objects.filter(person=person).values_list("unit", "end")) == [(org.ca.pk, None)]


# --- Transfers ---------------------------------------------------------------------------


def request_transfer(org, person, **extra):
    values = {"to_unit": org.toa, "effective_on": datetime.date(org.year, 7, 1)}
    values.update(extra)
    return services.transfer_request(actor=org.donvi, person=person, **values)


def test_an_approved_transfer_moves_the_person_and_closes_the_old_employment(org):
    person = org.people["cong-an"][0]
    transfer = request_transfer(org, person, new_position="Thư ký tòa án", reason="Theo nguyện vọng")
    assert (transfer.status, transfer.from_unit) == (TransferStatus.PENDING, org.ca)
    person.refresh_from_db()
    assert person.unit == org.ca  # nothing moves before the decision

    services.transfer_approve(actor=org.noivu, transfer=transfer, note="Đồng ý")

    person.refresh_from_db()
    transfer.refresh_from_db()
    assert (person.unit, person.position) == (org.toa, "Thư ký tòa án")
    assert (transfer.status, transfer.decided_by, transfer.decision_note) == (
        TransferStatus.APPROVED,
        org.noivu,
        "Đồng ý",
    )
    assert transfer.decided_at is not None
    employments = list(
        Employment.objects.filter(person=person).order_by("start").values_list("unit", "start", "end")
    )
    assert employments == [
        (org.ca.pk, datetime.date(2015, 3, 1), datetime.date(org.year, 6, 30)),
        (org.toa.pk, datetime.date(org.year, 7, 1), None),
    ]
    requested = audit("blocs.transfer.requested", transfer)
    assert (requested.actor, requested.to_state) == (org.donvi, TransferStatus.PENDING)
    approved = audit("blocs.transfer.approved", transfer)
    assert (approved.actor, approved.from_state, approved.to_state) == (
        org.noivu,
        TransferStatus.PENDING,
        TransferStatus.APPROVED,
    )
    moved = audit("blocs.person.moved", person)
    assert (moved.from_state, moved.to_state) == (str(org.ca.pk), str(org.toa.pk))


def test_rejecting_a_transfer_needs_a_note(org):
    person = org.people["cong-an"][0]
    transfer = request_transfer(org, person)

    with pytest.raises(ValidationError) as error:
        services.transfer_reject(actor=org.noivu, transfer=transfer, note="   ")

    assert error.value.message_dict == {"decision_note": ["Hãy ghi lý do từ chối."]}
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.PENDING

    services.transfer_reject(actor=org.noivu, transfer=transfer, note="Đơn vị nhận chưa có chỉ tiêu")

    transfer.refresh_from_db()
    person.refresh_from_db()
    assert (transfer.status, transfer.decision_note) == (
        TransferStatus.REJECTED,
        "Đơn vị nhận chưa có chỉ tiêu",
    )
    assert person.unit == org.ca
    assert Employment.objects.filter(person=person).count() == 1
    log = audit("blocs.transfer.rejected", transfer)
    assert log.data == {"note": "Đơn vị nhận chưa có chỉ tiêu"}


def test_a_decided_transfer_cannot_be_decided_again(org):
    transfer = request_transfer(org, org.people["cong-an"][0])
    services.transfer_reject(actor=org.noivu, transfer=transfer, note="Không đủ điều kiện")

    with pytest.raises(ValidationError) as error:
        services.transfer_approve(actor=org.noivu, transfer=transfer)

    assert error.value.messages == ["Đề nghị này đã được xử lý."]
    assert Person.objects.get(pk=transfer.person_id).unit == org.ca


def test_a_person_has_at_most_one_pending_transfer(org):
    person = org.people["cong-an"][0]
    first = request_transfer(org, person)

    with pytest.raises(ValidationError) as error:
        request_transfer(org, person, to_unit=org.snv)

    assert error.value.messages == ["Cá nhân này đã có một đề nghị chuyển đơn vị đang chờ duyệt."]
    assert list(TransferRequest.objects.filter(person=person)) == [first]

    # Once the first one is decided, a new request may be made.
    services.transfer_reject(actor=org.noivu, transfer=first, note="Sai đơn vị nhận")
    second = request_transfer(org, person, to_unit=org.snv)
    assert second.status == TransferStatus.PENDING


def test_a_transfer_to_the_persons_own_unit_is_refused(org):
    with pytest.raises(ValidationError) as error:
        request_transfer(org, org.people["cong-an"][0], to_unit=org.ca)

    assert error.value.message_dict == {"to_unit": ["Cá nhân đang công tác tại đơn vị này."]}


# --- Vietnamese text ---------------------------------------------------------------------


def test_names_typed_in_decomposed_unicode_are_stored_in_nfc(org):
    composed = "Nguyễn Thị Ánh Tuyết"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    form = PersonForm(
        data={
            "full_name": f"  {decomposed} ",
            "gender": Gender.FEMALE,
            "birth_year": "1990",
            "position": unicodedata.normalize("NFD", "Chuyên viên"),
            "recruited_on": "01/08/2020",
            "unit": str(org.toa.pk),
        },
        user=org.noivu,
    )
    assert form.is_valid(), form.errors

    person = services.person_save(actor=org.noivu, person=form.instance)

    person.refresh_from_db()
    assert person.full_name == composed
    assert unicodedata.is_normalized("NFC", person.position)
    assert person.recruited_on == datetime.date(2020, 8, 1)
    assert person.search_text == "nguyen thi anh tuyet"
    # An NFC search finds the name typed in NFD.
    assert list(selectors.person_list(user=org.noivu, year=org.year, q="Ánh Tuyết")) == [person]


def names(queryset) -> set[str]:
    return {p.full_name for p in queryset}


def test_searching_people_ignores_diacritics_and_case(org):
    expected = {p.full_name for unit_people in org.people.values() for p in unit_people[:1]}
    assert len(expected) == 6 and all(n.startswith("Nguyễn Văn") for n in expected)

    for q in ("nguyen van", "NGUYEN VAN", "Nguyễn Văn", "nguyễn văn", unicodedata.normalize("NFD", "Nguyễn Văn")):
        assert names(selectors.person_list(user=org.noivu, year=org.year, q=q)) == expected, q

    assert names(selectors.person_list(user=org.noivu, year=org.year, q="van tand")) == {
        "Nguyễn Văn TAND Một"
    }
    assert names(selectors.person_list(user=org.noivu, year=org.year, q="nguyen thi")) == set()


def test_searching_treats_d_with_stroke_as_d(org):
    make_person(org.toa, "Đặng Thị Đào", Gender.FEMALE)
    make_person(org.toa, "Lê Văn Dũng")

    assert names(selectors.person_list(user=org.noivu, year=org.year, q="dang")) == {"Đặng Thị Đào"}
    assert names(selectors.person_list(user=org.noivu, year=org.year, q="ĐẶNG")) == {"Đặng Thị Đào"}
    assert names(selectors.person_list(user=org.noivu, year=org.year, q="dao")) == {"Đặng Thị Đào"}
    assert names(selectors.person_list(user=org.noivu, year=org.year, q="dung")) == {"Lê Văn Dũng"}


def test_searching_units_ignores_diacritics(org):
    found = selectors.unit_list(user=org.noivu, year=org.year, q="cong an")
    assert list(found) == [org.ca]
    assert list(selectors.unit_list(user=org.noivu, year=org.year, q="toa an")) == [org.toa]


def test_search_stays_within_what_the_user_may_see(org):
    found = selectors.person_list(user=org.donvi, year=org.year, q="nguyen van")

    assert names(found) == {"Nguyễn Văn CONG-AN Một"}


def test_dissolution_does_not_touch_the_bloc_rows_of_earlier_years(org):
    services.unit_dissolve(actor=org.noivu, unit=org.toa, on=datetime.date(org.year, 12, 31))

    row = org.toa.memberships.get()
    assert (row.bloc_year.bloc, row.bloc_year.year, row.role) == (org.noi_chinh, org.year, MemberRole.MEMBER)


def test_services_store_text_in_nfc_whoever_calls_them(org):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Phường Đoàn Kết")
    unit = make_unit("phuong-doan-ket", decomposed)
    unit.refresh_from_db()
    assert unit.name == unicodedata.normalize("NFC", "Phường Đoàn Kết")
    assert unit.name != decomposed


def test_an_account_shows_its_name_in_vietnamese_order(org):
    org.noivu.last_name, org.noivu.first_name = "Lê Thị Thanh", "Huyền"
    assert org.noivu.get_full_name() == "Lê Thị Thanh Huyền"
    assert str(org.noivu) == "Lê Thị Thanh Huyền"
