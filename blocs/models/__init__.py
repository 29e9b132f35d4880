"""The province's organisation (units, blocs and clusters, memberships, people) and its
accounts, audit log and background jobs."""

from .accounts import AuditLog, Job, JobStatus, Role, User
from .organisation import (
    MAX_YEAR,
    MIN_YEAR,
    Bloc,
    BlocKind,
    BlocLevel,
    BlocYear,
    Employment,
    Gender,
    LeadSource,
    MemberRole,
    Membership,
    Person,
    TransferRequest,
    TransferStatus,
    Unit,
    UnitKind,
    ordered_period,
    year_field,
)

__all__ = [
    "MAX_YEAR", "MIN_YEAR", "AuditLog", "Bloc", "BlocKind", "BlocLevel", "BlocYear", "Employment",
    "Gender", "Job", "JobStatus", "LeadSource", "MemberRole", "Membership", "Person", "Role",
    "TransferRequest", "TransferStatus", "Unit", "UnitKind", "User", "ordered_period", "year_field",
]
