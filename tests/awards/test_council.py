"""Public notice, objections and the council's vote: quorum and thresholds over all members."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import CouncilVote, ProposalEvent, ProposalStatus
from awards.services import council
from awards.workdays import period_end, working_days_between
from blocs.models import AuditLog
from tests.awards.factories_council import accepted_proposal, session_fields, vote

pytestmark = pytest.mark.django_db
MON = datetime.date(2024, 11, 4)  # a Monday


def test_a_notice_of_ten_working_days_skips_two_weekends():
    assert period_end(MON, 10) == datetime.date(2024, 11, 15)
    assert working_days_between(MON, datetime.date(2024, 11, 15)) == 10


def test_a_notice_starting_on_a_saturday_counts_from_the_monday():
    assert period_end(datetime.date(2024, 11, 2), 1) == MON


def test_publishing_a_notice_puts_the_proposal_on_notice_until_the_tenth_working_day(org):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTD_TQ")])
    assert council.notice_required(proposal)
    notice = council.notice_publish(actor=org.noivu, proposal=proposal, starts_on=MON, channel="Báo Lai Châu")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PUBLIC_NOTICE
    assert notice.ends_on == datetime.date(2024, 11, 15)
    assert ProposalEvent.objects.get(proposal=proposal).action == "awards.proposal.notice_published"
    assert AuditLog.objects.filter(action="awards.proposal.notice_published").exists()


def test_only_interior_staff_publish_a_notice(org):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTD_TQ")])
    with pytest.raises(PermissionDenied):
        council.notice_publish(actor=org.donvi, proposal=proposal, starts_on=MON)


def test_an_objection_is_taken_only_during_the_notice(org):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTD_TQ")])
    notice = council.notice_publish(actor=org.noivu, proposal=proposal, starts_on=MON)
    kwargs = {"actor": org.donvi, "notice": notice, "sender_name": "Lò Văn A", "sender_contact": "Phong Thổ",
              "text": "Thành tích chưa đúng"}
    with pytest.raises(ValidationError, match="trong thời gian công khai"):
        council.objection_submit(**kwargs, on=datetime.date(2024, 11, 18))
    objection = council.objection_submit(**kwargs, on=datetime.date(2024, 11, 15))
    assert objection.status == "moi"


def test_the_vote_is_refused_before_the_notice_ends_and_while_an_objection_is_open(org):
    person = org.people["cong-an"][0]
    proposal = accepted_proposal(org, [(person, "CSTD_TQ")])
    notice = council.notice_publish(actor=org.noivu, proposal=proposal, starts_on=MON)
    objection = council.objection_submit(actor=org.donvi, notice=notice, sender_name="Lò Văn A",
                                         sender_contact="Phong Thổ", text="Chưa đúng", on=MON)
    with pytest.raises(ValidationError) as error:
        vote(org, proposal, datetime.date(2024, 11, 15))
    assert "chỉ biểu quyết sau ngày này" in str(error.value)
    assert "1 ý kiến phản ánh chưa giải quyết" in str(error.value)
    council.objection_resolve(actor=org.noivu, objection=objection, resolution="Đã xác minh, thành tích đúng.")
    vote(org, proposal, datetime.date(2024, 11, 18))
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VOTED


def test_a_required_notice_cannot_be_skipped(org):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTD_TQ")])
    with pytest.raises(ValidationError, match="phải công khai"):
        vote(org, proposal, MON)


@pytest.mark.parametrize(
    ("present", "problem"),
    [(9, "Không đủ số thành viên dự họp"), (11, "cần từ 80% thành viên có mặt"), (12, None)],
)
def test_a_session_needs_two_thirds_and_eighty_percent_of_all_members(org, present, problem):
    fields = session_fields(MON, total=15, present=present)
    if problem is None:
        assert council.council_session_record(actor=org.noivu, **fields).members_present == 12
    else:
        with pytest.raises(ValidationError, match=problem):
            council.council_session_record(actor=org.noivu, **fields)


def _cstdcs_vote(org, votes_for: int, present: int, written: int = 0) -> CouncilVote:
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTDCS"), (org.ca, "TTLDXS")])
    vote(org, proposal, MON, votes_for=votes_for, total=15, present=present, written=written)
    return CouncilVote.objects.get(nominee__proposal=proposal)


def test_the_eighty_percent_threshold_counts_all_members_not_those_present(org):
    # 11 of 13 present is 85 % of those present but 73 % of 15 members: not enough.
    assert not _cstdcs_vote(org, 11, present=13).passed
    assert _cstdcs_vote(org, 12, present=13).passed


def test_written_opinions_of_absent_members_count_as_votes(org):
    assert _cstdcs_vote(org, 14, present=12, written=2).passed


def test_more_votes_than_members_present_or_writing_are_refused(org):
    with pytest.raises(ValidationError, match="vượt số thành viên biểu quyết"):
        _cstdcs_vote(org, 14, present=12, written=1)


def test_a_title_without_a_threshold_needs_no_vote(org):
    proposal = accepted_proposal(org, [(org.ca, "TTLDXS")])
    council.council_result_record(actor=org.noivu, proposal=proposal, session_fields=session_fields(MON), tallies={})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VOTED
    assert not CouncilVote.objects.exists()
    assert council.passed_nominee_ids(proposal) == {proposal.nominees.get().pk}
