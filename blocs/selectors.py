"""Reads that need more than a queryset: lineages, rosters, search, the dashboard."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from . import access
from .models import (
    Bloc,
    BlocLevel,
    BlocYear,
    MemberRole,
    Membership,
    Person,
    TransferRequest,
    TransferStatus,
    Unit,
    UnitKind,
    User,
)
from .text import fold, nfc


def unit_lineage_ids(unit: Unit) -> list[int]:
    """The unit and every unit it succeeded, transitively (merged or dissolved ones)."""
    seen, frontier = {unit.pk}, [unit.pk]
    while frontier:
        frontier = [
            pk
            for pk in Unit.successors.through.objects.filter(to_unit_id__in=frontier).values_list(
                "from_unit_id", flat=True
            )
            if pk not in seen
        ]
        seen.update(frontier)
    return sorted(seen)


def search_filter(queryset: QuerySet, q: str) -> QuerySet:
    """Filter on the folded ``search_text``: every word of *q* must appear, diacritics ignored."""
    for word in fold(nfc(q)).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def unit_list(
    *, user: User, year: int, q: str = "", kind: str = "", status: str = "", parent: str = ""
) -> QuerySet[Unit]:
    units = access.visible_units(user, year).select_related("parent")
    if q:
        units = search_filter(units, q)
    if kind:
        units = units.filter(kind=kind)
    if status == "active":
        units = units.filter(active_to__isnull=True)
    elif status == "dissolved":
        units = units.filter(active_to__isnull=False)
    if parent.isdigit():
        units = units.filter(parent_id=int(parent))
    return units.order_by("name")


def bloc_list(*, user: User, year: int, q: str = "", level: str = "") -> QuerySet[Bloc]:
    blocs = access.visible_blocs(user, year)
    if q:
        blocs = search_filter(blocs, q)
    if level:
        blocs = blocs.filter(level=level)
    year_members = Membership.objects.filter(bloc_year__year=year)
    return blocs.annotate(
        member_count=Count("years__memberships", filter=Q(years__year=year)),
    ).prefetch_related(
        Prefetch(
            "years",
            queryset=BlocYear.objects.filter(year=year).prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=year_members.filter(role=MemberRole.LEAD).select_related("unit"),
                    to_attr="leads",
                )
            ),
            to_attr="this_year",
        )
    ).order_by("level", "name")


def bloc_roster(*, bloc: Bloc, year: int) -> list[Membership]:
    role_order = {MemberRole.LEAD: 0, MemberRole.DEPUTY: 1, MemberRole.MEMBER: 2}
    memberships = Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year).select_related(
        "unit", "bloc_year__bloc"
    ).annotate(people_count=Count("unit__people"))
    return sorted(memberships, key=lambda m: (role_order[m.role], m.unit.name))


def bloc_lead_history(*, bloc: Bloc) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(bloc_year__bloc=bloc, role__in=[MemberRole.LEAD, MemberRole.DEPUTY])
        .select_related("unit", "bloc_year__bloc")
        # "truong" sorts after "pho": descending puts the lead first within a year.
        .order_by("-bloc_year__year", "-role")
    )


def person_list(*, user: User, year: int, q: str = "", unit: str = "") -> QuerySet[Person]:
    people = access.visible_people(user, year).select_related("unit")
    if q:
        people = search_filter(people, q)
    if unit.isdigit():
        people = people.filter(unit_id=int(unit))
    return people.order_by("search_text", "pk")


def unit_memberships(*, unit: Unit) -> QuerySet[Membership]:
    """Memberships of the unit and of every unit it succeeded: history stays findable."""
    return (
        Membership.objects.filter(unit_id__in=unit_lineage_ids(unit))
        .select_related("bloc_year__bloc", "unit")
        .order_by("-bloc_year__year", "bloc_year__bloc__name")
    )


def pending_transfers(*, user: User) -> QuerySet[TransferRequest]:
    return (
        access.visible_transfer_requests(user)
        .filter(status=TransferStatus.PENDING)
        .select_related("person", "from_unit", "to_unit", "requested_by")
    )


def dashboard(*, user: User, year: int) -> dict:
    """What needs this user's attention in *year*."""
    data: dict = {"year": year, "pending_transfers": list(pending_transfers(user=user)[:20])}
    if user.manages_province or user.is_council:
        active_blocs = Bloc.objects.filter(
            Q(active_to__isnull=True) | Q(active_to__year__gte=year)
        )
        with_lead = Membership.objects.filter(bloc_year__year=year, role=MemberRole.LEAD)
        confirmed = BlocYear.objects.filter(year=year, confirmed_at__isnull=False)
        in_provincial_bloc = Membership.objects.filter(
            bloc_year__year=year, bloc_year__bloc__level=BlocLevel.PROVINCIAL
        )
        data["blocs_without_lead"] = list(
            active_blocs.exclude(pk__in=with_lead.values("bloc_year__bloc_id")).order_by("name")
        )
        data["blocs_unconfirmed"] = list(
            active_blocs.exclude(pk__in=confirmed.values("bloc_id")).order_by("name")
        )
        data["units_without_bloc"] = (
            Unit.objects.filter(active_to__isnull=True)
            .exclude(kind=UnitKind.PROVINCE)
            .exclude(pk__in=in_provincial_bloc.values("unit_id"))
            .count()
        )
        data["counts"] = {
            "units": Unit.objects.filter(active_to__isnull=True).count(),
            "blocs": active_blocs.count(),
            "people": Person.objects.count(),
        }
    if user.unit_id:
        data["unit"] = user.unit
        data["my_memberships"] = list(
            Membership.objects.filter(unit_id=user.unit_id, bloc_year__year=year).select_related(
                "bloc_year__bloc"
            )
        )
        data["led_blocs"] = list(
            bloc_list(user=user, year=year).filter(pk__in=access.led_bloc_ids(user, year))
        )
        data["unit_people"] = Person.objects.filter(unit_id=user.unit_id).count()
    return data
