"""The proposal and nominee forms: the movement of a thematic proposal, households (known or
typed in), the initiatives a person's nomination rests on, and what each form lets a unit
officer pick."""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import AwardKind, Household, InitiativeLevel, Nominee, Proposal, Rating
from awards.services import proposals
from blocs.models import AuditLog, Bloc, BlocKind, BlocLevel, LeadSource, MemberRole, Role, UnitKind
from blocs.services import bloc_save, membership_add
from movements.models import Movement, MovementKind
from tests.awards.eligibility_factories import award, initiative, rate
from tests.awards.proposal_kit import complete_dossier, draft, engine
from tests.conftest import make_person, make_unit, make_user

ACHIEVEMENT = "Gương mẫu chấp hành chủ trương, chính sách"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def movement(org):
    return Movement.objects.create(name="Thi đua chung sức xây dựng nông thôn mới", kind=MovementKind.THEMATIC,
                                   year=org.year)


def page(response) -> str:
    return response.content.decode()


def nominee_post(title, *, year: int, **fields) -> dict:
    return {"title": title.pk, "period_from": year, "period_to": year,
            "achievement": fields.pop("achievement", ACHIEVEMENT), **fields}


# --- The movement of a proposal ------------------------------------------------------------


def test_the_proposal_form_offers_the_movements_and_saves_the_one_chosen(org, login, movement):
    client = login(org.donvi)
    assert "Thi đua chung sức xây dựng nông thôn mới" in page(client.get(reverse("awards:proposal_create")))
    response = client.post(reverse("awards:proposal_create"), {
        "subject": "Đề nghị khen thưởng phong trào nông thôn mới", "kind": AwardKind.MOVEMENT,
        "movement": movement.pk, "year": org.year,
    })
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert proposal.movement == movement and proposal.kind == AwardKind.MOVEMENT


def test_a_thematic_proposal_without_its_movement_is_refused_and_keeps_what_was_typed(org, login, movement):
    response = login(org.donvi).post(reverse("awards:proposal_create"), {
        "subject": "Đề nghị khen thưởng chuyên đề", "kind": AwardKind.MOVEMENT, "year": org.year,
        "document_number": "12/TTr-CA",
    })
    assert response.status_code == 200
    assert "hãy chọn phong trào thi đua được khen thưởng" in page(response)
    assert "Đề nghị khen thưởng chuyên đề" in page(response) and "12/TTr-CA" in page(response)
    assert not Proposal.objects.exists()


def test_a_merit_proposal_needs_no_movement(org, login):
    login(org.donvi).post(reverse("awards:proposal_create"), {
        "subject": "Đề nghị khen thưởng cuối năm", "kind": AwardKind.MERIT, "year": org.year,
    })
    assert Proposal.objects.get().movement is None


def test_a_movement_not_in_the_list_is_refused(org, login):
    response = login(org.donvi).post(reverse("awards:proposal_create"), {
        "subject": "Đề nghị khen thưởng chuyên đề", "kind": AwardKind.MOVEMENT, "movement": 987654, "year": org.year,
    })
    assert "Chỉ chọn được phong trào trong danh sách" in page(response)
    assert not Proposal.objects.exists()


def test_the_services_refuse_a_thematic_proposal_without_its_movement(org, titles, movement):
    with pytest.raises(ValidationError, match="hãy chọn phong trào thi đua"):
        proposals.proposal_create(actor=org.donvi, unit=org.ca, year=org.year, subject="Chuyên đề",
                                  kind=AwardKind.MOVEMENT)
    p = draft(org, titles, codes=())
    with pytest.raises(ValidationError, match="hãy chọn phong trào thi đua"):
        proposals.proposal_update(actor=org.donvi, proposal=p, subject=p.subject, kind=AwardKind.MOVEMENT)
    p.refresh_from_db()
    assert p.kind == AwardKind.MERIT


