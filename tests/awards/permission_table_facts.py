"""The rule-set and facts rows of the permission matrix (see tests/test_permissions.py).

In the world: an initiative of Công an (by its first person) and one of Văn phòng Tỉnh ủy;
a discipline of that Công an person and one of a Văn phòng Tỉnh ủy person; an open hold on
the Công an person and one on Văn phòng Tỉnh ủy itself; this year's ranking of Khối Nội
chính and of Khối Đảng. Bộ CHQS (truongkhoi) leads Khối Nội chính this year, so it reads
Công an's ratings page, but not its initiatives or holds, and records its bloc's ranking;
Công an (donvi), a member, reads that ranking only.
"""

from __future__ import annotations

import datetime

from awards.models import (
    BlocRanking,
    Discipline,
    DisciplineForm,
    Hold,
    HoldKind,
    Initiative,
    InitiativeLevel,
    PerformanceRating,
    RuleSet,
)
from awards.services import facts as services
from awards.services import rankings
from tests.permission_kit import (
    DONE,
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    NOBODY,
    OK,
    POST_ONLY,
    PROVINCE_STAFF,
    answers,
    get,
    missing,
    no_args,
    pk,
    post,
)


def unit_year(attr: str):
    return lambda w: {"unit_pk": getattr(w, attr).pk, "year": w.year}


def bloc_of_year(attr: str):
    return lambda w: {"bloc_pk": getattr(w, attr).pk, "year": w.year}


def _rule_set(w) -> dict:
    return {"pk": RuleSet.objects.get(code="nd152-2025").pk}


_WRITERS_CA = answers(OK, OK, FORBIDDEN, OK, FORBIDDEN)
_OWN_CA = answers(OK, OK, HIDDEN, OK, FORBIDDEN)
_FAR = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)
_OFFICIAL_CA = answers(OK, OK, HIDDEN, FORBIDDEN, FORBIDDEN)

