"""What the results page shows: every kind of question with its chart and table, ties
said ex æquo, the breakdowns and their threshold, the texts (capped), and the map and
table of the communes that answered."""

import re

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Question, Questionnaire
from faisse.questionnaires.results.compute import TEXTS_SHOWN
from faisse.questionnaires.testing import add_question, add_section, invite, make_questionnaire
from faisse.questionnaires.tests.results_world import answer, every_kind
from faisse.questionnaires.tests.test_results import respond

pytestmark = pytest.mark.django_db
PUBLIC = Questionnaire.ResultsVisibility.PUBLIC


def url(questionnaire, query="") -> str:
    slug = questionnaire.territory.slug
    return reverse("questionnaires:results", args=[slug, questionnaire.pk]) + query


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def section_of(html: str, key: str) -> str:
    start = html.index(f'id="question-{key}"')
    end = html.find('<section class="results-section', start + 1)
    return html[start : end if end > 0 else None]


@pytest.fixture
def seven(territory):
    questionnaire, q = every_kind(territory, results_visibility=PUBLIC)
    answer(questionnaire, q, list(territory.communes.order_by("pk")), 7)
    return questionnaire


def test_every_kind_has_its_chart_and_table(client, seven):
    html = client.get(url(seven)).content.decode()
    assert "7 réponses" in text_of(html)
    usage = text_of(section_of(html, "usage"))
    assert "Oui 4 57,1 %" in usage and "Non 3 42,9 %" in usage
    lignes = text_of(section_of(html, "lignes"))  # each option once per response
    assert "Bus 3 42,9 %" in lignes and "Vélo 4 57,1 %" in lignes
    assert "peut dépasser 100 %" in lignes
    ordre = text_of(section_of(html, "ordre"))  # Borda 15, 14, 13 (see the node tests)
    assert "1 Eau 15 1,86 7" in ordre and "3 Routes 13 2,14 7" in ordre
    assert "Score de Borda" in ordre
    notes = section_of(html, "notes")
    assert "Départage" in text_of(notes) and "ligne pointillée" in text_of(notes)
    assert "1 Eau Passable 3 (43 %) 2 (29 %) 2 (29 %)" in text_of(notes)
    assert "ont la même mention majoritaire, « Passable »" in text_of(notes)
    assert 'stroke-dasharray="4 2"' in notes  # the majority grade marked on the chart
    budget = text_of(section_of(html, "budget"))
    assert "1 Eau 42 6,0 60,0 %" in budget and "3 Routes 0 0,0 0,0 %" in budget
    accord = text_of(section_of(html, "accord"))
    assert "Moyenne : 2,29" in accord and "Tout à fait d’accord 1 14,3 %" in accord
    grille = text_of(section_of(html, "grille"))
    assert "Été 7 0 7" in grille and "Hiver 0 7 7" in grille
    lieu = text_of(section_of(html, "lieu"))
    assert "Commune 1 2" in lieu
    idee = text_of(section_of(html, "idee"))
    assert "Une idée pour l’eau de la rivière n°6" in idee
    assert "riviere 7" in idee
    # One chart per question but the matrix, each an image named by its title.
    assert html.count('<svg class="chart"') == 8
    assert html.count('role="img" aria-labelledby="graphique-') == 8


def test_ties_are_said_ex_aequo(client, territory):
    questionnaire, q = every_kind(territory, results_visibility=PUBLIC)
    answer(questionnaire, q, list(territory.communes.all()), 6)  # Borda 12 each
    html = client.get(url(questionnaire)).content.decode()
    ordre = text_of(section_of(html, "ordre"))
    for label in ("Eau", "Forêt", "Routes"):
        assert f"1 ex æquo {label} 12 2,00 6" in ordre
    assert "« Eau », « Forêt » et « Routes » sont ex æquo à la place 1." in ordre
    notes = text_of(section_of(html, "notes"))  # the same grades: tied
    assert "1 ex æquo Routes Passable 2 (33 %) 2 (33 %) 2 (33 %)" in notes


