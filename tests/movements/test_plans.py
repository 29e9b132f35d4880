"""A bloc's plan implementing a directive: the lead writes it with its solutions and gives
tasks by quarter to member units; members report their tasks done; the lead sees progress
and may send a report back. The dashboard shows each role what needs it now."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from blocs.models import AuditLog, Role
from movements import access
from movements.models import Document, DocumentKind, ImplementationPlan, PlanTask, TaskStatus
from movements.selectors_documents import plan_task_rows
from movements.services import documents as services
from tests.conftest import PERSONAS, make_user
from tests.movements.permission_table_documents import extend_world

SOLUTIONS = [
    "Quán triệt, tuyên truyền Luật Thi đua, khen thưởng",
    "Đổi mới phương thức lãnh đạo",
    "Đổi mới nội dung, hình thức phong trào",
    "Nhân rộng điển hình tiên tiến",
    "Tăng cường kiểm tra, sơ kết, tổng kết",
]


@pytest.fixture
def w(org, settings, tmp_path):
    """``org`` plus directive 09/CT-UBND for this year, a movement, and both blocs' plans:
    Khối Nội chính's has a task for Công an, one for Tòa án and one done (see the table)."""
    settings.MEDIA_ROOT = tmp_path
    extend_world(org)
    return org


@pytest.fixture
def ct10(w) -> Document:
    document = Document(
        kind=DocumentKind.DIRECTIVE, number=10, symbol="CT-UBND", issuer=w.doc.issuer,
        issued_on=datetime.date(w.year, 1, 10), title="Chỉ thị khác", year_from=w.year, year_to=w.year,
    )
    return services.document_save(actor=None, document=document)


@pytest.fixture
def empty_plan(w, ct10) -> ImplementationPlan:
    plan = ImplementationPlan(bloc=w.noi_chinh, year=w.year, directive=ct10, title="Kế hoạch thứ hai")
    return services.plan_save(actor=w.truongkhoi, plan=plan)


def today() -> datetime.date:
    return timezone.localdate()


def set_due(task: PlanTask, days: int) -> None:
    """Arrange a due date relative to today, so that lateness does not depend on the calendar."""
    PlanTask.objects.filter(pk=task.pk).update(quarter=None, due_on=today() + datetime.timedelta(days=days))


# --- Writing the plan --------------------------------------------------------------------


def test_the_bloc_lead_writes_the_plan_of_a_directive_with_its_five_solutions(w, ct10, login):
    url = f"{reverse('movements:plan_create')}?nam={w.year}"
    response = login(w.truongkhoi).post(
        url,
        {"bloc": w.noi_chinh.pk, "directive": ct10.pk, "title": "", "adopted_on": f"18/01/{w.year}",
         "solutions": "\n".join(f"{i}. {s}" for i, s in enumerate(SOLUTIONS, 1))},
    )

    plan = ImplementationPlan.objects.get(directive=ct10)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert (plan.bloc, plan.year, plan.title) == (w.noi_chinh, w.year, "Kế hoạch thực hiện Chỉ thị số 10/CT-UBND")
    assert list(plan.solutions.values_list("text", flat=True)) == SOLUTIONS
    assert (plan.created_by, plan.adopted_on) == (w.truongkhoi, datetime.date(w.year, 1, 18))
    audit = AuditLog.objects.get(action="movements.plan.created", object_id=str(plan.pk))
    assert (audit.actor, audit.data["solutions"]) == (w.truongkhoi, 5)


def test_the_lead_cannot_write_a_plan_for_a_bloc_it_does_not_lead(w, ct10, login):
    response = login(w.truongkhoi).post(
        f"{reverse('movements:plan_create')}?nam={w.year}", {"bloc": w.dang.pk, "directive": ct10.pk}
    )

    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ." in response.content.decode()
    assert not ImplementationPlan.objects.filter(directive=ct10).exists()


