"""faisse demo: installs the Alès demo, and running it twice changes nothing."""

import json
import re
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from faisse.manage.demo import ALES_2018_SOURCE, DEMO_ACCOUNTS
from faisse.meetings.models import Meeting
from faisse.participation.models import ProcessStep
from faisse.plans.models import Challenge, Plan, PlanNode
from faisse.proposals.models import Proposal
from faisse.questionnaires.models import Answer, Questionnaire, Respondent, Response
from faisse.territories.models import Commune, Territory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    return tmp_path


def row_counts():
    models = (Territory, Commune, Plan, PlanNode, Challenge, ProcessStep, get_user_model())
    models += (Meeting, Questionnaire, Respondent, Response, Answer, Proposal)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_installs_alès_and_is_idempotent(capsys):
    call_command("demo", no_serve=True)
    first = capsys.readouterr().out
    counts = row_counts()
    assert counts["Commune"] == 71
    # the plan, and two draft actions from the élus' accepted proposals
    assert counts["PlanNode"] == 3 + 8 + 29 + 6 + 117 + 2
    assert PlanNode.objects.filter(kind="action", is_published=True).count() == 117
    assert counts["ProcessStep"] == 13
    plan = Plan.objects.get()
    assert (plan.status, str(plan.adopted_on), plan.period_label) == (
        "adopted",
        "2018-06-28",
        "2018–2028",
    )
    password = first.split("mot de passe : ")[1].split()[0]
    users = get_user_model().objects.filter(email__in=[account[0] for account in DEMO_ACCOUNTS])
    assert sorted(users.values_list("memberships__role", flat=True)) == sorted(
        ["admin", "editor", "pilot", "elected", "partner"]
    )
    assert all(user.check_password(password) for user in users)
    assert users.get(email="admin@demo.faisse.invalid").is_superuser
    assert users.filter(is_superuser=True).count() == 1
    pilot = users.get(email="pilote@demo.faisse.invalid")
    assert PlanNode.objects.filter(pilots=pilot, kind="action").count() == 3

    assert (counts["Meeting"], counts["Questionnaire"], counts["Proposal"]) == (32, 2, 8)
    assert 700 <= counts["Response"] <= 800
    assert (
        f"Questionnaires : 2, {counts['Response']} réponses ({counts['Response']} créées)" in first
    )
    assert (
        "Réunions : 32 (32 créées)." in first and "Propositions des élus : 8 (8 créées)." in first
    )

    call_command("demo", no_serve=True)
    second = capsys.readouterr().out
    assert row_counts() == counts
    assert f"mot de passe : {password}" in second
    assert "déjà présent" in second
    assert f"{counts['Response']} réponses (0 créées)" in second


def test_dry_run_after_the_demo_prints_the_plan_and_writes_nothing(capsys):
    call_command("demo", no_serve=True)
    capsys.readouterr()
    counts = row_counts()
    call_command(
        "import_plan",
        str(ALES_2018_SOURCE),
        territory="ales-agglomeration",
        dry_run=True,
        json=True,
    )
    data = json.loads(capsys.readouterr().out)
    assert len(data["nodes"]) == 3
    assert row_counts() == counts


def test_the_console_script_is_django_with_faisse_settings():
    result = subprocess.run(
        [sys.executable, "-m", "faisse", "help", "import_plan"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--territory" in result.stdout and "--dry-run" in result.stdout


def test_every_public_page_of_the_demo_answers(client):
    """The demo's real data (undated questionnaires, an axis without title) renders."""
    call_command("demo", no_serve=True)
    pages = ["/", "/ales-agglomeration/", "/ales-agglomeration/plan/"]
    published = PlanNode.objects.filter(is_published=True).select_related("plan__territory")
    pages += [node.get_absolute_url() for node in published]
    for page in pages:
        assert client.get(page).status_code == 200, page
    plan_page = client.get("/ales-agglomeration/plan/").content.decode()
    actions = published.filter(kind="action")
    assert len(actions) == 117
    assert all(f'href="{action.get_absolute_url()}"' in plan_page for action in actions)
    home = client.get("/ales-agglomeration/").content.decode()
    assert "date non précisée" in home and "Questionnaire n°1" in home


def test_the_demo_is_localised(client):
    """Detected links make Anduze's page list the centre-bourg actions; a commune the plan
    never names still sees the territory-wide actions; the map links all 71 communes."""
    call_command("demo", no_serve=True)
    anduze = client.get("/ales-agglomeration/communes/30010/").content.decode()
    specific = anduze.split("tout le territoire</h2>")[0]
    for title in ("Redynamiser/restructurer l’offre commerciale", "Développer des animations"):
        assert title in specific
    assert "« Anduze »" in specific
    aujac = client.get("/ales-agglomeration/communes/30022/").content.decode()
    assert "Créer un pass-culture jeunes" in aujac
    carte = client.get("/ales-agglomeration/carte/").content.decode()
    links = set(re.findall(r'href="(/ales-agglomeration/communes/\d{5}/)"', carte))
    assert len(links) == 71
