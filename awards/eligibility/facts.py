"""Bulk loading of what the checks read, for a whole set of people or units at once: one
query per kind of fact, whatever the number of subjects, then plain Python objects.

``subjects`` is a list of ids or a queryset (used as a sub-query, so 25,000 people cost
no more queries than ten)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from awards.models import (
    DISCIPLINE_SEVERITY,
    AwardRecord,
    BlocRanking,
    Discipline,
    DisciplineForm,
    Hold,
    HoldKind,
    Initiative,
    Nominee,
    NomineeOutcome,
    PerformanceRating,
    ProposalStatus,
    RegistrationEntry,
    RegistrationStatus,
)
from blocs.models import Employment, Membership, Unit

# A nominee in these states no longer claims its initiatives or its place in the cycle.
CLOSED_OUTCOMES = (
    NomineeOutcome.REJECTED,
    NomineeOutcome.NOT_ACCEPTED,
    NomineeOutcome.CONSOLIDATED,
    NomineeOutcome.DEFERRED,
)


@dataclass(frozen=True)
class Claim:
    """A live nominee: the subject proposed, or an initiative cited, in a proposal."""

    nominee_id: int
    source_id: int | None
    proposal: str
    submitted: bool

    def mine(self, exclude: set[int]) -> bool:
        return self.nominee_id in exclude or self.source_id in exclude


@dataclass(frozen=True)
class AwardFact:
    code: str
    label: str
    year: int
    kind: str
    revoked: bool
    decision: str
    via: str = ""  # a predecessor unit's name when the record came through a merger


@dataclass(frozen=True)
class InitiativeFact:
    pk: int
    title: str
    level: str
    year: int
    recognised_by: str
    used_by: str  # "" when unused, else "CSTĐCS 2023 (QĐ số …)"


@dataclass(frozen=True)
class PeriodFact:
    label: str
    start: datetime.date | None
    end: datetime.date | None
    severity: int = 0
    source: str = ""


@dataclass(frozen=True)
class RankFact:
    """A unit's place in a bloc's year-end ranking of the judged year."""

    bloc: str
    level: str  # BlocLevel: provincial bloc or national cluster
    rank: int
    of: int  # the bloc's members that year (or the units ranked, if more)
    tied: int  # other units ranked on the same place
    source: str


@dataclass
class Facts:
    """Everything known about one person or unit."""

    ratings: dict[int, str] = field(default_factory=dict)
    awards: list[AwardFact] = field(default_factory=list)
    initiatives: list[InitiativeFact] = field(default_factory=list)
    disciplines: list[PeriodFact] = field(default_factory=list)
    holds: list[PeriodFact] = field(default_factory=list)
    employments: list[PeriodFact] = field(default_factory=list)
    registered: bool = False
    other_nominations: list[Claim] = field(default_factory=list)
    # Units only
    memberships: list[tuple[str, str, str]] = field(default_factory=list)  # (bloc, role, level)
    rankings: list[RankFact] = field(default_factory=list)
    members: list[MemberFacts] = field(default_factory=list)
    predecessors: list[str] = field(default_factory=list)


@dataclass
class MemberFacts:
    """A unit member's facts of the judged year (TTLĐTT, TTLĐXS)."""

    person_id: int
    female: bool
    rating: str | None = None
    codes: set[str] = field(default_factory=set)
    disciplined_from_warning: bool = False


def _ids_filter(field_name: str, subjects) -> Q:
    if isinstance(subjects, QuerySet):
        return Q(**{f"{field_name}__in": subjects.order_by().values("pk")})
    return Q(**{f"{field_name}__in": list(subjects)})


def _decision_label(record: AwardRecord) -> str:
    number = record.decision_label
    return f"QĐ số {number}" if number else "chưa ghi số quyết định"


def award_fact(record: AwardRecord, via: str = "") -> AwardFact:
    return AwardFact(
        code=record.title.code,
        label=record.title.label,
        year=record.year,
        kind=record.kind,
        revoked=record.revoked_by_id is not None,
        decision=_decision_label(record),
        via=via,
    )


