"""A questionnaire of every kind of question, on three pages, for the answering tests."""

from dataclasses import dataclass

import pytest

from faisse.accounts.models import Membership, Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Question
from faisse.questionnaires.testing import add_question, add_section, invite, make_questionnaire

Kind = Question.Kind


@dataclass
class Survey:
    questionnaire: object
    questions: dict
    elected: object
    respondent: object
    token: str
    territory: object

    def opt(self, key: str, label: str) -> str:
        return str(self.questions[key].options.get(label=label).pk)

    def link(self, name: str = "start", *extra) -> str:
        from django.urls import reverse

        args = [self.territory.slug, self.questionnaire.pk, self.token, *extra]
        return reverse(f"questionnaires:link_{name}", args=args)


def build_survey(territory, plan=None, **fields) -> Survey:
    questionnaire = make_questionnaire(territory, **fields)
    first = add_section(questionnaire, "Vous et votre commune")
    second = add_section(questionnaire, "Priorités")
    third = add_section(questionnaire, "Pour finir")
    questions = {}
    questions["usage"] = add_question(
        first,
        "usage",
        Kind.SINGLE_CHOICE,
        options=["Oui", "Non"],
        required=True,
        label="Utilisez-vous les transports en commun ?",
    )
    questions["lieu"] = add_question(first, "lieu", Kind.COMMUNE, label="Votre commune")
    questions["accord"] = add_question(
        first, "accord", Kind.LIKERT, label="Le territoire est attractif", required=True
    )
    questions["lignes"] = add_question(
        second,
        "lignes",
        Kind.MULTIPLE_CHOICE,
        options=["Bus", "Train", "Vélo"],
        max_choices=2,
        label="Quelles lignes prenez-vous ?",
        show_if_question=questions["usage"],
    )
    lignes = questions["lignes"]
    lignes.show_if_option = questions["usage"].options.get(label="Oui")
    lignes.save()
    orientations = list(plan.nodes.filter(kind="orientation")[:3]) if plan else []
    questions["ordre"] = add_question(
        second,
        "ordre",
        Kind.RANKING,
        options=[] if orientations else ["A", "B", "C"],
        nodes=orientations,
        required=True,
        label="Classez les orientations",
    )
    questions["notes"] = add_question(
        second, "notes", Kind.MAJORITY_JUDGMENT, options=["Eau", "Forêt"], label="Jugez"
    )
    questions["budget"] = add_question(
        second, "budget", Kind.POINTS, options=["Routes", "Écoles"], total=100, label="Budget"
    )
    questions["grille"] = add_question(
        third,
        "grille",
        Kind.MATRIX,
        options=["Été", "Hiver"],
        scale=["Bus", "Voiture"],
        label="Comment venez-vous ?",
    )
    questions["idee"] = add_question(third, "idee", Kind.SHORT_TEXT, label="Une idée")
    questions["avis"] = add_question(third, "avis", Kind.LONG_TEXT, label="Votre avis")
    elected = make_member(territory, Role.ELECTED, first_name="Émile", last_name="Élu")
    Membership.objects.filter(user=elected).update(commune=territory.communes.first())
    respondent, token = invite(questionnaire, elected)
    return Survey(questionnaire, questions, elected, respondent, token, territory)


@pytest.fixture
def survey(territory):
    return build_survey(territory)
