"""Decisions: numbers, award records and their money, forwarding to the central level,
revocation."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.models import (
    AwardRecord,
    Household,
    Initiative,
    InitiativeLevel,
    NomineeOutcome,
    ProposalStatus,
)
from awards.services import decisions
from blocs.models import AuditLog
from tests.awards.factories_council import accepted_proposal, decided, signing, vote

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 12, 20)


def test_a_decision_awards_the_nominees_that_passed_and_numbers_itself(org):
    person = org.people["cong-an"][0]
    decision = decided(org, [(person, "BK_TINH"), (org.ca, "TTLDXS")])
    assert (decision.number, str(decision)) == (1, "1/QĐ-UBND")
    records = list(AwardRecord.objects.filter(decision=decision).order_by("pk"))
    assert [r.subject for r in records] == [person, org.ca]
    assert records[0].unit_at_award == org.ca
    assert records[0].decision_date == DAY
    proposal = decision.proposal
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED
    assert set(proposal.nominees.values_list("outcome", flat=True)) == {NomineeOutcome.AWARDED}
    assert AuditLog.objects.filter(action="awards.decision.recorded").count() == 1


def test_the_next_decision_of_the_same_issuer_and_year_takes_the_next_number(org):
    first = decided(org, [(org.ca, "TTLDXS")])
    second = decided(org, [(org.toa, "TTLDXS")], unit=org.toa)
    assert (first.number, second.number) == (1, 2)


def test_a_manual_number_already_taken_is_refused_with_a_clear_message(org):
    decided(org, [(org.ca, "TTLDXS")])
    proposal = accepted_proposal(org, [(org.toa, "TTLDXS")], unit=org.toa)
    vote(org, proposal, datetime.date(2024, 12, 2))
    with pytest.raises(ValidationError, match="Số 1 đã được dùng cho một quyết định khác"):
        decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(DAY, number=1))
    manual = decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(DAY, number=7))
    assert manual.number == 7


def test_a_nominee_that_failed_the_vote_is_not_awarded_and_says_why(org):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTDCS"), (org.ca, "TTLDXS")])
    vote(org, proposal, datetime.date(2024, 12, 2), votes_for=10)  # 10 of 15 < 80 %
    decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(DAY))
    failed = proposal.nominees.get(title__code="CSTDCS")
    assert failed.outcome == NomineeOutcome.REJECTED
    assert "tỷ lệ biểu quyết" in failed.outcome_reason
    assert AwardRecord.objects.count() == 1


def test_a_deferred_nominee_keeps_its_reason_and_gets_no_record(org):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "BK_TINH"), (org.ca, "TTLDXS")])
    vote(org, proposal, datetime.date(2024, 12, 2))
    unit_nominee = proposal.nominees.get(unit=org.ca)
    decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(DAY),
                              deferred={unit_nominee.pk: "Chờ kết quả thanh tra"})
    unit_nominee.refresh_from_db()
    assert (unit_nominee.outcome, unit_nominee.outcome_reason) == (NomineeOutcome.DEFERRED, "Chờ kết quả thanh tra")
    assert AwardRecord.objects.count() == 1


@pytest.mark.parametrize(
    ("code", "subject", "day", "amount"),
    [
        ("TTLDXS", "unit", datetime.date(2024, 6, 28), 2_700_000),  # 1.5 × 1,800,000
        ("TTLDXS", "unit", datetime.date(2024, 7, 1), 3_510_000),  # 1.5 × 2,340,000
        ("BK_TINH", "unit", datetime.date(2024, 12, 20), 7_020_000),  # 3.0 × 2,340,000
        ("BK_TINH", "person", datetime.date(2024, 12, 20), 3_510_000),  # individual 1.5
        ("LDTT", "person", datetime.date(2024, 12, 20), 702_000),  # 0.3
        ("CSTDCS", "person", datetime.date(2024, 12, 20), 2_340_000),  # 1.0
    ],
)
def test_each_record_gets_the_coefficient_times_the_base_salary_of_the_signing_date(org, code, subject, day, amount):
    subjects = {"unit": org.ca, "person": org.people["cong-an"][0]}
    decided(org, [(subjects[subject], code)], day=day)
    assert AwardRecord.objects.get().amount == amount


def test_a_household_gets_one_and_a_half_times_an_individual_rounded_to_a_thousand(org):
    household = Household.objects.create(head_name="Lò Văn Páo", address="Bản Hon", commune=org.ca)
    decided(org, [(household, "BK_TINH"), (org.people["cong-an"][0], "BK_TINH")])
    amounts = dict(AwardRecord.objects.values_list("household_id", "amount"))
    assert amounts[household.pk] == 5_265_000  # 1.5 × 1.5 × 2,340,000
    assert amounts[None] == 3_510_000


def test_the_initiatives_a_nominee_cited_are_used_by_its_award(org):
    person = org.people["cong-an"][0]
    proposal = accepted_proposal(org, [(person, "CSTDCS")])
    initiative = Initiative.objects.create(title="Số hóa hồ sơ", level=InitiativeLevel.BASE,
                                           recognised_on=datetime.date(2024, 5, 1), recognised_by="QĐ 1", unit=org.ca)
    proposal.nominees.get().initiatives.add(initiative)
    vote(org, proposal, datetime.date(2024, 12, 2))
    decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(DAY))
    initiative.refresh_from_db()
    assert initiative.used_by == AwardRecord.objects.get()


def test_a_central_title_is_forwarded_then_recorded_from_the_prime_ministers_decision(org):
    person = org.people["cong-an"][0]
    proposal = accepted_proposal(org, [(person, "BK_TTG"), (org.ca, "TTLDXS")])
    vote(org, proposal, datetime.date(2024, 12, 2))
    decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(DAY))
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VOTED  # BK_TTG still waits
    decisions.proposal_forward_central(actor=org.noivu, proposal=proposal, document_number="15/TTr-UBND")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.FORWARDED
    assert proposal.nominees.get(person=person).outcome == NomineeOutcome.FORWARDED
    central = decisions.central_decision_record(
        actor=org.noivu, proposal=proposal,
        signing=signing(datetime.date(2025, 3, 1), issuer="Thủ tướng Chính phủ", symbol="QĐ-TTg"),
    )
    proposal.refresh_from_db()
    assert central.is_central and proposal.status == ProposalStatus.DECIDED
    assert AwardRecord.objects.get(person=person).amount == 8_190_000  # BK_TTG individual 3.5 × 2,340,000


def test_a_revoked_award_leaves_the_active_history_but_keeps_its_row(org):
    person = org.people["cong-an"][0]
    decided(org, [(person, "BK_TINH")])
    record = AwardRecord.objects.get()
    revocation = decisions.award_revoke(actor=org.noivu, record=record, signing=signing(datetime.date(2025, 2, 3)),
                                        reason="Khai man thành tích (Luật Điều 93)")
    record.refresh_from_db()
    assert record.is_revoked and record.revoked_by == revocation
    assert revocation.kind == "thu_hoi" and revocation.number == 1  # a new year, a new count
    assert AwardRecord.objects.filter(person=person, revoked_by__isnull=True).count() == 0
    with pytest.raises(ValidationError, match="đã bị thu hồi"):
        decisions.award_revoke(actor=org.noivu, record=record, signing=signing(datetime.date(2025, 2, 4)),
                               reason="Lần nữa")
