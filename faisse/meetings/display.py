"""Dates and times of meetings as a French reader expects them, in Europe/Paris (the
site's time zone): "mercredi 23 mai 2018, de 18 h 30 à 20 h 30"."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

NBSP = "\u00a0"


def day_text(moment: datetime.datetime) -> str:
    """ "mercredi 23 mai 2018", "vendredi 1er juin 2018" (local date)."""
    local = timezone.localtime(moment)
    text = date_format(local, "l j F Y")
    if local.day == 1 and (get_language() or "").startswith("fr"):
        weekday, rest = text.split(" ", 1)
        if rest.startswith("1 "):
            text = f"{weekday} 1er {rest[2:]}"
    return text


def time_text(moment: datetime.datetime) -> str:
    """ "18 h 30", "9 h" (local time; French typography, no-break spaces)."""
    local = timezone.localtime(moment)
    if local.minute == 0:
        return f"{local.hour}{NBSP}h"
    return f"{local.hour}{NBSP}h{NBSP}{local.minute:02d}"


def when_text(starts_at: datetime.datetime, ends_at: datetime.datetime) -> str:
    """The whole span: one day with its hours, or two days with theirs."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() == end.date():
        if start == end:
            return _("%(day)s à %(time)s") % {"day": day_text(start), "time": time_text(start)}
        return _("%(day)s, de %(start)s à %(end)s") % {
            "day": day_text(start),
            "start": time_text(start),
            "end": time_text(end),
        }
    return _("du %(start_day)s à %(start)s au %(end_day)s à %(end)s") % {
        "start_day": day_text(start),
        "start": time_text(start),
        "end_day": day_text(end),
        "end": time_text(end),
    }


def iso_local(moment: datetime.datetime) -> str:
    """For <time datetime="…">: the local time with its offset."""
    return timezone.localtime(moment).isoformat(timespec="minutes")
