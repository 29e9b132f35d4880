"""Reads of the awards app that need more than a queryset: the year's overview, a
registration's contents, a bloc's consolidation, the dashboard, the history of a record.

Every function costs a fixed number of queries, however many units or people there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from blocs.access import led_bloc_ids, visible_units
from blocs.models import AuditLog, Bloc, BlocLevel, Membership, Person, Unit, UnitKind, User

from . import access
from .models import (
    BlocRegistration,
    BlocRegistrationStatus,
    Registration,
    RegistrationEntry,
    RegistrationRound,
    RegistrationStatus,
    Title,
    TitleKind,
)

ACTION_LABELS = {
    "awards.registration.created": _("Tạo bản đăng ký"),
    "awards.registration.updated": _("Sửa bản đăng ký"),
    "awards.registration.submitted": _("Gửi đăng ký"),
    "awards.registration.returned": _("Trả lại"),
    "awards.registration.accepted": _("Tiếp nhận"),
    "awards.bloc_registration.submitted": _("Trưởng khối gửi Sở Nội vụ"),
    "awards.bloc_registration.acknowledged": _("Sở Nội vụ tiếp nhận"),
}


def active_in_year(year: int) -> Q:
    """Units that existed on at least one day of *year* (as ``Unit.is_active_in_year``)."""
    started = Q(active_from__isnull=True) | Q(active_from__year__lte=year)
    return started & (Q(active_to__isnull=True) | Q(active_to__year__gte=year))


def expected_units(user: User, year: int) -> QuerySet[Unit]:
    """The units the user sees that are expected to register in *year*."""
    return visible_units(user, year).filter(active_in_year(year)).exclude(kind=UnitKind.PROVINCE)


def catalogue() -> dict[str, list[Title]]:
    titles = list(Title.objects.order_by("kind", "position", "name"))
    return {
        "titles": [t for t in titles if t.kind == TitleKind.TITLE],
        "forms": [t for t in titles if t.kind == TitleKind.FORM],
    }


def registrable_titles() -> list[Title]:
    return list(Title.objects.filter(is_active=True).exclude(beneficiary="ho_gia_dinh"))


# --- The year at a glance ----------------------------------------------------------------


@dataclass
class UnitRow:
    unit: Unit
    registration: Registration | None

    @property
    def state(self) -> str:
        return self.registration.status if self.registration else "chua"


@dataclass
class BlocGroup:
    bloc: Bloc | None
    rows: list[UnitRow] = field(default_factory=list)
    consolidated: BlocRegistration | None = None


FILTERS = {
    "dang_ky": lambda row: row.registration is not None,
    "nhan": lambda row: row.state == RegistrationStatus.ACCEPTED,
    "chua": lambda row: row.registration is None,
    "muon": lambda row: row.registration is not None and row.registration.is_late,
    "cho": lambda row: row.state == RegistrationStatus.SUBMITTED,
    "tra_lai": lambda row: row.state == RegistrationStatus.RETURNED,
}


def round_overview(*, user: User, round_: RegistrationRound, show: str = "") -> dict:
    """Every unit the user sees, grouped by the provincial bloc it reports to, with its
    registration; the counts by state; the blocs' consolidated registrations. Four queries."""
    year = round_.year
    units = list(expected_units(user, year).order_by("name"))
    unit_ids = [u.pk for u in units]
    bloc_of = {
        m.unit_id: m.bloc_year.bloc
        for m in Membership.objects.filter(
            unit_id__in=unit_ids, bloc_year__year=year, bloc_year__bloc__level=BlocLevel.PROVINCIAL
        ).select_related("bloc_year__bloc")
    }
    registrations = {
        r.unit_id: r
        for r in Registration.objects.filter(round=round_, unit_id__in=unit_ids).select_related("bloc")
    }
    rows = [UnitRow(unit, registrations.get(unit.pk)) for unit in units]
    counts = _counts(rows)
    if show in FILTERS:
        rows = [row for row in rows if FILTERS[show](row)]
    groups: dict[int | None, BlocGroup] = {}
    for row in rows:
        # Once sent, a registration stays with the bloc it was sent to.
        bloc = row.registration.bloc if row.registration and row.registration.bloc_id else bloc_of.get(row.unit.pk)
        groups.setdefault(bloc.pk if bloc else None, BlocGroup(bloc)).rows.append(row)
    consolidated = {
        b.bloc_id: b
        for b in access.visible_bloc_registrations(user).filter(round=round_, bloc_id__in=[k for k in groups if k])
    }
    for key, group in groups.items():
        group.consolidated = consolidated.get(key)
    ordered = sorted(groups.values(), key=lambda g: (g.bloc is None, g.bloc.name if g.bloc else ""))
    return {"groups": ordered, "counts": counts}


