"""Checks of individual titles and forms: LĐTT (R2), CSTĐCS (R3), CSTĐ cấp tỉnh (R4), CSTĐ
toàn quốc (R5), Bằng khen tỉnh (R10), Bằng khen Thủ tướng (R12), with the initiative rule
(R13), the streak exclusions (R14) and working time (R16).

Streaks: a title "n lần liên tục" is judged in the year right after the n-th one (ND 98/152:
"năm liền kề"), so CSTĐ cấp tỉnh for *year* needs CSTĐCS in year-3, year-2 and year-1.
Working time (R16) runs from recruitment without deducting maternity leave or short
training: no leave is recorded, so nothing can fail for it.
"""

from __future__ import annotations

import datetime

from awards.models import RATING_RANK, InitiativeLevel, Rating

from .common import FAIL, LAW, PASS, UNKNOWN, WARN, Check, Context, check, dmy, percent, years_text
from .facts import Facts, InitiativeFact
from .general import counted, principles

LEVEL_RANK = {InitiativeLevel.BASE: 1, InitiativeLevel.PROVINCE: 2, InitiativeLevel.NATIONAL: 3}
LEVEL_TEXT = {
    1: "cấp cơ sở",
    2: "có phạm vi ảnh hưởng trong tỉnh",
    3: "có phạm vi ảnh hưởng toàn quốc",
}
LABELS = {
    "CSTDCS": "CSTĐ cơ sở",
    "CSTD_TINH": "CSTĐ cấp tỉnh",
    "BK_TINH": "Bằng khen tỉnh",
    "LDTT": "LĐTT",
}
RATING_TEXT = dict(Rating.choices)


def article(number: int) -> str:
    return f"Điều {number} {LAW}"


def rating_check(ctx: Context, facts: Facts, code: str, minimum: str, number: int) -> Check:
    rating = facts.ratings.get(ctx.year)
    need = RATING_TEXT[minimum].lower()
    if rating is None:
        return check(
            code,
            UNKNOWN,
            f"Chưa có kết quả xếp loại năm {ctx.year} (cần {need} trở lên).",
            article(number),
        )
    ok = RATING_RANK[rating] >= RATING_RANK[minimum]
    text = f"Xếp loại năm {ctx.year}: {RATING_TEXT[rating].lower()}" + (
        "." if ok else f"; cần {need} trở lên."
    )
    return check(code, PASS if ok else FAIL, text, article(number))


