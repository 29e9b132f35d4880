"""The consolidated registrations in Excel, as offices lay them out: a header row per unit,
then one row per registrant; opened back and read cell by cell."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards import services
from blocs.models import Job, JobStatus
from tests.awards.conftest import register


def cells(job: Job) -> list[list]:
    job.file.open("rb")
    try:
        sheet = load_workbook(io.BytesIO(job.file.read())).active
    finally:
        job.file.close()
    # Empty cells read back as None; blanks written as "" are the same to a reader.
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def export(client, url: str, capture) -> Job:
    with capture(execute=True):
        response = client.post(url)
    job = Job.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("blocs:job_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    return job


@pytest.fixture
def consolidated(org, reg_round, titles, settings, tmp_path):
    """Công an (Khối Nội chính) and Báo Lai Châu (Khối Đảng, sent late) accepted, Sở Nội vụ
    (no bloc) accepted, Tòa án still waiting."""
    settings.MEDIA_ROOT = tmp_path
    ca_one, ca_two = org.people["cong-an"]
    ca = register(org, reg_round, org.ca, titles, collective=("TTLDXS", "BK_TINH"),
                  people={ca_one: ["LDTT", "CSTDCS"], ca_two: ["LDTT", "GIAY_KHEN"]}, submit=True)
    services.registration_accept(actor=org.truongkhoi, registration=ca)
    bao = register(org, reg_round, org.bao, titles, collective=("TTLDTT",))
    services.registration_submit(
        actor=None, registration=bao, at=datetime.datetime(org.year + 1, 1, 2, 9, tzinfo=datetime.UTC)
    )
    services.registration_accept(actor=org.admin, registration=bao)
    snv = register(org, reg_round, org.snv, titles, collective=(),
                   people={org.people["so-noi-vu"][0]: ["LDTT"]}, submit=True)
    services.registration_accept(actor=org.noivu, registration=snv)
    register(org, reg_round, org.toa, titles, submit=True)
    return reg_round


HEADER = ["STT", "Họ và tên / Tập thể", "Chức vụ", "Danh hiệu thi đua", "Hình thức khen thưởng", "Ghi chú"]
CA_ROWS = [
    ["I", "Công an tỉnh", "", "", "", ""],
    [1, "Tập thể Công an tỉnh", "", "Tập thể lao động xuất sắc", "Bằng khen của Chủ tịch UBND tỉnh", ""],
    [2, "Nguyễn Văn CONG-AN Một", "", "Lao động tiên tiến; Chiến sĩ thi đua cơ sở", "", ""],
    [3, "Trần Thị CONG-AN Hai", "", "Lao động tiên tiến", "Giấy khen", ""],
]


def test_interior_staff_export_the_provinces_accepted_registrations_grouped_by_bloc_and_unit(
    org, login, consolidated, django_capture_on_commit_callbacks
):
    client = login(org.noivu)
    job = export(client, reverse("awards:registration_export", args=[org.year]), django_capture_on_commit_callbacks)
    rows = cells(job)
    assert rows[0][0] == f"BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM {org.year}"
    assert rows[1][0] == "Toàn tỉnh"
    assert rows[2] == [""] * 6
    assert rows[3] == HEADER
    assert rows[4:] == [
        ["", "Khối Thi đua Nội chính", "", "", "", ""],
        *CA_ROWS,
        ["", "Khối Đảng tỉnh", "", "", "", ""],
        ["II", "Báo Lai Châu", "", "", "", "Nộp muộn"],
        [1, "Tập thể Báo Lai Châu", "", "Tập thể lao động tiên tiến", "", ""],
        ["", "Đơn vị không thuộc khối thi đua cấp tỉnh (gửi Sở Nội vụ)", "", "", "", ""],
        ["III", "Sở Nội vụ", "", "", "", ""],
        [1, "Nguyễn Văn SO-NOI-VU Một", "", "Lao động tiên tiến", "", ""],
        [""] * 6,
        ["", "Tổng cộng: 3 đơn vị; 2 tập thể, 3 cá nhân đăng ký.", "", "", "", ""],
    ]
    assert job.file.name.endswith(f"dang-ky-thi-dua-{org.year}-toan-tinh.xlsx")
    download = client.get(reverse("blocs:job_download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")


def test_the_bloc_lead_exports_its_blocs_registrations_only(
    org, login, consolidated, django_capture_on_commit_callbacks
):
    from awards.models import BlocRegistration

    nc = BlocRegistration.objects.get(round=consolidated, bloc=org.noi_chinh)
    url = reverse("awards:bloc_registration_export", args=[nc.pk])
    job = export(login(org.truongkhoi), url, django_capture_on_commit_callbacks)
    rows = cells(job)
    assert rows[1][0] == "Khối Thi đua Nội chính"
    assert rows[3] == HEADER
    assert rows[4:] == [*CA_ROWS, [""] * 6, ["", "Tổng cộng: 1 đơn vị; 1 tập thể, 2 cá nhân đăng ký.", "", "", "", ""]]
    assert job.file.name.endswith(f"dang-ky-thi-dua-{org.year}-khoi-{org.noi_chinh.pk}.xlsx")


def test_a_member_officer_exports_neither_the_bloc_nor_the_province(org, login, consolidated):
    from awards.models import BlocRegistration

    nc = BlocRegistration.objects.get(round=consolidated, bloc=org.noi_chinh)
    client = login(org.donvi)
    assert client.post(reverse("awards:bloc_registration_export", args=[nc.pk])).status_code == 404
    assert client.post(reverse("awards:registration_export", args=[org.year])).status_code == 403
    assert not Job.objects.exists()
