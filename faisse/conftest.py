"""Guardrails shared by every test."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, settings):
    """Files written by a test go to its own temporary folder, never to ./var."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Hashing passwords properly is slow by design; tests do not need it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def ales_plan(db):
    """The real territory (71 communes) and the real plan imported from the source document,
    without detected commune links yet."""
    from faisse.plans.importer import parse_path
    from faisse.plans.importer.saving import PlanDetails, save_plan
    from faisse.plans.tests.conftest import SOURCE
    from faisse.territories.loading import load_ales

    return save_plan(parse_path(SOURCE), load_ales(), PlanDetails())


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: what a previous test remembered (an e-mail
    just sent, a token just used, under an id the database gives again) does not leak."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def territory(db):
    """A small territory of 4 communes (territories.testing.make_territory)."""
    from faisse.territories.testing import make_territory

    return make_territory("Agglo des Faïsses", communes=4)


@pytest.fixture
def plan(territory):
    """Its plan: 2 axes × 2 orientations × 2 objectives × 3 actions (make_plan)."""
    from faisse.plans.testing import make_plan

    return make_plan(territory, title="Projet de territoire 2020-2030")
