"""What the meetings screen tests share: the media folder, fetching a page, a PDF upload,
URLs by name, the messages shown, dates of the review's year, opening and agreeing sheets,
and an officer outside Khối Nội chính."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from blocs.models import Role
from meetings.models import (
    ScoreSheet,
)
from meetings.services import scoring
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

REQUIRED = "Trường này là bắt buộc."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def pdf(name: str = "tai-lieu.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% hoi nghi\n%%EOF\n", content_type="application/pdf")


def url(name: str, obj) -> str:
    return reverse(f"meetings:{name}", args=[obj.pk])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def day(org, month: int = 12, d: int = 18) -> str:
    return f"{d:02d}/{month:02d}/{org.year}"


def open_sheets(org) -> dict[int, ScoreSheet]:
    return {s.unit_id: s for s in scoring.sheets_open(actor=org.truongkhoi, meeting=org.review)}


def agree(org, sheet, values) -> None:
    """Agreed points in the order of the criteria (scored ×3, bonus, penalty)."""
    scoring.agreed_scores_save(actor=org.truongkhoi, sheet=sheet,
                               points={c.pk: v for c, v in zip(org.criteria, values, strict=True)})


def outsider(org):
    """An officer of Văn phòng Tỉnh ủy, which leads Khối Đảng: outside Khối Nội chính."""
    return make_user("vptu", Role.UNIT_OFFICER, org.vptu)
