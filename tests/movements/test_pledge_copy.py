"""Copying last year's criteria table into this year's pledge, and the tie rule that goes
with it. (The rest of the pledge's life is in test_pledges.)"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from blocs import services as blocs_services
from blocs.models import MemberRole
from movements.models import Criterion, CriterionKind, Pledge, PledgeSignatory, TieRule
from movements.services import pledges as svc
from tests.movements.test_pledges import (  # noqa: F401  (media and today are fixtures)
    add_criterion,
    add_group,
    audit,
    html,
    make_pledge,
    media,
    today,
)

pytestmark = pytest.mark.django_db


# --- Copying last year's table -----------------------------------------------------------


@pytest.fixture
def last_year(org, today):  # noqa: F811  (the fixture imported above)
    """Last year's pledge of Khối Nội chính (Công an led), signed, with a signatory."""
    year = org.year - 1
    blocs_services.membership_add(actor=None, bloc=org.noi_chinh, year=year, unit=org.ca, role=MemberRole.LEAD)
    old = svc.pledge_create(actor=None, bloc=org.noi_chinh, year=year, text="Giao ước năm trước")
    group = add_group(org, old)
    add_criterion(org, group, "Hoàn thành chỉ tiêu", "70")
    add_criterion(org, group, "Có sáng kiến", "2", CriterionKind.BONUS)
    add_criterion(org, add_group(org, old, "Xây dựng Đảng, đoàn thể"), "Tổ chức đảng vững mạnh", "30")
    svc.signatory_save(actor=None, signatory=PledgeSignatory(pledge=old, unit=org.ca, representative="Bùi Văn Cũ"))
    svc.pledge_sign(actor=None, pledge=old, signed_on=datetime.date(year, 3, 1), meeting="Hội nghị năm trước")
    return old


def table_of(pledge) -> list[tuple]:
    return list(
        Criterion.objects.filter(group__pledge=pledge)
        .order_by("group__position", "position")
        .values_list("group__position", "group__name", "position", "text", "max_points", "kind")
    )


def test_copying_last_year_brings_its_groups_and_criteria_but_not_its_signatories(org, login, last_year):
    response = login(org.truongkhoi).post(reverse("movements:pledge_copy", args=[org.noi_chinh.pk, org.year]))

    pledge = Pledge.objects.get(bloc=org.noi_chinh, year=org.year)
    assert response["Location"] == pledge.get_absolute_url()
    assert table_of(pledge) == table_of(last_year)
    assert (pledge.text, pledge.is_signed, pledge.signatories.count()) == ("", False, 0)
    [row] = audit("movements.pledge.copied")
    assert row.data == {"from": last_year.pk, "from_year": org.year - 1, "criteria": 3, "text": False}


def test_copying_can_bring_the_text_too(org, last_year):
    pledge = svc.pledge_copy_previous(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year, copy_text=True)
    assert pledge.text == "Giao ước năm trước"


def test_copying_fills_an_empty_pledge_but_never_one_with_criteria(org, last_year):
    empty = make_pledge(org, text="Đã soạn")
    svc.pledge_copy_previous(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year)
    assert table_of(empty) == table_of(last_year)
    with pytest.raises(ValidationError) as error:
        svc.pledge_copy_previous(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year)
    assert error.value.messages == [
        f"Giao ước năm {org.year} đã có tiêu chí: chỉ sao chép vào giao ước chưa có tiêu chí."
    ]
    assert len(table_of(empty)) == 3


def test_copying_takes_the_latest_earlier_pledge_when_last_year_has_none(org, last_year):
    svc.pledge_copy_previous(actor=org.noivu, bloc=org.noi_chinh, year=org.year + 1)
    assert table_of(Pledge.objects.get(year=org.year + 1)) == table_of(last_year)


def test_copying_with_nothing_to_copy_says_so_and_creates_nothing(org, login):
    response = login(org.truongkhoi).post(
        reverse("movements:pledge_copy", args=[org.noi_chinh.pk, org.year]), follow=True
    )
    assert "Khối chưa có giao ước năm trước có tiêu chí để sao chép." in html(response)
    assert not Pledge.objects.exists()


def test_the_new_pledge_page_and_an_empty_pledge_offer_last_year_s_table(org, login, last_year):
    client = login(org.truongkhoi)
    create = html(client.get(reverse("movements:pledge_create", args=[org.noi_chinh.pk, org.year])))
    assert f"Sao chép từ năm {org.year - 1}" in create
    pledge = make_pledge(org)
    assert f"Sao chép từ năm {org.year - 1}" in html(client.get(pledge.get_absolute_url()))


def test_the_tie_rule_is_chosen_on_the_form_and_copied_with_the_table(org, login, last_year):
    Pledge.objects.filter(pk=last_year.pk).update(tie_rule=TieRule.FEWER_PENALTIES)
    pledge = svc.pledge_copy_previous(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year)
    assert pledge.tie_rule == TieRule.FEWER_PENALTIES
    client = login(org.truongkhoi)
    client.post(reverse("movements:pledge_update", args=[pledge.pk]),
                {"text": "Giao ước", "tie_rule": TieRule.SCORED_FIRST})
    pledge.refresh_from_db()
    assert pledge.tie_rule == TieRule.SCORED_FIRST
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert "Khi bằng tổng điểm: Ưu tiên đơn vị có điểm chấm" in page
