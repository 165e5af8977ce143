"""GET /api/v1/territories"""

import pytest

from faisse.territories.models import Commune
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_lists_territories_with_commune_count_and_population(get_json):
    alpha = make_territory("Alpha", communes=3)  # populations 100, 200, 300
    Commune.objects.create(territory=alpha, insee="99999", name="Sans recensement")
    empty = make_territory("Bêta", communes=0)
    empty.legal_name = "Communauté de communes Bêta"
    empty.save()

    status, body, _ = get_json("/api/v1/territories")

    assert status == 200
    assert body == [
        {
            "slug": alpha.slug,
            "name": "Alpha",
            "legal_name": "",
            "siren": alpha.siren,
            "kind": "CC",
            "commune_count": 4,
            "population": 600,
        },
        {
            "slug": empty.slug,
            "name": "Bêta",
            "legal_name": "Communauté de communes Bêta",
            "siren": empty.siren,
            "kind": "CC",
            "commune_count": 0,
            "population": None,
        },
    ]


def test_empty_list(get_json):
    assert get_json("/api/v1/territories")[:2] == (200, [])


def test_query_count_does_not_grow_with_territories(get_json):
    make_territory(communes=2)
    *_, few = get_json("/api/v1/territories")
    for _ in range(10):
        make_territory(communes=20)
    status, body, many = get_json("/api/v1/territories")
    assert status == 200
    assert len(body) == 11
    assert few == many == 1
