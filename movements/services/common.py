"""Checks and helpers shared by the pledge and budget services: validated saves, positions
of ordered rows, bloc membership, meeting dates."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Max, Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.models import Bloc, Membership, Unit
from blocs.text import nfc, nfc_fields


def save_checked(obj: Model, exclude: tuple[str, ...] = ()) -> Model:
    nfc_fields(obj)
    obj.full_clean(exclude=exclude)
    obj.save()
    return obj


def next_position(siblings: QuerySet) -> int:
    return (siblings.aggregate(m=Max("position"))["m"] or 0) + 1


def save_moved(obj: Model, siblings: QuerySet, old: int) -> None:
    """Save *obj* at its new position; a sibling already there takes *obj*'s old place."""
    taken = siblings.exclude(pk=obj.pk).filter(position=obj.position)
    # Park the sibling at 0 first: (parent, position) is unique at every step.
    moved = list(taken.values_list("pk", flat=True))
    taken.update(position=0)
    save_checked(obj)
    siblings.filter(pk__in=moved).update(position=old)


def check_member(bloc: Bloc, year: int, unit: Unit | None, field: str) -> None:
    if unit is None:
        return
    if not Membership.objects.filter(
        unit=unit, bloc_year__bloc=bloc, bloc_year__year=year
    ).exists():
        raise ValidationError(
            {field: _("%(u)s không phải thành viên của khối năm %(y)s.") % {"u": unit, "y": year}}
        )


def check_meeting_date(day: datetime.date, year: int, field: str) -> None:
    """A signing or approving meeting is held late in the year before or during the year."""
    if day > timezone.localdate():
        raise ValidationError({field: _("Ngày này chưa tới: hãy ghi ngày đã diễn ra hội nghị.")})
    if day.year not in (year - 1, year):
        raise ValidationError(
            {
                field: _("Ngày phải trong năm %(y)s hoặc cuối năm %(p)s.")
                % {"y": year, "p": year - 1}
            }
        )


def required(value: str, field: str, message: str) -> str:
    value = nfc(value or "")
    if not value:
        raise ValidationError({field: message})
    return value
