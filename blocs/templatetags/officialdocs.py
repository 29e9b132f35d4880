"""Rendering one block of an official document's body as HTML (see blocs.officialdocs)."""

from django import template
from django.utils.html import format_html, format_html_join

from blocs.officialdocs.model import Heading, Paragraph, Table

register = template.Library()


@register.simple_tag
def block_html(block) -> str:
    if isinstance(block, Heading):
        return format_html("<h{0}>{1}</h{0}>", min(block.level, 3) + 1, block.text)
    if isinstance(block, Paragraph):
        classes = " ".join(c for c, on in (("italic", block.italic), ("bold", block.bold), ("center", block.center)) if on)
        return format_html('<p class="{}">{}</p>', classes, block.text)
    if isinstance(block, Table):
        widths = block.widths or [1] * len(block.headers)
        total = sum(widths) or 1
        cols = format_html_join("", '<col style="width:{}%">', ((round(100 * w / total, 2),) for w in widths))
        head = format_html_join("", "<th>{}</th>", ((h,) for h in block.headers))
        body = format_html_join(
            "", "<tr>{}</tr>",
            ((format_html_join("", '<td class="{}">{}</td>',
                               (("num" if i in block.numeric else "", cell) for i, cell in enumerate(row))),)
             for row in block.rows),
        )
        caption = format_html("<caption>{}</caption>", block.caption) if block.caption else ""
        return format_html("<table>{}<colgroup>{}</colgroup><thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
                           caption, cols, head, body)
    raise TypeError(f"Unknown block {block!r}")
