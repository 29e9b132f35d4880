"""Panels of the awards app: proposals (registered through blocs.panels.register)."""
