"""Pledges with their criteria, a bloc's work plan and budget (filled in by that area)."""

urlpatterns: list = []
