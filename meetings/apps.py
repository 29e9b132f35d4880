from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Hội nghị, bình xét"

    def ready(self) -> None:
        # The review-report job kind, known to the web process (which queues it) and to the
        # worker (which runs it); the demo's loader, registered with blocs.demo.
        from . import demo, demo_congress, tasks  # noqa: F401
