"""The award pipeline: catalogue, registrations, rule sets and facts, proposals, the council,
decisions and award history (register → propose → decide → record).

``awards`` may import ``movements`` and ``blocs``, never the reverse.
"""

from .catalogue import AwardLevel, Beneficiary, MovementAward, Title, TitleKind
from .council import CouncilSession, CouncilVote, Objection, ObjectionStatus, PublicNotice
from .decisions import (
    AwardRecord,
    AwardSource,
    Decision,
    DecisionCounter,
    DecisionKind,
    SignerPrefix,
)
from .facts import (
    DISCIPLINE_SEVERITY,
    RATING_RANK,
    BlocRanking,
    Discipline,
    DisciplineForm,
    Hold,
    HoldKind,
    Initiative,
    InitiativeKind,
    InitiativeLevel,
    PerformanceRating,
    Rating,
)
from .proposals import (
    STREAK_KINDS,
    AwardKind,
    DocumentKind,
    Household,
    Nominee,
    NomineeOutcome,
    Proposal,
    ProposalDocument,
    ProposalEvent,
    ProposalStatus,
)
from .registrations import (
    BlocRegistration,
    BlocRegistrationStatus,
    Registration,
    RegistrationEntry,
    RegistrationRound,
    RegistrationStatus,
)
from .rules import BaseSalary, DeciderLevel, PublicHoliday, RuleSet, TitleRule

__all__ = [
    "DISCIPLINE_SEVERITY", "RATING_RANK", "STREAK_KINDS", "AwardKind", "AwardLevel", "AwardRecord",
    "AwardSource", "BaseSalary", "Beneficiary", "BlocRanking", "BlocRegistration", "BlocRegistrationStatus",
    "CouncilSession", "CouncilVote", "DeciderLevel", "Decision", "DecisionCounter", "DecisionKind",
    "Discipline", "DisciplineForm", "DocumentKind", "Hold", "HoldKind", "Household", "Initiative",
    "InitiativeKind", "InitiativeLevel", "MovementAward", "Nominee", "NomineeOutcome", "Objection",
    "ObjectionStatus", "PerformanceRating", "Proposal", "ProposalDocument", "ProposalEvent",
    "ProposalStatus", "PublicHoliday", "PublicNotice", "Rating", "Registration", "RegistrationEntry",
    "RegistrationRound", "RegistrationStatus", "RuleSet", "SignerPrefix", "Title", "TitleKind",
    "TitleRule",
]
