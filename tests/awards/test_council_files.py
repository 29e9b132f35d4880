"""The council's signed papers: the minutes of a session and the scan of a decision, uploaded
by interior staff and read by whoever sees the session or the decision; and the council's
votes on the proposal page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import CouncilSession, Decision
from awards.services import council, decisions
from blocs.models import AuditLog
from tests.awards.factories_council import accepted_proposal, decided, session_fields
from tests.awards.proposal_kit import PDF, docx, pdf

pytestmark = pytest.mark.django_db

BIG_PDF = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024) + b"\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def voted(org, nominees, *, tallies=None, unit=None, held_on=None) -> CouncilSession:
    """A proposal of *unit* (Công an) this year, voted on: 13 of 15 in favour unless *tallies*
    ({position: (for, against)}) says otherwise."""
    proposal = accepted_proposal(org, nominees, year=org.year, day=datetime.date(org.year, 1, 10), unit=unit)
    held_on = held_on or datetime.date(org.year, 1, 15)
    tallies = tallies or {}
    counts = {n.pk: tallies.get(n.position, (13, 0)) for n in proposal.nominees.all()}
    session = council.council_result_record(actor=org.noivu, proposal=proposal, session_fields=session_fields(held_on),
                                            tallies=counts)
    session.proposal = proposal
    return session


def cstdcs(org, unit_code="cong-an"):
    return [(org.people[unit_code][0], "CSTDCS")]


def audit_rows(action: str) -> list[AuditLog]:
    return list(AuditLog.objects.filter(action=action).order_by("pk"))


def stored(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


# --- The decision's signed scan ---------------------------------------------------------------------------


def test_interior_staff_upload_the_signed_decision_and_anyone_logged_in_downloads_it_as_a_pdf(org, login):
    decision = decided(org, [(org.people["cong-an"][0], "BK_TINH")])
    client = login(org.noivu)
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Chưa có bản ký." in page and "Tải lên bản ký" in page
    response = client.post(reverse("awards:decision_file_upload", args=[decision.pk]), {"file": pdf("scan.pdf")})
    assert response.status_code == 302 and response["Location"] == decision.get_absolute_url()
    assert "Đã lưu bản ký" in client.get(decision.get_absolute_url()).content.decode()
    [row] = audit_rows("awards.decision.file_attached")
    assert row.actor == org.noivu and row.data["name"] == "scan.pdf" and row.data["replaced"] == ""

    reader = login(org.donvi)
    assert "Tải bản ký (PDF)" in reader.get(decision.get_absolute_url()).content.decode()
    download = reader.get(reverse("awards:decision_file_download", args=[decision.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == f'attachment; filename="quyet-dinh-{decision.number}-qd-ubnd-2024.pdf"'
    assert b"".join(download.streaming_content) == PDF


def test_a_decision_without_a_scan_has_nothing_to_download(org, login):
    decision = decided(org, [(org.people["cong-an"][0], "BK_TINH")])
    assert login(org.hoidong).get(reverse("awards:decision_file_download", args=[decision.pk])).status_code == 404


@pytest.mark.parametrize(
    ("upload", "reason"),
    [
        (pdf("scan.pdf", b"MZ this is a program, not a pdf"), "không phải PDF hay Word (DOCX) thật"),
        (docx("scan.docx"), "là Word (DOCX); chỉ nhận bản đã ký, quét hoặc xuất ra PDF"),
        (pdf("scan.pdf", b"%PDF-1.4\nhalf a file"), "là PDF hỏng hoặc chưa tải hết"),
        (pdf("scan.pdf", BIG_PDF), "quá lớn (20.0 MB); tối đa 20 MB"),
    ],
    ids=["not a pdf", "a word file", "a cut pdf", "over 20 MB"],
)
def test_a_refused_scan_says_why_and_leaves_the_decision_as_it_was(org, login, upload, reason):
    decision = decided(org, [(org.people["cong-an"][0], "BK_TINH")])
    decisions.decision_file_attach(actor=org.noivu, decision=decision, upload=pdf("first.pdf"))
    decision.refresh_from_db()
    before, audits = decision.file.name, AuditLog.objects.count()
    response = login(org.noivu).post(reverse("awards:decision_file_upload", args=[decision.pk]), {"file": upload})
    assert response.status_code == 200
    assert reason in response.content.decode()
    decision.refresh_from_db()
    assert decision.file.name == before and stored(decision.file) == PDF
    assert AuditLog.objects.count() == audits


def test_replacing_the_scan_keeps_the_old_file_named_in_the_audit(org, login):
    decision = decided(org, [(org.people["cong-an"][0], "BK_TINH")])
    first = decisions.decision_file_attach(actor=org.noivu, decision=decision, upload=pdf("first.pdf")).file.name
    second_pdf = PDF.replace(b"1 0 obj", b"2 0 obj")
    login(org.admin).post(reverse("awards:decision_file_upload", args=[decision.pk]),
                          {"file": pdf("second.pdf", second_pdf)})
    decision.refresh_from_db()
    assert decision.file.name != first and stored(decision.file) == second_pdf
    assert audit_rows("awards.decision.file_attached")[-1].data["replaced"] == first
    assert decision.file.storage.exists(first)


@pytest.mark.parametrize("persona", ["truongkhoi", "donvi", "hoidong"])
def test_only_interior_staff_and_admins_upload_a_decisions_scan(org, login, persona):
    decision = decided(org, [(org.people["cong-an"][0], "BK_TINH")])
    client = login(getattr(org, persona))
    assert "decision-file-upload" not in client.get(decision.get_absolute_url()).content.decode()
    response = client.post(reverse("awards:decision_file_upload", args=[decision.pk]), {"file": pdf()})
    assert response.status_code == 403
    assert not Decision.objects.get(pk=decision.pk).file


def test_the_service_refuses_a_scan_from_anyone_but_staff(org):
    decision = decided(org, [(org.people["cong-an"][0], "BK_TINH")])
    with pytest.raises(PermissionDenied):
        decisions.decision_file_attach(actor=org.hoidong, decision=decision, upload=pdf())


# --- The session's minutes ---------------------------------------------------------------------------------


def test_staff_upload_the_minutes_on_the_session_page_and_a_unit_officer_downloads_them(org, login):
    session = voted(org, cstdcs(org))
    client = login(org.noivu)
    page_url = reverse("awards:council_session_detail", args=[session.pk])
    page = client.get(page_url).content.decode()
    assert "Chưa có biên bản." in page and "Tải lên biên bản" in page
    response = client.post(reverse("awards:council_minutes_upload", args=[session.pk]), {"file": pdf("bb.pdf")})
    assert response.status_code == 302 and response["Location"] == page_url
    assert "Đã lưu biên bản phiên họp" in client.get(page_url).content.decode()
    [row] = audit_rows("awards.council_session.minutes_attached")
    assert row.actor == org.noivu and row.data["size"] == len(PDF)

    officer = login(org.donvi)
    assert "Tải biên bản (PDF)" in officer.get(page_url).content.decode()
    download = officer.get(reverse("awards:council_minutes_download", args=[session.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    held = session.held_on
    assert download["Content-Disposition"] == f'attachment; filename="bien-ban-hop-hoi-dong-{held:%Y%m%d}.pdf"'
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize(
    ("upload", "reason"),
    [
        (pdf("bb.pdf", b"GIF89a not a pdf"), "không phải PDF hay Word (DOCX) thật"),
        (docx("bb.docx"), "chỉ nhận bản đã ký, quét hoặc xuất ra PDF"),
        (pdf("bb.pdf", BIG_PDF), "quá lớn"),
    ],
    ids=["not a pdf", "a word file", "over 20 MB"],
)
def test_refused_minutes_say_why_and_change_nothing(org, login, upload, reason):
    session = voted(org, cstdcs(org))
    audits = AuditLog.objects.count()
    response = login(org.noivu).post(reverse("awards:council_minutes_upload", args=[session.pk]), {"file": upload})
    assert response.status_code == 200 and reason in response.content.decode()
    assert not CouncilSession.objects.get(pk=session.pk).minutes
    assert AuditLog.objects.count() == audits


def test_an_upload_with_no_file_asks_for_one(org, login):
    session = voted(org, cstdcs(org))
    response = login(org.noivu).post(reverse("awards:council_minutes_upload", args=[session.pk]), {})
    assert response.status_code == 200 and "Trường này là bắt buộc" in response.content.decode()


@pytest.mark.parametrize(("persona", "status"), [("truongkhoi", 403), ("donvi", 403), ("hoidong", 403)])
def test_unit_officers_and_council_members_do_not_upload_minutes(org, login, persona, status):
    session = voted(org, cstdcs(org))
    client = login(getattr(org, persona))
    assert "minutes-upload" not in client.get(reverse("awards:council_session_detail", args=[session.pk])).content.decode()
    response = client.post(reverse("awards:council_minutes_upload", args=[session.pk]), {"file": pdf()})
    assert response.status_code == status
    assert not CouncilSession.objects.get(pk=session.pk).minutes


def test_a_session_that_voted_only_on_another_blocs_proposal_is_hidden_from_unit_officers(org, login):
    far = voted(org, cstdcs(org, "vp-tinh-uy"), unit=org.vptu)
    council.council_minutes_attach(actor=org.noivu, session=far, upload=pdf())
    for persona in ("donvi", "truongkhoi"):
        client = login(getattr(org, persona))
        assert client.get(reverse("awards:council_session_detail", args=[far.pk])).status_code == 404
        assert client.get(reverse("awards:council_minutes_download", args=[far.pk])).status_code == 404
        assert client.post(reverse("awards:council_minutes_upload", args=[far.pk]), {"file": pdf()}).status_code == 404
    assert login(org.hoidong).get(reverse("awards:council_minutes_download", args=[far.pk])).status_code == 200


def test_the_session_page_shows_a_unit_officer_only_the_votes_on_what_they_see(org, login):
    near = accepted_proposal(org, cstdcs(org), year=org.year, day=datetime.date(org.year, 1, 10))
    far = accepted_proposal(org, cstdcs(org, "vp-tinh-uy"), year=org.year, day=datetime.date(org.year, 1, 10),
                            unit=org.vptu)
    session = council.council_session_record(actor=org.noivu, **session_fields(datetime.date(org.year, 1, 15)))
    for proposal in (near, far):
        council.council_vote_record(actor=org.noivu, session=session, proposal=proposal,
                                    tallies={n.pk: (13, 0) for n in proposal.nominees.all()})
    url = reverse("awards:council_session_detail", args=[session.pk])
    officer = login(org.donvi).get(url).content.decode()
    assert org.people["cong-an"][0].full_name in officer and org.people["vp-tinh-uy"][0].full_name not in officer
    staff = login(org.noivu).get(url).content.decode()
    assert org.people["vp-tinh-uy"][0].full_name in staff


def test_the_council_list_shows_the_sessions_with_their_minutes(org, login):
    near = voted(org, cstdcs(org))
    council.council_minutes_attach(actor=org.noivu, session=near, upload=pdf())
    far = voted(org, cstdcs(org, "vp-tinh-uy"), unit=org.vptu, held_on=datetime.date(org.year, 1, 20))
    staff = login(org.noivu).get(reverse("awards:council_list")).content.decode()
    assert reverse("awards:council_minutes_download", args=[near.pk]) in staff
    assert reverse("awards:council_session_detail", args=[far.pk]) in staff and "Tải lên biên bản" in staff
    officer = login(org.donvi).get(reverse("awards:council_list")).content.decode()
    assert reverse("awards:council_minutes_download", args=[near.pk]) in officer
    assert reverse("awards:council_session_detail", args=[far.pk]) not in officer
    assert "Tải lên biên bản" not in officer


# --- The votes on the proposal page ------------------------------------------------------------------------


def vote_row(page: str, nominee_pk: int) -> str:
    match = re.search(rf'<tr data-testid="vote-{nominee_pk}">(.*?)</tr>', page, re.S)
    assert match, f"no vote row for nominee {nominee_pk}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_the_proposal_page_shows_each_nominees_vote_with_the_session_and_the_result(org, login):
    one, two = org.people["cong-an"]
    session = voted(org, [(one, "CSTDCS"), (two, "CSTDCS"), (org.ca, "BK_TINH")], tallies={1: (10, 3)})
    council.council_minutes_attach(actor=org.noivu, session=session, upload=pdf())
    first, second, collective = session.proposal.nominees.order_by("position")
    page = login(org.donvi).get(session.proposal.get_absolute_url()).content.decode()
    day = f"{session.held_on:%d/%m/%Y}"
    assert vote_row(page, first.pk) == f"1 {one.full_name} Chiến sĩ thi đua cơ sở {day} 13 đồng ý, 0 không đồng ý / 15 thành viên Đạt"
    assert vote_row(page, second.pk) == f"2 {two.full_name} Chiến sĩ thi đua cơ sở {day} 10 đồng ý, 3 không đồng ý / 15 thành viên Không đạt"
    assert vote_row(page, collective.pk).endswith("Không biểu quyết")
    assert reverse("awards:council_minutes_download", args=[session.pk]) in page
    assert reverse("awards:council_session_detail", args=[session.pk]) in page


def test_a_proposal_not_yet_voted_shows_no_votes(org, login):
    proposal = accepted_proposal(org, cstdcs(org), year=org.year)
    page = login(org.noivu).get(proposal.get_absolute_url()).content.decode()
    assert 'data-testid="council-votes"' not in page


def detail_queries(client, url: str) -> int:
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_proposal_page_takes_as_many_queries_for_four_voted_nominees_as_for_one(org, login):
    people = [*org.people["cong-an"], *org.people["tand"]]
    few = voted(org, [(people[0], "CSTDCS")])
    many = voted(org, [(p, "CSTDCS") for p in people], tallies={2: (5, 8)}, held_on=datetime.date(org.year, 1, 16))
    for session in (few, many):
        council.council_minutes_attach(actor=org.noivu, session=session, upload=pdf())
    for persona in ("noivu", "donvi"):
        client = login(getattr(org, persona))
        one = detail_queries(client, few.proposal.get_absolute_url())
        four = detail_queries(client, many.proposal.get_absolute_url())
        assert one == four, f"{persona}: {one} queries for one voted nominee, {four} for four"
