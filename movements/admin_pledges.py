"""Admin pages of the pledges area: for interior staff to look things up and correct
details. The locks of the services hold here too: a signed pledge's criteria and an approved
budget's lines are shown read-only (reopening is done in the app, with a reason)."""

from django.contrib import admin

from blocs.admin import ProvinceAdmin, ProvinceInlineMixin

from . import access
from .models import (
    Activity,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    Pledge,
    PledgeSignatory,
)


class _ProvinceInline(ProvinceInlineMixin, admin.TabularInline):
    """Inline rows under their parent's rule, read-only once the parent's ``locked_by``
    field is set (a signed pledge, an approved budget)."""

    locked_by = ""

    def _may_edit(self, request, obj) -> bool:
        locked = bool(self.locked_by) and obj is not None and getattr(obj, self.locked_by) is not None
        return super()._may_edit(request, obj) and not locked


class CriterionGroupInline(_ProvinceInline):
    model = CriterionGroup
    locked_by = "signed_on"


class PledgeSignatoryInline(_ProvinceInline):
    model = PledgeSignatory
    autocomplete_fields = ["unit"]


@admin.register(Pledge)
class PledgeAdmin(ProvinceAdmin):
    scope = staticmethod(access.visible_pledges)
    list_display = ["bloc", "year", "signed_on", "signing_meeting"]
    list_filter = ["year", ("signed_on", admin.EmptyFieldListFilter), "bloc__level"]
    search_fields = ["bloc__name", "signing_meeting"]
    autocomplete_fields = ["bloc"]
    list_select_related = ["bloc"]
    readonly_fields = ["signed_on", "created_by"]
    inlines = [CriterionGroupInline, PledgeSignatoryInline]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "text"] if obj is not None and obj.is_signed else fields


@admin.register(Criterion)
class CriterionAdmin(ProvinceAdmin):
    list_display = ["text", "group", "kind", "max_points"]
    list_filter = ["kind", "group__pledge__year"]
    search_fields = ["text", "group__name", "group__pledge__bloc__name"]
    list_select_related = ["group__pledge__bloc"]
    raw_id_fields = ["group"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "group":
            kwargs["queryset"] = CriterionGroup.objects.filter(pledge__signed_on__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _locked(self, obj) -> bool:
        return obj is not None and obj.group.pledge.is_signed

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and not self._locked(obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not self._locked(obj)


@admin.register(Activity)
class ActivityAdmin(ProvinceAdmin):
    scope = staticmethod(access.visible_activities)
    list_display = ["title", "bloc", "year", "quarter", "planned_on", "host", "status"]
    list_filter = ["year", "quarter", "status"]
    search_fields = ["title", "bloc__name", "host__name"]
    autocomplete_fields = ["bloc", "host"]
    list_select_related = ["bloc", "host"]


class BudgetLineInline(_ProvinceInline):
    model = BudgetLine
    locked_by = "approved_on"


class BudgetContributionInline(_ProvinceInline):
    model = BudgetContribution
    autocomplete_fields = ["unit"]
    locked_by = "approved_on"


@admin.register(Budget)
class BudgetAdmin(ProvinceAdmin):
    scope = staticmethod(access.visible_budgets)
    list_display = ["bloc", "year", "approved_on", "approved_at"]
    list_filter = ["year", ("approved_on", admin.EmptyFieldListFilter)]
    search_fields = ["bloc__name", "approved_at"]
    autocomplete_fields = ["bloc"]
    list_select_related = ["bloc"]
    readonly_fields = ["approved_on"]
    inlines = [BudgetLineInline, BudgetContributionInline]
