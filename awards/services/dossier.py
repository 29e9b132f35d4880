"""The dossier of a proposal (hồ sơ đề nghị): files checked by their content, replaced files
kept for the record, and the checklist of what the law asks for (R19, Law Điều 84).

A file is a PDF (the magic number in the first kilobyte and an end-of-file marker in the
last) or a DOCX (a zip holding ``[Content_Types].xml`` and ``word/document.xml``); its
name is not trusted. A refused upload changes nothing.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.models import User
from blocs.uploads import sha256_of

from ..models import DocumentKind, Nominee, Proposal, ProposalDocument
from .common import audit

MAX_MB = 20
CSTD_CODES = frozenset({"CSTDCS", "CSTD_TINH", "CSTD_TQ"})
# Orders (Huân chương) and CSTĐ toàn quốc need the provincial party committee's opinion.
PARTY_OPINION_CODES = frozenset({"CSTD_TQ"})
NOMINEE_KINDS = frozenset({DocumentKind.ACHIEVEMENT_REPORT, DocumentKind.INITIATIVE_CERTIFICATE})
# One current file per slot; a new upload to the slot replaces the old one (kept).
SINGLE_SLOT_KINDS = frozenset(
    {DocumentKind.SUBMISSION, DocumentKind.MINUTES, DocumentKind.PARTY_OPINION, *NOMINEE_KINDS}
)


def needs_party_opinion(code: str) -> bool:
    return code in PARTY_OPINION_CODES or code.startswith("HC")


def _head_and_tail(upload: UploadedFile) -> tuple[bytes, bytes]:
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(max(upload.size - 1024, 0))
    tail = upload.read(1024)
    upload.seek(0)
    return head, tail


def _is_docx(upload: UploadedFile) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return {"[Content_Types].xml", "word/document.xml"} <= names


def file_format(upload: UploadedFile, *, max_mb: int | None = None) -> str:
    """"pdf" or "docx", by content; otherwise a ValidationError saying what is accepted."""
    max_mb = MAX_MB if max_mb is None else max_mb
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size).1f MB); tối đa %(max)s MB.")
            % {"name": upload.name, "size": upload.size / 1024 / 1024, "max": max_mb},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name}, code="empty")
    head, tail = _head_and_tail(upload)
    if b"%PDF-" in head:
        if b"%%EOF" not in tail:
            raise ValidationError(
                _("Tệp “%(name)s” là PDF hỏng hoặc chưa tải hết; hãy xuất lại tệp PDF.")
                % {"name": upload.name},
                code="broken_pdf",
            )
        return "pdf"
    if head.startswith(b"PK\x03\x04") and _is_docx(upload):
        return "docx"
    raise ValidationError(
        _("Tệp “%(name)s” không phải PDF hay Word (DOCX) thật; chỉ nhận bản PDF hoặc DOCX.")
        % {"name": upload.name},
        code="bad_format",
    )



def current_documents(proposal: Proposal) -> list[ProposalDocument]:
    return list(proposal.documents.filter(replaced_by__isnull=True).order_by("kind", "uploaded_at", "pk"))


@transaction.atomic
def document_upload(
    *,
    actor: User | None,
    proposal: Proposal,
    kind: str,
    upload: UploadedFile,
    nominee: Nominee | None = None,
) -> ProposalDocument:
    """Add a file to the dossier of a draft or returned proposal; a file in the same slot
    (same kind, and same nominee for a nominee's report or certificate) is replaced and kept."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_editable:
        raise ValidationError(
            _("Đề nghị đang ở trạng thái “%(s)s”: chỉ bổ sung hồ sơ khi đang soạn hoặc bị trả lại.")
            % {"s": proposal.get_status_display()}
        )
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Chọn loại tài liệu.")})
    if kind in NOMINEE_KINDS and nominee is None:
        raise ValidationError({"nominee": _("Tài liệu này là của một người, tập thể: hãy chọn ai.")})
    if nominee is not None and nominee.proposal_id != proposal.pk:
        raise ValidationError({"nominee": _("Người, tập thể này không thuộc đề nghị.")})
    fmt = file_format(upload)
    document = ProposalDocument(
        proposal=proposal,
        nominee=nominee if kind in NOMINEE_KINDS or kind == DocumentKind.OTHER else None,
        kind=kind,
        original_name=(upload.name or "tep")[-255:],
        size=upload.size,
        sha256=sha256_of(upload),
        uploaded_by=actor,
    )
    document.file.save(document.original_name, upload, save=False)
    document.save()
    replaced = []
    if kind in SINGLE_SLOT_KINDS:
        old = proposal.documents.filter(kind=kind, nominee=document.nominee, replaced_by__isnull=True)
        replaced = list(old.exclude(pk=document.pk).values_list("pk", flat=True))
        ProposalDocument.objects.filter(pk__in=replaced).update(replaced_by=document)
    audit(actor=actor, action="awards.proposal.document_uploaded", obj=proposal,
          data={"document": document.pk, "kind": kind, "format": fmt, "sha256": document.sha256,
                "size": document.size, "replaced": replaced})
    return document


@dataclass
class ChecklistItem:
    kind: str
    label: str
    nominee: Nominee | None
    document: ProposalDocument | None

    @property
    def present(self) -> bool:
        return self.document is not None


def checklist(
    proposal: Proposal,
    nominees: Iterable[Nominee] | None = None,
    documents: Iterable[ProposalDocument] | None = None,
) -> list[ChecklistItem]:
    """Each document the law asks of this proposal, present or missing (R19). Pass the
    nominees (with their titles) and current documents when already loaded."""
    nominees = list(proposal.nominees.select_related("title", "person", "unit", "household")
                    if nominees is None else nominees)
    documents = current_documents(proposal) if documents is None else list(documents)
    found = {(d.kind, d.nominee_id): d for d in documents if d.replaced_by_id is None}

    def item(kind, label, nominee=None):
        return ChecklistItem(kind, label, nominee, found.get((kind, nominee.pk if nominee else None)))

    items = [
        item(DocumentKind.SUBMISSION, _("Tờ trình đề nghị khen thưởng")),
        item(DocumentKind.MINUTES, _("Biên bản họp Hội đồng Thi đua – Khen thưởng (có kết quả bỏ phiếu)")),
    ]
    for nominee in nominees:
        items.append(item(DocumentKind.ACHIEVEMENT_REPORT,
                          _("Báo cáo thành tích của %(s)s") % {"s": nominee.subject}, nominee))
        if nominee.title.code in CSTD_CODES:
            items.append(item(DocumentKind.INITIATIVE_CERTIFICATE,
                              _("Giấy chứng nhận sáng kiến, đề tài của %(s)s") % {"s": nominee.subject},
                              nominee))
    if any(needs_party_opinion(n.title.code) for n in nominees):
        items.append(item(DocumentKind.PARTY_OPINION, _("Ý kiến của Ban Thường vụ Tỉnh ủy")))
    return items


def missing_documents(proposal: Proposal) -> list[str]:
    return [i.label for i in checklist(proposal) if not i.present]


def copy_documents(source: Nominee, target: Nominee, *, kinds=NOMINEE_KINDS) -> int:
    """Carry a nominee's current report and certificate to its consolidated copy (the same
    stored file, not a new upload)."""
    rows = [
        ProposalDocument(
            proposal_id=target.proposal_id, nominee=target, kind=d.kind, file=d.file.name,
            original_name=d.original_name, size=d.size, sha256=d.sha256, uploaded_by=d.uploaded_by,
        )
        for d in source.documents.filter(kind__in=kinds, replaced_by__isnull=True)
    ]
    ProposalDocument.objects.bulk_create(rows)
    return len(rows)

