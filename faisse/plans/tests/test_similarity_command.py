"""faisse similar_actions: ranked pairs with scores, as text or JSON, and clear errors."""

import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ales_plan(ales_parsed):
    return save_plan(ales_parsed, make_territory("Alès Agglomération"), PlanDetails())


def test_prints_the_ranked_pairs_with_scores_titles_and_lines(ales_plan, capsys):
    call_command("similar_actions", territory=ales_plan.territory.slug, limit=6)
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "  1. 1.00 (mot pour mot)"
    assert lines[1].startswith("     ligne 279 : Susciter la création de formations")
    assert lines[2].startswith("     ligne 470 : Susciter la création de formations")
    assert "ligne 515 : Développer le mécénat" in out
    assert "mots communs : mécénat" in out
    assert lines[-1].startswith("6 paires d’actions similaires (score ≥ 0.35)")


def test_json_output_with_min_score(ales_plan, capsys):
    call_command("similar_actions", territory=ales_plan.territory.slug, json=True, min_score=0.75)
    data = json.loads(capsys.readouterr().out)
    assert data["min_score"] == 0.75
    pairs = data["pairs"]
    assert [p["kind"] for p in pairs] == ["verbatim"] * 3 + ["same idea"] * 3
    assert all(p["score"] >= 0.75 for p in pairs)
    first = pairs[0]
    assert (first["first"]["line"], first["second"]["line"]) == (279, 470)
    assert first["first"]["place"][0] == "Axe 1 : Favoriser l’emploi et les activités économiques"
    assert set(first) >= {"score", "wording", "meaning", "same_parent", "shared_words"}


def test_unknown_territory_and_territory_without_plan_are_clear_errors(db):
    with pytest.raises(CommandError, match="territoire inconnu : « nulle-part »"):
        call_command("similar_actions", territory="nulle-part")
    territory = make_territory()
    with pytest.raises(CommandError, match="n’a pas encore de projet"):
        call_command("similar_actions", territory=territory.slug)


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    """A process of its own on an empty SQLite database, as a user runs the command."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["FAISSE_DATA_DIR"] = str(tmp_path_factory.mktemp("cli"))
    subprocess.run([sys.executable, "-m", "faisse", "migrate", "-v0"], env=env, check=True)
    return env


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--territory", "nulle-part"], "territoire inconnu : « nulle-part »", 1),
        (["--territory", "x", "--min-score", "2"], "entre 0 et 1, pas « 2 »", 2),
        (["--territory", "x", "--limit", "0"], "entier positif, pas « 0 »", 2),
    ],
)
def test_errors_from_the_command_line_exit_non_zero(args, message, code, cli_env):
    result = subprocess.run(
        [sys.executable, "-m", "faisse", "similar_actions", *args],
        capture_output=True,
        text=True,
        env=cli_env,
        check=False,
    )
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
