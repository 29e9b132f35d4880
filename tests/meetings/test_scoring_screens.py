"""The year-end review's screens: the sheets, the agreed points, the ranking with what it
hands on (the final ranking, the bloc's award proposal), and the vote for next year's lead,
each for the persona who does it and hidden or refused for the others."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from awards.models import BlocRanking, Proposal
from blocs.models import LeadSource, MemberRole, Membership
from meetings.models import (
    LeadElection,
    MeetingKind,
    ScoreSheet,
)
from meetings.services import meetings as meeting_services
from meetings.services import scoring
from tests.meetings.screen_kit import (  # noqa: F401  (media is an autouse fixture)
    REQUIRED,
    agree,
    day,
    html,
    media,
    messages_of,
    open_sheets,
    outsider,
    pdf,
    url,
)

pytestmark = pytest.mark.django_db

# --- Scoring -------------------------------------------------------------------------------


def _self(org, values, action="luu", evidence=None) -> dict:
    data = {"action": action}
    for criterion, value in zip(org.criteria, values, strict=True):
        data[f"diem_{criterion.pk}"] = value
        data[f"minh_chung_{criterion.pk}"] = (evidence or {}).get(criterion.pk, "")
    return data


def test_the_lead_opens_the_sheets_from_the_ranking_page(review, login):
    client = login(review.truongkhoi)
    assert "Mở phiếu chấm điểm" in html(client.get(url("ranking", review.review)))
    response = client.post(url("sheets_open", review.review), follow=True)
    assert response.redirect_chain[-1][0] == url("ranking", review.review)
    assert messages_of(response) == ["Đã mở phiếu chấm điểm: 3 đơn vị tự chấm theo bảng tiêu chí của giao ước."]
    page = response.content.decode()
    assert page.count("Chưa gửi tự chấm") == 3 and "0/3 phiếu đã thống nhất điểm." in page


def test_opening_the_sheets_without_a_signed_pledge_says_why(org, login):
    meeting = meeting_services.meeting_create(
        actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year, kind=MeetingKind.YEAR_END, title="Tổng kết",
        held_on=datetime.date(org.year, 12, 18), place="Lai Châu")
    client = login(org.truongkhoi)
    assert "chưa ký kết giao ước thi đua năm" in html(client.get(url("ranking", meeting)))
    response = client.post(url("sheets_open", meeting), follow=True)
    assert "Khối chưa ký kết giao ước thi đua năm" in messages_of(response)[0]
    assert not ScoreSheet.objects.exists()


def test_a_member_fills_its_sheet_by_criteria_group_saves_it_then_sends_it(review, login):
    sheet = open_sheets(review)[review.ca.pk]
    client = login(review.donvi)
    page = html(client.get(url("sheet_detail", sheet)))
    assert "I. Thực hiện nhiệm vụ chính trị" in page and "II. Công tác thi đua, khen thưởng" in page
    assert "Bảo đảm an ninh chính trị, trật tự an toàn xã hội" in page and 'value="gui"' in page

    first = review.criteria[0]
    response = client.post(url("sheet_detail", sheet), _self(review, ["58", "", "", "", ""],
                                                              evidence={first.pk: "Đạt 98% chỉ tiêu"}), follow=True)
    assert messages_of(response) == ["Đã lưu điểm tự chấm."]
    sheet.refresh_from_db()
    assert sheet.self_submitted_at is None
    assert sheet.scores.get(criterion=first).evidence == "Đạt 98% chỉ tiêu"

    response = client.post(url("sheet_detail", sheet), _self(review, ["58", "25", "15", "2,5", "0"], "gui"),
                            follow=True)
    assert messages_of(response) == ["Đã gửi điểm tự chấm tới trưởng khối."]
    sheet.refresh_from_db()
    assert sheet.self_submitted_by == review.donvi
    assert sheet.scores.get(criterion=review.criteria[3]).self_points == Decimal("2.5")
    assert "Tổng tự chấm: 100,5" in response.content.decode()


def test_a_refused_sheet_keeps_the_points_typed_and_says_what_is_wrong(review, login):
    sheet = open_sheets(review)[review.ca.pk]
    client = login(review.donvi)
    page = html(client.post(url("sheet_detail", sheet), _self(review, ["58", "", "15", "", ""], "gui")))
    assert "Chưa tự chấm: Bảo đảm an ninh chính trị, trật tự an toàn xã hội." in page
    assert 'value="58"' in page
    page = html(client.post(url("sheet_detail", sheet), _self(review, ["58", "26", "abc", "", ""])))
    assert "Tối đa 25 điểm." in page and "Nhập một số, ví dụ 10 hoặc 2,5." in page
    assert 'value="26"' in page and 'value="abc"' in page
    assert not sheet.scores.filter(self_points__isnull=False).exists()


def test_a_member_sees_neither_another_member_s_sheet_nor_may_agree_its_own(review, login):
    sheets = open_sheets(review)
    own, other = sheets[review.ca.pk], sheets[review.toa.pk]
    client = login(review.donvi)
    assert client.get(url("sheet_detail", other)).status_code == 404
    assert client.post(url("sheet_detail", other), _self(review, ["1", "1", "1", "", ""])).status_code == 404
    assert client.get(url("sheet_agree", own)).status_code == 403
    response = client.post(url("sheet_agree", own), {f"thong_nhat_{c.pk}": "1" for c in review.criteria})
    assert response.status_code == 403
    assert not ScoreSheet.objects.filter(agreed_at__isnull=False).exists()
    # The ranking is open to members; a council member reads it but no sheet.
    ranking = html(client.get(url("ranking", review.review)))
    assert "Thống nhất điểm" not in ranking and "Chốt kết quả xếp hạng" not in ranking
    assert ranking.count("Phiếu chấm</a>") == 1
    council = login(review.hoidong)
    assert council.get(url("ranking", review.review)).status_code == 200
    assert council.get(url("sheet_detail", own)).status_code == 404


def test_the_lead_reads_a_member_s_sheet_but_only_the_unit_fills_it(review, login):
    sheet = open_sheets(review)[review.ca.pk]
    scoring.self_scores_save(actor=review.donvi, sheet=sheet, points={review.criteria[0].pk: ("58", "Có minh chứng")})
    client = login(review.truongkhoi)
    page = html(client.get(url("sheet_detail", sheet)))
    assert "Có minh chứng" in page and 'name="action"' not in page and "Thống nhất điểm" in page
    assert client.post(url("sheet_detail", sheet), _self(review, ["60", "", "", "", ""])).status_code == 403


def test_the_lead_agrees_the_points_and_the_ranking_shows_totals_ranks_and_ties(review, login):
    sheets = open_sheets(review)
    scoring.self_scores_save(actor=review.donvi, sheet=sheets[review.ca.pk], submit=True, points={
        c.pk: (v, "") for c, v in zip(review.criteria, ["60", "25", "15", "3", "0"], strict=True)})
    client = login(review.truongkhoi)
    agree_ca = url("sheet_agree", sheets[review.ca.pk])
    form = html(client.get(agree_ca))
    assert 'placeholder="60"' in form  # the unit's own points, taken when the box is left empty

    # Agreed: Công an 55 + 25 + 15 + own bonus 3 = 98.
    data = {f"thong_nhat_{c.pk}": v for c, v in zip(review.criteria, ["55", "", "", "", ""], strict=True)}
    response = client.post(agree_ca, data, follow=True)
    assert messages_of(response) == ["Đã ghi điểm thống nhất của Công an tỉnh."]
    agree(review, sheets[review.chqs.pk], ["60", "25", "15", "0", "2"])  # 98
    agree(review, sheets[review.toa.pk], ["60", "25", "15", "5", "0"])   # 105

    page = html(client.get(url("ranking", review.review)))
    rows = page.split('data-testid="rank-')[1:]
    assert [r.split('"')[0] for r in rows] == ["tand", "bo-chqs", "cong-an"]
    assert "105" in rows[0] and "Trong chỉ tiêu Cờ" in rows[0] and "Đồng hạng" not in rows[0]
    assert "−2" in rows[1] and "Đồng hạng" in rows[1] and "Đồng hạng" in rows[2]
    assert ">103<" in rows[2]  # Công an's own total, before agreement: 60 + 25 + 15 + 3
    assert "Mỗi khối đề nghị 1 Cờ thi đua của UBND tỉnh" in page
    assert "3/3 phiếu đã thống nhất điểm." in page


def test_agreed_points_above_the_maximum_are_refused_on_the_form(review, login):
    sheet = open_sheets(review)[review.ca.pk]
    data = {f"thong_nhat_{c.pk}": v for c, v in zip(review.criteria, ["61", "25", "15", "", ""], strict=True)}
    page = html(login(review.truongkhoi).post(url("sheet_agree", sheet), data))
    assert "Tối đa 60 điểm." in page and 'value="61"' in page
    sheet.refresh_from_db()
    assert sheet.agreed_at is None


@pytest.fixture
def agreed(review):
    sheets = open_sheets(review)
    agree(review, sheets[review.chqs.pk], ["60", "25", "15", "5", "0"])  # 105
    agree(review, sheets[review.ca.pk], ["58", "25", "15", "0", "0"])    # 98
    agree(review, sheets[review.toa.pk], ["50", "20", "15", "0", "5"])   # 80
    return review


def test_the_lead_finalises_the_ranking_and_proposes_awards_from_it(agreed, login):
    review = agreed
    client = login(review.truongkhoi)
    response = client.post(url("ranking_finalise", review.review), follow=True)
    assert messages_of(response) == [
        f"Đã chốt kết quả xếp hạng Khối Thi đua Nội chính năm {review.year}; kết quả được dùng khi xét Cờ thi đua."]
    assert 'data-testid="finalised"' in response.content.decode()
    assert {(r.unit, r.rank) for r in BlocRanking.objects.all()} == {(review.chqs, 1), (review.ca, 2), (review.toa, 3)}

    page = html(client.get(url("ranking", review.review)))
    assert f'name="flag" value="{review.chqs.pk}" id="flag-{review.chqs.pk}"' in page
    assert page.split(f'id="flag-{review.chqs.pk}"')[1].split(">")[0].endswith("checked")  # within the quota

    meeting_services.meeting_minutes_attach(actor=review.truongkhoi, meeting=review.review, upload=pdf("bb.pdf"))
    response = client.post(url("awards_propose", review.review), {"flag": [review.chqs.pk],
                                                                  "certificate": [review.ca.pk]})
    proposal = Proposal.objects.get()
    assert response["Location"] == reverse("awards:proposal_detail", args=[proposal.pk])
    assert proposal.proposing_unit == review.chqs and proposal.bloc == review.noi_chinh
    assert {n.unit for n in proposal.nominees.all()} == {review.chqs, review.ca}


def test_a_refused_proposal_says_why_on_the_ranking_page_and_keeps_the_choice(agreed, login):
    review = agreed
    client = login(review.truongkhoi)
    page = html(client.post(url("awards_propose", review.review), {}))
    assert "Chọn ít nhất một tập thể để đề nghị khen thưởng." in page
    page = html(client.post(url("awards_propose", review.review), {"flag": [review.chqs.pk, review.ca.pk]}))
    assert "Mỗi khối chỉ đề nghị 1 Cờ thi đua của UBND tỉnh." in page
    assert page.split(f'id="flag-{review.ca.pk}"')[1].split(">")[0].endswith("checked")
    page = html(client.post(url("awards_propose", review.review), {"flag": [review.chqs.pk]}))
    assert "Hãy tải lên biên bản hội nghị đã ký trước" in page
    assert not Proposal.objects.exists()
    assert login(review.donvi).post(url("awards_propose", review.review),
                                    {"flag": [review.ca.pk]}).status_code == 403


def test_the_ranking_is_not_finalised_while_a_sheet_waits(review, login):
    sheets = open_sheets(review)
    agree(review, sheets[review.ca.pk], ["58", "25", "15", "0", "0"])
    response = login(review.truongkhoi).post(url("ranking_finalise", review.review), follow=True)
    assert messages_of(response) == ["Chưa thống nhất điểm của: Bộ Chỉ huy Quân sự tỉnh, Tòa án nhân dân tỉnh."]
    assert not BlocRanking.objects.exists()
    assert login(review.donvi).post(url("ranking_finalise", review.review)).status_code == 403


def test_a_meeting_that_is_not_a_year_end_review_has_no_scoring_or_vote(review, login):
    meeting = meeting_services.meeting_create(
        actor=review.truongkhoi, bloc=review.noi_chinh, year=review.year, kind=MeetingKind.SIX_MONTH,
        title="Sơ kết", held_on=datetime.date(review.year, 7, 10), place="Lai Châu")
    client = login(review.truongkhoi)
    page = html(client.get(meeting.get_absolute_url()))
    assert 'data-testid="ranking-link"' not in page and "suy-ton" not in page
    for name in ("ranking", "election_create"):
        assert client.get(url(name, meeting)).status_code == 404


# --- The vote ------------------------------------------------------------------------------


def _vote(org, tallies: dict, role=MemberRole.LEAD, voters=3, method="bo_phieu") -> dict:
    return {"role": role, "method": method, "voters": voters,
            **{f"phieu_{unit.pk}": votes for unit, votes in tallies.items()}}


def test_the_lead_records_the_vote_and_the_result_shows_on_the_meeting_page(review, login):
    client = login(review.truongkhoi)
    form = html(client.get(url("election_create", review.review)))
    assert 'name="voters" value="3"' in form and review.toa.name in form
    response = client.post(url("election_create", review.review), _vote(review, {review.ca: 2, review.toa: 1}),
                           follow=True)
    assert response.redirect_chain[-1][0] == f"{review.review.get_absolute_url()}#suy-ton"
    assert messages_of(response) == [f"Công an tỉnh được suy tôn Trưởng khối/Cụm trưởng năm {review.year + 1}."]
    elections = response.content.decode().split('data-testid="elections"')[1].split("</table>")[0]
    assert "Công an tỉnh: 2" in elections and "Tòa án nhân dân tỉnh: 1" in elections
    membership = Membership.objects.get(bloc_year__year=review.year + 1, unit=review.ca)
    assert (membership.role, membership.lead_source) == (MemberRole.LEAD, LeadSource.VOTED)
    # The next vote on the form is the deputy's.
    assert 'value="pho" selected' in html(client.get(url("election_create", review.review)))


def test_an_impossible_tally_is_refused_and_the_form_keeps_it(review, login):
    client = login(review.truongkhoi)
    page = html(client.post(url("election_create", review.review), _vote(review, {review.ca: 2, review.toa: 2})))
    assert "Tổng số phiếu vượt số đơn vị biểu quyết (mỗi đơn vị một phiếu)." in page
    assert f'name="phieu_{review.toa.pk}" value="2"' in page
    page = html(client.post(url("election_create", review.review), _vote(review, {}, voters="")))
    assert REQUIRED in page
    page = html(client.post(url("election_create", review.review), _vote(review, {})))
    assert "Ghi số phiếu của ít nhất một đơn vị." in page
    assert not LeadElection.objects.exists()


def test_a_member_cannot_record_the_vote(review, login):
    client = login(review.donvi)
    assert client.get(url("election_create", review.review)).status_code == 403
    assert client.post(url("election_create", review.review), _vote(review, {review.ca: 3})).status_code == 403
    assert not LeadElection.objects.exists()
