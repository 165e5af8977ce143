from pathlib import Path

import pytest

from faisse.plans.importer import parse_path
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

SOURCE = Path(__file__).resolve().parents[1] / "data" / "projet-de-territoire-ales-2018.txt"


@pytest.fixture(scope="session")
def ales_source() -> Path:
    return SOURCE


@pytest.fixture(scope="session")
def ales_parsed():
    """The source document parsed once for the whole session (parsing never writes)."""
    return parse_path(SOURCE)


@pytest.fixture
def plan(db):
    """A small generated plan of one territory, for editing tests."""
    return make_plan(make_territory("Agglo des Faïsses"))


@pytest.fixture
def action(plan):
    """The plan's first action."""
    return PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()
