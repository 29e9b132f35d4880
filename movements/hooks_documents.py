"""Panels (dashboard, bloc and movement pages) and demo data of the documents area, registered at start-up."""
