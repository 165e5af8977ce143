"""When the mail server cannot be reached, nothing breaks: the invitation is kept and its
link shown to the administrator; a sign-in link request answers as usual."""

import socket

import pytest
from django.urls import reverse

from faisse.accounts.models import Invitation, Role
from faisse.accounts.testing import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(settings):
    """The real SMTP backend, aimed at a local port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2


def test_an_invitation_survives_the_mail_server_and_its_link_is_shown(
    client, territory, mail_server_down
):
    client.force_login(make_member(territory, Role.ADMIN))
    data = {"email": "nouvelle@example.org", "role": Role.PARTNER}
    response = client.post(reverse("members:invite", args=[territory.slug]), data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "l’e-mail n’a pas pu partir" in html
    assert "/invitation/" in html  # the link, to hand over another way
    assert Invitation.objects.filter(email="nouvelle@example.org").exists()


def test_a_sign_in_link_request_answers_the_same(client, territory, mail_server_down):
    make_member(territory, Role.PARTNER, "partenaire@example.org")
    response = client.post(reverse("accounts:signin_link"), {"email": "partenaire@example.org"})
    assert response.status_code == 200
    assert "un lien de connexion vient d’y être envoyé" in response.content.decode()
