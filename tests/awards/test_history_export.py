"""The award history search in Excel: the rows the screen finds with the same filters, in the
scope of the user who asked, as a background job; opened back and read cell by cell."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import AwardRecord, Title
from awards.services import decisions
from blocs.models import Job, JobStatus
from tests.awards.factories_council import decided, signing

pytestmark = pytest.mark.django_db

HEADER = ["STT", "Cá nhân, tập thể", "Đơn vị khi được khen", "Danh hiệu, hình thức", "Năm", "Số quyết định",
          "Ngày quyết định", "Tiền thưởng (đồng)", "Ghi chú"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def history(org):
    """Bằng khen 2024 to both Công an people and to Công an itself (one decision), to a Tòa
    án person (another) and to a Văn phòng Tỉnh ủy person (a third, outside the officers'
    sight); Tập thể lao động xuất sắc 2025 to Tòa án."""
    ca_one, ca_two = org.people["cong-an"]
    decided(org, [(ca_one, "BK_TINH"), (ca_two, "BK_TINH"), (org.ca, "BK_TINH")])
    decided(org, [(org.people["tand"][0], "BK_TINH")], unit=org.toa)
    decided(org, [(org.people["vp-tinh-uy"][0], "BK_TINH")], unit=org.vptu)
    decided(org, [(org.toa, "TTLDXS")], unit=org.toa, year=2025, day=datetime.date(2025, 12, 20))


def cells(job: Job) -> list[list]:
    with job.file.open("rb") as handle:
        sheet = load_workbook(io.BytesIO(handle.read())).active
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def export(client, user, capture, **filters) -> list[list]:
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("awards:history_export"), filters)
    job = Job.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == reverse("blocs:job_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert job.kind == "awards_history" and job.created_by == user
    return cells(job)


def names(rows: list[list]) -> list[str]:
    return [row[1] for row in rows[4:]]


def on_screen(client, **filters) -> list[str]:
    page = client.get(reverse("awards:history_search"), filters).context["page"]
    return [str(r.person.full_name if r.person_id else r.unit.name) for r in page.object_list]


def test_the_export_holds_the_rows_the_search_shows_with_the_same_filters(org, client, history,
                                                                          django_capture_on_commit_callbacks):
    filters = {"unit": str(org.ca.pk), "year": "2024"}
    rows = export(client, org.noivu, django_capture_on_commit_callbacks, **filters)
    assert rows[0][0] == "LỊCH SỬ KHEN THƯỞNG"
    assert rows[1][0] == "Điều kiện lọc: đơn vị Công an tỉnh; năm 2024"
    assert rows[3] == HEADER
    assert names(rows) == on_screen(client, **filters)
    assert sorted(names(rows)) == sorted([*(p.full_name for p in org.people["cong-an"]), "Công an tỉnh"])
    record = AwardRecord.objects.get(person=org.people["cong-an"][0])
    row = next(r for r in rows[4:] if r[1] == org.people["cong-an"][0].full_name)
    assert row[2:] == ["Công an tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", 2024, record.decision_label, "20/12/2024",
                       record.amount, ""]


def test_a_name_typed_without_diacritics_finds_the_same_rows_in_the_export(org, client, history,
                                                                           django_capture_on_commit_callbacks):
    rows = export(client, org.noivu, django_capture_on_commit_callbacks, q="tran thi")
    assert names(rows) == [org.people["cong-an"][1].full_name]
    assert rows[1][0] == "Điều kiện lọc: họ tên, tên tập thể “tran thi”"


def test_a_title_filter_is_named_and_applied(org, client, history, django_capture_on_commit_callbacks):
    title = Title.objects.get(code="TTLDXS")
    rows = export(client, org.hoidong, django_capture_on_commit_callbacks, title=str(title.pk))
    assert names(rows) == ["Tòa án nhân dân tỉnh"]
    assert rows[1][0] == f"Điều kiện lọc: {title.name}"


def test_a_unit_officers_export_holds_only_what_they_may_see(org, client, history,
                                                             django_capture_on_commit_callbacks):
    rows = export(client, org.donvi, django_capture_on_commit_callbacks)
    assert rows[1][0] == "Điều kiện lọc: tất cả"
    assert sorted(names(rows)) == sorted([*(p.full_name for p in org.people["cong-an"]), "Công an tỉnh"])
    lead = export(client, org.truongkhoi, django_capture_on_commit_callbacks)
    assert org.people["tand"][0].full_name in names(lead)  # Tòa án: a member of the bloc it leads
    assert org.people["vp-tinh-uy"][0].full_name not in names(lead)


def test_a_unit_outside_ones_sight_gives_no_rows(org, client, history, django_capture_on_commit_callbacks):
    rows = export(client, org.donvi, django_capture_on_commit_callbacks, unit=str(org.vptu.pk))
    assert names(rows) == []
    assert "Văn phòng Tỉnh ủy" not in rows[1][0]


def test_a_revoked_award_is_marked_or_left_out_as_the_search_says(org, client, history,
                                                                  django_capture_on_commit_callbacks):
    person = org.people["tand"][0]
    revocation = decisions.award_revoke(actor=org.noivu, record=AwardRecord.objects.get(person=person),
                                        reason="Khai man thành tích", signing=signing(datetime.date(2025, 1, 6)))
    rows = export(client, org.noivu, django_capture_on_commit_callbacks, q=person.full_name)
    assert rows[4][-1] == f"Đã thu hồi theo Quyết định số {revocation}: Khai man thành tích"
    hidden = export(client, org.noivu, django_capture_on_commit_callbacks, q=person.full_name, revoked="an")
    assert names(hidden) == []
    assert hidden[1][0].endswith("không kể khen thưởng đã thu hồi")


def test_the_search_page_offers_the_export_of_what_it_shows(org, login, history):
    page = login(org.donvi).get(reverse("awards:history_search"), {"q": "nguyen", "year": "2024"}).content.decode()
    assert f'action="{reverse("awards:history_export")}"' in page and "Xuất Excel" in page
    assert '<input type="hidden" name="q" value="nguyen">' in page
    assert '<input type="hidden" name="year" value="2024">' in page


def test_the_export_is_started_by_a_form_not_a_link(org, login):
    assert login(org.donvi).get(reverse("awards:history_export")).status_code == 405
    assert not Job.objects.exists()
