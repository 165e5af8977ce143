"""Personal API tokens: hashed, scoped to a territory, read or read-write, revocable; the API
applies the same abilities as the pages."""

import json
from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = make_plan(make_territory("Agglo des Faïsses"))
    draft = PlanNode.objects.filter(plan=plan, kind="axis").last()
    draft.is_published = False
    draft.save()
    return plan


def token_for(plan, role, scope=ApiToken.Scope.READ_WRITE):
    user = make_member(plan.territory, role)
    return ApiToken.create(user, plan.territory, "essai", scope)


def call(client, method, url, secret=None, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    if body is not None:
        response = getattr(client, method)(
            url, json.dumps(body), content_type="application/json", **headers
        )
    else:
        response = getattr(client, method)(url, **headers)
    return response.status_code, response.json()


def axes(body):
    return [node["title"] for node in body["nodes"]]


def test_only_the_hash_is_stored_and_the_secret_is_shown_once(plan):
    token, secret = token_for(plan, Role.EDITOR)
    assert secret.startswith("faisse_") and secret not in token.token_hash
    assert ApiToken.find(secret) == token and ApiToken.find(secret + "x") is None


def test_drafts_are_returned_to_members_only(client, plan):
    url = f"/api/v1/territories/{plan.territory.slug}/plan"
    status, public = call(client, "get", url)
    assert status == 200 and axes(public) == ["Axe 1"]
    _token, secret = token_for(plan, Role.ELECTED, ApiToken.Scope.READ)
    assert axes(call(client, "get", url, secret)[1]) == ["Axe 1", "Axe 2"]
    _token, secret = token_for(plan, Role.PARTNER, ApiToken.Scope.READ)
    assert axes(call(client, "get", url, secret)[1]) == ["Axe 1"]


def test_a_read_write_token_of_an_editor_changes_a_node(client, plan):
    _token, secret = token_for(plan, Role.EDITOR)
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    url = f"/api/v1/territories/{plan.territory.slug}/nodes/{node.pk}"
    status, body = call(client, "patch", url, secret, {"version": 1, "title": "Par l'API"})
    assert status == 200 and (body["title"], body["version"]) == ("Par l'API", 2)
    status, body = call(client, "patch", url, secret, {"version": 1, "title": "Écrasement"})
    assert status == 409 and "version actuelle est 2" in body["detail"]
    node.refresh_from_db()
    assert node.title == "Par l'API"


def test_a_read_token_never_writes_nor_does_a_session(client, plan):
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    url = f"/api/v1/territories/{plan.territory.slug}/nodes/{node.pk}"
    token, secret = token_for(plan, Role.EDITOR, ApiToken.Scope.READ)
    assert call(client, "patch", url, secret, {"version": 1, "title": "x"})[0] == 403
    client.force_login(token.user)
    assert call(client, "patch", url, None, {"version": 1, "title": "x"})[0] == 401
    node.refresh_from_db()
    assert node.title == "Action 1"


def test_a_pilot_token_changes_only_the_follow_up_of_its_actions(client, plan):
    token, secret = token_for(plan, Role.PILOT)
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    node.pilots.add(token.user)
    url = f"/api/v1/territories/{plan.territory.slug}/nodes/{node.pk}"
    assert call(client, "patch", url, secret, {"version": 1, "follow_up": "Lancé"})[0] == 200
    status, body = call(client, "patch", url, secret, {"version": 2, "title": "x"})
    assert status == 403 and "title" in body["detail"]


def test_a_token_counts_only_in_its_territory(client, plan):
    _token, secret = token_for(plan, Role.ADMIN)
    other = make_plan(make_territory())
    status, body = call(client, "get", f"/api/v1/territories/{other.territory.slug}/plan", secret)
    assert status == 403 and "ne vaut que pour" in body["detail"]


def test_a_revoked_token_is_refused(client, plan):
    token, secret = token_for(plan, Role.EDITOR)
    url = f"/api/v1/territories/{plan.territory.slug}/plan"
    assert call(client, "get", url, secret)[0] == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    token.revoke()
    status, body = call(client, "get", url, secret)
    assert status == 401 and body["detail"] == "Jeton inconnu ou révoqué."


@pytest.mark.parametrize("header", ["Token abc", "Bearer", "Bearer faisse_inconnu", "Basic eDp5"])
def test_malformed_or_unknown_credentials_are_401(client, plan, header):
    response = client.get(
        f"/api/v1/territories/{plan.territory.slug}/plan", HTTP_AUTHORIZATION=header
    )
    assert response.status_code == 401


def test_unpublished_node_is_404_for_the_public(client, plan):
    draft = PlanNode.objects.get(plan=plan, is_published=False)
    url = f"/api/v1/territories/{plan.territory.slug}/nodes/{draft.pk}"
    assert call(client, "get", url)[0] == 404
    _token, secret = token_for(plan, Role.ELECTED, ApiToken.Scope.READ)
    status, body = call(client, "get", url, secret)
    assert status == 200 and body["internal_notes"] == ""


def test_null_values_are_refused_with_a_422_and_nothing_is_written(client, plan):
    _token, secret = token_for(plan, Role.EDITOR)
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    url = f"/api/v1/territories/{plan.territory.slug}/nodes/{node.pk}"
    body = {"version": 1, "title": None, "follow_up": None, "description": "Nouveau"}
    status, answer = call(client, "patch", url, secret, body)
    assert status == 422
    assert {error["field"] for error in answer["errors"]} == {"title", "follow_up"}
    assert "title : ne peut pas valoir null" in answer["detail"]
    node.refresh_from_db()
    assert (node.version, node.description) == (1, "")


@pytest.mark.parametrize("text", ["avec\x00nul", "moitié \ud800 de paire"])
def test_texts_the_database_cannot_store_are_refused_with_a_422(client, plan, text):
    _token, secret = token_for(plan, Role.EDITOR)
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    url = f"/api/v1/territories/{plan.territory.slug}/nodes/{node.pk}"
    status, answer = call(client, "patch", url, secret, {"version": 1, "follow_up": text})
    assert status == 422 and answer["errors"][0]["field"] == "follow_up"
    assert answer["detail"].startswith("Note de suivi : ") and "interdit" in answer["detail"]
    node.refresh_from_db()
    assert (node.version, node.follow_up) == (1, "")


def test_an_expired_token_gets_a_401_saying_it_expired(client, plan):
    token, secret = token_for(plan, Role.EDITOR)
    url = f"/api/v1/territories/{plan.territory.slug}/plan"
    assert call(client, "get", url, secret)[0] == 200
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.make_aware(datetime(2026, 3, 12, 14, 5))
    )
    status, body = call(client, "get", url, secret)
    assert status == 401
    assert body["detail"].startswith("Ce jeton a expiré le 12 mars 2026 à 14:05 : créez-en")
    assert "/compte/jetons/" in body["detail"]
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    node_url = f"/api/v1/territories/{plan.territory.slug}/nodes/{node.pk}"
    status, body = call(client, "patch", node_url, secret, {"version": 1, "title": "x"})
    assert status == 401 and "a expiré" in body["detail"]
    node.refresh_from_db()
    assert node.title == "Action 1"
    assert ApiToken.find(secret) is None and ApiToken.identify(secret) == token


