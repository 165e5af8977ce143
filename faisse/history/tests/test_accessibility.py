"""The history pages in each of their states pass the site's accessibility checks (the
same as the public pages: one h1, headings in order, ids unique, links named, landmarks)
and every field of the filters has its label."""

import pytest
from django.urls import reverse

from faisse.history.tests.conftest import edit
from faisse.plans.models import PlanNode
from faisse.portal.tests.html import Page
from faisse.portal.tests.test_accessibility import assert_accessible

pytestmark = pytest.mark.django_db


def assert_fields_labelled(html) -> None:
    labelled = {attrs.get("for") for tag, attrs in html.elements if tag == "label"}
    for tag, attrs in html.elements:
        if tag in ("input", "select", "textarea") and attrs.get("type") not in (
            "hidden",
            "submit",
        ):
            assert attrs.get("id") in labelled, (tag, attrs)
            for described in (attrs.get("aria-describedby") or "").split():
                assert described in html.ids, described


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"element": "Revu"},
        {"element": "introuvable"},
        {"du": "2025-13-01", "personne": "abc"},
    ],
    ids=["all", "filtered", "no result", "bad values"],
)
def test_the_activity_log_is_accessible(client, action, editor, params):
    for n in range(55):
        edit(action, editor, title=f"Revu {n}")
    client.force_login(editor)
    response = client.get(reverse("history:activity", args=[action.territory.slug]), params)
    assert response.status_code == (400 if "du" in params else 200)
    html = Page(response.content.decode())
    assert_accessible(html)
    assert_fields_labelled(html)


def test_the_restore_preview_is_accessible(client, action, editor):
    edit(action, editor, title="Revu", is_published=False)
    first = PlanNode.history.filter(id=action.pk).order_by("history_id").first()
    client.force_login(editor)
    url = reverse("history:restore", args=[action.territory.slug, action.pk])
    response = client.post(url, {"history_id": first.history_id, "version": 2})
    assert response.status_code == 200
    html = Page(response.content.decode())
    assert_accessible(html)
    assert_fields_labelled(html)
