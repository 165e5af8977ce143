"""Bad answers are refused with a French message naming the question, and leave no trace:
no response, no answer row, the draft as it was."""

from datetime import timedelta

import pytest
from django.utils import timezone

from faisse.questionnaires.models import Answer, Draft, Respondent, Response
from faisse.territories.models import Commune
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def traces():
    return (
        Response.objects.count(),
        Answer.objects.count(),
        [draft.values for draft in Draft.objects.order_by("pk")],
    )


def first_page(survey, **changes):
    data = {
        "q-usage": survey.opt("usage", "Oui"),
        "q-lieu": survey.territory.communes.first().insee,
        "q-accord": "3",
    }
    data.update(changes)
    return data


def second_page(survey, ranks=(1, 2, 3), points=(30, 70)):
    options = list(survey.questions["ordre"].options.order_by("position"))
    data = {f"q-ordre-{option.pk}": str(rank) for option, rank in zip(options, ranks, strict=True)}
    data[f"q-budget-{survey.opt('budget', 'Routes')}"] = str(points[0])
    data[f"q-budget-{survey.opt('budget', 'Écoles')}"] = str(points[1])
    return data


def refused(client, url, data, *expected):
    before = traces()
    response = client.post(url, data)
    assert response.status_code == 400
    text = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    for fragment in expected:
        assert fragment in text
    assert traces() == before
    return text


def test_a_missing_required_answer_is_refused(client, survey):
    refused(
        client,
        survey.link("page", 1),
        first_page(survey, **{"q-usage": ""}),
        "Question « Utilisez-vous les transports en commun ? » : une réponse est obligatoire.",
    )
    assert not Draft.objects.exists()


def test_an_option_of_another_question_is_refused(client, survey):
    refused(
        client,
        survey.link("page", 1),
        first_page(survey, **{"q-usage": survey.opt("lignes", "Bus")}),
        "Question « Utilisez-vous les transports en commun ? » : ce choix n’appartient pas à "
        "cette question.",
    )


def test_a_commune_outside_the_territory_is_refused(client, survey):
    elsewhere = Commune.objects.create(
        territory=make_territory("Ailleurs", communes=0), insee="34172", name="Montpellier"
    )
    refused(
        client,
        survey.link("page", 1),
        first_page(survey, **{"q-lieu": elsewhere.insee}),
        "Question « Votre commune » : cette commune n’appartient pas au territoire.",
    )


def test_points_not_summing_to_the_total_are_refused(client, survey):
    client.post(survey.link("page", 1), first_page(survey))
    refused(
        client,
        survey.link("page", 2),
        second_page(survey, points=(30, 60)),
        "Question « Budget » : répartissez exactement 100 points (90 répartis).",
    )


def test_a_rank_given_twice_is_refused(client, survey):
    client.post(survey.link("page", 1), first_page(survey))
    a, b, _c = (option.label for option in survey.questions["ordre"].options.order_by("position"))
    refused(
        client,
        survey.link("page", 2),
        second_page(survey, ranks=(1, 1, 2)),
        "Question « Classez les orientations » : le rang 1 est donné deux fois "
        f"(« {a} » et « {b} »).",
    )


def test_an_answer_after_closing_is_refused(client, survey):
    client.post(survey.link("page", 1), first_page(survey))
    client.post(survey.link("page", 2), second_page(survey))
    survey.questionnaire.closes_on = timezone.now() - timedelta(minutes=1)
    survey.questionnaire.save()
    refused(client, survey.link("page", 3), {"q-idee": "Trop tard"}, "Ce questionnaire est clos")
    refused(client, survey.link("summary"), {}, "Ce questionnaire est clos")
    survey.respondent.refresh_from_db()
    assert not survey.respondent.answered


def answer_all(client, survey, idea="Une idée"):
    client.post(survey.link("page", 1), first_page(survey))
    client.post(survey.link("page", 2), second_page(survey))
    client.post(survey.link("page", 3), {"q-idee": idea})
    return client.post(survey.link("summary"))


def test_the_same_personal_link_changes_its_response_and_never_adds_a_second(client, survey):
    assert answer_all(client, survey).status_code == 302
    first = Response.objects.get()
    # Coming back with the link re-opens the response; sending again changes it.
    page = client.get(survey.link("page", 3)).content.decode()
    assert "Une idée" in page
    client.post(survey.link("page", 3), {"q-idee": "Une meilleure idée"})
    client.post(survey.link("summary"))
    assert Response.objects.get().pk == first.pk
    assert Answer.objects.get(question__key="idee").text == "Une meilleure idée"


def test_a_second_anonymous_answer_with_a_new_link_is_refused(client, survey):
    survey.questionnaire.anonymous = True
    survey.questionnaire.save()
    answer_all(client, survey)
    # A new link for the same person cannot find the anonymous response: a second one
    # would be a second vote, so it is refused.
    from faisse.accounts.models import hash_token

    Respondent.objects.filter(pk=survey.respondent.pk).update(token_hash=hash_token("nouveau"))
    survey.token = "nouveau"
    client.post(survey.link("page", 1), first_page(survey))
    client.post(survey.link("page", 2), second_page(survey))
    refused(client, survey.link("summary"), {}, "Vous avez déjà répondu à ce questionnaire")
    assert Response.objects.count() == 1
