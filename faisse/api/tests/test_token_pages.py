"""/compte/jetons/: create a token shown once, for 30 days, 90 days or a year, revoke it;
only for the person's territories."""

import re
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.portal.tests.html import page
from faisse.portal.tests.test_accessibility import assert_accessible
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def shown_secret(html: str) -> str:
    field = re.search(r'<input type="text" id="jeton" value="([^"]+)"[^>]*>', html)
    return field.group(1)


def test_anonymous_is_sent_to_login(client):
    assert client.get("/compte/jetons/").status_code == 302
    assert client.post("/compte/jetons/creer/").status_code == 302


def test_create_shows_the_secret_once_then_revoke(client):
    territory = make_territory()
    user = make_member(territory, Role.EDITOR)
    client.force_login(user)
    response = client.post(
        "/compte/jetons/creer/",
        {"territory": territory.pk, "scope": "read", "name": "Tableur"},
        follow=True,
    )
    token = ApiToken.objects.get(user=user)
    secret = shown_secret(response.content.decode())
    assert ApiToken.find(secret) == token
    assert secret not in client.get("/compte/jetons/").content.decode()  # shown once
    confirm_page = client.post(f"/compte/jetons/{token.pk}/revoquer/").content.decode()
    assert "Révoquer le jeton" in confirm_page and ApiToken.find(secret) == token  # asked
    client.post(f"/compte/jetons/{token.pk}/revoquer/", {"confirm": "1"})
    assert ApiToken.find(secret) is None


def test_no_token_for_a_territory_without_role_nor_revoking_someone_else_s(client):
    mine, other = make_territory(), make_territory()
    user = make_member(mine, Role.PARTNER)
    client.force_login(user)
    response = client.post(
        "/compte/jetons/creer/", {"territory": other.pk, "scope": "read", "name": "x"}, follow=True
    )
    assert "où vous avez un rôle" in response.content.decode()
    assert not ApiToken.objects.exists()
    someone, _secret = ApiToken.create(make_member(other, Role.ADMIN), other, "x", "read")
    assert client.post(f"/compte/jetons/{someone.pk}/revoquer/").status_code == 404
    someone.refresh_from_db()
    assert someone.revoked_at is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("jeton\x00nul", "Caractère nul"),
        ("cloche\x07", "Caractère de contrôle U+0007"),
        ("x" * 101, "au plus 100 caractères"),
        ("   ", "Donnez un nom"),
    ],
)
def test_a_bad_token_name_is_refused_with_a_message(client, name, message):
    """The probe's NUL in a token name gave a 500 on PostgreSQL; a long name was cut."""
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    response = client.post(
        "/compte/jetons/creer/",
        {"territory": territory.pk, "scope": "read", "name": name},
        follow=True,
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ApiToken.objects.exists()


def create(client, territory, **fields):
    data = {"territory": territory.pk, "scope": "read", "name": "Tableur"} | fields
    return client.post("/compte/jetons/creer/", data, follow=True)


def test_the_new_token_is_in_a_wide_read_only_field_with_a_copy_button(client):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    response = create(client, territory)
    html = response.content.decode()
    field = re.search(r'<input type="text" id="jeton"[^>]*>', html).group(0)
    for attribute in ("readonly", "autofocus", 'aria-describedby="jeton-aide"'):
        assert attribute in field
    assert 'class="token-secret"' in field  # wide (.field input[type=text]), monospace
    # Without JavaScript: no button, and the text says how to copy the token by hand.
    assert "sélectionnez tout son texte (Ctrl+A" in html and "puis copiez-le (Ctrl+C" in html
    row = re.search(r"<p hidden data-copy-row>(.*?)</p>", html).group(1)
    assert ">Copier<" in row and 'data-copy-target="jeton"' in row
    assert 'data-copied="Jeton copié"' in row and 'data-copy-status="jeton-copie"' in row
    assert '<p role="status" id="jeton-copie"></p>' in html  # the live region, there first
    # The script is a file of the app, deferred, never inline (Content-Security-Policy).
    scripts = re.findall(r"<script[^>]*>", html)
    assert '<script src="/static/api/copy.js" defer>' in scripts
    assert all(re.fullmatch(r'<script src="/static/[^"]+" defer>', tag) for tag in scripts)
    assert finders.find("api/copy.js") and finders.find("api/tokens.css")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert_accessible(page(response))


def test_without_a_new_token_no_script_is_loaded(client):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    html = client.get("/compte/jetons/").content.decode()
    assert "api/copy.js" not in html and 'id="jeton"' not in html


@pytest.mark.parametrize("days", [30, 90, 365])
def test_a_token_expires_after_the_chosen_lifetime(client, days):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    before = timezone.now()
    response = create(client, territory, days=str(days))
    token = ApiToken.objects.get()
    assert before + timedelta(days=days) <= token.expires_at
    assert token.expires_at <= timezone.now() + timedelta(days=days)
    assert "valable jusqu’au" in response.content.decode()


def test_the_form_offers_30_days_90_days_by_default_or_a_year_and_never_no_expiry(client):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    html = client.get("/compte/jetons/").content.decode()
    radio = r'<input type="radio" name="days" value="(\d+)" id="[^"]+"( checked)?>'
    radios = re.findall(radio, html)
    assert radios == [("30", ""), ("90", " checked"), ("365", "")]
    assert "30 jours, jusqu’au" in html and "1 an, jusqu’au" in html
    assert "<legend>Durée de validité</legend>" in html
    assert "au plus tard au bout d’un an" in html


@pytest.mark.parametrize("days", ["0", "36500", "abc", "", "7"])
def test_another_lifetime_is_refused(client, days):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    response = create(client, territory, days=days)
    assert "Choisissez la durée de validité du jeton." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_form_without_lifetime_gets_the_default(client):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    create(client, territory)
    token = ApiToken.objects.get()
    assert (token.expires_at - token.created_at).days in (89, 90)


def test_the_list_shows_each_token_s_expiry_and_the_expired_ones(client):
    territory = make_territory()
    user = make_member(territory, Role.EDITOR)
    current, _secret = ApiToken.create(user, territory, "Tableur", "read", days=30)
    old, _secret = ApiToken.create(user, territory, "Ancien script", "read", days=30)
    ApiToken.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=2))
    client.force_login(user)
    html = client.get("/compte/jetons/").content.decode()
    assert '<th scope="col">Expire le</th>' in html
    rows = {
        name: row
        for row in re.findall(r"<tr><td>.*?</tr>", html, re.S)
        for name in ("Tableur", "Ancien script")
        if f"<td>{name}</td>" in row
    }
    expiry = timezone.localtime(current.expires_at)
    assert expiry.strftime("%Y") in rows["Tableur"] and "Révoquer" in rows["Tableur"]
    assert "expiré" in rows["Ancien script"] and "Révoquer" not in rows["Ancien script"]


