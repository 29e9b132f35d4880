"""Models of the blocs' and the province's conferences: meetings with attendance and
documents, year-end scoring against the pledge, the vote for next year's lead, and the
five-yearly patriotic emulation congress."""

from .congress import (
    CommitteeRole,
    Congress,
    CongressDocument,
    DelegateQuota,
    ExemplaryModel,
    SteeringMember,
    Subcommittee,
    SubcommitteeTask,
)
from .meetings import Delegate, Meeting, MeetingAttendance, MeetingDocument, MeetingKind
from .reports import ReportFormat, ReportPeriod, ReportVersion, ReviewReport
from .scoring import Score, ScoreSheet
from .votes import LeadCandidate, LeadElection, VoteMethod

__all__ = [
    "CommitteeRole",
    "Congress",
    "CongressDocument",
    "Delegate",
    "DelegateQuota",
    "ExemplaryModel",
    "LeadCandidate",
    "LeadElection",
    "Meeting",
    "MeetingAttendance",
    "MeetingDocument",
    "MeetingKind",
    "ReportFormat",
    "ReportPeriod",
    "ReportVersion",
    "ReviewReport",
    "Score",
    "ScoreSheet",
    "SteeringMember",
    "Subcommittee",
    "SubcommitteeTask",
    "VoteMethod",
]
