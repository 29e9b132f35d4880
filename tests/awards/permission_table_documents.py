"""The official documents' rows of the permission matrix (see tests/test_permissions.py).

Uses the proposals area's world: Công an's proposal sent (prop_sent, in Khối Nội chính,
which truongkhoi's Bộ CHQS leads) and Văn phòng Tỉnh ủy's (prop_far, outside both officers'
sight). A draft decision exists only once the council has voted: before that, staff are sent
back to the proposal with a message.
"""

from __future__ import annotations

from tests.permission_kit import DONE, FORBIDDEN, HIDDEN, NOBODY, OK, answers, get


def _doc(attr: str, fmt: str = "pdf"):
    return lambda w: {"pk": getattr(w, attr).pk, "fmt": fmt}


TABLE = {
    "awards:proposal_submission": [
        get("Công an's submission as PDF", _doc("prop_sent"), answers(OK, OK, OK, OK, OK)),
        get("Công an's submission as DOCX", _doc("prop_sent", "docx"), answers(OK, OK, OK, OK, OK)),
        get("Văn phòng Tỉnh ủy's submission", _doc("prop_far"), answers(OK, OK, HIDDEN, HIDDEN, OK)),
        get("a submission in a format that does not exist", _doc("prop_sent", "exe"), NOBODY),
    ],
    "awards:proposal_draft_decision": [
        get("the draft decision of a proposal not voted yet", _doc("prop_sent"),
            answers(DONE, DONE, FORBIDDEN, FORBIDDEN, DONE)),
        get("the draft decision of Văn phòng Tỉnh ủy's", _doc("prop_far"),
            answers(DONE, DONE, HIDDEN, HIDDEN, DONE)),
    ],
}


def extend_world(w) -> None:
    """Nothing of its own: the proposals area's world has what these rows need."""
