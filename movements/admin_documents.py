"""Admin pages of the documents area: directives with their items, movements, and the blocs'
implementation plans with their solutions and tasks."""

from django.contrib import admin

from blocs.admin import ProvinceAdmin, ProvinceInlineMixin

from .models import Document, DocumentItem, ImplementationPlan, Movement, PlanSolution, PlanTask


class DocumentItemInline(ProvinceInlineMixin, admin.TabularInline):
    model = DocumentItem


@admin.register(Document)
class DocumentAdmin(ProvinceAdmin):
    list_display = ["__str__", "issued_on", "issuer", "title", "year_from", "year_to", "report_deadline"]
    list_filter = ["kind", "year_from"]
    search_fields = ["symbol", "title", "summary", "issuer__name"]
    autocomplete_fields = ["issuer"]
    list_select_related = ["issuer"]
    readonly_fields = ["created_by", "created_at"]
    inlines = [DocumentItemInline]


@admin.register(Movement)
class MovementAdmin(ProvinceAdmin):
    list_display = ["name", "kind", "year", "directive", "status", "join_from", "join_until"]
    list_filter = ["kind", "status", "year"]
    search_fields = ["name", "theme", "directive__symbol"]
    autocomplete_fields = ["directive", "blocs", "units"]
    list_select_related = ["directive"]


class PlanSolutionInline(ProvinceInlineMixin, admin.TabularInline):
    model = PlanSolution


class PlanTaskInline(ProvinceInlineMixin, admin.TabularInline):
    model = PlanTask
    autocomplete_fields = ["responsible"]
    fields = ["position", "text", "quarter", "due_on", "responsible", "status", "report"]


@admin.register(ImplementationPlan)
class ImplementationPlanAdmin(ProvinceAdmin):
    list_display = ["title", "bloc", "year", "directive", "adopted_on"]
    list_filter = ["year", "bloc"]
    search_fields = ["title", "bloc__name", "directive__symbol"]
    autocomplete_fields = ["bloc", "directive"]
    list_select_related = ["bloc", "directive"]
    readonly_fields = ["created_by"]
    inlines = [PlanSolutionInline, PlanTaskInline]
