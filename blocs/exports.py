"""Excel exports of the organisation's lists, scoped to the user who asked for them."""

from __future__ import annotations

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import selectors
from .jobs import Progress, register
from .models import Job

_BATCH = 500


def _workbook(title: str, headers: list[str]) -> tuple[Workbook, object]:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"
    return book, sheet


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@register("people_export", label="Xuất danh sách cá nhân (Excel)")
def export_people(job: Job, progress: Progress) -> tuple[str, bytes]:
    params = job.params
    people = selectors.person_list(
        user=job.created_by, year=params["year"], q=params.get("q", ""), unit=params.get("unit", "")
    )
    total = people.count()
    book, sheet = _workbook("Cá nhân", ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Đơn vị", "Ngày tuyển dụng"])
    for index, person in enumerate(people.iterator(chunk_size=_BATCH), start=1):
        sheet.append([
            index,
            person.full_name,
            person.get_gender_display(),
            person.birth_year,
            person.position,
            person.unit.name,
            _date(person.recruited_on),
        ])
        if index % _BATCH == 0:
            progress(index, total)
    progress(total, total)
    for column, width in zip("ABCDEFG", (6, 32, 10, 10, 28, 40, 16), strict=True):
        sheet.column_dimensions[column].width = width
    return f"ca-nhan-{timezone.localdate():%Y%m%d}.xlsx", _save(book)


@register("units_export", label="Xuất danh sách đơn vị (Excel)")
def export_units(job: Job, progress: Progress) -> tuple[str, bytes]:
    params = job.params
    units = selectors.unit_list(
        user=job.created_by,
        year=params["year"],
        **{k: params.get(k, "") for k in ("q", "kind", "status", "parent")},
    )
    total = units.count()
    book, sheet = _workbook("Đơn vị", ["STT", "Tên đơn vị", "Tên viết tắt", "Mã", "Loại hình", "Cấp trên", "Giải thể ngày"])
    for index, unit in enumerate(units.iterator(chunk_size=_BATCH), start=1):
        sheet.append([
            index,
            unit.name,
            unit.short_name,
            unit.code,
            unit.get_kind_display(),
            unit.parent.name if unit.parent else "",
            _date(unit.active_to),
        ])
    progress(total, total)
    for column, width in zip("ABCDEFG", (6, 45, 16, 16, 30, 40, 14), strict=True):
        sheet.column_dimensions[column].width = width
    return f"don-vi-{timezone.localdate():%Y%m%d}.xlsx", _save(book)
