"""The awards area's rows of the permission matrix (see tests/test_permissions.py).

In the world: this year's round, with Công an's registration sent to Khối Nội chính (led
by truongkhoi's Bộ CHQS), Tòa án's still a draft, Báo Lai Châu's sent to Khối Đảng, and
Sở Nội vụ's (in no bloc) sent straight to Sở Nội vụ; last year's round, with Công an's
draft and Khối Đảng's consolidated registration waiting for acknowledgement; a movement
with one planned award.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from awards import services
from awards.models import (
    BlocRegistration,
    BlocRegistrationStatus,
    MovementAward,
    Registration,
    RegistrationEntry,
    RegistrationRound,
    Title,
)
from movements.models import Movement, MovementKind
from tests.awards.conftest import open_round, register
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


def year(offset: int = 0):
    return lambda w: {"year": w.year + offset}


def unit_year(attr: str):
    return lambda w: {"year": w.year, "unit_pk": getattr(w, attr).pk}


def _movement(w) -> dict:
    return {"movement_pk": w.award_movement.pk}


_OWN_DRAFT = answers(OK, FORBIDDEN, HIDDEN, OK, FORBIDDEN)  # Công an's, last year: donvi's
_TOA_DRAFT = answers(OK, FORBIDDEN, FORBIDDEN, HIDDEN, FORBIDDEN)
_TOA_DRAFT_DONE = answers(DONE, FORBIDDEN, FORBIDDEN, HIDDEN, FORBIDDEN)
_OWN_DRAFT_DONE = answers(DONE, FORBIDDEN, HIDDEN, DONE, FORBIDDEN)
_LEAD_REVIEWS = answers(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)
_INTERIOR_REVIEWS = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)
_FAR_REVIEW = answers(OK, FORBIDDEN, HIDDEN, HIDDEN, FORBIDDEN)
_LEAD_READS = answers(OK, OK, OK, HIDDEN, OK)
_FAR_READS = answers(OK, OK, HIDDEN, HIDDEN, OK)

TABLE = {
    "awards:catalogue": [get("the catalogue", no_args, EVERYONE)],
    "awards:planned_award_create": [
        get("planning an award for a movement", _movement, PROVINCE_STAFF),
        post("planning nothing", _movement, PROVINCE_STAFF),
        get("planning for a movement that does not exist", lambda w: {"movement_pk": 999_999}, NOBODY),
    ],
    "awards:planned_award_update": [
        get("a planned Bằng khen", pk("award_planned"), PROVINCE_STAFF),
        post("a planned Bằng khen emptied", pk("award_planned"), PROVINCE_STAFF),
        get("a planned award that does not exist", missing, NOBODY),
    ],
    "awards:planned_award_delete": [
        get("removing a planned award by link", pk("award_planned"), POST_ONLY),
        post("removing a planned Bằng khen", pk("award_planned"),
             answers(DONE, DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    ],
    "awards:round_list": [get("the registration rounds", no_args, EVERYONE)],
    "awards:round_create": [
        get("the form opening a round", no_args, PROVINCE_STAFF),
        post("an empty round", no_args, PROVINCE_STAFF),
    ],
    "awards:round_detail": [
        get("this year's round at a glance", year(), EVERYONE),
        get("a year with no round", year(5), NOBODY),
    ],
    "awards:round_update": [
        get("this year's round's form", year(), PROVINCE_STAFF),
        post("this year's round emptied", year(), PROVINCE_STAFF),
        get("a year with no round", year(5), NOBODY),
    ],
    "awards:registration_export": [
        get("exporting the province by link", year(), POST_ONLY),
        post("exporting the province", year(), answers(DONE, DONE, FORBIDDEN, FORBIDDEN, DONE)),
        post("exporting a year with no round", year(5), NOBODY),
    ],
    "awards:registration_create": [
        get("Bộ CHQS's new registration", unit_year("chqs"),
            answers(OK, FORBIDDEN, OK, HIDDEN, FORBIDDEN)),
        get("Văn phòng Tỉnh ủy's new registration", unit_year("vptu"),
            answers(OK, FORBIDDEN, HIDDEN, HIDDEN, FORBIDDEN)),
        get("Công an's, which is registered already", unit_year("ca"),
            answers(DONE, FORBIDDEN, FORBIDDEN, DONE, FORBIDDEN)),
        post("Bộ CHQS's registration with nothing in it", unit_year("chqs"),
             answers(DONE, FORBIDDEN, DONE, HIDDEN, FORBIDDEN)),
        get("a year with no round", lambda w: {"year": w.year + 5, "unit_pk": w.ca.pk}, NOBODY),
    ],
    "awards:registration_detail": [
        get("Công an's, sent to Khối Nội chính", pk("reg_ca"), EVERYONE),
        get("Tòa án's draft", pk("reg_toa"), _LEAD_READS),
        get("Báo Lai Châu's, sent to Khối Đảng", pk("reg_bao"), _FAR_READS),
        get("Sở Nội vụ's, sent to Sở Nội vụ", pk("reg_snv"), _FAR_READS),
        get("a registration that does not exist", missing, NOBODY),
    ],
    "awards:registration_update": [
        get("Công an's draft of last year", pk("reg_ca_draft"), _OWN_DRAFT),
        get("Tòa án's draft", pk("reg_toa"), _TOA_DRAFT),
        get("Công an's, already sent: back to its page", pk("reg_ca"),
            answers(DONE, FORBIDDEN, FORBIDDEN, DONE, FORBIDDEN)),
        post("Công an's draft emptied", pk("reg_ca_draft"), _OWN_DRAFT_DONE),
    ],
    "awards:registration_submit": [
        get("sending by link", pk("reg_ca_draft"), POST_ONLY),
        post("sending Công an's draft", pk("reg_ca_draft"), _OWN_DRAFT_DONE),
        post("sending Tòa án's draft", pk("reg_toa"), _TOA_DRAFT_DONE),
    ],
    "awards:registration_return": [
        get("returning Công an's", pk("reg_ca"), _LEAD_REVIEWS),
        get("returning Sở Nội vụ's", pk("reg_snv"), _INTERIOR_REVIEWS),
        get("returning Báo Lai Châu's", pk("reg_bao"), _FAR_REVIEW),
        get("returning Tòa án's draft", pk("reg_toa"), _TOA_DRAFT),
        post("returning Công an's with no reason", pk("reg_ca"), _LEAD_REVIEWS),
    ],
    "awards:registration_accept": [
        get("accepting by link", pk("reg_ca"), POST_ONLY),
        post("accepting Công an's", pk("reg_ca"), answers(DONE, FORBIDDEN, DONE, FORBIDDEN, FORBIDDEN)),
        post("accepting Sở Nội vụ's", pk("reg_snv"), answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)),
        post("accepting Báo Lai Châu's", pk("reg_bao"), answers(DONE, FORBIDDEN, HIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:bloc_registration_detail": [
        get("Khối Nội chính's consolidated registration", pk("reg_bloc_nc"), _LEAD_READS),
        get("Khối Đảng's", pk("reg_bloc_dang"), _FAR_READS),
        get("one that does not exist", missing, NOBODY),
    ],
    "awards:bloc_registration_submit": [
        get("sending by link", pk("reg_bloc_nc"), POST_ONLY),
        post("sending Khối Nội chính's while Công an's waits", pk("reg_bloc_nc"),
             answers(OK, FORBIDDEN, OK, HIDDEN, FORBIDDEN)),
        post("sending Khối Đảng's", pk("reg_bloc_dang"), answers(OK, FORBIDDEN, HIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:bloc_registration_acknowledge": [
        get("acknowledging by link", pk("reg_bloc_prev"), POST_ONLY),
        post("acknowledging Khối Đảng's of last year", pk("reg_bloc_prev"),
             answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)),
        post("acknowledging Khối Nội chính's, not sent yet", pk("reg_bloc_nc"),
             answers(DONE, DONE, FORBIDDEN, HIDDEN, FORBIDDEN)),
    ],
    "awards:bloc_registration_export": [
        get("exporting by link", pk("reg_bloc_nc"), POST_ONLY),
        post("exporting Khối Nội chính's", pk("reg_bloc_nc"), answers(DONE, DONE, DONE, HIDDEN, DONE)),
        post("exporting Khối Đảng's", pk("reg_bloc_dang"), answers(DONE, DONE, HIDDEN, HIDDEN, DONE)),
    ],
}


def extend_world(w) -> None:
    titles = {t.code: t for t in Title.objects.all()}
    w.reg_round = open_round(w)
    w.reg_round_prev = open_round(w, w.year - 1, datetime.date(w.year - 1, 3, 31))
    person_ca = w.people["cong-an"][0]
    w.reg_ca = register(w, w.reg_round, w.ca, titles, people={person_ca: ["LDTT"]},
                        actor=w.donvi, submit=True)
    w.reg_toa = register(w, w.reg_round, w.toa, titles)
    w.reg_bao = register(w, w.reg_round, w.bao, titles, submit=True)
    w.reg_snv = register(w, w.reg_round, w.snv, titles, submit=True)
    w.reg_ca_draft = register(w, w.reg_round_prev, w.ca, titles, actor=w.donvi)
    w.reg_bloc_nc = BlocRegistration.objects.get(round=w.reg_round, bloc=w.noi_chinh)
    w.reg_bloc_dang = BlocRegistration.objects.get(round=w.reg_round, bloc=w.dang)
    w.reg_bloc_prev = BlocRegistration.objects.create(
        round=w.reg_round_prev, bloc=w.dang, status=BlocRegistrationStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    w.award_movement = Movement.objects.create(
        name="Phong trào thi đua của khối khen thưởng", kind=MovementKind.REGULAR, year=w.year
    )
    w.award_planned = services.movement_award_save(
        actor=w.noivu,
        award=MovementAward(movement=w.award_movement, title=titles["BK_TINH"], quantity=5),
    )


def state() -> dict:
    return {
        "rounds": list(RegistrationRound.objects.values_list("pk", "year", "deadline").order_by("pk")),
        "registrations": list(
            Registration.objects.values_list("pk", "status", "bloc_id", "is_late", "pledge_text")
            .order_by("pk")
        ),
        "entries": list(RegistrationEntry.objects.values_list("pk", "title_id", "person_id").order_by("pk")),
        "bloc_registrations": list(BlocRegistration.objects.values_list("pk", "status").order_by("pk")),
        "planned": list(MovementAward.objects.values_list("pk", "title_id", "quantity").order_by("pk")),
    }