def test_a_national_clusters_thematic_proposal_follows_its_own_emulation(org):
    """The cluster's emulation is run by the central council, not one of the province's movements."""
    cluster = bloc_save(actor=None, bloc=Bloc(name="Cụm thi đua miền núi phía Bắc", kind=BlocKind.CLUSTER,
                                              level=BlocLevel.NATIONAL))
    province = make_unit("tinh-lang-son", "Tỉnh Lạng Sơn", UnitKind.PROVINCE)
    membership_add(actor=None, bloc=cluster, year=org.year, unit=province, role=MemberRole.LEAD,
                   lead_source=LeadSource.APPOINTED)
    p = proposals.proposal_create(actor=None, unit=province, bloc=cluster, year=org.year,
                                  subject="Cụm đề nghị khen thưởng", kind=AwardKind.MOVEMENT)
    assert p.movement is None


def test_editing_a_draft_changes_its_movement_and_shows_the_current_one(org, titles, login, movement):
    p = draft(org, titles, codes=())
    client = login(org.donvi)
    client.post(reverse("awards:proposal_update", args=[p.pk]), {
        "subject": p.subject, "kind": AwardKind.MOVEMENT, "movement": movement.pk,
    })
    p.refresh_from_db()
    assert p.movement == movement
    form = page(client.get(reverse("awards:proposal_update", args=[p.pk])))
    assert f'<option value="{movement.pk}" selected>' in form


# --- Households ---------------------------------------------------------------------------


@pytest.fixture
def commune(org):
    """Xã Bản Hon with its officer and a household already recorded; Xã Nậm Tăm, with one
    of its own, is another commune."""
    unit = make_unit("xa-ban-hon", "Xã Bản Hon", UnitKind.COMMUNE)
    unit.officer = make_user("canboxa", Role.UNIT_OFFICER, unit)
    unit.household = Household.objects.create(head_name="Lò Văn Páo", address="Bản Hon 1", commune=unit)
    unit.other = make_unit("xa-nam-tam", "Xã Nậm Tăm", UnitKind.COMMUNE)
    unit.far_household = Household.objects.create(head_name="Tẩn Láo Lử", address="Bản Nậm Tăm",
                                                   commune=unit.other)
    unit.proposal = proposals.proposal_create(actor=unit.officer, unit=unit, year=org.year,
                                              subject="Đề nghị công nhận Gia đình văn hóa")
    return unit


def test_a_commune_officer_proposes_a_household_of_the_commune(org, titles, login, commune):
    client = login(commune.officer)
    url = reverse("awards:nominee_add", args=[commune.proposal.pk])
    form = page(client.get(url))
    assert "Hộ Lò Văn Páo — Bản Hon 1, Xã Bản Hon" in form and "Tẩn Láo Lử" not in form
    assert "Gia đình văn hóa" in form
    response = client.post(url, nominee_post(titles["GDVH"], year=org.year,
                                             household=commune.household.pk))
    assert response.status_code == 302
    assert commune.proposal.nominees.get().household == commune.household


def test_a_household_typed_in_is_recorded_with_its_nominee_in_nfc(org, titles, login, commune):
    head = unicodedata.normalize("NFD", "Lò Thị Pọm")
    response = login(commune.officer).post(
        reverse("awards:nominee_add", args=[commune.proposal.pk]),
        nominee_post(titles["GDVH"], year=org.year, head_name=head, address="Bản Hon 2",
                     commune=commune.pk),
    )
    assert response.status_code == 302
    household = Household.objects.get(head_name="Lò Thị Pọm")
    assert household.commune == commune and household.address == "Bản Hon 2"
    assert commune.proposal.nominees.get().household == household
    assert AuditLog.objects.filter(action="awards.household.created").count() == 1


def test_typing_the_same_household_again_does_not_record_it_twice(org, titles, commune):
    fields = {"head_name": "Lò Văn Páo", "address": "Bản Hon 1", "commune": commune}
    nominee = proposals.nominee_add(actor=commune.officer, proposal=commune.proposal, title=titles["GDVH"],
                                    period_from=org.year, period_to=org.year, achievement=ACHIEVEMENT,
                                    new_household=fields)
    assert nominee.household == commune.household
    assert Household.objects.count() == 2


