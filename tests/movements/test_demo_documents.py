"""The demo gains directives 477/CT-UBND and 09/CT-UBND, the movements they launch, the
Prime Minister's national movements and Khối Nội chính's 2024 plan; a second run adds nothing."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from blocs.models import AuditLog, Membership, User
from movements.demo_documents import NATIONAL, THEME_2025
from movements.models import (
    Document,
    DocumentItem,
    ImplementationPlan,
    Movement,
    MovementKind,
    MovementStatus,
    PlanSolution,
    PlanTask,
    TaskStatus,
)

pytestmark = pytest.mark.django_db
MODELS = [Document, DocumentItem, Movement, Movement.blocs.through, ImplementationPlan, PlanSolution, PlanTask, AuditLog]


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def test_a_second_run_creates_nothing_more(demo):
    before = counts()

    output = load()

    assert counts() == before
    assert "không có gì" in output
    for created in ("2 văn bản chỉ đạo", "7 phong trào thi đua", "1 kế hoạch thực hiện chỉ thị", "7 nhiệm vụ của kế hoạch"):
        assert created in demo


def test_directive_09_has_its_seven_items_and_reports_to_ubnd_through_so_noi_vu(demo):
    document = Document.objects.get(number=9, symbol="CT-UBND")

    assert (document.issuer.code, document.issued_on, document.signer_title) == (
        "ubnd-tinh", datetime.date(2024, 12, 31), "Chủ tịch UBND tỉnh"
    )
    assert (document.year_from, document.year_to) == (2025, 2025)
    assert document.items.count() == 7
    assert document.items.first().text.startswith("Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng")
    assert "báo cáo UBND tỉnh (qua Sở Nội vụ)" in document.summary
    assert Document.objects.get(number=477).issued_on == datetime.date(2024, 2, 6)


def test_each_directive_launches_its_year_s_movement_for_the_provincial_blocs(demo):
    m2024 = Movement.objects.get(directive__number=477)
    m2025 = Movement.objects.get(directive__number=9)

    assert (m2024.kind, m2024.year, m2024.status) == (MovementKind.REGULAR, 2024, MovementStatus.CLOSED)
    assert "bảo đảm quốc phòng, an ninh năm 2024" in m2024.name
    assert (m2025.year, m2025.status, m2025.theme) == (2025, MovementStatus.OPEN, THEME_2025)
    assert set(m2024.blocs.values_list("name", flat=True)) == {
        "Khối Thi đua Nội chính", "Khối Đảng tỉnh", "Khối các huyện, thành phố"
    }
    assert AuditLog.objects.filter(action="movements.movement.closed", object_id=str(m2024.pk)).count() == 1


def test_the_five_national_movements_of_the_prime_minister_are_there(demo):
    national = Movement.objects.filter(kind=MovementKind.NATIONAL)

    assert sorted(national.values_list("name", flat=True)) == sorted(NATIONAL) and len(NATIONAL) == 5
    assert not national.filter(directive__isnull=False).exists()


def test_khoi_noi_chinh_s_2024_plan_has_five_solutions_and_quarterly_tasks_for_its_members(demo):
    plan = ImplementationPlan.objects.get(bloc__name="Khối Thi đua Nội chính", directive__number=477)
    members = set(
        Membership.objects.filter(bloc_year__bloc=plan.bloc, bloc_year__year=2024).values_list("unit_id", flat=True)
    )
    tasks = list(plan.tasks.all())

    assert plan.year == 2024 and plan.solutions.count() == 5
    assert len(tasks) == 7 and {t.quarter for t in tasks} == {1, 2, 3, 4}
    assert all(t.responsible_id is None or t.responsible_id in members for t in tasks)
    assert any("giải cầu lông" in t.text for t in tasks)
    assert any("6 tháng đầu năm 2024" in t.text for t in tasks)
    assert sum(t.status == TaskStatus.DONE for t in tasks) == 5
    assert all(t.done_at.date() == t.due_on for t in tasks if t.status == TaskStatus.DONE)


def test_the_demo_bloc_lead_sees_the_2024_progress_on_its_dashboard(demo, client):
    client.force_login(User.objects.get(username="truongkhoi"))

    page = client.get(reverse("dashboard"), {"nam": 2024}).content.decode()

    assert "Kế hoạch thực hiện Chỉ thị số 477/CT-UBND" in page and "5/7 nhiệm vụ xong" in page


@pytest.mark.parametrize("model", ["document", "movement", "implementationplan"])
def test_interior_staff_browse_the_demo_s_directives_movements_and_plans_in_the_admin(demo, client, model):
    client.force_login(User.objects.get(username="noivu"))
    row = {"document": Document, "movement": Movement, "implementationplan": ImplementationPlan}[model].objects.first()

    listing = client.get(f"/quan-tri/movements/{model}/")
    change = client.get(f"/quan-tri/movements/{model}/{row.pk}/change/")

    assert listing.status_code == change.status_code == 200
    assert str(row)[:40] in listing.content.decode()
