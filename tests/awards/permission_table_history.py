"""The council, decision and history rows of the permission matrix (see tests/test_permissions.py).

In the world: Công an's proposal accepted for the council this year (seen by donvi and by
truongkhoi, whose Bộ CHQS leads Công an's bloc) and Văn phòng Tỉnh ủy's (seen by neither);
a notice running today with one open objection; a decision awarding a Công an person and a
Văn phòng Tỉnh ủy person, with its signed scan; a council session that voted on a Công an
proposal (seen by both officers) and one that voted on Văn phòng Tỉnh ủy's alone, each
with its minutes.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from awards.models import (
    AwardRecord,
    CouncilSession,
    CouncilVote,
    Decision,
    Objection,
    Proposal,
    PublicNotice,
)
from awards.services import council, decisions
from tests.awards.factories_council import accepted_proposal, signing, vote
from tests.awards.proposal_kit import pdf
from tests.permission_kit import (
    DONE,
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    NOBODY,
    OK,
    POST_ONLY,
    PROVINCE_STAFF,
    answers,
    get,
    missing,
    no_args,
    pk,
    post,
)

_FAR_STAFF = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)
_STAFF_DONE = answers(DONE, DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN)
_PROVINCE_READS = answers(OK, OK, FORBIDDEN, FORBIDDEN, OK)
_FAR_READ = answers(OK, OK, HIDDEN, HIDDEN, OK)
_ANYONE_DONE = answers(DONE, DONE, DONE, DONE, DONE)


def _staff_pages(name: str, what: str) -> list:
    return [
        get(f"{what} of Công an's accepted proposal", pk("cp_near"), PROVINCE_STAFF),
        get(f"{what} of Văn phòng Tỉnh ủy's", pk("cp_far"), _FAR_STAFF),
        post(f"{what} of Công an's, empty", pk("cp_near"), PROVINCE_STAFF),
        get(f"{what} of a proposal that does not exist", missing, NOBODY),
    ]


TABLE = {
    "awards:council_list": [get("proposals waiting for the council", no_args, EVERYONE)],
    "awards:notice_publish": _staff_pages("notice_publish", "the notice form"),
    "awards:council_vote": _staff_pages("council_vote", "the council's votes"),
    "awards:decision_create": _staff_pages("decision_create", "the decision form"),
    "awards:central_decision_create": _staff_pages("central_decision_create", "the central decision form"),
    "awards:proposal_forward": [
        get("forwarding by link", pk("cp_near"), POST_ONLY),
        post("forwarding Công an's, not voted yet", pk("cp_near"), _STAFF_DONE),
        post("forwarding Văn phòng Tỉnh ủy's", pk("cp_far"),
             answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:notice_detail": [
        get("a notice running today", pk("notice"), EVERYONE),
        post("an empty objection", pk("notice"), EVERYONE),
        get("a notice that does not exist", missing, NOBODY),
    ],
    "awards:objection_list": [get("the objections", no_args, _PROVINCE_READS)],
    "awards:objection_resolve": [
        get("resolving the open objection", pk("objection"), PROVINCE_STAFF),
        post("resolving it with no note", pk("objection"), PROVINCE_STAFF),
        get("an objection that does not exist", missing, NOBODY),
    ],
    "awards:decision_list": [get("this year's decisions", no_args, EVERYONE)],
    "awards:decision_detail": [
        get("a decision with two awardees", pk("decision"), EVERYONE),
        get("a decision that does not exist", missing, NOBODY),
    ],
    "awards:decision_file_download": [
        get("the signed scan of a decision", pk("decision"), EVERYONE),
        get("the scan of a decision that does not exist", missing, NOBODY),
    ],
    "awards:decision_file_upload": [
        get("uploading a decision's scan by link", pk("decision"), POST_ONLY),
        post("uploading no file as a decision's scan", pk("decision"), PROVINCE_STAFF),
        post("uploading to a decision that does not exist", missing, NOBODY),
    ],
    "awards:council_session_detail": [
        get("the session that voted on Công an's proposal", pk("session_near"), EVERYONE),
        get("the session that voted on Văn phòng Tỉnh ủy's only", pk("session_far"), _FAR_READ),
        get("a session that does not exist", missing, NOBODY),
    ],
    "awards:council_minutes_download": [
        get("the minutes of the session on Công an's", pk("session_near"), EVERYONE),
        get("the minutes of the session on Văn phòng Tỉnh ủy's", pk("session_far"), _FAR_READ),
        get("the minutes of a session that does not exist", missing, NOBODY),
    ],
    "awards:council_minutes_upload": [
        get("uploading minutes by link", pk("session_near"), POST_ONLY),
        post("uploading no file as the minutes of the session on Công an's", pk("session_near"), PROVINCE_STAFF),
        post("uploading no file as the minutes of the session on Văn phòng Tỉnh ủy's", pk("session_far"),
             _FAR_STAFF),
    ],
    "awards:history_search": [get("the award history", no_args, EVERYONE)],
    "awards:history_export": [
        get("exporting the history by link", no_args, POST_ONLY),
        post("exporting the history as it is filtered", no_args, _ANYONE_DONE),
    ],
    "awards:award_revoke": [
        get("revoking a Công an person's award", pk("record_near"), PROVINCE_STAFF),
        get("revoking a Văn phòng Tỉnh ủy person's award", pk("record_far"), _FAR_STAFF),
        post("revoking with nothing filled in", pk("record_near"), PROVINCE_STAFF),
    ],
    "awards:history_import": [
        get("the import form", no_args, PROVINCE_STAFF),
        post("importing no file", no_args, PROVINCE_STAFF),
    ],
    "awards:history_template": [get("the import template", no_args, PROVINCE_STAFF)],
}


def extend_world(w) -> None:
    day = datetime.date(w.year, 1, 10)
    w.cp_near = accepted_proposal(w, [(w.ca, "TTLDXS")], year=w.year, day=day)
    w.cp_far = accepted_proposal(w, [(w.vptu, "TTLDXS")], year=w.year, day=day, unit=w.vptu)
    on_notice = accepted_proposal(w, [(w.people["cong-an"][0], "CSTD_TQ")], year=w.year, day=day)
    w.notice = council.notice_publish(actor=w.noivu, proposal=on_notice, starts_on=timezone.localdate())
    w.objection = council.objection_submit(actor=w.donvi, notice=w.notice, sender_name="Lò Văn A",
                                           sender_contact="Phong Thổ", text="Thành tích chưa đúng")
    decided = accepted_proposal(w, [(w.people["cong-an"][0], "BK_TINH"), (w.people["vp-tinh-uy"][0], "BK_TINH")],
                                year=w.year, day=day)
    vote(w, decided, day)
    w.decision = decisions.decision_record(actor=w.noivu, proposal=decided, signing=signing(day))
    decisions.decision_file_attach(actor=w.noivu, decision=w.decision, upload=pdf("quyet-dinh.pdf"))
    # A session is seen by those who see a proposal it voted on (CSTĐCS needs the vote).
    near = accepted_proposal(w, [(w.people["cong-an"][1], "CSTDCS")], year=w.year, day=day)
    far = accepted_proposal(w, [(w.people["vp-tinh-uy"][1], "CSTDCS")], year=w.year, day=day, unit=w.vptu)
    w.session_near, w.session_far = vote(w, near, day), vote(w, far, day)
    for session in (w.session_near, w.session_far):
        council.council_minutes_attach(actor=w.noivu, session=session, upload=pdf("bien-ban.pdf"))
    w.record_near = AwardRecord.objects.get(person=w.people["cong-an"][0])
    w.record_far = AwardRecord.objects.get(person=w.people["vp-tinh-uy"][0])


def state() -> dict:
    return {
        "proposals": list(Proposal.objects.values_list("pk", "status").order_by("pk")),
        "notices": list(PublicNotice.objects.values_list("pk", "ends_on").order_by("pk")),
        "objections": list(Objection.objects.values_list("pk", "status").order_by("pk")),
        "votes": CouncilVote.objects.count(),
        "decisions": list(Decision.objects.values_list("pk", "number", "file").order_by("pk")),
        "minutes": list(CouncilSession.objects.values_list("pk", "minutes").order_by("pk")),
        "records": list(AwardRecord.objects.values_list("pk", "revoked_by_id").order_by("pk")),
    }
