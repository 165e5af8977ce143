"""Downloading the plan from its public page: formats, file names, drafts, links, queries."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.testing import make_plan
from faisse.plans.tests.export_plans import DRAFT_TEXTS, make_export_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def url(territory, key: str) -> str:
    return reverse("portal:plan_download", args=[territory.slug, key])


@pytest.mark.parametrize(
    ("key", "content_type", "start"),
    [
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK",
        ),
        ("odt", "application/vnd.oasis.opendocument.text", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
        ("md", "text/markdown; charset=utf-8", b"# Projet de territoire des Faisses"),
        ("json", "application/json", b'{\n  "format": "faisse-plan"'),
    ],
)
def test_each_format_is_an_attachment_named_after_the_territory(
    client, territory, key, content_type, start
):
    make_export_plan(territory, title="Projet de territoire des Faisses")
    response = client.get(url(territory, key))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="{territory.slug}-projet-de-territoire-2020-2030.{key}"'
    )
    assert response.content.startswith(start)


def test_unknown_format_or_territory_or_plan_is_not_found(client, territory):
    make_export_plan(territory)
    assert client.get(url(territory, "rtf")).status_code == 404
    assert (
        client.get(reverse("portal:plan_download", args=["nulle-part", "pdf"])).status_code == 404
    )
    assert client.get(url(make_territory(), "pdf")).status_code == 404  # no plan yet


def test_drafts_never_reach_the_public_even_when_asked(client, territory):
    make_export_plan(territory)
    response = client.get(url(territory, "md") + "?brouillons=1")
    text = response.content.decode("utf-8")
    assert all(hidden not in text for hidden in DRAFT_TEXTS)
    assert "brouillon" not in response["Content-Disposition"]
    client.force_login(make_member(make_territory(), Role.ADMIN))  # another territory's
    text = client.get(url(territory, "md") + "?brouillons=1").content.decode("utf-8")
    assert all(hidden not in text for hidden in DRAFT_TEXTS)


def test_members_get_drafts_only_when_they_ask(client, territory):
    make_export_plan(territory)
    client.force_login(make_member(territory, Role.ELECTED))
    public = client.get(url(territory, "md"))
    assert all(hidden not in public.content.decode("utf-8") for hidden in DRAFT_TEXTS)
    working = client.get(url(territory, "md") + "?brouillons=1")
    assert all(hidden in working.content.decode("utf-8") for hidden in DRAFT_TEXTS)
    assert working["Content-Disposition"].endswith('-2020-2030-brouillon.md"')
    assert working["Cache-Control"] == "private, no-store"
    data = json.loads(client.get(url(territory, "json") + "?brouillons=1").content)
    assert "Brouillon" in [node["title"] for node in data["nodes"][0]["children"]]


def test_the_plan_page_links_every_format(client, territory):
    make_export_plan(territory)
    page = client.get(reverse("portal:plan", args=[territory.slug])).content.decode()
    assert "Télécharger le projet" in page
    for key, label in (("pdf", "PDF"), ("docx", "DOCX"), ("odt", "ODT"), ("md", "Markdown")):
        assert f'<a href="{url(territory, key)}" download>{label}</a>' in page
    assert f'<a href="{url(territory, "json")}" download>JSON</a>' in page
    assert "?brouillons=1" not in page


def test_members_who_see_drafts_also_get_working_document_links(client, territory):
    make_export_plan(territory)
    client.force_login(make_member(territory, Role.EDITOR))
    page = client.get(reverse("portal:plan", args=[territory.slug])).content.decode()
    assert f'<a href="{url(territory, "pdf")}?brouillons=1" download>PDF avec' in page


def test_no_links_without_a_plan(client, territory):
    page = client.get(reverse("portal:plan", args=[territory.slug])).content.decode()
    assert "Télécharger le projet" not in page


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


@pytest.mark.parametrize("key", ["docx", "pdf", "json"])
def test_query_count_does_not_grow_with_the_plan(client, key):
    counts = []
    for size in (1, 4):
        territory = make_territory(communes=3)
        make_plan(territory, axes=size, orientations=size, objectives=2, actions=size)
        counts.append(count_queries(client, url(territory, key)))
    assert counts[0] == counts[1]
