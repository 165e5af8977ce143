"""The "ma commune" page: the commune, its roles, its place on the map, its actions, and what
the plan does for the whole territory."""

import pytest
from django.urls import reverse

from faisse.locations.models import CommuneLink, CommuneRole
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.portal.tests.html import page
from faisse.portal.tests.located import link
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def commune_url(territory, insee):
    return reverse("portal:commune", args=[territory.slug, insee])


def test_commune_named_by_the_plan(client, located_plan):
    territory, extra = located_plan.territory, located_plan.extra
    first, second = extra["communes"][:2]
    html = page(client.get(commune_url(territory, second.insee)))
    assert html.texts(1) == ["Commune : Commune 2"]
    assert html.title == f"Commune 2 · {territory.name} — Faïsse"
    assert "200 habitants" in html.html and "code INSEE 99002" in html.html
    h2 = html.texts(2)
    assert h2 == [
        "Les actions qui concernent Commune 2",
        "Ce que le projet fait pour tout le territoire",
    ]
    slug = territory.slug
    specific, territory_wide = html.html.split('id="territoire"')
    # Named by hand on the first action, and through its objective by three actions.
    assert extra["action"].url_for(slug) in specific
    assert "Ajouté à la main" not in specific and "lien sans citation" in specific
    for action in extra["objective_actions"]:
        assert action.url_for(slug) in specific
        assert action.url_for(slug) not in territory_wide
    # The objective heads its actions, with its evidence and origin once.
    assert f'<a href="{extra["objective"].url_for(slug)}">' in specific
    assert specific.count("le projet écrit : « Commune 2 »") == 1
    assert "Confirmé" not in specific  # whether a link was checked: for members only
    assert "<strong>4 actions</strong> du projet concernent spécifiquement Commune 2." in html.html
    assert "<strong>20 actions</strong> concernent tout le territoire." in html.html


def test_commune_with_a_role_and_a_detected_link(client, located_plan):
    territory, extra = located_plan.territory, located_plan.extra
    html = page(client.get(commune_url(territory, "99001")))
    assert "Ville-centre" in html.html
    assert "selon le projet : « Conforter Commune 1 comme ville-centre »" in html.html
    assert "le projet écrit : « Commune 1 »" in html.html and "Détecté" not in html.html
    assert extra["action"].url_for(territory.slug) in html.hrefs()


def test_members_see_which_links_are_still_to_confirm(client, located_plan):
    from faisse.accounts.models import Role
    from faisse.accounts.testing import make_member

    territory = located_plan.territory
    client.force_login(make_member(territory, Role.ELECTED))
    html = page(client.get(commune_url(territory, "99001")))
    assert "Détecté" in html.html


def test_commune_never_named_still_sees_the_territory_wide_actions(client, located_plan):
    territory, extra = located_plan.territory, located_plan.extra
    html = page(client.get(commune_url(territory, "99004")))
    assert "Le projet ne nomme pas Commune 4 dans ses actions." in html.html
    actions = PlanNode.objects.filter(plan=located_plan, kind=PlanNode.Kind.ACTION)
    named = {extra["action"].pk, *(a.pk for a in extra["objective_actions"])}
    for action in actions:
        assert (action.url_for(territory.slug) in html.hrefs()) == (action.pk not in named)
    # A rejected link does not make an action specific: it stays territory-wide.
    assert extra["rejected_action"].url_for(territory.slug) in html.hrefs()
    # Grouped by axis, then orientation, headings in order.
    assert [text.split(" (")[0] for text in html.texts(3)] == ["Axe 1 : Axe 1", "Axe 2 : Axe 2"]
    assert "Orientation 1.1 : Orientation 1.1" in html.texts(4)


def test_commune_page_shows_the_commune_on_the_territory_map(client, located_plan):
    territory = located_plan.territory
    html = page(client.get(commune_url(territory, "99003")))
    svg = html.html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="group" aria-labelledby="carte-commune-titre"' in svg
    assert f"Commune 3 sur la carte de {territory.name}" in svg
    assert svg.count("<a href=") == 4  # every commune, each a link to its page
    assert svg.count("faisse-map__area--highlighted") == 1
    highlighted = "faisse-map__area faisse-map__area--highlighted"
    assert f'<a href="{commune_url(territory, "99003")}" class="{highlighted}">' in svg


def test_unknown_or_foreign_commune_is_404(client, located_plan):
    territory = located_plan.territory
    assert client.get(commune_url(territory, "30010")).status_code == 404
    assert client.get(commune_url(territory, "abc")).status_code == 404
    other = make_territory("Voisins", communes=6)
    make_plan(other)
    foreign = other.communes.get(insee="99006")
    assert client.get(commune_url(territory, foreign.insee)).status_code == 404
    assert client.get(commune_url(other, foreign.insee)).status_code == 200
    assert client.get("/inconnu/communes/99001/").status_code == 404


def test_commune_page_shows_only_its_own_territory_s_links(client, located_plan):
    """Two territories share INSEE codes in the tests: each page reads its own links."""
    other = make_territory("Voisins", communes=4)
    other_plan = make_plan(other, title="Autre projet")
    action = PlanNode.objects.filter(plan=other_plan, kind="action").first()
    link(action, other.communes.get(insee="99004"), evidence="ailleurs")
    html = page(client.get(commune_url(located_plan.territory, "99004")))
    assert "ailleurs" not in html.html and "Le projet ne nomme pas" in html.html


def test_territory_without_plan(client, territory):
    html = page(client.get(commune_url(territory, "99001")))
    assert "n'a pas encore publié son projet" in html.html
    assert "<svg" in html.html


def test_anduze_lists_the_centre_bourg_revitalisation_actions(client, ales_plan):
    """The real plan: the objective naming the six pôles de centralité gives its actions to
    Anduze; Aujac, which the plan never names, sees the territory-wide actions."""
    territory = ales_plan.territory
    objective = PlanNode.objects.get(
        plan=ales_plan, kind="objective", title__startswith="Revitaliser les centre-bourgs"
    )
    anduze = territory.communes.get(insee="30010")
    link(objective, anduze, CommuneLink.Origin.DETECTED, "Anduze")
    CommuneRole.objects.create(
        territory=territory,
        commune=anduze,
        role=CommuneRole.Role.SECONDARY_HUB,
        evidence=objective.title,
    )
    html = page(client.get(commune_url(territory, "30010")))
    specific = html.html.split('id="territoire"')[0]
    actions = list(objective.children.filter(kind="action"))
    assert actions
    for action in actions:
        assert action.url_for(territory.slug) in specific
    assert "Redynamiser/restructurer l’offre commerciale" in specific
    assert "Pôle de centralité secondaire" in html.html
    assert "le projet écrit : « Anduze »" in specific
    html = page(client.get(commune_url(territory, "30022")))
    assert html.texts(1) == ["Commune : Aujac"]
    assert "Le projet ne nomme pas Aujac" in html.html
    wide = PlanNode.objects.filter(plan=ales_plan, kind="action").exclude(parent=objective)
    assert len(html.hrefs() & {a.url_for(territory.slug) for a in wide}) == wide.count()
