"""The Django admin is open to admins and interior staff only, whatever ``is_staff`` says."""

from types import MethodType

from django.contrib.admin import AdminSite
from django.http import HttpRequest


def _has_permission(self: AdminSite, request: HttpRequest) -> bool:
    user = request.user
    return user.is_active and user.is_authenticated and (user.is_admin or user.is_interior)


def restrict_admin_site(site: AdminSite) -> None:
    site.has_permission = MethodType(_has_permission, site)
    site.site_header = "TĐKT — Quản trị"
    site.site_title = "TĐKT"
    site.index_title = "Quản trị dữ liệu"
