"""Admin of the awards app: proposals, nominees, their documents and history (imported by
awards/admin.py). Read only: every change goes through the proposal screens and services,
which check the state and write the history."""

from django.contrib import admin

from blocs.admin import ProvinceAdmin

from .models import Nominee, Proposal, ProposalDocument, ProposalEvent


class ReadOnlyProposalAdmin(ProvinceAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class NomineeInline(admin.TabularInline):
    model = Nominee
    fk_name = "proposal"
    extra = 0
    fields = ["person", "unit", "household", "title", "period_from", "period_to", "outcome", "override_reason"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class EventInline(admin.TabularInline):
    model = ProposalEvent
    extra = 0
    fields = ["at", "action", "from_status", "to_status", "actor", "comment"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyProposalAdmin):
    list_display = ["subject", "proposing_unit", "bloc", "year", "kind", "status", "is_late", "submitted_at"]
    list_filter = ["status", "year", "kind", "to_central", "is_late"]
    search_fields = ["subject", "document_number", "proposing_unit__name"]
    list_select_related = ["proposing_unit", "bloc"]
    inlines = [NomineeInline, EventInline]


@admin.register(Nominee)
class NomineeAdmin(ReadOnlyProposalAdmin):
    list_display = ["__str__", "proposal", "title", "outcome"]
    list_filter = ["outcome", "title"]
    search_fields = ["person__full_name", "unit__name", "household__head_name"]
    list_select_related = ["proposal", "title", "person", "unit", "household"]


@admin.register(ProposalDocument)
class ProposalDocumentAdmin(ReadOnlyProposalAdmin):
    list_display = ["original_name", "proposal", "kind", "nominee", "size", "uploaded_at", "replaced_by"]
    list_filter = ["kind"]
    search_fields = ["original_name", "sha256"]
    list_select_related = ["proposal", "nominee", "replaced_by"]
