"""The questionnaires' rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also documented in docs/questionnaires.md.

Answering pages need no account: a personal link's token is the credential, and a public
questionnaire is open to all. The builder, the known list and the export are for editors.
"""

from django.urls import reverse

from faisse.accounts.models import Role
from faisse.questionnaires.models import Question, Questionnaire
from faisse.questionnaires.testing import add_question, add_section, invite, make_questionnaire
from faisse.tests.matrix import ACTORS, EDITORS, EDITORS_POST, PUBLIC, only

EDITORS_ASK = only({"editor": 200, "admin": 200})  # a POST that asks for confirmation first
MEMBERS = only(dict.fromkeys(("partner", "elected", "pilot", "editor", "admin"), 200))
ALL_302 = dict.fromkeys(ACTORS, 302)

ROWS = {
    "questionnaires:list": ("get", PUBLIC),
    "questionnaires:detail": ("get", PUBLIC),
    "questionnaires:detail (a questionnaire for members)": ("get", MEMBERS),
    "questionnaires:link_resend (the élu on the list)": (
        "post",
        only({"elected": 302, "partner": 404, "pilot": 404, "editor": 404, "admin": 404}),
    ),
    "questionnaires:link_start": ("get", PUBLIC),
    "questionnaires:link_start (unknown link)": ("get", dict.fromkeys(ACTORS, 404)),
    "questionnaires:link_page": ("get", PUBLIC),
    "questionnaires:link_summary": ("get", PUBLIC),
    "questionnaires:link_thanks (not answered yet: back to the start)": ("get", ALL_302),
    "questionnaires:answer_start": ("get", PUBLIC),
    "questionnaires:answer_start (a questionnaire for members)": (
        "get",
        dict.fromkeys(ACTORS, 404),
    ),
    "questionnaires:answer_page": ("get", PUBLIC),
    "questionnaires:answer_summary": ("get", PUBLIC),
    "questionnaires:answer_thanks (not answered yet: back to the start)": ("get", ALL_302),
    "questionnaires:results (kept to the team)": ("get", EDITORS),
    "questionnaires:results (published to everyone)": ("get", PUBLIC),
    "questionnaires:results (published to those who answered: the élu did)": (
        "get",
        only({"elected": 200, "editor": 200, "admin": 200}),
    ),
    "questionnaires:results (a draft)": ("get", dict.fromkeys(ACTORS, 404)),
    "questionnaires_manage:list": ("get", EDITORS),
    "questionnaires_manage:create": ("get", EDITORS),
    "questionnaires_manage:edit": ("get", EDITORS),
    "questionnaires_manage:preview": ("get", EDITORS),
    "questionnaires_manage:publish": ("post", EDITORS_POST),
    "questionnaires_manage:unpublish": ("post", EDITORS_POST),
    "questionnaires_manage:delete": ("post", EDITORS_ASK),
    "questionnaires_manage:respondents": ("get", EDITORS),
    "questionnaires_manage:export": ("get", EDITORS),
    "questionnaires_manage:results_visibility": ("post", EDITORS_POST),
    "questionnaires_manage:section_add": ("post", EDITORS_POST),
    "questionnaires_manage:section": ("get", EDITORS),
    "questionnaires_manage:section_move": ("post", EDITORS_POST),
    "questionnaires_manage:section_delete": ("post", EDITORS_ASK),
    "questionnaires_manage:question_add": ("post", EDITORS_POST),
    "questionnaires_manage:question": ("get", EDITORS),
    "questionnaires_manage:question_move": ("post", EDITORS_POST),
    "questionnaires_manage:question_delete": ("post", EDITORS_ASK),
    "questionnaires_manage:option_add": ("post", EDITORS_POST),
    "questionnaires_manage:option_change": ("post", EDITORS_POST),
}


