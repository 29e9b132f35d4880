"""Two staff recording decisions of the same issuer and year at once never share a number.

Needs PostgreSQL (row locks); SQLite serialises writers and cannot show the race."""

import datetime
import threading

import pytest
from django.db import close_old_connections, connection

from awards.models import Decision
from awards.services import decisions
from tests.awards.factories_council import accepted_proposal, signing, vote
from tests.conftest import need_service

DAY = datetime.date(2024, 12, 20)


@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_of_one_issuer_and_year_get_distinct_numbers(org):
    need_service(connection.vendor == "postgresql",
                 "numbering under concurrency needs PostgreSQL row locks (set DATABASE_URL=postgres://…)")
    proposals = []
    for unit in (org.ca, org.toa, org.bao, org.vptu):
        proposal = accepted_proposal(org, [(unit, "TTLDXS")], unit=unit)
        vote(org, proposal, datetime.date(2024, 12, 2))
        proposals.append(proposal)
    barrier, errors = threading.Barrier(len(proposals)), []

    def record(proposal):
        try:
            barrier.wait(timeout=10)
            decisions.decision_record(actor=org.noivu, proposal=proposal, signing=signing(DAY))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=record, args=(p,)) for p in proposals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