def test_a_breakdown_shows_groups_of_five_or_more_and_says_what_it_hides(client, territory):
    questionnaire, q = every_kind(territory, results_visibility=PUBLIC)
    communes = list(territory.communes.order_by("pk"))
    answer(questionnaire, q, communes[:1], 6)  # six answers from commune 1
    answer(questionnaire, q, communes[1:2], 2)  # two from commune 2
    html = client.get(url(questionnaire, "?par=commune")).content.decode()
    usage = text_of(section_of(html, "usage"))
    assert "Par commune" in usage
    # Commune 2's two answers cannot be shown, nor pooled alone: commune 1 (the smallest
    # group shown) joins them in "Autres".
    assert "Autres (groupes de moins de 5) 8" in usage
    assert "2 groupes de moins de 5 réponses ne sont pas montrés seuls" in usage
    assert "Seules les questions à choix" in text_of(section_of(html, "ordre"))
    assert '<option value="commune" selected>' in html
    roles = text_of(
        section_of(client.get(url(questionnaire, "?par=role")).content.decode(), "usage")
    )
    assert "Par rôle" in roles and "Élu·e 8" in roles


def test_an_anonymous_questionnaire_offers_no_breakdown(client, territory):
    questionnaire, q = every_kind(territory, results_visibility=PUBLIC, anonymous=True)
    answer(questionnaire, q, list(territory.communes.all()), 6)
    html = client.get(url(questionnaire, "?par=commune")).content.decode()
    assert 'name="par"' not in html and "Par commune" not in html
    assert "Questionnaire anonyme" in html


def test_text_answers_are_capped_and_say_where_the_others_are(client, territory):
    questionnaire = make_questionnaire(territory, results_visibility=PUBLIC)
    idea = add_question(add_section(questionnaire), "idee", Question.Kind.LONG_TEXT)
    for index in range(TEXTS_SHOWN + 3):
        respond(questionnaire, {idea: (None, None, None, f"Idée numéro {index}")})
    html = text_of(client.get(url(questionnaire)).content.decode())
    assert f"Les {TEXTS_SHOWN} plus récentes sur {TEXTS_SHOWN + 3} ; toutes dans l’export." in html
    assert f"Idée numéro {TEXTS_SHOWN + 2}" in html and "Idée numéro 2 " not in html


def square(x: float, y: float) -> dict:
    ring = [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_the_map_gives_the_response_rate_of_each_commune(client, territory):
    communes = list(territory.communes.order_by("pk"))
    for index, commune in enumerate(communes):
        commune.boundary = square(4 + index * 0.1, 44)
        commune.save()
    questionnaire = make_questionnaire(territory, results_visibility=PUBLIC)
    add_question(add_section(questionnaire), "choix", "single_choice", options=["A"])
    # Commune 1: 1 of 2 answered; commune 2: 1 of 1; commune 3: 0 of 1; commune 4: nobody.
    for commune, answered in ((0, True), (0, False), (1, True), (2, False)):
        respondent, _token = invite(
            questionnaire, make_member(territory, Role.ELECTED), commune=communes[commune]
        )
        respondent.answered = answered
        respondent.save()
    html = client.get(url(questionnaire)).content.decode()
    assert 'id="carte-reponses-titre"' in html
    assert "Commune 1 : 1 sur 2 personnes ont répondu (50 %)" in html
    assert "Commune 4 : personne de cette commune sur la liste" in html
    table = text_of(html[html.index('id="tableau-communes"') :])
    assert "Commune 1 2 1 50,0 %" in table and "Commune 3 1 0 0,0 %" in table
    assert "Commune 4" not in table
    legend = text_of(html[html.index('id="legende-communes"') :])
    assert "0 % ou personne sur la liste (2 communes)" in legend
    assert "Des personnes de 2 communes ont répondu" in text_of(html)


def test_a_public_questionnaire_maps_its_responses_per_commune(client, territory):
    communes = list(territory.communes.order_by("pk"))
    questionnaire = make_questionnaire(
        territory, audience="public", group="", results_visibility=PUBLIC
    )
    place = add_question(add_section(questionnaire), "lieu", "commune")
    for commune in (communes[0], communes[0], communes[2]):
        respond(questionnaire, {place: (None, None, commune, "")}, commune)
    html = text_of(client.get(url(questionnaire)).content.decode())
    assert "Des réponses viennent de 2 communes" in html
    assert "Réponses par commune Commune Réponses Commune 1 2 Commune 2 0 Commune 3 1" in html
