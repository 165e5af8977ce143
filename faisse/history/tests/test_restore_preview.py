"""Restoring a version asks first: the first POST shows what will change (field by field,
current → restored) and whether the public site will see it; only the second POST, with
`confirm=1`, restores."""

import re

import pytest
from django.urls import reverse

from faisse.history.changes import RestoreError, restore_preview
from faisse.history.tests.conftest import edit
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db


def url(node):
    return reverse("history:restore", args=[node.territory.slug, node.pk])


def history_url(node):
    return reverse("history:node", args=[node.territory.slug, node.pk])


def first_version(node):
    return PlanNode.history.filter(id=node.pk).order_by("history_date", "history_id").first()


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>")[0]


def rows(html: str) -> list[tuple[str, str, str]]:
    """The preview's table: (field, now, after the restore)."""
    table = main(html).split("<tbody>", 1)[1].split("</tbody>")[0]
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        found.append(tuple(cells))
    return found


def test_the_first_post_shows_a_preview_and_changes_nothing(client, action, editor):
    original = action.title
    edit(action, editor, title="Intitulé revu", internal_notes="Note interne")
    versions_before = PlanNode.history.filter(id=action.pk).count()
    client.force_login(editor)
    response = client.post(
        url(action), {"history_id": first_version(action).history_id, "version": 2}
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "history/restore_confirm.html"
    html = response.content.decode()
    assert "Restaurer la version du " in html and "Rien n’a encore changé" in html
    # Only the fields that change, each: its French name, now → after the restore.
    assert rows(html) == [
        ("Intitulé", "Intitulé revu", original),
        ("Notes internes", "Note interne", "(vide)"),
    ]
    # The confirmation repeats the version and the node's version, and asks with confirm=1.
    form = main(html).split('<form method="post"', 1)[1]
    assert f'action="{url(action)}"' in form
    assert f'name="history_id" value="{first_version(action).history_id}"' in form
    assert 'name="version" value="2"' in form and 'name="confirm" value="1"' in form
    assert "Confirmer la restauration" in form and f'href="{history_url(action)}"' in form
    action.refresh_from_db()
    assert (action.title, action.version) == ("Intitulé revu", 2)
    assert PlanNode.history.filter(id=action.pk).count() == versions_before


def test_the_second_post_with_confirm_restores(client, action, editor):
    original = action.title
    edit(action, editor, title="Intitulé revu")
    client.force_login(editor)
    data = {"history_id": first_version(action).history_id, "version": 2}
    preview = client.post(url(action), data).content.decode()
    assert 'name="confirm" value="1"' in preview
    response = client.post(url(action), {**data, "confirm": "1"}, follow=True)
    assert response.redirect_chain == [(history_url(action), 302)]
    assert "La version choisie a été restaurée." in response.content.decode()
    action.refresh_from_db()
    assert (action.title, action.version) == (original, 3)
    latest = PlanNode.history.filter(id=action.pk).latest()
    assert latest.history_user == editor
    assert latest.history_change_reason.startswith("Restauration de la version du ")


def test_a_confirm_other_than_1_only_shows_the_preview(client, action, editor):
    edit(action, editor, title="Intitulé revu")
    client.force_login(editor)
    data = {"history_id": first_version(action).history_id, "version": 2}
    for confirm in ("", "0", "oui", "true"):
        response = client.post(url(action), {**data, "confirm": confirm})
        assert (
            response.status_code == 200 and "Confirmer la restauration" in response.content.decode()
        )
    action.refresh_from_db()
    assert (action.title, action.version) == ("Intitulé revu", 2)


def test_a_change_between_the_preview_and_the_confirmation_is_refused(client, action, editor):
    edit(action, editor, title="Deux")
    client.force_login(editor)
    data = {"history_id": first_version(action).history_id, "version": 2}
    assert client.post(url(action), data).status_code == 200
    edit(action, editor, title="Trois")  # someone saved meanwhile
    response = client.post(url(action), {**data, "confirm": "1"}, follow=True)
    assert "modifié depuis l’affichage" in response.content.decode()
    action.refresh_from_db()
    assert (action.title, action.version) == ("Trois", 3)


def test_people_who_may_not_edit_get_neither_preview_nor_restore(client, action, editor, outsiders):
    edit(action, editor, title="Changé")
    data = {"history_id": first_version(action).history_id, "version": 2}
    for person in outsiders.values():
        client.force_login(person)
        assert client.post(url(action), data).status_code == 403
        assert client.post(url(action), {**data, "confirm": "1"}).status_code == 403
    action.refresh_from_db()
    assert (action.title, action.version) == ("Changé", 2)


def notice(client, node) -> str:
    response = client.post(url(node), {"history_id": first_version(node).history_id})
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main(response.content.decode())))


