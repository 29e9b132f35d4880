"""Demo data for a Lai Châu installation, loaded by ``python manage.py load_demo``.

It holds the province's units, four blocs and clusters with their rosters from 2022 (or
the bloc's first year) to the current year, the 2025 mergers and dissolutions, a few people
in each provincial body, and five accounts whose password is ``tdkt-demo``. Facts follow the
seed articles where they speak and are plausible elsewhere (see the marks in
``blocs.demo_data``). **All names of people are invented.**

Running it again changes nothing but the accounts: units are found by code, blocs by name,
people by (unit, full name), accounts by username, and only what is missing is created,
through the services, in one transaction. The accounts get back their documented role, unit
and password on every run, so the printed instructions always work.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from . import access, services
from . import demo_data as data
from .models import Bloc, BlocYear, LeadSource, MemberRole, Membership, Person, Unit, User
from .text import nfc

PASSWORD = "tdkt-demo"
NAMES_NOTICE = "Họ tên các cá nhân và chủ tài khoản trong dữ liệu minh họa đều là hư cấu."

Role3 = tuple[str, str, str]  # (role, lead source, source note)


# Apps higher up (movements, awards) add their part of the demo with @register_loader: blocs
# cannot import them. Each loader takes the DemoResult, counts what it creates in
# result.created, and must be idempotent like the rest.
_LOADERS: list[tuple[int, Callable[[DemoResult], None]]] = []
CREATED_LABELS = {
    "units": "đơn vị",
    "dissolved": "đơn vị giải thể",
    "blocs": "khối/cụm",
    "memberships": "lượt thành viên",
    "confirmed": "năm được xác nhận",
    "people": "cá nhân",
    "accounts": "tài khoản",
}


def register_loader(*, order: int, labels: dict[str, str]) -> Callable:
    """Register ``loader(result)`` to run after the organisation, in *order*; *labels* name
    the counters it adds to ``result.created`` in the command's summary."""

    def decorator(loader: Callable[[DemoResult], None]) -> Callable[[DemoResult], None]:
        if loader not in [f for _o, f in _LOADERS]:
            _LOADERS.append((order, loader))
            _LOADERS.sort(key=lambda item: item[0])
        CREATED_LABELS.update(labels)
        return loader

    return decorator


@dataclass
class DemoResult:
    year: int
    created: Counter = field(default_factory=Counter)
    accounts: list[User] = field(default_factory=list)


def demo_load(*, year: int | None = None) -> DemoResult:
    """Create whatever is missing of the demo up to *year* (default: this year)."""
    result = DemoResult(year=year or access.current_year())
    with transaction.atomic():
        units = _load_units(result)
        for spec in data.BLOCS:
            _load_bloc(spec, units, result)
        # After the rosters: a dissolved unit may still join the years it was active in.
        _dissolve_units(units, result)
        _load_people(units, result)
        result.accounts = _load_accounts(units, result)
        for _order, loader in _LOADERS:
            loader(result)
    return result


def _load_units(result: DemoResult) -> dict[str, Unit]:
    units = {u.code: u for u in Unit.objects.filter(code__in=[row[0] for row in data.UNITS])}
    for code, name, short_name, kind, parent, active_from in data.UNITS:
        if code in units:
            continue
        unit = Unit(
            code=code,
            name=nfc(name),
            short_name=nfc(short_name),
            kind=kind,
            parent=units.get(parent),
            active_from=active_from,
        )
        units[code] = services.unit_save(actor=None, unit=unit)
        result.created["units"] += 1
    return units


def _load_bloc(spec: dict, units: dict[str, Unit], result: DemoResult) -> None:
    bloc = Bloc.objects.filter(name=nfc(spec["name"])).first()
    if bloc is None:
        bloc = Bloc(
            name=nfc(spec["name"]),
            kind=spec["kind"],
            level=spec["level"],
            description=spec["description"],
            active_to=spec.get("active_to"),
        )
        bloc = services.bloc_save(actor=None, bloc=bloc)
        result.created["blocs"] += 1
    for year in range(spec["first_year"], result.year + 1):
        if not bloc.is_active_in_year(year):
            continue
        codes = [
            code
            for code, first, last in spec["members"]
            if (first or year) <= year <= (last or year)
        ]
        roles = _roles(spec, year, codes, result.year)
        _load_roster(bloc, year, [units[code] for code in codes], roles, result)


