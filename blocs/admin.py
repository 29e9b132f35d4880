from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from . import access
from .admin_site import is_province_admin
from .forms import NFCModelForm
from .models import (
    AuditLog,
    Bloc,
    BlocYear,
    Employment,
    Job,
    Membership,
    Person,
    TransferRequest,
    Unit,
    User,
)


class ProvinceAdmin(admin.ModelAdmin):
    """Admins and interior staff manage the province's data here; both see everything,
    so the querysets need no narrowing beyond what ``blocs.access`` gives them."""

    form = NFCModelForm

    # Which scoping function of blocs.access narrows this model's rows, if any.
    scope = None

    def _allowed(self, request) -> bool:
        return is_province_admin(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.scope is not None:
            queryset = queryset.filter(pk__in=self.scope(request.user).values("pk"))
        return queryset

    def has_module_permission(self, request) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request)


class ProvinceInlineMixin:
    """Inline rows follow their parent's admin (``ProvinceAdmin`` and its ``scope``): seen
    when the parent row is seen, edited when it may be changed, or added on its add page.
    Without this, inlines fall back to Django's model permissions, which interior staff do
    not hold, so the rows vanish from the parent's page."""

    extra = 0

    def _parent_admin(self):
        return self.admin_site.get_model_admin(self.parent_model)

    def _may_edit(self, request, obj) -> bool:
        parent = self._parent_admin()
        if obj is None:
            return parent.has_add_permission(request)
        return parent.has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._parent_admin().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may_edit(request, obj)


class MembershipInline(ProvinceInlineMixin, admin.TabularInline):
    model = Membership
    autocomplete_fields = ["unit"]


@admin.register(Unit)
class UnitAdmin(ProvinceAdmin):
    scope = staticmethod(access.visible_units)
    list_display = ["name", "short_name", "code", "kind", "parent", "active_to"]
    list_filter = ["kind", "has_legal_personality", "has_party_organisation", ("active_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "short_name", "code", "search_text"]
    autocomplete_fields = ["parent", "successors"]
    list_select_related = ["parent"]


@admin.register(Bloc)
class BlocAdmin(ProvinceAdmin):
    scope = staticmethod(access.visible_blocs)
    list_display = ["name", "kind", "level", "active_from", "active_to"]
    list_filter = ["kind", "level"]
    search_fields = ["name", "search_text"]


@admin.register(BlocYear)
class BlocYearAdmin(ProvinceAdmin):
    list_display = ["bloc", "year", "confirmed_at"]
    list_filter = ["year", "bloc__level"]
    search_fields = ["bloc__name"]
    autocomplete_fields = ["bloc"]
    inlines = [MembershipInline]
    list_select_related = ["bloc"]
    readonly_fields = ["confirmed_at", "confirmed_by"]


@admin.register(Membership)
class MembershipAdmin(ProvinceAdmin):
    list_display = ["unit", "bloc_year", "role", "lead_source"]
    list_filter = ["role", "lead_source", "bloc_year__year", "bloc_year__bloc"]
    search_fields = ["unit__name", "bloc_year__bloc__name"]
    autocomplete_fields = ["unit", "bloc_year"]
    list_select_related = ["unit", "bloc_year__bloc"]


class EmploymentInline(ProvinceInlineMixin, admin.TabularInline):
    model = Employment
    autocomplete_fields = ["unit"]


@admin.register(Person)
class PersonAdmin(ProvinceAdmin):
    scope = staticmethod(access.visible_people)
    list_display = ["full_name", "gender", "birth_year", "position", "unit"]
    list_filter = ["gender", "unit__kind"]
    search_fields = ["full_name", "search_text"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]
    inlines = [EmploymentInline]


@admin.register(Employment)
class EmploymentAdmin(ProvinceAdmin):
    list_display = ["person", "unit", "position", "start", "end"]
    list_filter = [("end", admin.EmptyFieldListFilter)]
    search_fields = ["person__full_name", "person__search_text", "unit__name"]
    autocomplete_fields = ["person", "unit"]
    list_select_related = ["person", "unit"]


@admin.register(TransferRequest)
class TransferRequestAdmin(ProvinceAdmin):
    list_display = ["person", "from_unit", "to_unit", "effective_on", "status"]
    list_filter = ["status"]
    search_fields = ["person__full_name", "person__search_text"]
    autocomplete_fields = ["person", "from_unit", "to_unit"]
    list_select_related = ["person", "from_unit", "to_unit"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Interior staff see accounts; only admins create or change them."""

    list_display = ["username", "first_name", "last_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active", "is_superuser"]
    search_fields = ["username", "first_name", "last_name", "email", "unit__name"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("TĐKT", {"fields": ["role", "unit"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        ("TĐKT", {"fields": ["role", "unit"]}),
    ]

    def has_module_permission(self, request) -> bool:
        return is_province_admin(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_province_admin(request.user)

    def has_add_permission(self, request) -> bool:
        return is_province_admin(request.user) and request.user.is_admin

    def has_change_permission(self, request, obj=None) -> bool:
        return is_province_admin(request.user) and request.user.is_admin

    def has_delete_permission(self, request, obj=None) -> bool:
        return is_province_admin(request.user) and request.user.is_admin


@admin.register(AuditLog)
class AuditLogAdmin(ProvinceAdmin):
    """The audit trail is read-only for everyone."""

    list_display = ["at", "actor", "action", "object_repr", "from_state", "to_state"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "action", "actor__username"]
    list_select_related = ["actor"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Job)
class JobAdmin(ProvinceAdmin):
    """Background jobs are inspected here; they are started and retried from the app."""

    list_display = ["pk", "kind", "status", "created_by", "created_at", "finished_at", "attempts"]
    list_filter = ["status", "kind"]
    search_fields = ["kind", "created_by__username", "error"]
    list_select_related = ["created_by"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
