"""POST /<slug>/gestion/historique/elements/<pk>/restaurer/: back to a previous version,
once its preview is confirmed (test_restore_preview.py); refusals are said in French."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.history.tests.conftest import edit
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db


def url(node):
    return reverse("history:restore", args=[node.territory.slug, node.pk])


def history_url(node):
    return reverse("history:node", args=[node.territory.slug, node.pk])


def edit_url(node):
    return reverse("plans:node_edit", args=[node.territory.slug, node.pk])


def versions(node):
    return list(PlanNode.history.filter(id=node.pk).order_by("history_date", "history_id"))


def test_edit_in_the_site_then_restore_the_previous_version(client, plan, editor):
    # A node created through the ORM by an editor, then edited with the site's form.
    node = PlanNode(
        plan=plan, territory=plan.territory, kind="axis", number="9", title="Axe d’origine"
    )
    node._history_user = editor
    node.save()
    second = make_member(plan.territory, Role.EDITOR)
    client.force_login(second)
    form = {
        "title": "Axe réécrit",
        "number": "9",
        "description": "",
        "internal_notes": "",
        "follow_up": "",
        "is_published": "on",
        "weight": 1,
        "version": 1,
    }
    assert client.post(edit_url(node), form).status_code == 302
    node.refresh_from_db()
    assert (node.title, node.version) == ("Axe réécrit", 2)

    client.force_login(editor)
    page = client.get(history_url(node)).content.decode()
    assert "Axe d’origine" in page and "Axe réécrit" in page
    created = versions(node)[0]
    data = {"history_id": created.history_id, "version": 2}
    preview = client.post(url(node), data)
    assert preview.status_code == 200 and "Axe réécrit" in preview.content.decode()
    node.refresh_from_db()
    assert (node.title, node.version) == ("Axe réécrit", 2)  # nothing yet
    response = client.post(url(node), {**data, "confirm": "1"}, follow=True)
    assert response.redirect_chain == [(history_url(node), 302)]
    assert "La version choisie a été restaurée." in response.content.decode()

    node.refresh_from_db()
    assert (node.title, node.version) == ("Axe d’origine", 3)
    rows = versions(node)
    assert [(r.history_type, r.history_user) for r in rows] == [
        ("+", editor),
        ("~", second),
        ("~", editor),
    ]
    assert rows[1].history_change_reason == "Modification dans le site"
    assert rows[2].history_change_reason.startswith("Restauration de la version du ")
    assert rows[2].title == "Axe d’origine"


def test_refused_to_people_who_may_not_edit_and_nothing_changes(client, action, editor, outsiders):
    edit(action, editor, title="Changé")
    older = versions(action)[0]
    client.logout()
    response = client.post(url(action), {"history_id": older.history_id})
    assert response.status_code == 302 and "/connexion/" in response["Location"]
    for person in outsiders.values():
        client.force_login(person)
        assert client.post(url(action), {"history_id": older.history_id}).status_code == 403
    action.refresh_from_db()
    assert (action.title, action.version, len(versions(action))) == ("Changé", 2, 2)


def test_get_is_not_allowed(client, action, editor):
    client.force_login(editor)
    assert client.get(url(action)).status_code == 405


def test_a_version_of_another_node_is_refused_with_a_message(client, plan, action, editor):
    other = plan.nodes.filter(kind="action").exclude(pk=action.pk).first()
    edit(other, editor, title="Autre")
    foreign = versions(other)[0]
    client.force_login(editor)
    response = client.post(url(action), {"history_id": foreign.history_id}, follow=True)
    html = response.content.decode()
    assert "Cette version n’existe pas pour" in html and "rien n’a été restauré" in html
    assert f"n° {other.pk}" not in html and "Autre" not in html
    action.refresh_from_db()
    other.refresh_from_db()
    assert (action.version, len(versions(action)), other.title) == (1, 0, "Autre")


def test_a_page_read_before_someone_else_s_change_is_refused(client, action, editor):
    edit(action, editor, title="Deux")
    older = versions(action)[0]
    edit(action, editor, title="Trois")  # saved by someone while the page was open
    client.force_login(editor)
    response = client.post(url(action), {"history_id": older.history_id, "version": 2}, follow=True)
    assert "modifié depuis l’affichage" in response.content.decode()
    action.refresh_from_db()
    assert (action.title, action.version) == ("Trois", 3)


def test_a_missing_version_is_refused_with_a_message(client, action, editor):
    client.force_login(editor)
    for data in ({}, {"history_id": "abc"}, {"history_id": 999999}):
        response = client.post(url(action), data, follow=True)
        assert response.status_code == 200
        assert "message--error" in response.content.decode()
    action.refresh_from_db()
    assert action.version == 1


def test_a_version_from_another_territory_tells_nothing_about_it(client, action, editor):
    """The probe restored B's history record under A's address: the answer named B's
    node number. Now it is answered like an unknown version."""
    from faisse.plans.testing import make_plan
    from faisse.territories.testing import make_territory

    other_plan = make_plan(make_territory("Communauté voisine"))
    theirs = other_plan.nodes.filter(kind="action").first()
    edit(theirs, make_member(other_plan.territory, Role.EDITOR), title="Secret de B")
    record = versions(theirs)[0]
    client.force_login(editor)
    response = client.post(url(action), {"history_id": record.history_id}, follow=True)
    html = response.content.decode()
    assert "Cette version n’existe pas pour" in html
    assert str(theirs.pk) not in html.split("<main", 1)[1].split("</main>")[0]
    assert "Secret de B" not in html
    theirs.refresh_from_db()
    assert theirs.title == "Secret de B"
