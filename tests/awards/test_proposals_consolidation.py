"""Consolidation: a bloc lead gathers its members' accepted nominees into one bloc proposal;
interior staff gather the nominees the province sends up into one proposal to the centre."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from awards.models import DocumentKind, NomineeOutcome, ProposalStatus
from awards.services import consolidate_proposals as consolidate
from awards.services import dossier
from tests.awards.proposal_kit import engine, walk


@pytest.fixture(autouse=True)
def media(settings, tmp_path, monkeypatch):
    """Files in a temporary folder; an engine that passes everyone unless a test says otherwise."""
    settings.MEDIA_ROOT = tmp_path
    engine(monkeypatch, {})


def test_the_bloc_lead_gathers_accepted_nominees_without_typing_them_again(org, titles):
    source = walk(org, titles, "cho_hoi_dong", codes=("CSTDCS",))
    src_nominee = source.nominees.get()
    assert list(consolidate.bloc_candidates(org.noi_chinh, org.year)) == [src_nominee]
    bloc_p = consolidate.proposal_consolidate_bloc(
        actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year, nominee_ids=[src_nominee.pk],
        subject="Khối Nội chính đề nghị khen thưởng",
    )
    copy = bloc_p.nominees.get()
    assert (copy.source, copy.person, copy.title, copy.achievement) == (
        src_nominee, src_nominee.person, src_nominee.title, src_nominee.achievement)
    assert bloc_p.bloc == org.noi_chinh and bloc_p.proposing_unit == org.chqs
    assert bloc_p.status == ProposalStatus.DRAFT
    # The report and initiative certificate came along; the bloc's minutes are still to add.
    missing = {i.kind for i in dossier.checklist(bloc_p) if not i.present}
    assert missing == {DocumentKind.SUBMISSION, DocumentKind.MINUTES}
    source.refresh_from_db()
    src_nominee.refresh_from_db()
    assert src_nominee.outcome == NomineeOutcome.CONSOLIDATED
    assert source.status == ProposalStatus.CONSOLIDATED and source.consolidated_into == bloc_p
    assert "Khối Nội chính đề nghị" in source.events.last().comment


def test_a_nominee_cannot_be_gathered_twice(org, titles):
    source = walk(org, titles, "cho_hoi_dong")
    ids = [source.nominees.get().pk]
    consolidate.proposal_consolidate_bloc(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year,
                                          nominee_ids=ids, subject="Lần 1")
    with pytest.raises(ValidationError, match="đã được tổng hợp"):
        consolidate.proposal_consolidate_bloc(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year,
                                              nominee_ids=ids, subject="Lần 2")


def test_a_proposal_not_yet_accepted_offers_nothing_to_gather(org, titles):
    walk(org, titles, "dang_tham_dinh")
    assert not consolidate.bloc_candidates(org.noi_chinh, org.year).exists()


def test_interior_staff_gather_only_centrally_decided_titles_for_the_centre(org, titles):
    central = walk(org, titles, "cho_hoi_dong", codes=("BK_TTG", "LDTT"))
    bk_ttg = central.nominees.get(title__code="BK_TTG")
    assert list(consolidate.central_candidates(org.year)) == [bk_ttg]
    to_central = consolidate.proposal_consolidate_central(
        actor=org.noivu, unit=org.snv, year=org.year, nominee_ids=[bk_ttg.pk],
        subject="Tỉnh đề nghị Thủ tướng tặng Bằng khen")
    assert to_central.to_central and to_central.nominees.get().source == bk_ttg
    central.refresh_from_db()
    # Its LĐTT stays with the province: the source keeps its state, and says where BK TTg went.
    assert central.status == ProposalStatus.ACCEPTED and central.consolidated_into == to_central
