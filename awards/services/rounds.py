"""Registration rounds: interior staff open the registrations of a year."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.models import Bloc, BlocLevel, User
from blocs.text import nfc_fields

from ..models import BlocRegistration, RegistrationRound
from .common import audit


def ensure_bloc_registrations(round_: RegistrationRound, blocs: list[Bloc] | None = None) -> None:
    """Give each provincial bloc of the round's year its consolidated registration (empty)."""
    if blocs is None:
        blocs = list(Bloc.objects.filter(level=BlocLevel.PROVINCIAL, years__year=round_.year))
    present = set(
        BlocRegistration.objects.filter(round=round_).values_list("bloc_id", flat=True)
    )
    BlocRegistration.objects.bulk_create(
        BlocRegistration(round=round_, bloc=bloc) for bloc in blocs if bloc.pk not in present
    )


@transaction.atomic
def round_open(*, actor: User | None, round_: RegistrationRound) -> RegistrationRound:
    """Open the registrations of ``round_.year`` with its deadline."""
    if RegistrationRound.objects.filter(year=round_.year).exists():
        raise ValidationError(
            {"year": _("Năm %(year)s đã có đợt đăng ký thi đua.") % {"year": round_.year}}
        )
    round_.opened_by = actor
    nfc_fields(round_)
    round_.full_clean()
    round_.save()
    ensure_bloc_registrations(round_)
    audit(actor=actor, action="awards.round.opened", obj=round_, data={"year": round_.year})
    return round_


@transaction.atomic
def round_update(*, actor: User, round_: RegistrationRound) -> RegistrationRound:
    """Change a round's dates or guidance. Lateness already flagged stays as it was judged."""
    old_year = RegistrationRound.objects.values_list("year", flat=True).get(pk=round_.pk)
    if old_year != round_.year:
        raise ValidationError({"year": _("Không đổi được năm của đợt đăng ký.")})
    nfc_fields(round_)
    round_.full_clean()
    round_.save()
    audit(
        actor=actor,
        action="awards.round.updated",
        obj=round_,
        data={"deadline": round_.deadline.isoformat()},
    )
    return round_
