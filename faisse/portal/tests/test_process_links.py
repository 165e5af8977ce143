"""The territory home and the process page lead to the meetings, questionnaires and
proposals: the next meetings and open questionnaires on the home, each step's meetings,
questionnaires and proposal count on the process page, then the proposals per commune.
Each person sees only what the meetings' and questionnaires' own rules let them see, in
the same number of queries whatever the numbers."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faisse.meetings.models import Meeting
from faisse.meetings.testing import make_meeting
from faisse.portal.tests.html import page
from faisse.portal.tests.test_accessibility import assert_accessible
from faisse.proposals.tests.conftest import make_proposal, make_world
from faisse.questionnaires.models import Questionnaire
from faisse.questionnaires.testing import make_questionnaire

pytestmark = pytest.mark.django_db


def populate(world, count: int) -> None:
    """For each step: `count` public meetings (past and coming), one for the élus only,
    `count` open public questionnaires, one for members, one closed; `count` proposals."""
    territory, now = world["territory"], timezone.now()
    communes = list(world["communes"].values())
    for step in world["process"].steps.all():
        for index in range(count):
            days = 10 * (index + 1) * (1 if index % 2 else -1)
            make_meeting(territory, step=step, starts_at=now + timedelta(days=days))
            make_questionnaire(
                territory,
                step=step,
                title=f"Questionnaire {step.number}.{index}",
                audience="public",
            )
            make_proposal(
                world, f"Proposition {step.number}.{index}", step=step, communes=communes[:2]
            )
        make_meeting(
            territory,
            step=step,
            title=f"Atelier des élus {step.number}",
            audience=Meeting.Audience.ELECTED,
            starts_at=now + timedelta(days=3),
        )
        make_questionnaire(territory, step=step, title=f"Pour les membres {step.number}")
        make_questionnaire(
            territory, step=step, title=f"Clos {step.number}", audience="public", is_open=False
        )


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def urls(world) -> list[str]:
    slug = world["territory"].slug
    return [reverse("portal:territory", args=[slug]), reverse("portal:process", args=[slug])]


def test_the_pages_take_as_many_queries_for_more_meetings_questionnaires_and_proposals(client):
    counts = []
    for name, count in (("Agglo une", 1), ("Agglo quatre", 4)):
        world = make_world(name)
        populate(world, count)
        anonymous = [queries(client, url) for url in urls(world)]
        client.force_login(world["elu"])
        elu = [queries(client, url) for url in urls(world)]
        client.logout()
        counts.append((anonymous, elu))
    assert counts[0] == counts[1]
    # home: +2 (meetings, questionnaires); process: +6 (meetings, questionnaires, the
    # proposal counts' 4); an élu adds the session, the user, the role, the commissions
    assert counts[0] == ([9, 10], [13, 14])


def test_each_step_lists_what_its_readers_may_see_and_the_proposals(client):
    world = make_world()
    populate(world, 2)
    territory = world["territory"]
    url = reverse("portal:process", args=[territory.slug])
    html = client.get(url).content.decode()
    step = world["process"].steps.get(number=2)
    item = html.split(f'id="etape-{step.pk}"')[1].split("</li>\n    \n")[0]
    for meeting in Meeting.objects.filter(step=step, audience="public"):
        assert f'href="{meeting.url_for(territory.slug)}"' in item
    assert "Atelier des élus 2" not in html
    for questionnaire in Questionnaire.objects.filter(step=step, audience="public"):
        assert f'href="{questionnaire.get_absolute_url()}"' in item
    assert "Questionnaire 2.1" in item and "(clos)" in item
    assert "Pour les membres" not in html
    assert "2 propositions d’actions des élus" in item
    commune = world["communes"]["Anduze"]
    commune_url = reverse("portal:commune", args=[territory.slug, commune.insee])
    table = html.split('id="propositions"')[1]
    assert f'<a href="{commune_url}">Anduze</a></th><td>6</td>' in table
    assert reverse("meetings:list", args=[territory.slug]) in html

    client.force_login(world["elu"])
    html = client.get(url).content.decode()
    assert "Atelier des élus 2" in html and "Pour les membres 2" in html


def test_the_home_lists_the_next_meetings_and_the_open_questionnaires(client):
    world = make_world()
    populate(world, 2)
    territory = world["territory"]
    html = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    section = html.split('id="participer"')[1].split("</section>")[0]
    coming = Meeting.objects.filter(audience="public", starts_at__gt=timezone.now())
    assert coming.count() == 3
    for meeting in coming:
        assert meeting.title in section
    assert "Atelier des élus" not in section
    assert "Questionnaire 1.0" in section and "Clos" not in section
    assert "Pour les membres" not in section
    for name in ("meetings:list", "questionnaires:list"):
        assert f'href="{reverse(name, args=[territory.slug])}"' in section

    client.force_login(world["elu"])
    html = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert "Atelier des élus" in html and "Pour les membres 1" in html


def test_a_territory_without_meetings_says_so_and_still_links_them(client, territory):
    html = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert "Aucune réunion à venir pour l’instant." in html
    assert reverse("meetings:list", args=[territory.slug]) in html


def test_the_pages_with_meetings_questionnaires_and_proposals_are_accessible(client):
    world = make_world()
    populate(world, 2)
    for url in urls(world):
        assert_accessible(page(client.get(url)))


def test_results_published_to_everyone_are_linked_even_for_a_members_questionnaire(client):
    world = make_world()
    populate(world, 1)
    territory = world["territory"]
    members = Questionnaire.objects.get(title="Pour les membres 3")
    members.results_visibility = Questionnaire.ResultsVisibility.PUBLIC
    members.save()
    html = client.get(reverse("portal:process", args=[territory.slug])).content.decode()
    results = reverse("questionnaires:results", args=[territory.slug, members.pk])
    assert f'href="{results}"' in html
    assert f'href="{members.get_absolute_url()}"' not in html  # its page asks to sign in
    assert "Pour les membres 1" not in html
    assert client.get(results).status_code == 200

    client.force_login(world["elu"])
    html = client.get(reverse("portal:process", args=[territory.slug])).content.decode()
    assert f'href="{members.get_absolute_url()}"' in html and f'href="{results}"' in html
