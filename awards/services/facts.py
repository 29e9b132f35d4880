"""The facts the eligibility rules read: yearly ratings, initiatives, discipline and holds,
and the audited changes of rule sets made in the admin.

Who may call which is decided before, in ``awards.access_facts``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from blocs.models import Person, Unit, User
from blocs.text import nfc, nfc_fields

from ..models import Discipline, Hold, Initiative, PerformanceRating, Rating
from .common import audit


@dataclass(frozen=True)
class RatingLine:
    """One person's rating for the year; an empty rating removes the stored one."""

    person_id: int
    rating: str
    source: str = ""


def _check_rating(value: str) -> None:
    if value and value not in Rating.values:
        raise ValidationError(_("Mức xếp loại “%(v)s” không hợp lệ.") % {"v": value})


def replace_person_ratings(
    *, actor: User | None, unit: Unit, year: int, lines: Iterable[RatingLine]
) -> tuple[int, int]:
    """Store exactly these ratings for these people and year, rated by *unit*, in a fixed
    number of queries whatever the number of lines. Returns (saved, deleted before)."""
    lines = list(lines)
    for line in lines:
        _check_rating(line.rating)
    ids = [line.person_id for line in lines]
    removed, _detail = PerformanceRating.objects.filter(person_id__in=ids, year=year).delete()
    rows = [
        PerformanceRating(
            person_id=line.person_id, year=year, rating=line.rating, rated_by_unit=unit,
            source=nfc(line.source)[:200], recorded_by=actor,
        )
        for line in lines
        if line.rating
    ]
    PerformanceRating.objects.bulk_create(rows)
    return len(rows), removed


def _save_unit_rating(*, actor: User | None, unit: Unit, year: int, rating: str, source: str) -> None:
    _check_rating(rating)
    PerformanceRating.objects.filter(unit=unit, year=year).delete()
    if rating:
        row = PerformanceRating(unit=unit, year=year, rating=rating, source=nfc(source), recorded_by=actor)
        row.full_clean()
        row.save()


@transaction.atomic
def ratings_save(
    *,
    actor: User,
    unit: Unit,
    year: int,
    lines: Iterable[RatingLine],
    unit_rating: str | None = None,
    unit_source: str = "",
) -> int:
    """Save the unit-year ratings page: each listed person's rating (empty removes it) and,
    when *unit_rating* is not None, the collective's own."""
    saved, _removed = replace_person_ratings(actor=actor, unit=unit, year=year, lines=lines)
    if unit_rating is not None:
        _save_unit_rating(actor=actor, unit=unit, year=year, rating=unit_rating, source=unit_source)
    audit(actor=actor, action="awards.ratings.saved", obj=unit, data={"year": year, "people": saved,
          "unit_rating": unit_rating or ""})
    return saved


# --- Initiatives -------------------------------------------------------------------------


@transaction.atomic
def initiative_save(*, actor: User, initiative: Initiative, authors: Iterable[Person]) -> Initiative:
    """Create or change a recognised initiative and its authors (at least one)."""
    authors = list(authors)
    if not authors:
        raise ValidationError({"authors": _("Hãy chọn ít nhất một tác giả.")})
    created = initiative.pk is None
    nfc_fields(initiative)
    if created:
        initiative.recorded_by = actor
    initiative.full_clean()
    initiative.save()
    initiative.authors.set(authors)
    audit(actor=actor, action="awards.initiative.created" if created else "awards.initiative.updated",
          obj=initiative, data={"authors": [p.pk for p in authors]})
    return initiative


# --- Discipline and holds ----------------------------------------------------------------


@transaction.atomic
def discipline_save(*, actor: User, discipline: Discipline) -> Discipline:
    created = discipline.pk is None
    nfc_fields(discipline)
    if created:
        discipline.recorded_by = actor
        if discipline.unit_at_time_id is None and discipline.person_id:
            discipline.unit_at_time_id = discipline.person.unit_id
    discipline.full_clean()
    discipline.save()
    audit(actor=actor, action="awards.discipline.created" if created else "awards.discipline.updated",
          obj=discipline)
    return discipline


@transaction.atomic
def hold_save(*, actor: User, hold: Hold) -> Hold:
    created = hold.pk is None
    nfc_fields(hold)
    if created:
        hold.recorded_by = actor
    hold.full_clean()
    hold.save()
    audit(actor=actor, action="awards.hold.opened" if created else "awards.hold.updated", obj=hold,
          to_state="closed" if hold.closed_on else "open")
    return hold


@transaction.atomic
def hold_close(*, actor: User, hold: Hold, closed_on: datetime.date, note: str = "") -> Hold:
    """Close an open matter on *closed_on*: from then on it no longer holds awards back."""
    hold = Hold.objects.select_for_update().get(pk=hold.pk)
    if hold.closed_on:
        raise ValidationError(
            _("Vụ việc đã kết thúc ngày %(d)s.") % {"d": hold.closed_on.strftime("%d/%m/%Y")}
        )
    hold.closed_on = closed_on
    if note:
        hold.note = "\n".join(filter(None, [hold.note, nfc(note)]))
    hold.full_clean()
    hold.save(update_fields=["closed_on", "note"])
    audit(actor=actor, action="awards.hold.closed", obj=hold, from_state="open", to_state="closed",
          data={"closed_on": closed_on.isoformat()})
    return hold


# --- Rule sets, changed in the admin -------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


@transaction.atomic
def rule_record_save(*, actor: User, obj: models.Model, action_prefix: str) -> dict[str, list]:
    """Save a rule set, title rule or base salary changed in the admin and record which
    fields changed, before and after. Returns those changes."""
    old = type(obj).objects.filter(pk=obj.pk).first() if obj.pk else None
    nfc_fields(obj)
    obj.full_clean()
    obj.save()
    changes = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key:
            continue
        after = getattr(obj, field.attname)
        before = getattr(old, field.attname) if old is not None else None
        # Compared as values (Decimal 90 == 90.00), stored as JSON-friendly text.
        if old is None or before != after:
            changes[field.name] = [_plain(before), _plain(after)]
    action = f"{action_prefix}.{'updated' if old else 'created'}"
    audit(actor=actor, action=action, obj=obj, data={"changes": changes})
    return changes


@transaction.atomic
def rule_record_delete(*, actor: User, obj: models.Model, action_prefix: str) -> None:
    data = {"deleted": {f.name: _plain(getattr(obj, f.attname)) for f in obj._meta.concrete_fields}}
    audit(actor=actor, action=f"{action_prefix}.deleted", obj=obj, data=data)
    obj.delete()
