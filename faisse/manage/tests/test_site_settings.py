"""/<slug>/gestion/site/: an administrator sets the colour, logo and legal details of the
territory's public site; a colour that white text cannot be read on is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.territories.models import Territory, TerritorySite

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def url(territory):
    return reverse("manage:site", args=[territory.slug])


def test_an_administrator_sets_the_site_and_the_pages_say_it(client, territory):
    client.force_login(make_member(territory, Role.ADMIN))
    response = client.post(
        url(territory),
        {
            "header_color": "#1D3F6E",
            "accessibility_compliance": "none",
            "contact_email": "projet@agglo.example",
            "publication_director": "Camille Martin",
            "logo_file": SimpleUploadedFile("logo.png", PNG, content_type="image/png"),
        },
    )
    assert response.status_code == 302
    territory.refresh_from_db()
    assert (territory.header_color, territory.has_logo) == ("#1d3f6e", True)
    assert territory.branding_version == 2
    html = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert "Accessibilité : non conforme" in html and "?v=2" in html
    assert client.get(reverse("portal:logo", args=[territory.slug])).content == PNG
    legal = client.get(reverse("portal:legal", args=[territory.slug])).content.decode()
    assert "Camille Martin" in legal


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"header_color": "#ffdd00"}, "contraste de 1,3:1"),
        ({"header_color": "jaune"}, "#rrvvbb"),
        ({"logo_file": SimpleUploadedFile("logo.svg", b"<svg onload='x'/>")}, "PNG ou JPEG"),
        ({"logo_file": SimpleUploadedFile("big.png", PNG + b"0" * 300_000)}, "200 Ko"),
        ({"contact_email": "pas-une-adresse"}, "adresse de courriel valide"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(client, territory, data, message):
    client.force_login(make_member(territory, Role.ADMIN))
    response = client.post(url(territory), {"accessibility_compliance": "partial", **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    territory.refresh_from_db()
    assert (territory.header_color, territory.has_logo, territory.branding_version) == (
        "",
        False,
        1,
    )
    assert not TerritorySite.objects.exists()


def test_only_administrators(client, territory):
    for role in (Role.EDITOR, Role.ELECTED):
        client.force_login(make_member(territory, role))
        assert client.post(url(territory), {"header_color": "#000000"}).status_code == 403
    assert Territory.objects.get(pk=territory.pk).header_color == ""
