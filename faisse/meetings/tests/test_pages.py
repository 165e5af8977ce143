"""The public pages of meetings: upcoming and past, filters, dates in French (Paris time),
place, audience, registration state, minutes and the plan's elements discussed; a number
of queries that does not grow with the number of meetings."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faisse.meetings.display import when_text
from faisse.meetings.models import Meeting
from faisse.meetings.registering import register
from faisse.meetings.testing import make_meeting, paris
from faisse.participation.models import ProcessStep
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


def text(response) -> str:
    return response.content.decode().replace(NBSP, " ")


def test_dates_are_in_french_and_paris_time():
    assert when_text(paris(2018, 5, 23, 18), paris(2018, 5, 23, 20, 30)).replace(NBSP, " ") == (
        "mercredi 23 mai 2018, de 18 h à 20 h 30"
    )
    assert when_text(paris(2018, 6, 1, 9, 5), paris(2018, 6, 2, 17)).replace(NBSP, " ") == (
        "du vendredi 1er juin 2018 à 9 h 05 au samedi 2 juin 2018 à 17 h"
    )


def test_the_list_splits_upcoming_and_past(client, territory):
    make_meeting(territory, title="Conseil de 2018", starts_at=paris(2018, 6, 28, 18))
    make_meeting(territory, title="Atelier à venir", online_url="https://visio.example.org/a")
    page = text(client.get(reverse("meetings:list", args=[territory.slug])))
    upcoming, past = page.split('id="passees"')
    assert "Atelier à venir" in upcoming and "Conseil de 2018" in past
    assert "jeudi 28 juin 2018, de 18 h à 20 h" in past
    assert 'href="https://visio.example.org/a"' in upcoming


def test_each_meeting_says_its_registration_state(client, territory, people):
    full = make_meeting(territory, title="Complète", registration_enabled=True, capacity=1)
    open_ = make_meeting(territory, title="Ouverte", registration_enabled=True, capacity=12)
    register(full, user=people["elected"])
    register(open_, user=people["elected"])
    page = text(client.get(reverse("meetings:list", args=[territory.slug])))
    assert "11 places restantes" in page
    assert "Complet : liste d’attente" in page
    client.force_login(people["elected"])
    page = text(client.get(reverse("meetings:list", args=[territory.slug])))
    assert page.count("vous êtes inscrit·e") == 2


def test_filters_by_kind_and_step(client, territory):
    step = ProcessStep.objects.create(
        territory=territory, phase="co_construction", kind="workshop", title="Prospective"
    )
    make_meeting(territory, title="Atelier prospectif", kind=Meeting.Kind.WORKSHOP, step=step)
    make_meeting(territory, title="Conseil", kind=Meeting.Kind.COUNCIL)
    url = reverse("meetings:list", args=[territory.slug])
    page = text(client.get(url, {"nature": "council"}))
    assert "Conseil" in page and "Atelier prospectif" not in page
    page = text(client.get(url, {"etape": step.pk}))
    assert "Atelier prospectif" in page and ">Conseil<" not in page


@pytest.mark.parametrize("query", [{"nature": "banquet"}, {"etape": "999999"}, {"etape": "²"}])
def test_an_unknown_filter_is_named_and_the_whole_list_shown(client, territory, query):
    make_meeting(territory, title="Atelier")
    response = client.get(reverse("meetings:list", args=[territory.slug]), query)
    assert response.status_code == 400
    page = text(response)
    assert ("Nature :" if "nature" in query else "Étape :") in page
    assert "Toutes les réunions sont affichées." in page
    assert "Atelier" in page


def test_the_detail_shows_minutes_once_published_and_the_nodes_the_reader_may_see(
    client, territory, plan, people
):
    axis, draft = PlanNode.objects.filter(plan=plan, kind="axis").order_by("position")[:2]
    draft.is_published = False
    draft.title = "Axe en préparation"
    draft.save()
    meeting = make_meeting(
        territory, starts_at=paris(2018, 5, 23), attendance=96, minutes="Tout le monde d’accord."
    )
    meeting.nodes.set([axis, draft])
    url = reverse("meetings:detail", args=[territory.slug, meeting.pk])
    page = text(client.get(url))
    assert "96 personnes présentes" in page
    assert "Tout le monde d’accord." not in page  # not published yet
    assert axis.label in page and "Axe en préparation" not in page
    assert f'href="{axis.url_for(territory.slug)}"' in page
    client.force_login(people["elected"])  # members read drafts
    assert "Axe en préparation" in text(client.get(url))
    meeting.minutes_published_at = timezone.now()
    meeting.save()
    client.logout()
    assert "Tout le monde d’accord." in text(client.get(url))


def test_an_unknown_meeting_and_a_meeting_of_another_territory_are_not_found(client, territory):
    from faisse.territories.testing import make_territory

    elsewhere = make_meeting(make_territory())
    for pk in (elsewhere.pk, 999999, 2**40):
        assert client.get(f"/{territory.slug}/reunions/{pk}/").status_code == 404
        assert client.get(f"/{territory.slug}/reunions/{pk}.ics").status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_meetings(client, territory, plan, people):
    nodes = list(PlanNode.objects.filter(plan=plan, kind="action")[:3])
    step = ProcessStep.objects.create(
        territory=territory, phase="sharing", kind="meeting", title="Partage"
    )

    def add(count):
        for n in range(count):
            past = n % 2 == 0
            meeting = make_meeting(
                territory,
                starts_at=timezone.now() + timedelta(days=-30 - n if past else 5 + n),
                step=step,
                registration_enabled=True,
                capacity=5,
                audience=Meeting.Audience.ELECTED if n % 3 == 0 else Meeting.Audience.PUBLIC,
            )
            meeting.nodes.set(nodes)
            register(meeting, user=people["elected"]) if not past else None

    client.force_login(people["elected"])
    urls = [
        reverse("meetings:list", args=[territory.slug]),
        reverse("meetings:feed", args=[territory.slug]),
        f"/api/v1/territories/{territory.slug}/meetings",
    ]
    add(3)
    small = [_queries(client, url) for url in urls]
    add(30)
    large = [_queries(client, url) for url in urls]
    assert large == small
