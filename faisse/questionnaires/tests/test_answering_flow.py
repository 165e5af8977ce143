"""An élu answers through their personal link, page by page, then changes their answer."""

import pytest

from faisse.questionnaires.models import Answer, Draft, Response

pytestmark = pytest.mark.django_db


def test_an_elu_answers_every_page_then_submits(client, survey):
    commune = survey.territory.communes.first()
    response = client.get(survey.link())
    assert response.status_code == 200
    assert "Commencer" in response.content.decode()
    response = client.post(
        survey.link("page", 1),
        {"q-usage": survey.opt("usage", "Oui"), "q-lieu": commune.insee, "q-accord": "3"},
    )
    assert response.status_code == 302
    assert response.url == survey.link("page", 2)
    page = client.get(survey.link("page", 2)).content.decode()
    assert "Quelles lignes prenez-vous ?" in page
    ordre = survey.questions["ordre"]
    a, b, c = (str(option.pk) for option in ordre.options.order_by("position"))
    data = {
        "q-lignes": [survey.opt("lignes", "Bus"), survey.opt("lignes", "Train")],
        f"q-ordre-{a}": "2",
        f"q-ordre-{b}": "1",
        f"q-ordre-{c}": "3",
        f"q-notes-{survey.opt('notes', 'Eau')}": "1",
        f"q-notes-{survey.opt('notes', 'Forêt')}": "7",
        f"q-budget-{survey.opt('budget', 'Routes')}": "30",
        f"q-budget-{survey.opt('budget', 'Écoles')}": "70",
    }
    assert client.post(survey.link("page", 2), data).url == survey.link("page", 3)
    grille = survey.questions["grille"]
    data = {
        f"q-grille-{survey.opt('grille', 'Été')}": "1",
        "q-idee": "Plus de bus le dimanche",
    }
    assert client.post(survey.link("page", 3), data).url == survey.link("summary")
    summary = client.get(survey.link("summary")).content.decode()
    assert "Plus de bus le dimanche" in summary
    assert "1. " in summary
    assert client.post(survey.link("summary")).url == survey.link("thanks")
    saved = Response.objects.get()
    assert saved.person == survey.elected and saved.commune == commune
    assert saved.role == "elected"
    rows = {(a.question.key, a.option_id, a.number, a.text) for a in Answer.objects.all()}
    assert ("ordre", int(b), 1, "") in rows
    assert ("grille", int(survey.opt("grille", "Été")), 1, "") in rows
    assert ("budget", int(survey.opt("budget", "Routes")), 30, "") in rows
    assert ("idee", None, None, "Plus de bus le dimanche") in rows
    assert not Draft.objects.exists()
    survey.respondent.refresh_from_db()
    assert survey.respondent.answered
    assert grille.answers.count() == 1
