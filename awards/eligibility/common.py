"""The engine's vocabulary: a check, a verdict, and the context every check reads (the rule
set in force, the title's rule, the year and the relevant date). No queries here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from awards.models import AwardKind, RuleSet, Title, TitleRule

PASS, WARN, FAIL, UNKNOWN = "pass", "warn", "fail", "unknown"
# Worst first: a failure outweighs an unknown, which outweighs a warning.
SEVERITY = {PASS: 0, WARN: 1, UNKNOWN: 2, FAIL: 3}
STATUS_LABELS = {
    PASS: "Đủ điều kiện",
    WARN: "Đủ, có lưu ý",
    UNKNOWN: "Chưa đủ dữ liệu",
    FAIL: "Không đủ điều kiện",
}

LAW = "Luật TĐKT 2022"
ND152_ART4 = "Điều 4 Nghị định 152/2025/NĐ-CP"


@dataclass(frozen=True)
class Check:
    """One rule applied to one subject: its code (R1–R25), result, reason and article."""

    code: str
    status: str
    message: str
    article: str

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "status": self.status,
            "message": self.message,
            "article": self.article,
        }


@dataclass
class Verdict:
    """All checks of one subject for one title; the worst one decides."""

    checks: list[Check] = field(default_factory=list)

    @property
    def status(self) -> str:
        return max((c.status for c in self.checks), key=SEVERITY.__getitem__, default=PASS)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if c.status == FAIL]

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if c.status == WARN]

    @property
    def unknowns(self) -> list[Check]:
        return [c for c in self.checks if c.status == UNKNOWN]

    @property
    def problems(self) -> list[Check]:
        """Everything short of a pass, worst first: what a screen shows as the reasons."""
        return sorted(
            (c for c in self.checks if c.status != PASS), key=lambda c: -SEVERITY[c.status]
        )

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    def as_json(self) -> list[dict]:
        return [c.as_json() for c in self.checks]


@dataclass
class Context:
    """What is the same for every subject judged together."""

    title: Title
    year: int
    kind: str
    on: datetime.date
    on_given: bool  # a real submission date (deadlines apply), not the default 31/12
    rule_set: RuleSet | None
    rules: dict[str, TitleRule]
    base_salary: int | None
    event_date: datetime.date | None = None
    # Live nominees citing an initiative: {initiative id: [Claim]}.
    claims: dict = field(default_factory=dict)
    # The nominee being judged and its consolidation chain, set before each subject is
    # judged: its own claims on an initiative or a place in the cycle are not conflicts.
    exclude: set[int] = field(default_factory=set)

    @property
    def code(self) -> str:
        return self.title.code

    @property
    def rule(self) -> TitleRule | None:
        return self.rules.get(self.title.code)

    @property
    def merit(self) -> bool:
        return self.kind == AwardKind.MERIT

    @property
    def year_start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def year_end(self) -> datetime.date:
        return datetime.date(self.year, 12, 31)

    @property
    def regime(self) -> str:
        return self.rule_set.name if self.rule_set else _("chưa có bộ quy tắc")


def check(code: str, status: str, message: str, article: str) -> Check:
    return Check(code=code, status=status, message=message, article=article)


def years_text(years) -> str:
    return ", ".join(str(y) for y in sorted(years)) or "—"


def dmy(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


def money(amount: int | Decimal) -> str:
    return f"{int(amount):,}".replace(",", ".") + " đ"


def percent(value: Decimal | float) -> str:
    return f"{Decimal(value).normalize():f}".replace(".", ",") + " %"


def overlaps(
    start: datetime.date | None, end: datetime.date | None, lo: datetime.date, hi: datetime.date
) -> bool:
    """Whether the period [start, end] (open ends allowed) meets [lo, hi]."""
    return (start is None or start <= hi) and (end is None or end >= lo)
