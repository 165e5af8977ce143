"""A territory's address (/<slug>/) never hides one of the site's own pages."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLResolver, get_resolver

from faisse.territories.loading import TerritoryDataError, save_territory
from faisse.territories.models import RESERVED_SLUGS, Territory


def first_segments(patterns) -> set[str]:
    """The literal first address segments of the URL configuration (not `<slug>`)."""
    segments = set()
    for pattern in patterns:
        route = str(pattern.pattern)
        if not route:
            if isinstance(pattern, URLResolver):
                segments |= first_segments(pattern.url_patterns)
            continue
        head = route.lstrip("^").split("/")[0]
        if head and "<" not in head:
            segments.add(head)
    return segments


def test_every_first_segment_of_the_site_is_reserved():
    segments = first_segments(get_resolver().url_patterns)
    assert {"connexion", "compte", "api", "admin"} <= segments
    assert segments - RESERVED_SLUGS == set()


@pytest.mark.django_db
def test_a_reserved_slug_is_refused_by_the_model():
    territory = Territory(name="Connexion", slug="connexion")
    with pytest.raises(ValidationError) as error:
        territory.full_clean()
    assert "réservé" in str(error.value.message_dict["slug"])


@pytest.mark.django_db
def test_a_reserved_slug_is_refused_by_the_loader(ales_data):
    with pytest.raises(TerritoryDataError, match="réservé"):
        save_territory(ales_data, slug="compte")
    assert not Territory.objects.exists()
