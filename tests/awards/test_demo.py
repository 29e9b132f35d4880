"""The awards part of the demo: past years' registrations as history, this year's round
open with something for each persona to do; a second run creates nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from awards.models import (
    BlocRegistration,
    BlocRegistrationStatus,
    Registration,
    RegistrationEntry,
    RegistrationRound,
    RegistrationStatus,
)
from blocs.models import AuditLog, Unit, User

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def counts() -> list[int]:
    return [m.objects.count() for m in (RegistrationRound, Registration, RegistrationEntry, BlocRegistration)]


def state(year: int, code: str) -> tuple:
    r = Registration.objects.get(round__year=year, unit__code=code)
    return r.status, r.is_late


def test_the_demo_has_rounds_for_2024_2025_and_this_year_and_a_rerun_adds_nothing(demo):
    year = timezone.localdate().year
    assert set(RegistrationRound.objects.values_list("year", flat=True)) == {2024, 2025, year}
    assert "đợt đăng ký thi đua" in demo and "bản đăng ký thi đua" in demo
    before = counts()
    load()
    assert counts() == before


def test_2024_is_history_khoi_noi_chinh_registered_and_its_consolidation_was_acknowledged(demo):
    members = ["bo-chqs", "cong-an", "bdbp", "tand", "vksnd", "so-tu-phap", "thanh-tra", "thads"]
    assert {code: state(2024, code) for code in members} == {
        code: (RegistrationStatus.ACCEPTED, code == "thads") for code in members
    }
    nc = BlocRegistration.objects.get(round__year=2024, bloc__name="Khối Thi đua Nội chính")
    assert nc.status == BlocRegistrationStatus.ACKNOWLEDGED
    assert nc.acknowledged_by.username == "noivu" and nc.submitted_by.username == "truongkhoi"
    assert timezone.localtime(nc.submitted_at).date().isoformat() == "2024-03-25"
    returned = AuditLog.objects.get(action="awards.registration.returned",
                                    object_id=str(Registration.objects.get(round__year=2024, unit__code="tand").pk))
    assert returned.at.year == 2024 and returned.actor.username == "truongkhoi"


def test_khoi_dang_shows_a_returned_a_waiting_and_a_late_registration(demo):
    bao = Registration.objects.get(round__year=2024, unit__code="bao-lai-chau")
    assert bao.status == RegistrationStatus.RETURNED and bao.return_comment.startswith("Đề nghị ghi rõ")
    assert state(2024, "ban-dan-van") == (RegistrationStatus.SUBMITTED, True)
    assert RegistrationEntry.objects.filter(
        registration__round__year=2024, person__full_name="Lương Thị Hằng", title__code="CSTDCS"
    ).exists()


def test_this_years_round_is_open_and_each_persona_has_something_to_do(demo, client):
    year = timezone.localdate().year
    round_ = RegistrationRound.objects.get(year=year)
    assert round_.deadline > timezone.localdate()
    assert not Registration.objects.filter(round=round_, unit__code__in=["cong-an", "bo-chqs"]).exists()
    client.force_login(User.objects.get(username="donvi"))
    ca = Unit.objects.get(code="cong-an")
    assert reverse("awards:registration_create", args=[year, ca.pk]) in client.get("/").content.decode()
    client.force_login(User.objects.get(username="truongkhoi"))
    assert "2 bản đăng ký của thành viên chờ xem xét." in client.get("/").content.decode()
