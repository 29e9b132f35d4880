"""The consolidated registrations of a bloc or of the province, in Excel, as offices lay
them out: a unit header row, then one row per registrant (the collective first, then each
person) with the titles and forms registered. Run as a background job (``blocs.jobs``),
scoped to the user who asked for it."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from blocs.jobs import Progress, register
from blocs.models import Bloc, Job

from . import exports_history, selectors  # noqa: F401  (exports_history registers its job kind)
from .models import Registration

HEADERS = ["STT", "Họ và tên / Tập thể", "Chức vụ", "Danh hiệu thi đua", "Hình thức khen thưởng", "Ghi chú"]
WIDTHS = (6, 40, 28, 40, 40, 16)
HEADER_ROW = 4
NO_BLOC = "Đơn vị không thuộc khối thi đua cấp tỉnh (gửi Sở Nội vụ)"
BLOC_FILL = PatternFill("solid", fgColor="D9D9D9")
UNIT_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")


def roman(number: int) -> str:
    """1 -> "I", 14 -> "XIV": the numbering of groups in Vietnamese tables."""
    values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in values:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _heading(sheet: Worksheet, year: int, scope: str) -> None:
    sheet["A1"] = f"BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM {year}"
    sheet["A2"] = scope
    for cell, font in (("A1", Font(bold=True, size=14)), ("A2", Font(italic=True))):
        sheet[cell].font = font
        sheet[cell].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("A2:F2")
    for column, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions["ABCDEF"[index]].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _styled_row(sheet: Worksheet, values: list, fill: PatternFill) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font, cell.fill = Font(bold=True), fill


def write_sheet(sheet: Worksheet, year: int, scope: str, registrations: list[Registration],
                by_bloc: bool, progress: Progress) -> dict[str, int]:
    _heading(sheet, year, scope)
    totals = {"units": 0, "collectives": 0, "people": 0}
    current_bloc: object = ...
    for done, registration in enumerate(registrations, start=1):
        if by_bloc and registration.bloc_id != current_bloc:
            current_bloc = registration.bloc_id
            _styled_row(sheet, ["", registration.bloc.name if registration.bloc else NO_BLOC], BLOC_FILL)
        totals["units"] += 1
        late = "Nộp muộn" if registration.is_late else ""
        _styled_row(sheet, [roman(totals["units"]), registration.unit.name, "", "", "", late], UNIT_FILL)
        for number, (kind, line) in enumerate(registration.lines, start=1):
            sheet.append([number, *line, ""])
            for cell in sheet[sheet.max_row]:
                cell.alignment = WRAP
            totals[kind] += 1
        progress(done, len(registrations))
    sheet.append([])
    sheet.append(["", f"Tổng cộng: {totals['units']} đơn vị; {totals['collectives']} tập thể, "
                      f"{totals['people']} cá nhân đăng ký."])
    sheet[sheet.max_row][1].font = Font(bold=True)
    return totals


@register("awards_registrations", label="Xuất bảng tổng hợp đăng ký thi đua (Excel)")
def export_registrations(job: Job, progress: Progress) -> tuple[str, bytes]:
    year, bloc_id = int(job.params["year"]), job.params.get("bloc")
    registrations = selectors.consolidated_registrations(
        user=job.created_by, year=year, bloc_id=bloc_id
    )
    bloc = Bloc.objects.filter(pk=bloc_id).first() if bloc_id else None
    book = Workbook()
    sheet = book.active
    sheet.title = f"Đăng ký {year}"
    scope = bloc.name if bloc else "Toàn tỉnh"
    write_sheet(sheet, year, scope, registrations, by_bloc=bloc is None, progress=progress)
    progress(len(registrations), len(registrations))
    buffer = io.BytesIO()
    book.save(buffer)
    suffix = f"khoi-{bloc.pk}" if bloc else "toan-tinh"
    return f"dang-ky-thi-dua-{year}-{suffix}.xlsx", buffer.getvalue()
