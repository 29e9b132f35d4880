"""Panels (dashboard, bloc and movement pages) and demo data of the awards app, registered at start-up."""

from . import demo, exports, panels  # noqa: F401
