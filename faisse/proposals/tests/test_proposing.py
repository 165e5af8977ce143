"""An élu proposes an action: communes suggested from the text and confirmed, bad input
refused with a message naming the field and nothing written, "Mes propositions"."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.proposals.models import Proposal, ProposalEvent
from faisse.proposals.review import decline, set_call
from faisse.proposals.submission import may_propose, suggest_communes
from faisse.proposals.tests.conftest import make_proposal, make_world

pytestmark = pytest.mark.django_db


def url(world, name="propose"):
    return reverse(f"proposals:{name}", args=[world["territory"].slug])


def form_data(world, **changes):
    data = {
        "step": world["step"].pk,
        "title": "Aménager une halte fluviale",
        "description": "Au bord du Gardon.",
        "objective": world["objective"].pk,
        "estimated_cost": "",
        "partners": "",
        "on_behalf_of": "",
        "send": "1",
    }
    data.update(changes)
    return data


def test_the_detection_suggests_the_communes_a_text_names_in_its_order(world):
    communes = list(world["territory"].communes.all())
    text = "Relier Vézénobres à Anduze, pas Alès Agglomération tout entière"
    found = suggest_communes(world["territory"], text, communes)
    assert [c.name for c in found] == ["Vézénobres", "Anduze"]
    assert suggest_communes(world["territory"], "  ", communes) == []


def test_suggesting_ticks_the_named_communes_without_saving(client, world):
    client.force_login(world["elu"])
    data = form_data(world, description="Entre Anduze et Saint-Jean-du-Gard.", suggest="1")
    del data["send"]
    page = client.post(url(world), data).content.decode()
    anduze, saint_jean = world["communes"]["Anduze"], world["communes"]["Saint-Jean-du-Gard"]
    for commune in (anduze, saint_jean):
        assert f'value="{commune.pk}" id="commune-{commune.pk}" checked' in page
    lezan = world["communes"]["Lézan"]
    assert f'id="commune-{lezan.pk}" checked' not in page
    assert "Communes repérées dans votre texte : Anduze, Saint-Jean-du-Gard" in page
    assert not Proposal.objects.exists()


def test_sending_a_text_whose_communes_were_not_shown_asks_to_confirm_them_once(client, world):
    client.force_login(world["elu"])
    data = form_data(world, description="À Lézan, près du pont.")
    page = client.post(url(world), data)
    assert page.status_code == 200 and not Proposal.objects.exists()
    assert "Avant d’envoyer : votre texte nomme Lézan" in page.content.decode()
    digest = page.context["form"].initial["reviewed_text"]
    # The élu unticks Lézan and sends again: their choice stands, nothing is re-suggested.
    response = client.post(url(world), {**data, "reviewed_text": digest})
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert list(proposal.communes.all()) == []


def test_a_sent_proposal_records_its_author_commune_step_and_first_state(client, world):
    client.force_login(world["elu"])
    lezan = world["communes"]["Lézan"]
    data = form_data(
        world,
        description="À Lézan.",
        communes=[lezan.pk],
        estimated_cost="150 000 €",
        partners="Département du Gard",
    )
    response = client.post(url(world), data)
    assert response.status_code == 302 and response.url == url(world, "mine")
    proposal = Proposal.objects.get()
    assert proposal.author == world["elu"]
    assert proposal.author_commune == world["communes"]["Anduze"]
    assert (proposal.step, proposal.process) == (world["step"], world["process"])
    assert list(proposal.communes.all()) == [lezan]
    assert proposal.estimated_cost == 150_000
    assert proposal.state == Proposal.State.SUBMITTED
    event = ProposalEvent.objects.get()
    assert (event.state, event.by) == (Proposal.State.SUBMITTED, world["elu"])


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"title": "   "}, "title", "Ce champ est obligatoire"),
        ({"description": ""}, "description", "Ce champ est obligatoire"),
        ({"estimated_cost": "environ 3 M€"}, "estimated_cost", "Écrivez un montant en euros"),
        ({"estimated_cost": "99999999999"}, "estimated_cost", "dépasse 10 milliards"),
        ({"objective": ""}, "objective", "Ce champ est obligatoire"),
        ({"title": "Nul\x00"}, "title", "caractère nul"),
        ({"description": "Bip\x07"}, "description", "Caractère de contrôle U+0007 interdit"),
        ({"step": "999999"}, "step", "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_is_refused_with_the_field_named_and_nothing_written(
    client, world, changes, field, message
):
    client.force_login(world["elu"])
    response = client.post(url(world), form_data(world, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert not Proposal.objects.exists()


def test_another_territory_s_objective_commune_or_step_is_refused(client, world):
    other = make_world("Ailleurs")
    client.force_login(world["elu"])
    for changes, field in (
        ({"objective": other["objective"].pk}, "objective"),
        ({"communes": [other["communes"]["Anduze"].pk]}, "communes"),
        ({"step": other["step"].pk}, "step"),
    ):
        response = client.post(url(world), form_data(world, **changes))
        assert field in response.context["form"].errors, field
    assert not Proposal.objects.exists()


def test_a_closed_step_takes_no_proposal(client, world):
    set_call(world["step"], world["editor"], False)
    client.force_login(world["elu"])
    response = client.post(url(world), form_data(world))
    assert "Aucune étape de la démarche n’accueille de propositions" in response.content.decode()
    assert not Proposal.objects.exists()


def test_elus_editors_and_admins_propose_partners_and_pilots_do_not(world):
    people, territory = world["people"], world["territory"]
    allowed = {role for role, person in people.items() if may_propose(person, territory)}
    assert allowed == {Role.ELECTED, Role.EDITOR, Role.ADMIN}


def test_my_proposals_show_states_and_the_reason_of_a_decline(client, world):
    waiting = make_proposal(world, "Première idée")
    refused = make_proposal(world, "Seconde idée")
    decline(refused, world["editor"], "Hors des compétences de l’agglomération.")
    make_proposal(world, "Idée d’un autre", author=world["editor"])
    client.force_login(world["elu"])
    page = client.get(url(world, "mine")).content.decode()
    assert waiting.title in page and refused.title in page
    assert "Idée d’un autre" not in page
    assert "Hors des compétences de l’agglomération." in page
    assert "À examiner" in page and "Non retenue" in page
