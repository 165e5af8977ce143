"""The editors' page of the yearly report (/<slug>/gestion/bilan/): who may use it, the
files it gives, and bad choices told in French next to the field."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.models import Plan
from faisse.reports.tests.yearly_world import build_world
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = build_world()
    territory = world["territory"]
    world["people"] = {role: make_member(territory, role) for role in Role.values}
    world["people"]["other"] = make_member(make_territory(), Role.ADMIN)
    world["url"] = reverse("yearly_report:report", args=[territory.slug])
    return world


def test_editors_and_admins_get_the_form_with_last_year_chosen(client, world):
    for role in (Role.EDITOR, Role.ADMIN):
        client.force_login(world["people"][role])
        response = client.get(world["url"])
        assert response.status_code == 200
        html = response.content.decode()
        assert '<option value="2025" selected>2025</option>' in html
        assert '<option value="2020">2020</option>' in html
        assert 'value="pdf"' in html and 'value="docx"' in html
        assert "Télécharger le bilan" in html


@pytest.mark.parametrize("actor", ["partner", "elected", "pilot", "other"])
def test_other_people_are_refused(client, world, actor):
    client.force_login(world["people"][actor])
    assert client.get(world["url"]).status_code == 403
    assert client.get(world["url"], {"annee": 2025, "format": "pdf"}).status_code == 403


def test_anonymous_people_are_sent_to_sign_in(client, world):
    response = client.get(world["url"], {"annee": 2025, "format": "pdf"})
    assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_an_unknown_territory_is_not_found(client, world):
    client.force_login(world["people"][Role.ADMIN])
    url = reverse("yearly_report:report", args=["nulle-part"])
    assert client.get(url).status_code == 404


def test_the_pdf_is_downloaded_as_an_attachment_kept_out_of_caches(client, world):
    client.force_login(world["people"][Role.EDITOR])
    response = client.get(world["url"], {"annee": "2025", "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    slug = world["territory"].slug
    assert response["Content-Disposition"] == f'attachment; filename="{slug}-bilan-2025.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")


def test_the_working_document_in_docx(client, world):
    client.force_login(world["people"][Role.ADMIN])
    response = client.get(world["url"], {"annee": "2024", "format": "docx", "brouillons": "on"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('-bilan-2024-brouillon.docx"')
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"annee": "2031", "format": "pdf"}, "Année impossible : « 2031 ». Choisissez une année"),
        ({"annee": "deux mille", "format": "pdf"}, "Année impossible : « deux mille »"),
        ({"annee": "2025", "format": "odt"}, "Format inconnu : « odt ». Choisissez PDF ou DOCX."),
        ({"annee": "2025"}, "Choisissez le format du fichier : PDF ou DOCX."),
        ({"format": "pdf"}, "Choisissez l’année du bilan."),
    ],
)
def test_bad_choices_are_told_next_to_their_field(client, world, data, message):
    client.force_login(world["people"][Role.EDITOR])
    response = client.get(world["url"], data)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert message in html
    assert "Le bilan n’a pas été préparé" in html  # the summary at the top, linked to the field
    assert "Rien n’a été enregistré" not in html  # not the frame's summary of forms that save
    assert "<title>Erreur : Bilan annuel" in html


def test_a_territory_without_plan_says_so(client, world):
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    response = client.get(reverse("yearly_report:report", args=[territory.slug]))
    assert response.status_code == 200
    assert "pas encore de projet de territoire" in response.content.decode()
    assert not Plan.objects.filter(territory=territory).exists()
