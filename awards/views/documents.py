"""Downloads of a proposal's official documents (ND 30 layout, PDF or editable DOCX): its
submission with the list of nominees, and the council's draft decision. They are short, so
they render in the request; the long review reports go through a Celery job instead."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from blocs.officialdocs import download

from .. import access_proposals as access
from ..documents import draft_decision_document, submission_document
from ..models import ProposalStatus

DECISION_STATES = (ProposalStatus.VOTED, ProposalStatus.FORWARDED, ProposalStatus.DECIDED)


def proposal_submission(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk)
    return download(submission_document(proposal), fmt, f"to-trinh-de-nghi-{proposal.pk}")


def proposal_draft_decision(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk)
    if not request.user.sees_province:
        raise PermissionDenied
    if proposal.status not in DECISION_STATES:
        messages.error(request, _("Chỉ lập dự thảo quyết định sau khi Hội đồng đã biểu quyết."))
        return redirect(proposal)
    return download(draft_decision_document(proposal), fmt, f"du-thao-quyet-dinh-{proposal.pk}")
