"""Checks that apply to every subject whatever the title: authority (R1), one achievement one
award (R13), holds and discipline (R15), tie-breakers (R17), deadlines (R21), public notice
(R22), registration (R23), reward money (R24) and double proposals (R25)."""

from __future__ import annotations

import datetime

from awards.models import STREAK_KINDS, AwardKind, Beneficiary, DeciderLevel
from awards.rules import reward_amount

from .common import FAIL, LAW, PASS, UNKNOWN, WARN, Check, Context, check, dmy, money, overlaps
from .facts import Facts

DISTRICTS_ABOLISHED = datetime.date(2025, 7, 1)  # ND 129/2025 Điều 59 [C]


def principles(ctx: Context) -> str:
    return f"Điều 5 {LAW}; Điều 4 {ctx.regime}"


def authority(ctx: Context) -> list[Check]:
    """R1: the rule set in force has a rule for the title and names a decider that exists."""
    rule = ctx.rule
    if ctx.rule_set is None:
        return [check("R1", UNKNOWN, f"Chưa có bộ quy tắc áp dụng cho ngày {dmy(ctx.on)}.", LAW)]
    if rule is None or not ctx.title.is_active:
        return [
            check(
                "R1",
                FAIL,
                f"{ctx.regime} không có quy định xét tặng {ctx.title.name}.",
                ctx.rule_set.legal_basis,
            )
        ]
    if rule.decider == DeciderLevel.DISTRICT_CHAIR and ctx.on >= DISTRICTS_ABOLISHED:
        return [
            check(
                "R1",
                FAIL,
                f"Cấp huyện đã bỏ từ 01/07/2025: thẩm quyền của Chủ tịch UBND huyện chuyển cho Chủ tịch UBND xã "
                f"({ctx.regime} cần sửa quy định cho {ctx.title.name}).",
                "Điều 59 Nghị định 129/2025/NĐ-CP",
            )
        ]
    return [
        check(
            "R1",
            PASS,
            f"Thẩm quyền quyết định: {rule.get_decider_display()} ({ctx.regime}).",
            rule.source or ctx.regime,
        )
    ]


def same_award(ctx: Context, facts: Facts) -> list[Check]:
    """R13: the subject has not already received this title for this year."""
    for award in facts.awards:
        if (
            award.code == ctx.code
            and award.year == ctx.year
            and not award.revoked
            and not award.via
        ):
            return [
                check(
                    "R13",
                    FAIL,
                    f"Đã được tặng {award.label} năm {award.year} ({award.decision}): một thành tích chỉ khen một lần.",
                    principles(ctx),
                )
            ]
    return []


def holds(ctx: Context, facts: Facts) -> list[Check]:
    """R15: a matter under review at the date blocks the award; one open during the year and
    since closed is a warning (the conclusion must be read)."""
    found = []
    for hold in facts.holds:
        if hold.start and hold.start <= ctx.on and (hold.end is None or hold.end >= ctx.on):
            found.append(
                check(
                    "R15",
                    FAIL,
                    f"Đang có vụ việc chưa kết luận từ {dmy(hold.start)}: {hold.label}. Chưa xét khen thưởng.",
                    principles(ctx),
                )
            )
        elif overlaps(hold.start, hold.end, ctx.year_start, ctx.year_end):
            found.append(
                check(
                    "R15",
                    WARN,
                    f"Có vụ việc trong năm {ctx.year} ({hold.label}), đã kết thúc ngày {dmy(hold.end)}: kiểm tra kết luận.",
                    principles(ctx),
                )
            )
    return found


def discipline(ctx: Context, facts: Facts) -> tuple[list[Check], int | None]:
    """R15 for discipline: an open period blocks; a closed one spoils every year up to and
    including the year it ended. Returns the checks and the last spoiled year."""
    spoiled_to = None
    found = []
    for d in facts.disciplines:
        if d.start and d.start > ctx.on:
            continue
        if d.end is None or d.end >= ctx.on:
            found.append(
                check(
                    "R15",
                    FAIL,
                    f"Đang trong thời hạn kỷ luật ({d.label}, từ {dmy(d.start)}): chưa xét khen thưởng.",
                    principles(ctx),
                )
            )
            spoiled_to = max(spoiled_to or 0, ctx.year)
            continue
        spoiled_to = max(spoiled_to or 0, d.end.year)
        if d.end.year >= ctx.year:
            found.append(
                check(
                    "R15",
                    FAIL,
                    f"Bị kỷ luật trong năm {ctx.year} ({d.label}, đến {dmy(d.end)}): thành tích chỉ tính từ khi hết thời hạn kỷ luật.",
                    principles(ctx),
                )
            )
    return found, spoiled_to


def tie_breaker(
    ctx: Context, *, female: bool | None = None, women_share: float | None = None
) -> list[Check]:
    """R17: under a quota, a woman (or a collective with ≥ 70 % women) comes first on a tie."""
    if female:
        text = (
            "Cá nhân nữ: được ưu tiên khi các trường hợp ngang nhau trong phạm vi tỷ lệ, số lượng."
        )
    elif women_share is not None and women_share >= 0.7:
        text = f"Tập thể có {women_share:.0%} nữ: được ưu tiên khi các trường hợp ngang nhau."
    else:
        return []
    return [check("R17", PASS, text, principles(ctx))]


