"""Back office of the plan: plans with their challenges, nodes and shared placements.

The `territory` column of plan-owned rows is never typed by hand: it is copied from the plan.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from faisse.plans.models import Challenge, Plan, PlanNode, SharedPlacement


class ChallengeInline(admin.StackedInline):
    model = Challenge
    fields = ["position", "title", "points"]
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "territory", "period_label", "status", "adopted_on"]
    list_filter = ["status", "territory"]
    list_select_related = ["territory"]
    search_fields = ["title", "territory__name"]
    autocomplete_fields = ["predecessor"]
    inlines = [ChallengeInline]
    fieldsets = [
        (None, {"fields": ["territory", "title", "status", "adopted_on", "predecessor"]}),
        (_("Période"), {"fields": ["period_start", "period_end"]}),
        (_("Ambition"), {"fields": ["ambition_motto", "ambition_text"]}),
        (_("Origine"), {"fields": ["source_name"]}),
    ]

    @admin.display(description=_("période"))
    def period_label(self, obj: Plan) -> str:
        return obj.period_label

    def save_formset(self, request, form, formset, change):
        challenges = formset.save(commit=False)
        for challenge in challenges:
            challenge.territory_id = form.instance.territory_id
            challenge.save()
        for challenge in formset.deleted_objects:
            challenge.delete()
        formset.save_m2m()


@admin.register(PlanNode)
class PlanNodeAdmin(admin.ModelAdmin):
    list_display = ["kind", "number", "title", "plan"]
    list_display_links = ["kind", "number", "title"]
    list_filter = ["kind", "plan"]
    list_select_related = ["plan"]
    search_fields = ["title", "number"]
    raw_id_fields = ["parent"]
    fields = [
        "plan",
        "parent",
        "kind",
        "number",
        "title",
        "description",
        "position",
        "source_line",
    ]

    def save_model(self, request, obj, form, change):
        obj.territory_id = obj.plan.territory_id
        super().save_model(request, obj, form, change)


@admin.register(SharedPlacement)
class SharedPlacementAdmin(admin.ModelAdmin):
    list_display = ["node", "parent", "plan", "position"]
    list_filter = ["plan"]
    list_select_related = ["node", "parent", "plan"]
    search_fields = ["node__title", "parent__title"]
    raw_id_fields = ["node", "parent"]
    fields = ["plan", "node", "parent", "position"]

    def save_model(self, request, obj, form, change):
        obj.territory_id = obj.plan.territory_id
        super().save_model(request, obj, form, change)


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "position"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["title"]
    fields = ["plan", "position", "title", "points"]

    def save_model(self, request, obj, form, change):
        obj.territory_id = obj.plan.territory_id
        super().save_model(request, obj, form, change)
