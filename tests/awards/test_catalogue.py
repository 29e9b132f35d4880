"""The catalogue of titles and forms, seeded from the 2022 Law, and what a movement plans
to award (a panel on the movement's page)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from awards import services
from awards.models import Beneficiary, MovementAward, Title
from awards.panels import planned_awards
from blocs.models import AuditLog
from movements.models import Movement, MovementKind

CODES = {
    "LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_TINH", "CO_CP", "XA_TIEU_BIEU",
    "THON_VH", "GDVH", "GIAY_KHEN", "BK_TINH", "BK_TTG", "HCLD3", "HCLD2", "HCLD1",
}


def test_the_catalogue_holds_the_titles_and_forms_of_the_2022_law(db):
    assert set(Title.objects.values_list("code", flat=True)) == CODES
    rows = {
        t.code: (t.beneficiary, t.level, t.coefficient, t.individual_coefficient, t.legal_basis)
        for t in Title.objects.all()
    }
    assert rows["LDTT"] == (Beneficiary.INDIVIDUAL, "co_so", Decimal("0.30"), None,
                            "Luật Thi đua, khen thưởng 2022, Điều 24")
    assert rows["CO_TINH"] == (Beneficiary.COLLECTIVE, "tinh", Decimal("8.00"), None,
                               "Luật Thi đua, khen thưởng 2022, Điều 26")
    assert rows["BK_TINH"] == (Beneficiary.BOTH, "tinh", Decimal("3.00"), Decimal("1.50"),
                               "Luật Thi đua, khen thưởng 2022, Điều 74")
    assert rows["GDVH"][0] == Beneficiary.HOUSEHOLD
    assert Title.objects.get(code="CSTD_TQ").authority == "Thủ tướng Chính phủ (tỉnh đề nghị)"


def test_everyone_reads_the_catalogue_and_interior_staff_get_a_link_to_edit_it(org, login):
    html = login(org.hoidong).get(reverse("awards:catalogue")).content.decode()
    assert "Chiến sĩ thi đua cơ sở" in html and "Huân chương Lao động hạng Nhất" in html
    assert "Luật Thi đua, khen thưởng 2022, Điều 23" in html
    assert reverse("admin:awards_title_changelist") not in html
    assert reverse("admin:awards_title_changelist") in login(org.noivu).get(reverse("awards:catalogue")).content.decode()


@pytest.fixture
def movement(db) -> Movement:
    return Movement.objects.create(name="Phong trào thi đua năm nay", kind=MovementKind.REGULAR, year=2026)


def test_interior_staff_plan_an_award_for_a_movement(org, login, movement, titles):
    response = login(org.noivu).post(
        reverse("awards:planned_award_create", args=[movement.pk]),
        {"title": titles["BK_TINH"].pk, "quantity": "10", "budget": "70200000", "criteria": "Tiêu biểu"},
    )
    assert response.status_code == 302
    assert response["Location"] == movement.get_absolute_url()
    award = MovementAward.objects.get(movement=movement)
    assert (award.title.code, award.quantity, award.budget, award.criteria) == ("BK_TINH", 10, 70200000, "Tiêu biểu")
    audit = AuditLog.objects.get(action="awards.movement_award.created")
    assert (audit.actor, audit.object_id) == (org.noivu, str(award.pk))


def test_a_title_is_planned_once_per_movement(org, login, movement, titles):
    services.movement_award_save(actor=org.noivu, award=MovementAward(movement=movement, title=titles["LDTT"]))
    response = login(org.noivu).post(
        reverse("awards:planned_award_create", args=[movement.pk]), {"title": titles["LDTT"].pk}
    )
    assert response.status_code == 200
    assert "Phong trào đã có danh hiệu/hình thức này." in response.content.decode()
    assert MovementAward.objects.count() == 1


def test_a_retired_title_is_not_planned_anew(org, movement, titles):
    Title.objects.filter(code="CO_CP").update(is_active=False)
    with pytest.raises(ValidationError) as error:
        services.movement_award_save(
            actor=org.noivu, award=MovementAward(movement=movement, title=Title.objects.get(code="CO_CP"))
        )
    assert error.value.messages == ["“Cờ thi đua của Chính phủ” không còn áp dụng."]


def test_a_planned_award_is_changed_and_removed(org, login, movement, titles):
    award = services.movement_award_save(
        actor=org.noivu, award=MovementAward(movement=movement, title=titles["GIAY_KHEN"], quantity=3)
    )
    client = login(org.noivu)
    client.post(reverse("awards:planned_award_update", args=[award.pk]),
                {"title": titles["GIAY_KHEN"].pk, "quantity": "5"})
    award.refresh_from_db()
    assert award.quantity == 5
    response = client.post(reverse("awards:planned_award_delete", args=[award.pk]))
    assert response["Location"] == movement.get_absolute_url()
    assert not MovementAward.objects.exists()
    assert list(AuditLog.objects.filter(action__startswith="awards.movement_award").values_list("action", flat=True)
                .order_by("pk")) == ["awards.movement_award.created", "awards.movement_award.updated",
                                     "awards.movement_award.deleted"]


def _panel(user, movement) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return planned_awards(request, movement=movement)


def test_the_movement_panel_is_a_card_with_edit_links_for_interior_staff_only(org, movement, titles):
    services.movement_award_save(
        actor=org.noivu,
        award=MovementAward(movement=movement, title=titles["BK_TINH"], quantity=10, budget=70200000),
    )
    staff = _panel(org.noivu, movement)
    assert staff.startswith('<div class="card shadow-sm mb-4" data-testid="planned-awards">')
    assert "Bằng khen của Chủ tịch UBND tỉnh" in staff and "70.200.000 đ" in staff
    assert reverse("awards:planned_award_create", args=[movement.pk]) in staff
    officer = _panel(org.donvi, movement)
    assert "Bằng khen của Chủ tịch UBND tỉnh" in officer
    assert reverse("awards:planned_award_create", args=[movement.pk]) not in officer
    assert "/sua/" not in officer


def test_the_movement_page_shows_the_panel(org, login, movement, titles):
    services.movement_award_save(
        actor=org.noivu, award=MovementAward(movement=movement, title=titles["CO_TINH"], quantity=1)
    )
    html = login(org.donvi).get(movement.get_absolute_url()).content.decode()
    assert 'data-testid="planned-awards"' in html and "Cờ thi đua của Ủy ban nhân dân tỉnh" in html
