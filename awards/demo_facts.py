"""Demo data of the awards app: facts (registered through blocs.demo.register_loader).

The year-end rankings of the demo blocs for the years whose review is over (before this
year), entered through ``bloc_ranking_record`` as the bloc's minutes would give them:

- Cụm thi đua các tỉnh miền núi biên giới phía Bắc, 2023: Lạng Sơn leads — the cluster
  proposed it for Cờ thi đua của Chính phủ at its year-end conference of 05/03/2024 [S];
  Hà Giang, proposed for Bằng khen of the Prime Minister, second [U]. The other provinces'
  places and the scores are not in the seed and are left unrecorded.
- Khối Thi đua Nội chính 2023–2025, Khối Đảng tỉnh 2022–2025, Khối các huyện, thành phố
  2023–2024: plausible orders [U], consistent with the rest of the demo: the unit that
  registered Cờ thi đua tỉnh leads (Bộ CHQS in 2024, Viện Kiểm sát in 2025, Văn phòng Tỉnh
  ủy in 2024, which its Huân chương proposal calls the bloc's leader through 2025), and
  otherwise the year's lead unit does (Than Uyên in 2024 [S for its lead]). Scores and
  dates are illustrative; Khối Nội chính's 2024 review is dated 18/01/2025, the day Lai
  Châu's blocs held their 2024 reviews with the 2025 pledges.

Idempotent: a bloc-year that already has a ranking is left alone; a bloc-year whose roster
was changed so that a listed unit is no longer a member is skipped.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError

from blocs.demo import DemoResult, register_loader
from blocs.models import Bloc, Unit

from .models import BlocRanking
from .services.rankings import bloc_ranking_record

NOI_CHINH, DANG = "Khối Thi đua Nội chính", "Khối Đảng tỉnh"
HUYEN = "Khối các huyện, thành phố"
CUM = "Cụm thi đua các tỉnh miền núi biên giới phía Bắc"
ILLUSTRATIVE = " (dữ liệu minh họa)"
UNSCORED = {CUM}  # the seed gives no scores


def _minutes(bloc: str, year: int, day: str) -> str:
    return (
        f"Biên bản hội nghị tổng kết công tác thi đua, khen thưởng năm {year} của {bloc}, "
        f"ngày {day}{ILLUSTRATIVE}"
    )


# bloc name: {year: (source, unit codes first to last)}
RANKINGS = {
    CUM: {
        2023: ("Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 của Cụm, ngày 05/03/2024 "
               "tại Lạng Sơn", ["tinh-lang-son", "tinh-ha-giang"]),
    },
    NOI_CHINH: {
        2023: (_minutes(NOI_CHINH, 2023, "19/01/2024"),
               ["cong-an", "bo-chqs", "vksnd", "bdbp", "tand", "so-tu-phap", "thanh-tra", "thads"]),
        2024: (_minutes(NOI_CHINH, 2024, "18/01/2025"),
               ["bo-chqs", "vksnd", "cong-an", "bdbp", "tand", "thanh-tra", "so-tu-phap", "thads"]),
        2025: (_minutes(NOI_CHINH, 2025, "16/01/2026"),
               ["vksnd", "bo-chqs", "cong-an", "bdbp", "tand", "so-tu-phap", "thads", "thanh-tra"]),
    },
    DANG: {
        2022: (_minutes(DANG, 2022, "13/01/2023"),
               ["dang-uy-khoi", "vp-tinh-uy", "ban-to-chuc", "ubkt-tinh-uy", "ban-tuyen-giao",
                "ban-dan-van", "ban-noi-chinh", "bao-lai-chau"]),
        2023: (_minutes(DANG, 2023, "12/01/2024"),
               ["vp-tinh-uy", "ban-to-chuc", "dang-uy-khoi", "ubkt-tinh-uy", "ban-tuyen-giao",
                "ban-noi-chinh", "ban-dan-van", "bao-lai-chau"]),
        2024: (_minutes(DANG, 2024, "17/01/2025"),
               ["vp-tinh-uy", "ban-to-chuc", "ubkt-tinh-uy", "ban-tuyen-giao", "dang-uy-khoi",
                "bao-lai-chau", "ban-dan-van", "ban-noi-chinh"]),
        2025: (_minutes(DANG, 2025, "15/01/2026"),
               ["vp-tinh-uy", "ubkt-tinh-uy", "ban-tuyen-giao", "ban-to-chuc", "dang-uy-khoi",
                "ban-noi-chinh", "bao-lai-chau", "ban-dan-van"]),
    },
    HUYEN: {
        2023: (_minutes(HUYEN, 2023, "23/01/2024"),
               ["tp-lai-chau", "huyen-than-uyen", "huyen-tam-duong", "huyen-tan-uyen",
                "huyen-phong-tho", "huyen-sin-ho", "huyen-nam-nhun", "huyen-muong-te"]),
        2024: (_minutes(HUYEN, 2024, "21/01/2025"),
               ["huyen-than-uyen", "tp-lai-chau", "huyen-tam-duong", "huyen-tan-uyen",
                "huyen-phong-tho", "huyen-nam-nhun", "huyen-sin-ho", "huyen-muong-te"]),
    },
}


def _score(place: int) -> Decimal:
    """A plausible score out of 100 plus bonus points, falling with the place."""
    return Decimal("98.50") - Decimal("1.25") * (place - 1) - Decimal("0.25") * (place // 3)


@register_loader(order=50, labels={"bloc_rankings": "kết quả xếp hạng khối, cụm"})
def load_rankings(result: DemoResult) -> None:
    blocs = {b.name: b for b in Bloc.objects.filter(name__in=list(RANKINGS))}
    codes = {code for years in RANKINGS.values() for _source, order in years.values() for code in order}
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    for name, years in RANKINGS.items():
        bloc = blocs.get(name)
        if bloc is None:
            continue
        for year, (source, order) in years.items():
            if year >= result.year or BlocRanking.objects.filter(bloc=bloc, year=year).exists():
                continue
            if any(code not in units for code in order):
                continue
            rows = [
                (units[code], place, None if name in UNSCORED else _score(place))
                for place, code in enumerate(order, start=1)
            ]
            try:
                bloc_ranking_record(actor=None, bloc=bloc, year=year, rows=rows, source=source)
            except ValidationError:
                continue  # the roster was changed since: skip rather than half-load
            result.created["bloc_rankings"] += 1
