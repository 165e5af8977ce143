import json

import pytest
from django.core.management import CommandError, call_command

from faisse.locations.models import CommuneLink
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_locate_actions_prints_each_action_with_communes_and_evidence(ales_plan, capsys):
    call_command("locate_actions", territory=ales_plan.territory.slug, json=True)
    data = json.loads(capsys.readouterr().out)
    by_line = {row["line"]: row for row in data["actions"]}
    animations = by_line[583]
    assert animations["title"] == "Développer des animations attractives"
    anduze = next(c for c in animations["communes"] if c["insee"] == "30010")
    assert anduze["evidence"] == ["Anduze"]
    assert anduze["from"]["kind"] == "objective" and anduze["from"]["line"] == 574
    assert [p["name"] for p in by_line[413]["outside"]] == ["Bagnols-sur-Cèze", "Avignon"]
    assert data["changes"]["links_created"] == CommuneLink.objects.count()


def test_dry_run_writes_nothing(ales_plan, capsys):
    call_command("locate_actions", territory=ales_plan.territory.slug, dry_run=True)
    out = capsys.readouterr().out
    assert "Anduze : « Anduze »" in out and "actions localisées" in out
    assert CommuneLink.objects.count() == 0


def test_unknown_territory_and_territory_without_plan_are_refused(db):
    with pytest.raises(CommandError, match="territoire inconnu"):
        call_command("locate_actions", territory="nulle-part")
    territory = make_territory()
    with pytest.raises(CommandError, match="pas encore de projet"):
        call_command("locate_actions", territory=territory.slug)
