from django.contrib import admin

from faisse.locations.models import CommuneLink, CommuneRole, OutsidePlace


@admin.register(CommuneLink)
class CommuneLinkAdmin(admin.ModelAdmin):
    list_display = ["node", "commune", "origin", "evidence"]
    list_filter = ["origin", "plan"]
    list_select_related = ["node", "commune"]
    search_fields = ["commune__name", "node__title", "evidence"]
    raw_id_fields = ["node", "commune", "plan"]
    exclude = ["territory"]

    def save_model(self, request, obj, form, change):
        obj.territory_id = obj.plan.territory_id
        super().save_model(request, obj, form, change)


@admin.register(CommuneRole)
class CommuneRoleAdmin(admin.ModelAdmin):
    list_display = ["commune", "role", "evidence"]
    list_filter = ["role"]
    list_select_related = ["commune"]
    raw_id_fields = ["commune"]
    exclude = ["territory"]

    def save_model(self, request, obj, form, change):
        obj.territory_id = obj.commune.territory_id
        super().save_model(request, obj, form, change)


@admin.register(OutsidePlace)
class OutsidePlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "insee", "node", "evidence"]
    list_select_related = ["node"]
    search_fields = ["name", "node__title"]
    raw_id_fields = ["node", "plan"]
    exclude = ["territory"]

    def save_model(self, request, obj, form, change):
        obj.territory_id = obj.plan.territory_id
        super().save_model(request, obj, form, change)
