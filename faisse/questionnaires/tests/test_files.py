"""The files and commands: a questionnaire from JSON, the answers to CSV and Excel and back
(answers collected on paper), every refusal naming where."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Answer, Question, Questionnaire, Respondent, Response
from faisse.questionnaires.testing import invite

pytestmark = pytest.mark.django_db

EVERY_KIND = {
    "title": "Questionnaire n°1",
    "description": "Perceptions et priorités",
    "audience": "members",
    "anonymous": False,
    "opens_on": "2017-11-06T09:00",
    "closes_on": "2017-12-15",
    "questions": [
        {"key": "usage", "type": "single_choice", "label": "Transports ?", "required": True,
         "options": ["Oui", "Non"]},
        {"key": "lignes", "type": "multiple_choice", "label": "Lesquels ?",
         "options": ["Bus", "Train", "Vélo"], "max_choices": 2,
         "show_if": {"question": "usage", "equals": "Oui"}},
        {"key": "accord", "type": "likert", "label": "Attractif ?", "scale": 4},
        {"key": "ordre", "type": "ranking", "label": "Classez", "options": ["A", "B", "C"]},
        {"key": "notes", "type": "majority_judgment", "label": "Jugez",
         "options": ["Eau", "Forêt"], "grades": ["Très bien", "Bien", "À rejeter"]},
        {"key": "budget", "type": "points", "label": "Budget", "options": ["Routes", "Écoles"],
         "total": 10},
        {"key": "lieu", "type": "commune", "label": "Votre commune"},
        {"key": "grille", "type": "matrix", "label": "Comment ?", "rows": ["Été", "Hiver"],
         "columns": ["Bus", "Voiture"], "max_choices": 2},
        {"key": "idee", "type": "short_text", "label": "Une idée"},
        {"key": "avis", "type": "long_text", "label": "Votre avis"},
    ],
}  # fmt: skip


def write_json(tmp_path, data) -> str:
    path = tmp_path / "questionnaire.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def import_json(tmp_path, territory, data, capsys) -> Questionnaire:
    call_command("import_questionnaire", write_json(tmp_path, data), territory=territory.slug)
    return Questionnaire.objects.get(pk=int(capsys.readouterr().out.strip()))


def test_a_questionnaire_of_every_kind_is_imported_and_its_id_printed(tmp_path, territory, capsys):
    questionnaire = import_json(tmp_path, territory, EVERY_KIND, capsys)
    assert questionnaire.published_at is None and questionnaire.title == "Questionnaire n°1"
    assert questionnaire.opens_on.isoformat() == "2017-11-06T08:00:00+00:00"  # Paris, winter
    assert questionnaire.closes_on.isoformat() == "2017-12-15T22:59:00+00:00"  # end of day
    kinds = list(
        questionnaire.questions.order_by("section__position", "position").values_list(
            "kind", flat=True
        )
    )
    assert kinds == [spec["type"] for spec in EVERY_KIND["questions"]]
    lignes = questionnaire.questions.get(key="lignes")
    # Its condition is on the first question: it starts the second page.
    assert lignes.section.position == 1 and lignes.show_if_option.label == "Oui"
    assert questionnaire.questions.get(key="accord").scale == ["1", "2", "3", "4"]
    assert questionnaire.questions.get(key="grille").per_row() == 2


def test_plan_nodes_become_options(tmp_path, territory, plan, capsys):
    nodes = list(plan.nodes.filter(kind="orientation").order_by("pk")[:2])
    data = {
        "title": "Questionnaire n°2",
        "audience": "members",
        "questions": [
            {"key": "ordre", "type": "ranking", "label": "Classez les orientations",
             "options": [{"node": node.pk} for node in nodes]},
        ],
    }  # fmt: skip
    questionnaire = import_json(tmp_path, territory, data, capsys)
    options = questionnaire.questions.get().options.order_by("position")
    assert [(o.node, o.label) for o in options] == [(node, node.label) for node in nodes]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"audience": "tous"}, "« audience » vaut « members » ou « public »."),
        ({"opens_on": "demain"}, "« opens_on » : « demain » n’est pas une date ISO 8601"),
        ({"couleur": "bleu"}, "Clés inconnues : couleur."),
        ({"questions": [{"key": "x", "type": "sondage", "label": "?"}]},
         "question 1 (clé « x ») : « type » vaut"),
        ({"questions": [{"key": "x", "type": "ranking", "label": "?", "options": ["A"]}]},
         "question 1 (clé « x ») : « options » doit donner au moins deux choix."),
        ({"questions": [{"key": "x y", "type": "short_text", "label": "?"}]},
         "question 1 (clé « x y ») : « key » : Une clé compte 1 à 64 caractères"),
        ({"questions": [
            {"key": "a", "type": "short_text", "label": "?"},
            {"key": "b", "type": "short_text", "label": "?",
             "show_if": {"question": "a", "equals": ""}}]},
         "question 2 (clé « b ») : Donnez la réponse attendue"),
        ({"questions": [
            {"key": "a", "type": "single_choice", "label": "?", "options": ["Oui", "Non"]},
            {"key": "b", "type": "short_text", "label": "?",
             "show_if": {"question": "a", "equals": "Peut-être"}}]},
         "« Peut-être » n’est pas un choix de « ? »"),
    ],
)  # fmt: skip
def test_a_bad_questionnaire_file_is_refused_naming_where_and_nothing_is_created(
    tmp_path, territory, change, message
):
    data = {**EVERY_KIND, **change}
    with pytest.raises(CommandError) as refused:
        call_command("import_questionnaire", write_json(tmp_path, data), territory=territory.slug)
    assert message in str(refused.value)
    assert not Questionnaire.objects.exists() and not Question.objects.exists()


def test_a_file_that_is_not_json_is_refused_with_its_line(tmp_path, territory):
    path = tmp_path / "bad.json"
    path.write_text('{"title": "x",\n "questions": [}', encoding="utf-8")
    with pytest.raises(CommandError, match="JSON invalide \\(ligne 2, colonne"):
        call_command("import_questionnaire", str(path), territory=territory.slug)


def answered_survey(client, survey):
    from faisse.questionnaires.tests.test_bad_answers import answer_all

    answer_all(client, survey, idea="Des bus, le dimanche")
    return survey


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_export_has_one_row_per_response_and_one_column_per_answer(client, survey, tmp_path):
    answered_survey(client, survey)
    target = tmp_path / "reponses.csv"
    call_command("export_answers", str(survey.questionnaire.pk), format="csv", output=str(target))
    (row,) = read_csv(target)
    ordre = list(survey.questions["ordre"].options.order_by("position"))
    assert row["respondent"] == survey.elected.email
    assert row["commune"] == survey.territory.communes.first().insee
    assert row["submitted_at"].startswith(Response.objects.get().submitted_at.date().isoformat())
    assert row["usage"] == "Oui"
    assert row["lignes"] == ""  # not asked: page 2's answer to it was never given
    assert row["accord"] == "Plutôt d’accord"
    assert [row[f"ordre[{option.label}]"] for option in ordre] == ["1", "2", "3"]
    assert row["budget[Routes]"] == "30" and row["budget[Écoles]"] == "70"
    assert row["idee"] == "Des bus, le dimanche"
    assert row["grille[Été]"] == "" and "notes[Eau]" in row
    workbook_path = tmp_path / "reponses.xlsx"
    call_command(
        "export_answers", str(survey.questionnaire.pk), format="xlsx", output=str(workbook_path)
    )
    sheet = load_workbook(workbook_path, read_only=True).active
    header, values = list(sheet.iter_rows(values_only=True))
    assert dict(zip(header, values, strict=True))["idee"] == "Des bus, le dimanche"


def test_an_anonymous_export_names_nobody_and_keeps_the_day_only(client, survey, tmp_path):
    survey.questionnaire.anonymous = True
    survey.questionnaire.save()
    answered_survey(client, survey)
    target = tmp_path / "reponses.csv"
    call_command("export_answers", str(survey.questionnaire.pk), format="csv", output=str(target))
    (row,) = read_csv(target)
    assert row["respondent"] == ""
    assert row["commune"] == ""  # fewer than 5 responses from that commune
    assert len(row["submitted_at"]) == 10  # AAAA-MM-JJ
    assert Response.objects.get().person is None


def test_exported_answers_import_back_into_the_same_rows(client, survey, tmp_path):
    answered_survey(client, survey)
    before = sorted(
        Answer.objects.values_list("question__key", "option_id", "number", "commune_id", "text")
    )
    target = tmp_path / "reponses.csv"
    call_command("export_answers", str(survey.questionnaire.pk), format="csv", output=str(target))
    Response.objects.all().delete()
    Respondent.objects.update(answered=False)
    call_command("import_answers", str(survey.questionnaire.pk), str(target))
    after = sorted(
        Answer.objects.values_list("question__key", "option_id", "number", "commune_id", "text")
    )
    assert after == before
    imported = Response.objects.get()
    assert imported.person == survey.elected and imported.origin == "import"
    survey.respondent.refresh_from_db()
    assert survey.respondent.answered


def write_rows(tmp_path, rows: list[list[str]]) -> str:
    path = tmp_path / "papier.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    return str(path)


def test_bad_rows_are_refused_with_their_line_and_column_and_nothing_is_written(survey, tmp_path):
    other = make_member(survey.territory, Role.ELECTED)
    invite(survey.questionnaire, other)
    header = ["respondent", "commune", "usage", "accord", "ordre[A]", "ordre[B]", "ordre[C]"]
    header += ["budget[Routes]", "budget[Écoles]", "lieu"]
    good = [other.email, "", "Non", "2", "1", "2", "3", "50", "50", ""]
    rows = [
        header,
        good,
        [survey.elected.email, "", "Peut-être", "2", "1", "2", "3", "50", "50", ""],
        ["inconnu@example.org", "", "Non", "2", "1", "1", "2", "50", "50", ""],
        [survey.elected.email, "", "Non", "2", "1", "2", "3", "50", "40", "34172"],
    ]
    with pytest.raises(CommandError) as refused:
        call_command("import_answers", str(survey.questionnaire.pk), write_rows(tmp_path, rows))
    message = str(refused.value)
    assert "rien n’a été importé" in message
    assert "Ligne 3, colonne « usage » : « Peut-être » n’est pas un choix" in message
    assert (
        "Ligne 4, colonne « respondent » : « inconnu@example.org » n’est pas sur la liste"
        in message
    )
    assert (
        "Ligne 4, colonne « ordre[B] » : Question « Classez les orientations » : "
        "le rang 1 est donné deux fois" in message
    )
    assert "Ligne 5, colonne « respondent » : " in message and "a déjà répondu" in message
    assert (
        "Ligne 5, colonne « budget[…] » : Question « Budget » : répartissez exactement 100 points"
        in message
    )
    assert (
        "Ligne 5, colonne « lieu » : Question « Votre commune » : cette commune n’appartient pas"
        in message
    )
    assert not Response.objects.exists() and not Answer.objects.exists()
    assert not Respondent.objects.filter(answered=True).exists()


def test_a_column_no_question_has_is_refused(survey, tmp_path):
    rows = [["respondent", "usage", "couleur"], [survey.elected.email, "Oui", "bleu"]]
    with pytest.raises(CommandError, match="Ligne 1, colonne « couleur » : colonne inconnue"):
        call_command("import_answers", str(survey.questionnaire.pk), write_rows(tmp_path, rows))
