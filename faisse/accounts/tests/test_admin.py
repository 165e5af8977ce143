"""The Django admin of people: e-mail addresses, roles inline, no invitation made there."""

import pytest
from django.urls import reverse

from faisse.accounts.models import User
from faisse.accounts.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client):
    user = make_user("ops@example.org", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_people_pages_open(client, operator):
    for name in ("accounts_user_changelist", "accounts_user_add", "accounts_invitation_changelist"):
        assert client.get(reverse(f"admin:{name}")).status_code == 200
    assert client.get(reverse("admin:accounts_user_change", args=[operator.pk])).status_code == 200
    assert client.get(reverse("admin:accounts_invitation_add")).status_code == 403


def test_an_address_typed_with_capitals_is_stored_as_the_login_form_reads_it(client, operator):
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Camille@Example.ORG",
            "usable_password": "true",
            "password1": "terrasse de pierre seche",
            "password2": "terrasse de pierre seche",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="camille@example.org").exists()
