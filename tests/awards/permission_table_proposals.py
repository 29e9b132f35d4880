"""The proposals area's rows of the permission matrix (see tests/test_permissions.py).

In the world: Công an's proposals (donvi's unit, a member of Khối Nội chính which
truongkhoi's Bộ CHQS leads) in each state of the review — a draft with a file, one sent,
one received, one under review — and Văn phòng Tỉnh ủy's, sent (outside both officers'
sight). The eligibility engine is replaced by one that passes everyone.
"""

from __future__ import annotations

from unittest import mock

from awards.models import Nominee, Proposal, ProposalDocument, ProposalEvent, Title
from awards.services import dossier, proposals
from tests.awards.proposal_kit import complete_dossier, draft, pdf
from tests.permission_kit import (
    DONE,
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    NOBODY,
    OK,
    POST_ONLY,
    answers,
    get,
    missing,
    no_args,
    pk,
    post,
)

_CA_WRITE = answers(OK, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN)
_CA_WRITE_DONE = answers(DONE, FORBIDDEN, FORBIDDEN, DONE, FORBIDDEN)
_CA_REVIEW = answers(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
_CA_REVIEW_DONE = answers(DONE, DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN)
_FAR_READ = answers(OK, OK, HIDDEN, HIDDEN, OK)
_FAR_REVIEW = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)


def _bloc(attr: str):
    return lambda w: {"pk": getattr(w, attr).pk, "year": w.year}


