"""The API's rows of the permission matrix for the questionnaires (documented in
docs/questionnaire-api.md), the actions' follow-up (docs/action-sheets.md) and the
indicators (docs/indicators.md). Each actor calls with a token of its own territory
("other": of another territory, refused); writes send JSON."""

from faisse.indicators.testing import make_indicator
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
    "api:list_indicators": ("get", PUBLIC | {"other": 403}),
    # A measured value: editors, the indicator's pilots and the pilots of a linked action.
    "api:add_indicator_value (linked to the pilot's action)": ("post", FOLLOWERS),
    "api:add_indicator_value (led by the pilot)": ("post", FOLLOWERS),
    "api:add_indicator_value (another indicator)": ("post", EDITORS_ONLY | {"anonymous": 401}),
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
    actions, pilot = world["actions"], world["people"]["pilot"]
    world["api_indicators"] = {
        "linked": make_indicator(territory, nodes=[actions[0]]),
        "led": make_indicator(territory, pilots=[pilot]),
        "other": make_indicator(territory, nodes=[actions[1]]),
    }


def request(name: str, world: dict) -> tuple[str, dict]:
    slug = world["territory"].slug
    if name == "api:list_actions":
        return f"/api/v1/territories/{slug}/actions", {}
    if name == "api:update_action":
        return f"/api/v1/territories/{slug}/actions/{world['actions'][0].pk}", {"note": "Point"}
    if name == "api:list_indicators":
        return f"/api/v1/territories/{slug}/indicators", {}
    if name.startswith("api:add_indicator_value"):
        which = "linked" if "linked" in name else "led" if "led by" in name else "other"
        indicator = world["api_indicators"][which]
        value = {"on": "2023-12-31", "value": 150.5, "replace": True}
        return f"/api/v1/territories/{slug}/indicators/{indicator.pk}/values", value
    if name == "api:list_questionnaires":
        return f"/api/v1/territories/{world['territory'].slug}/questionnaires", {}
    questionnaire = world["api_results_public" if "everyone" in name else "api_results_hidden"]
    return f"/api/v1/questionnaires/{questionnaire.pk}/results", {}
