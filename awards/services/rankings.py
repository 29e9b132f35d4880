"""The year-end ranking of a bloc or cluster (kết quả xếp hạng khối, cụm): the fact Cờ thi
đua của UBND tỉnh (R8) and Cờ thi đua của Chính phủ (R9) are judged on.

The ranking is scored and voted in the bloc's year-end review; the ``meetings`` app will call
``bloc_ranking_record`` once it scores. Until then interior staff, admins and the officers of
the unit leading the bloc that year enter it from the review's minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.models import Bloc, BlocYear, Membership, Unit, User
from blocs.text import nfc

from ..access_facts import can_record_bloc_ranking
from ..models import BlocRanking
from .common import audit

RankRow = tuple[Unit, int, Decimal | None]  # (unit, rank, score)


def _check_rows(bloc: Bloc, year: int, rows: list[RankRow], members: set[int]) -> None:
    errors = []
    seen: set[int] = set()
    for unit, rank, _score in rows:
        if unit.pk in seen:
            errors.append(_("%(u)s có hai thứ hạng.") % {"u": unit.name})
        seen.add(unit.pk)
        if unit.pk not in members:
            errors.append(
                _("%(u)s không là thành viên của %(b)s năm %(y)s.")
                % {"u": unit.name, "b": bloc.name, "y": year}
            )
        if rank is None or rank < 1 or rank > len(members):
            errors.append(
                _("Thứ hạng của %(u)s phải từ 1 đến %(n)s (số thành viên của khối năm %(y)s).")
                % {"u": unit.name, "n": len(members), "y": year}
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def bloc_ranking_record(
    *, actor: User | None, bloc: Bloc, year: int, rows: Iterable[RankRow], source: str
) -> list[BlocRanking]:
    """Replace *bloc*'s ranking of *year* with *rows*, at once: (unit, rank, score) for each
    ranked member; units tied on a place share its rank; no rows removes the ranking.
    *actor* None is the demo (or a command); a user must be interior staff, an admin or an
    officer of the unit leading the bloc that year."""
    if actor is not None and not can_record_bloc_ranking(actor, bloc, year):
        raise PermissionDenied
    rows = list(rows)
    source = nfc(source or "").strip()
    # Two people saving the same bloc-year wait for each other here.
    bloc_year = BlocYear.objects.select_for_update().filter(bloc=bloc, year=year).first()
    if bloc_year is None:
        raise ValidationError(
            _("%(b)s chưa có danh sách thành viên năm %(y)s.") % {"b": bloc.name, "y": year}
        )
    members = set(Membership.objects.filter(bloc_year=bloc_year).values_list("unit_id", flat=True))
    _check_rows(bloc, year, rows, members)
    if rows and not source:
        raise ValidationError({"source": _("Hãy ghi văn bản ghi nhận kết quả xếp hạng.")})
    removed, _detail = BlocRanking.objects.filter(bloc=bloc, year=year).delete()
    saved = []
    for unit, rank, score in sorted(rows, key=lambda r: (r[1], r[0].name)):
        row = BlocRanking(
            bloc=bloc, year=year, unit=unit, rank=rank, score=score, source=source, recorded_by=actor
        )
        row.full_clean()
        row.save()
        saved.append(row)
    audit(
        actor=actor,
        action="awards.bloc_ranking.recorded" if saved else "awards.bloc_ranking.removed",
        obj=bloc,
        data={
            "year": year,
            "source": source,
            "replaced": removed,
            "rows": [[r.unit_id, r.rank, None if r.score is None else str(r.score)] for r in saved],
        },
    )
    return saved

