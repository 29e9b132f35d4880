"""Admin of the awards app: history (imported by awards/admin.py). Notices, objections, council
sessions, decisions and award records are inspected here, read only: they change through the
app's screens, whose services check the states, lock and audit."""

from django.contrib import admin

from blocs.admin import ProvinceAdmin

from .models import AwardRecord, CouncilSession, CouncilVote, Decision, Objection, PublicNotice


class ReadOnlyAdmin(ProvinceAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PublicNotice)
class PublicNoticeAdmin(ReadOnlyAdmin):
    list_display = ["proposal", "starts_on", "ends_on", "channel"]
    list_select_related = ["proposal"]


@admin.register(Objection)
class ObjectionAdmin(ReadOnlyAdmin):
    list_display = ["sender_name", "notice", "status", "submitted_at"]
    list_filter = ["status"]
    list_select_related = ["notice__proposal"]


class CouncilVoteInline(admin.TabularInline):
    model = CouncilVote
    fields = ["nominee", "votes_for", "votes_against", "passed"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CouncilSession)
class CouncilSessionAdmin(ReadOnlyAdmin):
    list_display = ["held_on", "members_total", "members_present", "written_opinions", "chair"]
    inlines = [CouncilVoteInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "issuer", "year", "kind", "signed_on", "signer_name", "is_central"]
    list_filter = ["year", "kind", "is_central"]
    search_fields = ["issuer", "subject", "signer_name"]


@admin.register(AwardRecord)
class AwardRecordAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "title", "year", "decision_label", "amount", "source", "is_revoked"]
    list_filter = ["year", "source", "title"]
    search_fields = ["person__search_text", "unit__name", "decision_number"]
    list_select_related = ["person", "unit", "household", "title", "decision"]
