"""PATCH /territories/{slug}/nodes/{pk} follows the rules of the edit form, strictly.

The probe found: a PATCH with only `version` raised the version and wrote a history
entry; `"version": true` and `"is_published": "yes"` were accepted; an empty title too;
unknown fields were ignored; 2 MB texts were stored; an invalid body without a token
got 422 before 401. Each case here sends that request and checks the answer and that
nothing was written.
"""

import json

import pytest

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def node():
    plan = make_plan(make_territory())
    return PlanNode.objects.filter(plan=plan, kind="action").first()


@pytest.fixture
def patch(client, node):
    _token, secret = ApiToken.create(
        make_member(node.territory, Role.EDITOR), node.territory, "essai", "read_write"
    )
    url = f"/api/v1/territories/{node.territory.slug}/nodes/{node.pk}"

    def send(body, *, token=secret, raw=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        data = raw if raw is not None else json.dumps(body)
        response = client.patch(url, data, content_type="application/json", **headers)
        return response.status_code, response.json()

    return send


def unchanged(node) -> bool:
    before = (node.version, node.title, node.is_published, node.history.count())
    node.refresh_from_db()
    return (node.version, node.title, node.is_published, node.history.count()) == before


def test_a_patch_that_changes_nothing_writes_nothing(patch, node):
    for body in ({"version": 1}, {"version": 1, "title": node.title}):
        status, answer = patch(body)
        assert status == 200 and answer["version"] == 1
        assert unchanged(node)


def test_a_real_change_raises_the_version_once_and_is_recorded(patch, node):
    status, answer = patch({"version": 1, "title": "Nouvel intitulé"})
    assert status == 200 and answer["version"] == 2
    node.refresh_from_db()
    assert node.history.count() == 2 and node.history.first().title == "Nouvel intitulé"


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"version": True, "title": "x"}, "version", "nombre entier"),
        ({"version": "1", "title": "x"}, "version", "nombre entier"),
        ({"version": 1.5, "title": "x"}, "version", "nombre entier"),
        ({"version": 1, "is_published": "yes"}, "is_published", "true ou false"),
        ({"version": 1, "is_published": 0}, "is_published", "true ou false"),
        ({"version": 1, "title": 12}, "title", "doit être un texte"),
        ({"version": 1, "titre": "x"}, "titre", "champ inconnu"),
        ({"title": "x"}, "version", "obligatoire"),
        ({"version": 1, "title": ""}, "title", "Donnez un intitulé"),
        ({"version": 1, "title": "  \n "}, "title", "Donnez un intitulé"),
        ({"version": 1, "title": "x" * 1001}, "title", "1\xa0001 caractères, 1\xa0000 au plus"),
        ({"version": 1, "number": "1" * 25}, "number", "20 caractères"),
        ({"version": 1, "description": "é" * 20_001}, "description", "20\xa0000 au plus"),
        ({"version": 1, "description": "a\x01b"}, "description", "U+0001"),
        ({"version": 1, "follow_up": "x\x00"}, "follow_up", "nul"),
    ],
)
def test_what_the_form_refuses_the_api_refuses_with_a_422(patch, node, body, field, message):
    status, answer = patch(body)
    assert status == 422, answer
    assert field in {error["field"] for error in answer["errors"]}
    assert isinstance(answer["detail"], str) and message in answer["detail"]
    assert unchanged(node)


def test_two_megabytes_of_text_are_refused(patch, node):
    status, answer = patch({"version": 1, "description": "x" * 2_000_000})
    assert status == 422 and "trop long" in answer["detail"].lower()
    assert unchanged(node)


def test_a_body_over_the_request_limit_is_a_json_413(patch, node, settings):
    status, answer = patch(None, raw='{"version": 1, "description": "' + "x" * 3_000_000 + '"}')
    assert status == 413 and "trop volumineuse" in answer["detail"]
    assert unchanged(node)


@pytest.mark.parametrize("raw", ["{pas du json", '{"version": true, "x": 1}', "[]"])
def test_without_a_token_the_answer_is_401_whatever_the_body(patch, node, raw):
    status, answer = patch(None, raw=raw, token=None)
    assert status == 401 and "jeton" in answer["detail"]
    status, answer = patch(None, raw=raw, token="faisse_inconnu")
    assert status == 401 and answer["detail"] == "Jeton inconnu ou révoqué."
    assert unchanged(node)


def test_an_unreadable_body_with_a_token_is_a_400(patch, node):
    status, answer = patch(None, raw="{pas du json")
    assert status == 400 and answer["detail"] == "Corps de la requête illisible : JSON attendu."
    assert unchanged(node)


def test_a_members_only_follow_up_is_null_for_the_public(client, patch, node):
    status, answer = patch({"version": 1, "follow_up": "Retard", "follow_up_is_public": False})
    assert status == 200 and answer["follow_up"] == "Retard"
    url = f"/api/v1/territories/{node.territory.slug}/nodes/{node.pk}"
    public = client.get(url).json()
    assert public["follow_up"] is None and public["follow_up_is_public"] is False
    patch({"version": 2, "follow_up_is_public": True})
    assert client.get(url).json()["follow_up"] == "Retard"
