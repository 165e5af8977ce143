"""Sign-in links by e-mail: neutral answer, one use, 15 minutes."""

import re
import time

import pytest
from django.urls import reverse

from faisse.accounts.testing import make_user

pytestmark = pytest.mark.django_db
ASK = reverse("accounts:signin_link")


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_the_answer_is_the_same_for_known_and_unknown_addresses(client, mailoutbox):
    make_user("elu@example.org")
    known = client.post(ASK, {"email": "Elu@Example.org"})
    unknown = client.post(ASK, {"email": "personne@example.org"})
    assert known.status_code == unknown.status_code == 200

    def message(response):
        return response.content.decode().split('role="status"')[1].split("</div>")[0]

    assert message(known).replace("elu@", "X@") == message(unknown).replace("personne@", "X@")
    assert "Si un compte existe pour l’adresse" in message(known)
    assert [m.to for m in mailoutbox] == [["elu@example.org"]]
    assert mailoutbox[0].subject == "Votre lien de connexion à Faïsse"
    assert "15 minutes" in mailoutbox[0].body


def test_an_inactive_person_gets_no_link(client, mailoutbox):
    make_user("parti@example.org", is_active=False)
    client.post(ASK, {"email": "parti@example.org"})
    assert mailoutbox == []


def test_opening_the_link_asks_before_signing_in_then_it_works_once(client, mailoutbox):
    user = make_user("elu@example.org")
    client.post(ASK, {"email": "elu@example.org"})
    url = link_in(mailoutbox[0])
    page = client.get(url)  # what a mail filter following links would do
    assert page.status_code == 200 and "Me connecter" in page.content.decode()
    assert "_auth_user_id" not in client.session
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:account")
    assert client.session["_auth_user_id"] == str(user.pk)

    client.logout()
    again = client.post(url)
    assert again.status_code == 200
    assert "n’est plus valable" in again.content.decode()
    assert "_auth_user_id" not in client.session
    assert "n’est plus valable" in client.get(url).content.decode()


def test_the_link_expires_after_15_minutes(client, mailoutbox, monkeypatch):
    make_user("elu@example.org")
    client.post(ASK, {"email": "elu@example.org"})
    url = link_in(mailoutbox[0])

    class Later:
        @staticmethod
        def time():
            return time.time() + 15 * 60 + 1

    monkeypatch.setattr("sesame.tokens_v2.time", Later)
    response = client.post(url)
    assert "n’est plus valable" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_still_valid_just_before_15_minutes(client, mailoutbox, monkeypatch):
    make_user("elu@example.org")
    client.post(ASK, {"email": "elu@example.org"})

    class Later:
        @staticmethod
        def time():
            return time.time() + 14 * 60

    monkeypatch.setattr("sesame.tokens_v2.time", Later)
    assert client.post(link_in(mailoutbox[0])).status_code == 302


def test_a_tampered_link_signs_nobody_in(client, mailoutbox):
    make_user("elu@example.org")
    client.post(ASK, {"email": "elu@example.org"})
    url = link_in(mailoutbox[0])
    # A character in the middle of the signature (the last one may only carry padding).
    position = len(url) - 6
    tampered = url[:position] + ("A" if url[position] != "A" else "B") + url[position + 1 :]
    assert "n’est plus valable" in client.post(tampered).content.decode()
    assert "_auth_user_id" not in client.session


def test_the_link_leads_back_to_the_page_asked_for(client, mailoutbox):
    make_user("elu@example.org")
    client.post(ASK, {"email": "elu@example.org", "next": "/compte/jetons/"})
    url = link_in(mailoutbox[0])
    assert "next=%2Fcompte%2Fjetons%2F" in url
    assert client.post(url)["Location"] == "/compte/jetons/"


def test_an_outside_next_is_dropped(client, mailoutbox):
    make_user("elu@example.org")
    client.post(ASK, {"email": "elu@example.org", "next": "https://evil.example/"})
    assert "evil" not in link_in(mailoutbox[0])


def alert(response) -> str:
    return response.content.decode().split('role="alert"')[1].split("</div>")[0]


def test_one_link_per_minute_and_address_and_the_second_request_is_told_so(client, mailoutbox):
    """A second link within the minute was reported as sent, and was not."""
    make_user("elu@example.org")
    assert client.post(ASK, {"email": "elu@example.org"}).status_code == 200
    for _ in range(2):
        again = client.post(ASK, {"email": "Elu@example.org"})
        assert again.status_code == 429
        message = alert(again)
        assert "a déjà été demandé pour l’adresse elu@example.org il y a un instant" in message
        assert re.search(r"attendez (60|59|58) secondes, puis réessayez", message)
        assert "vient d’y être envoyé" not in again.content.decode()
        assert 'value="Elu@example.org"' in again.content.decode()  # ready to try again
    assert len(mailoutbox) == 1


def test_being_told_to_wait_says_nothing_about_an_account(client, mailoutbox):
    """Account enumeration: an address without account is limited and answered the same."""
    make_user("elu@example.org")
    answers = {}
    for email in ("elu@example.org", "personne@example.org"):
        client.post(ASK, {"email": email})
        again = client.post(ASK, {"email": email})
        answers[email] = (again.status_code, alert(again).replace(email, "X"))
    assert answers["elu@example.org"] == answers["personne@example.org"]
    assert "s’il existe un compte pour cette adresse" in answers["elu@example.org"][1]
    assert len(mailoutbox) == 1


def test_after_the_wait_a_new_link_is_sent(client, mailoutbox, settings):
    settings.ACCOUNT_EMAIL_INTERVAL = 1
    make_user("elu@example.org")
    client.post(ASK, {"email": "elu@example.org"})
    assert "attendez 1 seconde, puis" in alert(client.post(ASK, {"email": "elu@example.org"}))
    time.sleep(1.1)
    assert client.post(ASK, {"email": "elu@example.org"}).status_code == 200
    assert len(mailoutbox) == 2


def test_a_second_password_reset_within_the_minute_is_told_so(client, mailoutbox):
    make_user("camille@example.org")
    reset = reverse("accounts:password_reset")
    answers = {}
    for email in ("camille@example.org", "inconnu@example.org"):
        assert client.post(reset, {"email": email}).status_code == 302
        again = client.post(reset, {"email": email})
        assert again.status_code == 429
        answers[email] = alert(again).replace(email, "X")
        assert "a déjà été demandé pour l’adresse X il y a un instant" in answers[email]
    assert answers["camille@example.org"] == answers["inconnu@example.org"]
    assert len(mailoutbox) == 1


def test_password_reset_by_email(client, mailoutbox):
    user = make_user("camille@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "camille@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox[0].subject == "Choisir un nouveau mot de passe sur Faïsse"
    url = link_in(mailoutbox[0])
    assert "/mot-de-passe/nouveau/" in url
    form_page = client.get(url, follow=True)
    assert "Nouveau mot de passe" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "terrasse de pierre seche", "new_password2": "terrasse de pierre seche"},
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("terrasse de pierre seche")
    # The reset link works once.
    assert "n’est plus valable" in client.get(url, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_answers_the_same(client, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "inconnu@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox == []
