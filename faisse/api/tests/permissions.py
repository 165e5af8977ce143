"""The API's rows of the permission matrix for the questionnaires (documented in
docs/questionnaire-api.md). Each actor calls with a token of its own territory ("other":
of another territory, refused)."""

from faisse.questionnaires.models import Question, Questionnaire
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire
from faisse.tests.matrix import ACTORS, PUBLIC

EDITORS_ONLY = dict.fromkeys(ACTORS, 403) | {"editor": 200, "admin": 200}

ROWS = {
    "api:list_questionnaires": ("get", PUBLIC | {"other": 403}),
    "api:questionnaire_results (published to everyone)": ("get", PUBLIC | {"other": 403}),
    "api:questionnaire_results (not published)": ("get", EDITORS_ONLY),
}


def prepare(world: dict) -> None:
    territory = world["territory"]
    for name, visibility in (
        ("api_results_public", Questionnaire.ResultsVisibility.PUBLIC),
        ("api_results_hidden", Questionnaire.ResultsVisibility.NONE),
    ):
        questionnaire = make_questionnaire(territory, results_visibility=visibility)
        add_question(
            add_section(questionnaire), "choix", Question.Kind.SINGLE_CHOICE, options=["A"]
        )
        world[name] = questionnaire


def request(name: str, world: dict) -> tuple[str, dict]:
    if name == "api:list_questionnaires":
        return f"/api/v1/territories/{world['territory'].slug}/questionnaires", {}
    questionnaire = world["api_results_public" if "everyone" in name else "api_results_hidden"]
    return f"/api/v1/questionnaires/{questionnaire.pk}/results", {}
