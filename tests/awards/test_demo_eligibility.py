"""The eligibility part of the demo: the engine, run on the demo people of Khối Nội chính for
Chiến sĩ thi đua cấp tỉnh 2025, finds two eligible and explains why each of the others is
not; the recruit of September 2025 cannot be LĐTT; a second run creates nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from awards.eligibility import FAIL, evaluate, evaluate_people
from awards.models import AwardRecord, Hold, Initiative, Title
from blocs.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--force", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def cstd_tinh(demo):
    people = Person.objects.filter(
        full_name__in=[
            "Đinh Văn Cường",
            "Ngô Thị Bích Ngọc",
            "Vũ Mạnh Hùng",
            "Sùng A Páo",
            "Phan Thị Kim Oanh",
            "Hoàng Văn Sơn",
        ]
    )
    verdicts = evaluate_people(title=Title.objects.get(code="CSTD_TINH"), year=2025, people=people)
    return {p.full_name: verdicts[p.pk] for p in people}


def reasons(verdict) -> str:
    return " | ".join(f"{c.code}: {c.message}" for c in verdict.failures)


def test_two_demo_officers_are_eligible_for_cstd_tinh_2025(cstd_tinh):
    for name in ("Đinh Văn Cường", "Ngô Thị Bích Ngọc"):
        assert cstd_tinh[name].failures == [], reasons(cstd_tinh[name])


def test_a_gap_year_keeps_vu_manh_hung_out(cstd_tinh):
    assert "có 2023, 2024; thiếu 2022" in reasons(cstd_tinh["Vũ Mạnh Hùng"])


def test_an_open_inspection_keeps_sung_a_pao_out(cstd_tinh):
    verdict = cstd_tinh["Sùng A Páo"]
    assert [c.code for c in verdict.failures] == ["R15"]
    assert "Đang có vụ việc chưa kết luận từ 06/10/2025" in reasons(verdict)


def test_an_initiative_used_for_a_bang_khen_keeps_phan_thi_kim_oanh_out(cstd_tinh):
    text = reasons(cstd_tinh["Phan Thị Kim Oanh"])
    assert "đã dùng cho BK tỉnh 2023 (QĐ số 2345/QĐ-UBND)" in text


def test_a_discipline_in_2023_spoils_hoang_van_son_streak(cstd_tinh):
    verdict = cstd_tinh["Hoàng Văn Sơn"]
    assert "R4" in [c.code for c in verdict.failures]
    assert "trước khi hết thời hạn kỷ luật" in " ".join(c.message for c in verdict.checks)


def test_the_recruit_of_september_2025_cannot_be_ldtt(demo):
    recruit = Person.objects.get(full_name="Lò Thị Thu Trang")
    verdict = evaluate(title=Title.objects.get(code="LDTT"), year=2025, person=recruit)
    assert verdict.status == FAIL
    assert "chưa đủ 6 tháng" in reasons(verdict)


def test_the_history_is_imported_with_printed_decision_numbers(demo):
    records = AwardRecord.objects.filter(person__full_name="Đinh Văn Cường", title__code="CSTDCS")
    assert sorted(r.year for r in records) == [2022, 2023, 2024]
    assert all(r.source == "nhap_lieu" and r.decision_number.endswith("/QĐ-BCH") for r in records)


def test_a_second_run_creates_nothing_more(demo):
    before = (
        AwardRecord.objects.count(),
        Initiative.objects.count(),
        Hold.objects.count(),
        Person.objects.count(),
    )
    call_command("load_demo", "--force", stdout=io.StringIO())
    after = (
        AwardRecord.objects.count(),
        Initiative.objects.count(),
        Hold.objects.count(),
        Person.objects.count(),
    )
    assert after == before
