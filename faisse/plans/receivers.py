"""How the plans app reacts to the accounts app below it, connected in apps.py."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.accounts.abilities import GRANTS
from faisse.accounts.privacy import PersonalDataSource
from faisse.plans.models import PlanNode
from faisse.plans.pilots import drop_pilot


def take_off_actions(sender, user, territory, role, by, **kwargs) -> None:
    """A person whose role no longer has follow-up (or who left) pilots nothing there."""
    if role is None or "follow_up" not in GRANTS[role]:
        drop_pilot(user, territory, by=by)


def _piloted(user) -> list[dict]:
    nodes = PlanNode.objects.filter(pilots=user).select_related("plan__territory")
    return [
        {"territory": node.plan.territory.name, "title": node.title, "id": node.pk}
        for node in nodes
    ]


PILOTED_ACTIONS = PersonalDataSource(
    key="piloted_actions",
    export=_piloted,
    describe=lambda actions: (
        ngettext("%(count)s action pilotée", "%(count)s actions pilotées", len(actions))
        % {"count": len(actions)}
    ),
    erase=lambda user: drop_pilot(user, by=user, reason=_("Pilote retiré : compte supprimé")),
)
