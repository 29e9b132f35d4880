"""Helpers shared by the services: the audit row, the moment of an action."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.utils import timezone

from blocs.audit import audit_record
from blocs.models import AuditLog, User


def moment(at: datetime.datetime | None) -> datetime.datetime:
    """*at*, or now. Only code passes *at*: the demo records what happened in past years."""
    return at or timezone.now()


def audit(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    at: datetime.datetime | None = None,
    from_state: str = "",
    to_state: str = "",
    data: dict[str, Any] | None = None,
) -> AuditLog:
    row = audit_record(
        actor=actor, action=action, obj=obj, from_state=from_state, to_state=to_state, data=data
    )
    if at is not None:
        # The audit row's time is auto_now_add; a back-dated action carries its own.
        AuditLog.objects.filter(pk=row.pk).update(at=at)
        row.at = at
    return row
