"""My data (RGPD): a person sees and downloads what is kept about them, and erases their
account; the history keeps the changes, attributed to an erased account."""

import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import ApiToken, Invitation, Membership, Role, User
from faisse.accounts.testing import make_member
from faisse.plans.editing import update_node
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    """An editor who pilots an action, changed it, holds a token and once mistyped."""
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    make_member(territory, Role.ADMIN)  # someone else keeps the territory administered
    user = make_member(territory, Role.EDITOR, "camille@example.org", first_name="Camille")
    action = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()
    action.pilots.add(user)
    update_node(action, user, {"title": "Titre de Camille"}, action.version)
    ApiToken.create(user, territory, "tableur", "read")
    AccessAttempt.objects.create(username=user.email, ip_address="10.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username=user.email, ip_address="10.1.2.3", user_agent="Firefox")
    Invitation.create(make_territory("Autre agglo"), user.email, Role.PARTNER)
    LogEntry.objects.log_actions(
        user.pk, [user], CHANGE, "modifié", single_object=True
    )  # an operator edited the account in Django's admin
    return user, action


def test_the_download_holds_everything_kept(client, person):
    user, action = person
    client.force_login(user)
    assert "1 action pilotée" in client.get(reverse("accounts:my_data")).content.decode()
    response = client.get(reverse("accounts:my_data_download"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "camille@example.org"
    assert [m["role"] for m in data["memberships"]] == ["editor"]
    assert [t["name"] for t in data["api_tokens"]] == ["tableur"]
    assert "token_hash" not in json.dumps(data)
    assert "10.1.2.3" in [r["ip_address"] for r in data["login_records"]]
    assert [i["territory"] for i in data["invitations_received"]] == ["Autre agglo"]
    assert [(r["role"], r["change"]) for r in data["role_history"]] == [("editor", "given")]
    assert data["piloted_actions"] == [
        {"territory": "Agglo des Faïsses", "title": "Titre de Camille", "id": action.pk}
    ]
    assert {"object": "node", "id": action.pk, "change": "changed"}.items() <= data[
        "changes_to_plans"
    ][-1].items()


def test_erasing_empties_the_account_and_keeps_the_history_anonymous(client, person):
    user, action = person
    other_browser = Client()
    other_browser.force_login(user)
    client.force_login(user)
    refused = client.post(reverse("accounts:erase"), {"email": "autre@example.org"})
    assert refused.status_code == 400 and User.objects.get(pk=user.pk).erased_at is None

    response = client.post(reverse("accounts:erase"), {"email": "Camille@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    erased = User.objects.get(pk=user.pk)
    assert erased.erased_at and not erased.is_active and not erased.has_usable_password()
    assert (erased.first_name, erased.last_name) == ("", "")
    assert "camille" not in erased.email
    assert not Membership.objects.filter(user=erased).exists()
    assert not ApiToken.objects.filter(user=erased).exists()
    assert not action.pilots.exists()
    for model in (AccessAttempt, AccessLog, Invitation):
        field = "email" if model is Invitation else "username"
        assert not model.objects.filter(**{f"{field}__iexact": "camille@example.org"}).exists()
    assert "Camille" not in str(list(LogEntry.objects.values_list("object_repr", flat=True)))
    assert not any(
        s.get_decoded().get("_auth_user_id") == str(user.pk) for s in Session.objects.all()
    )
    assert other_browser.get(reverse("accounts:account")).status_code == 302
    change = PlanNode.history.filter(id=action.pk, title="Titre de Camille").first()
    assert str(change.history_user) == f"Compte supprimé n° {erased.pk}"
    # Signed out, and the old address no longer signs in.
    assert client.get(reverse("accounts:account")).status_code == 302
    login = {"username": "camille@example.org", "password": "x"}
    assert client.post(reverse("accounts:login"), login).status_code == 200  # refused


def test_the_last_administrator_cannot_erase_their_account(client):
    territory = make_territory("Agglo des Faïsses")
    admin = make_member(territory, Role.ADMIN)
    client.force_login(admin)
    page = client.get(reverse("accounts:erase")).content.decode()
    assert "dernier·e administrateur·rice de : Agglo des Faïsses" in page
    client.post(reverse("accounts:erase"), {"email": admin.email})
    assert User.objects.get(pk=admin.pk).erased_at is None
    assert Membership.objects.filter(user=admin).exists()


def test_my_data_pages_are_for_signed_in_people_only(client):
    for name in ("accounts:my_data", "accounts:my_data_download", "accounts:erase"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_the_documented_retention_commands_remove_old_login_records():
    old = AccessLog.objects.create(username="a@example.org", ip_address="10.0.0.9")
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - timedelta(days=200))
    recent = AccessLog.objects.create(username="b@example.org", ip_address="10.0.0.8")
    call_command("axes_reset_logs", age=180)
    call_command("axes_reset_failure_logs", age=180)
    call_command("clearsessions")
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [recent.pk]