@pytest.mark.parametrize("persona", ["donvi", "hoidong"])
def test_members_and_the_council_do_not_write_plans(w, ct10, login, persona):
    client = login(getattr(w, persona))

    assert client.get(reverse("movements:plan_create")).status_code == 403
    assert client.post(reverse("movements:plan_create"), {"bloc": w.noi_chinh.pk, "directive": ct10.pk}).status_code == 403
    assert client.post(reverse("movements:plan_update", args=[w.plan.pk]), {"title": "Đổi"}).status_code == 403
    w.plan.refresh_from_db()
    assert w.plan.title == "Kế hoạch của Khối Thi đua Nội chính"


def test_a_bloc_has_one_plan_per_directive(w, login):
    response = login(w.noivu).post(
        f"{reverse('movements:plan_create')}?nam={w.year}", {"bloc": w.noi_chinh.pk, "directive": w.doc.pk}
    )

    assert "Khối đã có kế hoạch thực hiện chỉ thị này." in response.content.decode()
    assert ImplementationPlan.objects.filter(bloc=w.noi_chinh).count() == 1


def test_a_plan_is_for_a_year_its_directive_governs_and_the_bloc_has_members(w):
    earlier = ImplementationPlan(bloc=w.noi_chinh, year=w.year - 1, directive=w.doc, title="Kế hoạch")
    with pytest.raises(ValidationError) as error:
        services.plan_save(actor=w.noivu, plan=earlier)
    assert error.value.message_dict == {
        "directive": [f"Chỉ thị số 09/CT-UBND áp dụng cho năm {w.year}–{w.year}, không có năm {w.year - 1}."]
    }

    Document.objects.filter(pk=w.doc.pk).update(year_from=w.year - 1)
    w.doc.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.plan_save(actor=w.noivu, plan=earlier)
    assert error.value.messages == [f"Khối Thi đua Nội chính chưa có danh sách thành viên năm {w.year - 1}."]


def test_editing_the_plan_rewrites_its_solutions_but_not_its_bloc(w, login):
    response = login(w.truongkhoi).post(
        reverse("movements:plan_update", args=[w.plan.pk]),
        {"bloc": w.dang.pk, "title": "Kế hoạch đã sửa", "solutions": "Giải pháp một\nGiải pháp hai"},
    )

    assert response.status_code == 302
    w.plan.refresh_from_db()
    assert (w.plan.title, w.plan.bloc) == ("Kế hoạch đã sửa", w.noi_chinh)
    assert list(w.plan.solutions.values_list("position", "text")) == [(1, "Giải pháp một"), (2, "Giải pháp hai")]


# --- Giving tasks ------------------------------------------------------------------------


