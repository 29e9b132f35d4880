"""Rendering an ``OfficialDocument`` to PDF bytes (WeasyPrint) and to DOCX bytes (python-docx)."""

from __future__ import annotations

import io

from django.template.loader import get_template, render_to_string

from .model import Heading, OfficialDocument, Paragraph, Table

FONT = "Times New Roman"  # in DOCX: the offices' Word has it; the PDF uses Liberation Serif


def render_html(doc: OfficialDocument) -> str:
    css = get_template("officialdocs/document.css").template.source
    return render_to_string("officialdocs/document.html", {"doc": doc, "css": css})


def render_pdf(doc: OfficialDocument) -> bytes:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    return HTML(string=render_html(doc)).write_pdf(font_config=FontConfiguration())


# --- DOCX ------------------------------------------------------------------------------------


def _run(paragraph, text: str, *, size: float = 14, bold: bool = False, italic: bool = False):
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = FONT
    run.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return run


def _para(container, text: str = "", *, align="center", size: float = 14, bold=False, italic=False,
          indent: bool = False, after: float = 0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    paragraph = container.add_paragraph()
    paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                           "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(1)
    if text:
        _run(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def _page_number_header(section) -> None:
    """A centred PAGE field in the header, none on the first page (ND 30)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = 1
    run = _run(paragraph, "", size=13)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _cell(cell, lines: list[tuple[str, dict]]) -> None:
    cell.paragraphs[0].text = ""
    first = True
    for text, style in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.alignment = style.pop("align", 1)
        paragraph.paragraph_format.space_after = 0
        _run(paragraph, text, **style)


def render_docx(doc: OfficialDocument) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_number_header(section)

    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    _cell(left, [(doc.parent_body.upper(), {"size": 12.5}), (doc.issuing_body.upper(), {"size": 12.5, "bold": True}),
                 ("———", {"size": 10}), (doc.number_line, {"size": 13})])
    _cell(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"size": 12.5, "bold": True}),
                  ("Độc lập - Tự do - Hạnh phúc", {"size": 13.5, "bold": True}), ("———————", {"size": 10}),
                  (doc.date_line, {"size": 13.5, "italic": True})])
    _para(document, "", after=6)
    _para(document, doc.type_name.upper(), bold=True)
    _para(document, doc.subject, bold=True, after=12)

    for block in doc.blocks:
        if isinstance(block, Heading):
            text = block.text.upper() if block.level == 1 else block.text
            _para(document, text, align="justify", bold=block.level < 3, italic=block.level >= 3, indent=True, after=6)
        elif isinstance(block, Paragraph):
            _para(document, block.text, align="center" if block.center else "justify", bold=block.bold,
                  italic=block.italic, indent=not block.center, after=6)
        elif isinstance(block, Table):
            if block.caption:
                _para(document, block.caption, align="left", italic=True, size=12)
            table = document.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                _cell(cell, [(text, {"size": 12, "bold": True})])
            _repeat_header(table.rows[0])
            for row in block.rows:
                cells = table.add_row().cells
                for i, (cell, text) in enumerate(zip(cells, row, strict=False)):
                    _cell(cell, [(str(text), {"size": 12, "align": 2 if i in block.numeric else 0})])
            _para(document, "", after=6)

    closing = document.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    if doc.recipients:
        _cell(left, [("Nơi nhận:", {"size": 12, "bold": True, "italic": True, "align": 0}),
                     *[(line, {"size": 11, "align": 0}) for line in doc.recipient_lines]])
    if doc.signature:
        _cell(right, [*[(line, {"size": 14, "bold": True}) for line in doc.signature.lines],
                      ("", {}), ("", {}), ("", {}), (doc.signature.name, {"size": 14, "bold": True})])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _repeat_header(row) -> None:
    """Mark the table's first row as a header repeated on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def download(doc: OfficialDocument, fmt: str, name: str):
    """*doc* rendered as *fmt* ("pdf" or "docx") in an attachment named ``name.fmt``; any other
    format does not exist (404)."""
    from django.http import FileResponse, Http404

    if fmt not in CONTENT_TYPES:
        raise Http404
    content = render_pdf(doc) if fmt == "pdf" else render_docx(doc)
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=f"{name}.{fmt}",
                        content_type=CONTENT_TYPES[fmt])
