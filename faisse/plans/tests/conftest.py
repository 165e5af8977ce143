from pathlib import Path

import pytest

from faisse.plans.importer import parse_path

SOURCE = Path(__file__).resolve().parents[1] / "data" / "projet-de-territoire-ales-2018.txt"


@pytest.fixture(scope="session")
def ales_source() -> Path:
    return SOURCE


@pytest.fixture(scope="session")
def ales_parsed():
    """The source document parsed once for the whole session (parsing never writes)."""
    return parse_path(SOURCE)
