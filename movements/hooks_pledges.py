"""Panels (dashboard, bloc and movement pages) and demo data of the pledges area, registered at start-up."""

from . import demo_pledges, panels_pledges  # noqa: F401
