"""The awards app in the Django admin: the catalogue is edited here; registrations are
inspected here and changed only through the app's screens (their states have rules)."""

from django.contrib import admin

from blocs.admin import ProvinceAdmin, ProvinceInlineMixin
from blocs.audit import audit_record

from . import services
from .models import (
    BlocRegistration,
    MovementAward,
    Registration,
    RegistrationEntry,
    RegistrationRound,
    Title,
)


@admin.register(Title)
class TitleAdmin(ProvinceAdmin):
    list_display = ["code", "name", "kind", "beneficiary", "level", "coefficient", "is_active"]
    list_filter = ["kind", "beneficiary", "level", "is_active"]
    search_fields = ["code", "name", "short_name"]
    ordering = ["kind", "position"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        action = "awards.title.updated" if change else "awards.title.created"
        audit_record(actor=request.user, action=action, obj=obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # A title in use is kept (and retired with "đang áp dụng"), never deleted.
        return False


@admin.register(MovementAward)
class MovementAwardAdmin(ProvinceAdmin):
    list_display = ["movement", "title", "quantity", "budget"]
    list_filter = ["title"]
    search_fields = ["movement__name", "title__name"]
    autocomplete_fields = ["movement"]
    list_select_related = ["movement", "title"]

    def save_model(self, request, obj, form, change) -> None:
        services.movement_award_save(actor=request.user, award=obj)

    def delete_model(self, request, obj) -> None:
        services.movement_award_delete(actor=request.user, award=obj)


class ReadOnlyAdmin(ProvinceAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RegistrationRound)
class RegistrationRoundAdmin(ReadOnlyAdmin):
    list_display = ["year", "opens_on", "deadline", "bloc_deadline", "movement"]
    list_select_related = ["movement"]


class EntryInline(ProvinceInlineMixin, admin.TabularInline):
    """Shown on the registration's page; read-only like its parent (``ReadOnlyAdmin``)."""

    model = RegistrationEntry
    can_delete = False
    readonly_fields = ["title", "person"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["unit", "round", "bloc", "status", "is_late", "submitted_at"]
    list_filter = ["round__year", "status", "is_late", "bloc"]
    search_fields = ["unit__name", "unit__search_text"]
    list_select_related = ["unit", "round", "bloc"]
    inlines = [EntryInline]


@admin.register(RegistrationEntry)
class RegistrationEntryAdmin(ReadOnlyAdmin):
    list_display = ["registration", "title", "person"]
    list_filter = ["title", "registration__round__year"]
    search_fields = ["person__full_name", "registration__unit__name"]
    list_select_related = ["registration__unit", "registration__round", "title", "person"]


@admin.register(BlocRegistration)
class BlocRegistrationAdmin(ReadOnlyAdmin):
    list_display = ["bloc", "round", "status", "is_late", "submitted_at", "acknowledged_at"]
    list_filter = ["round__year", "status"]
    list_select_related = ["bloc", "round"]

# Each area of the pipeline keeps its own admin module.
from . import admin_facts, admin_history, admin_proposals  # noqa: E402, F401
