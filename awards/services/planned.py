"""What a movement plans to award: which titles or forms, how many, the budget, criteria."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.models import User
from blocs.text import nfc_fields

from ..models import MovementAward
from .common import audit


@transaction.atomic
def movement_award_save(*, actor: User | None, award: MovementAward) -> MovementAward:
    created = award.pk is None
    # A retired title may stay on an old plan, but is not planned anew.
    if created and award.title_id and not award.title.is_active:
        raise ValidationError({"title": _("“%(t)s” không còn áp dụng.") % {"t": award.title}})
    nfc_fields(award)
    award.full_clean()
    award.save()
    audit(
        actor=actor,
        action="awards.movement_award.created" if created else "awards.movement_award.updated",
        obj=award,
        data={"movement": award.movement_id, "title": award.title_id},
    )
    return award


@transaction.atomic
def movement_award_delete(*, actor: User, award: MovementAward) -> None:
    audit(
        actor=actor,
        action="awards.movement_award.deleted",
        obj=award,
        data={"movement": award.movement_id, "title": award.title_id},
    )
    award.delete()
