"""Template helpers: panels added by other apps, and Vietnamese number formats."""

from decimal import Decimal

from django import template
from django.utils.safestring import SafeString, mark_safe

from .. import panels as panel_registry

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot: str, **extra) -> SafeString:
    """``{% panels "dashboard" year=year %}``: the panels other apps registered for *slot*."""
    request = context["request"]
    return mark_safe("".join(panel_registry.render(slot, request, **extra)))


@register.filter
def vnd(value) -> str:
    """1234567 -> "1.234.567 đ" (dots group thousands in Vietnamese)."""
    if value is None or value == "":
        return ""
    number = int(Decimal(value).quantize(Decimal("1")))
    return f"{number:,}".replace(",", ".") + " đ"
