"""Factories of the facts the eligibility engine reads (ratings, award history, initiatives,
discipline, holds). The facts screens of another area will have services; until then the
tests build rows with full_clean, as those services would."""

from __future__ import annotations

import datetime

from awards.models import (
    AwardKind,
    AwardRecord,
    AwardSource,
    Decision,
    DecisionKind,
    Discipline,
    Hold,
    HoldKind,
    Initiative,
    PerformanceRating,
    Title,
)
from blocs.models import Person, Unit


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


def _subject(subject) -> dict:
    return {"person": subject} if isinstance(subject, Person) else {"unit": subject}


def rate(subject: Person | Unit, year: int, rating: str):
    return _save(
        PerformanceRating(
            year=year, rating=rating, source=f"QĐ xếp loại {year}", **_subject(subject)
        )
    )


def rate_years(subject, years, rating: str) -> None:
    for year in years:
        rate(subject, year, rating)


def award(
    subject, code: str, year: int, *, kind: str = AwardKind.MERIT, number: str = ""
) -> AwardRecord:
    title = Title.objects.get(code=code)
    return _save(
        AwardRecord(
            title=title,
            year=year,
            kind=kind,
            source=AwardSource.IMPORT,
            decision_number=number or f"{year % 100 + 100}/QĐ-UBND",
            decision_date=datetime.date(year, 12, 20),
            unit_at_award=subject.unit if isinstance(subject, Person) else None,
            **_subject(subject),
        )
    )


def award_years(subject, code: str, years) -> list[AwardRecord]:
    return [award(subject, code, year) for year in years]


def revoke(record: AwardRecord) -> AwardRecord:
    decision = _save(
        Decision(
            issuer="UBND tỉnh Lai Châu",
            year=record.year + 1,
            number=900 + record.pk,
            symbol="QĐ-UBND",
            kind=DecisionKind.REVOCATION,
            signed_on=datetime.date(record.year + 1, 3, 1),
            signer_post="Chủ tịch",
            signer_name="Lê Văn Ký",
            subject="Thu hồi khen thưởng",
        )
    )
    record.revoked_by = decision
    record.revoked_reason = "Kê khai không trung thực"
    return _save(record)


def initiative(
    person: Person, level: str, year: int, *, title: str = "", used_by: AwardRecord | None = None
):
    item = _save(
        Initiative(
            title=title or f"Sáng kiến {level} {year} của {person.full_name}",
            level=level,
            recognised_on=datetime.date(year, 10, 15),
            recognised_by=f"QĐ công nhận sáng kiến số {year % 100}/QĐ-HĐSK",
            unit=person.unit,
            used_by=used_by,
        )
    )
    item.authors.add(person)
    return item


def discipline(person: Person, form: str, start: datetime.date, end: datetime.date | None):
    return _save(
        Discipline(
            person=person,
            form=form,
            decided_on=start,
            effective_from=start,
            effective_to=end,
            source="QĐ kỷ luật số 5/QĐ-KL",
        )
    )


def hold(
    subject,
    opened: datetime.date,
    closed: datetime.date | None = None,
    kind: str = HoldKind.INSPECTION,
):
    return _save(
        Hold(
            kind=kind,
            opened_on=opened,
            closed_on=closed,
            source="Kết luận thanh tra số 7/KL-TTr",
            **_subject(subject),
        )
    )


def nominate(
    person=None,
    unit=None,
    *,
    title_code: str,
    year: int,
    proposer=None,
    submitted: bool = False,
    initiatives=(),
):
    """A nominee in a new proposal of *year* (a draft unless *submitted*)."""
    import datetime as _dt

    from django.utils import timezone

    from awards.models import Nominee, Proposal, ProposalStatus
    from awards.rules import rule_set_for

    proposal = _save(
        Proposal(
            proposing_unit=proposer or (person.unit if person else unit),
            year=year,
            rule_set=rule_set_for(_dt.date(year, 12, 31)),
            subject=f"Đề nghị khen thưởng năm {year} ({Title.objects.get(code=title_code).label})",
            status=ProposalStatus.SUBMITTED if submitted else ProposalStatus.DRAFT,
            submitted_at=timezone.now() if submitted else None,
        )
    )
    nominee = _save(
        Nominee(
            proposal=proposal,
            person=person,
            unit=unit,
            title=Title.objects.get(code=title_code),
            period_from=year,
            period_to=year,
            achievement="Hoàn thành xuất sắc nhiệm vụ",
        )
    )
    nominee.initiatives.set(initiatives)
    return nominee
