"""The award history search in Excel: the rows the search screen finds with the same
filters, scoped to the user who asked (the job's author, through ``history_search``). Run
as a background job (``blocs.jobs``), like the other exports."""

from __future__ import annotations

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from blocs.access import visible_units
from blocs.jobs import Progress, register
from blocs.models import Job, User

from .models import AwardRecord, Title
from .services.history import history_search

# The search screen's filters, as its query string names them.
FILTERS = ("q", "unit", "title", "year", "number", "revoked")
HEADERS = ["STT", "Cá nhân, tập thể", "Đơn vị khi được khen", "Danh hiệu, hình thức", "Năm", "Số quyết định",
           "Ngày quyết định", "Tiền thưởng (đồng)", "Ghi chú"]
WIDTHS = dict(zip("ABCDEFGHI", (6, 34, 36, 40, 8, 20, 14, 16, 40), strict=True))
HEADER_ROW = 4
_BATCH = 500


def filters_of(params: dict) -> dict[str, str]:
    return {k: str(params.get(k) or "").strip() for k in FILTERS}


def describe(user: User, filters: dict[str, str]) -> str:
    """The filters in words, for the sheet's second line (a unit is named only if the user sees it)."""
    parts = []
    if filters["q"]:
        parts.append(f"họ tên, tên tập thể “{filters['q']}”")
    if filters["unit"].isdigit():
        unit = visible_units(user).filter(pk=filters["unit"]).first()
        parts.append(f"đơn vị {unit.name if unit else filters['unit']}")
    if filters["title"].isdigit():
        title = Title.objects.filter(pk=filters["title"]).first()
        parts.append(title.name if title else f"danh hiệu {filters['title']}")
    if filters["year"].isdigit():
        parts.append(f"năm {filters['year']}")
    if filters["number"]:
        parts.append(f"số quyết định “{filters['number']}”")
    if filters["revoked"] == "an":
        parts.append("không kể khen thưởng đã thu hồi")
    return "Điều kiện lọc: " + ("; ".join(parts) if parts else "tất cả")


def _subject(record: AwardRecord) -> str:
    if record.person_id:
        return record.person.full_name
    return record.unit.name if record.unit_id else str(record.household)


def _note(record: AwardRecord) -> str:
    if not record.is_revoked:
        return ""
    return f"Đã thu hồi theo Quyết định số {record.revoked_by}: {record.revoked_reason}"


def _row(index: int, record: AwardRecord) -> list:
    return [
        index,
        _subject(record),
        record.unit_at_award.name if record.unit_at_award_id else "",
        record.title.name,
        record.year,
        record.decision_label,
        record.decision_date.strftime("%d/%m/%Y") if record.decision_date else "",
        record.amount,
        _note(record),
    ]


@register("awards_history", label="Xuất lịch sử khen thưởng (Excel)")
def export_history(job: Job, progress: Progress) -> tuple[str, bytes]:
    user = job.created_by
    filters = filters_of(job.params)
    records = history_search(user=user, **filters)
    total = records.count()
    book = Workbook()
    sheet = book.active
    sheet.title = "Lịch sử khen thưởng"
    sheet["A1"] = "LỊCH SỬ KHEN THƯỞNG"
    sheet["A2"] = describe(user, filters)
    sheet["A1"].font, sheet["A2"].font = Font(bold=True, size=14), Font(italic=True)
    sheet.merge_cells("A1:I1")
    sheet.merge_cells("A2:I2")
    for column, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, record in enumerate(records.iterator(chunk_size=_BATCH), start=1):
        sheet.append(_row(index, record))
        sheet.cell(row=sheet.max_row, column=8).number_format = "#,##0"
        if index % _BATCH == 0:
            progress(index, total)
    progress(total, total)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return f"lich-su-khen-thuong-{timezone.localdate():%Y%m%d}.xlsx", buffer.getvalue()
