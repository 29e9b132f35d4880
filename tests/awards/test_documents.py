"""A proposal's official documents: its submission with the list of nominees and the
council's draft decision with the awardees and their money, as PDF and DOCX."""

from __future__ import annotations

import datetime
import io
import zipfile

import pypdf
import pytest
from django.urls import reverse

from awards.documents import draft_decision_document, submission_document
from awards.rules import base_salary_on
from blocs.officialdocs import render_pdf
from tests.awards.factories_council import accepted_proposal, vote

pytestmark = pytest.mark.django_db


def text_of(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def voted(org):
    person = org.people["cong-an"][0]
    person.position = "Trưởng phòng Cảnh sát hình sự"
    person.save()
    proposal = accepted_proposal(org, [(person, "CSTD_TINH"), (org.ca, "BK_TINH")], year=2025,
                                 day=datetime.date(2025, 12, 1))
    proposal.document_number = "125/TTr-CAT"
    proposal.save()
    vote(org, proposal, datetime.date(2025, 12, 15), votes_for=14, present=14)
    proposal.refresh_from_db()
    return proposal


def test_the_submission_lists_the_nominees_under_the_units_header(org, voted):
    text = text_of(render_pdf(submission_document(voted)))
    for expected in ("CÔNG AN TỈNH", "Số: 125/TTr-CAT", "TỜ TRÌNH", "Chiến sĩ thi đua cấp tỉnh",
                     "Trưởng phòng Cảnh sát hình sự", "Nghị định số 152/2025/NĐ-CP", "1 tập thể và 1 cá nhân"):
        assert expected in text.replace("\n", " "), expected


def test_the_draft_decision_gives_each_awardee_the_money_of_the_base_salary(org, voted):
    day = datetime.date(2025, 12, 20)
    text = text_of(render_pdf(draft_decision_document(voted, on=day))).replace("\n", " ")
    salary = base_salary_on(day)
    individual = f"{3 * salary:,}".replace(",", ".")  # CSTĐ cấp tỉnh: 3.0 × the base salary
    assert "QUYẾT ĐỊNH" in text and "Số: /QĐ-UBND" in " ".join(text.split())
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    assert individual in text
    assert "Nguyễn Văn CONG-AN Một" in text and "Công an tỉnh" in text


def test_staff_download_the_draft_as_docx_and_a_unit_officer_may_not(org, voted, login):
    url = reverse("awards:proposal_draft_decision", args=[voted.pk, "docx"])
    response = login(org.noivu).get(url)
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert "Nguyễn Văn CONG-AN Một" in archive.read("word/document.xml").decode()
    assert login(org.donvi).get(url).status_code == 403
