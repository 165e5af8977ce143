"""The API's rows of the permission matrix for the questionnaires (documented in
docs/questionnaire-api.md) and the actions' follow-up (docs/action-sheets.md). Each actor
calls with a token of its own territory ("other": of another territory, refused)."""

from faisse.questionnaires.models import Question, Questionnaire
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire
from faisse.tests.matrix import ACTORS, PUBLIC

EDITORS_ONLY = dict.fromkeys(ACTORS, 403) | {"editor": 200, "admin": 200}
# A dated note on the action the pilot follows: its pilot and the editors.
FOLLOWERS = EDITORS_ONLY | {"anonymous": 401, "pilot": 200}

ROWS = {
    "api:list_questionnaires": ("get", PUBLIC | {"other": 403}),
    "api:questionnaire_results (published to everyone)": ("get", PUBLIC | {"other": 403}),
    "api:questionnaire_results (not published)": ("get", EDITORS_ONLY),
    "api:list_actions": ("get", PUBLIC | {"other": 403}),
    "api:update_action": ("patch", FOLLOWERS),
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
    slug = world["territory"].slug
    if name == "api:list_actions":
        return f"/api/v1/territories/{slug}/actions", {}
    if name == "api:update_action":
        return f"/api/v1/territories/{slug}/actions/{world['actions'][0].pk}", {"note": "Point"}
    if name == "api:list_questionnaires":
        return f"/api/v1/territories/{world['territory'].slug}/questionnaires", {}
    questionnaire = world["api_results_public" if "everyone" in name else "api_results_hidden"]
    return f"/api/v1/questionnaires/{questionnaire.pk}/results", {}
