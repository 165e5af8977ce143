"""Back office of the participatory process."""

from django.contrib import admin

from faisse.participation.models import ProcessStep


@admin.register(ProcessStep)
class ProcessStepAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "number",
        "phase",
        "kind",
        "starts_on",
        "ends_on",
        "date_precision",
        "territory",
        "plan",
    ]
    list_filter = ["territory", "phase", "kind"]
    list_select_related = ["territory", "plan"]
    search_fields = ["title"]
    date_hierarchy = "starts_on"
    ordering = ["territory", "position", "starts_on"]
