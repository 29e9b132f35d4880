"""Panels of the awards app: facts (registered through blocs.panels.register)."""