def _roles(spec: dict, year: int, codes: list[str], current: int) -> dict[str, Role3]:
    """The lead's and deputy's (role, source, note) by unit code; other units are members."""
    if year in spec["roles"]:
        lead, deputy = spec["roles"][year]
    else:
        # Past the table the lead rotates, except that the persona's unit leads this year.
        ordered = sorted(codes)
        lead_code = (spec.get("current_lead") if year == current else None) or ordered[
            year % len(ordered)
        ]
        deputy_code = ordered[(ordered.index(lead_code) + 1) % len(ordered)]
        lead = (lead_code, LeadSource.ROTATION, data.ILLUSTRATIVE)
        deputy = (deputy_code, LeadSource.ROTATION, data.ILLUSTRATIVE)
    return {
        lead[0]: (MemberRole.LEAD, lead[1], lead[2]),
        deputy[0]: (MemberRole.DEPUTY, deputy[1], deputy[2]),
    }


def _load_roster(
    bloc: Bloc, year: int, units: list[Unit], roles: dict[str, Role3], result: DemoResult
) -> None:
    present = dict(
        Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year).values_list(
            "unit__code", "role"
        )
    )
    taken = Counter(present.values())
    for unit in units:
        if unit.code in present:
            continue
        role, source, note = roles.get(unit.code, (MemberRole.MEMBER, "", ""))
        # A roster edited since the last run wins: a role already taken makes a member.
        if (role == MemberRole.LEAD and taken[role]) or (
            role == MemberRole.DEPUTY and taken[role] >= bloc.max_deputies
        ):
            role, source, note = MemberRole.MEMBER, "", ""
        services.membership_add(
            actor=None,
            bloc=bloc,
            year=year,
            unit=unit,
            role=role,
            lead_source=source,
            source_note=note,
        )
        taken[role] += 1
        result.created["memberships"] += 1
    bloc_year = BlocYear.objects.filter(bloc=bloc, year=year).first()
    if bloc_year and not bloc_year.is_confirmed and taken[MemberRole.LEAD] == 1:
        services.bloc_year_confirm(actor=None, bloc=bloc, year=year)
        result.created["confirmed"] += 1


def _dissolve_units(units: dict[str, Unit], result: DemoResult) -> None:
    for code, last_day, successor_codes in data.DISSOLUTIONS:
        if units[code].active_to is not None:
            continue
        units[code] = services.unit_dissolve(
            actor=None,
            unit=units[code],
            on=last_day,
            successors=[units[c] for c in successor_codes],
        )
        result.created["dissolved"] += 1


def _load_people(units: dict[str, Unit], result: DemoResult) -> None:
    known = set(
        Person.objects.filter(unit__code__in=list(data.PEOPLE)).values_list(
            "unit__code", "full_name"
        )
    )
    for code, rows in data.PEOPLE.items():
        for full_name, gender, birth_year, position, recruited_on in rows:
            if (code, nfc(full_name)) in known:
                continue
            person = Person(
                unit=units[code],
                full_name=nfc(full_name),
                gender=gender,
                birth_year=birth_year,
                position=nfc(position),
                recruited_on=datetime.date.fromisoformat(recruited_on),
            )
            services.person_save(actor=None, person=person)
            result.created["people"] += 1


def _load_accounts(units: dict[str, Unit], result: DemoResult) -> list[User]:
    accounts = []
    for username, role, unit_code, last_name, first_name, staff, superuser in data.ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            result.created["accounts"] += 1
        user.role, user.unit = role, units.get(unit_code)
        user.last_name, user.first_name = nfc(last_name), nfc(first_name)
        user.is_staff, user.is_superuser, user.is_active = staff, superuser, True
        # Reset on every run: the password is documented, so it must always work.
        user.set_password(PASSWORD)
        user.full_clean()
        user.save()
        accounts.append(user)
    return accounts


def account_scope(user: User, year: int) -> str:
    """What *user* sees in *year*, in words, counted through the access module."""
    units = access.visible_units(user, year).count()
    if user.sees_province:
        rights = "xem và sửa" if user.manages_province else "chỉ xem"
        admin = "; vào trang quản trị /quan-tri/" if user.is_admin or user.is_interior else ""
        return f"toàn tỉnh (mọi đơn vị: {units}), {rights}{admin}"
    led = [str(bloc) for bloc in Bloc.objects.filter(pk__in=access.led_bloc_ids(user, year))]
    if led:
        return (
            f"trưởng {', '.join(led)} năm {year}: sửa đơn vị mình, "
            f"xem {units} đơn vị của khối"
        )
    blocs = ", ".join(str(bloc) for bloc in access.visible_blocs(user, year)) or "không khối nào"
    return f"chỉ đơn vị mình (thành viên {blocs} năm {year})"
