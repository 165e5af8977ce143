"""Meetings as iCalendar (RFC 5545), for calendar programs: one file per meeting and a
feed per territory.

Times are written in local time with TZID=Europe/Paris, and the calendar carries the
VTIMEZONE of Europe/Paris (its transitions from the tz database, over the years of the
meetings), so that a program shows 18 h 30 in Alès whatever its own zone. A meeting's UID
never changes: a program that subscribed updates the event instead of adding a copy.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
PRODID = "-//Faïsse//Réunions//FR"


def uid(meeting) -> str:
    return f"meeting-{meeting.pk}@{meeting.territory_id}.faisse"


def location(meeting) -> str:
    commune = meeting.commune.name if meeting.commune_id else ""
    place = ", ".join(part for part in (meeting.address, commune) if part)
    if meeting.online_url:
        return f"{place} — {meeting.online_url}" if place else meeting.online_url
    return place


def description(meeting, url: str) -> str:
    lines = [meeting.description.strip()] if meeting.description.strip() else []
    lines.append(_("Public invité : %(audience)s") % {"audience": meeting.audience_label})
    if meeting.online_url:
        lines.append(_("En ligne : %(url)s") % {"url": meeting.online_url})
    lines.append(url)
    return "\n\n".join(lines)


def event(meeting, base_url: str) -> Event:
    url = base_url + meeting.url_for(meeting.territory.slug)
    item = Event()
    item.add("uid", uid(meeting))
    item.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    item.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    item.add("dtstart", meeting.starts_at.astimezone(PARIS))
    item.add("dtend", meeting.ends_at.astimezone(PARIS))
    item.add("summary", meeting.title)
    item.add("categories", [meeting.get_kind_display()])
    place = location(meeting)
    if place:
        item.add("location", place)
    item.add("url", url)
    item.add("description", description(meeting, url))
    item.add("class", "PUBLIC" if meeting.audience == "public" else "PRIVATE")
    return item


def calendar(meetings, territory, base_url: str, name: str = "") -> bytes:
    """An iCalendar file of these meetings (already loaded with their territory)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name or _("Réunions — %(territory)s") % {"territory": territory.name})
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    meetings = list(meetings)
    for meeting in meetings:
        meeting.territory = territory
        cal.add_component(event(meeting, base_url))
    if meetings:
        first = min(timezone.localtime(m.starts_at, PARIS).date() for m in meetings)
        last = max(timezone.localtime(m.ends_at, PARIS).date() for m in meetings)
        cal.add_missing_timezones(
            first_date=datetime.date(first.year, 1, 1),
            last_date=datetime.date(last.year + 1, 1, 1),
        )
    return cal.to_ical()
