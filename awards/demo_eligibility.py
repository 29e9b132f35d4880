"""Demo data of the awards app: eligibility (registered through blocs.demo.register_loader).

Award history 2019–2024 (imported, with printed decision numbers), ratings 2019–2025,
initiatives, a hold and a discipline for people of Khối Thi đua Nội chính, so that the
"Xét điều kiện" screen has something to say about Chiến sĩ thi đua cấp tỉnh 2025: two are
eligible, and others fail for a gap year, an open inspection, an initiative already used,
a discipline period, and a recruit of September 2025 cannot be LĐTT. Names are invented.

Idempotent: a rating, award or initiative that already exists (from another demo part or
an earlier run) is left alone.
"""

from __future__ import annotations

import datetime

from blocs.demo import DemoResult, register_loader
from blocs.models import Person
from blocs.text import nfc

from .models import (
    AwardKind,
    AwardRecord,
    AwardSource,
    Discipline,
    DisciplineForm,
    Hold,
    HoldKind,
    Initiative,
    InitiativeLevel,
    PerformanceRating,
    Rating,
    Title,
)

X, G = Rating.EXCELLENT, Rating.GOOD
STREAK = (2022, 2023, 2024)

# (unit code, full name): CSTĐCS years, ratings 2019–2025, provincial initiative year, story.
PEOPLE = {
    ("bo-chqs", "Đinh Văn Cường"): (STREAK, X, 2024, "đủ điều kiện"),
    ("cong-an", "Ngô Thị Bích Ngọc"): ((2021, *STREAK), X, 2023, "đủ điều kiện"),
    ("bo-chqs", "Vũ Mạnh Hùng"): ((2021, 2023, 2024), X, 2024, "thiếu năm 2022"),
    ("cong-an", "Sùng A Páo"): (STREAK, X, 2024, "đang bị thanh tra"),
    ("tand", "Phan Thị Kim Oanh"): (STREAK, X, 2023, "sáng kiến đã dùng cho Bằng khen 2023"),
    ("vksnd", "Hoàng Văn Sơn"): (STREAK, G, 2024, "kỷ luật khiển trách năm 2023"),
}
RECRUIT = ("so-tu-phap", "Lò Thị Thu Trang")  # recruited 15/09/2025 (blocs/demo_data.py)
DECISIONS = {"bo-chqs": "QĐ-BCH", "cong-an": "QĐ-CAT", "tand": "QĐ-TA", "vksnd": "QĐ-VKS"}


def _award(
    person: Person, title: Title, year: int, number: str, kind: str = AwardKind.MERIT,
    result: DemoResult | None = None,
) -> AwardRecord:
    record = AwardRecord.objects.filter(person=person, title=title, year=year).first()
    if record:
        return record
    record = AwardRecord(
        person=person,
        unit_at_award=person.unit,
        title=title,
        year=year,
        kind=kind,
        source=AwardSource.IMPORT,
        decision_number=number,
        decision_date=datetime.date(year, 12, 25),
    )
    record.full_clean()
    record.save()
    if result is not None:
        result.created["eligibility_awards"] += 1
    return record


def _rate(person: Person, year: int, rating: str) -> None:
    if not PerformanceRating.objects.filter(person=person, year=year).exists():
        PerformanceRating.objects.create(
            person=person,
            year=year,
            rating=rating,
            rated_by_unit=person.unit,
            source=f"Kết quả xếp loại năm {year}",
        )


def _initiative(person: Person, year: int, used_by: AwardRecord | None = None) -> None:
    name = nfc(f"Sáng kiến nâng cao hiệu quả công tác của {person.full_name}")
    if Initiative.objects.filter(title=name).exists():
        return
    item = Initiative(
        title=name,
        level=InitiativeLevel.PROVINCE,
        recognised_on=datetime.date(year, 11, 20),
        recognised_by=f"QĐ số {40 + year % 100}/QĐ-HĐKH công nhận sáng kiến cấp tỉnh",
        unit=person.unit,
        used_by=used_by,
    )
    item.full_clean()
    item.save()
    item.authors.add(person)


def _history(person: Person, code: str, spec, titles: dict[str, Title], result: DemoResult) -> None:
    streak, rating, initiative_year, _story = spec
    symbol = DECISIONS.get(code, "QĐ")
    for year in range(2019, 2026):
        _rate(person, year, rating)
    for year in range(2019, 2025):
        _award(person, titles["LDTT"], year, f"{100 + year % 100}/{symbol}")
    for year in streak:
        _award(person, titles["CSTDCS"], year, f"{200 + year % 100}/{symbol}", result=result)
    used_by = None
    if person.full_name == "Phan Thị Kim Oanh":
        used_by = _award(person, titles["BK_TINH"], 2023, "2345/QĐ-UBND")
    _initiative(person, initiative_year, used_by)


def _special_cases(people: dict[str, Person], result: DemoResult) -> None:
    paos = people.get("Sùng A Páo")
    if paos and not Hold.objects.filter(person=paos).exists():
        Hold.objects.create(
            person=paos,
            kind=HoldKind.INSPECTION,
            opened_on=datetime.date(2025, 10, 6),
            source="Quyết định thanh tra số 15/QĐ-TTr ngày 06/10/2025",
            note="Thanh tra việc quản lý tài sản công; chưa có kết luận.",
        )
        result.created["eligibility_holds"] += 1
    son = people.get("Hoàng Văn Sơn")
    if son and not Discipline.objects.filter(person=son).exists():
        Discipline.objects.create(
            person=son,
            form=DisciplineForm.REPRIMAND,
            decided_on=datetime.date(2023, 3, 1),
            effective_from=datetime.date(2023, 3, 1),
            effective_to=datetime.date(2023, 8, 31),
            source="QĐ kỷ luật số 08/QĐ-VKS ngày 01/03/2023",
        )


def _recruit() -> None:
    """The recent recruit comes with the organisation's demo people; here she gets a rating."""
    code, name = RECRUIT
    person = Person.objects.filter(unit__code=code, full_name=name).first()
    if person is not None:
        _rate(person, 2025, Rating.GOOD)


@register_loader(
    order=60,
    labels={
        "eligibility_awards": "khen thưởng cũ cho ví dụ xét điều kiện",
        "eligibility_holds": "vụ việc đang xem xét",
    },
)
def load_eligibility(result: DemoResult) -> None:
    titles = {t.code: t for t in Title.objects.filter(code__in=["LDTT", "CSTDCS", "BK_TINH"])}
    if len(titles) < 3:
        return
    found = {}
    for (code, name), spec in PEOPLE.items():
        person = Person.objects.filter(unit__code=code, full_name=name).first()
        if person is None:
            continue
        found[name] = person
        _history(person, code, spec, titles, result)
    _special_cases(found, result)
    _recruit()
