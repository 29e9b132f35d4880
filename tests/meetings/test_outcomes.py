"""The review's outcome: the ranking the eligibility engine reads, and the bloc's proposal
built from it with the signed minutes in its dossier."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.eligibility.api import evaluate_units
from awards.models import BlocRanking, DocumentKind
from awards.rules import title_by_code
from meetings.services import meetings as meeting_services
from meetings.services import outcomes, scoring
from tests.test_browser_journey_cycle import tiny_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(review, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sheets = {s.unit_id: s for s in scoring.sheets_open(actor=review.truongkhoi, meeting=review.review)}
    for unit, values in ((review.chqs, ["60", "25", "15", "5", "0"]), (review.ca, ["58", "25", "15", "0", "0"]),
                         (review.toa, ["50", "20", "15", "0", "5"])):
        scoring.agreed_scores_save(actor=review.truongkhoi, sheet=sheets[unit.pk],
                                   points={c.pk: v for c, v in zip(review.criteria, values, strict=True)})
    return review


def test_the_final_ranking_is_written_for_the_eligibility_engine(scored):
    outcomes.ranking_finalise(actor=scored.truongkhoi, meeting=scored.review)
    ranks = {r.unit: (r.rank, r.score) for r in BlocRanking.objects.filter(bloc=scored.noi_chinh, year=scored.year)}
    assert ranks == {scored.chqs: (1, 105), scored.ca: (2, 98), scored.toa: (3, 80)}
    assert BlocRanking.objects.first().source.startswith("Biên bản Hội nghị tổng kết")
    verdicts = evaluate_units(units=[scored.chqs, scored.toa], title=title_by_code("CO_TINH"), year=scored.year)
    r8 = {pk: [c for c in verdict.checks if c.code == "R8"][0] for pk, verdict in verdicts.items()}
    assert r8[scored.chqs.pk].status == "pass"
    assert r8[scored.toa.pk].status == "fail" and "Xếp thứ 3/3" in r8[scored.toa.pk].message


def test_the_ranking_is_not_final_while_a_sheet_waits_for_agreement(review):
    scoring.sheets_open(actor=review.truongkhoi, meeting=review.review)
    with pytest.raises(ValidationError, match="Chưa thống nhất điểm của"):
        outcomes.ranking_finalise(actor=review.truongkhoi, meeting=review.review)
    assert not BlocRanking.objects.exists()


def test_the_bloc_proposes_the_leader_for_the_flag_with_the_minutes_as_its_dossier(scored):
    with pytest.raises(ValidationError, match="biên bản hội nghị đã ký"):
        outcomes.awards_propose(actor=scored.truongkhoi, meeting=scored.review, flag=[scored.chqs])
    meeting_services.meeting_minutes_attach(actor=scored.truongkhoi, meeting=scored.review,
                                            upload=SimpleUploadedFile("bien-ban.pdf", tiny_pdf()))
    proposal = outcomes.awards_propose(actor=scored.truongkhoi, meeting=scored.review, flag=[scored.chqs],
                                       certificate=[scored.ca])
    assert proposal.bloc == scored.noi_chinh and proposal.proposing_unit == scored.chqs
    nominees = [(n.unit, n.title.code, n.achievement) for n in proposal.nominees.select_related("title")]
    assert [(u, c) for u, c, _a in nominees] == [(scored.chqs, "CO_TINH"), (scored.ca, "BK_TINH")]
    assert nominees[0][2].startswith("Xếp thứ 1/3 Khối Thi đua Nội chính")
    minutes = proposal.documents.get(kind=DocumentKind.MINUTES)
    assert minutes.size == len(tiny_pdf())


def test_the_flag_quota_and_unscored_units_are_refused(scored):
    meeting_services.meeting_minutes_attach(actor=scored.truongkhoi, meeting=scored.review,
                                            upload=SimpleUploadedFile("bien-ban.pdf", tiny_pdf()))
    with pytest.raises(ValidationError, match="chỉ đề nghị 1 Cờ thi đua"):
        outcomes.awards_propose(actor=scored.truongkhoi, meeting=scored.review, flag=[scored.chqs, scored.ca])
    with pytest.raises(ValidationError, match="chưa có điểm thống nhất"):
        outcomes.awards_propose(actor=scored.truongkhoi, meeting=scored.review, certificate=[scored.vptu])
    assert not scored.review.bloc.proposals.exists()
