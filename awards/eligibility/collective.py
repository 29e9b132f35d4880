"""Checks of collective titles and forms: TTLĐTT (R6), TTLĐXS (R7), Cờ thi đua tỉnh (R8),
Cờ thi đua Chính phủ (R9), Bằng khen tỉnh (R11), and dissolved units (R18).

A unit merged into another hands its history to its successor (ratings and awards of the
years before the merger count for the successor); the dissolved unit itself gets nothing.

The flags read the year-end ranking of each bloc (``BlocRanking``, recorded by the bloc's
lead or Sở Nội vụ, later by the ``meetings`` app): Cờ tỉnh passes when the unit's place in
its provincial bloc is within the rule set's quota per bloc, and warns when units tied on
that place are more than the quota leaves (R17 then breaks the tie); Cờ Chính phủ passes
for a holder of that year's Cờ tỉnh, a unit ranked first in a provincial bloc, or the
leader of a national cluster. With no ranking recorded the answer is "unknown", and why.
"""

from __future__ import annotations

from decimal import Decimal

from awards.models import RATING_RANK, Rating
from blocs.models import BlocLevel, MemberRole

from .common import FAIL, LAW, PASS, UNKNOWN, WARN, Check, Context, check, dmy, percent, years_text
from .facts import Facts, RankFact
from .general import counted, principles
from .individual import RATING_TEXT, rating_check


def article(number: int) -> str:
    return f"Điều {number} {LAW}"


def dissolved(ctx: Context, unit) -> list[Check]:
    """R18: no award to a unit that no longer exists on the relevant date."""
    if unit.is_active_on(ctx.on):
        return []
    successors = ", ".join(s.name for s in unit.successors.all())
    text = f"{unit.name} đã giải thể, sáp nhập từ {dmy(unit.active_to)}: không xét khen thưởng."
    if successors:
        text += f" Lịch sử thi đua, khen thưởng được xem tại đơn vị kế thừa: {successors}."
    return [check("R18", FAIL, text, principles(ctx) + "; Thông tư 15/2025/TT-BNV")]


def merged_history(ctx: Context, facts: Facts) -> list[Check]:
    if not facts.predecessors:
        return []
    names = ", ".join(sorted(facts.predecessors))
    return [
        check("R18", PASS, f"Kế thừa thành tích của đơn vị đã sáp nhập: {names}.", principles(ctx))
    ]


def members_share(ctx: Context, facts: Facts) -> tuple[int, int, int]:
    members = facts.members
    return (
        len(members),
        sum("LDTT" in m.codes for m in members),
        sum("CSTDCS" in m.codes for m in members),
    )


def ldtt_share(ctx: Context, facts: Facts, code: str, number: int) -> Check:
    """≥ x % of the members LĐTT in the year (x from the rule set)."""
    need = ctx.rule_set.collective_ldtt_share_percent if ctx.rule_set else Decimal("70")
    total, ldtt, _ = members_share(ctx, facts)
    if total == 0:
        return check(
            code, UNKNOWN, f"Chưa có danh sách cá nhân của đơn vị năm {ctx.year}.", article(number)
        )
    share = Decimal(ldtt * 100) / total
    text = f"{ldtt}/{total} cá nhân đạt LĐTT năm {ctx.year} ({percent(round(share, 1))}); cần từ {percent(need)}"
    if share >= need:
        return check(code, PASS, text + ".", article(number))
    if ldtt == 0:
        return check(
            code,
            UNKNOWN,
            f"Chưa có kết quả LĐTT năm {ctx.year} của cá nhân trong đơn vị ({total} người); cần từ {percent(need)}.",
            article(number),
        )
    return check(code, FAIL, text + ".", article(number))


def no_warning_discipline(ctx: Context, facts: Facts, code: str, number: int) -> Check:
    count = sum(m.disciplined_from_warning for m in facts.members)
    if count:
        return check(
            code,
            FAIL,
            f"Có {count} cá nhân bị kỷ luật từ cảnh cáo trở lên trong năm {ctx.year}.",
            article(number),
        )
    return check(
        code,
        PASS,
        f"Không có cá nhân bị kỷ luật từ cảnh cáo trở lên năm {ctx.year}.",
        article(number),
    )


