"""What a territory's public site says of itself: mentions légales, the accessibility
statement RGAA asks for, personal data, contact; its header colour and logo.

Every page is written from the territory's own details (TerritorySite, filled by its
administrators in the management space); a detail not given yet is said plainly, never
left as a blank. One query for the details, whatever the page.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from faisse.territories.models import Territory, TerritorySite

PAGES = {
    "legal": _("Mentions légales"),
    "accessibility": _("Accessibilité"),
    "privacy": _("Données personnelles"),
    "contact": _("Contact"),
}
YEAR = 365 * 24 * 3600


def _site(territory: Territory) -> TerritorySite:
    return TerritorySite.objects.filter(territory=territory).first() or TerritorySite(
        territory=territory
    )


@require_safe
def site_page(request, slug, page):
    territory = get_object_or_404(Territory, slug=slug)
    if page not in PAGES:
        raise Http404("Unknown page")
    context = {
        "territory": territory,
        "site": _site(territory),
        "page": page,
        "page_title": PAGES[page],
        "pages": PAGES,
        "source_url": getattr(settings, "FAISSE_SOURCE_URL", ""),
    }
    return render(request, f"portal/site_{page}.html", context)


@require_safe
def theme(request, slug):
    """The territory's colours as CSS custom properties (no inline style: the
    Content-Security-Policy allows none). Cached a year: the URL carries a version."""
    territory = get_object_or_404(Territory, slug=slug)
    css = f":root {{ --header: {territory.header_color}; }}\n" if territory.header_color else ""
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response


@require_safe
def logo(request, slug):
    territory = get_object_or_404(Territory, slug=slug)
    site = TerritorySite.objects.filter(territory=territory).exclude(logo=None).first()
    if site is None or not site.logo:
        raise Http404("No logo")
    response = HttpResponse(bytes(site.logo), content_type=site.logo_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response
