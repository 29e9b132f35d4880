"""The vocabulary of the permission matrix, shared by tests/test_permissions.py and by each
area's ``tests/<app>/permission_table*.py``, discovered automatically: a module with
``TABLE`` (URL name → cases), ``extend_world(w)`` (adds the area's objects to the shared
world) and, optionally, ``state()`` (a comparable snapshot of the area's tables, so that a
refused request can be shown to change nothing).

Answers: 200; LOGIN (302 to /accounts/login/?next=<the url>); DONE (302 after the action);
403 (visible, not writable); 404 (outside the user's sight); 405 (wrong method).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from types import SimpleNamespace

from tests.conftest import PERSONAS

ANON = "anonymous"
LOGIN, DONE = "login redirect", "redirect after the action"
OK, FORBIDDEN, HIDDEN, WRONG_METHOD = 200, 403, 404, 405


def answers(admin, noivu, truongkhoi, donvi, hoidong, *, anonymous=LOGIN) -> dict:
    return dict(zip([ANON, *PERSONAS], [anonymous, admin, noivu, truongkhoi, donvi, hoidong], strict=True))


EVERYONE = answers(OK, OK, OK, OK, OK)
PROVINCE_STAFF = answers(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
POST_ONLY = answers(*[WRONG_METHOD] * 5)
NOBODY = answers(*[HIDDEN] * 5)


@dataclass(frozen=True)
class Case:
    what: str
    kwargs: Callable[[SimpleNamespace], dict]
    expect: dict
    method: str = "GET"


get, post = Case, partial(Case, method="POST")
no_args, missing = (lambda w: {}), (lambda w: {"pk": 999_999})


def pk(attr: str) -> Callable[[SimpleNamespace], dict]:
    return lambda w: {"pk": getattr(w, attr).pk}


def bloc_year(attr: str) -> Callable[[SimpleNamespace], dict]:
    return lambda w: {"pk": getattr(w, attr).pk, "year": w.year}