AWARD_FIELDS = (
    "title__code",
    "title__short_name",
    "title__name",
    "year",
    "kind",
    "revoked_by_id",
    "decision__number",
    "decision__symbol",
    "decision_number",
)


def _printed(number, symbol, printed) -> str:
    label = f"{number}/{symbol}" if number is not None else printed
    return f"QĐ số {label}" if label else "chưa ghi số quyết định"


def award_row(row, via: str = "") -> AwardFact:
    """An AwardFact from a values_list row of AWARD_FIELDS (no model instances: fast)."""
    code, short, name, year, kind, revoked, number, symbol, printed = row
    return AwardFact(
        code, short or name, year, kind, revoked is not None, _printed(number, symbol, printed), via
    )


def _awards(subject_field: str, subjects):
    """(subject id, AwardFact) for every record of the subjects: 1 query."""
    rows = AwardRecord.objects.filter(_ids_filter(subject_field, subjects)).values_list(
        subject_field, *AWARD_FIELDS
    )
    return ((row[0], award_row(row[1:])) for row in rows)


def _initiatives(subjects) -> dict[int, list[InitiativeFact]]:
    through = Initiative.authors.through
    rows = through.objects.filter(_ids_filter("person_id", subjects)).values_list(
        "person_id",
        "initiative_id",
        "initiative__title",
        "initiative__level",
        "initiative__recognised_on",
        "initiative__recognised_by",
        "initiative__used_by_id",
        *(f"initiative__used_by__{f}" for f in AWARD_FIELDS),
    )
    found: dict[int, list[InitiativeFact]] = defaultdict(list)
    for person_id, pk, title, level, on, by, used_id, *award in rows:
        used = ""
        if used_id:
            fact = award_row(award)
            used = "" if fact.revoked else f"{fact.label} {fact.year} ({fact.decision})"
        found[person_id].append(InitiativeFact(pk, title, level, on.year, by, used))
    return found


def initiative_fact(i: Initiative) -> InitiativeFact:
    """Needs ``used_by__title`` and ``used_by__decision`` loaded."""
    used = ""
    if i.used_by_id and not i.used_by.revoked_by_id:
        used = f"{i.used_by.title.label} {i.used_by.year} ({_decision_label(i.used_by)})"
    return InitiativeFact(i.pk, i.title, i.level, i.recognised_on.year, i.recognised_by, used)


def initiative_claims(subjects, extra_ids=()) -> dict[int, list[Claim]]:
    """Live nominees citing the initiatives of *subjects* (people) or *extra_ids*, in one
    query whatever they are (a sub-query, never an empty list); callers skip their own."""
    authored = Initiative.authors.through.objects.filter(_ids_filter("person_id", subjects))
    through = Nominee.initiatives.through
    rows = (
        through.objects.filter(
            Q(initiative_id__in=authored.values("initiative_id"))
            | Q(initiative_id__in=list(extra_ids))
        )
        .exclude(nominee__outcome__in=CLOSED_OUTCOMES)
        .values_list(
            "initiative_id",
            "nominee_id",
            "nominee__source_id",
            "nominee__proposal__subject",
            "nominee__proposal__status",
        )
    )
    claims: dict[int, list[Claim]] = defaultdict(list)
    for initiative_id, nominee_id, source_id, subject, status in rows:
        claims[initiative_id].append(
            Claim(nominee_id, source_id, subject, status != ProposalStatus.DRAFT)
        )
    return claims


def other_nominations(subject_field: str, subjects, *, title, year) -> dict[int, list[Claim]]:
    rows = (
        Nominee.objects.filter(
            _ids_filter(subject_field, subjects), title=title, proposal__year=year
        )
        .exclude(outcome__in=CLOSED_OUTCOMES)
        .values_list(subject_field, "pk", "source_id", "proposal__subject", "proposal__status")
    )
    found: dict[int, list[Claim]] = defaultdict(list)
    for subject_id, pk, source_id, label, status in rows:
        found[subject_id].append(Claim(pk, source_id, label, status != ProposalStatus.DRAFT))
    return found


