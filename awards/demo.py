"""The awards part of the demo: registration rounds of 2024, 2025 and the current year, with
registrations of the units of Khối Thi đua Nội chính and Khối Đảng tỉnh.

2024 is history: every unit of Khối Nội chính registered (Thi hành án dân sự late; Tòa án
returned once), and Bộ CHQS, the lead, sent the consolidated registration, which Sở Nội vụ
acknowledged. Khối Đảng's is still being gathered (one returned, one waiting, one late).
This year's round is open with a deadline ahead, so each persona has something to do:
Công an (donvi) has not registered; Bộ CHQS (truongkhoi) leads and has two members waiting.

Everything goes through the services, dated with ``at=``; a registration already there is
left alone, so a second run creates nothing. Names and targets are illustrative.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from blocs.demo import DemoResult, register_loader
from blocs.models import Bloc, Person, Unit, User
from blocs.text import nfc
from movements.models import Movement, MovementKind

from . import services
from .models import (
    BlocRegistration,
    BlocRegistrationStatus,
    MovementAward,
    Registration,
    RegistrationRound,
    Title,
)
from .services.consolidation import missing_members

NOI_CHINH, DANG = "Khối Thi đua Nội chính", "Khối Đảng tỉnh"
PLEDGE = (
    "Phấn đấu hoàn thành xuất sắc nhiệm vụ chính trị năm {year}; 100 % cán bộ hoàn thành "
    "nhiệm vụ, từ 70 % đạt Lao động tiên tiến; có sáng kiến được công nhận. (Dữ liệu minh họa)"
)
ROUNDS = {
    2024: ("01-15", "03-15", "03-31",
           "Đăng ký thi đua năm 2024 theo Chỉ thị số 477/CT-UBND ngày 06/02/2024."),
    2025: ("01-06", "03-14", "03-31",
           "Đăng ký thi đua năm 2025 theo Chỉ thị số 09/CT-UBND ngày 31/12/2024."),
}
RETURN_TAND = "Đề nghị bổ sung chỉ tiêu phấn đấu cụ thể cho từng phòng, ban."
RETURN_BAO = "Đề nghị ghi rõ chỉ tiêu về số tin, bài phản ánh phong trào thi đua trong năm."
RETURN_BDBP = "Cá nhân đăng ký Chiến sĩ thi đua cơ sở chưa có sáng kiến dự kiến; đề nghị bổ sung."

# unit code: (collective titles and forms, {person: codes}, steps). A step is (action, "mm-dd"
# or None for now, comment); the actors are the personas where the unit has one.
L, C = ["LDTT"], ["LDTT", "CSTDCS"]
ACCEPTED_EARLY = [("submit", "03-04", ""), ("accept", "03-06", "")]
REGISTRATIONS = {
    2024: {
        "bo-chqs": (["TTLDXS", "CO_TINH"], {"Đinh Văn Cường": ["CSTDCS", "BK_TINH"], "Hà Văn Quyết": L,
                    "Vũ Mạnh Hùng": C, "Lê Thị Thanh Huyền": L, "Giàng A Sử": L}, ACCEPTED_EARLY),
        "cong-an": (["TTLDXS"], {"Bùi Xuân Trường": ["CSTDCS"], "Sùng A Páo": ["LDTT", "BK_TINH"],
                    "Ngô Thị Bích Ngọc": C, "Lý Thị Dung": L},
                    [("submit", "03-05", ""), ("accept", "03-06", "")]),
        "bdbp": (["TTLDXS"], {"Trịnh Văn Đông": L, "Lò Văn Hặc": L,
                 "Nguyễn Thị Hồng Nhung": ["LDTT", "GIAY_KHEN"]},
                 [("submit", "03-08", ""), ("accept", "03-11", "")]),
        "tand": (["TTLDTT"], {"Phan Thị Kim Oanh": ["CSTDCS"], "Tẩn Văn Chiêu": L, "Cầm Thị Thúy": L,
                 "Đặng Văn Lâm": L},
                 [("submit", "03-11", ""), ("return", "03-12", RETURN_TAND),
                  ("submit", "03-13", ""), ("accept", "03-14", "")]),
        "vksnd": (["TTLDXS"], {"Trần Quốc Hưng": ["CSTDCS"], "Điêu Thị Hoa": L, "Hoàng Văn Sơn": L,
                  "Chu Thị Hạnh": L}, [("submit", "03-14", ""), ("accept", "03-15", "")]),
        "so-tu-phap": (["TTLDTT"], {"Nguyễn Văn Tiến": L, "Lưu Thị Mến": L, "Vương Văn Hải": L,
                       "Thào Thị Sua": L}, [("submit", "03-15", ""), ("accept", "03-18", "")]),
        "thanh-tra": (["TTLDTT"], {"Phạm Văn Hòa": L, "Lê Thị Phương": L, "Lù Văn Inh": L},
                      [("submit", "03-13", ""), ("accept", "03-18", "")]),
        "thads": (["TTLDTT"], {"Đào Minh Khoa": L, "Nông Thị Lụa": L, "Kiều Văn Toàn": L},
                  [("submit", "03-20", ""), ("accept", "03-21", "")]),
        "vp-tinh-uy": (["TTLDXS", "CO_TINH", "HCLD1"], {"Lương Thị Hằng": ["CSTDCS"],
                       "Nguyễn Hữu Thành": L, "Bế Văn Lợi": L, "Trần Thị Yến": L},
                       [("submit", "03-06", ""), ("accept", "03-07", "")]),
        "ban-to-chuc": (["TTLDXS"], {"Vàng A Chá": ["CSTDCS"], "Hoàng Thị Nga": L, "Đỗ Văn Nam": L},
                        [("submit", "03-07", ""), ("accept", "03-08", "")]),
        "bao-lai-chau": (["TTLDTT", "BK_TINH"], {"Dương Văn Thông": L, "Nguyễn Thị Hải Yến": L,
                         "Lò Văn Pánh": ["LDTT", "GIAY_KHEN"], "Đinh Thị Trang": L},
                         [("submit", "03-12", ""), ("return", "03-14", RETURN_BAO)]),
        "ban-dan-van": (["TTLDTT"], {"Giàng Thị Dua": L, "Quàng Văn Hiếu": L, "Mai Xuân Bách": L},
                        [("submit", "03-18", "")]),
    },
    2025: {
        "bo-chqs": (["TTLDXS"], {"Đinh Văn Cường": C, "Lê Thị Thanh Huyền": C, "Giàng A Sử": L},
                    ACCEPTED_EARLY),
        "cong-an": (["TTLDXS", "BK_TINH"], {"Sùng A Páo": C, "Ngô Thị Bích Ngọc": L, "Lý Thị Dung": C},
                    [("submit", "03-03", ""), ("accept", "03-05", "")]),
        "vksnd": (["TTLDXS", "CO_TINH"], {"Trần Quốc Hưng": L, "Hoàng Văn Sơn": C}, ACCEPTED_EARLY),
        "bdbp": (["TTLDTT"], {"Lò Văn Hặc": C, "Nguyễn Thị Hồng Nhung": L},
                 [("submit", "03-10", ""), ("return", "03-12", RETURN_BDBP)]),
        "tand": (["TTLDTT"], {"Cầm Thị Thúy": L, "Đặng Văn Lâm": L}, [("submit", "03-13", "")]),
        "thads": (["TTLDTT"], {"Kiều Văn Toàn": L}, [("submit", "03-19", ""), ("accept", "03-20", "")]),
        "so-tu-phap": (["TTLDTT"], {"Thào Thị Sua": L}, []),
        "vp-tinh-uy": (["TTLDXS"], {"Lương Thị Hằng": C, "Trần Thị Yến": L}, ACCEPTED_EARLY),
        "ubkt-tinh-uy": (["TTLDXS"], {"Vũ Thị Liên": C, "Hà Thị Quỳnh": L}, ACCEPTED_EARLY),
        "ban-tuyen-giao": (["TTLDTT"], {"Phùng Thị Thảo": L},
                           [("submit", "03-17", ""), ("accept", "03-18", "")]),
        "dang-uy-khoi": (["TTLDTT"], {"Lý Văn Hồng": L}, [("submit", "03-12", "")]),
    },
    # This year: two members of Bộ CHQS's bloc wait for review, one is accepted.
    "current": {
        "tand": (["TTLDXS"], {"Phan Thị Kim Oanh": C, "Đặng Văn Lâm": L}, [("submit", None, "")]),
        "vksnd": (["TTLDTT"], {"Điêu Thị Hoa": L, "Chu Thị Hạnh": L}, [("submit", None, "")]),
        "so-tu-phap": (["TTLDTT"], {"Vương Văn Hải": C}, [("submit", None, ""), ("accept", None, "")]),
        "vp-tinh-uy": (["TTLDXS"], {"Bế Văn Lợi": C}, [("submit", None, "")]),
    },
}
# Consolidated registrations sent and acknowledged: (year, bloc, sent on, acknowledged on).
CONSOLIDATED = [(2024, NOI_CHINH, "03-25", "04-01")]
# What the year's regular movement plans to award: (code, how many, budget in đồng, criteria).
# Budgets are coefficient × 2,340,000 đ (lương cơ sở from 01/07/2024) × how many.
PLANNED = [
    ("CO_TINH", 3, 56_160_000, "Tập thể dẫn đầu mỗi khối thi đua cấp tỉnh."),
    ("TTLDXS", 20, 70_200_000, "Theo Điều 27 Luật Thi đua, khen thưởng 2022."),
    ("BK_TINH", 40, 280_800_000, "Tập thể, cá nhân tiêu biểu trong phong trào."),
]


def _day(year: int, month_day: str | None) -> datetime.datetime | None:
    if month_day is None:
        return None
    day = datetime.date.fromisoformat(f"{year}-{month_day}")
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def _round(year: int, result: DemoResult) -> RegistrationRound:
    existing = RegistrationRound.objects.filter(year=year).first()
    if existing:
        return existing
    if year in ROUNDS:
        opens, deadline, bloc_deadline, note = ROUNDS[year]
        dates = [datetime.date.fromisoformat(f"{year}-{md}") for md in (opens, deadline, bloc_deadline)]
    else:
        # The current year's round stays open: its deadline is at least a month ahead.
        today = timezone.localdate()
        deadline = max(datetime.date(year, 3, 31), today + datetime.timedelta(days=30))
        dates = [min(datetime.date(year, 1, 5), today), deadline, None]
        note = f"Đăng ký thi đua năm {year}. (Dữ liệu minh họa)"
    movement = Movement.objects.filter(year=year, kind=MovementKind.REGULAR).order_by("pk").first()
    round_ = RegistrationRound(year=year, opens_on=dates[0], deadline=dates[1],
                               bloc_deadline=dates[2], movement=movement, note=note)
    result.created["reg_rounds"] += 1
    return services.round_open(actor=User.objects.filter(username="noivu").first(), round_=round_)


def _entries(code: str, spec: tuple, titles: dict, people: dict) -> list:
    collective, persons, _steps = spec
    entries = [(titles[c], None) for c in collective]
    for name, codes in persons.items():
        person = people.get((code, nfc(name)))
        if person is not None:  # edited away since: skip rather than fail
            entries.extend((titles[c], person) for c in codes)
    return entries


def _load_registration(round_, unit: Unit, spec: tuple, ctx: dict) -> None:
    officer = ctx["officers"].get(unit.code)
    registration = services.registration_create(
        actor=officer, round_=round_, unit=unit, pledge_text=PLEDGE.format(year=round_.year),
        entries=_entries(unit.code, spec, ctx["titles"], ctx["people"]),
    )
    for action, month_day, comment in spec[2]:
        at = _day(round_.year, month_day)
        if action == "submit":
            services.registration_submit(actor=officer, registration=registration, at=at)
            continue
        registration.refresh_from_db()
        reviewer = ctx["leads"].get((registration.bloc_id, round_.year))
        if action == "accept":
            services.registration_accept(actor=reviewer, registration=registration, at=at)
        else:
            services.registration_return(
                actor=reviewer, registration=registration, comment=comment, at=at
            )


def _consolidate(round_: RegistrationRound, bloc: Bloc, sent: str, acked: str, ctx) -> bool:
    consolidated = BlocRegistration.objects.filter(round=round_, bloc=bloc).first()
    if consolidated is None or consolidated.status != BlocRegistrationStatus.DRAFT:
        return False
    services.bloc_registration_submit(
        actor=ctx["leads"].get((bloc.pk, round_.year)), bloc_registration=consolidated,
        missing_units=missing_members(consolidated), at=_day(round_.year, sent),
    )
    services.bloc_registration_acknowledge(
        actor=ctx["noivu"], bloc_registration=consolidated, at=_day(round_.year, acked)
    )
    return True


def _context() -> dict:
    users = {u.username: u for u in User.objects.filter(username__in=["noivu", "truongkhoi", "donvi"])}
    leads = {}
    bo_chqs = Unit.objects.filter(code="bo-chqs").first()
    if "truongkhoi" in users and bo_chqs:
        # Bộ CHQS's officer reviews for the blocs it led; other leads have no demo account.
        for bloc_id, year in bo_chqs.memberships.filter(role="truong").values_list(
            "bloc_year__bloc_id", "bloc_year__year"
        ):
            leads[(bloc_id, year)] = users["truongkhoi"]
    return {
        "titles": {t.code: t for t in Title.objects.all()},
        "people": {(p.unit.code, p.full_name): p for p in Person.objects.select_related("unit")},
        "officers": {"bo-chqs": users.get("truongkhoi"), "cong-an": users.get("donvi")},
        "leads": leads,
        "noivu": users.get("noivu"),
    }


def _plan_awards(movement: Movement, ctx: dict, result: DemoResult) -> None:
    if movement is None or MovementAward.objects.filter(movement=movement).exists():
        return
    for code, quantity, budget, criteria in PLANNED:
        award = MovementAward(movement=movement, title=ctx["titles"][code], quantity=quantity,
                              budget=budget, criteria=criteria)
        services.movement_award_save(actor=ctx["noivu"], award=award)
        result.created["planned_awards"] += 1


@register_loader(
    order=30,
    labels={
        "planned_awards": "khen thưởng dự kiến của phong trào",
        "reg_rounds": "đợt đăng ký thi đua",
        "registrations": "bản đăng ký thi đua",
        "bloc_registrations": "bảng tổng hợp đăng ký đã gửi Sở Nội vụ",
    },
)
def load_registrations(result: DemoResult) -> None:
    ctx = _context()
    units = {u.code: u for u in Unit.objects.all()}
    years = sorted({2024, 2025, result.year})
    for year in years:
        round_ = _round(year, result)
        _plan_awards(round_.movement, ctx, result)
        specs = REGISTRATIONS.get(year) or (REGISTRATIONS["current"] if year == result.year else {})
        present = set(Registration.objects.filter(round=round_).values_list("unit__code", flat=True))
        for code, spec in specs.items():
            if code in units and code not in present:
                _load_registration(round_, units[code], spec, ctx)
                result.created["registrations"] += 1
        for c_year, bloc_name, sent, acked in CONSOLIDATED:
            bloc = Bloc.objects.filter(name=bloc_name).first()
            if c_year == year and bloc and _consolidate(round_, bloc, sent, acked, ctx):
                result.created["bloc_registrations"] += 1