def _counts(rows: list[UnitRow]) -> dict[str, int]:
    counts = {"units": len(rows), "registered": 0, "chua": 0, "muon": 0}
    for status in RegistrationStatus.values:
        counts[status] = 0
    for row in rows:
        if row.registration is None:
            counts["chua"] += 1
            continue
        counts["registered"] += 1
        counts[row.registration.status] += 1
        counts["muon"] += row.registration.is_late
    return counts


def round_list(*, user: User) -> list[RegistrationRound]:
    """Rounds, newest first, each with the user's own unit's registration when there is one."""
    rounds = list(RegistrationRound.objects.select_related("movement").order_by("-year"))
    own = {}
    if user.unit_id:
        own = {r.round_id: r for r in Registration.objects.filter(unit_id=user.unit_id)}
    counts = dict(
        access.visible_registrations(user).order_by().values_list("round_id").annotate(n=Count("pk"))
    )
    for round_ in rounds:
        round_.own_registration = own.get(round_.pk)
        round_.visible_count = counts.get(round_.pk, 0)
    return rounds


# --- One registration --------------------------------------------------------------------


@dataclass
class PersonLine:
    person: Person
    titles: list[Title] = field(default_factory=list)
    forms: list[Title] = field(default_factory=list)


def registration_contents(registration: Registration) -> dict:
    """What the registration holds: the collective's titles and forms, then each person's."""
    entries = RegistrationEntry.objects.filter(registration=registration).select_related(
        "title", "person"
    ).order_by("title__kind", "title__position", "person__search_text")
    collective = {"titles": [], "forms": []}
    people: dict[int, PersonLine] = {}
    for entry in entries:
        bucket = "titles" if entry.title.kind == TitleKind.TITLE else "forms"
        if entry.person is None:
            collective[bucket].append(entry.title)
        else:
            line = people.setdefault(entry.person_id, PersonLine(entry.person))
            getattr(line, bucket).append(entry.title)
    lines = sorted(people.values(), key=lambda line: line.person.search_text)
    return {"collective": collective, "people": lines, "count": len(entries)}


def history(obj) -> list[AuditLog]:
    rows = list(
        AuditLog.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .select_related("actor__unit")
        .order_by("at", "pk")
    )
    for row in rows:
        row.label = ACTION_LABELS.get(row.action, row.action)
        row.comment = (row.data or {}).get("comment", "")
    return rows


# --- A bloc's consolidation ----------------------------------------------------------------


def registrant_lines(registration: Registration) -> list[tuple[str, list[str]]]:
    """("collectives" or "people", [name, position, titles, forms]) for the collective (when
    it registered anything), then for each person in name order; from prefetched entries."""
    collective: dict[str, list[str]] = {TitleKind.TITLE: [], TitleKind.FORM: []}
    people: dict[int, tuple] = {}
    for entry in registration.entries.all():
        if entry.person is None:
            collective[entry.title.kind].append(entry.title.name)
            continue
        _person, titles = people.setdefault(
            entry.person_id, (entry.person, {TitleKind.TITLE: [], TitleKind.FORM: []})
        )
        titles[entry.title.kind].append(entry.title.name)
    lines = []
    if collective[TitleKind.TITLE] or collective[TitleKind.FORM]:
        lines.append(("collectives", [f"Tập thể {registration.unit.name}", "",
                      "; ".join(collective[TitleKind.TITLE]), "; ".join(collective[TitleKind.FORM])]))
    for person, titles in sorted(people.values(), key=lambda item: item[0].search_text):
        lines.append(("people", [person.full_name, person.position,
                      "; ".join(titles[TitleKind.TITLE]), "; ".join(titles[TitleKind.FORM])]))
    return lines



