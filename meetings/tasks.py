"""Celery side of the meetings app: its job kinds (review reports) register on import, and
``blocs.run_job`` runs them."""

from .services import reports  # noqa: F401
