"""The demo's 2024 pledges, Khối Nội chính's work plan and budget: loaded once, not twice,
and consistent with the rules the app enforces."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from blocs import demo_data
from blocs.demo import DemoResult
from blocs.models import Membership, User
from movements import selectors_pledges as sel
from movements.demo_pledges import load_pledges
from movements.models import Activity, ActivityStatus, Budget, Criterion, Pledge, PledgeSignatory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_demo", "--force", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def pledge_of(bloc_name: str) -> Pledge:
    return Pledge.objects.select_related("bloc").get(bloc__name=bloc_name, year=2024)


@pytest.mark.parametrize("bloc_name", [demo_data.NOI_CHINH, demo_data.DANG, demo_data.CUM_BIEN_GIOI])
def test_each_2024_pledge_is_signed_on_a_100_point_table_by_every_member(demo, bloc_name):
    pledge = pledge_of(bloc_name)
    table = sel.criteria_table(pledge)
    assert pledge.is_signed and pledge.signing_meeting
    assert table.scored_total == Decimal("100")
    assert table.totals["cong"] > 0 and table.totals["tru"] > 0
    assert [g.name for g in table.groups][-1] == "Điểm thưởng, điểm trừ"
    members = set(
        Membership.objects.filter(bloc_year__bloc=pledge.bloc, bloc_year__year=2024).values_list("unit_id", flat=True)
    )
    signed = set(PledgeSignatory.objects.filter(pledge=pledge).values_list("unit_id", flat=True))
    assert signed == members and all(s.representative for s in pledge.signatories.all())


def test_the_cluster_signed_at_the_conference_of_5_march_2024_in_lang_son(demo):
    pledge = pledge_of(demo_data.CUM_BIEN_GIOI)
    assert pledge.signed_on == datetime.date(2024, 3, 5)
    assert "tại tỉnh Lạng Sơn" in pledge.signing_meeting
    assert "5 phong trào thi đua do Thủ tướng Chính phủ phát động" in pledge.text
    assert pledge.signatories.count() == 7
    assert not pledge.signatories.filter(representative__in=["Hồ Tiến Thiệu", "Trịnh Xuân Trường"]).exists()


def test_khoi_noi_chinh_s_plan_has_the_seed_s_activities_by_quarter(demo):
    rows = list(
        Activity.objects.filter(bloc__name=demo_data.NOI_CHINH, year=2024)
        .order_by("quarter", "planned_on")
        .values_list("quarter", "title", "status")
    )
    titles = " | ".join(title for _q, title, _s in rows)
    assert "Giải cầu lông Khối Thi đua Nội chính năm 2024" in titles
    assert "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024" in titles
    assert "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024" in titles
    assert {q for q, _t, _s in rows} == {1, 2, 3, 4}
    assert {s for _q, _t, s in rows} == {ActivityStatus.DONE, ActivityStatus.CANCELLED}


def test_khoi_noi_chinh_s_budget_is_approved_and_covered_by_its_members(demo):
    budget = Budget.objects.get(bloc__name=demo_data.NOI_CHINH, year=2024)
    sheet = sel.budget_sheet(budget)
    assert budget.approved_on == datetime.date(2024, 2, 27)
    assert sheet.total_lines == sheet.total_contributions == 44_000_000
    assert len(sheet.contributions) == 8


def test_a_second_run_creates_none_of_it_again(demo):
    counts = (Pledge.objects.count(), Criterion.objects.count(), Activity.objects.count(), Budget.objects.count())
    result = DemoResult(year=2026)
    load_pledges(result)
    assert not +result.created
    assert (Pledge.objects.count(), Criterion.objects.count(), Activity.objects.count(), Budget.objects.count()) == counts
    assert "3 giao ước thi đua" in demo and "1 dự trù kinh phí" in demo


def test_the_lead_persona_finds_the_2024_pages(demo, client):
    client.force_login(User.objects.get(username="truongkhoi"))
    pledge = pledge_of(demo_data.NOI_CHINH)
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert "Tổng điểm chấm: <strong>100</strong>/100" in page and "Đinh Văn Cường" in page
    listing = client.get(f"{reverse('movements:pledge_list')}?nam=2024").content.decode()
    assert "Đã ký 27/02/2024" in listing
