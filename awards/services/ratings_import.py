"""Ratings from Excel, per unit and year: a template prefilled with the unit's people, and
its upload, checked row by row and saved all-or-nothing in a fixed number of queries.

Rows left without a rating are skipped; every row with one replaces the person's rating
for that year. One bad row saves nothing: the caller shows the bad rows and offers the
file back with an error column.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from blocs.models import Unit, User
from blocs.text import nfc

from ..access_facts import people_of_unit_year
from ..models import Rating
from .common import audit
from .facts import RatingLine, replace_person_ratings

MAX_MB = 5
HEADERS = ["STT", "Mã cá nhân", "Họ và tên", "Năm sinh", "Xếp loại", "Văn bản/ghi chú"]
ID_COL, NAME_COL, RATING_COL, SOURCE_COL = 1, 2, 4, 5  # zero-based, in HEADERS
ERROR_FILL = PatternFill("solid", fgColor="FFF2CC")


def _key(value: str) -> str:
    return " ".join(nfc(value).casefold().split())


# A rating may be typed as its code or its full Vietnamese name, in any case.
RATING_BY_TEXT = {_key(code): code for code in Rating.values} | {
    _key(str(label)): code for code, label in Rating.choices
}


@dataclass
class RowError:
    row: int
    message: str


@dataclass
class ImportResult:
    saved: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_file: bytes | None = None


def ratings_template(*, unit: Unit, year: int) -> bytes:
    """An .xlsx listing the people employed in *unit* in *year*, ready to fill in."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Xep loai {year}"
    sheet.append([_("Kết quả đánh giá, xếp loại năm %(y)s — %(u)s") % {"y": year, "u": unit.name}])
    sheet.append([_("Xếp loại: HTXSNV, HTTNV, HTNV hoặc KHTNV. Không sửa cột Mã cá nhân; "
                    "dòng để trống Xếp loại thì bỏ qua.")])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for number, person in enumerate(people_of_unit_year(unit.pk, year), start=1):
        sheet.append([number, person.pk, person.full_name, person.birth_year, "", ""])
    choices = DataValidation(type="list", formula1='"' + ",".join(Rating.values) + '"', allow_blank=True)
    sheet.add_data_validation(choices)
    choices.add(f"E4:E{max(sheet.max_row, 4) + 200}")
    for column, width in zip("ABCDEF", (6, 12, 32, 10, 12, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _open(upload: UploadedFile):
    if upload.size > MAX_MB * 1024 * 1024:
        raise ValidationError(_("Tệp quá lớn; tối đa %(m)s MB.") % {"m": MAX_MB})
    upload.seek(0)
    data = upload.read()
    # An .xlsx is a zip archive: anything else (an old .xls, a CSV, a renamed PDF) is refused.
    if not data.startswith(b"PK\x03\x04"):
        raise ValidationError(_("Tệp “%(n)s” không phải tệp Excel .xlsx. Hãy dùng tệp mẫu tải về từ trang này.")
                              % {"n": upload.name})
    try:
        return load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise ValidationError(_("Tệp Excel “%(n)s” bị hỏng hoặc không đọc được.") % {"n": upload.name}) from None


def _header_row(sheet) -> int:
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_row=15, values_only=True), start=1):
        texts = [_key(str(v)) if v is not None else "" for v in row]
        if _key(HEADERS[ID_COL]) in texts and _key(HEADERS[RATING_COL]) in texts:
            return number
    raise ValidationError(_("Không thấy dòng tiêu đề (Mã cá nhân, Xếp loại). Hãy dùng tệp mẫu tải về từ trang này."))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _check_row(cells: tuple, names: dict[int, str], seen: dict[int, int], number: int, context: dict):
    """The row's RatingLine, or its error message, or None for a row to skip."""
    person_text, name, rating_text = (_text(cells[i]) if i < len(cells) else "" for i in (ID_COL, NAME_COL, RATING_COL))
    source = _text(cells[SOURCE_COL]) if SOURCE_COL < len(cells) else ""
    if not rating_text:
        return None
    if not person_text.isdigit():
        return _("Thiếu mã cá nhân.") if not person_text else _("Mã cá nhân “%(v)s” không hợp lệ.") % {"v": person_text}
    person_id = int(person_text)
    if person_id not in names:
        return _("Mã cá nhân %(id)s không có trong danh sách cán bộ của %(u)s năm %(y)s.") % {
            "id": person_id, **context}
    if _key(name) != _key(names[person_id]):
        return _("Họ và tên “%(n)s” không khớp với mã cá nhân %(id)s (%(r)s).") % {
            "n": name, "id": person_id, "r": names[person_id]}
    if person_id in seen:
        return _("Cá nhân %(n)s (mã %(id)s) đã có ở dòng %(r)s.") % {
            "n": names[person_id], "id": person_id, "r": seen[person_id]}
    rating = RATING_BY_TEXT.get(_key(rating_text))
    if rating is None:
        return _("Xếp loại “%(v)s” không hợp lệ: dùng HTXSNV, HTTNV, HTNV hoặc KHTNV.") % {"v": rating_text}
    if len(source) > 200:
        return _("Văn bản/ghi chú dài quá 200 ký tự.")
    seen[person_id] = number
    return RatingLine(person_id, rating, source)


def _error_copy(book, sheet, header: int, errors: list[RowError]) -> bytes:
    column = sheet.max_column + 1
    sheet.cell(row=header, column=column, value=_("Lỗi")).font = Font(bold=True, color="C00000")
    for error in errors:
        cell = sheet.cell(row=error.row, column=column, value=error.message)
        cell.font = Font(color="C00000")
        cell.fill = ERROR_FILL
    sheet.column_dimensions[cell.column_letter].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@transaction.atomic
def ratings_import(*, actor: User, unit: Unit, year: int, upload: UploadedFile) -> ImportResult:
    """Check every row of *upload*; if all are good, replace the listed people's ratings of
    *year* (rated by *unit*). Raises ValidationError for a file that cannot be read."""
    book = _open(upload)
    sheet = book.worksheets[0]
    header = _header_row(sheet)
    names = dict(people_of_unit_year(unit.pk, year).values_list("pk", "full_name"))
    context = {"u": unit.name, "y": year}
    result, lines, seen = ImportResult(), [], {}
    for number, cells in enumerate(sheet.iter_rows(min_row=header + 1, values_only=True), start=header + 1):
        if not any(v not in (None, "") for v in cells):
            continue
        outcome = _check_row(cells, names, seen, number, context)
        if outcome is None:
            result.skipped += 1
        elif isinstance(outcome, RatingLine):
            lines.append(outcome)
        else:
            result.errors.append(RowError(number, outcome))
    if result.errors:
        result.error_file = _error_copy(book, sheet, header, result.errors)
        return result
    if not lines:
        raise ValidationError(_("Tệp không có dòng nào đã điền Xếp loại."))
    result.saved, _deleted = replace_person_ratings(actor=actor, unit=unit, year=year, lines=lines)
    audit(actor=actor, action="awards.ratings.imported", obj=unit,
          data={"year": year, "saved": result.saved, "skipped": result.skipped, "file": upload.name})
    return result
