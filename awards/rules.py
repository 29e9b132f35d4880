"""Reads of the rule sets: which regime governs a date, how it treats a title, the base
salary on a date and the reward money it gives (R24). Plain functions, no writes."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from .models import BaseSalary, Beneficiary, RuleSet, Title, TitleRule


class NoRuleSet(LookupError):
    """No rule set covers the date: the province must add one before judging it."""


def rule_set_for(day: datetime.date) -> RuleSet:
    """The rule set in force on *day* (ND 98 before 01/07/2025, ND 152 from then)."""
    found = (
        RuleSet.objects.filter(effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=day))
        .order_by("-effective_from")
        .first()
    )
    if found is None:
        raise NoRuleSet(f"Chưa có bộ quy tắc áp dụng cho ngày {day:%d/%m/%Y}.")
    return found


def title_rules(rule_set: RuleSet) -> dict[str, TitleRule]:
    """The rule set's title rules by title code, in one query."""
    return {r.title.code: r for r in rule_set.title_rules.select_related("title")}


def base_salary_on(day: datetime.date) -> int:
    """The statutory base salary in force on *day*, in đồng."""
    row = BaseSalary.objects.filter(effective_from__lte=day).order_by("-effective_from").first()
    if row is None:
        raise NoRuleSet(f"Chưa có mức lương cơ sở áp dụng cho ngày {day:%d/%m/%Y}.")
    return row.amount


def reward_amount(
    *, rule: TitleRule, rule_set: RuleSet, beneficiary: str, base_salary: int
) -> int:
    """Coefficient × base salary, the individual coefficient for a person where the form has
    one, × the household factor for a household, rounded as the rule set says (R24)."""
    coefficient = rule.coefficient
    if beneficiary in (Beneficiary.INDIVIDUAL, Beneficiary.HOUSEHOLD) and rule.individual_coefficient is not None:
        coefficient = rule.individual_coefficient
    amount = Decimal(base_salary) * coefficient
    if beneficiary == Beneficiary.HOUSEHOLD:
        amount *= rule_set.household_factor
    step = Decimal(rule_set.amount_rounding or 1)
    return int((amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step)


def title_by_code(code: str) -> Title:
    return Title.objects.get(code=code)
