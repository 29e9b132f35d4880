"""Checks for uploaded files: signed documents must really be PDFs, and not too large."""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_PDF_MB = 20


def sha256_of(upload) -> str:
    """The SHA-256 of an uploaded (or opened) file, read in chunks; the file is rewound."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def validate_pdf(upload: UploadedFile, *, max_mb: int = MAX_PDF_MB) -> None:
    """Refuse anything that is not a PDF by its content (the name is not trusted), or is
    larger than *max_mb*."""
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("Tệp quá lớn (%(size).1f MB); tối đa %(max)s MB.")
            % {"size": upload.size / 1024 / 1024, "max": max_mb},
            code="too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    # A PDF starts with "%PDF-" within its first kilobyte (ISO 32000-1, 7.5.2).
    if b"%PDF-" not in head:
        raise ValidationError(
            _("Tệp “%(name)s” không phải là PDF. Hãy tải lên bản scan hoặc bản ký số dạng PDF.")
            % {"name": upload.name},
            code="not_pdf",
        )


class PDFFileField(forms.FileField):
    """A file field that accepts only real PDFs; the browser is told to offer PDFs too."""

    def __init__(self, *args, max_mb: int = MAX_PDF_MB, **kwargs):
        self.max_mb = max_mb
        kwargs.setdefault("help_text", _("Tệp PDF, tối đa %(max)s MB.") % {"max": max_mb})
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "application/pdf,.pdf")

    def clean(self, data, initial=None):
        cleaned = super().clean(data, initial)
        if cleaned and cleaned is not initial and hasattr(cleaned, "read"):
            validate_pdf(cleaned, max_mb=self.max_mb)
        return cleaned
