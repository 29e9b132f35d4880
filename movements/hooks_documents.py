"""Panels (dashboard, bloc and movement pages) and demo data of the documents area, registered at start-up."""

from . import demo_documents, panels_documents  # noqa: F401
