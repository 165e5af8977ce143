"""Fixtures of the meeting tests: a territory with one member per role, and a commission."""

import pytest
from django.core.cache import cache

from faisse.accounts.models import Commission, Role
from faisse.accounts.testing import make_member


@pytest.fixture(autouse=True)
def _no_limit_left(db):
    """Each test starts without registration requests counted (the limits live in the
    cache)."""
    cache.clear()


@pytest.fixture
def people(territory):
    """One member per role, a member of a commission, and an administrator elsewhere."""
    from faisse.territories.testing import make_territory

    found = {role: make_member(territory, role, f"{role}@example.org") for role in Role.values}
    found["commission_member"] = make_member(territory, Role.ELECTED, "commission@example.org")
    commission = Commission.objects.create(territory=territory, name="Mobilités")
    commission.members.add(found["commission_member"].memberships.get())
    found["commission"] = commission
    found["other"] = make_member(make_territory("Autre agglo"), Role.ADMIN, "other@example.org")
    return found