def prepare(world: dict) -> None:
    territory = world["territory"]
    members = make_questionnaire(territory, title="Pour les élus")
    section = add_section(members, "Première page")
    later = add_section(members, "Deuxième page")
    question = add_question(
        section, "choix", Question.Kind.SINGLE_CHOICE, options=["Oui", "Non"], required=True
    )
    add_question(later, "idee", Question.Kind.SHORT_TEXT)
    _respondent, token = invite(members, world["people"][Role.ELECTED])
    public = make_questionnaire(
        territory, title="Pour tous", audience=Questionnaire.Audience.PUBLIC, group=""
    )
    add_question(add_section(public), "avis", Question.Kind.LONG_TEXT)
    results = {}
    for name, visibility in (
        ("everyone", Questionnaire.ResultsVisibility.PUBLIC),
        ("respondents", Questionnaire.ResultsVisibility.RESPONDENTS),
    ):
        shared = make_questionnaire(
            territory, title=f"Résultats ({name})", results_visibility=visibility
        )
        add_question(add_section(shared), "choix", Question.Kind.SINGLE_CHOICE, options=["A"])
        results[name] = shared
    respondent, _token = invite(results["respondents"], world["people"][Role.ELECTED])
    respondent.answered = True
    respondent.save()
    results["draft"] = make_questionnaire(territory, title="Brouillon", published=False)
    world["questionnaires"] = {
        "members": members,
        "public": public,
        "section": section,
        "later": later,
        "question": question,
        "option": question.options.order_by("position").last(),
        "token": token,
        "results": results,
    }


def request(name: str, world: dict) -> tuple[str, dict]:
    found = world["questionnaires"]
    slug = world["territory"].slug
    members, public = found["members"].pk, found["public"].pk
    section, question = found["section"].pk, found["question"].pk
    base = name.split(" ")[0]
    for_members = "for members" in name
    token = "lien-inconnu" if "unknown" in name else found["token"]
    shown = found["results"]
    results = (
        shown["everyone"].pk
        if "everyone" in name
        else shown["respondents"].pk
        if "those who answered" in name
        else shown["draft"].pk
        if "draft" in name
        else members
    )
    args = {
        "questionnaires:list": [slug],
        "questionnaires:detail": [slug, members if for_members else public],
        "questionnaires:link_resend": [slug, members],
        "questionnaires:link_start": [slug, members, token],
        "questionnaires:link_page": [slug, members, token, 1],
        "questionnaires:link_summary": [slug, members, token],
        "questionnaires:link_thanks": [slug, members, token],
        "questionnaires:answer_start": [slug, members if for_members else public],
        "questionnaires:answer_page": [slug, public, 1],
        "questionnaires:answer_summary": [slug, public],
        "questionnaires:answer_thanks": [slug, public],
        "questionnaires:results": [slug, results],
        "questionnaires_manage:list": [slug],
        "questionnaires_manage:create": [slug],
        "questionnaires_manage:export": [slug, members, "csv"],
        "questionnaires_manage:section": [slug, members, section],
        "questionnaires_manage:section_move": [slug, members, section],
        "questionnaires_manage:section_delete": [slug, members, section],
        "questionnaires_manage:question_add": [slug, members, section],
        "questionnaires_manage:question": [slug, members, question],
        "questionnaires_manage:question_move": [slug, members, question],
        "questionnaires_manage:question_delete": [slug, members, question],
        "questionnaires_manage:option_add": [slug, members, question],
        "questionnaires_manage:option_change": [slug, members, question, found["option"].pk],
    }.get(base, [slug, members])
    data = {
        "questionnaires_manage:section_add": {"title": "Nouvelle page"},
        "questionnaires_manage:section_move": {"direction": "down"},
        "questionnaires_manage:question_add": {"kind": "short_text", "label": "Autre chose ?"},
        "questionnaires_manage:question_move": {"direction": "down"},
        "questionnaires_manage:option_add": {"labels": "Peut-être"},
        "questionnaires_manage:option_change": {"action": "up"},
        "questionnaires_manage:results_visibility": {"results_visibility": "respondents"},
    }.get(base, {})
    return reverse(base, args=args), data
