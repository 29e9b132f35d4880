"""The proposal screens: the list, the detail page with its checks and checklist, forms that
keep what was typed, the review buttons, the dashboard panel."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards.models import Proposal, ProposalStatus
from awards.services import proposals
from tests.awards.proposal_kit import complete_dossier, draft, engine, pdf, walk


@pytest.fixture(autouse=True)
def media(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    engine(monkeypatch, {})


def test_a_unit_officer_creates_a_draft_for_their_own_unit(org, login):
    response = login(org.donvi).post(reverse("awards:proposal_create"), {
        "subject": "Đề nghị tặng Bằng khen", "kind": "cong_trang", "year": org.year,
    })
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    assert proposal.proposing_unit == org.ca and not proposal.to_central


def test_a_nominee_form_with_an_error_keeps_what_was_typed(org, titles, login):
    p = draft(org, titles, codes=())
    response = login(org.donvi).post(reverse("awards:nominee_add", args=[p.pk]), {
        "title": titles["TTLDXS"].pk, "person": org.people["cong-an"][0].pk,
        "period_from": org.year, "period_to": org.year, "achievement": "Dẫn đầu phong trào thi đua",
    })
    assert response.status_code == 200
    assert "dành cho tập thể" in response.content.decode()
    assert "Dẫn đầu phong trào thi đua" in response.content.decode()
    assert not p.nominees.exists()


def test_the_draft_page_explains_a_failing_check_before_submission(org, titles, login, monkeypatch):
    engine(monkeypatch, {org.people["cong-an"][0]: [("fail", "Chưa đủ 6 tháng công tác kể từ ngày tuyển dụng")]})
    p = draft(org, titles)
    client = login(org.donvi)
    client.post(reverse("awards:proposal_check", args=[p.pk]))
    page = client.get(p.get_absolute_url()).content.decode()
    assert "Chưa đủ 6 tháng công tác" in page and "Không đạt" in page
    assert "còn thiếu" in page  # the checklist: nothing uploaded yet


def test_a_blocked_submission_says_why_and_leaves_the_draft(org, titles, login, monkeypatch):
    engine(monkeypatch, {org.people["cong-an"][0]: [("fail", "Đang bị xem xét kỷ luật")]})
    p = draft(org, titles)
    complete_dossier(p)
    response = login(org.donvi).post(reverse("awards:proposal_submit", args=[p.pk]), follow=True)
    assert "Đang bị xem xét kỷ luật" in response.content.decode()
    p.refresh_from_db()
    assert p.status == ProposalStatus.DRAFT


def test_interior_staff_override_a_failed_check_from_the_page(org, titles, login, monkeypatch):
    engine(monkeypatch, {org.people["cong-an"][0]: [("fail", "Đang bị xem xét kỷ luật")]})
    p = draft(org, titles)
    proposals.proposal_check(actor=org.donvi, proposal=p)
    client = login(org.noivu)
    assert "Chấp nhận ngoại lệ" in client.get(p.get_absolute_url()).content.decode()
    client.post(reverse("awards:nominee_override", args=[p.nominees.get().pk]),
                {"override-reason": "Đã có kết luận không vi phạm"})
    assert p.nominees.get().override_reason == "Đã có kết luận không vi phạm"


def test_a_fake_pdf_upload_is_refused_on_the_page(org, titles, login):
    p = draft(org, titles)
    response = login(org.donvi).post(reverse("awards:proposal_document_upload", args=[p.pk]), {
        "kind": "to_trinh", "file": pdf("to-trinh.pdf", b"MZ not a pdf at all"),
    })
    assert response.status_code == 200 and "không phải PDF" in response.content.decode()
    assert not p.documents.exists()


def test_the_specialist_walks_the_review_from_the_page(org, titles, login):
    p = walk(org, titles, "da_gui")
    client = login(org.noivu)
    assert "Tiếp nhận, phân công" in client.get(p.get_absolute_url()).content.decode()
    client.post(reverse("awards:proposal_receive", args=[p.pk]), {"specialist": org.noivu.pk})
    client.post(reverse("awards:proposal_start_review", args=[p.pk]))
    assert "Ghi kết quả" in client.get(p.get_absolute_url()).content.decode()
    client.post(reverse("awards:nominee_appraise", args=[p.nominees.get().pk]), {"accepted": "1"})
    client.post(reverse("awards:proposal_accept", args=[p.pk]))
    p.refresh_from_db()
    assert p.status == ProposalStatus.ACCEPTED
    history = client.get(p.get_absolute_url()).content.decode()
    assert "Chờ Hội đồng xét" in history


def test_a_return_without_a_comment_is_refused_and_says_so(org, titles, login):
    p = walk(org, titles, "da_gui")
    response = login(org.noivu).post(reverse("awards:proposal_return", args=[p.pk]), {"comment": " "})
    assert response.status_code == 200 and "Hồ sơ cần bổ sung" in response.content.decode()
    p.refresh_from_db()
    assert p.status == ProposalStatus.SUBMITTED


def test_the_list_shows_a_unit_officer_only_what_they_may_see(org, titles, login):
    walk(org, titles, "da_gui")
    draft(org, titles, unit=org.vptu, actor=None)
    rows = login(org.donvi).get(reverse("awards:proposal_list")).context["page"].object_list
    assert [p.proposing_unit for p in rows] == [org.ca]


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_takes_the_same_number_of_queries_for_any_number_of_proposals(
    org, titles, login, django_assert_num_queries, count
):
    for _ in range(count):
        walk(org, titles, "da_tiep_nhan", codes=("LDTT", "LDTT"))
    client = login(org.noivu)
    client.get(reverse("awards:proposal_list"))  # warm the session
    with django_assert_num_queries(6):
        response = client.get(reverse("awards:proposal_list") + f"?nam={org.year}")
    assert len(response.context["page"].object_list) == count


def test_the_dashboard_tells_interior_staff_what_waits_and_the_unit_its_drafts(org, titles, login):
    sent = walk(org, titles, "da_gui")
    mine = draft(org, titles)
    assert sent.subject in login(org.noivu).get(reverse("dashboard")).content.decode()
    page = login(org.donvi).get(reverse("dashboard")).content.decode()
    assert reverse("awards:proposal_detail", args=[mine.pk]) in page


def test_the_bloc_lead_gathers_from_the_screen_and_the_source_shows_where_it_went(org, titles, login):
    source = walk(org, titles, "cho_hoi_dong")
    client = login(org.truongkhoi)
    url = reverse("awards:proposal_gather_bloc", args=[org.noi_chinh.pk, org.year])
    assert org.people["cong-an"][0].full_name in client.get(url).content.decode()
    response = client.post(url, {"subject": "Khối Nội chính đề nghị", "nominees": [source.nominees.get().pk]})
    gathered = Proposal.objects.get(subject="Khối Nội chính đề nghị")
    assert response["Location"] == gathered.get_absolute_url()
    page = client.get(source.get_absolute_url()).content.decode()
    assert "Đã tổng hợp vào" in page and gathered.get_absolute_url() in page


def test_the_review_page_never_repeats_an_id_so_each_label_names_its_own_field(org, titles, login):
    import re
    from collections import Counter

    p = walk(org, titles, "dang_tham_dinh", codes=("LDTT", "LDTT", "CSTDCS"))
    page = login(org.noivu).get(p.get_absolute_url()).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    labels = re.findall(r'<label[^>]*\sfor="([^"]+)"', page)
    assert labels and all(label in ids for label in labels)
    # The return form's comment is the one its label names, not the accept form's.
    assert 'for="id_comment"' in page and 'id="id_accept-comment"' in page