def test_an_error_elsewhere_in_the_form_records_no_household_and_keeps_what_was_typed(org, titles, login, commune):
    client = login(commune.officer)
    url = reverse("awards:nominee_add", args=[commune.proposal.pk])
    typed = {"head_name": "Lò Thị Pọm", "address": "Bản Hon 2", "commune": commune.pk}
    response = client.post(url, nominee_post(titles["GDVH"], year=org.year, achievement="", **typed))
    assert response.status_code == 200
    assert "Lò Thị Pọm" in page(response) and "Bản Hon 2" in page(response)
    # The service refuses: an individual's title for a household; the household goes with it.
    response = client.post(url, nominee_post(titles["LDTT"], year=org.year, **typed))
    assert response.status_code == 200
    assert "không tặng cho hộ gia đình" in page(response) and "Lò Thị Pọm" in page(response)
    assert not Household.objects.filter(head_name="Lò Thị Pọm").exists()
    assert not commune.proposal.nominees.exists()


def test_a_new_household_needs_its_head_address_and_commune(org, titles, login, commune):
    response = login(commune.officer).post(
        reverse("awards:nominee_add", args=[commune.proposal.pk]),
        nominee_post(titles["GDVH"], year=org.year, head_name="Lò Thị Pọm"),
    )
    assert "Hãy nhập địa chỉ của hộ." in page(response) and "Hãy chọn xã, phường của hộ." in page(response)
    assert Household.objects.count() == 2


def test_a_nominee_is_exactly_one_person_unit_or_household(org, titles, login, commune):
    response = login(commune.officer).post(
        reverse("awards:nominee_add", args=[commune.proposal.pk]),
        nominee_post(titles["GDVH"], year=org.year, household=commune.household.pk,
                     head_name="Lò Thị Pọm", address="Bản Hon 2", commune=commune.pk),
    )
    assert "Chọn đúng một: cá nhân, tập thể, hộ gia đình đã có hoặc hộ mới." in page(response)
    assert not Household.objects.filter(head_name="Lò Thị Pọm").exists()


def test_a_unit_officer_cannot_pick_a_household_or_commune_outside_their_scope(org, titles, login, commune):
    client = login(commune.officer)
    url = reverse("awards:nominee_add", args=[commune.proposal.pk])
    response = client.post(url, nominee_post(titles["GDVH"], year=org.year,
                                             household=commune.far_household.pk))
    assert "Chỉ chọn được hộ của xã, phường mà đơn vị được đề nghị." in page(response)
    response = client.post(url, nominee_post(titles["GDVH"], year=org.year, head_name="Lò Thị Pọm",
                                             address="Bản Nậm Tăm", commune=commune.other.pk))
    assert "Chỉ chọn được xã, phường mà đơn vị được đề nghị." in page(response)
    # Công an tỉnh is not a commune: no household is in its reach.
    p = draft(org, titles, codes=())
    form = page(login(org.donvi).get(reverse("awards:nominee_add", args=[p.pk])))
    assert "Lò Văn Páo" not in form and "Xã Bản Hon" not in form
    assert not Household.objects.filter(head_name="Lò Thị Pọm").exists()
    assert not Nominee.objects.exists()


def test_the_services_refuse_a_household_of_another_commune(org, titles, commune):
    common = {"title": titles["GDVH"], "period_from": org.year, "period_to": org.year, "achievement": ACHIEVEMENT}
    with pytest.raises(ValidationError, match="không thuộc xã, phường"):
        proposals.nominee_add(actor=commune.officer, proposal=commune.proposal, household=commune.far_household,
                              **common)
    with pytest.raises(ValidationError, match="Xã Nậm Tăm không phải xã, phường"):
        proposals.nominee_add(actor=commune.officer, proposal=commune.proposal, **common,
                              new_household={"head_name": "Lò Thị Pọm", "address": "Bản", "commune": commune.other})
    assert Household.objects.count() == 2


def test_a_district_proposes_households_of_its_communes(org, titles):
    district = make_unit("huyen-sin-ho", "Huyện Sìn Hồ", UnitKind.DISTRICT)
    village = make_unit("xa-pa-tan", "Xã Pa Tần", UnitKind.COMMUNE, parent=district)
    household = Household.objects.create(head_name="Giàng A Chư", address="Bản Pa Tần", commune=village)
    p = proposals.proposal_create(actor=None, unit=district, year=org.year, subject="Gia đình văn hóa")
    nominee = proposals.nominee_add(actor=None, proposal=p, title=titles["GDVH"], household=household,
                                    period_from=org.year, period_to=org.year, achievement=ACHIEVEMENT)
    assert nominee.household == household


