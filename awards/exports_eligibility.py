"""The "Xét điều kiện" list in Excel: one row per person or collective, with the result and
every reason short of a pass, each citing its article."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .eligibility import STATUS_LABELS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["STT", "Họ và tên / Tập thể", "Đơn vị", "Kết quả", "Lý do, lưu ý (căn cứ)"]
WIDTHS = {"A": 6, "B": 36, "C": 36, "D": 22, "E": 100}


def eligibility_workbook(rows, *, filters: dict) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.title = "Xet dieu kien"
    title = filters["danh_hieu"]
    sheet["A1"] = f"KẾT QUẢ XÉT ĐIỀU KIỆN {title.name.upper()} NĂM {filters['nam']}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for index, row in enumerate(rows, start=1):
        reasons = "\n".join(f"[{c.code}] {c.message} ({c.article})" for c in row.verdict.problems)
        unit = row.unit.name if row.unit else ""
        sheet.append([index, row.name, unit, STATUS_LABELS[row.verdict.status], reasons])
        sheet.cell(row=sheet.max_row, column=5).alignment = Alignment(
            wrap_text=True, vertical="top"
        )
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out
