"""The .ics files parse with icalendar and carry the right Europe/Paris times, in summer
(UTC+2) and in winter (UTC+1); the feed holds what the reader may see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from faisse.meetings.models import Meeting
from faisse.meetings.testing import make_meeting, paris

pytestmark = pytest.mark.django_db
A = Meeting.Audience


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar) -> dict[str, object]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def summer_and_winter(territory):
    commune = territory.communes.order_by("insee").first()
    summer = make_meeting(
        territory,
        title="Partage avec les élus",
        starts_at=paris(2018, 5, 23, 18, 30),
        hours=2,
        address="Salle du conseil",
        commune=commune,
        description="Présentation du plan d’actions.",
    )
    winter = make_meeting(
        territory,
        title="Atelier de décembre",
        starts_at=paris(2017, 12, 5, 18, 30),
        online_url="https://visio.example.org/atelier",
        commune=None,
    )
    return summer, winter


def test_one_meeting_in_summer_is_at_utc_plus_2(client, territory, summer_and_winter):
    summer, _winter = summer_and_winter
    response = client.get(reverse("meetings:ics", args=[territory.slug, summer.pk]))
    assert 'filename="reunion-' in response["Content-Disposition"]
    calendar = parse(response)
    (event,) = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (start.hour, start.minute, end.hour, end.minute) == (18, 30, 20, 30)
    assert start.utcoffset() == timedelta(hours=2)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert start == summer.starts_at
    assert str(event["UID"]) == f"meeting-{summer.pk}@{territory.pk}.faisse"
    assert event.decoded("DTSTAMP") is not None
    assert str(event["LOCATION"]) == f"Salle du conseil, {summer.commune.name}"
    assert str(event["URL"]) == f"http://testserver/{territory.slug}/reunions/{summer.pk}/"
    assert "Présentation du plan d’actions." in str(event["DESCRIPTION"])
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Paris"
    offsets = {part.decoded("TZOFFSETTO") for part in zone.subcomponents}
    assert {timedelta(hours=1), timedelta(hours=2)} <= offsets


def test_the_feed_in_winter_is_at_utc_plus_1(client, territory, summer_and_winter):
    summer, winter = summer_and_winter
    calendar = parse(client.get(reverse("meetings:feed", args=[territory.slug])))
    found = events(calendar)
    event = found["Atelier de décembre"]
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (18, 30)
    assert start.utcoffset() == timedelta(hours=1)
    assert str(event["LOCATION"]) == "https://visio.example.org/atelier"
    assert found["Partage avec les élus"].decoded("DTSTART").utcoffset() == timedelta(hours=2)
    assert str(calendar["X-WR-CALNAME"]) == f"Réunions — {territory.name}"


def test_the_uid_stays_when_the_meeting_changes(client, territory, summer_and_winter):
    summer, _winter = summer_and_winter
    url = reverse("meetings:ics", args=[territory.slug, summer.pk])
    before = parse(client.get(url)).walk("VEVENT")[0]
    summer.title = "Partage avec les élus (nouvelle salle)"
    summer.starts_at += timedelta(hours=1)
    summer.ends_at += timedelta(hours=1)
    summer.save()
    after = parse(client.get(url)).walk("VEVENT")[0]
    assert after["UID"] == before["UID"]
    assert after.decoded("DTSTART").hour == 19
    assert after.decoded("DTSTAMP") >= before.decoded("DTSTAMP")


def test_the_feed_holds_public_meetings_for_the_public_and_theirs_for_members(
    client, territory, people
):
    make_meeting(territory, title="Réunion publique")
    make_meeting(territory, title="Atelier des élus", audience=A.ELECTED)
    make_meeting(territory, title="Partenaires", audience=A.PARTNERS)
    make_meeting(territory, title="Brouillon", is_published=False)
    url = reverse("meetings:feed", args=[territory.slug])
    assert set(events(parse(client.get(url)))) == {"Réunion publique"}
    client.force_login(people["elected"])
    assert set(events(parse(client.get(url)))) == {"Réunion publique", "Atelier des élus"}
    client.force_login(people["editor"])
    assert set(events(parse(client.get(url)))) == {
        "Réunion publique",
        "Atelier des élus",
        "Partenaires",
    }


def test_an_empty_feed_is_a_valid_calendar(client, territory):
    calendar = parse(client.get(reverse("meetings:feed", args=[territory.slug])))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["VERSION"]) == "2.0"


def test_a_meeting_over_two_days_keeps_both_days(client, territory):
    meeting = make_meeting(territory, starts_at=paris(2018, 3, 24, 9))
    meeting.ends_at = paris(2018, 3, 25, 17)
    meeting.save()
    event = parse(client.get(reverse("meetings:ics", args=[territory.slug, meeting.pk])))
    start = event.walk("VEVENT")[0].decoded("DTSTART")
    end = event.walk("VEVENT")[0].decoded("DTEND")
    # Summer time starts on the night of 24 to 25 March 2018.
    assert (start.day, start.hour, end.day, end.hour) == (24, 9, 25, 17)
    assert end.utcoffset() == timedelta(hours=2) and start.utcoffset() == timedelta(hours=1)
