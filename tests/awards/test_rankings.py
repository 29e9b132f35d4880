"""A bloc's year-end ranking: recorded whole by Sở Nội vụ or the unit leading the bloc that
year, read by the bloc's members, entered on one screen with a row per member unit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import BlocRanking
from awards.services.rankings import bloc_ranking_record
from blocs import services as bloc_services
from blocs.models import AuditLog, Bloc, BlocKind, BlocLevel
from tests.conftest import make_unit

pytestmark = pytest.mark.django_db
MINUTES = "Biên bản hội nghị tổng kết năm, ngày 16/01"


def ranking(bloc, year) -> list[tuple[str, int]]:
    return list(
        BlocRanking.objects.filter(bloc=bloc, year=year).order_by("rank", "unit__code").values_list("unit__code", "rank")
    )


def record(org, actor, rows, source=MINUTES, bloc=None):
    return bloc_ranking_record(actor=actor, bloc=bloc or org.noi_chinh, year=org.year, rows=rows, source=source)


def test_interior_staff_record_a_ranking_that_replaces_the_previous_one_whole(org):
    record(org, org.noivu, [(org.chqs, 1, Decimal("98.5")), (org.ca, 2, None), (org.toa, 3, None)])
    record(org, org.noivu, [(org.ca, 1, Decimal("97")), (org.chqs, 2, None)])
    assert ranking(org.noi_chinh, org.year) == [("cong-an", 1), ("bo-chqs", 2)]
    row = BlocRanking.objects.get(unit=org.ca)
    assert row.score == Decimal("97") and row.source == MINUTES and row.recorded_by == org.noivu
    audit = AuditLog.objects.filter(action="awards.bloc_ranking.recorded").order_by("pk").last()
    assert audit.data["replaced"] == 3 and audit.data["year"] == org.year


def test_the_officers_of_the_lead_unit_record_their_blocs_ranking_and_nobody_else_below_the_province(org):
    record(org, org.truongkhoi, [(org.chqs, 1, None), (org.ca, 2, None)])
    assert ranking(org.noi_chinh, org.year) == [("bo-chqs", 1), ("cong-an", 2)]
    for actor in (org.donvi, org.hoidong):
        with pytest.raises(PermissionDenied):
            record(org, actor, [(org.ca, 1, None)])
    with pytest.raises(PermissionDenied):  # Bộ CHQS does not lead Khối Đảng
        record(org, org.truongkhoi, [(org.vptu, 1, None)], bloc=org.dang)
    with pytest.raises(PermissionDenied):  # nor Khối Nội chính last year
        bloc_ranking_record(actor=org.truongkhoi, bloc=org.noi_chinh, year=org.year - 1,
                            rows=[(org.chqs, 1, None)], source=MINUTES)
    assert ranking(org.noi_chinh, org.year) == [("bo-chqs", 1), ("cong-an", 2)]


def test_only_members_of_the_bloc_that_year_are_ranked_once_each_within_the_roster(org):
    with pytest.raises(ValidationError, match="Văn phòng Tỉnh ủy không là thành viên của Khối Thi đua Nội chính"):
        record(org, org.noivu, [(org.chqs, 1, None), (org.vptu, 2, None)])
    with pytest.raises(ValidationError, match="Công an tỉnh có hai thứ hạng"):
        record(org, org.noivu, [(org.ca, 1, None), (org.ca, 2, None)])
    with pytest.raises(ValidationError, match="phải từ 1 đến 3"):
        record(org, org.noivu, [(org.ca, 4, None)])
    with pytest.raises(ValidationError, match="chưa có danh sách thành viên năm"):
        bloc_ranking_record(actor=org.noivu, bloc=org.noi_chinh, year=org.year - 1,
                            rows=[(org.chqs, 1, None)], source=MINUTES)
    assert not BlocRanking.objects.exists()


def test_a_ranking_names_its_document_and_units_tied_share_a_place(org):
    with pytest.raises(ValidationError, match="văn bản"):
        record(org, org.noivu, [(org.chqs, 1, None)], source="  ")
    record(org, org.noivu, [(org.chqs, 1, None), (org.ca, 1, None), (org.toa, 3, None)])
    assert ranking(org.noi_chinh, org.year) == [("bo-chqs", 1), ("cong-an", 1), ("tand", 3)]


def test_the_model_refuses_a_unit_outside_the_bloc_as_the_admin_would_save_it(org):
    row = BlocRanking(bloc=org.noi_chinh, year=org.year, unit=org.bao, rank=1, source=MINUTES)
    with pytest.raises(ValidationError, match="không là thành viên"):
        row.full_clean()


# --- The screens ---------------------------------------------------------------------------


def url(org, bloc=None, year=None) -> str:
    return reverse("awards:ranking_bloc_year", args=[(bloc or org.noi_chinh).pk, year or org.year])


def test_the_lead_enters_the_ranking_in_one_table_with_a_decimal_comma(org, login):
    client = login(org.truongkhoi)
    page = client.get(url(org)).content.decode()
    assert 'data-testid="ranking-form"' in page and "Công an tỉnh" in page and "Tòa án nhân dân tỉnh" in page
    data = {f"rank_{org.chqs.pk}": "2", f"score_{org.chqs.pk}": "96,5", f"rank_{org.ca.pk}": "1",
            f"score_{org.ca.pk}": "98,25", f"rank_{org.toa.pk}": "", "source": MINUTES}
    response = client.post(url(org), data, follow=True)
    assert "Đã lưu kết quả xếp hạng năm" in response.content.decode()
    assert ranking(org.noi_chinh, org.year) == [("cong-an", 1), ("bo-chqs", 2)]
    assert BlocRanking.objects.get(unit=org.ca).score == Decimal("98.25")
    assert 'value="98,25"' in client.get(url(org)).content.decode()


def test_a_form_with_mistakes_keeps_what_was_typed_and_saves_nothing(org, login):
    client = login(org.noivu)
    response = client.post(url(org), {f"rank_{org.ca.pk}": "0", f"score_{org.chqs.pk}": "90", "source": "BB 1"})
    page = response.content.decode()
    assert response.status_code == 200 and 'data-testid="form-errors"' in page
    assert "Có điểm thì phải có thứ hạng." in page and 'value="0"' in page and 'value="BB 1"' in page
    response = client.post(url(org), {f"rank_{org.ca.pk}": "1", "source": ""})
    assert "Hãy ghi văn bản ghi nhận kết quả xếp hạng." in response.content.decode()
    response = client.post(url(org), {"source": "BB 1"})
    assert "Chưa nhập thứ hạng của đơn vị nào." in response.content.decode()
    assert not BlocRanking.objects.exists()


def test_a_member_unit_reads_its_blocs_ranking_without_a_form_and_cannot_post(org, login):
    record(org, org.noivu, [(org.chqs, 1, Decimal("99")), (org.ca, 2, None)])
    client = login(org.donvi)
    page = client.get(url(org)).content.decode()
    assert 'data-testid="ranking"' in page and 'data-testid="ranking-form"' not in page
    assert "Bộ Chỉ huy Quân sự tỉnh" in page and MINUTES in page
    assert client.post(url(org), {f"rank_{org.ca.pk}": "1", "source": "x"}).status_code == 403
    assert client.get(url(org, org.dang)).status_code == 404
    assert ranking(org.noi_chinh, org.year) == [("bo-chqs", 1), ("cong-an", 2)]


def test_the_list_shows_each_blocs_leader_in_a_fixed_number_of_queries(org, login):
    record(org, org.noivu, [(org.ca, 1, None), (org.chqs, 2, None)])
    client = login(org.noivu)
    index = reverse("awards:ranking_index") + f"?nam={org.year}"
    with CaptureQueriesContext(connection) as few:
        page = client.get(index).content.decode()
    assert "Khối Thi đua Nội chính" in page and "Công an tỉnh" in page and "2/3" in page
    for i in range(5):
        bloc = bloc_services.bloc_save(actor=None, bloc=Bloc(name=f"Cụm {i}", kind=BlocKind.CLUSTER,
                                                            level=BlocLevel.PROVINCIAL))
        unit = make_unit(f"xa-{i}", f"Xã {i}", "xa_phuong")
        bloc_services.membership_add(actor=None, bloc=bloc, year=org.year, unit=unit)
        bloc_ranking_record(actor=org.noivu, bloc=bloc, year=org.year, rows=[(unit, 1, None)], source=MINUTES)
    with CaptureQueriesContext(connection) as many:
        page = client.get(index).content.decode()
    assert "Xã 4" in page
    assert len(many) == len(few)


def test_the_lead_sees_only_the_blocs_it_belongs_to_on_the_list(org, login):
    page = login(org.truongkhoi).get(reverse("awards:ranking_index")).content.decode()
    assert "Khối Thi đua Nội chính" in page and "Khối Đảng tỉnh" not in page
    assert "Nhập kết quả" in page


def test_the_demo_records_the_year_end_rankings_once(titles):
    import io

    from django.core.management import call_command

    from awards.eligibility import PASS, evaluate
    from blocs.models import Unit

    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    assert "kết quả xếp hạng khối, cụm" in out.getvalue()
    cluster = Bloc.objects.get(name="Cụm thi đua các tỉnh miền núi biên giới phía Bắc")
    assert ranking(cluster, 2023) == [("tinh-lang-son", 1), ("tinh-ha-giang", 2)]
    noi_chinh = Bloc.objects.get(name="Khối Thi đua Nội chính")
    assert ranking(noi_chinh, 2024)[0] == ("bo-chqs", 1) and ranking(noi_chinh, 2025)[0] == ("vksnd", 1)
    lang_son = Unit.objects.get(code="tinh-lang-son")
    assert PASS in [c.status for c in evaluate(title=titles["CO_CP"], year=2023, unit=lang_son).checks
                    if c.code == "R9"]
    before = BlocRanking.objects.count()
    call_command("load_demo", "--force", stdout=io.StringIO())
    assert BlocRanking.objects.count() == before
