"""Admin of territories and their member communes."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from faisse.territories.models import Commune, Territory


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "siren", "kind", "slug", "commune_count"]
    list_filter = ["kind"]
    search_fields = ["name", "legal_name", "siren", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(commune_count=Count("communes"))

    @admin.display(description=_("communes"), ordering="commune_count")
    def commune_count(self, territory: Territory) -> int:
        return territory.commune_count


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["name", "insee", "population", "territory"]
    list_filter = ["territory"]
    list_select_related = ["territory"]
    search_fields = ["name", "insee"]
    autocomplete_fields = ["territory"]
    # The boundary is a long GeoJSON document: show a summary, never an editable text area.
    exclude = ["boundary"]
    readonly_fields = ["boundary_summary"]

    @admin.display(description=_("contour simplifié"))
    def boundary_summary(self, commune: Commune) -> str:
        boundary = commune.boundary
        if not isinstance(boundary, dict) or not boundary.get("coordinates"):
            return "—"
        polygons = boundary["coordinates"]
        if boundary.get("type") == "Polygon":
            polygons = [polygons]
        try:
            points = sum(len(ring) for polygon in polygons for ring in polygon)
        except TypeError:
            return "—"
        return ngettext("%(type)s, %(count)s point", "%(type)s, %(count)s points", points) % {
            "type": boundary.get("type"),
            "count": points,
        }
