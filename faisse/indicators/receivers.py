"""How the indicators app reacts to the apps below it, connected in apps.py: a pilot who
loses follow-up, an erased account, two actions merged."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.accounts.abilities import GRANTS
from faisse.accounts.privacy import PersonalDataSource
from faisse.indicators.models import Indicator, IndicatorLink, IndicatorValue


def drop_indicator_pilot(person, territory=None, by=None, reason: str = "") -> int:
    """Take the person off the indicators they lead (in the territory, or everywhere)."""
    indicators = Indicator.objects.filter(pilots=person)
    if territory is not None:
        indicators = indicators.filter(territory=territory)
    indicators = list(indicators)
    for indicator in indicators:
        indicator._history_user = by
        indicator._change_reason = reason or _("Pilote retiré·e : rôle changé ou retiré")
        indicator.pilots.remove(person)
    return len(indicators)


def take_off_indicators(sender, user, territory, role, by, **kwargs) -> None:
    """A person whose role no longer has follow-up (or who left) leads no indicator there."""
    if role is None or "follow_up" not in GRANTS[role]:
        drop_indicator_pilot(user, territory, by=by)


def _led(user) -> list[dict]:
    indicators = Indicator.objects.filter(pilots=user).select_related("territory")
    return [
        {"territory": indicator.territory.name, "title": indicator.title, "id": indicator.pk}
        for indicator in indicators
    ]


PILOTED_INDICATORS = PersonalDataSource(
    key="piloted_indicators",
    export=_led,
    describe=lambda rows: (
        ngettext("%(count)s indicateur piloté", "%(count)s indicateurs pilotés", len(rows))
        % {"count": len(rows)}
    ),
    erase=lambda user: drop_indicator_pilot(
        user, by=user, reason=_("Pilote retiré·e : compte supprimé")
    ),
)


def _entered(user) -> list[dict]:
    values = IndicatorValue.objects.filter(created_by=user).select_related("indicator")
    return [
        {"indicator": v.indicator.title, "on": v.on.isoformat(), "value": str(v.value)}
        for v in values.order_by("on", "pk")
    ]


# The values a person entered: the value stays (it is the territory's measure), the name of
# who entered it goes with an erased account.
ENTERED_VALUES = PersonalDataSource(
    key="indicator_values",
    export=_entered,
    describe=lambda rows: (
        ngettext(
            "%(count)s valeur d’indicateur saisie",
            "%(count)s valeurs d’indicateurs saisies",
            len(rows),
        )
        % {"count": len(rows)}
    ),
    erase=lambda user: IndicatorValue.objects.filter(created_by=user).update(created_by=None),
)


def follow_merged_action(sender, kept, removed, editor, **kwargs) -> None:
    """Two actions merge: the indicators of the removed one now measure the kept one."""
    already = set(IndicatorLink.objects.filter(node=kept).values_list("indicator_id", flat=True))
    for link in IndicatorLink.objects.filter(node=removed):
        link._history_user = editor
        link._change_reason = _("Actions fusionnées")
        if link.indicator_id in already:
            link.delete()
        else:
            link.node = kept
            link.save()
