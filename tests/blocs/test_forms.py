"""Every organisation form refuses bad input in Vietnamese and keeps what the user typed."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.urls import reverse

from blocs import services
from blocs.forms import (
    BlocForm,
    MembershipAddForm,
    MembershipRoleForm,
    PersonForm,
    TransferDecisionForm,
    TransferRequestForm,
    UnitDissolveForm,
    UnitForm,
)
from blocs.models import (
    Bloc,
    BlocKind,
    BlocLevel,
    Gender,
    LeadSource,
    MemberRole,
    Membership,
    Person,
    Unit,
    UnitKind,
)
from tests.conftest import make_unit

REQUIRED = "Trường này là bắt buộc."
BAD_DATE = "Nhập một ngày hợp lệ."
BAD_CHOICE = "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."


def bad_choice(value) -> str:
    return f"Hãy chọn một lựa chọn hợp lệ. {value} không phải là một trong các lựa chọn khả thi."


def unit_data(**overrides) -> dict:
    data = {
        "name": "UBND xã Tả Lèng",
        "short_name": "Xã Tả Lèng",
        "code": "xa-ta-leng",
        "kind": UnitKind.COMMUNE,
        "parent": "",
        "has_legal_personality": "on",
        "has_party_organisation": "on",
        "active_from": "01/07/2025",
    }
    data.update(overrides)
    return data


def person_data(org, **overrides) -> dict:
    data = {
        "full_name": "Lò Văn Páo",
        "gender": Gender.MALE,
        "birth_year": "1985",
        "position": "Chuyên viên",
        "recruited_on": "15/08/2019",
        "unit": str(org.ca.pk),
    }
    data.update(overrides)
    return data


# --- UnitForm ----------------------------------------------------------------------------


def test_unit_form_refuses_a_code_already_in_use_and_keeps_the_input(org):
    form = UnitForm(data=unit_data(name="Sở Nội vụ (mới)", code="so-noi-vu"), user=org.noivu)

    assert not form.is_valid()
    assert form.errors["code"] == ["Đơn vị có Mã đơn vị đã tồn tại."]
    assert form["code"].value() == "so-noi-vu"
    assert form["name"].value() == "Sở Nội vụ (mới)"
    html = form.as_div()
    assert 'value="so-noi-vu"' in html
    assert 'value="Sở Nội vụ (mới)"' in html


def test_unit_form_requires_a_name(org):
    form = UnitForm(data=unit_data(name="  "), user=org.noivu)

    assert not form.is_valid()
    assert form.errors["name"] == [REQUIRED]
    assert form["short_name"].value() == "Xã Tả Lèng"
    assert form["active_from"].value() == "01/07/2025"
    assert 'value="01/07/2025"' in form.as_div()


def test_unit_form_refuses_an_impossible_start_date_and_shows_it_back(org):
    form = UnitForm(data=unit_data(active_from="31/02/2025"), user=org.noivu)

    assert not form.is_valid()
    assert form.errors["active_from"] == [BAD_DATE]
    assert 'value="31/02/2025"' in form.as_div()


def test_a_unit_officer_edits_the_units_details_but_not_its_place_in_the_province(org):
    form = UnitForm(
        data=unit_data(name="Công an tỉnh Lai Châu", code="doi-ma", kind=UnitKind.OTHER),
        instance=org.ca,
        user=org.donvi,
    )

    assert form.is_valid(), form.errors
    services.unit_save(actor=org.donvi, unit=form.instance)
    org.ca.refresh_from_db()
    assert (org.ca.name, org.ca.code, org.ca.kind) == (
        "Công an tỉnh Lai Châu",
        "cong-an",
        UnitKind.ARMED_FORCES,
    )


def test_unit_form_accepts_valid_input(org):
    form = UnitForm(data=unit_data(), user=org.noivu)

    assert form.is_valid(), form.errors
    unit = services.unit_save(actor=org.noivu, unit=form.instance)
    unit.refresh_from_db()
    assert (unit.code, unit.active_from) == ("xa-ta-leng", datetime.date(2025, 7, 1))


# --- BlocForm ----------------------------------------------------------------------------


def bloc_data(**overrides) -> dict:
    data = {
        "name": "Khối Thi đua các Doanh nghiệp",
        "kind": BlocKind.BLOC,
        "level": BlocLevel.PROVINCIAL,
        "description": "Các doanh nghiệp nhà nước trên địa bàn",
        "active_from": "01/06/2024",
        "active_to": "",
        "max_deputies": "1",
    }
    data.update(overrides)
    return data


def test_bloc_form_refuses_a_dissolution_before_the_founding(org):
    form = BlocForm(data=bloc_data(active_to="01/01/2024"))

    assert not form.is_valid()
    assert form.non_field_errors() == ["Ngày giải thể phải sau ngày thành lập."]
    assert form["active_from"].value() == "01/06/2024"
    assert form["active_to"].value() == "01/01/2024"
    html = form.as_div()
    assert 'value="01/06/2024"' in html and 'value="01/01/2024"' in html
    assert "Các doanh nghiệp nhà nước trên địa bàn" in html


def test_bloc_form_accepts_a_dissolution_after_the_founding(org):
    form = BlocForm(data=bloc_data(active_to="31/12/2025"))

    assert form.is_valid(), form.errors


def test_bloc_form_refuses_a_name_already_in_use(org):
    form = BlocForm(data=bloc_data(name="Khối Đảng tỉnh"))

    assert not form.is_valid()
    assert form.errors["name"] == ["Khối/cụm thi đua có Tên khối/cụm đã tồn tại."]
    assert form["name"].value() == "Khối Đảng tỉnh"


# --- MembershipAddForm -------------------------------------------------------------------


def membership_form(org, bloc=None, year=None, **data) -> MembershipAddForm:
    values = {"unit": "", "role": MemberRole.MEMBER, "lead_source": "", "source_note": ""}
    values.update(data)
    return MembershipAddForm(data=values, bloc=bloc or org.dang, year=year or org.year, user=org.noivu)


def test_membership_form_requires_a_unit_and_keeps_the_note(org):
    form = membership_form(org, source_note="Quyết định số 15/QĐ-HĐTĐKT")

    assert not form.is_valid()
    assert form.errors["unit"] == [REQUIRED]
    assert form["source_note"].value() == "Quyết định số 15/QĐ-HĐTĐKT"
    assert 'value="Quyết định số 15/QĐ-HĐTĐKT"' in form.as_div()


def test_membership_form_does_not_offer_a_unit_already_in_the_bloc(org):
    form = membership_form(org, unit=str(org.bao.pk), source_note="QĐ 12")

    assert org.bao not in form.fields["unit"].queryset
    assert not form.is_valid()
    assert form.errors["unit"] == [BAD_CHOICE]
    assert form["source_note"].value() == "QĐ 12"


def test_membership_form_does_not_offer_a_unit_dissolved_in_an_earlier_year(org):
    services.unit_dissolve(actor=org.noivu, unit=org.snv, on=datetime.date(org.year - 1, 12, 31))

    this_year = membership_form(org, unit=str(org.snv.pk))
    last_year = membership_form(org, year=org.year - 1, unit=str(org.snv.pk))

    assert not this_year.is_valid()
    assert this_year.errors["unit"] == [BAD_CHOICE]
    assert last_year.is_valid(), last_year.errors


def test_membership_form_refuses_an_unknown_role_or_source(org):
    form = membership_form(org, unit=str(org.snv.pk), role="chu_tich", lead_source="bau_cu")

    assert not form.is_valid()
    assert form.errors["role"] == [bad_choice("chu_tich")]
    assert form.errors["lead_source"] == [bad_choice("bau_cu")]
    assert form["role"].value() == "chu_tich"


def test_membership_role_form_refuses_an_unknown_role(org):
    form = MembershipRoleForm(data={"role": "chu_tich", "lead_source": "", "source_note": "Biên bản"})

    assert not form.is_valid()
    assert form.errors["role"] == [bad_choice("chu_tich")]
    assert form["source_note"].value() == "Biên bản"


# --- PersonForm --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_year", "message"),
    [
        ("1800", "Đảm bảo giá trị này lớn hơn hoặc bằng với 1945 ."),
        ("2101", "Đảm bảo giá trị này là nhỏ hơn hoặc bằng với 2100 ."),
        ("năm 85", "Nhập một số tổng thể."),  # Django's own wording
    ],
)
def test_person_form_refuses_a_birth_year_out_of_range(org, birth_year, message):
    form = PersonForm(data=person_data(org, birth_year=birth_year), user=org.noivu)

    assert not form.is_valid()
    assert form.errors["birth_year"] == [message]
    assert form["birth_year"].value() == birth_year
    assert form["full_name"].value() == "Lò Văn Páo"
    html = form.as_div()
    assert 'value="Lò Văn Páo"' in html
    assert 'value="15/08/2019"' in html


def test_person_form_requires_a_name(org):
    form = PersonForm(data=person_data(org, full_name=""), user=org.noivu)

    assert not form.is_valid()
    assert form.errors["full_name"] == [REQUIRED]
    assert form["position"].value() == "Chuyên viên"


def test_a_unit_officer_cannot_add_a_person_to_another_unit(org):
    form = PersonForm(data=person_data(org, unit=str(org.toa.pk)), user=org.donvi)

    assert not form.is_valid()
    assert form.errors["unit"] == [BAD_CHOICE]
    assert form["full_name"].value() == "Lò Văn Páo"
    assert PersonForm(data=person_data(org), user=org.donvi).is_valid()


def test_editing_a_person_ignores_a_posted_unit(org):
    person = org.people["cong-an"][0]
    form = PersonForm(
        data=person_data(org, full_name=person.full_name, unit=str(org.toa.pk)),
        instance=person,
        user=org.noivu,
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == org.ca
    services.person_save(actor=org.noivu, person=form.instance)
    person.refresh_from_db()
    assert person.unit == org.ca


# --- TransferRequestForm -----------------------------------------------------------------


def transfer_form(org, **data) -> TransferRequestForm:
    values = {
        "to_unit": str(org.toa.pk),
        "effective_on": "01/07/2026",
        "new_position": "Thư ký tòa án",
        "reason": "Theo nguyện vọng cá nhân",
    }
    values.update(data)
    return TransferRequestForm(data=values, person=org.people["cong-an"][0])


def test_transfer_form_requires_a_date(org):
    form = transfer_form(org, effective_on="")

    assert not form.is_valid()
    assert form.errors["effective_on"] == [REQUIRED]
    assert form["reason"].value() == "Theo nguyện vọng cá nhân"
    assert "Theo nguyện vọng cá nhân" in form.as_div()


@pytest.mark.parametrize("typed", ["31/02/2026", "2026/07/01", "mùng 1 tháng 7"])
def test_transfer_form_refuses_a_bad_date_and_shows_it_back(org, typed):
    form = transfer_form(org, effective_on=typed)

    assert not form.is_valid()
    assert form.errors["effective_on"] == [BAD_DATE]
    assert form["effective_on"].value() == typed
    assert f'value="{typed}"' in form.as_div()
    assert form["new_position"].value() == "Thư ký tòa án"


def test_transfer_form_does_not_offer_the_persons_own_unit(org):
    form = transfer_form(org, to_unit=str(org.ca.pk))

    assert not form.is_valid()
    assert form.errors["to_unit"] == [BAD_CHOICE]


def test_transfer_form_reads_the_date_day_first(org):
    form = transfer_form(org, effective_on="05/03/2026")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["effective_on"] == datetime.date(2026, 3, 5)


def test_transfer_decision_note_is_limited_in_length(org):
    form = TransferDecisionForm(data={"note": "x" * 300})

    assert not form.is_valid()
    assert form.errors["note"] == ["Giá trị này chỉ có tối đa 255 kí tự (hiện có 300)"]
    assert form["note"].value() == "x" * 300


# --- UnitDissolveForm --------------------------------------------------------------------


def test_dissolve_form_refuses_a_bad_date_and_shows_it_back(org):
    form = UnitDissolveForm(data={"on": "31/02/2026", "successors": [str(org.ca.pk)]}, unit=org.toa)

    assert not form.is_valid()
    assert form.errors["on"] == [BAD_DATE]
    assert form["on"].value() == "31/02/2026"
    assert form["successors"].value() == [str(org.ca.pk)]
    assert 'value="31/02/2026"' in form.as_div()


def test_dissolve_form_requires_the_last_day(org):
    form = UnitDissolveForm(data={"on": ""}, unit=org.toa)

    assert not form.is_valid()
    assert form.errors["on"] == [REQUIRED]


def test_dissolve_form_offers_neither_the_unit_itself_nor_a_dissolved_unit_as_successor(org):
    gone = make_unit("tand-cu", "Tòa án nhân dân thị xã (cũ)", UnitKind.JUDICIAL)
    services.unit_dissolve(actor=org.noivu, unit=gone, on=datetime.date(org.year, 3, 31))

    for successor in (org.toa, gone):
        form = UnitDissolveForm(
            data={"on": f"30/06/{org.year}", "successors": [str(successor.pk)]}, unit=org.toa
        )
        assert not form.is_valid()
        assert form.errors["successors"] == [bad_choice(successor.pk)]
        assert form["on"].value() == f"30/06/{org.year}"


# --- Blank choices -----------------------------------------------------------------------


def test_select_boxes_speak_vietnamese_too(org):
    html = PersonForm(user=org.noivu).as_div() + MembershipAddForm(bloc=org.dang, year=org.year, user=org.noivu).as_div()

    assert "Select an option" not in html


# --- Through the views -------------------------------------------------------------------


def test_creating_a_unit_with_bad_input_shows_the_form_again_with_the_input(org, login):
    client = login(org.noivu)
    data = unit_data(name="", code="so-noi-vu", short_name="Xã Tả Lèng", active_from="31/02/2025")

    response = client.post(reverse("blocs:unit_create"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert REQUIRED in html
    assert "Đơn vị có Mã đơn vị đã tồn tại." in html
    assert BAD_DATE in html
    assert 'value="so-noi-vu"' in html
    assert 'value="Xã Tả Lèng"' in html
    assert 'value="31/02/2025"' in html
    assert Unit.objects.filter(code="so-noi-vu").count() == 1
    assert not Unit.objects.filter(short_name="Xã Tả Lèng").exists()


def test_creating_a_unit_with_good_input_redirects_to_it(org, login):
    response = login(org.noivu).post(reverse("blocs:unit_create"), unit_data())

    unit = Unit.objects.get(code="xa-ta-leng")
    assert response.status_code == 302
    assert response["Location"] == unit.get_absolute_url()


def test_creating_a_person_with_bad_input_shows_the_form_again_with_the_input(org, login):
    client = login(org.noivu)
    data = person_data(org, birth_year="1800")

    response = client.post(reverse("blocs:person_create"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đảm bảo giá trị này lớn hơn hoặc bằng với 1945 ." in html
    assert 'value="Lò Văn Páo"' in html
    assert 'value="1800"' in html
    assert 'value="Chuyên viên"' in html
    assert 'value="15/08/2019"' in html
    assert not Person.objects.filter(full_name="Lò Văn Páo").exists()


def test_creating_a_person_through_the_view_stores_the_name_in_nfc(org, login):
    decomposed = unicodedata.normalize("NFD", "Lò Văn Páo")

    response = login(org.donvi).post(reverse("blocs:person_create"), person_data(org, full_name=decomposed))

    assert response.status_code == 302
    person = Person.objects.get(search_text="lo van pao")
    assert person.full_name == "Lò Văn Páo"
    assert (person.unit, person.recruited_on) == (org.ca, datetime.date(2019, 8, 15))


def test_a_bad_transfer_date_shows_the_form_again_with_the_input(org, login):
    person = org.people["cong-an"][0]

    response = login(org.donvi).post(
        reverse("blocs:transfer_create", args=[person.pk]),
        {"to_unit": str(org.toa.pk), "effective_on": "31/02/2026", "reason": "Theo nguyện vọng"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert BAD_DATE in html
    assert 'value="31/02/2026"' in html
    assert "Theo nguyện vọng" in html
    assert not person.transfer_requests.exists()


def test_a_bloc_dissolved_before_its_founding_shows_the_form_again(org, login):
    response = login(org.noivu).post(reverse("blocs:bloc_create"), bloc_data(active_to="01/01/2024"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày giải thể phải sau ngày thành lập." in html
    assert 'value="01/01/2024"' in html
    assert not Bloc.objects.filter(name="Khối Thi đua các Doanh nghiệp").exists()


def test_a_refused_membership_shows_the_reason_on_the_bloc_page(org, login):
    response = login(org.noivu).post(
        reverse("blocs:membership_add", args=[org.dang.pk, org.year]),
        {
            "unit": str(org.ca.pk),
            "role": MemberRole.DEPUTY,
            "lead_source": LeadSource.APPOINTED,
            "source_note": "Quyết định số 15/QĐ-HĐTĐKT",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f"Năm {org.year} đơn vị đã thuộc Khối Thi đua Nội chính; "
        "mỗi đơn vị chỉ thuộc một khối cấp tỉnh."
    ) in html
    assert 'value="Quyết định số 15/QĐ-HĐTĐKT"' in html
    assert not Membership.objects.filter(bloc_year__bloc=org.dang, unit=org.ca).exists()


def test_a_bad_dissolution_date_shows_the_form_again(org, login):
    response = login(org.noivu).post(
        reverse("blocs:unit_dissolve", args=[org.toa.pk]), {"on": "31/02/2026"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert BAD_DATE in html
    assert 'value="31/02/2026"' in html
    org.toa.refresh_from_db()
    assert org.toa.active_to is None