def test_a_token_works_until_its_expiry(client, plan):
    token, secret = token_for(plan, Role.EDITOR)
    url = f"/api/v1/territories/{plan.territory.slug}/plan"
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() + timedelta(minutes=1))
    assert call(client, "get", url, secret)[0] == 200


def test_a_revoked_expired_token_is_told_revoked(client, plan):
    token, secret = token_for(plan, Role.EDITOR)
    token.revoke()
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(days=1))
    status, body = call(client, "get", f"/api/v1/territories/{plan.territory.slug}/plan", secret)
    assert status == 401 and body["detail"] == "Jeton inconnu ou révoqué."


@pytest.mark.parametrize("days", [0, -1, 366, True, "30"])
def test_a_lifetime_outside_one_day_to_a_year_is_refused(plan, days):
    user = make_member(plan.territory, Role.EDITOR)
    with pytest.raises(ValidationError, match="de 1 à 365 jours"):
        ApiToken.create(user, plan.territory, "essai", "read", days=days)
    assert not ApiToken.objects.exists()


def test_a_node_says_its_level_in_the_plan_s_own_words(client, plan):
    plan.set_level_names({"action": ["Fiche action", "Fiches action"]})
    _token, secret = token_for(plan, Role.EDITOR)
    node = PlanNode.objects.filter(plan=plan, kind="action").first()
    url = f"/api/v1/territories/{plan.territory.slug}/nodes/{node.pk}"
    status, body = call(client, "get", url, secret, None)
    assert status == 200 and (body["kind"], body["level_name"]) == ("action", "Fiche action")
