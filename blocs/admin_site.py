"""The Django admin is open to admins and interior staff only, whatever ``is_staff`` says."""

from types import MethodType

from django import forms
from django.contrib.admin import AdminSite
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


def is_province_admin(user) -> bool:
    """Admins and interior staff; False for anonymous visitors (the admin login page asks)."""
    return user.is_authenticated and user.is_active and (user.is_admin or user.is_interior)


class ProvinceAdminLoginForm(AuthenticationForm):
    """The admin's own login: the same roles as ``is_province_admin``, whatever is_staff says."""

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if not is_province_admin(user):
            raise forms.ValidationError(
                _("Trang quản trị chỉ dành cho quản trị viên và cán bộ Sở Nội vụ."),
                code="not_province_admin",
            )


def _has_permission(self: AdminSite, request: HttpRequest) -> bool:
    return is_province_admin(request.user)


def restrict_admin_site(site: AdminSite) -> None:
    site.has_permission = MethodType(_has_permission, site)
    site.login_form = ProvinceAdminLoginForm
    site.site_header = "TĐKT — Quản trị"
    site.site_title = "TĐKT"
    site.index_title = "Quản trị dữ liệu"
