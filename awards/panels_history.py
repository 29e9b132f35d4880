"""Panels of the awards app: history (registered through blocs.panels.register)."""