def ttldtt(ctx: Context, facts: Facts) -> list[Check]:
    """R6: rating ≥ HTTNV; ≥ 70 % LĐTT; no member disciplined at cảnh cáo or above."""
    return [
        rating_check(ctx, facts, "R6", Rating.GOOD, 28),
        ldtt_share(ctx, facts, "R6", 28),
        no_warning_discipline(ctx, facts, "R6", 28),
    ]


def ttldxs(ctx: Context, facts: Facts) -> list[Check]:
    """R7: HTXSNV; every member ≥ HTNV; ≥ 70 % LĐTT; at least one CSTĐCS."""
    checks = [rating_check(ctx, facts, "R7", Rating.EXCELLENT, 27)]
    rated = [m for m in facts.members if m.rating]
    below = [m for m in rated if RATING_RANK[m.rating] < RATING_RANK[Rating.COMPLETED]]
    need = RATING_TEXT[Rating.COMPLETED].lower()
    if below:
        checks.append(
            check(
                "R7",
                FAIL,
                f"{len(below)} cá nhân không {need} năm {ctx.year}; cần 100 % từ {need} trở lên.",
                article(27),
            )
        )
    elif len(rated) < len(facts.members) or not facts.members:
        missing = len(facts.members) - len(rated)
        checks.append(
            check(
                "R7",
                UNKNOWN,
                f"Còn {missing} cá nhân chưa có kết quả xếp loại năm {ctx.year}.",
                article(27),
            )
        )
    else:
        checks.append(
            check("R7", PASS, f"100 % cá nhân {need} trở lên năm {ctx.year}.", article(27))
        )
    checks.append(ldtt_share(ctx, facts, "R7", 27))
    _, _, cstdcs = members_share(ctx, facts)
    checks.append(
        check(
            "R7",
            PASS if cstdcs else FAIL,
            f"{cstdcs} cá nhân đạt CSTĐ cơ sở năm {ctx.year}"
            + ("." if cstdcs else "; cần ít nhất 1."),
            article(27),
        )
    )
    return checks


def provincial_blocs(facts: Facts) -> list[tuple[str, str, str]]:
    return [m for m in facts.memberships if m[2] == BlocLevel.PROVINCIAL]


def place(r: RankFact, year: int) -> str:
    tie = f", đồng hạng với {r.tied} đơn vị" if r.tied else ""
    return f"Xếp thứ {r.rank}/{r.of}{tie} của {r.bloc} năm {year} ({r.source})"


def co_tinh(ctx: Context, facts: Facts) -> list[Check]:
    """R8: a member of a provincial bloc that year, ranked within the bloc's quota of flags."""
    art = article(26)
    blocs = provincial_blocs(facts)
    if not blocs:
        return [
            check(
                "R8",
                FAIL,
                f"Không là thành viên khối, cụm thi đua của tỉnh năm {ctx.year}.",
                art,
            )
        ]
    quota = ctx.rule_set.co_tinh_quota_per_bloc if ctx.rule_set else 1
    flags = f"Cờ thi đua chỉ tặng {quota} tập thể dẫn đầu mỗi khối, cụm"
    ranked = [r for r in facts.rankings if r.level == BlocLevel.PROVINCIAL]
    if not ranked:
        name, role, _ = blocs[0]
        lead = " (trưởng khối năm nay)" if role == MemberRole.LEAD else ""
        return [
            check(
                "R8",
                UNKNOWN,
                f"Thành viên {name}{lead}. Chưa có kết quả chấm điểm, xếp hạng của khối năm {ctx.year}: "
                f"{flags}.",
                art,
            )
        ]
    best = min(ranked, key=lambda r: r.rank)
    if best.rank > quota:
        return [check("R8", FAIL, f"{place(best, ctx.year)}; {flags} ({art}).", art)]
    # Standard competition ranking: rank - 1 units come before, ``tied`` share the place.
    if best.rank + best.tied > quota:
        return [
            check(
                "R8",
                WARN,
                f"{place(best, ctx.year)}: số đơn vị đồng hạng vượt số Cờ thi đua của khối ({quota}); "
                "xét ưu tiên khi các trường hợp ngang nhau (R17).",
                art,
            )
        ]
    lead = "dẫn đầu khối" if best.rank == 1 else f"trong số {quota} tập thể dẫn đầu khối"
    return [check("R8", PASS, f"{place(best, ctx.year)}: {lead}.", art)]


