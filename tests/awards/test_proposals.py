"""Proposals through the services: drafting, the dossier, submission through the eligibility
engine, and the review by Sở Nội vụ up to "accepted for the council"."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from awards.models import (
    DocumentKind,
    NomineeOutcome,
    ProposalDocument,
    ProposalEvent,
    ProposalStatus,
)
from awards.services import dossier, proposals
from blocs.models import AuditLog
from tests.awards.proposal_kit import complete_dossier, docx, draft, engine, pdf, walk

S = ProposalStatus


@pytest.fixture(autouse=True)
def media(settings, tmp_path, monkeypatch):
    """Files in a temporary folder; an engine that passes everyone unless a test says otherwise."""
    settings.MEDIA_ROOT = tmp_path
    engine(monkeypatch, {})


# --- Drafting --------------------------------------------------------------------------------


def test_a_draft_takes_the_rule_set_in_force_on_its_date(org, titles):
    p = proposals.proposal_create(actor=org.donvi, unit=org.ca, year=2024, subject="Tổng kết 2024",
                                  on=datetime.date(2025, 1, 5))
    assert p.status == S.DRAFT and p.rule_set.code == "nd98-2023"
    assert p.events.get().action == "awards.proposal.created"


def test_only_the_blocs_lead_that_year_proposes_for_the_bloc(org, titles):
    with pytest.raises(ValidationError, match="trưởng"):
        proposals.proposal_create(actor=org.donvi, unit=org.ca, year=org.year, subject="x", bloc=org.noi_chinh)
    p = proposals.proposal_create(actor=org.truongkhoi, unit=org.chqs, year=org.year, subject="Khối",
                                  bloc=org.noi_chinh)
    assert p.bloc == org.noi_chinh


def test_a_collective_title_cannot_be_proposed_for_a_person(org, titles):
    p = draft(org, titles, codes=())
    with pytest.raises(ValidationError, match="dành cho tập thể"):
        proposals.nominee_add(actor=org.donvi, proposal=p, title=titles["TTLDXS"],
                              person=org.people["cong-an"][0], period_from=org.year,
                              period_to=org.year, achievement="x")
    assert not p.nominees.exists()


def test_a_person_of_another_unit_cannot_be_proposed(org, titles):
    p = draft(org, titles, codes=())
    with pytest.raises(ValidationError, match="không thuộc đơn vị đề nghị"):
        proposals.nominee_add(actor=org.donvi, proposal=p, title=titles["LDTT"],
                              person=org.people["tand"][0], period_from=org.year,
                              period_to=org.year, achievement="x")


def test_a_bloc_proposal_may_name_its_member_units(org, titles):
    p = proposals.proposal_create(actor=org.truongkhoi, unit=org.chqs, year=org.year, subject="Khối",
                                  bloc=org.noi_chinh)
    n = proposals.nominee_add(actor=org.truongkhoi, proposal=p, title=titles["CO_TINH"], unit=org.ca,
                              period_from=org.year, period_to=org.year, achievement="Dẫn đầu khối")
    assert n.subject == org.ca


# --- The dossier ------------------------------------------------------------------------------


def test_the_checklist_asks_for_an_initiative_certificate_only_for_cstd_titles(org, titles):
    p = draft(org, titles, codes=("LDTT", "CSTDCS"))
    kinds = [i.kind for i in dossier.checklist(p)]
    assert kinds.count(DocumentKind.ACHIEVEMENT_REPORT) == 2
    assert kinds.count(DocumentKind.INITIATIVE_CERTIFICATE) == 1
    assert DocumentKind.PARTY_OPINION not in kinds
    assert not any(i.present for i in dossier.checklist(p))


def test_an_order_needs_the_party_committees_opinion(org, titles):
    p = draft(org, titles, codes=("HCLD1",))
    assert DocumentKind.PARTY_OPINION in [i.kind for i in dossier.checklist(p)]


def test_a_fake_pdf_is_refused_and_changes_nothing(org, titles):
    p = draft(org, titles)
    with pytest.raises(ValidationError, match="không phải PDF"):
        dossier.document_upload(actor=org.donvi, proposal=p, kind=DocumentKind.SUBMISSION,
                                upload=pdf("to-trinh.pdf", b"just text renamed to pdf"))
    assert not ProposalDocument.objects.exists()


def test_an_oversized_file_is_refused_with_its_size(org, titles, monkeypatch):
    monkeypatch.setattr(dossier, "MAX_MB", 0)
    p = draft(org, titles)
    with pytest.raises(ValidationError, match="quá lớn"):
        dossier.document_upload(actor=org.donvi, proposal=p, kind=DocumentKind.SUBMISSION, upload=pdf())
    assert not ProposalDocument.objects.exists()


def test_a_docx_is_accepted_and_its_hash_and_size_kept(org, titles):
    p = draft(org, titles)
    upload = docx()
    doc = dossier.document_upload(actor=org.donvi, proposal=p, kind=DocumentKind.MINUTES, upload=upload)
    assert doc.size == upload.size and len(doc.sha256) == 64


def test_a_replaced_file_is_kept_and_the_checklist_shows_the_new_one(org, titles):
    p = draft(org, titles)
    old = dossier.document_upload(actor=org.donvi, proposal=p, kind=DocumentKind.SUBMISSION, upload=pdf("a.pdf"))
    new = dossier.document_upload(actor=org.donvi, proposal=p, kind=DocumentKind.SUBMISSION, upload=pdf("b.pdf"))
    old.refresh_from_db()
    assert old.replaced_by == new
    assert dossier.checklist(p)[0].document == new


# --- Submission ------------------------------------------------------------------------------


def test_an_incomplete_dossier_cannot_be_sent_and_says_what_is_missing(org, titles):
    p = draft(org, titles)
    with pytest.raises(ValidationError, match="Tờ trình"):
        proposals.proposal_submit(actor=org.donvi, proposal=p)
    p.refresh_from_db()
    assert p.status == S.DRAFT


def test_a_failing_check_blocks_submission_until_interior_staff_override_it(org, titles, monkeypatch):
    person = org.people["cong-an"][0]
    engine(monkeypatch, {person: [("fail", "Chưa đủ 6 tháng công tác (Điều 24)")]})
    p = draft(org, titles)
    complete_dossier(p)
    with pytest.raises(ValidationError, match="6 tháng"):
        proposals.proposal_submit(actor=org.donvi, proposal=p)
    assert proposals.proposal_check(actor=org.donvi, proposal=p)[0].checks[0]["status"] == "fail"
    proposals.nominee_override(actor=org.noivu, nominee=p.nominees.get(), reason="Nghỉ thai sản tính là thời gian công tác")
    p = proposals.proposal_submit(actor=org.donvi, proposal=p)
    assert p.status == S.SUBMITTED
    assert p.nominees.get().checks[0]["message"].startswith("Chưa đủ")


def test_warnings_do_not_block_and_are_kept(org, titles, monkeypatch):
    engine(monkeypatch, {org.people["cong-an"][0]: [("warn", "Chưa đăng ký thi đua")]})
    p = walk(org, titles, "da_gui")
    assert p.nominees.get().checks == [
        {"code": "R", "status": "warn", "message": "Chưa đăng ký thi đua", "article": "Điều 23"}
    ]


def test_a_first_submission_after_the_deadline_is_late(org, titles):
    p = draft(org, titles)
    complete_dossier(p)
    after = timezone.make_aware(datetime.datetime(org.year, 12, 20, 9))
    p = proposals.proposal_submit(actor=org.donvi, proposal=p, at=after)
    assert p.is_late


# --- Review ------------------------------------------------------------------------------------


def test_the_whole_path_to_the_council_is_recorded_as_events_and_audit_rows(org, titles):
    p = walk(org, titles, "cho_hoi_dong")
    assert p.status == S.ACCEPTED and p.assigned_to == org.noivu
    actions = list(p.events.values_list("action", flat=True))
    assert actions == [
        "awards.proposal.created", "awards.proposal.submitted", "awards.proposal.received",
        "awards.proposal.review_started", "awards.nominee.appraised", "awards.proposal.accepted",
    ]
    assert AuditLog.objects.filter(action="awards.proposal.accepted", object_id=str(p.pk)).exists()


def test_a_returned_proposal_is_edited_and_sent_again(org, titles):
    p = walk(org, titles, "tra_lai")
    assert p.return_comment == "Thiếu biên bản có chữ ký"
    p = proposals.proposal_submit(actor=org.donvi, proposal=p)
    assert p.status == S.SUBMITTED and p.first_submitted_at <= p.submitted_at


def test_a_proposal_is_not_accepted_while_a_nominee_waits_for_appraisal(org, titles):
    p = walk(org, titles, "dang_tham_dinh", codes=("LDTT", "LDTT"))
    first, second = p.nominees.all()
    proposals.nominee_appraise(actor=org.noivu, nominee=first, accepted=True)
    with pytest.raises(ValidationError, match="chưa được thẩm định"):
        proposals.proposal_accept(actor=org.noivu, proposal=p)
    with pytest.raises(ValidationError, match="lý do"):
        proposals.nominee_appraise(actor=org.noivu, nominee=second, accepted=False)
    proposals.nominee_appraise(actor=org.noivu, nominee=second, accepted=False, reason="Thiếu minh chứng")
    p = proposals.proposal_accept(actor=org.noivu, proposal=p)
    assert sorted(p.nominees.values_list("outcome", flat=True)) == [NomineeOutcome.ACCEPTED, NomineeOutcome.NOT_ACCEPTED]


def test_a_proposal_with_nobody_accepted_cannot_go_to_the_council(org, titles):
    p = walk(org, titles, "dang_tham_dinh")
    proposals.nominee_appraise(actor=org.noivu, nominee=p.nominees.get(), accepted=False, reason="Không đạt")
    with pytest.raises(ValidationError, match="Không có ai"):
        proposals.proposal_accept(actor=org.noivu, proposal=p)


def test_a_rejected_proposal_gives_its_reason_to_every_nominee(org, titles):
    p = walk(org, titles, "khong_khen")
    assert p.rejection_reason == "Không đủ thành tích"
    assert p.nominees.get().outcome == NomineeOutcome.REJECTED


def test_only_a_specialist_of_so_noi_vu_can_be_assigned(org, titles):
    p = walk(org, titles, "da_gui")
    with pytest.raises(ValidationError, match="cán bộ Sở Nội vụ"):
        proposals.proposal_receive(actor=org.noivu, proposal=p, specialist=org.donvi)


@pytest.mark.parametrize(
    ("state", "action"),
    [
        ("nhap", lambda o, p: proposals.proposal_receive(actor=o.noivu, proposal=p, specialist=o.noivu)),
        ("da_gui", lambda o, p: proposals.proposal_start_review(actor=o.noivu, proposal=p)),
        ("da_gui", lambda o, p: proposals.proposal_accept(actor=o.noivu, proposal=p)),
        ("da_tiep_nhan", lambda o, p: proposals.proposal_submit(actor=o.donvi, proposal=p)),
        ("nhap", lambda o, p: proposals.proposal_return(actor=o.noivu, proposal=p, comment="x")),
        ("cho_hoi_dong", lambda o, p: proposals.proposal_reject(actor=o.noivu, proposal=p, reason="x")),
        ("cho_hoi_dong", lambda o, p: proposals.proposal_return(actor=o.noivu, proposal=p, comment="x")),
        ("khong_khen", lambda o, p: proposals.proposal_receive(actor=o.noivu, proposal=p, specialist=o.noivu)),
        ("da_gui", lambda o, p: proposals.nominee_add(
            actor=o.donvi, proposal=p, title=p.nominees.first().title, person=o.people["cong-an"][1],
            period_from=o.year, period_to=o.year, achievement="x")),
    ],
)
def test_a_transition_from_the_wrong_state_is_refused_and_changes_nothing(org, titles, state, action):
    p = walk(org, titles, state)
    events = ProposalEvent.objects.count()
    with pytest.raises(ValidationError, match="trạng thái"):
        action(org, p)
    p.refresh_from_db()
    assert p.status == state and ProposalEvent.objects.count() == events


def test_the_real_engine_explains_each_nominee_in_vietnamese_before_submission(org, titles, monkeypatch):
    monkeypatch.undo()
    p = draft(org, titles, codes=("CSTDCS",))
    nominee = proposals.proposal_check(actor=org.donvi, proposal=p)[0]
    assert nominee.checked_at is not None
    assert any(c["status"] == "fail" and "sáng kiến" in c["message"] for c in nominee.checks)
