"""What an official document is made of: the header of the two bodies and the national
motto, number and symbol, the place-and-date line, the type name and subject, a body of
headings, paragraphs and tables, the recipients and the signature block."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from blocs.text import nfc


def date_line(place: str, day: datetime.date | None) -> str:
    """"Lai Châu, ngày 05 tháng 01 năm 2026": a leading zero for days below 10 and for the
    months 01 and 02 (ND 30, Phụ lục I); blanks to fill by hand when the date is unknown."""
    if day is None:
        return f"{place}, ngày      tháng      năm"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


@dataclass
class Heading:
    text: str
    level: int = 1  # 1: "I. KẾT QUẢ …" (bold caps), 2: "1. …" (bold), 3: italic


@dataclass
class Paragraph:
    text: str
    italic: bool = False
    bold: bool = False
    center: bool = False  # the authority line and "QUYẾT ĐỊNH:" of a decision


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[int] | None = None  # relative widths of the columns
    numeric: set[int] = field(default_factory=set)  # columns aligned right
    caption: str = ""


@dataclass
class Signature:
    post: str  # "TRƯỞNG KHỐI", "GIÁM ĐỐC"
    name: str = ""
    prefix: str = ""  # "TM.", "KT.", "TL.", "Q."
    on_behalf_of: str = ""  # with TM.: "KHỐI THI ĐUA NỘI CHÍNH"; with KT.: the head's post
    signer_post: str = ""  # with KT.: the deputy's own post ("PHÓ GIÁM ĐỐC")

    @property
    def lines(self) -> list[str]:
        """The bold caps lines above the space for the signature."""
        if self.prefix == "TM.":
            return [f"TM. {self.on_behalf_of}".upper(), self.post.upper()]
        if self.prefix in ("KT.", "TL.", "Q."):
            head = self.on_behalf_of or self.post
            return [f"{self.prefix} {head}".upper(), (self.signer_post or self.post).upper()]
        return [self.post.upper()]


Block = Heading | Paragraph | Table


@dataclass
class OfficialDocument:
    parent_body: str  # "UBND TỈNH LAI CHÂU"
    issuing_body: str  # "KHỐI THI ĐUA NỘI CHÍNH"
    number: str  # "15/BC-KNC"; "" leaves "Số:   /BC-KNC" to number at signing
    symbol: str  # "BC-KNC"
    place: str
    date: datetime.date | None
    type_name: str  # "BÁO CÁO", "TỜ TRÌNH", "QUYẾT ĐỊNH", "BIÊN BẢN"
    subject: str
    blocks: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature | None = None
    landscape: bool = False

    def __post_init__(self) -> None:
        for name in ("parent_body", "issuing_body", "number", "symbol", "place", "type_name", "subject"):
            setattr(self, name, nfc(getattr(self, name) or ""))

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else f"Số:        /{self.symbol}"

    @property
    def date_line(self) -> str:
        return date_line(self.place, self.date)

    @property
    def recipient_lines(self) -> list[str]:
        """Each "- …;", the last one "- Lưu: VT, …." (ND 30)."""
        lines = [f"- {r.rstrip(';. ')};" for r in self.recipients if not r.startswith("Lưu")]
        archive = next((r for r in self.recipients if r.startswith("Lưu")), "Lưu: VT")
        return [*lines, f"- {archive.rstrip('.;')}."]
