"""The single place where the API looks up a territory.

Every endpoint under /territories/{slug}/ goes through `get_territory`, so that access rules
(authentication, permissions per territory) can be added here once.
"""

from django.core.validators import slug_re
from django.http import HttpRequest
from ninja.errors import HttpError

from faisse.territories.models import Territory


def visible_territories(request: HttpRequest):
    """The territories the request may see: all of them while the API is public."""
    return Territory.objects.all()


def get_territory(request: HttpRequest, slug: str) -> Territory:
    # A value that cannot be a slug (a NUL byte, which PostgreSQL refuses in a query) is
    # answered without asking the database.
    territory = None
    if slug_re.fullmatch(slug):
        territory = visible_territories(request).filter(slug=slug).first()
    if territory is None:
        shown = slug if slug.isprintable() else repr(slug)
        raise HttpError(404, f"Territoire inconnu : « {shown} ».")
    return territory
