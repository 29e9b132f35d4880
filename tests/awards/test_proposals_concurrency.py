"""Two staff acting on one proposal at the same moment: exactly one wins, the other is told
the proposal has moved on, and the history shows one transition.

Needs PostgreSQL (row locks); SQLite serialises writers and cannot show the race."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from awards.models import ProposalStatus, Title
from awards.services import proposals
from tests.awards.proposal_kit import engine, walk
from tests.conftest import make_user, need_service

# The rule sets and the catalogue come back after earlier flushes (tests/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)


def race(*actions):
    barrier, results = threading.Barrier(len(actions)), []

    def run(action):
        try:
            barrier.wait(timeout=10)
            action()
            results.append("won")
        except ValidationError as error:
            results.append(" ".join(error.messages))
        except Exception as error:  # noqa: BLE001 - reported by the assertions
            results.append(repr(error))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_staff_receiving_one_proposal_at_once_one_wins_and_the_other_is_told(org, settings, tmp_path, monkeypatch):
    need_service(connection.vendor == "postgresql",
                 "the race needs PostgreSQL row locks (set DATABASE_URL=postgres://…)")
    settings.MEDIA_ROOT = tmp_path
    engine(monkeypatch, {})

    titles = {t.code: t for t in Title.objects.all()}
    p = walk(org, titles, "da_gui")
    other = make_user("noivu2", "noi_vu", org.snv)
    results = race(
        lambda: proposals.proposal_receive(actor=org.noivu, proposal=p, specialist=org.noivu),
        lambda: proposals.proposal_receive(actor=other, proposal=p, specialist=other),
    )
    assert sorted(results)[-1] == "won" and results.count("won") == 1, results
    loser = next(r for r in results if r != "won")
    assert "Không thể tiếp nhận" in loser and "Đã tiếp nhận" in loser
    p.refresh_from_db()
    assert p.status == ProposalStatus.RECEIVED
    assert p.events.filter(action="awards.proposal.received").count() == 1


def test_a_return_and_an_acceptance_at_once_leave_one_outcome(org, settings, tmp_path, monkeypatch):
    need_service(connection.vendor == "postgresql",
                 "the race needs PostgreSQL row locks (set DATABASE_URL=postgres://…)")
    settings.MEDIA_ROOT = tmp_path
    engine(monkeypatch, {})

    titles = {t.code: t for t in Title.objects.all()}
    p = walk(org, titles, "dang_tham_dinh")
    proposals.nominee_appraise(actor=org.noivu, nominee=p.nominees.get(), accepted=True)
    results = race(
        lambda: proposals.proposal_accept(actor=org.noivu, proposal=p),
        lambda: proposals.proposal_return(actor=org.admin, proposal=p, comment="Thiếu tờ trình ký số"),
    )
    assert results.count("won") == 1, results
    p.refresh_from_db()
    assert p.status in (ProposalStatus.ACCEPTED, ProposalStatus.RETURNED)
    assert p.events.filter(action__in=["awards.proposal.accepted", "awards.proposal.returned"]).count() == 1