def test_a_published_element_warns_that_the_public_site_will_change(client, action, editor):
    edit(action, editor, title="Intitulé revu")
    client.force_login(editor)
    text = notice(client, action)
    assert "Le site public changera" in text and "sa page sur le site public changera" in text
    assert "Publié actuellement : oui · après la restauration : oui" in text


def test_a_draft_element_says_the_public_site_stays_the_same(client, action, editor):
    edit(action, editor, is_published=False)
    edit(action, editor, title="Brouillon revu")
    client.force_login(editor)
    # Back to the version before it was unpublished: it will appear on the public site.
    text = notice(client, action)
    assert "Le site public changera" in text and "la restauration le publiera" in text
    # Back to the draft before the new title: still a draft, nothing public changes.
    draft = PlanNode.history.filter(id=action.pk, title=action.title, is_published=False).get()
    response = client.post(url(action), {"history_id": draft.history_id})
    text = re.sub(r"<[^>]+>", " ", main(response.content.decode()))
    assert "Le site public ne changera pas" in text and "n’est pas publié" in text


def test_unpublishing_by_restore_says_the_element_will_leave_the_public_site(
    client, action, editor
):
    edit(action, editor, is_published=False)
    edit(action, editor, is_published=True, title="Publié de nouveau")
    draft = PlanNode.history.filter(id=action.pk, is_published=False).get()
    client.force_login(editor)
    response = client.post(url(action), {"history_id": draft.history_id})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main(response.content.decode())))
    assert "Le site public changera" in text
    assert "la restauration le dépubliera" in text and "disparaîtra du site public" in text
    assert "Publié actuellement : oui · après la restauration : non" in text


def test_only_internal_notes_change_then_the_public_site_does_not(client, action, editor):
    edit(action, editor, internal_notes="Secret de l’équipe")
    client.force_login(editor)
    text = notice(client, action)
    assert "Le site public ne changera pas" in text and "réservés aux membres" in text


def test_a_follow_up_note_counts_as_public_only_when_its_writer_chose_so(action, editor):
    edit(action, editor, follow_up="Pour l’équipe")
    first = first_version(action)
    assert not restore_preview(action, first.history_id).public_change
    edit(action, editor, follow_up_is_public=True)
    assert restore_preview(action, first.history_id).public_change


def test_under_an_unpublished_parent_nothing_public_changes(action, editor):
    objective = action.parent
    edit(action, editor, title="Sous un brouillon")
    edit(objective, editor, is_published=False)
    preview = restore_preview(action, first_version(action).history_id)
    assert not preview.published_now and not preview.published_after
    assert not preview.public_change and "placé sous un élément non publié" in preview.notice


def test_the_preview_refuses_what_restore_would_refuse(action, editor):
    edit(action, editor, title="Deux")
    latest = PlanNode.history.filter(id=action.pk).latest()
    with pytest.raises(RestoreError, match="identique"):
        restore_preview(action, latest.history_id)
    with pytest.raises(RestoreError, match="modifié depuis"):
        restore_preview(action, first_version(action).history_id, expected_version=1)
    with pytest.raises(RestoreError, match="n’existe pas"):
        restore_preview(action, 999999)


def test_the_preview_reads_booleans_in_words(client, action, editor):
    edit(action, editor, follow_up="Lancée", follow_up_is_public=True, is_published=False)
    client.force_login(editor)
    html = client.post(url(action), {"history_id": first_version(action).history_id}).content
    assert sorted(rows(html.decode())) == [
        (
            "Lecteurs de la note de suivi",
            "tout le monde, sur le site public",
            "les membres du territoire seulement",
        ),
        ("Note de suivi", "Lancée", "(vide)"),
        ("Publié", "non", "oui"),
    ]


def test_the_history_page_restore_button_leads_to_the_preview(client, action, editor):
    """Without JavaScript: the button is a plain form posting to the restore address,
    without confirm; the preview answers it."""
    edit(action, editor, title="Revu")
    client.force_login(editor)
    html = client.get(history_url(action)).content.decode()
    form = html.split(f'action="{url(action)}"', 1)[1].split("</form>")[0]
    assert 'name="confirm"' not in form and "Restaurer cette version" in form
    assert "Vous verrez ce qui changera avant de confirmer." in html
