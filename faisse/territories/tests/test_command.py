"""The `load_territory` command, reading territory files."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from faisse.territories.loading import ALES_TERRITORY_FILE, write_territory_file
from faisse.territories.management.commands.load_territory import Command
from faisse.territories.models import Commune, Territory
from faisse.territories.tests.helpers import ALES_COMMUNES, snapshot


def load(*args) -> str:
    out = StringIO()
    call_command("load_territory", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_shipped_file_prints_a_french_summary():
    output = load("--file", str(ALES_TERRITORY_FILE))
    assert output.strip() == (
        "Territoire chargé (ales-agglomeration) — "
        "Alès Agglomération : 71 communes, 129\u00a0157 habitants."
    )
    assert Commune.objects.count() == ALES_COMMUNES


@pytest.mark.django_db
def test_slug_option():
    load("--file", str(ALES_TERRITORY_FILE), "--slug", "ales")
    assert Territory.objects.get().slug == "ales"


@pytest.mark.django_db
def test_reload_of_a_file_without_a_commune_removes_it(ales_data, tmp_path):
    load("--file", str(ALES_TERRITORY_FILE))
    ids = set(Commune.objects.values_list("pk", flat=True))
    anduze_pk = Commune.objects.get(insee="30010").pk
    ales_data["communes"] = [c for c in ales_data["communes"] if c["insee"] != "30010"]
    path = write_territory_file(ales_data, tmp_path / "smaller.json")
    assert "70 communes" in load("--file", str(path))
    assert set(Commune.objects.values_list("pk", flat=True)) == ids - {anduze_pk}
    assert len(ids) == ALES_COMMUNES


@pytest.mark.django_db
def test_invalid_json_file_is_refused(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"territory": {"name": "Alès"', encoding="utf-8")
    with pytest.raises(CommandError, match="n'est pas un JSON valide"):
        load("--file", str(path))
    assert snapshot() == ([], [])


@pytest.mark.django_db
def test_json_that_is_not_a_territory_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(CommandError, match="ne décrivent pas de territoire"):
        load("--file", str(path))
    assert snapshot() == ([], [])


@pytest.mark.django_db
def test_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Impossible de lire le fichier"):
        load("--file", str(tmp_path / "absent.json"))
    assert snapshot() == ([], [])


@pytest.mark.django_db
def test_file_with_a_bad_insee_code_writes_nothing(ales_data, tmp_path):
    load("--file", str(ALES_TERRITORY_FILE))
    before = snapshot()
    ales_data["communes"][5]["population"] = 12  # valid, but must not be saved
    ales_data["communes"][-1]["insee"] = "301"
    path = tmp_path / "bad-insee.json"
    path.write_text(json.dumps(ales_data, ensure_ascii=False), encoding="utf-8")
    name = ales_data["communes"][-1]["name"]
    with pytest.raises(CommandError, match=f"Commune « {name} » : code INSEE « 301 » invalide"):
        load("--file", str(path))
    assert snapshot() == before


def test_write_file_needs_siren(tmp_path):
    with pytest.raises(CommandError, match="--write-file"):
        load("--file", str(ALES_TERRITORY_FILE), "--write-file", str(tmp_path / "x.json"))
    assert not (tmp_path / "x.json").exists()


def test_a_source_is_required():
    with pytest.raises(CommandError, match="--siren --file"):
        load()


def test_errors_exit_with_status_1(capsys):
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["faisse", "load_territory", "--siren", "12345"])
    assert exit_info.value.code == 1
    assert "un SIREN compte 9 chiffres" in capsys.readouterr().err
