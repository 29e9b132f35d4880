"""Render a review report synchronously (scripts, scheduled jobs), through the same service
as the Celery job:

    python manage.py render_report --scope <bloc|province> --year 2024 --period h1|year \
        [--format pdf|docx] --out PATH

A bloc is named by its id or by its name (diacritics and case do not matter: "khoi thi dua
noi chinh" finds "Khối Thi đua Nội chính").
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from blocs.models import Bloc
from blocs.text import fold
from meetings.models import ReportFormat, ReportPeriod, ReviewReport
from meetings.services.reports import report_render, report_save


class Command(BaseCommand):
    help = "Kết xuất báo cáo sơ kết/tổng kết của một khối (theo mã) hoặc của tỉnh (province)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scope", required=True, help="Mã khối, cụm, hoặc 'province'.")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", choices=ReportPeriod.values, required=True)
        parser.add_argument("--format", choices=ReportFormat.values, default=ReportFormat.PDF)
        parser.add_argument("--out", required=True, help="Đường dẫn tệp kết quả.")

    def handle(self, *args, scope, year, period, format, out, **options) -> None:
        bloc = None if scope == "province" else self.find_bloc(scope)
        report = ReviewReport.objects.filter(bloc=bloc, year=year, period=period).first()
        try:
            if report is None:
                report = report_save(actor=None, bloc=bloc, year=year, period=period)
            version = report_render(actor=None, report=report, fmt=format)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        with version.file.open("rb") as handle:
            Path(out).write_bytes(handle.read())
        self.stdout.write(f"{out}: {report} — phiên bản {version.number}, {version.size} byte, sha256 {version.sha256}")

    @staticmethod
    def find_bloc(scope: str) -> Bloc:
        if scope.isdigit():
            found = list(Bloc.objects.filter(pk=int(scope)))
        else:
            found = list(Bloc.objects.filter(search_text=fold(scope))) or list(
                Bloc.objects.filter(search_text__contains=fold(scope)))
        if len(found) != 1:
            names = ", ".join(b.name for b in found[:5])
            raise CommandError(f"Không xác định được khối, cụm “{scope}”" + (f": {names}" if names else "."))
        return found[0]
