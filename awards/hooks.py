"""Panels (dashboard, bloc, movement, unit and person pages) and demo data of the awards app,
registered at start-up."""

from . import (  # noqa: F401
    demo,
    demo_eligibility,
    demo_facts,
    demo_history,
    demo_proposals,
    exports,
    panels,
    panels_eligibility,
    panels_facts,
    panels_history,
    panels_proposals,
)