TABLE = {
    "awards:proposal_list": [get("the proposals", no_args, EVERYONE)],
    "awards:proposal_create": [
        get("the form of a new proposal", no_args, answers(FORBIDDEN, OK, OK, OK, FORBIDDEN)),
        post("a new proposal with nothing in it", no_args, answers(FORBIDDEN, OK, OK, OK, FORBIDDEN)),
    ],
    "awards:proposal_detail": [
        get("Công an's draft", pk("prop_draft"), EVERYONE),
        get("Văn phòng Tỉnh ủy's, sent", pk("prop_far"), _FAR_READ),
        get("a proposal that does not exist", missing, NOBODY),
    ],
    "awards:proposal_update": [
        get("Công an's draft's form", pk("prop_draft"), _CA_WRITE),
        post("Công an's draft emptied", pk("prop_draft"), _CA_WRITE),
        get("Công an's, already sent: back to its page", pk("prop_sent"), _CA_WRITE_DONE),
    ],
    "awards:nominee_add": [
        get("adding to Công an's draft", pk("prop_draft"), _CA_WRITE),
        post("adding nobody to Công an's draft", pk("prop_draft"), _CA_WRITE),
        get("adding to Văn phòng Tỉnh ủy's", pk("prop_far"), answers(DONE, FORBIDDEN, HIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:nominee_update": [
        get("a nominee of Công an's draft", pk("nominee_draft"), _CA_WRITE),
        post("a nominee of Công an's draft emptied", pk("nominee_draft"), _CA_WRITE),
    ],
    "awards:nominee_remove": [
        get("removing by link", pk("nominee_draft"), POST_ONLY),
        post("removing a nominee of Công an's draft", pk("nominee_draft"), _CA_WRITE_DONE),
    ],
    "awards:proposal_document_upload": [
        get("uploading by link", pk("prop_draft"), POST_ONLY),
        post("uploading nothing to Công an's draft", pk("prop_draft"), _CA_WRITE),
    ],
    "awards:proposal_document_download": [
        get("a file of Công an's draft", pk("doc_draft"), EVERYONE),
        get("a file of Văn phòng Tỉnh ủy's", pk("doc_far"), _FAR_READ),
        get("a file that does not exist", missing, NOBODY),
    ],
    "awards:proposal_check": [
        get("checking by link", pk("prop_draft"), POST_ONLY),
        post("checking Công an's draft", pk("prop_draft"), answers(DONE, DONE, FORBIDDEN, DONE, FORBIDDEN)),
    ],
    "awards:proposal_submit": [
        get("sending by link", pk("prop_draft"), POST_ONLY),
        post("sending Công an's draft, its dossier incomplete", pk("prop_draft"), _CA_WRITE_DONE),
    ],
    "awards:proposal_receive": [
        get("receiving by link", pk("prop_sent"), POST_ONLY),
        post("receiving Công an's with no specialist", pk("prop_sent"), _CA_REVIEW),
        post("receiving Văn phòng Tỉnh ủy's with no specialist", pk("prop_far"), _FAR_REVIEW),
    ],
    "awards:proposal_start_review": [
        get("starting by link", pk("prop_received"), POST_ONLY),
        post("starting the review of Công an's", pk("prop_received"), _CA_REVIEW_DONE),
    ],
    "awards:nominee_appraise": [
        get("appraising by link", pk("nominee_review"), POST_ONLY),
        post("appraising with no verdict", pk("nominee_review"), _CA_REVIEW),
    ],
    "awards:nominee_override": [
        get("overriding by link", pk("nominee_review"), POST_ONLY),
        post("overriding with no reason", pk("nominee_review"), _CA_REVIEW),
    ],
    "awards:proposal_return": [
        get("returning by link", pk("prop_sent"), POST_ONLY),
        post("returning Công an's with no comment", pk("prop_sent"), _CA_REVIEW),
    ],
    "awards:proposal_accept": [
        get("accepting by link", pk("prop_review"), POST_ONLY),
        post("accepting Công an's while a nominee waits", pk("prop_review"), _CA_REVIEW_DONE),
    ],
    "awards:proposal_reject": [
        get("rejecting by link", pk("prop_sent"), POST_ONLY),
        post("rejecting Công an's with no reason", pk("prop_sent"), _CA_REVIEW),
    ],
    "awards:proposal_gather_bloc": [
        get("gathering Khối Nội chính's", _bloc("noi_chinh"), answers(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)),
        post("gathering nothing for Khối Nội chính", _bloc("noi_chinh"),
             answers(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)),
        get("gathering Khối Đảng's", _bloc("dang"), answers(OK, FORBIDDEN, HIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:proposal_gather_central": [
        get("gathering for the centre", lambda w: {"year": w.year},
            answers(FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
        post("gathering nothing for the centre", lambda w: {"year": w.year},
             answers(FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    ],
}


def extend_world(w) -> None:
    titles = {t.code: t for t in Title.objects.all()}
    with mock.patch.object(proposals, "evaluate", lambda nominees: {}):
        w.prop_draft = draft(w, titles)
        w.nominee_draft = w.prop_draft.nominees.get()
        w.doc_draft = dossier.document_upload(actor=w.donvi, proposal=w.prop_draft, kind="to_trinh",
                                              upload=pdf())
        sent = []
        for _ in range(3):
            p = draft(w, titles)
            complete_dossier(p, w.donvi)
            sent.append(proposals.proposal_submit(actor=w.donvi, proposal=p))
        w.prop_sent, w.prop_received, w.prop_review = sent
        for p in sent[1:]:
            proposals.proposal_receive(actor=w.noivu, proposal=p, specialist=w.noivu)
        proposals.proposal_start_review(actor=w.noivu, proposal=w.prop_review)
        w.nominee_review = w.prop_review.nominees.get()
        w.prop_far = draft(w, titles, unit=w.vptu, actor=None)
        complete_dossier(w.prop_far)
        w.doc_far = w.prop_far.documents.first()
        proposals.proposal_submit(actor=None, proposal=w.prop_far)


def state() -> dict:
    return {
        "proposals": list(Proposal.objects.values_list("pk", "status", "subject", "assigned_to_id").order_by("pk")),
        "nominees": list(Nominee.objects.values_list("pk", "outcome", "override_reason").order_by("pk")),
        "documents": ProposalDocument.objects.count(),
        "events": ProposalEvent.objects.count(),
    }
