"""The history part of the demo: two decisions of the seed articles, with their awardees.

- Bằng khen of the Chủ tịch UBND tỉnh Lạng Sơn (the cluster's lead) to 7 collectives and 7
  individuals at the 2023 year-end conference of the northern border cluster, 05/03/2024
  [S for the numbers and the day]. The seven collectives stand for the seven member
  provinces and the seven individuals are Lai Châu people, as this installation only knows
  its own; the decision's number and signer are invented [U].
- The 14 Bằng khen of UBND tỉnh Lai Châu to Khối Đảng tỉnh units and people in 2022 (the
  bloc's six-month review of 08/07/2022) [S for the count]; the split into 6 collectives
  and 8 individuals, the number and the date are invented [U].

**All names of people are invented.** People of Khối Nội chính get no history here: the
eligibility demo (lane b) writes theirs. Running it again creates nothing: a decision is
found by issuer, year and number.
"""

from __future__ import annotations

import datetime

from blocs.demo import DemoResult, register_loader
from blocs.models import Person, Unit

from .models import AwardKind, Decision, Title
from .services.decisions import Signing, past_decision_record

LANG_SON = Signing(
    issuer="Chủ tịch UBND tỉnh Lạng Sơn", signed_on=datetime.date(2024, 3, 5), number=452, symbol="QĐ-UBND",
    signer_post="Chủ tịch", signer_name="Hoàng Văn Tiến",
    subject="Về việc tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc, tiêu biểu trong thực hiện "
            "phong trào thi đua năm 2023 của Cụm thi đua các tỉnh miền núi biên giới phía Bắc (dữ liệu minh họa)",
)
LANG_SON_UNITS = ["tinh-ha-giang", "tinh-cao-bang", "tinh-lang-son", "tinh-lao-cai", "tinh-lai-chau",
                  "tinh-dien-bien", "tinh-son-la"]
LANG_SON_PEOPLE = [("so-noi-vu", "Lường Văn Thắng"), ("so-noi-vu", "Tao Văn Khánh"),
                   ("so-noi-vu", "Phạm Thị Ngọc Lan"), ("ubnd-tinh", "Đỗ Quang Vinh"),
                   ("ubnd-tinh", "Lò Thị Hương"), ("ubnd-tinh", "Trần Đức Minh"),
                   ("so-noi-vu", "Nguyễn Thị Thu Hà")]

LAI_CHAU_2022 = Signing(
    issuer="Chủ tịch UBND tỉnh", signed_on=datetime.date(2022, 6, 24), number=1032, symbol="QĐ-UBND",
    signer_prefix="KT.", signer_post="Phó Chủ tịch", signer_name="Đỗ Quang Vinh",
    subject="Về việc tặng Bằng khen của UBND tỉnh cho các tập thể, cá nhân thuộc Khối thi đua các cơ quan Đảng "
            "tỉnh đã có thành tích trong phong trào thi đua (dữ liệu minh họa)",
)
DANG_UNITS = ["vp-tinh-uy", "ban-to-chuc", "ban-tuyen-giao", "ban-dan-van", "bao-lai-chau", "dang-uy-khoi"]
DANG_PEOPLE = [("vp-tinh-uy", "Nguyễn Hữu Thành"), ("vp-tinh-uy", "Bế Văn Lợi"), ("ban-to-chuc", "Hoàng Thị Nga"),
               ("ban-tuyen-giao", "Tòng Thị Xuân"), ("ban-dan-van", "Quàng Văn Hiếu"),
               ("ubkt-tinh-uy", "Chảo Văn Phấu"), ("bao-lai-chau", "Lò Văn Pánh"),
               ("dang-uy-khoi", "Lê Thị Minh Tâm")]


def _awardees(unit_codes: list[str], people: list[tuple[str, str]], title: Title) -> list | None:
    units = {u.code: u for u in Unit.objects.filter(code__in=unit_codes)}
    found = {(p.unit.code, p.full_name): p for p in
             Person.objects.filter(unit__code__in={c for c, _n in people}).select_related("unit")}
    if len(units) != len(unit_codes) or any(key not in found for key in people):
        return None  # the organisation's demo was changed: skip rather than half-load
    return [(units[c], title) for c in unit_codes] + [(found[key], title) for key in people]


def _load(signing: Signing, year: int, kind: str, awardees: list | None, result: DemoResult) -> None:
    if awardees is None or Decision.objects.filter(
        issuer=signing.issuer, year=signing.signed_on.year, number=signing.number
    ).exists():
        return
    past_decision_record(actor=None, signing=signing, year=year, kind=kind, awardees=awardees)
    result.created["decisions"] += 1
    result.created["award_records"] += len(awardees)


@register_loader(order=80, labels={"decisions": "quyết định khen thưởng", "award_records": "lượt khen thưởng"})
def load_history(result: DemoResult) -> None:
    bk = Title.objects.get(code="BK_TINH")
    _load(LANG_SON, 2023, AwardKind.MOVEMENT, _awardees(LANG_SON_UNITS, LANG_SON_PEOPLE, bk), result)
    _load(LAI_CHAU_2022, 2022, AwardKind.MOVEMENT, _awardees(DANG_UNITS, DANG_PEOPLE, bk), result)