def bloc_members(bloc_registration: BlocRegistration) -> list[UnitRow]:
    """The bloc's members that year, each with its registration for the round."""
    members = (
        Membership.objects.filter(
            bloc_year__bloc_id=bloc_registration.bloc_id,
            bloc_year__year=bloc_registration.round.year,
        )
        .select_related("unit")
        .order_by("unit__name")
    )
    registrations = {
        r.unit_id: r
        for r in Registration.objects.filter(
            round_id=bloc_registration.round_id, unit_id__in=[m.unit_id for m in members]
        ).annotate(entry_count=Count("entries"))
    }
    return [UnitRow(m.unit, registrations.get(m.unit_id)) for m in members]


# --- Exports -------------------------------------------------------------------------------


def consolidated_registrations(
    *, user: User, year: int, bloc_id: int | None = None
) -> list[Registration]:
    """Accepted registrations of *year* that *user* sees, with their entries, ordered by
    bloc (units without one last) and unit."""
    entries = RegistrationEntry.objects.select_related("title", "person").order_by(
        "person__search_text", "title__kind", "title__position"
    )
    registrations = (
        access.visible_registrations(user)
        .filter(round__year=year, status=RegistrationStatus.ACCEPTED)
        .select_related("unit", "bloc")
        .prefetch_related(Prefetch("entries", queryset=entries))
    )
    if bloc_id is not None:
        registrations = registrations.filter(bloc_id=bloc_id)
    ordered = sorted(
        registrations, key=lambda r: (r.bloc is None, r.bloc.name if r.bloc else "", r.unit.name)
    )
    for registration in ordered:
        registration.lines = registrant_lines(registration)
    return ordered


# --- The dashboard -------------------------------------------------------------------------


def dashboard(*, user: User, year: int) -> dict:
    """The registration round of *year* as it concerns the user; a fixed number of queries."""
    round_ = RegistrationRound.objects.filter(year=year).first()
    data: dict = {"year": year, "round": round_}
    if round_ is None:
        return data
    if user.is_unit_officer:
        data["own"] = Registration.objects.filter(round=round_, unit_id=user.unit_id).first()
        led = led_bloc_ids(user, year)
        if led:
            data["waiting"] = Registration.objects.filter(
                round=round_, bloc_id__in=led, status=RegistrationStatus.SUBMITTED
            ).count()
            data["consolidated"] = list(
                BlocRegistration.objects.filter(round=round_, bloc_id__in=led).select_related("bloc")
            )
    if user.sees_province:
        data["counts"] = _province_counts(round_)
        data["to_acknowledge"] = list(
            BlocRegistration.objects.filter(
                round=round_, status=BlocRegistrationStatus.SUBMITTED
            ).select_related("bloc")
        )
    return data


def _province_counts(round_: RegistrationRound) -> dict[str, int]:
    registrations = Registration.objects.filter(round=round_)
    counts = registrations.aggregate(
        registered=Count("pk"),
        submitted=Count("pk", filter=Q(status=RegistrationStatus.SUBMITTED)),
        accepted=Count("pk", filter=Q(status=RegistrationStatus.ACCEPTED)),
        returned=Count("pk", filter=Q(status=RegistrationStatus.RETURNED)),
        late=Count("pk", filter=Q(is_late=True)),
    )
    counts["missing"] = (
        Unit.objects.filter(active_in_year(round_.year))
        .exclude(kind=UnitKind.PROVINCE)
        .exclude(pk__in=registrations.values("unit_id"))
        .count()
    )
    return counts

