"""Rule sets: read-only pages for everyone, edited by admins only in the Django admin, where
every change is recorded with the changed fields before and after."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.models import BaseSalary, RuleSet, TitleRule
from blocs.models import AuditLog

pytestmark = pytest.mark.django_db


def nd152() -> RuleSet:
    return RuleSet.objects.get(code="nd152-2025")


def test_the_list_shows_both_regimes_with_their_periods_and_the_base_salaries(org, login):
    page = login(org.donvi).get(reverse("awards:rule_set_list")).content.decode()
    assert "Nghị định 98/2023/NĐ-CP" in page and "01/01/2024" in page and "30/06/2025" in page
    assert "Nghị định 152/2025/NĐ-CP" in page and "01/07/2025" in page
    assert "2.340.000 đ" in page and "Nghị định 73/2024/NĐ-CP" in page


def test_the_detail_shows_every_parameter_with_its_source_and_the_title_rules(org, login):
    page = login(org.hoidong).get(reverse("awards:rule_set_detail", args=[nd152().pk])).content.decode()
    assert "Số tháng công tác tối thiểu để xét LĐTT" in page and "Thông tư 01/2024/TT-BNV" in page
    assert "Tỷ lệ CSTĐCS tối đa trên số LĐTT (%)" in page and "Không quy định" in page
    assert "Cờ tỉnh mỗi khối: 1 [P]" in page  # the sources, with their marks
    assert "Chiến sĩ thi đua toàn quốc" in page and "Thủ tướng Chính phủ" in page and "31/12" in page
    assert "Luật Điều 25; hạn trình 30/06 [P]" in page
    assert "Sửa tham số" not in page


def test_only_admins_are_offered_the_link_to_edit_parameters(org, login):
    url = reverse("awards:rule_set_detail", args=[nd152().pk])
    assert "Sửa tham số" in login(org.admin).get(url).content.decode()
    assert "Sửa tham số" not in login(org.noivu).get(url).content.decode()


def test_a_rule_set_overlapping_another_is_refused():
    overlapping = RuleSet(code="moi", name="Mới", legal_basis="x", effective_from=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError, match="trùng với bộ quy tắc khác"):
        overlapping.full_clean()


def test_a_rule_set_after_the_last_one_ends_is_accepted():
    current = nd152()
    current.effective_to = datetime.date(2030, 12, 31)
    current.full_clean()
    current.save()
    RuleSet(code="sau", name="Sau", legal_basis="x", effective_from=datetime.date(2031, 1, 1)).full_clean()


# --- The admin ---------------------------------------------------------------------------


def _post_data(response) -> dict:
    """What the admin's change page would send back unchanged: the form and its inlines."""
    def values(form, prefix=""):
        data = {}
        for name, field in form.fields.items():
            bound = form[name]
            value = bound.value()
            key = f"{prefix}{name}"
            if isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif value is not None:
                data[key] = field.widget.format_value(value) if hasattr(value, "year") else value
        return data

    data = values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(values(formset.management_form, f"{formset.prefix}-"))
        for form in formset.forms:
            data.update(values(form, f"{form.prefix}-"))
    return {k: ("" if v is None else v) for k, v in data.items()}


def test_an_admin_change_of_a_parameter_is_audited_with_before_and_after(org, login):
    client = login(org.admin)
    url = reverse("admin:awards_ruleset_change", args=[nd152().pk])
    data = _post_data(client.get(url)) | {"min_recruited_months": "12"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert nd152().min_recruited_months == 12
    row = AuditLog.objects.get(action="awards.rule_set.updated")
    assert row.actor == org.admin and row.data["changes"] == {"min_recruited_months": [6, 12]}


def test_an_admin_change_of_a_title_rule_is_audited_with_before_and_after(org, login):
    client = login(org.admin)
    url = reverse("admin:awards_ruleset_change", args=[nd152().pk])
    data = _post_data(client.get(url))
    rule = TitleRule.objects.get(rule_set=nd152(), title__code="CSTD_TINH")
    index = next(k.split("-")[1] for k, v in data.items() if k.endswith("-id") and str(v) == str(rule.pk))
    data[f"title_rules-{index}-vote_threshold_percent"] = "85"
    assert client.post(url, data).status_code == 302
    rule.refresh_from_db()
    assert rule.vote_threshold_percent == Decimal("85")
    row = AuditLog.objects.get(action="awards.title_rule.updated")
    assert row.data["changes"] == {"vote_threshold_percent": ["90.00", "85"]}


def test_interior_staff_see_rule_sets_in_the_admin_but_cannot_change_them(org, login):
    client = login(org.noivu)
    url = reverse("admin:awards_ruleset_change", args=[nd152().pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(url, {"min_recruited_months": "1"}).status_code == 403
    assert client.get(reverse("admin:awards_basesalary_add")).status_code == 403
    assert nd152().min_recruited_months == 6
    assert not AuditLog.objects.filter(action__startswith="awards.rule_set").exists()


def test_a_new_base_salary_added_by_an_admin_is_audited(org, login):
    client = login(org.admin)
    response = client.post(reverse("admin:awards_basesalary_add"),
                           {"effective_from": "01/07/2026", "amount": "2530000", "legal_basis": "Nghị định mới"})
    assert response.status_code == 302
    assert BaseSalary.objects.filter(amount=2_530_000, effective_from=datetime.date(2026, 7, 1)).exists()
    row = AuditLog.objects.get(action="awards.base_salary.created")
    assert row.data["changes"]["amount"] == [None, 2530000]
