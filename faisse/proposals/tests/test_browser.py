"""In Chromium, at 1280 and 375 px: an élu of Anduze proposes an action, the communes its
text names are ticked for them to confirm; an editor accepts it into the plan after being
asked, and the élu reads that it was accepted."""

import re

import pytest
from playwright.sync_api import expect

from faisse.accounts.models import Membership, Role
from faisse.accounts.testing import make_member
from faisse.core.browser_testing import assert_accessible, chromium
from faisse.locations.models import CommuneLink
from faisse.participation.loading import ALES_2018_PROCESS, load_process_steps
from faisse.participation.models import Process
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.tests.conftest import SOURCE
from faisse.proposals.models import Proposal
from faisse.proposals.review import set_call
from faisse.territories.loading import load_ales

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Cévennes-2026-solide"
WIDTHS = (1280, 375)
TITLE = "Créer une voie verte entre Anduze et Saint-Jean-du-Gard"


@pytest.fixture
def ales():
    """The real territory, plan and process, step 5 open to proposals, an élu of Anduze
    and an editor (rows made before Playwright starts its event loop)."""
    territory = load_ales()
    plan = save_plan(parse_path(SOURCE), territory, PlanDetails())
    load_process_steps(ALES_2018_PROCESS, territory, plan)
    step = Process.objects.get(territory=territory).steps.get(kind="workshop", number=5)
    set_call(step, None, True)
    people = {}
    for role in (Role.ELECTED, Role.EDITOR):
        person = make_member(territory, role, f"{role}@example.org")
        person.set_password(PASSWORD)
        person.save()
        people[role] = person
    anduze = territory.communes.get(name="Anduze")
    Membership.objects.filter(user=people[Role.ELECTED]).update(commune=anduze)
    objective = plan.nodes.get(kind="objective", title__startswith="Privilégier les transports")
    return territory, people, objective


def signed_in(browser, live_server, width, email):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/connexion/")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon compte", level=1)).to_be_visible()
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_an_elu_proposes_and_an_editor_accepts_it_into_the_plan(live_server, ales, width):
    territory, people, objective = ales
    base = f"{live_server.url}/{territory.slug}"
    with chromium() as browser:
        elu = signed_in(browser, live_server, width, people[Role.ELECTED].email)
        elu.goto(f"{base}/propositions/proposer/")
        expect(elu.get_by_role("radio", name=re.compile("Plan d’actions"))).to_be_checked()
        elu.get_by_label(re.compile("^Intitulé de l’action proposée")).fill(TITLE)
        elu.get_by_label(re.compile("^Description")).fill(
            "Sur l’ancienne voie ferrée, pour les trajets à vélo et les promeneurs."
        )
        elu.get_by_label(re.compile("^Objectif du projet")).select_option(
            label=objective.working_label
        )
        elu.get_by_label(re.compile("^Coût estimé")).fill("2 400 000 €")
        elu.get_by_role("button", name="Repérer les communes dans le texte").click()
        expect(elu.get_by_text(re.compile("Communes repérées dans votre texte"))).to_be_visible()
        for name in ("Anduze", "Saint-Jean-du-Gard"):
            expect(elu.get_by_role("checkbox", name=re.compile(f"^{name}"))).to_be_checked()
        # The other communes wait, unticked, in a folded list.
        lezan = elu.locator(f"#commune-{territory.communes.get(name='Lézan').pk}")
        expect(lezan).to_be_hidden()
        assert lezan.is_checked() is False
        assert_accessible(elu)
        elu.get_by_role("button", name="Envoyer la proposition").click()
        expect(elu.get_by_text(re.compile("Proposition envoyée"))).to_be_visible()
        expect(elu.get_by_text("À examiner", exact=True)).to_be_visible()
        assert_accessible(elu)
        proposal = Proposal.objects.get(title=TITLE)
        assert sorted(c.name for c in proposal.communes.all()) == ["Anduze", "Saint-Jean-du-Gard"]

        editor = signed_in(browser, live_server, width, people[Role.EDITOR].email)
        editor.goto(f"{base}/gestion/propositions/")
        assert_accessible(editor)
        editor.get_by_role("link", name=TITLE).click()
        expect(editor.get_by_role("heading", level=1)).to_have_text(TITLE)
        assert_accessible(editor)
        parent = editor.get_by_label("Placer l’action sous")
        assert parent.input_value() == str(objective.pk)  # the élu's objective, chosen
        editor.get_by_role("button", name="Retenir…", exact=True).click()
        expect(editor.get_by_role("heading", name="Retenir cette proposition ?")).to_be_visible()
        proposal.refresh_from_db()
        assert proposal.state == Proposal.State.SUBMITTED  # nothing before confirming
        editor.get_by_role("button", name="Retenir et créer l’action").click()
        expect(editor.get_by_text(re.compile("Proposition retenue"))).to_be_visible()

        elu.goto(f"{base}/propositions/mes-propositions/")
        expect(elu.get_by_text("Retenue", exact=True)).to_be_visible()
        elu.get_by_role("link", name=re.compile("Voir l’action")).click()
        expect(elu.get_by_role("heading", level=1)).to_contain_text("voie verte")
    proposal.refresh_from_db()
    action = proposal.action
    assert (action.parent, action.is_published) == (objective, False)
    links = CommuneLink.objects.filter(node=action)
    assert sorted(link.commune.name for link in links) == ["Anduze", "Saint-Jean-du-Gard"]
