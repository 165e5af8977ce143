"""A member's space (/<slug>/gestion/): every member finds what their role is for, what it
may do, what is coming, and the tools they may use."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.abilities import role_abilities
from faisse.accounts.models import Commission, Invitation, Membership, Role
from faisse.accounts.testing import make_member, make_user
from faisse.plans.models import PlanNode
from faisse.portal.tests.html import page as parsed
from faisse.portal.tests.test_accessibility import assert_accessible
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def page(client, user, territory):
    client.force_login(user)
    return client.get(reverse("manage:home", args=[territory.slug]))


def test_a_pilot_sees_the_actions_they_pilot_and_nothing_else(client, territory, plan):
    pilot = make_member(territory, Role.PILOT)
    mine, other = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk")[:2]
    mine.pilots.add(pilot)
    html = page(client, pilot, territory).content.decode()
    space = reverse("pilot:space", args=[territory.slug])
    assert f"{space}#action-{mine.pk}" in html  # its quick update, in the pilots' space
    assert f"{space}#action-{other.pk}" not in html
    assert reverse("plans:structure", args=[territory.slug]) not in html
    assert reverse("members:list", args=[territory.slug]) not in html


def test_a_pilot_without_actions_is_told_how_they_get_some(client, territory, plan):
    html = page(client, make_member(territory, Role.PILOT), territory).content.decode()
    assert "Aucune action ne vous est confiée" in html


def test_an_editor_sees_the_plan_tools_with_what_waits(client, territory, plan):
    drafts = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk")[:3])
    for node in drafts:
        node.is_published = False
        node.save()
    html = page(client, make_member(territory, Role.EDITOR), territory).content.decode()
    for name in ("plans:structure", "locations:review", "plans:similar_actions"):
        assert reverse(name, args=[territory.slug]) in html
    assert reverse("history:activity", args=[territory.slug]) in html
    assert "3 éléments en brouillon" in html
    for name in (
        "participation_manage:process",
        "meetings_manage:list",
        "questionnaires_manage:list",
        "proposals_manage:list",
    ):
        assert reverse(name, args=[territory.slug]) in html
    assert "à examiner" in html
    assert 'id="taking-part"' not in html  # editors have the management tools instead
    assert reverse("members:list", args=[territory.slug]) not in html


def test_an_administrator_also_manages_people(client, territory, plan):
    Invitation.create(territory, "nouvelle@example.org", Role.PARTNER)
    html = page(client, make_member(territory, Role.ADMIN), territory).content.decode()
    assert reverse("members:list", args=[territory.slug]) in html
    assert "1 invitation en attente" in html


@pytest.mark.parametrize("role", [Role.ELECTED, Role.PARTNER])
def test_readers_have_a_space_too_and_its_link_in_the_menu(client, territory, plan, role):
    """Élus and partners got a 403, and the menu showed them nothing."""
    user = make_member(territory, role)
    response = page(client, user, territory)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Mon espace</h1>" in html
    # No management tool: those are for the roles that manage something.
    for name in ("plans:structure", "members:list", "history:activity"):
        assert reverse(name, args=[territory.slug]) not in html
    assert reverse("portal:plan", args=[territory.slug]) in html
    home = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert reverse("manage:home", args=[territory.slug]) in home
    assert_accessible(parsed(response))


def test_an_elu_s_space_says_what_the_role_is_for_links_the_commune_and_what_is_coming(
    client, territory, plan
):
    elu = make_member(territory, Role.ELECTED)
    commune = territory.communes.order_by("insee").last()
    membership = Membership.objects.get(user=elu)
    membership.commune = commune
    membership.save()
    Commission.objects.create(territory=territory, name="Mobilités").members.add(membership)
    html = page(client, elu, territory).content.decode()
    assert "Mon rôle : Élu·e" in html
    assert "Vous suivez le projet de territoire pour votre commune" in html
    for phrase in role_abilities(Role.ELECTED):
        assert f"<li>{phrase}</li>" in html
    commune_url = reverse("portal:commune", args=[territory.slug, commune.insee])
    assert f'<a href="{commune_url}">Ce que le projet fait pour {commune.name}</a>' in html
    assert "Vos commissions : Mobilités." in html
    soon = html.split('<h2 id="soon">Bientôt</h2>')[1].split("</section>")[0]
    assert "<strong>Avis</strong>" in soon
    assert soon.count('<span class="badge">bientôt</span>') == 1
    taking_part = html.split('<h2 id="taking-part">Participer</h2>')[1].split("</section>")[0]
    for name in ("meetings:list", "questionnaires:list", "proposals:propose", "proposals:mine"):
        assert reverse(name, args=[territory.slug]) in taking_part
    assert "les réunions des élus et de vos commissions" in taking_part


def test_an_elu_without_commune_is_told_who_sets_it(client, territory, plan):
    html = page(client, make_member(territory, Role.ELECTED), territory).content.decode()
    assert "Votre commune n’est pas encore renseignée" in html


def test_a_partner_s_space_does_not_promise_drafts(client, territory, plan):
    html = page(client, make_member(territory, Role.PARTNER), territory).content.decode()
    assert "Mon rôle : Partenaire" in html
    assert "brouillon" not in html and "en préparation compris" not in html
    assert "donner votre avis sur les actions du projet" in html


@pytest.mark.parametrize(
    ("role", "purpose"),
    [
        (Role.ADMIN, "Vous animez Faïsse pour Agglo des Faïsses"),
        (Role.EDITOR, "Vous construisez le projet de territoire et le publiez"),
        (Role.PILOT, "Vous suivez les actions qui vous sont confiées"),
    ],
)
def test_managers_keep_their_tools_and_are_told_their_role(client, territory, plan, role, purpose):
    html = page(client, make_member(territory, role), territory).content.decode()
    assert "<h1>Espace de gestion</h1>" in html
    assert purpose in html
    for phrase in role_abilities(role):
        assert f"<li>{phrase}</li>" in html


def test_people_of_another_territory_and_anonymous_people_have_no_space_here(
    client, territory, plan
):
    url = reverse("manage:home", args=[territory.slug])
    assert client.get(url).status_code == 302
    client.force_login(make_member(make_territory(), Role.ADMIN))
    assert client.get(url).status_code == 403
    client.force_login(make_user())
    assert client.get(url).status_code == 403
    home = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert url not in home


def test_an_operator_without_role_has_the_space_with_every_tool(client, territory, plan):
    operator = make_user(is_superuser=True, is_staff=True)
    html = page(client, operator, territory).content.decode()
    assert "Opérateur·rice de l’instance" in html
    assert reverse("members:list", args=[territory.slug]) in html


@pytest.mark.parametrize(("role", "queries"), [(Role.ELECTED, 6), (Role.PARTNER, 5)])
def test_a_reader_s_space_takes_few_queries(client, territory, plan, role, queries):
    """Territory, session, user, the membership with its commune (which also gives the
    role), the current plan, and an élu's commissions: no query for the tools the role
    does not have."""
    member = make_member(territory, role)
    if role == Role.ELECTED:
        Membership.objects.filter(user=member).update(commune=territory.communes.first())
    client.force_login(member)
    url = reverse("manage:home", args=[territory.slug])
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    assert len(captured) == queries


def test_the_menu_shows_the_management_space_to_those_who_have_one(client, territory, plan):
    client.force_login(make_member(territory, Role.EDITOR))
    home = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert reverse("manage:home", args=[territory.slug]) in home


def test_query_count_does_not_grow_with_the_actions_piloted(client, territory, plan):
    admin = make_member(territory, Role.ADMIN)
    actions = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk"))
    url = reverse("manage:home", args=[territory.slug])
    client.force_login(admin)
    counts = []
    for piloted in (actions[:1], actions):
        for action in piloted:
            action.pilots.add(admin)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert len(actions) > 5
    assert counts[0] == counts[1]


def test_an_editor_is_given_the_untitled_elements_as_tasks(client, territory, plan):
    """The public reads an untitled axis as "Axe 2" only; editors get it as a task."""
    axis = PlanNode.objects.filter(plan=plan, kind="axis").order_by("pk").last()
    PlanNode.objects.filter(pk=axis.pk).update(title="")
    html = page(client, make_member(territory, Role.EDITOR), territory).content.decode()
    assert "À compléter" in html and "Donner un intitulé à « Axe 2 »" in html
    assert reverse("plans:node_edit", args=[territory.slug, axis.pk]) in html
    pilot_html = page(client, make_member(territory, Role.PILOT), territory).content.decode()
    assert "À compléter" not in pilot_html


def test_the_menu_names_the_space_after_what_the_person_does_there(client, territory, plan):
    for role, name in ((Role.ELECTED, "Mon espace"), (Role.EDITOR, "Gestion")):
        html = page(client, make_member(territory, role), territory).content.decode()
        menu = html.split('aria-label="Menu du territoire"')[1].split("</nav>")[0]
        assert f">{name}</a>" in menu
