"""Panels of the awards app: eligibility (registered through blocs.panels.register)."""
