import pytest

from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.tests.conftest import SOURCE
from faisse.territories.loading import load_ales


@pytest.fixture
def ales_plan(db):
    """The real territory (71 communes) and the real plan, without detected links yet."""
    territory = load_ales()
    return save_plan(parse_path(SOURCE), territory, PlanDetails())
