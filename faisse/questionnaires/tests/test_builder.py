"""An editor builds a questionnaire without JavaScript: settings, pages, questions of every
kind, options typed or taken from the plan, a condition, order, preview, publication."""

import pytest
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import (
    Option,
    Question,
    Questionnaire,
    Respondent,
    Response,
    Section,
)
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, territory):
    client.force_login(make_member(territory, Role.EDITOR))
    return client


def url(name, *args):
    return reverse(f"questionnaires_manage:{name}", args=args)


def test_an_editor_builds_and_publishes_a_questionnaire(editor_client, territory, plan):
    slug = territory.slug
    elected = make_member(territory, Role.ELECTED)
    response = editor_client.post(
        url("create", slug),
        {
            "title": "Questionnaire n°2",
            "description": "Classer les orientations",
            "audience": "members",
            "group": "elected",
            "opens_on": "2018-01-10T09:00",
            "closes_on": "2030-02-10T18:00",
            "results_visibility": "public",
        },
    )
    questionnaire = Questionnaire.objects.get()
    assert response.url == url("edit", slug, questionnaire.pk)
    assert questionnaire.opens_on.hour == 8  # 9:00 in Paris is 8:00 UTC in winter
    for title in ("Priorités", "Détails"):
        editor_client.post(url("section_add", slug, questionnaire.pk), {"title": title})
    first, second = questionnaire.sections.order_by("position")
    for kind in Question.Kind.values:
        response = editor_client.post(
            url("question_add", slug, questionnaire.pk, first.pk),
            {"kind": kind, "label": f"Une question {kind}"},
        )
        assert response.status_code == 302
    assert questionnaire.questions.count() == 10
    ranking = questionnaire.questions.get(kind="ranking")
    orientations = list(plan.nodes.filter(kind="orientation").order_by("pk")[:3])
    editor_client.post(
        url("option_add", slug, questionnaire.pk, ranking.pk),
        {"labels": "", "nodes": [node.pk for node in orientations]},
    )
    assert [option.node for option in ranking.options.order_by("position")] == orientations
    single = questionnaire.questions.get(kind="single_choice")
    editor_client.post(
        url("option_add", slug, questionnaire.pk, single.pk), {"labels": "Oui\nNon\n\nOui"}
    )
    assert list(single.options.values_list("label", flat=True)) == ["Oui", "Non"]
    page = editor_client.get(url("question", slug, questionnaire.pk, ranking.pk)).content.decode()
    assert orientations[0].label in page  # the plan's tree is offered
    # A condition on a question of the same page is refused; on an earlier page, kept.
    text = questionnaire.questions.get(kind="long_text")
    form = {
        "label": text.label,
        "key": "precisions",
        "kind": "long_text",
        "show_if_question": single.pk,
        "condition_value": "Oui",
    }
    response = editor_client.post(url("question", slug, questionnaire.pk, text.pk), form)
    assert response.status_code == 400
    assert "page précédente" in response.content.decode()
    editor_client.post(
        url("question_move", slug, questionnaire.pk, text.pk), {"section": second.pk}
    )
    response = editor_client.post(url("question", slug, questionnaire.pk, text.pk), form)
    assert response.status_code == 302
    text.refresh_from_db()
    assert text.show_if_option == single.options.get(label="Oui") and text.key == "precisions"
    # Publication lists what is missing, then publishes and draws the list of élus.
    page = editor_client.get(url("edit", slug, questionnaire.pk)).content.decode()
    assert "donnez au moins deux choix" in page
    for question in questionnaire.questions.filter(kind__in=Question.WITH_OPTIONS):
        if question.options.count() < 2:
            editor_client.post(
                url("option_add", slug, questionnaire.pk, question.pk), {"labels": "A\nB"}
            )
    matrix = questionnaire.questions.get(kind="matrix")
    editor_client.post(
        url("question", slug, questionnaire.pk, matrix.pk),
        {"label": matrix.label, "key": matrix.key, "kind": "matrix", "scale": "Bus\nVoiture"},
    )
    assert editor_client.get(url("preview", slug, questionnaire.pk)).status_code == 200
    editor_client.post(url("publish", slug, questionnaire.pk))
    questionnaire.refresh_from_db()
    assert questionnaire.published_at is not None
    assert list(Respondent.objects.values_list("user", flat=True)) == [elected.pk]


def test_order_changes_by_buttons_and_a_move_that_would_break_a_condition_is_refused(
    editor_client, territory
):
    questionnaire = make_questionnaire(territory, published=False)
    first, second = add_section(questionnaire, "Un"), add_section(questionnaire, "Deux")
    source = add_question(first, "usage", "single_choice", options=["Oui", "Non"])
    add_question(first, "autre", "short_text")
    follow = add_question(second, "suite", "short_text", show_if_question=source)
    follow.show_if_option = source.options.get(label="Oui")
    follow.save()
    slug = territory.slug
    editor_client.post(
        url("question_move", slug, questionnaire.pk, source.pk), {"direction": "down"}
    )
    assert list(first.questions.order_by("position").values_list("key", flat=True)) == [
        "autre",
        "usage",
    ]
    response = editor_client.post(
        url("section_move", slug, questionnaire.pk, second.pk), {"direction": "up"}, follow=True
    )
    assert "page précédente" in response.content.decode()
    assert list(Section.objects.order_by("position").values_list("title", flat=True)) == [
        "Un",
        "Deux",
    ]
    option = source.options.get(label="Non")
    editor_client.post(
        url("option_change", slug, questionnaire.pk, source.pk, option.pk), {"action": "up"}
    )
    assert list(source.options.order_by("position").values_list("label", flat=True)) == [
        "Non",
        "Oui",
    ]


def test_once_answered_the_structure_is_locked_but_texts_stay_editable(editor_client, survey):
    questionnaire = survey.questionnaire
    Response.objects.create(
        territory=questionnaire.territory, questionnaire=questionnaire, submitted_at=timezone.now()
    )
    slug = questionnaire.territory.slug
    usage = survey.questions["usage"]
    response = editor_client.post(
        url("option_add", slug, questionnaire.pk, usage.pk), {"labels": "Peut-être"}, follow=True
    )
    assert "déjà 1 réponse" in response.content.decode()
    assert usage.options.count() == 2
    option = usage.options.get(label="Oui")
    editor_client.post(
        url("option_change", slug, questionnaire.pk, usage.pk, option.pk),
        {"action": "rename", "label": "Oui, souvent"},
    )
    option.refresh_from_db()
    assert option.label == "Oui, souvent"
    assert Option.objects.filter(pk=option.pk).exists()
    editor_client.post(
        url("option_change", slug, questionnaire.pk, usage.pk, option.pk), {"action": "delete"}
    )
    assert Option.objects.filter(pk=option.pk).exists()
