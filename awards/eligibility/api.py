"""The engine's entry points. Everything is read in bulk (a fixed number of queries for any
number of subjects), then judged in Python; nothing is written."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone

from awards.models import (
    AwardKind,
    AwardRecord,
    Beneficiary,
    Household,
    Initiative,
    Nominee,
    RuleSet,
    Title,
)
from awards.rules import NoRuleSet, base_salary_on, rule_set_for, title_rules
from blocs.models import Person, Unit

from . import collective, general, individual
from .common import FAIL, Check, Context, Verdict, check
from .facts import (
    Facts,
    InitiativeFact,
    award_fact,
    initiative_claims,
    initiative_fact,
    load_people,
    load_units,
    other_nominations,
)

INITIATIVE_TITLES = {"CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH"}
QUOTA_TITLES = {"CO_TINH", "CO_CP"}


def make_context(
    *,
    title: Title,
    year: int,
    kind: str = AwardKind.MERIT,
    on: datetime.date | None = None,
    rule_set: RuleSet | None = None,
    event_date: datetime.date | None = None,
) -> Context:
    """The rule set in force on *on* (default 31/12 of *year*), its title rules and the base
    salary on that date: 3 queries."""
    day = on or datetime.date(year, 12, 31)
    if rule_set is None:
        try:
            rule_set = rule_set_for(day)
        except NoRuleSet:
            rule_set = None
    rules = title_rules(rule_set) if rule_set else {}
    try:
        salary = base_salary_on(day)
    except NoRuleSet:
        salary = None
    return Context(
        title=title,
        year=year,
        kind=kind,
        on=day,
        on_given=on is not None,
        rule_set=rule_set,
        rules=rules,
        base_salary=salary,
        event_date=event_date,
    )


def _shared(ctx: Context, beneficiary: str) -> list[Check]:
    """Checks whose answer is the same for every subject of the batch."""
    checks = general.authority(ctx)
    wanted = {
        Beneficiary.INDIVIDUAL: ctx.title.for_individual,
        Beneficiary.COLLECTIVE: ctx.title.for_collective,
    }
    if not wanted.get(beneficiary, ctx.title.beneficiary == beneficiary):
        checks.append(
            check(
                "R1",
                FAIL,
                f"{ctx.title.name} dành cho {ctx.title.get_beneficiary_display().lower()}.",
                ctx.regime,
            )
        )
    return (
        checks
        + general.deadlines(ctx)
        + general.public_notice(ctx)
        + general.amount(ctx, beneficiary)
    )


def _claims_for(ctx: Context, subjects, cited: dict | None = None) -> None:
    if ctx.code not in INITIATIVE_TITLES:
        return
    extra = {i.pk for items in (cited or {}).values() for i in items}
    ctx.claims = initiative_claims(subjects, extra)


def judge_person(
    ctx: Context, shared: list[Check], person: Person, facts: Facts, cited=None
) -> Verdict:
    disc, spoiled_to = general.discipline(ctx, facts)
    checks = list(shared)
    checks += individual.person_checks(ctx, person, facts, cited, spoiled_to)
    checks += disc + general.holds(ctx, facts) + general.same_award(ctx, facts)
    checks += general.registration(ctx, facts, "Cá nhân") + general.double_proposal(ctx, facts)
    if ctx.code in QUOTA_TITLES or (
        ctx.code == "CSTDCS" and ctx.rule_set and ctx.rule_set.cstdcs_cap_percent
    ):
        checks += general.tie_breaker(ctx, female=person.gender == "nu")
    return Verdict(checks)


def judge_unit(ctx: Context, shared: list[Check], unit: Unit, facts: Facts) -> Verdict:
    checks = list(shared) + collective.dissolved(ctx, unit) + collective.merged_history(ctx, facts)
    checks += collective.unit_checks(ctx, unit, facts)
    checks += general.holds(ctx, facts) + general.same_award(ctx, facts)
    checks += general.registration(ctx, facts, "Tập thể") + general.double_proposal(ctx, facts)
    if ctx.code in QUOTA_TITLES:
        checks += general.tie_breaker(ctx, women_share=collective.women_share(facts))
    return Verdict(checks)


def _people_verdicts(
    ctx: Context, people: list[Person], subjects, cited=None, exclude=None
) -> dict[int, Verdict]:
    book = load_people(subjects, title=ctx.title, year=ctx.year)
    _claims_for(ctx, subjects, cited)
    shared = _shared(ctx, Beneficiary.INDIVIDUAL)
    verdicts = {}
    for person in people:
        ctx.exclude = (exclude or {}).get(person.pk, set())
        verdicts[person.pk] = judge_person(
            ctx, shared, person, book.get(person.pk) or Facts(), (cited or {}).get(person.pk)
        )
    ctx.exclude = set()
    return verdicts


def evaluate_people(
    *,
    title: Title,
    year: int,
    people: QuerySet[Person] | list[Person],
    on: datetime.date | None = None,
    kind: str = AwardKind.MERIT,
) -> dict[int, Verdict]:
    """Verdicts by person id for every person of *people*: a fixed number of queries."""
    ctx = make_context(title=title, year=year, kind=kind, on=on)
    if isinstance(people, QuerySet):
        subjects, people = people, list(people)
    else:
        subjects = [p.pk for p in people]
    return _people_verdicts(ctx, people, subjects)


def _units_verdicts(ctx: Context, units: list[Unit], subjects, exclude=None) -> dict[int, Verdict]:
    prefetch_related_objects(
        units, Prefetch("successors", queryset=Unit.objects.only("pk", "name"))
    )
    book = load_units(subjects, title=ctx.title, year=ctx.year)
    shared = _shared(ctx, Beneficiary.COLLECTIVE)
    verdicts = {}
    for unit in units:
        ctx.exclude = (exclude or {}).get(unit.pk, set())
        verdicts[unit.pk] = judge_unit(ctx, shared, unit, book.get(unit.pk) or Facts())
    ctx.exclude = set()
    return verdicts


def evaluate_units(
    *,
    title: Title,
    year: int,
    units: QuerySet[Unit] | list[Unit],
    on: datetime.date | None = None,
    kind: str = AwardKind.MERIT,
) -> dict[int, Verdict]:
    """Verdicts by unit id for every unit of *units*: a fixed number of queries."""
    ctx = make_context(title=title, year=year, kind=kind, on=on)
    if isinstance(units, QuerySet):
        subjects, units = units, list(units)
    else:
        subjects = [u.pk for u in units]
    return _units_verdicts(ctx, units, subjects)


def _household_verdict(ctx: Context, household: Household, exclude: set[int]) -> Verdict:
    records = AwardRecord.objects.filter(household=household).select_related("title", "decision")
    facts = Facts(awards=[award_fact(r) for r in records])
    facts.other_nominations = other_nominations(
        "household_id", [household.pk], title=ctx.title, year=ctx.year
    ).get(household.pk, [])
    ctx.exclude = exclude
    checks = (
        _shared(ctx, Beneficiary.HOUSEHOLD)
        + general.same_award(ctx, facts)
        + general.double_proposal(ctx, facts)
    )
    ctx.exclude = set()
    return Verdict(checks)


def _initiative_facts(initiatives: Iterable[Initiative]) -> list[InitiativeFact]:
    ids = [i.pk for i in initiatives]
    return _initiative_facts_cached(
        Initiative.objects.filter(pk__in=ids).select_related("used_by__title", "used_by__decision")
    )


def evaluate(
    *,
    title: Title,
    year: int,
    person: Person | None = None,
    unit: Unit | None = None,
    household: Household | None = None,
    kind: str = AwardKind.MERIT,
    on: datetime.date | None = None,
    initiatives: Sequence[Initiative] = (),
    exclude_nominee: Nominee | None = None,
) -> Verdict:
    """The verdict for one subject. *initiatives*, when given, are the ones the proposal
    cites (otherwise the person's own of the relevant years are looked at);
    *exclude_nominee* is the nominee being checked, whose own claims are no conflict."""
    ctx = make_context(title=title, year=year, kind=kind, on=on)
    exclude = _chain(exclude_nominee)
    if person is not None:
        cited = {person.pk: _initiative_facts(initiatives)} if initiatives else None
        return _people_verdicts(ctx, [person], [person.pk], cited, {person.pk: exclude})[person.pk]
    if unit is not None:
        return _units_verdicts(ctx, [unit], [unit.pk], {unit.pk: exclude})[unit.pk]
    if household is not None:
        return _household_verdict(ctx, household, exclude)
    raise ValueError("evaluate() needs a person, a unit or a household")


def _chain(nominee: Nominee | None) -> set[int]:
    if nominee is None:
        return set()
    return {pk for pk in (nominee.pk, nominee.source_id) if pk}


def nominee_date(nominee: Nominee) -> datetime.date:
    """The relevant date of a nominee: when its proposal was sent, or today for a draft."""
    sent = nominee.proposal.submitted_at
    return timezone.localdate(sent) if sent else timezone.localdate()


def evaluate_nominees(nominees: Sequence[Nominee]) -> dict[int, Verdict]:
    """Verdicts by nominee id, judged under each proposal's rule set at its relevant date;
    nominees are grouped by title and proposal cycle and each group is loaded in bulk."""
    ids = [n.pk for n in nominees]
    rows = list(
        Nominee.objects.filter(pk__in=ids).select_related(
            "proposal__rule_set", "title", "person", "unit", "household"
        )
    )
    cited: dict[int, list[Initiative]] = defaultdict(list)
    through = Nominee.initiatives.through.objects.filter(nominee_id__in=ids).select_related(
        "initiative__used_by__title", "initiative__used_by__decision"
    )
    for row in through:
        cited[row.nominee_id].append(row.initiative)
    groups: dict[tuple, list[Nominee]] = defaultdict(list)
    for n in rows:
        p = n.proposal
        groups[(n.title_id, p.year, p.kind, p.rule_set_id, nominee_date(n), p.event_date)].append(n)
    verdicts: dict[int, Verdict] = {}
    for (_, year, kind, _, day, event), members in groups.items():
        first = members[0]
        ctx = make_context(
            title=first.title,
            year=year,
            kind=kind,
            on=day,
            rule_set=first.proposal.rule_set,
            event_date=event,
        )
        verdicts.update(_judge_group(ctx, members, cited))
    return verdicts


def _judge_group(
    ctx: Context, members: list[Nominee], cited: dict[int, list[Initiative]]
) -> dict[int, Verdict]:
    verdicts = {}
    people = [n for n in members if n.person_id]
    if people:
        facts_of = {
            n.person_id: _initiative_facts_cached(cited.get(n.pk, []))
            for n in people
            if cited.get(n.pk)
        }
        exclude = {n.person_id: _chain(n) for n in people}
        found = _people_verdicts(
            ctx, [n.person for n in people], [n.person_id for n in people], facts_of, exclude
        )
        verdicts.update({n.pk: found[n.person_id] for n in people})
    units = [n for n in members if n.unit_id]
    if units:
        exclude = {n.unit_id: _chain(n) for n in units}
        found = _units_verdicts(ctx, [n.unit for n in units], [n.unit_id for n in units], exclude)
        verdicts.update({n.pk: found[n.unit_id] for n in units})
    for n in members:
        if n.household_id:
            verdicts[n.pk] = _household_verdict(ctx, n.household, _chain(n))
    return verdicts


def _initiative_facts_cached(initiatives) -> list[InitiativeFact]:
    return [initiative_fact(i) for i in initiatives]
