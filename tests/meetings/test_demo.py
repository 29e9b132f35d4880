"""The meetings part of the demo: the seed's meetings and the 2024 reviews of two blocs, with
their scoring, votes and draft reports; loading again adds nothing and keeps awards' ranking."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from awards.demo_facts import RANKINGS
from awards.demo_facts import _score as ranking_score
from awards.models import BlocRanking
from blocs import demo_data
from blocs.models import AuditLog, LeadSource, MemberRole, Membership
from meetings.models import (
    CommitteeRole,
    Congress,
    CongressDocument,
    Delegate,
    DelegateQuota,
    ExemplaryModel,
    LeadCandidate,
    LeadElection,
    Meeting,
    MeetingAttendance,
    MeetingKind,
    ReviewReport,
    Score,
    ScoreSheet,
    SteeringMember,
    Subcommittee,
    SubcommitteeTask,
)
from meetings.services import congress as congress_services
from meetings.services import reports, scoring
from movements.models import Pledge

pytestmark = pytest.mark.django_db

MODELS = [Meeting, MeetingAttendance, Delegate, ScoreSheet, Score, LeadElection, LeadCandidate,
          ReviewReport, BlocRanking, Membership, AuditLog]


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo loaded once for this module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def review(bloc: str, year: int, kind: str) -> Meeting:
    return Meeting.objects.select_related("bloc", "host_unit").get(bloc__name=bloc, year=year, kind=kind)


def ranked(bloc: str, year: int) -> list[str]:
    return list(BlocRanking.objects.filter(bloc__name=bloc, year=year).order_by("rank")
                .values_list("unit__code", flat=True))


def test_load_demo_reports_the_meetings_and_a_second_run_adds_nothing(demo):
    assert "hội nghị" in demo and "kết quả suy tôn" in demo and "phiếu chấm điểm" in demo
    before = counts()

    again = load()

    assert counts() == before
    assert "không có gì" in again


def test_the_steering_committee_met_on_1_july_2020_as_a_province_meeting(demo):
    meeting = Meeting.objects.get(kind=MeetingKind.STEERING, year=2020)

    assert meeting.bloc is None and meeting.held_on == datetime.date(2020, 7, 1)
    assert "lần thứ V (2020 - 2025)" in meeting.title
    assert "Phó Chủ tịch Thường trực UBND tỉnh" in meeting.chair
    assert "28/07/2020" in meeting.minutes and "500 đại biểu" in meeting.minutes
    assert meeting.host_unit.code == "so-noi-vu"


def test_khoi_dang_held_its_2022_six_month_review_on_8_july(demo):
    meeting = review(demo_data.DANG, 2022, MeetingKind.SIX_MONTH)

    assert meeting.held_on == datetime.date(2022, 7, 8)
    assert meeting.host_unit.code == "dang-uy-khoi"
    assert "29 tập thể, cá nhân" in meeting.minutes


def test_the_border_cluster_met_in_lang_son_on_5_march_2024_chaired_by_its_chairman(demo):
    meeting = review(demo_data.CUM_BIEN_GIOI, 2023, MeetingKind.YEAR_END)

    assert meeting.held_on == datetime.date(2024, 3, 5)
    assert meeting.host_unit.code == "tinh-lang-son"
    assert "Chủ tịch UBND tỉnh Lạng Sơn" in meeting.chair
    assert meeting.attendances.filter(confirmed_at__isnull=False).count() == 7
    # Names of people are invented: not the officials named in the seed.
    names = " ".join([meeting.chair, *Delegate.objects.filter(attendance__meeting=meeting)
                      .values_list("full_name", flat=True)])
    assert "Hồ Tiến Thiệu" not in names and "Trịnh Xuân Trường" not in names


def test_lao_cai_leads_the_cluster_in_2024_voted_at_that_conference(demo):
    meeting = review(demo_data.CUM_BIEN_GIOI, 2023, MeetingKind.YEAR_END)
    election = LeadElection.objects.get(meeting=meeting, role=MemberRole.LEAD)
    lead = Membership.objects.get(bloc_year__bloc=meeting.bloc, bloc_year__year=2024, role=MemberRole.LEAD)

    assert election.winner.code == "tinh-lao-cai" and election.for_year == 2024
    assert election.method == "suy_ton" and election.voters == 7
    assert lead.unit.code == "tinh-lao-cai" and lead.lead_source == LeadSource.VOTED
    assert "05/03/2024" in lead.source_note and "Lạng Sơn" in lead.source_note


@pytest.mark.parametrize(("bloc", "six_month", "year_end", "host"), [
    (demo_data.NOI_CHINH, datetime.date(2024, 7, 10), datetime.date(2025, 1, 18), "bo-chqs"),
    (demo_data.DANG, datetime.date(2024, 7, 12), datetime.date(2025, 1, 17), "ban-to-chuc"),
])
def test_both_blocs_held_their_2024_reviews_hosted_by_the_lead_with_every_member_confirmed(
    demo, bloc, six_month, year_end, host
):
    for kind, day in ((MeetingKind.SIX_MONTH, six_month), (MeetingKind.YEAR_END, year_end)):
        meeting = review(bloc, 2024, kind)
        assert meeting.held_on == day and meeting.host_unit.code == host
        assert meeting.agenda and meeting.minutes and meeting.conclusions and meeting.chair
        attendances = list(meeting.attendances.prefetch_related("delegates"))
        assert len(attendances) == 8
        for attendance in attendances:
            delegates = list(attendance.delegates.all())
            assert attendance.is_confirmed and 1 <= len(delegates) <= 2, attendance
            assert all(d.person and d.person.unit_id == attendance.unit_id for d in delegates)


@pytest.mark.parametrize(("bloc", "day"), [(demo_data.NOI_CHINH, "18/01/2025"), (demo_data.DANG, "17/01/2025")])
def test_the_2024_year_end_scoring_gives_awards_order_and_scores_and_becomes_the_ranking(demo, bloc, day):
    meeting = review(bloc, 2024, MeetingKind.YEAR_END)
    order = RANKINGS[bloc][2024][1]
    assert Pledge.objects.get(bloc=meeting.bloc, year=2024).is_signed

    rows = scoring.ranking(meeting)

    assert [r.unit.code for r in rows] == order
    assert [r.rank for r in rows] == list(range(1, 9)) and all(r.complete for r in rows)
    assert [r.total for r in rows] == [ranking_score(place) for place in range(1, 9)]
    recorded = list(BlocRanking.objects.filter(bloc=meeting.bloc, year=2024).order_by("rank"))
    assert [(r.unit.code, r.rank, r.score) for r in recorded] == [
        (r.unit.code, r.rank, r.total) for r in rows
    ]
    assert all(r.source.startswith("Biên bản Hội nghị tổng kết") and day in r.source for r in recorded)
    assert rows[0].bonus > 0 and rows[-1].penalty > 0
    assert any(r.self_total > r.total for r in rows)


def test_khoi_noi_chinh_leads_with_bo_chqs_and_other_years_keep_awards_rankings(demo):
    assert ranked(demo_data.NOI_CHINH, 2024)[0] == "bo-chqs"
    for bloc, years in RANKINGS.items():
        for year, (_source, order) in years.items():
            if year < 2026:
                assert ranked(bloc, year) == order, (bloc, year)


def test_vksnd_is_elected_to_lead_khoi_noi_chinh_in_2025_as_its_roster_says(demo):
    meeting = review(demo_data.NOI_CHINH, 2024, MeetingKind.YEAR_END)
    elections = {e.role: e for e in LeadElection.objects.filter(meeting=meeting)}
    lead = Membership.objects.get(bloc_year__bloc=meeting.bloc, bloc_year__year=2025, role=MemberRole.LEAD)

    assert elections[MemberRole.LEAD].winner.code == "vksnd" == lead.unit.code
    assert elections[MemberRole.DEPUTY].winner.code == "bdbp"
    assert lead.lead_source == LeadSource.VOTED and "18/01/2025" in lead.source_note
    assert Membership.objects.filter(bloc_year__bloc=meeting.bloc, bloc_year__year=2025,
                                     role=MemberRole.LEAD).count() == 1


@pytest.mark.parametrize("bloc", [demo_data.NOI_CHINH, demo_data.DANG])
def test_each_bloc_has_a_draft_2024_year_end_report_with_no_rendered_file(demo, bloc):
    report = ReviewReport.objects.get(bloc__name=bloc, year=2024, period="year")

    assert report.number == "" and not report.versions.exists()
    assert report.results and report.shortcomings and report.next_tasks and report.signer_name
    document = reports.report_document(report)
    assert "năm 2024" in document.subject


CONGRESS_MODELS = [Congress, SteeringMember, Subcommittee, SubcommitteeTask, DelegateQuota, ExemplaryModel,
                   CongressDocument]


def test_the_2020_congress_is_loaded_with_its_meetings_committee_quotas_models_and_16_documents(demo):
    congress = Congress.objects.get(ordinal="V")

    assert congress.title == "Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ V (2020 - 2025)"
    assert congress.held_on == datetime.date(2020, 7, 28) and congress.delegates_planned == 500
    assert {(m.kind, m.held_on) for m in congress.meetings.all()} == {
        (MeetingKind.STEERING, datetime.date(2020, 7, 1)), (MeetingKind.CONGRESS, datetime.date(2020, 7, 28))}
    head = SteeringMember.objects.get(congress=congress, role=CommitteeRole.HEAD)
    assert "Phó Chủ tịch Thường trực UBND tỉnh" in head.position and head.person is not None
    assert congress.committee.count() >= 4
    assert sorted(congress.subcommittees.values_list("name", flat=True)) == [
        "Tiểu ban Hậu cần", "Tiểu ban Nội dung", "Tiểu ban Tuyên truyền"]
    assert all(s.head and s.tasks.exists() for s in congress.subcommittees.all())
    assert not congress_services.overdue_tasks(congress).exists()
    summary = congress_services.quota_summary(congress)
    assert 480 <= summary.total <= 500 and summary.difference == summary.total - 500
    assert congress.exemplars.filter(honoured=True).count() >= 3
    assert congress.exemplars.filter(person__isnull=False).exists()
    assert congress.exemplars.filter(unit__isnull=False).exists()
    assert congress.documents.count() == 16
    assert all(d.title.endswith("(dữ liệu minh họa)") for d in congress.documents.all())


def test_the_congress_names_no_real_official(demo):
    names = " ".join(SteeringMember.objects.values_list("full_name", flat=True))

    assert "Tống Thanh Hải" not in names
    assert all(m.person_id for m in SteeringMember.objects.all())


def test_loading_the_demo_again_adds_nothing_to_the_congress(demo):
    before = {model.__name__: model.objects.count() for model in CONGRESS_MODELS}
    linked = Meeting.objects.filter(congress__isnull=False).count()

    load()

    assert {model.__name__: model.objects.count() for model in CONGRESS_MODELS} == before
    assert Meeting.objects.filter(congress__isnull=False).count() == linked == 2
