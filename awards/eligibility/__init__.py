"""The eligibility engine: given a title, a year and a subject, which rules of domain §6
(R1–R18, R21–R25) pass, warn, fail or cannot be judged, each with its article.

Plain functions, no writes. Facts are loaded in bulk, a fixed number of queries for any
number of subjects. R19 (dossier) and R20 (council quorum) belong to the proposal and
council areas.
"""

from .api import evaluate, evaluate_nominees, evaluate_people, evaluate_units, make_context
from .common import FAIL, PASS, SEVERITY, STATUS_LABELS, UNKNOWN, WARN, Check, Verdict

__all__ = [
    "FAIL",
    "PASS",
    "SEVERITY",
    "STATUS_LABELS",
    "UNKNOWN",
    "WARN",
    "Check",
    "Verdict",
    "evaluate",
    "evaluate_nominees",
    "evaluate_people",
    "evaluate_units",
    "make_context",
]