def months_between(start: datetime.date, end: datetime.date) -> int:
    return (
        (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    )


def service_start(person, facts: Facts) -> datetime.date | None:
    starts = [e.start for e in facts.employments if e.start]
    return person.recruited_on or (min(starts) if starts else None)


def six_months(ctx: Context, person, facts: Facts) -> list[Check]:
    """R2's 6-month rule (months from the rule set) and R16's note on working time."""
    minimum = ctx.rule_set.min_recruited_months if ctx.rule_set else 6
    basis = f"{ctx.regime}; Thông tư 01/2024/TT-BNV, nay 15/2025/TT-BNV"
    start = service_start(person, facts)
    if start is None:
        return [
            check(
                "R2",
                UNKNOWN,
                f"Chưa có ngày tuyển dụng: chưa kiểm tra được quy định {minimum} tháng công tác.",
                basis,
            )
        ]
    months = months_between(start, ctx.year_end + datetime.timedelta(days=1))
    if months < minimum:
        return [
            check(
                "R2",
                FAIL,
                f"Tuyển dụng ngày {dmy(start)}: đến 31/12/{ctx.year} mới {max(months, 0)} tháng, chưa đủ {minimum} tháng để xét LĐTT.",
                basis,
            )
        ]
    return [
        check(
            "R2",
            PASS,
            f"Tuyển dụng ngày {dmy(start)}: đủ {minimum} tháng công tác trong năm xét.",
            basis,
        ),
        check(
            "R16",
            PASS,
            "Thời gian nghỉ thai sản, đi học, bồi dưỡng ngắn hạn được tính là thời gian công tác.",
            principles(ctx),
        ),
    ]


def ldtt(ctx: Context, person, facts: Facts) -> list[Check]:
    """R2: rating ≥ HTTNV, six months of service (discipline and holds come from general)."""
    return [rating_check(ctx, facts, "R2", Rating.GOOD, 24), *six_months(ctx, person, facts)]


def initiatives(
    ctx: Context, facts: Facts, cited, *, code: str, level: int, years: range, need: int = 1
) -> list[Check]:
    """An initiative of *level* or above recognised in *years*, not yet used (R13)."""
    pool = cited if cited is not None else [i for i in facts.initiatives if i.year in years]
    pool = [i for i in pool if LEVEL_RANK.get(i.level, 0) >= level]
    free, used, claimed_draft = [], [], []
    for i in pool:
        claims = [c for c in ctx.claims.get(i.pk, []) if not c.mine(ctx.exclude)]
        sent = [c for c in claims if c.submitted]
        if i.used_by:
            used.append(f"«{i.title}» đã dùng cho {i.used_by}")
        elif sent:
            used.append(f"«{i.title}» đang là căn cứ của đề nghị «{sent[0].proposal}»")
        else:
            free.append(i)
            claimed_draft += [f"«{i.title}» cũng có trong dự thảo «{c.proposal}»" for c in claims]
    span = f"{years.start}–{years.stop - 1}" if len(years) > 1 else str(years.start)
    what = (
        f"{need} sáng kiến, đề tài {LEVEL_TEXT[level]}"
        if need > 1
        else f"sáng kiến, đề tài {LEVEL_TEXT[level]}"
    )
    checks = []
    if len(free) >= need:
        names = ", ".join(f"«{i.title}» ({i.recognised_by})" for i in free[:need])
        checks.append(check(code, PASS, f"Có {what}: {names}.", article(ARTICLES[code])))
    else:
        missing = f"Cần {what} được công nhận trong {span}, chưa dùng cho khen thưởng khác"
        checks.append(check(code, FAIL, f"{missing}: có {len(free)}.", article(ARTICLES[code])))
    if used:
        checks.append(
            check(
                "R13",
                FAIL if len(free) < need else PASS,
                "Mỗi sáng kiến chỉ làm căn cứ một lần: " + "; ".join(used) + ".",
                principles(ctx),
            )
        )
    if claimed_draft:
        checks.append(check("R13", WARN, "; ".join(claimed_draft) + ".", principles(ctx)))
    return checks


ARTICLES = {"R3": 23, "R4": 22, "R5": 21, "R10": 74, "R12": 73}


def streak(
    ctx: Context, facts: Facts, code: str, n: int, rule_code: str, spoiled_to: int | None
) -> list[Check]:
    """n consecutive years of *code* right before the judged year (R14: only merit awards count)."""
    years = range(ctx.year - n, ctx.year)
    have = {
        a.year
        for a in facts.awards
        if a.code == code and a.year in years and counted(a, spoiled_to)
    }
    ignored = [a for a in facts.awards if a.code == code and a.year in years and a.year not in have]
    label = LABELS.get(code, code)
    art = article(ARTICLES[rule_code])
    if len(have) == n:
        checks = [check(rule_code, PASS, f"Đạt {label} {n} năm liên tục: {years_text(have)}.", art)]
    else:
        missing = [y for y in years if y not in have]
        checks = [
            check(
                rule_code,
                FAIL,
                f"Cần {n} năm liên tục đạt {label} ngay trước năm xét ({art}): có {years_text(have)}; thiếu {years_text(missing)}.",
                art,
            )
        ]
    checks += excluded(ctx, ignored, spoiled_to)
    return checks


def excluded(ctx: Context, ignored, spoiled_to: int | None) -> list[Check]:
    """R14 (and R15): say which records in a streak's window did not count, and why."""
    reasons = []
    for a in ignored:
        if a.revoked:
            why = "đã bị thu hồi"
        elif spoiled_to is not None and a.year <= spoiled_to:
            why = "trước khi hết thời hạn kỷ luật"
        else:
            why = "khen thưởng đột xuất, chuyên đề không tính vào thành tích xét khen công trạng"
        reasons.append(f"{a.label} {a.year} ({a.decision}): {why}")
    if not reasons:
        return []
    return [check("R14", PASS, "Không tính: " + "; ".join(reasons) + ".", principles(ctx))]


def national_streak(ctx: Context, facts: Facts, spoiled_to: int | None) -> list[Check]:
    """R5: two successive CSTĐ cấp tỉnh, the later one in the year before."""
    mine = sorted(
        {
            a.year
            for a in facts.awards
            if a.code == "CSTD_TINH" and counted(a, spoiled_to) and a.year < ctx.year
        }
    )
    art = article(21)
    ok = len(mine) >= 2 and mine[-1] == ctx.year - 1 and mine[-1] - mine[-2] <= 3
    text = f"Đạt CSTĐ cấp tỉnh các năm: {years_text(mine)}"
    if ok:
        return [check("R5", PASS, f"{text}: hai lần liên tục.", art)]
    return [
        check(
            "R5",
            FAIL,
            f"Cần 2 lần liên tục đạt CSTĐ cấp tỉnh, lần sau vào năm {ctx.year - 1} ({art}). {text}.",
            art,
        )
    ]


def bk_tinh(ctx: Context, facts: Facts, cited, spoiled_to: int | None) -> list[Check]:
    """R10: 2 consecutive CSTĐCS, or 2 consecutive HTXSNV years with 2 initiatives."""
    art = article(74)
    if not ctx.merit:
        return [
            check(
                "R10",
                PASS,
                "Khen theo thành tích đột xuất hoặc phong trào: Hội đồng đánh giá thành tích.",
                art,
            )
        ]
    years = range(ctx.year - 2, ctx.year)
    cstdcs = {
        a.year
        for a in facts.awards
        if a.code == "CSTDCS" and a.year in years and counted(a, spoiled_to)
    }
    if len(cstdcs) == 2:
        return [check("R10", PASS, f"Đạt CSTĐ cơ sở 2 năm liên tục: {years_text(cstdcs)}.", art)]
    excellent = [
        y
        for y in years
        if facts.ratings.get(y) == Rating.EXCELLENT and (spoiled_to is None or y > spoiled_to)
    ]
    if len(excellent) == 2:
        found = initiatives(ctx, facts, cited, code="R10", level=1, years=years, need=2)
        if found[0].status == PASS:
            return [
                check(
                    "R10",
                    PASS,
                    f"Hoàn thành xuất sắc nhiệm vụ {years_text(excellent)}; " + found[0].message,
                    art,
                ),
                *found[1:],
            ]
    return [
        check(
            "R10",
            FAIL,
            f"Cần 2 năm liên tục ({years_text(years)}) đạt CSTĐ cơ sở, hoặc hoàn thành xuất sắc nhiệm vụ có 2 sáng kiến "
            f"({art}): CSTĐ cơ sở {years_text(cstdcs)}; hoàn thành xuất sắc {years_text(excellent)}.",
            art,
        )
    ]


def bk_ttg(ctx: Context, facts: Facts, spoiled_to: int | None) -> list[Check]:
    """R12: a provincial Bằng khen, and 5 consecutive years ≥ HTTNV with 3 CSTĐCS in them."""
    art = article(73)
    if not ctx.merit:
        return [
            check(
                "R12",
                PASS,
                "Khen theo thành tích đột xuất hoặc phong trào: Hội đồng đánh giá thành tích.",
                art,
            )
        ]
    checks = []
    bk = sorted(
        a.year
        for a in facts.awards
        if a.code == "BK_TINH" and counted(a, spoiled_to) and a.year < ctx.year
    )
    if bk:
        checks.append(
            check("R12", PASS, f"Đã có Bằng khen của Chủ tịch UBND tỉnh ({years_text(bk)}).", art)
        )
    else:
        checks.append(
            check("R12", FAIL, f"Cần đã được tặng Bằng khen của Chủ tịch UBND tỉnh ({art}).", art)
        )
    years = range(ctx.year - 5, ctx.year)
    good = [
        y
        for y in years
        if RATING_RANK.get(facts.ratings.get(y), 0) >= RATING_RANK[Rating.GOOD]
        and (spoiled_to is None or y > spoiled_to)
    ]
    cstdcs = {
        a.year
        for a in facts.awards
        if a.code == "CSTDCS" and a.year in years and counted(a, spoiled_to)
    }
    ok = len(good) == 5 and len(cstdcs) >= 3
    checks.append(
        check(
            "R12",
            PASS if ok else FAIL,
            f"5 năm liên tục {years_text(years)} hoàn thành tốt nhiệm vụ trở lên ({years_text(good)}), "
            f"trong đó 3 lần CSTĐ cơ sở ({years_text(cstdcs)})"
            + ("." if ok else f": chưa đạt ({art})."),
            art,
        )
    )
    return checks


def cap_note(ctx: Context) -> list[Check]:
    cap = ctx.rule_set.cstdcs_cap_percent if ctx.rule_set else None
    if cap is None:
        return []
    return [
        check(
            "R3",
            WARN,
            f"Tỉnh quy định CSTĐ cơ sở không quá {percent(cap)} số LĐTT của đơn vị: kiểm tra khi tổng hợp.",
            ctx.regime,
        )
    ]


def person_checks(
    ctx: Context, person, facts: Facts, cited: list[InitiativeFact] | None, spoiled_to
) -> list[Check]:
    """The title-specific checks of one person."""
    code, y = ctx.code, ctx.year
    if code == "LDTT":
        return ldtt(ctx, person, facts)
    if code == "CSTDCS":
        excellent = facts.ratings.get(y) == Rating.EXCELLENT
        checks = ldtt(ctx, person, facts)
        if excellent:
            checks.append(check("R3", PASS, f"Hoàn thành xuất sắc nhiệm vụ năm {y}.", article(23)))
        else:
            found = initiatives(ctx, facts, cited, code="R3", level=1, years=range(y, y + 1))
            if found[0].status == FAIL:
                found[0] = check(
                    "R3",
                    FAIL,
                    f"Cần hoàn thành xuất sắc nhiệm vụ năm {y} hoặc có sáng kiến: "
                    + found[0].message,
                    article(23),
                )
            checks += found
        return checks + cap_note(ctx)
    if code == "CSTD_TINH":
        return streak(ctx, facts, "CSTDCS", 3, "R4", spoiled_to) + initiatives(
            ctx, facts, cited, code="R4", level=2, years=range(y - 3, y + 1)
        )
    if code == "CSTD_TQ":
        return national_streak(ctx, facts, spoiled_to) + initiatives(
            ctx, facts, cited, code="R5", level=3, years=range(y - 6, y + 1)
        )
    if code == "BK_TINH":
        return bk_tinh(ctx, facts, cited, spoiled_to)
    if code == "BK_TTG":
        return bk_ttg(ctx, facts, spoiled_to)
    return []