def co_cp(ctx: Context, facts: Facts) -> list[Check]:
    """R9: chosen among the units that led a provincial bloc (Cờ tỉnh of the year, or ranked
    first) or a national cluster (ranked first); ≤ x % of them."""
    art = article(25)
    flag = [
        a
        for a in facts.awards
        if a.code == "CO_TINH" and a.year == ctx.year and not a.revoked and not a.via
    ]
    # A provincial bloc's lead first, then a national cluster's.
    first = sorted(
        (r for r in facts.rankings if r.rank == 1), key=lambda r: r.level != BlocLevel.PROVINCIAL
    )
    checks = []
    if flag:
        checks.append(
            check(
                "R9",
                PASS,
                f"Dẫn đầu khối, cụm năm {ctx.year}: Cờ thi đua tỉnh ({flag[0].decision}).",
                art,
            )
        )
    elif first:
        lead = first[0]
        national = (
            " (cụm thi đua do Hội đồng Thi đua - Khen thưởng Trung ương tổ chức)"
            if lead.level == BlocLevel.NATIONAL
            else ""
        )
        checks.append(
            check("R9", PASS, f"Dẫn đầu {lead.bloc}{national}: {place(lead, ctx.year)}.", art)
        )
    elif facts.rankings:
        best = min(facts.rankings, key=lambda r: r.rank)
        checks.append(
            check(
                "R9",
                FAIL,
                f"{place(best, ctx.year)}; Cờ thi đua của Chính phủ chọn trong các tập thể dẫn đầu khối, cụm ({art}).",
                art,
            )
        )
    elif facts.memberships:
        checks.append(
            check(
                "R9",
                UNKNOWN,
                f"Chưa xác định được đơn vị dẫn đầu khối, cụm năm {ctx.year} (chưa có Cờ thi đua tỉnh, chưa có xếp hạng).",
                art,
            )
        )
    else:
        checks.append(
            check(
                "R9",
                FAIL,
                f"Không là thành viên khối, cụm thi đua năm {ctx.year}: Cờ Chính phủ chọn trong các tập thể dẫn đầu khối, cụm.",
                art,
            )
        )
    cap = ctx.rule_set.co_cp_max_share_percent if ctx.rule_set else None
    if cap is not None:
        checks.append(
            check(
                "R9",
                WARN,
                f"Số đề nghị Cờ Chính phủ không quá {percent(cap)} số tập thể dẫn đầu khối, cụm: kiểm tra khi tổng hợp.",
                ctx.regime,
            )
        )
    return checks


def bk_collective(ctx: Context, facts: Facts, spoiled_to=None) -> list[Check]:
    """R11: 2 consecutive years HTXSNV or TTLĐXS (merit); movement and ad hoc by the council."""
    art = article(74)
    if not ctx.merit:
        return [
            check(
                "R11",
                PASS,
                "Khen theo thành tích đột xuất hoặc phong trào: Hội đồng đánh giá thành tích.",
                art,
            )
        ]
    years = range(ctx.year - 2, ctx.year)
    good = set()
    for y in years:
        if facts.ratings.get(y) == Rating.EXCELLENT:
            good.add(y)
    good |= {
        a.year
        for a in facts.awards
        if a.code == "TTLDXS" and a.year in years and counted(a, spoiled_to)
    }
    text = f"hoàn thành xuất sắc nhiệm vụ hoặc TTLĐXS 2 năm liên tục {years_text(years)}"
    if len(good) == 2:
        return [check("R11", PASS, f"Đạt {text}.", art)]
    return [check("R11", FAIL, f"Cần {text} ({art}): có {years_text(good)}.", art)]


def women_share(facts: Facts) -> float | None:
    if not facts.members:
        return None
    return sum(m.female for m in facts.members) / len(facts.members)


def unit_checks(ctx: Context, unit, facts: Facts) -> list[Check]:
    code = ctx.code
    if code == "TTLDTT":
        return ttldtt(ctx, facts)
    if code == "TTLDXS":
        return ttldxs(ctx, facts)
    if code == "CO_TINH":
        return co_tinh(ctx, facts)
    if code == "CO_CP":
        return co_cp(ctx, facts)
    if code == "BK_TINH":
        return bk_collective(ctx, facts)
    return []
