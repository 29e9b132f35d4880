from django.apps import AppConfig


class MovementsConfig(AppConfig):
    name = "movements"
    verbose_name = "Phong trào thi đua"

    def ready(self) -> None:
        # Panels on the dashboard and the bloc page, and this app's part of the demo data.
        from . import hooks_documents, hooks_pledges  # noqa: F401