TABLE = {
    "awards:rule_set_list": [get("the rule sets", no_args, EVERYONE)],
    "awards:rule_set_detail": [
        get("the ND 152 rule set", _rule_set, EVERYONE),
        get("a rule set that does not exist", missing, NOBODY),
    ],
    "awards:rating_index": [get("the units' ratings of the year", no_args, EVERYONE)],
    "awards:rating_unit_year": [
        get("Công an's ratings", unit_year("ca"), EVERYONE),
        get("Văn phòng Tỉnh ủy's ratings", unit_year("vptu"), answers(OK, OK, HIDDEN, HIDDEN, OK)),
        post("Công an's ratings left empty", unit_year("ca"), answers(DONE, DONE, FORBIDDEN, DONE, FORBIDDEN)),
        get("a unit that does not exist", lambda w: {"unit_pk": 999_999, "year": w.year}, NOBODY),
    ],
    "awards:rating_template": [
        get("Công an's template", unit_year("ca"), _WRITERS_CA),
        get("Văn phòng Tỉnh ủy's template", unit_year("vptu"), answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:rating_import": [
        get("importing Công an's ratings", unit_year("ca"), _WRITERS_CA),
        post("importing no file", unit_year("ca"), _WRITERS_CA),
    ],
    "awards:rating_import_errors": [
        get("an error file never made", unit_year("ca"), answers(HIDDEN, HIDDEN, FORBIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:ranking_index": [get("the blocs' rankings of the year", no_args, EVERYONE)],
    "awards:ranking_bloc_year": [
        get("Khối Nội chính's ranking", bloc_of_year("noi_chinh"), EVERYONE),
        get("Khối Đảng's ranking", bloc_of_year("dang"), answers(OK, OK, HIDDEN, HIDDEN, OK)),
        post("Khối Nội chính's ranking with nothing entered", bloc_of_year("noi_chinh"),
             answers(OK, OK, OK, FORBIDDEN, FORBIDDEN)),
        post("Khối Đảng's ranking with nothing entered", bloc_of_year("dang"),
             answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)),
        get("a bloc that does not exist", lambda w: {"bloc_pk": 999_999, "year": w.year}, NOBODY),
    ],
    "awards:initiative_list": [get("the initiatives", no_args, EVERYONE)],
    "awards:initiative_create": [
        get("a new initiative", no_args, answers(OK, OK, OK, OK, FORBIDDEN)),
        post("an empty initiative", no_args, answers(OK, OK, OK, OK, FORBIDDEN)),
    ],
    "awards:initiative_update": [
        get("Công an's initiative", pk("init_ca"), _OWN_CA),
        post("Công an's initiative emptied", pk("init_ca"), _OWN_CA),
        get("Văn phòng Tỉnh ủy's initiative", pk("init_vptu"), _FAR),
        get("an initiative that does not exist", missing, NOBODY),
    ],
    "awards:discipline_list": [get("the discipline list", no_args, EVERYONE)],
    "awards:discipline_create": [
        get("a new discipline", no_args, PROVINCE_STAFF),
        post("an empty discipline", no_args, PROVINCE_STAFF),
    ],
    "awards:discipline_update": [
        get("a Công an person's discipline", pk("disc_ca"), _OFFICIAL_CA),
        post("a Công an person's discipline emptied", pk("disc_ca"), _OFFICIAL_CA),
        get("a Văn phòng Tỉnh ủy person's discipline", pk("disc_vptu"), _FAR),
        get("a discipline that does not exist", missing, NOBODY),
    ],
    "awards:hold_list": [get("the holds", no_args, EVERYONE)],
    "awards:hold_create": [
        get("a new hold", no_args, PROVINCE_STAFF),
        post("an empty hold", no_args, PROVINCE_STAFF),
    ],
    "awards:hold_update": [
        get("a hold on a Công an person", pk("hold_ca"), _OFFICIAL_CA),
        get("a hold on Văn phòng Tỉnh ủy", pk("hold_vptu"), _FAR),
        get("a hold that does not exist", missing, NOBODY),
    ],
    "awards:hold_close": [
        get("closing by link", pk("hold_ca"), POST_ONLY),
        post("closing a hold with no date", pk("hold_ca"), answers(DONE, DONE, HIDDEN, FORBIDDEN, FORBIDDEN)),
        post("closing the hold on Văn phòng Tỉnh ủy with no date", pk("hold_vptu"),
             answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)),
    ],
}


def extend_world(w) -> None:
    person_ca, person_vptu = w.people["cong-an"][0], w.people["vp-tinh-uy"][0]
    day = datetime.date(w.year, 3, 1)
    w.init_ca, w.init_vptu = (
        services.initiative_save(
            actor=w.noivu,
            initiative=Initiative(title=f"Sáng kiến của {unit}", level=InitiativeLevel.BASE, recognised_on=day,
                                  recognised_by="QĐ 1/QĐ-HĐSK", unit=unit),
            authors=[person],
        )
        for unit, person in ((w.ca, person_ca), (w.vptu, person_vptu))
    )
    w.disc_ca, w.disc_vptu = (
        services.discipline_save(
            actor=w.noivu,
            discipline=Discipline(person=person, form=DisciplineForm.REPRIMAND, decided_on=day,
                                  effective_from=day, source="QĐ 5/QĐ-KL"),
        )
        for person in (person_ca, person_vptu)
    )
    w.hold_ca = services.hold_save(
        actor=w.noivu, hold=Hold(person=person_ca, kind=HoldKind.INSPECTION, opened_on=day, source="KL 1")
    )
    w.hold_vptu = services.hold_save(
        actor=w.noivu, hold=Hold(unit=w.vptu, kind=HoldKind.PRESS, opened_on=day, source="CV 2")
    )
    for bloc, units in ((w.noi_chinh, (w.chqs, w.ca, w.toa)), (w.dang, (w.vptu, w.bao))):
        rankings.bloc_ranking_record(actor=w.noivu, bloc=bloc, year=w.year, source="Biên bản tổng kết",
                                     rows=[(unit, rank, None) for rank, unit in enumerate(units, start=1)])


def state() -> dict:
    return {
        "ratings": list(PerformanceRating.objects.values_list("pk", "person_id", "unit_id", "rating").order_by("pk")),
        "initiatives": list(Initiative.objects.values_list("pk", "title", "unit_id").order_by("pk")),
        "disciplines": list(Discipline.objects.values_list("pk", "form", "effective_to").order_by("pk")),
        "holds": list(Hold.objects.values_list("pk", "closed_on").order_by("pk")),
        "rule_sets": list(RuleSet.objects.values_list("pk", "effective_from", "effective_to").order_by("pk")),
        "rankings": list(BlocRanking.objects.values_list("pk", "unit_id", "rank", "score").order_by("pk")),
    }
