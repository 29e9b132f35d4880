"""A year-end review of Khối Nội chính (Bộ CHQS leads; Công an and Tòa án are members)
scoring against the bloc's signed pledge of the same year."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from meetings.models import MeetingKind
from meetings.services import meetings as meeting_services
from movements.models import Criterion, CriterionGroup, CriterionKind
from movements.services import pledges as pledge_services

TABLE = [
    ("Thực hiện nhiệm vụ chính trị", [
        ("Hoàn thành các chỉ tiêu, nhiệm vụ được giao", "60", CriterionKind.SCORED),
        ("Bảo đảm an ninh chính trị, trật tự an toàn xã hội", "25", CriterionKind.SCORED),
    ]),
    ("Công tác thi đua, khen thưởng", [
        ("Báo cáo thi đua, khen thưởng đúng hạn", "15", CriterionKind.SCORED),
        ("Mô hình, điển hình tiên tiến được nhân rộng", "5", CriterionKind.BONUS),
        ("Để xảy ra vi phạm bị xử lý kỷ luật", "10", CriterionKind.PENALTY),
    ]),
]


@pytest.fixture
def review(org):
    return make_review(org)


def make_review(org):
    """The year-end review meeting, with the pledge's criteria as ``org.criteria`` (in order)."""
    pledge = pledge_services.pledge_create(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year,
                                           text="Các đơn vị cam kết thi đua.")
    org.criteria = []
    for group_name, rows in TABLE:
        group = pledge_services.criterion_group_save(actor=org.truongkhoi,
                                                     group=CriterionGroup(pledge=pledge, name=group_name))
        for text, points, kind in rows:
            org.criteria.append(pledge_services.criterion_save(
                actor=org.truongkhoi, criterion=Criterion(group=group, text=text, max_points=Decimal(points), kind=kind)))
    pledge_services.pledge_sign(actor=org.truongkhoi, pledge=pledge, signed_on=datetime.date(org.year - 1, 12, 28),
                                meeting="Hội nghị ký kết giao ước thi đua")
    org.pledge = pledge
    org.review = meeting_services.meeting_create(
        actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year, kind=MeetingKind.YEAR_END,
        title=f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {org.year} Khối Thi đua Nội chính",
        held_on=datetime.date(org.year, 12, 18), place="Hội trường Bộ CHQS tỉnh", host_unit=org.chqs,
        chair="Đại tá Lò Văn Thắng, Chỉ huy trưởng Bộ CHQS tỉnh",
    )
    return org
