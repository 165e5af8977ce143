"""The public page of an action shows a short history to those who may edit, only."""

import pytest

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.history.tests.conftest import edit

pytestmark = pytest.mark.django_db


def test_editors_see_the_last_changes_and_a_link_to_the_full_history(client, action, editor):
    edit(action, editor, title="Titre du jour", follow_up="Lancée")
    client.force_login(editor)
    html = client.get(action.get_absolute_url()).content.decode()
    assert 'id="historique"' in html and "note de suivi" in html
    assert f"/gestion/historique/elements/{action.pk}/" in html


def test_nobody_else_sees_it(client, action, editor, outsiders):
    edit(action, editor, title="Titre du jour")
    client.logout()
    assert 'id="historique"' not in client.get(action.get_absolute_url()).content.decode()
    for person in [*outsiders.values(), make_member(action.territory, Role.ELECTED)]:
        client.force_login(person)
        html = client.get(action.get_absolute_url()).content.decode()
        assert 'id="historique"' not in html and "/gestion/historique/" not in html
