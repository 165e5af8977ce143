"""GET /api/v1/territories/{slug}/communes"""

import pytest

from faisse.territories.models import Commune
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_lists_communes_of_the_territory_by_name(get_json):
    territory = make_territory(communes=0)
    Commune.objects.create(territory=territory, insee="30189", name="Nîmes", population=148104)
    Commune.objects.create(territory=territory, insee="30007", name="Alès", population=42000)
    Commune.objects.create(
        territory=territory, insee="30010", name="Anduze", postal_codes=["30140"]
    )
    Commune.objects.create(territory=territory, insee="30131", name="Génolhac")
    Commune.objects.create(territory=territory, insee="30128", name="Générargues")
    make_territory(communes=3)  # another territory's communes stay out

    status, body, _ = get_json(f"/api/v1/territories/{territory.slug}/communes")

    assert status == 200
    assert [commune["name"] for commune in body] == [
        "Alès",
        "Anduze",
        "Générargues",  # French order: é sorts as e, not after z as a byte would
        "Génolhac",
        "Nîmes",
    ]
    assert body[1] == {
        "insee": "30010",
        "name": "Anduze",
        "postal_codes": ["30140"],
        "population": None,
        "action_count": 0,
    }


def test_territory_without_communes(get_json):
    territory = make_territory(communes=0)
    assert get_json(f"/api/v1/territories/{territory.slug}/communes")[:2] == (200, [])


def test_query_count_does_not_grow_with_communes(get_json):
    small = make_territory(communes=3)
    large = make_territory(communes=60)
    *_, few = get_json(f"/api/v1/territories/{small.slug}/communes")
    status, body, many = get_json(f"/api/v1/territories/{large.slug}/communes")
    assert status == 200
    assert len(body) == 60
    assert few == many == 3  # territory, communes, plan (none here)


def test_unknown_territory(get_json):
    status, body, _ = get_json("/api/v1/territories/nulle-part/communes")
    assert status == 404
    assert body == {"detail": "Territoire inconnu : « nulle-part »."}
