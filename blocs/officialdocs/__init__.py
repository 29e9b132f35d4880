"""Official documents in the layout of Decree 30/2020/NĐ-CP, as PDF (WeasyPrint) and as an
editable DOCX (python-docx), both from one description (``OfficialDocument``).

This module knows the layout only: the apps above (awards' submissions and draft decisions,
meetings' review reports and minutes) build the content.
"""

from .model import Heading, OfficialDocument, Paragraph, Signature, Table, date_line
from .render import CONTENT_TYPES, download, render_docx, render_pdf

__all__ = [
    "CONTENT_TYPES",
    "download",
    "Heading",
    "OfficialDocument",
    "Paragraph",
    "Signature",
    "Table",
    "date_line",
    "render_docx",
    "render_pdf",
]
