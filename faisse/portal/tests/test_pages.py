"""Each public page answers with the expected headings and links."""

import pytest
from django.urls import reverse

from faisse.plans.models import Plan, PlanNode
from faisse.plans.testing import make_plan
from faisse.portal.tests.html import page
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_territory_list_shows_each_territory_with_its_communes(client, plan, territory):
    other = make_territory("Communauté du Causse", communes=2)
    html = page(client.get(reverse("portal:home")))
    assert html.texts(1) == ["Les projets de territoire"]
    assert {territory.get_absolute_url(), other.get_absolute_url()} <= html.hrefs()
    assert "4 communes" in html.html and "2 communes" in html.html
    assert "Communauté de communes" in html.html


def test_territory_home_summarises_the_plan(client, rich_plan, territory):
    html = page(client.get(territory.get_absolute_url()))
    assert html.texts(1) == [territory.name]
    assert html.title == f"{territory.name} : projet de territoire — Faïsse"
    assert "Riche" in html.texts(2)
    assert "Adopté le" in html.html and "28 juin 2018" in html.html
    assert "Audace — Solidarité" in html.html and "<p>Une ambition partagée.</p>" in html.html
    assert "Un défi" in html.html and "Un point" in html.html
    axes = html.texts(3)
    assert "Axe 1 : Axe 1" in axes and "Axe 3" in axes and "intitulé à compléter" not in str(axes)
    assert "4 communes membres" in html.html and "1\u00a0000 habitants" in html.html
    # Axis 1: 2 orientations, 2 objectives, 4 actions; axis 3: 1 objective, 2 actions.
    assert "2 orientations" in html.html and "4 actions" in html.html
    assert "1 objectif ·" in html.html
    assert reverse("portal:plan", args=[territory.slug]) in html.hrefs()


def test_territory_home_shows_the_process_by_phase_with_french_dates(client, rich_plan):
    html = page(client.get(rich_plan.territory.get_absolute_url()))
    phases = ["Préparation", "Co-construction avec les élus", "Partage du projet"]
    assert html.texts(3)[-3:] == phases
    assert '<time datetime="2017-10">octobre 2017</time>' in html.html
    assert '<time datetime="2018-05-23">23 mai 2018</time>' in html.html
    assert '>décembre 2017</time>\u202f–\u00a0<time datetime="2018-01">janvier 2018<' in html.html


def test_territory_without_plan_says_so(client, territory):
    html = page(client.get(territory.get_absolute_url()))
    assert "n'a pas encore publié son projet" in html.html
    html = page(client.get(reverse("portal:plan", args=[territory.slug])))
    assert html.texts(1) == ["Le projet de territoire"]
    assert "n'a pas encore publié son projet" in html.html


def test_plan_page_links_every_action_and_anchors_every_axis(client, plan, territory):
    html = page(client.get(reverse("portal:plan", args=[territory.slug])))
    assert html.texts(1) == [plan.title]
    nodes = list(PlanNode.objects.filter(plan=plan))
    for node in nodes:
        assert node.url_for(territory.slug) in html.hrefs(), node
    for node in nodes:
        if node.kind in (PlanNode.Kind.AXIS, PlanNode.Kind.ORIENTATION):
            assert f"#n-{node.pk}" in html.hrefs()
            assert f"n-{node.pk}" in html.ids
    assert html.texts(2)[1:] == ["Axe 1 : Axe 1", "Axe 2 : Axe 2"]  # after "Sommaire"
    assert len(html.texts(3)) == 4 and len(html.texts(4)) == 8
    for count in ("2</strong> axes", "4</strong> orientations", "8</strong> objectifs"):
        assert count in html.html
    assert "24</strong> actions" in html.html


def test_plan_page_handles_missing_titles_groups_and_shared_actions(client, rich_plan):
    slug = rich_plan.territory.slug
    html = page(client.get(reverse("portal:plan", args=[slug])))
    extra = rich_plan.extra
    assert "Axe 3" in html.texts(2) and "(intitulé à compléter)" not in html.html
    assert "Objectif : Objectif sans orientation" in html.texts(3)  # directly under the axis
    assert "Sous-ensemble : Un sous-ensemble" in html.texts(4)
    assert "<p>Premier paragraphe.</p>" in html.html
    shared_url = extra["shared"].url_for(slug)
    assert [href for href, _ in html.links].count(shared_url) == 2
    assert "Action transversale" in html.html
    assert "Figure aussi sous :" in html.html and "Rattachement principal :" in html.html


def test_every_node_page_is_reachable_with_breadcrumb(client, rich_plan):
    slug = rich_plan.territory.slug
    for node in PlanNode.objects.filter(plan=rich_plan):
        html = page(client.get(node.url_for(slug)))
        assert len(html.texts(1)) == 1
        assert html.title.startswith(node.label)
        assert 'aria-label="Fil d&#x27;Ariane"' in html.html or "Fil d'Ariane" in html.html
        assert reverse("portal:plan", args=[slug]) in html.hrefs()


def test_action_page_shows_its_place_other_placements_and_neighbours(client, rich_plan):
    slug = rich_plan.territory.slug
    shared = rich_plan.extra["shared"]
    html = page(client.get(shared.url_for(slug)))
    assert html.texts(1) == [f"Action : {shared.title}"]
    assert html.texts(2) == [
        "Place dans le projet",
        "Où s'applique cette action",
        "Action transversale",
    ]
    assert "Tout le territoire" in html.html
    objective = rich_plan.extra["objective"]
    assert objective.url_for(slug) in html.hrefs()
    assert shared.parent.url_for(slug) in html.hrefs()
    following = PlanNode.objects.filter(plan=rich_plan, kind="action").order_by("pk")[1]
    assert ("Action suivante " + following.label) in [text for _, text in html.links]
    assert "Action précédente" not in html.html


def test_axis_page_lists_its_subtree(client, rich_plan):
    slug = rich_plan.territory.slug
    axis = rich_plan.extra["axis3"]
    html = page(client.get(axis.url_for(slug)))
    assert html.texts(1) == ["Axe 3"]
    assert html.texts(2) == ["Objectif : Objectif sans orientation"]
    assert html.texts(3) == ["Sous-ensemble : Un sous-ensemble"]
    assert rich_plan.extra["grouped"].url_for(slug) in html.hrefs()


def test_node_of_an_older_plan_is_served(client, plan, territory):
    older = make_plan(territory, axes=1, orientations=1, objectives=1, actions=1, title="Ancien")
    Plan.objects.filter(pk=older.pk).update(period_start=2008, period_end=2018)
    assert Plan.objects.of_territory(territory).current() == plan
    action = PlanNode.objects.get(plan=older, kind="action")
    html = page(client.get(action.url_for(territory.slug)))
    assert "Ancien" in [text for _, text in html.links]


def test_the_plan_and_home_pages_count_levels_in_the_plan_s_own_words(client):
    territory = make_territory("Pays des Trois Vallées")
    plan = make_plan(territory, axes=2, orientations=1, objectives=2, actions=1)
    plan.set_level_names(
        {"axis": ["Ambition", "Ambitions"], "action": ["Fiche action", "Fiches action"]}
    )
    plan_page = client.get(reverse("portal:plan", args=[territory.slug])).content.decode()
    assert "<strong>2</strong> ambitions" in plan_page
    assert "<strong>4</strong> fiches action" in plan_page
    assert "<strong>2</strong> orientations" in plan_page
    home = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert "1 orientation · 2 objectifs · 2 fiches action" in home
