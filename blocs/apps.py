from django.apps import AppConfig


class BlocsConfig(AppConfig):
    name = "blocs"
    verbose_name = "Tổ chức: đơn vị, khối thi đua, cá nhân"

    def ready(self) -> None:
        # Register the export job kinds (blocs.jobs keeps a registry filled at start-up).
        from . import exports  # noqa: F401
