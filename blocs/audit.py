"""The audit trail: every service that changes state writes one row in its own transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from .models import AuditLog, User


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    from_state: str = "",
    to_state: str = "",
    data: dict[str, Any] | None = None,
) -> AuditLog:
    """Write who did *action* (a stable dotted name, e.g. ``blocs.unit.dissolved``) to *obj*."""
    return AuditLog.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        from_state=from_state,
        to_state=to_state,
        data=data or {},
    )
