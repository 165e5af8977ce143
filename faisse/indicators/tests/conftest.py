"""Fixtures of the indicator tests: a plan with one member per role, the pilot piloting
the first action, and the worked example of docs/indicators.md linked to that action."""

import pytest

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode


@pytest.fixture
def actions(plan):
    return list(PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk"))


@pytest.fixture
def people(territory, actions):
    from faisse.territories.testing import make_territory

    found = {role: make_member(territory, role, f"{role}@example.org") for role in Role.values}
    found["other"] = make_member(make_territory("Autre agglo"), Role.ADMIN, "other@example.org")
    actions[0].pilots.add(found[Role.PILOT])
    return found


@pytest.fixture
def cycling(territory, plan, actions):
    """Baseline 100 in 2019, targets 120 in 2020 and 200 in 2025, 140 measured in 2022."""
    return make_indicator(
        territory,
        plan=plan,
        title="Linéaire de pistes cyclables",
        unit="km",
        baseline=(2019, 100),
        targets={2020: 120, 2025: 200},
        values={2021: 130, 2022: 140},
        nodes=[actions[0]],
    )