def deadlines(ctx: Context) -> list[Check]:
    """R21: year-end dossiers by the rule set's day (10/12), central titles by their own date,
    thematic ones ahead of the event. Only judged against a real submission date."""
    rs, rule = ctx.rule_set, ctx.rule
    if rs is None or rule is None:
        return []
    source = f"{ctx.regime} (quy định của tỉnh)"
    if ctx.kind == AwardKind.MOVEMENT and ctx.event_date:
        latest = ctx.event_date - datetime.timedelta(days=rs.thematic_min_days_before_event)
        late = ctx.on_given and ctx.on > latest
        text = f"Hồ sơ khen thưởng chuyên đề nộp chậm nhất {dmy(latest)} ({rs.thematic_min_days_before_event} ngày trước sự kiện {dmy(ctx.event_date)})."
        return [check("R21", WARN if late else PASS, ("Nộp muộn. " if late else "") + text, source)]
    if not ctx.merit:
        return []
    checks = []
    year_end = datetime.date(ctx.year, rs.year_end_deadline_month, rs.year_end_deadline_day)
    late = ctx.on_given and ctx.on > year_end
    checks.append(
        check(
            "R21",
            WARN if late else PASS,
            ("Nộp muộn. " if late else "")
            + f"Hạn nộp hồ sơ cuối năm về Sở Nội vụ: {dmy(year_end)}.",
            source,
        )
    )
    if rule.central_deadline_day and rule.central_deadline_month:
        central = datetime.date(
            ctx.year + 1, rule.central_deadline_month, rule.central_deadline_day
        )
        late = ctx.on_given and ctx.on > central
        checks.append(
            check(
                "R21",
                FAIL if late else PASS,
                ("Quá hạn. " if late else "")
                + f"Hạn tỉnh trình Trung ương {ctx.title.label}: {dmy(central)}.",
                rule.source or source,
            )
        )
    return checks


def public_notice(ctx: Context) -> list[Check]:
    """R22: titles whose rule needs public notice before the council meets."""
    rule = ctx.rule
    if rule is None or not rule.needs_public_notice:
        return []
    days = ctx.rule_set.public_notice_working_days
    return [
        check(
            "R22",
            WARN,
            f"Phải công khai trên phương tiện thông tin đại chúng ít nhất {days} ngày làm việc trước khi Hội đồng họp.",
            rule.source or ctx.regime,
        )
    ]


def registration(ctx: Context, facts: Facts, who: str) -> list[Check]:
    """R23: registration is no longer a legal basis; warn, or fail where the province says so."""
    if not ctx.merit or ctx.rule_set is None:
        return []
    if facts.registered:
        return [
            check("R23", PASS, f"Đã đăng ký {ctx.title.label} năm {ctx.year}.", f"Điều 7 {LAW}")
        ]
    required = ctx.rule_set.registration_required
    return [
        check(
            "R23",
            FAIL if required else WARN,
            f"{who} chưa đăng ký {ctx.title.label} năm {ctx.year}"
            + (
                " (tỉnh quy định bắt buộc đăng ký)."
                if required
                else " (đăng ký không còn là căn cứ xét)."
            ),
            f"Điều 7 {LAW}; {ctx.regime}",
        )
    ]


def amount(ctx: Context, beneficiary: str) -> list[Check]:
    """R24: coefficient × base salary on the date, as information."""
    rule = ctx.rule
    if rule is None or ctx.rule_set is None:
        return []
    if ctx.base_salary is None:
        return [
            check(
                "R24", UNKNOWN, f"Chưa có mức lương cơ sở áp dụng ngày {dmy(ctx.on)}.", ctx.regime
            )
        ]
    value = reward_amount(
        rule=rule, rule_set=ctx.rule_set, beneficiary=beneficiary, base_salary=ctx.base_salary
    )
    coefficient = rule.coefficient
    if (
        beneficiary in (Beneficiary.INDIVIDUAL, Beneficiary.HOUSEHOLD)
        and rule.individual_coefficient is not None
    ):
        coefficient = rule.individual_coefficient
    if not value:
        return [
            check(
                "R24",
                PASS,
                f"{ctx.title.label}: không có tiền thưởng theo hệ số lương cơ sở.",
                ctx.regime,
            )
        ]
    return [
        check(
            "R24",
            PASS,
            f"Tiền thưởng: {coefficient} × lương cơ sở {money(ctx.base_salary)} = {money(value)}.",
            f"{ctx.regime}; {rule.source}".strip("; "),
        )
    ]


def double_proposal(ctx: Context, facts: Facts) -> list[Check]:
    """R25: the same subject already proposed for the title in this cycle."""
    others = [c for c in facts.other_nominations if not c.mine(ctx.exclude)]
    if not others:
        return []
    where = "; ".join(f"«{c.proposal}»" for c in others)
    return [
        check(
            "R25",
            WARN,
            f"Đã được đề nghị {ctx.title.label} năm {ctx.year} trong: {where}.",
            principles(ctx),
        )
    ]


def counted(award, spoiled_to: int | None) -> bool:
    """Whether a record counts toward a higher merit award (R14, R15)."""
    return (
        award.kind in STREAK_KINDS
        and not award.revoked
        and (spoiled_to is None or award.year > spoiled_to)
    )
