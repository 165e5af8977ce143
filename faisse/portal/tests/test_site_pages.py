"""The territory's own frame: its name, logo and colour in the header, the pages the law
asks for in the footer (accessibility, mentions légales, personal data, contact)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from faisse.territories.models import Territory, TerritorySite, validate_header_color

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_every_territory_page_names_the_collectivite_and_links_the_legal_pages(client, plan):
    territory = plan.territory
    html = client.get(reverse("portal:plan", args=[territory.slug])).content.decode()
    header = html.split("<header")[1].split("</header>")[0]
    assert territory.name in header and "Projet de territoire" in header
    footer = html.split("<footer")[1].split("</footer>")[0]
    assert "Accessibilité : partiellement conforme" in footer
    for name in ("legal", "accessibility", "privacy", "contact"):
        assert reverse(f"portal:{name}", args=[territory.slug]) in footer


def test_the_accessibility_statement_has_what_rgaa_asks(client, territory):
    html = client.get(reverse("portal:accessibility", args=[territory.slug])).content.decode()
    for heading in (
        "État de conformité",
        "Résultats des tests et contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d’information et contact",
        "Voies de recours",
    ):
        assert f">{heading}</h2>" in html
    assert "partiellement conforme</strong>" in html and "Défenseur des droits" in html


def test_pages_are_written_from_the_details_given(client, territory):
    TerritorySite.objects.create(
        territory=territory,
        contact_email="projet@agglo.example",
        postal_address="1 place de la Mairie\n30100 Alès",
        publication_director="Camille Martin, président",
    )
    legal = client.get(reverse("portal:legal", args=[territory.slug])).content.decode()
    assert "Camille Martin, président" in legal and "1 place de la Mairie<br>" in legal
    contact = client.get(reverse("portal:contact", args=[territory.slug])).content.decode()
    assert 'href="mailto:projet@agglo.example"' in contact
    privacy = client.get(reverse("portal:privacy", args=[territory.slug])).content.decode()
    assert "projet@agglo.example" in privacy and "CNIL" in privacy


def test_the_header_colour_keeps_white_text_readable():
    validate_header_color("#2c3a31")
    for bad, message in (("#ffd700", "contraste de 1,4:1"), ("vert", "#rrvvbb")):
        with pytest.raises(ValidationError, match=message):
            validate_header_color(bad)


def test_the_colour_comes_in_a_stylesheet_of_its_own(client, territory):
    """No inline style: the Content-Security-Policy allows none."""
    Territory.objects.filter(pk=territory.pk).update(header_color="#1d3f6e", branding_version=3)
    html = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    theme = reverse("portal:theme", args=[territory.slug])
    assert f'href="{theme}?v=3"' in html and 'style="' not in html
    response = client.get(theme)
    assert response["Content-Type"].startswith("text/css")
    assert response.content.decode() == ":root { --header: #1d3f6e; }\n"
    assert "max-age=31536000" in response["Cache-Control"]


def test_the_logo_is_served_from_the_database_never_as_a_document(client, territory):
    assert client.get(reverse("portal:logo", args=[territory.slug])).status_code == 404
    assert TerritorySite.logo_problem(b"<svg onload='x'/>") == (
        "Le logo doit être une image PNG ou JPEG."
    )
    assert TerritorySite.logo_problem(PNG) is None
    TerritorySite.objects.create(territory=territory, logo=PNG, logo_type="image/png")
    Territory.objects.filter(pk=territory.pk).update(has_logo=True)
    response = client.get(reverse("portal:logo", args=[territory.slug]))
    assert response.status_code == 200 and response.content == PNG
    assert response["Content-Type"] == "image/png"
    assert "sandbox" in response["Content-Security-Policy"]
    html = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert f'src="{reverse("portal:logo", args=[territory.slug])}?v=1" alt=""' in html