# --- Initiatives ----------------------------------------------------------------------------


@pytest.fixture
def person(org):
    return org.people["cong-an"][0]


def test_the_form_offers_the_free_initiatives_of_the_person_chosen_with_level_and_date(org, titles, login, person):
    initiative(person, InitiativeLevel.BASE, org.year, title="Số hóa hồ sơ hộ khẩu")
    used = award(person, "GIAY_KHEN", org.year - 1, number="45/QĐ-CA")
    initiative(person, InitiativeLevel.BASE, org.year - 1, title="Sáng kiến đã khen", used_by=used)
    initiative(org.people["cong-an"][1], InitiativeLevel.PROVINCE, org.year, title="Sáng kiến của đồng nghiệp")
    initiative(org.people["tand"][0], InitiativeLevel.BASE, org.year, title="Sáng kiến của Tòa án")
    p = draft(org, titles, codes=())
    client = login(org.donvi)
    url = reverse("awards:nominee_add", args=[p.pk])
    everyone = page(client.get(url))
    assert "Số hóa hồ sơ hộ khẩu" in everyone and "Sáng kiến của đồng nghiệp" in everyone
    assert "Sáng kiến đã khen" not in everyone and "Sáng kiến của Tòa án" not in everyone
    # Choosing the person (htmx asks the same page again) narrows the list to theirs.
    own = page(client.get(url, {"person": person.pk}, headers={"HX-Request": "true"}))
    assert f"«Số hóa hồ sơ hộ khẩu» — Cấp cơ sở, công nhận 15/10/{org.year}" in own
    assert "Sáng kiến của đồng nghiệp" not in own and "Sáng kiến đã khen" not in own
    assert 'id="div_id_initiatives"' in own and f'hx-get="{url}"' in own


def test_an_initiative_cited_by_a_proposal_already_sent_is_not_offered(org, titles, login, person, monkeypatch):
    engine(monkeypatch, {})
    cited = initiative(person, InitiativeLevel.BASE, org.year, title="Sáng kiến đã nộp")
    sent = draft(org, titles, codes=("CSTDCS",))
    sent.nominees.get().initiatives.add(cited)
    complete_dossier(sent, org.donvi)
    proposals.proposal_submit(actor=org.donvi, proposal=sent)
    p = draft(org, titles, codes=())
    form = page(login(org.donvi).get(reverse("awards:nominee_add", args=[p.pk]), {"person": person.pk}))
    assert "Sáng kiến đã nộp" not in form


def test_a_used_initiative_or_someone_elses_is_refused_on_saving(org, titles, login, person):
    used = initiative(person, InitiativeLevel.BASE, org.year, title="Sáng kiến đã khen",
                      used_by=award(person, "GIAY_KHEN", org.year - 1, number="45/QĐ-CA"))
    theirs = initiative(org.people["cong-an"][1], InitiativeLevel.BASE, org.year, title="Sáng kiến của đồng nghiệp")
    p = draft(org, titles, codes=())
    client = login(org.donvi)
    for chosen in (used, theirs):
        response = client.post(reverse("awards:nominee_add", args=[p.pk]), nominee_post(
            titles["CSTDCS"], year=org.year, person=person.pk, initiatives=[chosen.pk]))
        assert response.status_code == 200
        assert "Sáng kiến này không dùng được làm căn cứ" in page(response)
    assert not p.nominees.exists()
    common = {"proposal": p, "title": titles["CSTDCS"], "person": person, "period_from": org.year,
              "period_to": org.year, "achievement": ACHIEVEMENT}
    with pytest.raises(ValidationError, match="«Sáng kiến đã khen»"):
        proposals.nominee_add(actor=org.donvi, initiatives=[used], **common)
    with pytest.raises(ValidationError, match="«Sáng kiến của đồng nghiệp»"):
        proposals.nominee_add(actor=org.donvi, initiatives=[theirs], **common)
    assert not p.nominees.exists()


def test_only_a_person_cites_initiatives(org, titles, login, person):
    mine = initiative(person, InitiativeLevel.BASE, org.year, title="Số hóa hồ sơ hộ khẩu")
    p = draft(org, titles, codes=())
    response = login(org.donvi).post(reverse("awards:nominee_add", args=[p.pk]), nominee_post(
        titles["TTLDXS"], year=org.year, unit=org.ca.pk, initiatives=[mine.pk]))
    assert "Chỉ cá nhân mới có sáng kiến, đề tài làm căn cứ." in page(response)
    assert not p.nominees.exists()


