"""The eligibility screen's rows of the permission matrix (see tests/test_permissions.py).

Everyone signed in may open "Xét điều kiện" and its Excel export: what each one sees is
narrowed to their scope (tested in test_eligibility_screen.py), never refused."""

from __future__ import annotations

from tests.permission_kit import EVERYONE, get, no_args

TABLE = {
    "awards:eligibility": [get("the eligibility screen", no_args, EVERYONE)],
    "awards:eligibility_export": [get("the eligibility list in Excel", no_args, EVERYONE)],
}


def extend_world(world) -> None:
    """Nothing to add: the screen reads the people and units of the shared world."""
