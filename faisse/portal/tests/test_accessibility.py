"""Basic accessibility checks on the rendered HTML of every kind of page."""

import pytest
from django.urls import reverse

from faisse.plans.models import PlanNode
from faisse.portal.tests.html import Page, page

pytestmark = pytest.mark.django_db


def urls(plan):
    slug = plan.territory.slug
    nodes = {node.kind: node for node in PlanNode.objects.filter(plan=plan).order_by("-pk")}
    commune = plan.territory.communes.order_by("insee").first()
    return [
        reverse("portal:home"),
        reverse("portal:territory", args=[slug]),
        reverse("portal:plan", args=[slug]),
        *(node.url_for(slug) for node in nodes.values()),
        reverse("portal:communes", args=[slug]),
        reverse("portal:communes", args=[slug]) + "?q=commune",
        reverse("portal:communes", args=[slug]) + "?q=introuvable",
        reverse("portal:commune", args=[slug, commune.insee]),
        reverse("portal:map", args=[slug]),
        reverse("portal:map", args=[slug]) + "?mesure=habitants&tri=taux",
        reverse("reports:dashboard", args=[slug]),
        reverse("reports:dashboard", args=[slug]) + "?axe=abc&statut=en_cours&carte=budget",
    ]


def assert_accessible(html: Page) -> None:
    assert html.html_lang == "fr"
    assert html.title and html.title.endswith("— Faïsse")
    assert [level for level, _ in html.headings].count(1) == 1, html.headings
    # The skip link is the first link and its target exists.
    skip_href, skip_text = html.links[0]
    assert skip_href == "#contenu" and skip_text == "Aller au contenu"
    assert "contenu" in html.ids
    assert any(tag == "main" and attrs.get("id") == "contenu" for tag, attrs in html.elements)
    # Headings never skip a level on the way down.
    previous = 0
    for level, text in html.headings:
        assert level <= previous + 1, f"h{level} « {text} » after h{previous}"
        assert text, f"empty h{level}"
        previous = level
    # Every anchor link points to an existing id; every link has a text.
    for href, text in html.links:
        assert text, href
        if href.startswith("#"):
            assert href[1:] in html.ids, href
    assert len(html.ids) == len(set(html.ids)), "duplicate ids"
    # Images and inline SVG have a text alternative (or are hidden from assistive tech); a
    # map of links is a named group (role="img" would hide its links).
    for tag, attrs in html.elements:
        if tag == "img":
            assert "alt" in attrs, attrs
        if tag == "svg":
            assert (
                attrs.get("aria-hidden") == "true"
                or attrs.get("aria-label")
                or (attrs.get("role") in ("img", "group") and attrs.get("aria-labelledby"))
            ), attrs
            for id_ in (attrs.get("aria-labelledby") or "").split():
                assert id_ in html.ids, id_
    # Landmarks, one breadcrumb at most, and aria-current on its last item.
    tags = [tag for tag, _ in html.elements]
    assert tags.count("main") == 1 and "header" in tags and "footer" in tags
    crumbs = [a for t, a in html.elements if t == "nav" and a.get("aria-label") == "Fil d'Ariane"]
    assert len(crumbs) <= 1
    if crumbs:
        assert 'aria-current="page"' in html.html
    assert "http://" not in html.html and "https://" not in html.html  # no external asset


def test_pages_of_a_regular_plan(client, plan):
    for url in urls(plan):
        assert_accessible(page(client.get(url)))


def test_pages_of_an_irregular_plan(client, rich_plan):
    for url in urls(rich_plan):
        assert_accessible(page(client.get(url)))
    for node in rich_plan.extra.values():
        assert_accessible(page(client.get(node.url_for(rich_plan.territory.slug))))


def test_territory_without_plan(client, territory):
    assert_accessible(page(client.get(territory.get_absolute_url())))
    assert_accessible(page(client.get(reverse("portal:plan", args=[territory.slug]))))
    for name in ("portal:communes", "portal:map"):
        assert_accessible(page(client.get(reverse(name, args=[territory.slug]))))
    commune = territory.communes.first()
    url = reverse("portal:commune", args=[territory.slug, commune.insee])
    assert_accessible(page(client.get(url)))


def test_pages_of_a_located_plan(client, located_plan):
    for url in urls(located_plan):
        assert_accessible(page(client.get(url)))


def test_tables_have_a_caption_and_header_scopes(client, located_plan):
    slug = located_plan.territory.slug
    for url in (reverse("portal:communes", args=[slug]), reverse("portal:map", args=[slug])):
        html = page(client.get(url))
        tags = [tag for tag, _ in html.elements]
        assert tags.count("table") == tags.count("caption") == 1
        headers = [attrs for tag, attrs in html.elements if tag == "th"]
        assert headers and all(attrs.get("scope") in ("col", "row") for attrs in headers)
        rows = located_plan.territory.communes.count()
        assert sum(attrs["scope"] == "row" for attrs in headers) == rows


def test_objective_page_announces_its_actions(client, plan):
    objective = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.OBJECTIVE).first()
    html = page(client.get(objective.url_for(plan.territory.slug)))
    assert html.texts(2) == ["Actions"]
    for action in objective.children.all():
        assert action.url_for(plan.territory.slug) in html.hrefs()


def test_stylesheet_is_served_and_self_contained(client):
    html = page(client.get(reverse("portal:home")))
    sheets = [a["href"] for t, a in html.elements if t == "link" and a.get("rel") == "stylesheet"]
    assert sheets == ["/static/core/faisse.css"]
    response = client.get(sheets[0])
    assert response.status_code == 200
    css = b"".join(response.streaming_content).decode()
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert ":focus-visible" in css and "@media print" in css
