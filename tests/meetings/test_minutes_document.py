"""The draft minutes of a year-end review: attendance, the ranking and the ballot tally."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.urls import reverse

from blocs.models import MemberRole
from blocs.officialdocs import render_pdf
from meetings.documents import minutes_document
from meetings.services import meetings as meeting_services
from meetings.services import scoring, votes

pytestmark = pytest.mark.django_db


def test_the_minutes_carry_the_delegates_the_ranking_and_the_ballot_tally(review):
    meeting = review.review
    attendance = meeting.attendances.get(unit=review.ca)
    meeting_services.attendance_confirm(actor=review.donvi, attendance=attendance,
                                        delegates=[(None, "Giàng A Dế", "Phó Giám đốc")])
    for sheet, first in zip(sorted(scoring.sheets_open(actor=None, meeting=meeting), key=lambda s: s.unit.name),
                            ["60", "55", "50"], strict=True):
        scoring.agreed_scores_save(actor=None, sheet=sheet, points={
            c.pk: v for c, v in zip(review.criteria, [first, "25", "15", "0", "0"], strict=True)})
    votes.election_record(actor=None, meeting=meeting, role=MemberRole.LEAD, tallies={review.ca: 2, review.toa: 1},
                          voters=3)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render_pdf(minutes_document(meeting)))).pages)
    flat = " ".join(text.split())
    assert "BIÊN BẢN" in flat and meeting.title in flat
    assert "Giàng A Dế, Phó Giám đốc" in flat and "1/3 đơn vị được mời có mặt." in flat
    assert "1 Bộ Chỉ huy Quân sự tỉnh 100" in text.splitlines()
    assert "Công an tỉnh 2/3 66,7%" in text.splitlines()
    assert "Kết quả: Công an tỉnh được suy tôn." in flat


def test_a_member_downloads_the_draft_minutes_as_word(review, login):
    response = login(review.donvi).get(reverse("meetings:minutes_document", args=[review.review.pk, "docx"]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
