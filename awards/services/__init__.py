"""Business actions of the awards app. Views, admin, commands and the demo call these.

Each takes the acting user (keyword-only), validates, saves and writes its audit row in one
transaction. Who may call which is decided before, in ``awards.access``.
"""

from .consolidation import bloc_registration_acknowledge, bloc_registration_submit
from .planned import movement_award_delete, movement_award_save
from .registrations import (
    not_editable_reason,
    registration_accept,
    registration_create,
    registration_return,
    registration_save,
    registration_submit,
)
from .rounds import round_open, round_update

__all__ = [
    "bloc_registration_acknowledge",
    "bloc_registration_submit",
    "movement_award_delete",
    "movement_award_save",
    "not_editable_reason",
    "registration_accept",
    "registration_create",
    "registration_return",
    "registration_save",
    "registration_submit",
    "round_open",
    "round_update",
]