def test_the_initiative_chosen_is_linked_and_the_engine_rests_cstdcs_on_it(org, titles, login, person):
    rate(person, org.year, Rating.GOOD)  # not excellent: CSTĐCS needs an initiative (R3)
    initiative(person, InitiativeLevel.BASE, org.year, title="Số hóa hồ sơ hộ khẩu")
    chosen = initiative(person, InitiativeLevel.BASE, org.year, title="Cải tiến quy trình tiếp dân")
    p = draft(org, titles, codes=())
    client = login(org.donvi)
    response = client.post(reverse("awards:nominee_add", args=[p.pk]), nominee_post(
        titles["CSTDCS"], year=org.year, person=person.pk, initiatives=[chosen.pk]))
    assert response.status_code == 302
    nominee = p.nominees.get()
    assert list(nominee.initiatives.all()) == [chosen]
    (checked,) = proposals.proposal_check(actor=org.donvi, proposal=p)
    r3 = [c for c in checked.checks if c["code"] == "R3"]
    assert [c["status"] for c in r3] == ["pass"]
    assert "«Cải tiến quy trình tiếp dân»" in r3[0]["message"]
    assert "Số hóa hồ sơ hộ khẩu" not in r3[0]["message"]
    # Editing the nominee shows the initiative ticked, and saving keeps it.
    form = page(client.get(reverse("awards:nominee_update", args=[nominee.pk])))
    assert re.search(rf'name="initiatives" value="{chosen.pk}"[^>]*checked', form)
    client.post(reverse("awards:nominee_update", args=[nominee.pk]), nominee_post(
        titles["CSTDCS"], year=org.year, person=person.pk, initiatives=[chosen.pk],
        achievement="Cải tiến quy trình tiếp công dân"))
    assert list(p.nominees.get().initiatives.all()) == [chosen]


# --- Scope and cost -----------------------------------------------------------------------


def test_a_unit_officer_cannot_pick_a_person_of_another_unit(org, titles, login):
    p = draft(org, titles, codes=())
    response = login(org.donvi).post(reverse("awards:nominee_add", args=[p.pk]), nominee_post(
        titles["LDTT"], year=org.year, person=org.people["tand"][0].pk))
    assert response.status_code == 200
    assert "Chỉ chọn được cá nhân thuộc phạm vi của đề nghị." in page(response)
    assert not p.nominees.exists()


def _form_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_nominee_form_costs_the_same_queries_for_many_households_and_initiatives(org, titles, login, commune):
    person = make_person(commune, "Lò Văn Sáng")
    initiative(person, InitiativeLevel.BASE, org.year, title="Sáng kiến 0")
    client = login(commune.officer)
    url = reverse("awards:nominee_add", args=[commune.proposal.pk])
    before = _form_queries(client, url)
    for i in range(1, 8):
        Household.objects.create(head_name=f"Hộ số {i}", address=f"Bản {i}", commune=commune)
        other = make_person(commune, f"Tác giả {i}")
        initiative(other, InitiativeLevel.BASE, org.year, title=f"Sáng kiến {i}").authors.add(person)
    after_page = page(client.get(url))
    assert "Hộ số 7" in after_page and "Sáng kiến 7" in after_page
    assert _form_queries(client, url) == before


def test_a_bloc_lead_proposes_for_a_bloc_it_leads(org, login):
    response = login(org.truongkhoi).get(reverse("awards:proposal_create"))
    assert f'<option value="{org.noi_chinh.pk}">' in page(response)
    assert f'<option value="{org.dang.pk}">' not in page(response)


def test_a_movement_without_a_year_is_listed_by_its_name(org, login):
    Movement.objects.create(name="Cả nước thi đua đổi mới sáng tạo", kind=MovementKind.NATIONAL,
                            starts_on=datetime.date(2020, 1, 1))
    form = page(login(org.donvi).get(reverse("awards:proposal_create")))
    assert "Cả nước thi đua đổi mới sáng tạo<" in form
