"""Editing the plan in the site: who may change what, and concurrent edits."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def edit_url(node):
    return reverse("plans:node_edit", args=[node.territory.slug, node.pk])


def form_data(node, **changes):
    data = {
        "title": node.title,
        "number": node.number,
        "description": node.description,
        "internal_notes": node.internal_notes,
        "follow_up": node.follow_up,
        "weight": node.weight,
        "version": node.version,
    }
    if node.is_published:
        data["is_published"] = "on"
    data.update(changes)
    return data


def test_an_editor_changes_an_action(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    assert client.get(edit_url(action)).status_code == 200
    response = client.post(edit_url(action), form_data(action, title="Nouvel intitulé"))
    assert response.status_code == 302 and response["Location"] == action.get_absolute_url()
    action.refresh_from_db()
    assert (action.title, action.version) == ("Nouvel intitulé", 2)


def test_two_concurrent_edits_never_lose_the_first_silently(client, action):
    first, second = (
        make_member(action.territory, Role.EDITOR),
        make_member(action.territory, Role.EDITOR),
    )
    opened = form_data(action)  # both open the form at version 1
    client.force_login(first)
    client.post(edit_url(action), {**opened, "title": "Version de la première"})
    client.force_login(second)
    response = client.post(edit_url(action), {**opened, "title": "Version de la seconde"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "modifié par quelqu’un d’autre" in html and "Version de la première" in html
    action.refresh_from_db()
    assert action.title == "Version de la première"
    # Having read the current version, the second person may save theirs on purpose.
    again = {**opened, "title": "Version de la seconde", "version": action.version}
    assert client.post(edit_url(action), again).status_code == 302
    action.refresh_from_db()
    assert (action.title, action.version) == ("Version de la seconde", 3)


def test_a_pilot_edits_only_the_follow_up_of_their_own_actions(client, plan, action):
    pilot = make_member(plan.territory, Role.PILOT)
    action.pilots.add(pilot)
    client.force_login(pilot)
    page = client.get(edit_url(action)).content.decode()
    assert 'name="follow_up"' in page and 'name="title"' not in page
    response = client.post(
        edit_url(action), form_data(action, follow_up="Travaux lancés", title="Piraté")
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.follow_up, action.title) == ("Travaux lancés", "Action 1")
    other = PlanNode.objects.filter(plan=plan, kind="action").exclude(pk=action.pk).first()
    assert client.get(edit_url(other)).status_code == 403
    assert client.post(edit_url(other), form_data(other, follow_up="x")).status_code == 403


@pytest.mark.parametrize("role", [Role.ELECTED, Role.PARTNER, Role.PILOT])
def test_other_roles_may_not_edit(client, action, role):
    client.force_login(make_member(action.territory, role))
    assert client.post(edit_url(action), form_data(action, title="x")).status_code == 403
    action.refresh_from_db()
    assert action.title == "Action 1"


def test_anonymous_and_other_territories(client, action):
    assert client.get(edit_url(action)).status_code == 302
    client.force_login(make_member(make_territory(), Role.ADMIN))
    assert client.post(edit_url(action), form_data(action, title="x")).status_code == 403


def test_add_a_node_as_a_draft_and_refuse_a_wrong_kind(client, plan):
    objective = PlanNode.objects.filter(plan=plan, kind="objective").first()
    client.force_login(make_member(plan.territory, Role.EDITOR))
    url = reverse("plans:node_add", args=[plan.territory.slug, objective.pk])
    client.post(url, {"kind": "action", "title": "Une action nouvelle"})
    node = PlanNode.objects.get(title="Une action nouvelle")
    assert (node.parent_id, node.is_published, node.position) == (objective.pk, False, 4)
    response = client.post(url, {"kind": "axis", "title": "Un axe ici"}, follow=True)
    assert "ne peut pas être placé ici" in response.content.decode()
    assert not PlanNode.objects.filter(title="Un axe ici").exists()


def test_reorder_and_move(client, plan):
    client.force_login(make_member(plan.territory, Role.EDITOR))
    objective = PlanNode.objects.filter(plan=plan, kind="objective").first()
    first, second, _third = objective.children.order_by("position")
    url = reverse("plans:node_move", args=[plan.territory.slug, second.pk])
    client.post(url, {"direction": "up"})
    assert list(objective.children.order_by("position").values_list("pk", flat=True))[:2] == [
        second.pk,
        first.pk,
    ]
    other = PlanNode.objects.filter(plan=plan, kind="objective").exclude(pk=objective.pk).first()
    client.post(url, {"parent": other.pk})
    second.refresh_from_db()
    assert second.parent_id == other.pk
    axis = PlanNode.objects.filter(plan=plan, kind="axis").first()
    response = client.post(
        reverse("plans:node_move", args=[plan.territory.slug, axis.pk]),
        {"parent": objective.pk},
        follow=True,
    )
    assert "ne peut pas être placé" in response.content.decode()
    orientation = axis.children.first()
    response = client.post(
        reverse("plans:node_move", args=[plan.territory.slug, axis.pk]),
        {"parent": orientation.pk},
        follow=True,
    )
    axis.refresh_from_db()
    assert axis.parent_id is None


def test_an_emptied_title_is_refused_with_a_message_tied_to_the_field(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    response = client.post(edit_url(action), form_data(action, title="  "))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Donnez un intitulé" in html
    assert 'aria-describedby="id_title_error"' in html and 'id="id_title_error"' in html
    action.refresh_from_db()
    assert action.title and action.version == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "x" * 1001, "1\xa0001 caractères, 1\xa0000 au plus"),
        ("description", "d" * 20_001, "20\xa0000 au plus"),
        ("follow_up", "cloche \x07", "Caractère de contrôle U+0007 interdit au 8e caractère"),
        ("internal_notes", "nul \x00", "caractère nul n’est pas autorisé"),
    ],
)
def test_the_form_refuses_texts_over_the_limits_or_with_control_characters(
    client, action, field, value, message
):
    client.force_login(make_member(action.territory, Role.EDITOR))
    response = client.post(edit_url(action), form_data(action, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    action.refresh_from_db()
    assert action.version == 1 and not action.history.exists()  # made by bulk_create


def test_a_form_over_the_request_size_gets_a_french_page_and_writes_nothing(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    response = client.post(edit_url(action), form_data(action, description="x" * 3_000_000))
    assert response.status_code == 413
    html = response.content.decode()
    assert "trop volumineux" in html and 'lang="fr"' in html and "Bad Request" not in html
    action.refresh_from_db()
    assert action.version == 1


def test_an_unchanged_form_writes_nothing(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    assert client.post(edit_url(action), form_data(action)).status_code == 302
    action.refresh_from_db()
    assert action.version == 1 and not action.history.exists()  # made by bulk_create


def test_each_field_says_who_reads_it_and_the_follow_up_is_a_choice(client, action):
    """A pilot's note went public without warning: the form now says who reads each field
    and the note is for members unless its writer chooses the public."""
    pilot = make_member(action.territory, Role.PILOT)
    action.pilots.add(pilot)
    client.force_login(pilot)
    html = client.get(edit_url(action)).content.decode()
    assert "Qui peut lire la note de suivi ?" in html
    assert "Les membres du territoire seulement" in html and "Tout le monde" in html
    client.post(edit_url(action), {"follow_up": "Retard du chantier", "version": 1})
    action.refresh_from_db()
    assert (action.follow_up, action.follow_up_is_public) == ("Retard du chantier", False)
    client.logout()
    public = client.get(action.get_absolute_url()).content.decode()
    assert "Retard du chantier" not in public
    client.force_login(make_member(action.territory, Role.ELECTED))
    members = client.get(action.get_absolute_url()).content.decode()
    assert "Retard du chantier" in members and "visible des seuls membres" in members
    client.force_login(pilot)
    client.post(
        edit_url(action),
        {"follow_up": "Chantier lancé", "follow_up_is_public": "True", "version": 2},
    )
    client.logout()
    assert "Chantier lancé" in client.get(action.get_absolute_url()).content.decode()


def test_an_editor_sees_which_fields_are_public(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    html = client.get(edit_url(action)).content.decode()
    assert html.count("Visible du public") == 3  # title, number, description
    assert "Visible des membres du territoire" in html  # internal notes
