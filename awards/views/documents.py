"""Downloads of a proposal's official documents (ND 30 layout, PDF or editable DOCX): its
submission with the list of nominees, and the council's draft decision. They are short, so
they render in the request; the long review reports go through a Celery job instead."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from blocs.officialdocs import render_docx, render_pdf

from .. import access_proposals as access
from ..documents import draft_decision_document, submission_document
from ..models import ProposalStatus

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DECISION_STATES = (ProposalStatus.VOTED, ProposalStatus.FORWARDED, ProposalStatus.DECIDED)


def _file(document, fmt: str, name: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    content = render_pdf(document) if fmt == "pdf" else render_docx(document)
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=f"{name}.{fmt}",
                        content_type=CONTENT_TYPES[fmt])


def proposal_submission(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk)
    return _file(submission_document(proposal), fmt, f"to-trinh-de-nghi-{proposal.pk}")


def proposal_draft_decision(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk)
    if not request.user.sees_province:
        raise PermissionDenied
    if proposal.status not in DECISION_STATES:
        messages.error(request, _("Chỉ lập dự thảo quyết định sau khi Hội đồng đã biểu quyết."))
        return redirect(proposal)
    return _file(draft_decision_document(proposal), fmt, f"du-thao-quyet-dinh-{proposal.pk}")
