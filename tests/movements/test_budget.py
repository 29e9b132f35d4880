"""A bloc's yearly work plan (activities by quarter) and its budget estimate: lines, member
contributions, the difference between them, approval and the lock it brings."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from blocs.models import AuditLog
from movements.forms.pledges import BudgetLineForm, ContributionForm
from movements.models import Activity, ActivityStatus, Budget, BudgetContribution, BudgetLine
from movements.services import budgets as svc

REQUIRED = "Trường này là bắt buộc."
BAD_MONEY = "Nhập số tiền bằng số nguyên đồng, ví dụ 1500000 hoặc 1.500.000."


def html(response) -> str:
    return response.content.decode()


def audit(action: str) -> list[AuditLog]:
    return list(AuditLog.objects.filter(action=action).order_by("pk"))


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


def day(org, month: int, d: int) -> str:
    return f"{d:02d}/{month:02d}/{org.year}"


# --- The work plan -----------------------------------------------------------------------


def test_the_lead_adds_an_activity_and_its_quarter_follows_the_date(org, login):
    client = login(org.truongkhoi)
    url = reverse("movements:activity_create", args=[org.noi_chinh.pk, org.year])
    response = client.post(url, {"title": "Giải cầu lông của Khối", "planned_on": day(org, 4, 20),
                                 "host": org.ca.pk, "status": ActivityStatus.PLANNED})

    assert response["Location"] == reverse("movements:activity_list", args=[org.noi_chinh.pk, org.year])
    activity = Activity.objects.get()
    assert (activity.quarter, activity.planned_on, activity.host) == (2, datetime.date(org.year, 4, 20), org.ca)
    [row] = audit("movements.activity.created")
    assert (row.actor, row.to_state) == (org.truongkhoi, "du_kien")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"quarter": "1", "planned_on": "10/07/{y}"}, "planned_on", "Ngày 10/07/{y} thuộc quý 3, không phải quý 1."),
        ({"planned_on": "10/07/{p}"}, "planned_on", "Ngày tổ chức phải trong năm {y}."),
        ({}, "quarter", "Hãy chọn quý hoặc ghi ngày tổ chức."),
    ],
)
def test_an_activity_needs_a_quarter_or_a_date_that_agree(org, login, data, field, message):
    form = {"title": "Hội nghị sơ kết 6 tháng", "status": ActivityStatus.PLANNED}
    form.update({k: v.format(y=org.year, p=org.year - 1) for k, v in data.items()})
    response = login(org.truongkhoi).post(
        reverse("movements:activity_create", args=[org.noi_chinh.pk, org.year]), form
    )
    assert response.status_code == 200
    assert message.format(y=org.year) in html(response)
    assert 'value="Hội nghị sơ kết 6 tháng"' in html(response)
    assert not Activity.objects.exists()


def test_the_host_is_one_of_the_bloc_s_members_that_year(org, login):
    form = html(login(org.truongkhoi).get(reverse("movements:activity_create", args=[org.noi_chinh.pk, org.year])))
    assert "Tòa án nhân dân tỉnh</option>" in form and "Báo Lai Châu</option>" not in form
    with pytest.raises(ValidationError) as error:
        svc.activity_save(actor=org.noivu, activity=Activity(bloc=org.noi_chinh, year=org.year, quarter=1,
                                                             title="Giao lưu", host=org.bao))
    assert error.value.message_dict == {"host": [f"Báo Lai Châu không phải thành viên của khối năm {org.year}."]}


@pytest.fixture
def activities(org):
    rows = [(4, "Hội nghị tổng kết năm"), (1, "Ký kết giao ước thi đua"), (3, "Hội nghị sơ kết 6 tháng")]
    return [
        svc.activity_save(actor=org.truongkhoi, activity=Activity(bloc=org.noi_chinh, year=org.year, quarter=q,
                                                                  title=t, host=org.chqs))
        for q, t in rows
    ]


def test_the_plan_lists_the_activities_by_quarter_for_members_to_read(org, login, activities):
    page = html(login(org.donvi).get(reverse("movements:activity_list", args=[org.noi_chinh.pk, org.year])))
    order = [page.index(s) for s in ("Quý I", "Ký kết giao ước", "Quý II", "Quý III", "sơ kết 6 tháng", "Quý IV", "tổng kết năm")]
    assert order == sorted(order)
    assert "3 hoạt động" in page and "Thêm hoạt động" not in page and "Đã tổ chức</button>" not in page


def test_the_lead_marks_an_activity_done_and_a_member_cannot(org, login, activities):
    activity = activities[1]
    url = reverse("movements:activity_status", args=[activity.pk])
    assert login(org.donvi).post(url, {"status": ActivityStatus.DONE}).status_code == 403

    response = login(org.truongkhoi).post(url, {"status": ActivityStatus.DONE}, follow=True)

    activity.refresh_from_db()
    assert activity.status == ActivityStatus.DONE
    assert "“Ký kết giao ước thi đua”: Đã tổ chức." in html(response)
    [row] = audit("movements.activity.status_changed")
    assert (row.from_state, row.to_state) == ("du_kien", "da_to_chuc")


def test_an_unknown_or_unchanged_status_is_refused(org, activities):
    with pytest.raises(ValidationError) as unknown:
        svc.activity_set_status(actor=org.truongkhoi, activity=activities[0], status="xong")
    with pytest.raises(ValidationError) as same:
        svc.activity_set_status(actor=org.truongkhoi, activity=activities[0], status=ActivityStatus.PLANNED)
    assert unknown.value.messages == ["Trạng thái không hợp lệ."]
    assert same.value.messages == ["Hoạt động đã ở trạng thái “Dự kiến”."]
    assert not audit("movements.activity.status_changed")


def test_deleting_an_activity_is_audited(org, login, activities):
    login(org.truongkhoi).post(reverse("movements:activity_delete", args=[activities[0].pk]))
    assert Activity.objects.count() == 2
    assert audit("movements.activity.deleted")[0].object_repr == "Hội nghị tổng kết năm"


# --- Amounts -----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1500000", "1.500.000", "1 500 000", "1.500.000 đ"])
def test_an_amount_may_be_typed_with_dots_spaces_or_a_trailing_dong(typed):
    form = BudgetLineForm({"item": "Hội trường", "quantity": "1", "unit_price": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit_price"] == 1_500_000


@pytest.mark.parametrize("typed", ["1,5", "1.5", "một triệu", "-100"])
def test_an_amount_that_is_not_whole_dong_is_refused(typed):
    form = BudgetLineForm({"item": "Hội trường", "quantity": "1", "unit_price": typed})
    assert not form.is_valid()
    expected = "Số tiền không được nhỏ hơn 0 đồng." if typed == "-100" else BAD_MONEY
    assert form.errors["unit_price"] == [expected]


def test_a_saved_amount_is_shown_grouped_in_the_edit_form(org):
    budget = svc.budget_create(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year)
    contribution = BudgetContribution(budget=budget, unit=org.ca, amount=2_500_000)
    form = ContributionForm(instance=contribution, members=budget.bloc.years.none())
    assert 'value="2.500.000"' in str(form["amount"])


# --- The budget --------------------------------------------------------------------------


@pytest.fixture
def budget(org) -> Budget:
    return svc.budget_create(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year, note="Năm nay")


def add_line(org, budget, item, quantity, price) -> BudgetLine:
    line = BudgetLine(budget=budget, item=item, quantity=Decimal(quantity), unit_price=price)
    return svc.budget_line_save(actor=org.truongkhoi, line=line)


def contribute(org, budget, unit, amount) -> BudgetContribution:
    return svc.contribution_save(actor=org.truongkhoi, contribution=BudgetContribution(budget=budget, unit=unit, amount=amount))


def test_the_lead_creates_the_budget_once_a_year(org, login):
    client = login(org.truongkhoi)
    url = reverse("movements:budget_create", args=[org.noi_chinh.pk, org.year])
    response = client.post(url, {"note": "Dự trù hoạt động của Khối"})
    budget = Budget.objects.get()
    assert response["Location"] == budget.get_absolute_url()
    assert audit("movements.budget.created")[0].actor == org.truongkhoi
    again = client.get(url, follow=True)
    assert f"Khối đã có dự trù kinh phí năm {org.year}." in html(again)
    with pytest.raises(ValidationError) as error:
        svc.budget_create(actor=org.noivu, bloc=org.noi_chinh, year=org.year)
    assert error.value.messages == ["Khối đã có dự trù kinh phí năm này."]


def test_lines_are_priced_and_totalled_and_compared_with_the_contributions(org, login, budget):
    client = login(org.truongkhoi)
    client.post(reverse("movements:budget_line_add", args=[budget.pk]),
                {"item": "Giải cầu lông: trọng tài", "quantity": "2,5", "unit_price": "300.000",
                 "funding_source": "Đóng góp của các đơn vị thành viên"})
    add_line(org, budget, "Hội nghị sơ kết", "1", 5_000_000)
    client.post(reverse("movements:budget_contribution_add", args=[budget.pk]), {"unit": org.ca.pk, "amount": "2.000.000"})

    line = BudgetLine.objects.get(item="Giải cầu lông: trọng tài")
    assert (line.quantity, line.unit_price, line.amount, line.position) == (Decimal("2.5"), 300_000, 750_000, 1)
    page = html(client.get(budget.get_absolute_url()))
    assert "300.000 đ" in page and "750.000 đ" in page
    assert 'data-testid="total-lines">5.750.000 đ<' in page
    assert 'data-testid="total-contributions">2.000.000 đ<' in page
    assert "Còn thiếu 3.750.000 đ" in page
    [created] = audit("movements.budget_line.created")[:1]
    assert created.data == {"budget": budget.pk, "amount": 750_000}


@pytest.mark.parametrize(("amounts", "shown"), [((1_000_000, 1_500_000), "Dư 500.000 đ"), ((1_000_000, 1_000_000), "Cân đối")])
def test_the_difference_says_whether_contributions_cover_the_lines(org, login, budget, amounts, shown):
    add_line(org, budget, "Hội nghị", "1", amounts[0])
    contribute(org, budget, org.chqs, amounts[1])
    assert shown in html(login(org.donvi).get(budget.get_absolute_url()))


def test_each_member_unit_contributes_once_and_only_members_contribute(org, login, budget):
    contribute(org, budget, org.ca, 1_000_000)
    with pytest.raises(ValidationError):
        contribute(org, budget, org.ca, 2_000_000)
    with pytest.raises(ValidationError) as error:
        contribute(org, budget, org.vptu, 1_000_000)
    assert error.value.message_dict == {"unit": [f"Văn phòng Tỉnh ủy không phải thành viên của khối năm {org.year}."]}
    page = html(login(org.truongkhoi).get(budget.get_absolute_url()))
    form = page.split('id="dong-gop"')[1]
    assert "Tòa án nhân dân tỉnh</option>" in form and "Công an tỉnh</option>" not in form


def test_a_refused_line_keeps_what_was_typed(org, login, budget):
    response = login(org.truongkhoi).post(reverse("movements:budget_line_add", args=[budget.pk]),
                                          {"item": "Văn phòng phẩm", "quantity": "12", "unit_price": "250,000"})
    assert response.status_code == 200
    assert BAD_MONEY in html(response) and 'value="Văn phòng phẩm"' in html(response)
    assert not BudgetLine.objects.exists()


def test_approval_needs_a_line_a_meeting_and_a_past_date(org, budget, today):
    with pytest.raises(ValidationError) as no_line:
        svc.budget_approve(actor=org.truongkhoi, budget=budget, approved_on=today, approved_at="Hội nghị")
    assert no_line.value.messages == ["Dự trù chưa có khoản chi nào: hãy lập dự trù trước khi thông qua."]
    add_line(org, budget, "Hội nghị", "1", 1_000_000)
    with pytest.raises(ValidationError) as no_meeting:
        svc.budget_approve(actor=org.truongkhoi, budget=budget, approved_on=today, approved_at=" ")
    assert no_meeting.value.message_dict == {"approved_at": ["Hãy ghi hội nghị thông qua dự trù."]}
    with pytest.raises(ValidationError) as future:
        svc.budget_approve(actor=org.truongkhoi, budget=budget, approved_on=today + datetime.timedelta(days=1),
                           approved_at="Hội nghị")
    assert future.value.message_dict == {"approved_on": ["Ngày này chưa tới: hãy ghi ngày đã diễn ra hội nghị."]}
    budget.refresh_from_db()
    assert budget.approved_on is None


def test_approval_records_the_meeting_and_locks_lines_and_contributions(org, login, budget, today):
    line = add_line(org, budget, "Hội nghị", "1", 1_000_000)
    contribution = contribute(org, budget, org.ca, 1_000_000)
    client = login(org.truongkhoi)
    response = client.post(reverse("movements:budget_approve", args=[budget.pk]),
                           {"approved_on": today.strftime("%d/%m/%Y"), "approved_at": "Hội nghị Khối đầu năm"})

    assert response["Location"] == budget.get_absolute_url()
    budget.refresh_from_db()
    assert (budget.approved_on, budget.approved_at) == (today, "Hội nghị Khối đầu năm")
    [row] = audit("movements.budget.approved")
    assert (row.from_state, row.to_state, row.data["total"]) == ("draft", "approved", 1_000_000)

    locked = (f"Dự trù kinh phí đã được thông qua ngày {today:%d/%m/%Y}: không thể thêm, sửa hoặc xóa "
              "khoản chi, đóng góp. Nếu cần sửa, đề nghị Sở Nội vụ mở lại.")
    line.unit_price = 2_000_000
    for attempt in [
        lambda: add_line(org, budget, "Thêm", "1", 1),
        lambda: svc.budget_line_save(actor=org.truongkhoi, line=line),
        lambda: svc.budget_line_delete(actor=org.truongkhoi, line=line),
        lambda: contribute(org, budget, org.toa, 1),
        lambda: svc.contribution_delete(actor=org.truongkhoi, contribution=contribution),
        lambda: svc.budget_approve(actor=org.truongkhoi, budget=budget, approved_on=today, approved_at="Lại"),
    ]:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.messages == [locked]
    deleted = client.post(reverse("movements:budget_line_delete", args=[line.pk]), follow=True)
    assert locked in html(deleted)
    assert list(BudgetLine.objects.values_list("unit_price", flat=True)) == [1_000_000]
    page = html(client.get(budget.get_absolute_url()))
    assert "Thêm khoản chi" not in page and "Ghi đóng góp" not in page and "Ghi nhận thông qua" not in page


def test_only_interior_staff_reopen_an_approved_budget(org, login, budget, today):
    add_line(org, budget, "Hội nghị", "1", 1_000_000)
    svc.budget_approve(actor=org.truongkhoi, budget=budget, approved_on=today, approved_at="Hội nghị")
    url = reverse("movements:budget_reopen", args=[budget.pk])
    assert login(org.truongkhoi).post(url, {"reason": "Bổ sung"}).status_code == 403
    with pytest.raises(ValidationError) as error:
        svc.budget_reopen(actor=org.truongkhoi, budget=budget, reason="Bổ sung")
    assert error.value.messages == ["Chỉ cán bộ Sở Nội vụ mới được mở lại dự trù đã thông qua."]

    login(org.noivu).post(url, {"reason": "Bổ sung khoản chi giải cầu lông"})

    budget.refresh_from_db()
    assert budget.approved_on is None and budget.approved_at == "Hội nghị"
    [row] = audit("movements.budget.reopened")
    assert row.data == {"reason": "Bổ sung khoản chi giải cầu lông", "approved_on": today.isoformat()}
    add_line(org, budget, "Giải cầu lông", "1", 500_000)
    with pytest.raises(ValidationError) as again:
        svc.budget_reopen(actor=org.noivu, budget=budget, reason="Lần nữa")
    assert again.value.messages == ["Dự trù chưa được thông qua nên không cần mở lại."]


def test_a_member_reads_the_budget_without_edit_controls(org, login, budget):
    add_line(org, budget, "Hội nghị", "1", 1_000_000)
    page = html(login(org.donvi).get(budget.get_absolute_url()))
    assert "1.000.000 đ" in page
    for control in ("Thêm khoản chi", "Ghi đóng góp", "Ghi nhận thông qua", "Mở lại", ">Sửa<", ">Xóa<"):
        assert control not in page
