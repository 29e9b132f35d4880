"""The rule sets the migration seeds, and the reward money they give."""

import datetime

import pytest

from awards.models import Beneficiary, RuleSet
from awards.rules import NoRuleSet, base_salary_on, reward_amount, rule_set_for, title_rules

pytestmark = pytest.mark.django_db


def test_achievements_before_july_2025_fall_under_nd_98_and_after_under_nd_152():
    assert rule_set_for(datetime.date(2025, 6, 30)).code == "nd98-2023"
    assert rule_set_for(datetime.date(2025, 7, 1)).code == "nd152-2025"


def test_a_date_before_the_2022_law_has_no_rule_set_and_says_so():
    with pytest.raises(NoRuleSet, match="01/06/2023"):
        rule_set_for(datetime.date(2023, 6, 1))


def test_the_base_salary_changes_on_1_july_2024():
    assert base_salary_on(datetime.date(2024, 6, 30)) == 1_800_000
    assert base_salary_on(datetime.date(2024, 7, 1)) == 2_340_000


def test_every_title_of_the_catalogue_has_a_rule_in_both_rule_sets():
    for rule_set in RuleSet.objects.all():
        assert len(title_rules(rule_set)) == 17


def test_thon_van_hoa_moves_from_the_district_to_the_commune_chair_in_july_2025():
    old = title_rules(rule_set_for(datetime.date(2025, 1, 1)))["THON_VH"]
    new = title_rules(rule_set_for(datetime.date(2025, 8, 1)))["THON_VH"]
    assert (old.decider, new.decider) == ("ct_huyen", "ct_xa")


@pytest.mark.parametrize(
    ("code", "beneficiary", "expected"),
    [
        ("CSTD_TINH", Beneficiary.INDIVIDUAL, 7_020_000),  # 3.0 × 2,340,000
        ("LDTT", Beneficiary.INDIVIDUAL, 702_000),  # 0.3 × 2,340,000
        ("CO_TINH", Beneficiary.COLLECTIVE, 18_720_000),  # 8.0 × 2,340,000
    ],
)
def test_the_reward_is_the_coefficient_times_the_base_salary(code, beneficiary, expected):
    rule_set = rule_set_for(datetime.date(2025, 12, 1))
    rule = title_rules(rule_set)[code]
    assert reward_amount(rule=rule, rule_set=rule_set, beneficiary=beneficiary, base_salary=2_340_000) == expected


def test_a_household_receives_one_and_a_half_times_an_individual_rounded_to_1000_dong():
    rule_set = rule_set_for(datetime.date(2025, 12, 1))
    rule = title_rules(rule_set)["BK_TINH"]
    individual = reward_amount(rule=rule, rule_set=rule_set, beneficiary=Beneficiary.INDIVIDUAL, base_salary=1_490_333)
    household = reward_amount(rule=rule, rule_set=rule_set, beneficiary=Beneficiary.HOUSEHOLD, base_salary=1_490_333)
    assert rule.individual_coefficient == 1.5  # half the collective's 3.0 [U]
    assert individual == 2_235_000  # 1.5 × 1,490,333 = 2,235,499.5
    assert household == 3_353_000  # × 1.5 = 3,353,249.25
