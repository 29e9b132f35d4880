"""Admin of the awards app: rule sets, their title rules, the base salary, the public
holidays and the bloc rankings (imported by awards/admin.py). Interior staff see them; only
admins change them, and every change is written to the audit log with the changed fields
before and after. Rankings are entered on their own screen (Xếp hạng khối, cụm); the admin
is for corrections."""

from django.contrib import admin

from blocs.admin import ProvinceAdmin, ProvinceInlineMixin

from .models import BaseSalary, BlocRanking, PublicHoliday, RuleSet, TitleRule
from .services.facts import rule_record_delete, rule_record_save


class AdminEditsOnly(ProvinceAdmin):
    """Viewed by admins and interior staff; added, changed and deleted by admins only."""

    audit_prefix = ""

    def _edits(self, request) -> bool:
        return self._allowed(request) and request.user.is_admin

    def has_add_permission(self, request) -> bool:
        return self._edits(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._edits(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._edits(request)

    def save_model(self, request, obj, form, change) -> None:
        rule_record_save(actor=request.user, obj=obj, action_prefix=self.audit_prefix)

    def delete_model(self, request, obj) -> None:
        rule_record_delete(actor=request.user, obj=obj, action_prefix=self.audit_prefix)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


class TitleRuleInline(ProvinceInlineMixin, admin.TabularInline):
    model = TitleRule
    fields = [
        "title", "decider", "coefficient", "individual_coefficient", "vote_threshold_percent",
        "needs_public_notice", "central_deadline_day", "central_deadline_month", "source",
    ]


@admin.register(RuleSet)
class RuleSetAdmin(AdminEditsOnly):
    audit_prefix = "awards.rule_set"
    list_display = ["name", "code", "effective_from", "effective_to"]
    search_fields = ["code", "name"]
    inlines = [TitleRuleInline]

    def save_formset(self, request, form, formset, change) -> None:
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            rule_record_delete(actor=request.user, obj=obj, action_prefix="awards.title_rule")
        for obj in instances:
            rule_record_save(actor=request.user, obj=obj, action_prefix="awards.title_rule")
        formset.save_m2m()


@admin.register(BaseSalary)
class BaseSalaryAdmin(AdminEditsOnly):
    audit_prefix = "awards.base_salary"
    list_display = ["effective_from", "amount", "legal_basis"]


@admin.register(PublicHoliday)
class PublicHolidayAdmin(AdminEditsOnly):
    audit_prefix = "awards.public_holiday"
    list_display = ["date", "name", "source"]
    search_fields = ["name"]
    date_hierarchy = "date"


@admin.register(BlocRanking)
class BlocRankingAdmin(AdminEditsOnly):
    audit_prefix = "awards.bloc_ranking"
    list_display = ["bloc", "year", "rank", "unit", "score", "source"]
    list_filter = ["year", "bloc"]
    list_select_related = ["bloc", "unit"]
    search_fields = ["unit__name", "bloc__name"]
    autocomplete_fields = ["bloc", "unit"]
    readonly_fields = ["recorded_by", "recorded_at"]

    def save_model(self, request, obj, form, change) -> None:
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