PASSWORD = "Cévennes-2026-solide"


@pytest.fixture
def signed_up():
    """Rows made before Playwright starts its event loop (see portal/tests/test_browser.py)."""
    territory = make_territory("Agglo des Faïsses")
    user = make_member(territory, Role.EDITOR, "ed@example.org")
    user.set_password(PASSWORD)
    user.save()
    return user


def new_token_page(browser, live_server, **context_options):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, **context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/connexion/?next=/compte/jetons/")
    page.get_by_label("Adresse électronique").fill("ed@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_label("Nom", exact=True).fill("Tableur")
    page.get_by_role("button", name="Créer").click()
    return context, page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_a_browser_copier_copies_the_token_and_says_so(live_server, signed_up):
    from playwright.sync_api import expect

    from faisse.core.browser_testing import chromium  # skips when there is no Chromium

    with chromium() as browser:
        context, page = new_token_page(browser, live_server)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        field = page.locator("#jeton")
        expect(field).to_be_focused()
        secret = field.input_value()
        assert secret.startswith("faisse_")
        # Wide enough to show the whole token (50 characters) on a computer's screen.
        shown = page.evaluate("() => jeton.scrollWidth <= jeton.clientWidth")
        assert shown and field.bounding_box()["width"] >= 450
        # The whole token is selected as soon as the field has the focus.
        selected = page.evaluate("() => [jeton.selectionStart, jeton.selectionEnd]")
        assert selected == [0, len(secret)]
        button = page.get_by_role("button", name="Copier le jeton")
        expect(button).to_be_visible()
        button.click()
        expect(page.locator("#jeton-copie")).to_have_text("Jeton copié")
        assert page.evaluate("() => navigator.clipboard.readText()") == secret
        expect(button).to_be_focused()  # the keyboard stays where it was

        # Without JavaScript: no button, the field has the focus, the text says what to do.
        _context, page = new_token_page(browser, live_server, java_script_enabled=False)
        expect(page.locator("#jeton")).to_be_focused()
        expect(page.get_by_role("button", name="Copier le jeton")).to_be_hidden()
        expect(page.locator("#jeton-aide")).to_contain_text("Ctrl+C")
