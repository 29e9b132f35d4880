"""The navigation follows the user's role; the bloc-lead entry appears only in a year the
user's unit leads a bloc."""

from django.http import HttpRequest

from . import access

# Which navbar group a page belongs to, by its URL namespace (the dashboard has none).
SECTIONS = {"blocs": "organisation", "movements": "movements", "awards": "awards", "meetings": "movements"}


def _section(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.url_name == "dashboard" and not match.namespace:
        return "dashboard"
    return SECTIONS.get(match.namespace, "")


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav": {
            "province": user.sees_province,
            "manages_province": user.manages_province,
            "is_bloc_lead": access.is_bloc_lead(user),
            "admin_site": user.is_admin or user.is_interior,
            "role_label": user.get_role_display() if not user.is_superuser else "Quản trị hệ thống",
            "section": _section(request),
        }
    }