def tasks_post(rows: list[dict]) -> dict:
    data = {"nv-TOTAL_FORMS": str(len(rows)), "nv-INITIAL_FORMS": "0", "nv-MIN_NUM_FORMS": "0", "nv-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        data.update({f"nv-{i}-{key}": value for key, value in row.items()})
    return data


def test_the_lead_gives_tasks_by_quarter_or_date_to_member_units(w, empty_plan, login):
    y = w.year
    response = login(w.truongkhoi).post(
        reverse("movements:plan_tasks", args=[empty_plan.pk]),
        tasks_post([
            {"text": "Tổng hợp đăng ký thi đua gửi Hội đồng", "quarter": "1", "due_on": "", "responsible": w.chqs.pk},
            {"text": "Tổ chức giải cầu lông của Khối", "quarter": "", "due_on": f"15/08/{y}", "responsible": w.ca.pk},
            {"text": "Báo cáo tổng kết năm", "quarter": "4", "due_on": "", "responsible": ""},
            {"text": "", "quarter": "", "due_on": "", "responsible": ""},
        ]),
    )

    assert response.status_code == 302 and response["Location"] == empty_plan.get_absolute_url()
    assert list(empty_plan.tasks.order_by("position").values_list("position", "quarter", "due_on", "responsible")) == [
        (1, 1, datetime.date(y, 3, 31), w.chqs.pk),
        (2, 3, datetime.date(y, 8, 15), w.ca.pk),
        (3, 4, datetime.date(y, 12, 31), None),
    ]
    audit = AuditLog.objects.get(action="movements.plan.tasks_changed", object_id=str(empty_plan.pk))
    assert (audit.actor, audit.data) == (w.truongkhoi, {"added": 3, "changed": 0, "deleted": 0})


def test_the_task_form_offers_only_the_bloc_s_members_that_year(w, empty_plan, login):
    page = login(w.truongkhoi).get(reverse("movements:plan_tasks", args=[empty_plan.pk])).content.decode()

    assert "Công an tỉnh" in page and "Tòa án nhân dân tỉnh" in page and "Mọi đơn vị trong khối" in page
    assert "Sở Nội vụ" not in page.split("<form")[1] and "Báo Lai Châu" not in page


def test_a_due_date_outside_its_quarter_is_refused(w, empty_plan, login):
    response = login(w.truongkhoi).post(
        reverse("movements:plan_tasks", args=[empty_plan.pk]),
        tasks_post([{"text": "Sơ kết 6 tháng", "quarter": "1", "due_on": f"15/08/{w.year}", "responsible": ""}]),
    )

    assert response.status_code == 200
    assert f"Hạn 15/08/{w.year} không thuộc quý 1 năm {w.year}." in response.content.decode()
    assert not empty_plan.tasks.exists()


def test_only_member_units_can_be_given_a_task(w, empty_plan, login):
    response = login(w.truongkhoi).post(
        reverse("movements:plan_tasks", args=[empty_plan.pk]),
        tasks_post([{"text": "Việc", "quarter": "2", "due_on": "", "responsible": w.snv.pk}]),
    )
    assert response.status_code == 200 and not empty_plan.tasks.exists()

    with pytest.raises(ValidationError) as error:
        services.plan_tasks_save(actor=w.noivu, plan=empty_plan, tasks=[PlanTask(text="Việc", responsible=w.snv)])
    assert error.value.messages == [f"“Sở Nội vụ” không phải thành viên Khối Thi đua Nội chính năm {w.year}."]
    assert not empty_plan.tasks.exists()


def test_a_done_task_is_not_deleted_but_an_open_one_is(w):
    with pytest.raises(ValidationError) as error:
        services.plan_tasks_save(actor=w.truongkhoi, plan=w.plan, deleted=[w.task_ca, w.task_done])
    assert error.value.messages == ["Không xóa được nhiệm vụ đã hoàn thành: “Việc đã xong”."]
    assert w.plan.tasks.count() == 3

    services.plan_tasks_save(actor=w.truongkhoi, plan=w.plan, deleted=[w.task_ca])

    assert set(w.plan.tasks.all()) == {w.task_toa, w.task_done}


# --- Reporting tasks ---------------------------------------------------------------------


def test_a_member_marks_its_task_done_with_a_report(w, login):
    client = login(w.donvi)
    form = client.get(reverse("movements:task_report", args=[w.task_ca.pk])).content.decode()
    assert "Việc của Công an" in form and "Báo cáo hoàn thành" in form

    response = client.post(
        reverse("movements:task_report", args=[w.task_ca.pk]), {"report": "Đã tổ chức hội nghị quán triệt"}
    )

    assert response.status_code == 302 and response["Location"] == w.plan.get_absolute_url()
    w.task_ca.refresh_from_db()
    assert (w.task_ca.status, w.task_ca.report, w.task_ca.done_by) == (
        TaskStatus.DONE, "Đã tổ chức hội nghị quán triệt", w.donvi
    )
    assert w.task_ca.done_at is not None
    audit = AuditLog.objects.get(action="movements.task.done", object_id=str(w.task_ca.pk))
    assert (audit.actor, audit.from_state, audit.to_state) == (w.donvi, TaskStatus.TODO, TaskStatus.DONE)
    assert "Đã báo cáo hoàn thành nhiệm vụ." in client.get(response["Location"]).content.decode()


def test_a_report_cannot_be_empty(w, login):
    response = login(w.donvi).post(reverse("movements:task_report", args=[w.task_ca.pk]), {"report": "   "})

    assert "Hãy ghi ngắn gọn kết quả thực hiện." in response.content.decode()
    w.task_ca.refresh_from_db()
    assert w.task_ca.status == TaskStatus.TODO


def test_a_member_cannot_report_another_member_s_task(w, login):
    response = login(w.donvi).post(reverse("movements:task_report", args=[w.task_toa.pk]), {"report": "Xong"})

    assert response.status_code == 403
    w.task_toa.refresh_from_db()
    assert (w.task_toa.status, w.task_toa.report) == (TaskStatus.TODO, "")


def test_a_task_for_every_member_is_reported_by_any_member_but_not_by_another_bloc(w, login):
    (shared,) = services.plan_tasks_save(
        actor=w.truongkhoi, plan=w.plan, tasks=[PlanTask(text="Việc chung của Khối", quarter=4)]
    )
    outsider = make_user("vptu", Role.UNIT_OFFICER, w.vptu)

    assert login(outsider).post(reverse("movements:task_report", args=[shared.pk]), {"report": "Xong"}).status_code == 404
    assert login(w.donvi).post(reverse("movements:task_report", args=[shared.pk]), {"report": "Xong"}).status_code == 302
    shared.refresh_from_db()
    assert (shared.status, shared.done_by) == (TaskStatus.DONE, w.donvi)


def test_the_bloc_lead_may_report_for_a_member(w, login):
    login(w.truongkhoi).post(reverse("movements:task_report", args=[w.task_toa.pk]), {"report": "Tòa án đã làm"})

    w.task_toa.refresh_from_db()
    assert (w.task_toa.status, w.task_toa.done_by) == (TaskStatus.DONE, w.truongkhoi)


def test_a_task_is_reported_done_only_once(w):
    with pytest.raises(ValidationError, match="Nhiệm vụ này đã được báo cáo hoàn thành."):
        services.task_mark_done(actor=w.donvi, task=w.task_done, report="Lần nữa")

    w.task_done.refresh_from_db()
    assert w.task_done.report == "Đã làm"


def test_the_lead_sends_a_report_back_with_a_reason_and_the_member_amends_it(w, login):
    response = login(w.truongkhoi).post(
        reverse("movements:task_reopen", args=[w.task_done.pk]), {"reason": "Thiếu số liệu"}
    )

    assert response.status_code == 302 and response["Location"] == w.plan.get_absolute_url()
    w.task_done.refresh_from_db()
    assert (w.task_done.status, w.task_done.done_at, w.task_done.report) == (TaskStatus.TODO, None, "Đã làm")
    audit = AuditLog.objects.get(action="movements.task.reopened")
    assert (audit.actor, audit.from_state, audit.to_state, audit.data) == (
        w.truongkhoi, TaskStatus.DONE, TaskStatus.TODO, {"reason": "Thiếu số liệu", "report": "Đã làm"}
    )
    form = login(w.donvi).get(reverse("movements:task_report", args=[w.task_done.pk])).content.decode()
    assert "Đã làm</textarea>" in form


def test_a_member_cannot_send_its_own_report_back(w, login):
    response = login(w.donvi).post(reverse("movements:task_reopen", args=[w.task_done.pk]), {"reason": "Sai"})

    assert response.status_code == 403
    w.task_done.refresh_from_db()
    assert w.task_done.status == TaskStatus.DONE


def test_sending_a_report_back_needs_a_reason_and_a_done_task(w, login):
    client = login(w.truongkhoi)

    response = client.post(reverse("movements:task_reopen", args=[w.task_done.pk]), {"reason": ""})
    assert "Hãy ghi lý do mở lại nhiệm vụ." in client.get(response["Location"]).content.decode()
    response = client.post(reverse("movements:task_reopen", args=[w.task_ca.pk]), {"reason": "Sai"})
    assert "Nhiệm vụ này chưa được báo cáo hoàn thành." in client.get(response["Location"]).content.decode()

    w.task_done.refresh_from_db()
    assert w.task_done.status == TaskStatus.DONE
    assert not AuditLog.objects.filter(action="movements.task.reopened").exists()


# --- Progress ----------------------------------------------------------------------------


def test_the_plan_page_shows_progress_and_flags_late_tasks(w, login):
    set_due(w.task_ca, -1)
    set_due(w.task_toa, 10)

    page = login(w.truongkhoi).get(w.plan.get_absolute_url()).content.decode()

    assert 'data-testid="task-total">3<' in page and 'data-testid="task-done">1<' in page
    assert 'data-testid="task-late">1<' in page
    row = page.split("Việc của Công an")[1].split("</tr>")[0]
    assert "Quá hạn" in row
    assert "Quá hạn" not in page.split("Việc của Tòa án")[1].split("</tr>")[0]
    assert "Giải pháp một" in page


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_row_s_report_button_agrees_with_the_access_rule(w, persona):
    user = getattr(w, persona)
    services.plan_tasks_save(actor=w.noivu, plan=w.plan, tasks=[PlanTask(text="Việc chung", quarter=4)])
    rows = plan_task_rows(user=user, plan=w.plan, today=today())

    assert len(rows) == 4
    assert [row.can_report for row in rows] == [access.can_report_task(user, task) for task in rows]


def test_a_member_sees_its_open_tasks_on_the_dashboard_with_late_ones_flagged(w, login):
    set_due(w.task_ca, -3)
    services.plan_tasks_save(actor=w.truongkhoi, plan=w.plan, tasks=[PlanTask(text="Việc chung của Khối", quarter=4)])
    services.plan_tasks_save(actor=w.noivu, plan=w.plan_far, tasks=[PlanTask(text="Việc chung Khối Đảng", quarter=4)])

    page = login(w.donvi).get(reverse("dashboard")).content.decode()
    panel = page.split('data-testid="my-tasks"')[1].split("</ul>")[0]

    assert "Việc của Công an" in panel and "Việc chung của Khối" in panel
    assert "Việc của Tòa án" not in panel and "Việc đã xong" not in panel and "Khối Đảng" not in panel
    assert "Quá hạn" in panel.split("Việc của Công an")[1].split("</li>")[0]
    assert 'data-testid="led-plans"' not in page and 'data-testid="documents-due"' not in page


def test_the_bloc_lead_sees_its_bloc_s_progress_on_the_dashboard(w, login):
    page = login(w.truongkhoi).get(reverse("dashboard")).content.decode()
    panel = page.split('data-testid="led-plans"')[1].split("</ul>")[0]

    assert "Kế hoạch của Khối Thi đua Nội chính" in panel and "1/3 nhiệm vụ xong" in panel
    assert "Khối Đảng" not in panel


def test_interior_staff_see_report_deadlines_within_30_days_or_past(w, ct10, login):
    Document.objects.filter(pk=w.doc.pk).update(report_deadline=today() + datetime.timedelta(days=30))
    Document.objects.filter(pk=ct10.pk).update(report_deadline=today() - datetime.timedelta(days=5))
    Document.objects.filter(pk=w.doc_without_file.pk).update(report_deadline=today() + datetime.timedelta(days=31))

    page = login(w.noivu).get(reverse("dashboard")).content.decode()
    panel = page.split('data-testid="documents-due"')[1].split("</ul>")[0]

    assert panel.index("10/CT-UBND") < panel.index("09/CT-UBND") and "03/TB-UBND" not in panel
    assert "Đã quá hạn" in panel.split("10/CT-UBND")[1].split("</li>")[0]
    assert "Sắp đến hạn" in panel.split("09/CT-UBND")[1].split("</li>")[0]
    assert 'data-testid="documents-panel"' not in login(w.hoidong).get(reverse("dashboard")).content.decode()


def test_the_bloc_page_lists_its_plans_for_the_year_and_lets_the_lead_start_one(w, login):
    url = f"{reverse('blocs:bloc_detail', args=[w.noi_chinh.pk])}?nam={w.year}"
    lead_page = login(w.truongkhoi).get(url).content.decode()
    panel = lead_page.split('data-testid="bloc-plans"')[1]
    assert "Kế hoạch của Khối Thi đua Nội chính" in panel and "1/3 nhiệm vụ xong" in panel
    assert "Lập kế hoạch" in panel and "Kế hoạch của Khối Đảng tỉnh" not in panel

    member_page = login(w.donvi).get(url).content.decode()
    assert "Kế hoạch của Khối Thi đua Nội chính" in member_page and "Lập kế hoạch" not in member_page
    last_year = login(w.noivu).get(f"{url[:-4]}{w.year - 1}").content.decode()
    assert f"Năm {w.year - 1} khối chưa có kế hoạch thực hiện chỉ thị." in last_year