def _registered(subjects, *, title, year, collective: bool) -> set[int]:
    entries = RegistrationEntry.objects.filter(title=title, registration__round__year=year).exclude(
        registration__status=RegistrationStatus.DRAFT
    )
    if collective:
        entries = entries.filter(
            _ids_filter("registration__unit_id", subjects), person__isnull=True
        )
        return set(entries.values_list("registration__unit_id", flat=True))
    return set(
        entries.filter(_ids_filter("person_id", subjects)).values_list("person_id", flat=True)
    )


def _holds(subject_field: str, subjects) -> dict[int, list[PeriodFact]]:
    found: dict[int, list[PeriodFact]] = defaultdict(list)
    kinds = dict(HoldKind.choices)
    rows = Hold.objects.filter(_ids_filter(subject_field, subjects)).values_list(
        f"{subject_field}_id", "kind", "opened_on", "closed_on", "source"
    )
    for subject_id, kind, opened, closed, source in rows:
        found[subject_id].append(PeriodFact(f"{kinds[kind]} ({source})", opened, closed))
    return found


def load_people(subjects, *, title, year: int) -> dict[int, Facts]:
    """Facts of every person in *subjects* (ids or a Person queryset): 8 queries."""
    book: dict[int, Facts] = defaultdict(Facts)
    for person_id, y, rating in PerformanceRating.objects.filter(
        _ids_filter("person_id", subjects)
    ).values_list("person_id", "year", "rating"):
        book[person_id].ratings[y] = rating
    for person_id, fact in _awards("person_id", subjects):
        book[person_id].awards.append(fact)
    for person_id, items in _initiatives(subjects).items():
        book[person_id].initiatives = items
    forms = dict(DisciplineForm.choices)
    for person_id, form, start, end, source in Discipline.objects.filter(
        _ids_filter("person_id", subjects)
    ).values_list("person_id", "form", "effective_from", "effective_to", "source"):
        book[person_id].disciplines.append(
            PeriodFact(f"{forms[form]} ({source})", start, end, DISCIPLINE_SEVERITY[form])
        )
    for person_id, holds in _holds("person", subjects).items():
        book[person_id].holds = holds
    for person_id, unit_id, start, end in Employment.objects.filter(
        _ids_filter("person_id", subjects)
    ).values_list("person_id", "unit_id", "start", "end"):
        book[person_id].employments.append(PeriodFact(str(unit_id), start, end))
    for person_id in _registered(subjects, title=title, year=year, collective=False):
        book[person_id].registered = True
    for person_id, labels in other_nominations(
        "person_id", subjects, title=title, year=year
    ).items():
        book[person_id].other_nominations = labels
    return book


