"""What a person may do with one indicator, on top of their role in its territory: the
rule this app registers in the abilities layer (apps.py).

Editors and administrators define indicators, their targets and their links
(`edit_plan`). Measured values are entered (`follow_up`) by editors, by the indicator's
own pilots, and by the pilots of an action the indicator is linked to — by no other pilot.
"""

from django.db.models import Q

from faisse.indicators.models import Indicator


def led_by(user) -> Q:
    """The indicators a person leads: theirs, or linked to an action they pilot."""
    return Q(pilots=user) | Q(links__node__pilots=user)


def indicator_abilities(user, indicator: Indicator, abilities: dict[str, bool]) -> dict[str, bool]:
    if abilities["edit_plan"]:
        return abilities
    leads_it = (
        abilities["follow_up"]
        and getattr(user, "is_authenticated", False)
        and Indicator.objects.filter(led_by(user), pk=indicator.pk).exists()
    )
    return {**abilities, "follow_up": bool(leads_it)}


def value_abilities(user, value, abilities: dict[str, bool]) -> dict[str, bool]:
    """A measured value follows its indicator's rule."""
    return indicator_abilities(user, value.indicator, abilities)
