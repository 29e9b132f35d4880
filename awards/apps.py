from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        # Panels on the dashboard, bloc and movement pages, and this app's demo data.
        from . import hooks  # noqa: F401
