"""Builders of proposals for the tests: files that are (or pretend to be) PDFs and DOCXs, a
complete dossier, and a proposal walked to a given state through the services."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile

from awards.models import Proposal
from awards.services import dossier, proposals

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "to-trinh.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx(name: str = "bao-cao.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def draft(org, titles, *, unit=None, actor=None, codes=("LDTT",), people=None, **extra) -> Proposal:
    """A draft of *unit* (Công an by default) with one nominee per code (its people in turn)."""
    unit = unit or org.ca
    actor = actor or org.donvi
    proposal = proposals.proposal_create(
        actor=actor, unit=unit, year=org.year, subject=f"Đề nghị khen thưởng năm {org.year}", **extra
    )
    people = people or org.people[unit.code]
    for i, code in enumerate(codes):
        title = titles[code]
        subject = {"person": people[i % len(people)]} if title.for_individual else {"unit": unit}
        proposals.nominee_add(
            actor=actor, proposal=proposal, title=title, period_from=org.year, period_to=org.year,
            achievement="Hoàn thành xuất sắc nhiệm vụ được giao", **subject,
        )
    return proposal


def complete_dossier(proposal: Proposal, actor=None) -> None:
    for item in dossier.checklist(proposal):
        if not item.present:
            dossier.document_upload(actor=actor, proposal=proposal, kind=item.kind,
                                    nominee=item.nominee, upload=pdf(f"{item.kind}.pdf"))


@dataclass
class Verdict:
    checks: list = field(default_factory=list)

    @property
    def status(self):
        statuses = {c.status for c in self.checks}
        return "fail" if "fail" in statuses else "warn" if "warn" in statuses else "pass"


@dataclass
class Check:
    code: str
    status: str
    message: str
    article: str = ""


def engine(monkeypatch, verdicts_by_person: dict) -> None:
    """Replace the eligibility engine: {person or unit: [(status, message)]}."""

    def evaluate(nominees):
        out = {}
        for n in nominees:
            found = verdicts_by_person.get(n.subject, [("pass", "Đủ điều kiện")])
            out[n.pk] = Verdict([Check("R", s, m, "Điều 23") for s, m in found])
        return out

    monkeypatch.setattr(proposals, "evaluate", evaluate)


def walk(org, titles, to: str, **kw) -> Proposal:
    """A proposal of Công an walked to *to* (a ProposalStatus) by the right people."""
    p = draft(org, titles, **kw)
    if to == "nhap":
        return p
    complete_dossier(p, org.donvi)
    p = proposals.proposal_submit(actor=org.donvi, proposal=p)
    if to == "da_gui":
        return p
    p = proposals.proposal_receive(actor=org.noivu, proposal=p, specialist=org.noivu)
    if to == "da_tiep_nhan":
        return p
    p = proposals.proposal_start_review(actor=org.noivu, proposal=p)
    if to == "dang_tham_dinh":
        return p
    if to == "tra_lai":
        return proposals.proposal_return(actor=org.noivu, proposal=p, comment="Thiếu biên bản có chữ ký")
    if to == "khong_khen":
        return proposals.proposal_reject(actor=org.noivu, proposal=p, reason="Không đủ thành tích")
    for n in p.nominees.all():
        proposals.nominee_appraise(actor=org.noivu, nominee=n, accepted=True)
    return proposals.proposal_accept(actor=org.noivu, proposal=p)

