"""Template helpers of the meetings' pages: dates in French, place, registration state."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.meetings.display import iso_local, when_text

register = template.Library()


@register.filter
def meeting_when(meeting) -> str:
    """ "mercredi 23 mai 2018, de 18 h 30 à 20 h 30" (Europe/Paris)."""
    return when_text(meeting.starts_at, meeting.ends_at)


@register.filter
def local_iso(moment) -> str:
    return iso_local(moment)


@register.filter
def registration_state(meeting) -> str:
    """ "12 places restantes", "Complet : liste d’attente", "Inscription ouverte",
    "Inscriptions closes", or "" for a meeting without registration."""
    if not meeting.registration_enabled:
        return ""
    if not meeting.registration_open():
        return _("Inscriptions closes")
    remaining = meeting.remaining_places()
    if remaining is None:
        return _("Inscription ouverte")
    if remaining == 0:
        return _("Complet : liste d’attente")
    return ngettext("%(count)s place restante", "%(count)s places restantes", remaining) % {
        "count": remaining
    }
