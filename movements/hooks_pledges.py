"""Panels (dashboard, bloc and movement pages) and demo data of the pledges area, registered at start-up."""
