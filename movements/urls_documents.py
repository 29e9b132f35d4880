"""Directives and plans, movements, bloc implementation plans (filled in by that area)."""

urlpatterns: list = []
