"""The vote for next year's lead and deputy, and the roster it writes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from blocs import services as blocs_services
from blocs.models import LeadSource, MemberRole, Membership
from meetings.models import LeadElection
from meetings.services import votes

pytestmark = pytest.mark.django_db


def next_year_roles(org) -> dict:
    return {m.unit.code: (m.role, m.lead_source) for m in Membership.objects.filter(
        bloc_year__bloc=org.noi_chinh, bloc_year__year=org.year + 1).select_related("unit")}


def test_a_majority_makes_a_member_next_years_lead_voted_at_the_review(review):
    election = votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                                     tallies={review.ca: 2, review.toa: 1}, voters=3)
    assert election.winner == review.ca and election.for_year == review.year + 1
    assert next_year_roles(review) == {"cong-an": (MemberRole.LEAD, LeadSource.VOTED)}
    membership = Membership.objects.get(bloc_year__year=review.year + 1, unit=review.ca)
    assert membership.source_note.startswith("Suy tôn tại Hội nghị tổng kết")


def test_the_vote_hands_over_from_a_lead_already_entered_for_next_year(review):
    blocs_services.membership_add(actor=None, bloc=review.noi_chinh, year=review.year + 1, unit=review.chqs,
                                  role=MemberRole.LEAD, lead_source=LeadSource.APPOINTED)
    blocs_services.membership_add(actor=None, bloc=review.noi_chinh, year=review.year + 1, unit=review.toa)
    votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                          tallies={review.toa: 3}, voters=3)
    assert next_year_roles(review) == {
        "bo-chqs": (MemberRole.MEMBER, ""), "tand": (MemberRole.LEAD, LeadSource.VOTED)}


def test_a_deputy_is_voted_the_same_way(review):
    votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.DEPUTY,
                          tallies={review.chqs: 3}, voters=3, method="suy_ton")
    assert next_year_roles(review) == {"bo-chqs": (MemberRole.DEPUTY, LeadSource.VOTED)}


@pytest.mark.parametrize("tallies", [{"ca": 1, "toa": 1}, {"ca": 1}], ids=["tie", "no majority"])
def test_without_a_majority_nobody_is_elected_and_the_roster_is_untouched(review, tallies):
    units = {"ca": review.ca, "toa": review.toa}
    election = votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                                     tallies={units[k]: v for k, v in tallies.items()}, voters=3)
    assert election.winner is None
    assert next_year_roles(review) == {}


def test_impossible_tallies_are_refused_and_record_nothing(review):
    with pytest.raises(ValidationError, match="vượt số thành viên"):
        votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                              tallies={review.ca: 2}, voters=4)
    with pytest.raises(ValidationError, match="Tổng số phiếu vượt"):
        votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                              tallies={review.ca: 2, review.toa: 2}, voters=3)
    with pytest.raises(ValidationError, match="không là thành viên khối"):
        votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                              tallies={review.vptu: 2}, voters=3)
    assert not LeadElection.objects.exists()


def test_the_same_role_is_voted_once_per_meeting(review):
    votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                          tallies={review.ca: 3}, voters=3)
    with pytest.raises(ValidationError, match="Đã ghi kết quả suy tôn"):
        votes.election_record(actor=review.truongkhoi, meeting=review.review, role=MemberRole.LEAD,
                              tallies={review.toa: 3}, voters=3)
