"""Fixtures of the territories tests."""

import pytest

from faisse.territories.loading import ALES_TERRITORY_FILE, load_ales, read_territory_file


@pytest.fixture
def ales_data() -> dict:
    """A fresh copy of the shipped territory file, free to modify."""
    return read_territory_file(ALES_TERRITORY_FILE)


@pytest.fixture
def ales(db):
    """Alès Agglomération loaded from the shipped file."""
    return load_ales()
