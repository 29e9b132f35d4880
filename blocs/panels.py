"""Pages that other apps add to: the dashboard, a bloc's page, a movement's page.

``blocs`` cannot import the apps that depend on it, so they register panels here (in their
AppConfig.ready); a panel is ``func(request, **context) -> str | None`` returning HTML
(rendered from the registering app's own template) or None to show nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

Panel = Callable[..., str | None]
_PANELS: dict[str, list[tuple[int, Panel]]] = defaultdict(list)


def register(slot: str, *, order: int = 100) -> Callable[[Panel], Panel]:
    def decorator(panel: Panel) -> Panel:
        if panel not in [p for _, p in _PANELS[slot]]:
            _PANELS[slot].append((order, panel))
            _PANELS[slot].sort(key=lambda item: item[0])
        return panel

    return decorator


def render(slot: str, request: HttpRequest, **context) -> list[SafeString]:
    html = (panel(request, **context) for _order, panel in _PANELS[slot])
    return [mark_safe(fragment) for fragment in html if fragment]
