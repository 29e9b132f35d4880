"""The movements app's admin pages, one module per area."""

from . import admin_documents, admin_pledges  # noqa: F401
