"""Vietnamese text helpers: NFC on the way in, a folded form for searching."""

import unicodedata

# đ/Đ are letters of their own, not d with a combining mark: NFD leaves them alone.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(value: str) -> str:
    """Return *value* in Unicode NFC with surrounding white space removed."""
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str) -> str:
    """Lower-case *value* without diacritics: "Nguyễn Văn Á" -> "nguyen van a"."""
    decomposed = unicodedata.normalize("NFD", value.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def nfc_fields(instance) -> None:
    """Normalise every text field of a model *instance* to NFC (for callers other than forms)."""
    from django.db import models

    for field in instance._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, nfc(value))
