"""The history demo: the two seed decisions with their awardees; a second run adds nothing."""

import pytest

from awards.demo_history import load_history
from awards.models import AwardRecord, Decision
from blocs import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_history(monkeypatch):
    """The organisation's demo and this loader alone (other areas' loaders are theirs to test)."""
    monkeypatch.setattr(demo, "_LOADERS", [(80, load_history)])


def test_the_demo_records_the_lang_son_and_khoi_dang_decisions_once(only_history):
    first = demo.demo_load(year=2025)
    assert (first.created["decisions"], first.created["award_records"]) == (2, 28)
    lang_son = Decision.objects.get(issuer="Chủ tịch UBND tỉnh Lạng Sơn")
    assert lang_son.signed_on.strftime("%d/%m/%Y") == "05/03/2024"
    records = AwardRecord.objects.filter(decision=lang_son)
    assert records.filter(unit__isnull=False).count() == 7 and records.filter(person__isnull=False).count() == 7
    assert records.filter(unit__isnull=False).first().amount == 5_400_000  # 3.0 × 1,800,000
    assert AwardRecord.objects.filter(decision__year=2022).count() == 14
    again = demo.demo_load(year=2025)
    assert again.created["decisions"] == 0 and Decision.objects.count() == 2