def load_units(subjects, *, title, year: int) -> dict[int, Facts]:
    """Facts of every unit in *subjects*, with the history of the units merged into them,
    their bloc rankings and their members of *year*: 13 queries."""
    book: dict[int, Facts] = defaultdict(Facts)
    merged = Unit.successors.through.objects.filter(
        _ids_filter("to_unit_id", subjects)
    ).select_related("from_unit")
    heir: dict[int, tuple[int, str]] = {
        m.from_unit_id: (m.to_unit_id, m.from_unit.name) for m in merged
    }
    for unit_id, name in heir.values():
        book[unit_id].predecessors.append(name)
    both = Q(_ids_filter("unit_id", subjects)) | Q(unit_id__in=list(heir))
    # The unit's own rating of a year wins over a predecessor's.
    rows = PerformanceRating.objects.filter(both).values_list("unit_id", "year", "rating")
    for unit_id, y, rating in sorted(rows, key=lambda r: r[0] not in heir):
        target = heir[unit_id][0] if unit_id in heir else unit_id
        book[target].ratings[y] = rating
    for unit_id, *row in AwardRecord.objects.filter(both).values_list("unit_id", *AWARD_FIELDS):
        if unit_id in heir:
            target, via = heir[unit_id]
            book[target].awards.append(award_row(row, via))
        else:
            book[unit_id].awards.append(award_row(row))
    for unit_id, holds in _holds("unit", subjects).items():
        book[unit_id].holds = holds
    memberships = Membership.objects.filter(
        _ids_filter("unit_id", subjects), bloc_year__year=year
    ).values_list("unit_id", "bloc_year__bloc__name", "role", "bloc_year__bloc__level")
    for unit_id, bloc, role, level in memberships:
        book[unit_id].memberships.append((bloc, role, level))
    _load_rankings(book, subjects, year)
    for unit_id in _registered(subjects, title=title, year=year, collective=True):
        book[unit_id].registered = True
    for unit_id, labels in other_nominations("unit_id", subjects, title=title, year=year).items():
        book[unit_id].other_nominations = labels
    _load_members(book, subjects, year)
    return book


def _load_rankings(book: dict[int, Facts], subjects, year: int) -> None:
    """The year's rankings of the blocs the subjects are ranked in, whole (a place reads
    against the others: how many share it, out of how many members): 2 queries."""
    blocs = BlocRanking.objects.filter(_ids_filter("unit_id", subjects), year=year).values("bloc_id")
    rows = list(
        BlocRanking.objects.filter(year=year, bloc_id__in=blocs).values_list(
            "bloc_id", "bloc__name", "bloc__level", "unit_id", "rank", "source"
        )
    )
    sizes = dict(
        Membership.objects.filter(bloc_year__year=year, bloc_year__bloc_id__in=blocs)
        .values("bloc_year__bloc_id")
        .annotate(n=Count("pk"))
        .values_list("bloc_year__bloc_id", "n")
    )
    ranks: dict[int, list[int]] = defaultdict(list)
    for bloc_id, *_, rank, _source in rows:
        ranks[bloc_id].append(rank)
    for bloc_id, name, level, unit_id, rank, source in rows:
        places = ranks[bloc_id]
        of = max(sizes.get(bloc_id, 0), len(places))
        fact = RankFact(name, level, rank, of, places.count(rank) - 1, source)
        book[unit_id].rankings.append(fact)


def _load_members(book: dict[int, Facts], subjects, year: int) -> None:
    """Who worked in each unit on 31/12 of *year* (or last, if it closed earlier), with their
    rating, base titles and discipline of the year: 4 queries."""
    end, start = datetime.date(year, 12, 31), datetime.date(year, 1, 1)
    jobs = Employment.objects.filter(_ids_filter("unit_id", subjects)).filter(
        Q(start__isnull=True) | Q(start__lte=end), Q(end__isnull=True) | Q(end__gte=end)
    )
    rows = list(jobs.values_list("unit_id", "person_id", "person__gender"))
    members: dict[int, MemberFacts] = {}
    for unit_id, person_id, gender in rows:
        members[person_id] = MemberFacts(person_id, gender == "nu")
        book[unit_id].members.append(members[person_id])
    people = jobs.values("person_id")
    for person_id, rating in PerformanceRating.objects.filter(
        person_id__in=people, year=year
    ).values_list("person_id", "rating"):
        members[person_id].rating = rating
    awarded = AwardRecord.objects.filter(
        person_id__in=people, year=year, revoked_by__isnull=True, title__code__in=("LDTT", "CSTDCS")
    ).values_list("person_id", "title__code")
    for person_id, code in awarded:
        members[person_id].codes.add(code)
    warning = DISCIPLINE_SEVERITY[DisciplineForm.WARNING]
    for d in Discipline.objects.filter(person_id__in=people, effective_from__lte=end).filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=start)
    ):
        if d.severity >= warning:
            members[d.person_id].disciplined_from_warning = True
