"""The council, decision and history screens as users see them."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from awards.models import AwardRecord, CouncilVote, Objection, ProposalStatus
from awards.services import council, decisions
from awards.services.history_import import COLUMNS
from tests.awards.factories_council import accepted_proposal, decided, signing

pytestmark = pytest.mark.django_db


def test_the_decision_page_lists_the_awardees_with_their_money_and_the_total(org, login):
    decision = decided(org, [(org.people["cong-an"][0], "BK_TINH"), (org.ca, "BK_TINH")])
    page = login(org.hoidong).get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    assert "3.510.000 đ" in page and "7.020.000 đ" in page
    assert '<th class="text-end" data-testid="total">10.530.000 đ</th>' in page


@pytest.mark.parametrize("count", [1, 4])
def test_the_decision_list_takes_the_same_queries_for_any_number_of_decisions(
    org, login, count, django_assert_num_queries
):
    units = [org.ca, org.toa, org.bao, org.vptu]
    for unit in units[:count]:
        decided(org, [(unit, "TTLDXS")], unit=unit)
    client = login(org.noivu)
    with django_assert_num_queries(5):
        response = client.get(reverse("awards:decision_list") + "?nam=2024")
    assert response.content.decode().count("/QĐ-UBND</a>") == count


def test_anyone_logged_in_reads_the_notice_and_sends_an_objection(org, login):
    person = org.people["cong-an"][0]
    proposal = accepted_proposal(org, [(person, "CSTD_TQ")])
    notice = council.notice_publish(actor=org.noivu, proposal=proposal, starts_on=datetime.date.today())
    client = login(org.truongkhoi)
    url = reverse("awards:notice_detail", args=[notice.pk])
    assert person.full_name in client.get(url).content.decode()
    response = client.post(url, {"sender_name": "Lò Văn A", "sender_contact": "Phong Thổ", "text": "Chưa đúng",
                                 "nominee": proposal.nominees.get().pk})
    assert response.status_code == 302
    assert Objection.objects.get().nominee.person == person


def test_staff_record_the_session_and_votes_and_a_short_council_is_refused_with_the_form_kept(org, login):
    proposal = accepted_proposal(org, [(org.people["cong-an"][0], "CSTDCS")])
    nominee = proposal.nominees.get()
    client = login(org.noivu)
    url = reverse("awards:council_vote", args=[proposal.pk])
    data = {"held_on": "02/12/2024", "members_total": 15, "members_present": 9, "written_opinions": 0,
            "chair": "Chủ tịch UBND tỉnh", f"for_{nominee.pk}": 9, f"against_{nominee.pk}": 0}
    refused = client.post(url, data)
    assert "Không đủ số thành viên dự họp" in refused.content.decode()
    assert 'value="Chủ tịch UBND tỉnh"' in refused.content.decode()
    response = client.post(url, {**data, "members_present": 13, f"for_{nominee.pk}": 12})
    assert response.status_code == 302
    assert CouncilVote.objects.get().passed
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VOTED


def test_the_decision_form_takes_a_manual_number_and_says_when_it_is_taken(org, login):
    decided(org, [(org.toa, "TTLDXS")], unit=org.toa)
    proposal = accepted_proposal(org, [(org.ca, "TTLDXS")])
    council.council_result_record(actor=org.noivu, proposal=proposal, tallies={},
                                  session_fields={"held_on": datetime.date(2024, 12, 2), "members_total": 15,
                                                  "members_present": 13, "chair": "Chủ tịch"})
    client = login(org.noivu)
    data = {"issuer": decisions.PROVINCE_ISSUER, "number": 1, "symbol": "QĐ-UBND", "signed_on": "20/12/2024",
            "signer_prefix": "KT.", "signer_post": "Phó Chủ tịch", "signer_name": "Hà Trọng Hải",
            "subject": "Về việc tặng danh hiệu"}
    url = reverse("awards:decision_create", args=[proposal.pk])
    assert "Số 1 đã được dùng" in client.post(url, data).content.decode()
    response = client.post(url, {**data, "number": 5})
    assert response.status_code == 302
    record = AwardRecord.objects.get(unit=org.ca)
    assert (record.decision.number, record.decision.signature) == (5, "KT. Phó Chủ tịch")


def test_an_import_with_a_bad_row_shows_the_reason_and_offers_the_bad_rows_to_download(org, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    book = Workbook()
    book.active.append([label for _key, label in COLUMNS])
    book.active.append([1, "", "", "", "cong-an", "KHONG_CO", 2020, "", "1/QĐ", "01/02/2020", ""])
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "lich-su.xlsx"
    client = login(org.noivu)
    page = client.post(reverse("awards:history_import"), {"file": upload}).content.decode()
    assert "Dòng 2: Không có danh hiệu, hình thức “KHONG_CO”." in page
    assert "Tải danh sách dòng lỗi (Excel)" in page
    assert AwardRecord.objects.count() == 0


def test_the_person_page_shows_the_awards_received_with_the_revoked_one_marked(org, login):
    person = org.people["cong-an"][0]
    decided(org, [(person, "BK_TINH")])
    decisions.award_revoke(actor=org.noivu, record=AwardRecord.objects.get(), reason="Khai man",
                           signing=signing(datetime.date(2025, 1, 6)))
    page = login(org.donvi).get(reverse("blocs:person_detail", args=[person.pk])).content.decode()
    assert "Khen thưởng đã nhận" in page and "Đã thu hồi" in page and "3.510.000 đ" in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_history_search_page_takes_the_same_queries_for_any_number_of_rows(
    org, login, count, django_assert_num_queries
):
    for person in [*org.people["cong-an"], org.people["tand"][0]][:count]:
        decided(org, [(person, "BK_TINH")])
    client = login(org.noivu)
    with django_assert_num_queries(7):
        response = client.get(reverse("awards:history_search") + "?q=nguyen+van")
    assert response.status_code == 200


def test_staff_forward_a_central_title_from_the_council_list_and_record_the_prime_ministers_decision(org, login):
    from tests.awards.factories_council import vote

    person = org.people["cong-an"][0]
    proposal = accepted_proposal(org, [(person, "BK_TTG")])
    vote(org, proposal, datetime.date(2024, 12, 2))
    client = login(org.noivu)
    assert "Trình Trung ương" in client.get(reverse("awards:council_list")).content.decode()
    assert client.post(reverse("awards:proposal_forward", args=[proposal.pk]), {"document_number": "9/TTr-UBND"}).status_code == 302
    nominee = proposal.nominees.get()
    response = client.post(reverse("awards:central_decision_create", args=[proposal.pk]), {
        "issuer": "Thủ tướng Chính phủ", "symbol": "QĐ-TTg", "signed_on": "10/03/2025", "signer_prefix": "",
        "signer_post": "Thủ tướng", "signer_name": "Phạm Văn Chính", "subject": "Tặng Bằng khen", "awarded": [nominee.pk],
    })
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED
    assert AwardRecord.objects.get(person=person).decision.is_central


@pytest.mark.parametrize("model", ["decision", "awardrecord", "councilsession", "objection", "publicnotice"])
def test_interior_staff_inspect_the_history_in_the_admin(org, login, model):
    decided(org, [(org.ca, "TTLDXS")])
    assert login(org.noivu).get(f"/quan-tri/awards/{model}/").status_code == 200
