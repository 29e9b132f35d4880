"""Import of past awards from Excel: validated row by row, all or nothing.

Columns: STT, Họ và tên, Năm sinh, Mã cá nhân (a person's id, optional), Đơn vị (code or
name), Danh hiệu/hình thức (code or name), Năm, Loại hình, Số quyết định, Ngày quyết định
(dd/mm/yyyy), Số tiền. A collective's row leaves the person's columns empty. A person is
found by id, or by name (without diacritics), unit and year of birth; people unknown to the
system are reported, not created. Duplicates (same subject, title and year) are reported,
within the file and against the history already recorded. One bad row: nothing is saved,
and a workbook of the bad rows with an error column is given back.

A few queries whatever the size: the titles, units and people are read once each, the
existing history once, and the records are written with bulk_create.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from blocs.models import Person, Unit, User
from blocs.text import fold, nfc

from ..models import AwardKind, AwardRecord, AwardSource, Title
from .common import audit

COLUMNS = [
    ("stt", "STT"), ("name", "Họ và tên"), ("birth_year", "Năm sinh"), ("person_id", "Mã cá nhân"),
    ("unit", "Đơn vị"), ("title", "Danh hiệu/hình thức"), ("year", "Năm"), ("kind", "Loại hình"),
    ("number", "Số quyết định"), ("date", "Ngày quyết định"), ("amount", "Số tiền"),
]
HEADERS = {fold(label): key for key, label in COLUMNS}
EXAMPLE = [1, "Nguyễn Văn An", 1980, "", "cong-an", "LDTT", 2022, "Công trạng", "125/QĐ-CAT",
           "15/12/2022", 540000]


@dataclass
class ImportResult:
    created: int = 0
    errors: list[tuple[int, list[Any], str]] = field(default_factory=list)  # (row number, values, reason)
    report: bytes | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def template_workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Lich su khen thuong"
    sheet.append([label for _key, label in COLUMNS])
    sheet.append(EXAMPLE)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rows(file: IO[bytes]) -> tuple[list[Any], list[tuple[int, list[Any]]]]:
    """The header row as written, and the non-empty rows with their row numbers."""
    sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    labels = list(next(rows, []))
    body = [(n, list(r)) for n, r in enumerate(rows, start=2) if any(c not in (None, "") for c in r)]
    return labels, body


def _text(value) -> str:
    return "" if value is None else nfc(str(value))


def _int(value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace(".", "").replace(" ", "").strip()
    return int(text) if text.isdigit() else -1


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(_text(value), "%d/%m/%Y").date()
    except ValueError:
        return None


class _Lookups:
    """Everything the rows refer to, read once."""

    def __init__(self, rows: list[dict]):
        self.titles = {}
        for t in Title.objects.all():
            self.titles[fold(t.code)] = self.titles[fold(t.name)] = t
        self.units = {}
        for u in Unit.objects.all().only("pk", "code", "name", "short_name"):
            for key in (u.code, u.name, u.short_name):
                if key:
                    self.units.setdefault(fold(key), u)
        ids = {r["person_id"] for r in rows if isinstance(r["person_id"], int) and r["person_id"] > 0}
        names = {fold(r["name"]) for r in rows if r["name"]}
        people = Person.objects.filter(pk__in=ids) | Person.objects.filter(search_text__in=names)
        self.people_by_id, self.people_by_name = {}, {}
        for p in people:
            self.people_by_id[p.pk] = p
            self.people_by_name.setdefault((p.search_text, p.unit_id), []).append(p)
        self.kinds = {fold(str(label)): value for value, label in AwardKind.choices}
        self.kinds.update({value: value for value in AwardKind.values})


def _read(raw: list[Any], header: list[str | None]) -> dict:
    row = {key: None for key, _label in COLUMNS}
    for key, value in zip(header, raw, strict=False):
        if key:
            row[key] = value
    row["name"] = _text(row["name"])
    row["person_id"] = _int(row["person_id"])
    return row


def _subject(row: dict, unit: Unit | None, look: _Lookups) -> tuple[Person | None, str | None]:
    if row["person_id"]:
        person = look.people_by_id.get(row["person_id"])
        return (person, None) if person else (None, _("Không có cá nhân mã %(id)s.") % {"id": row["person_id"]})
    if unit is None:
        return None, _("Cần đơn vị để tìm cá nhân theo họ tên.")
    found = look.people_by_name.get((fold(row["name"]), unit.pk), [])
    birth = _int(row["birth_year"])
    if birth:
        found = [p for p in found if p.birth_year in (None, birth)]
    if len(found) != 1:
        problem = _("Không tìm thấy") if not found else _("Có nhiều người trùng họ tên")
        return None, _("%(p)s cá nhân “%(n)s” tại %(u)s; hãy ghi mã cá nhân.") % {
            "p": problem, "n": row["name"], "u": unit.name}
    return found[0], None


def _record(row: dict, look: _Lookups) -> tuple[AwardRecord | None, list[str]]:
    """The record a row describes, or the reasons it cannot be one."""
    problems = []
    unit = look.units.get(fold(_text(row["unit"]))) if row["unit"] else None
    if row["unit"] and unit is None:
        problems.append(_("Không có đơn vị “%(u)s”.") % {"u": _text(row["unit"])})
    title = look.titles.get(fold(_text(row["title"])))
    if title is None:
        problems.append(_("Không có danh hiệu, hình thức “%(t)s”.") % {"t": _text(row["title"])})
    year = _int(row["year"])
    if year is None or not 1945 <= year <= 2100:
        problems.append(_("Năm không hợp lệ."))
    kind = look.kinds.get(fold(_text(row["kind"])) or AwardKind.MERIT)
    if kind is None:
        problems.append(_("Loại hình “%(k)s” không hợp lệ.") % {"k": _text(row["kind"])})
    day = _date(row["date"]) if row["date"] not in (None, "") else None
    if row["date"] not in (None, "") and day is None:
        problems.append(_("Ngày quyết định phải theo dạng dd/mm/yyyy."))
    amount = _int(row["amount"])
    if amount == -1:
        problems.append(_("Số tiền phải là số nguyên (đồng)."))
    person = None
    if row["name"] or row["person_id"]:
        person, problem = _subject(row, unit, look)
        if problem:
            problems.append(problem)
        if title and not title.for_individual:
            problems.append(_("“%(t)s” không tặng cá nhân.") % {"t": title.name})
    elif unit is None and row["unit"] in (None, ""):
        problems.append(_("Cần họ tên cá nhân hoặc đơn vị (tập thể)."))
    elif title and not title.for_collective:
        problems.append(_("“%(t)s” không tặng tập thể.") % {"t": title.name})
    if problems:
        return None, problems
    return AwardRecord(
        person=person, unit=None if person else unit, unit_at_award=unit or (person.unit if person else None),
        title=title, year=year, kind=kind, decision_number=_text(row["number"]), decision_date=day,
        amount=amount, source=AwardSource.IMPORT,
    ), []


def _key(record: AwardRecord) -> tuple:
    return (record.person_id, record.unit_id, record.household_id, record.title_id, record.year)


def _report(header_row: list[Any], errors) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Dong loi"
    sheet.append(["Dòng", *header_row, "Lỗi"])
    for number, values, reason in errors:
        sheet.append([number, *[v if not isinstance(v, datetime.datetime) else v.date() for v in values], reason])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def history_import(*, actor: User, file: IO[bytes], file_name: str = "") -> ImportResult:
    """Check every row; save them all when none is wrong, else nothing and the report."""
    if not actor.manages_province:
        raise PermissionDenied
    labels, body = _rows(file)
    header = [HEADERS.get(fold(str(c))) if c is not None else None for c in labels]
    rows = [(n, raw, _read(raw, header)) for n, raw in body]
    look = _Lookups([r for _n, _raw, r in rows])
    result, records, seen = ImportResult(), [], {}
    for number, raw, row in rows:
        record, problems = _record(row, look)
        if record is not None:
            key = _key(record)
            if key in seen:
                problems = [_("Trùng với dòng %(n)s (cùng đối tượng, danh hiệu và năm).") % {"n": seen[key]}]
            seen.setdefault(key, number)
        if problems:
            result.errors.append((number, raw, " ".join(problems)))
        else:
            records.append((number, raw, record))
    existing = set(
        AwardRecord.objects.filter(year__in={r.year for *_x, r in records}, title__in={r.title_id for *_x, r in records})
        .values_list("person_id", "unit_id", "household_id", "title_id", "year")
    )
    for number, raw, record in records:
        if _key(record) in existing:
            result.errors.append((number, raw, _("Đã có trong lịch sử khen thưởng (cùng đối tượng, danh hiệu và năm).")))
    if result.errors:
        result.errors.sort(key=lambda e: e[0])
        result.report = _report(labels, result.errors)
        return result
    result.created = _save(actor, [r for *_x, r in records], file_name)
    return result


@transaction.atomic
def _save(actor: User, records: list[AwardRecord], file_name: str) -> int:
    created = AwardRecord.objects.bulk_create(records, batch_size=500)
    if created:
        audit(actor=actor, action="awards.history.imported", obj=created[0],
              data={"records": len(created), "file": file_name})
    return len(created)
