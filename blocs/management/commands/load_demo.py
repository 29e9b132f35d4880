"""``python manage.py load_demo``: load the Lai Châu demo (see ``blocs.demo``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from blocs.demo import CREATED_LABELS, NAMES_NOTICE, PASSWORD, account_scope, demo_load


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu minh họa tỉnh Lai Châu (đơn vị, khối, cụm, cá nhân, 5 tài khoản). "
        "Chạy lại nhiều lần không tạo trùng."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Nạp cả khi DEBUG=False (không dùng trên máy chủ thật).",
        )

    def handle(self, *args, force: bool = False, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "Từ chối nạp dữ liệu minh họa vì DEBUG=False: các tài khoản minh họa "
                f"(admin, noivu, …) có mật khẩu công khai «{PASSWORD}», ai biết cũng đăng "
                "nhập được, kể cả với quyền quản trị. Chỉ nạp trên máy phát triển; nếu "
                "thật sự muốn nạp vào môi trường này, thêm --force."
            )
        try:
            result = demo_load()
        except ValidationError as error:
            raise CommandError("Không nạp được dữ liệu minh họa: " + "; ".join(error.messages)) from error
        created = [f"{n} {CREATED_LABELS.get(key, key)}" for key, n in result.created.items() if n]
        self.stdout.write(
            self.style.SUCCESS(f"Đã nạp dữ liệu minh họa tỉnh Lai Châu (năm {result.year}).")
        )
        self.stdout.write("Tạo mới: " + (", ".join(created) if created else "không có gì (đã đủ)."))
        self.stdout.write(NAMES_NOTICE)
        self.stdout.write("\nTài khoản:")
        for user in result.accounts:
            unit = user.unit.name if user.unit else "—"
            self.stdout.write(
                f"  {user.username:<11} {user.get_role_display()} · {unit}\n"
                f"  {'':<11} thấy: {account_scope(user, result.year)}"
            )
        self.stdout.write(f"\nMật khẩu chung của các tài khoản: {PASSWORD}")
        if not settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG=False: hãy đổi hoặc khóa các tài khoản này."))
