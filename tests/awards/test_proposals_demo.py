"""The proposals part of the demo: Văn phòng Tỉnh ủy's Huân chương under review, the northern
border cluster's 2023 proposals accepted, and something waiting for each persona; a second
run creates nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from awards.models import Proposal, ProposalDocument, ProposalStatus
from blocs.models import User

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, str(tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)
    settings.MEDIA_ROOT = media


def by_subject(start: str) -> Proposal:
    return Proposal.objects.get(subject__startswith=start)


def test_van_phong_tinh_uy_is_proposed_for_the_first_class_labour_order(demo):
    p = by_subject("Đề nghị tặng Huân chương Lao động hạng Nhất")
    assert p.status == ProposalStatus.UNDER_REVIEW and p.proposing_unit.code == "vp-tinh-uy"
    assert p.nominees.get().title.code == "HCLD1"
    assert p.documents.filter(kind="y_kien_dang").exists()


def test_the_northern_border_clusters_2023_proposals_are_accepted_for_the_council(demo):
    p = by_subject("Cụm thi đua các tỉnh miền núi biên giới phía Bắc")
    assert p.status == ProposalStatus.ACCEPTED and p.year == 2023 and p.bloc is not None
    assert sorted(p.nominees.values_list("unit__code", "title__code")) == [
        ("tinh-ha-giang", "BK_TTG"), ("tinh-lang-son", "CO_CP")]


def test_each_persona_finds_a_proposal_waiting_on_the_dashboard(demo, client):
    for username, expected in [("donvi", "Lao động tiên tiến"), ("donvi", "Chiến sĩ thi đua cơ sở"),
                               ("noivu", "Bộ Chỉ huy Quân sự tỉnh đề nghị")]:
        client.force_login(User.objects.get(username=username))
        assert expected in client.get(reverse("dashboard")).content.decode(), (username, expected)
    assert by_subject("Công an tỉnh đề nghị Chiến sĩ").status == ProposalStatus.RETURNED


def test_a_second_run_creates_no_proposal(demo):
    before = (Proposal.objects.count(), ProposalDocument.objects.count())
    load()
    assert (Proposal.objects.count(), ProposalDocument.objects.count()) == before
