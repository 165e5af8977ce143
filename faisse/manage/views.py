"""The management space of a territory: where editors, pilots and administrators start.

It gathers the tools each person may use, with what waits for them (actions to follow,
drafts, places to check, invitations), in a constant number of queries.
"""

from django.shortcuts import render

from faisse.accounts.abilities import MANAGEMENT_ABILITIES, territory_abilities
from faisse.accounts.decorators import ability_required
from faisse.accounts.models import Invitation
from faisse.locations.models import CommuneLink
from faisse.plans.models import Plan, PlanNode

TO_DO_SHOWN = 20  # elements listed at most in each to-do list


@ability_required(*MANAGEMENT_ABILITIES)
def management_home(request, territory):
    abilities = territory_abilities(request.user, territory)
    plan = Plan.objects.of_territory(territory).current()
    context = {
        "territory": territory,
        "abilities": abilities,
        "plan": plan,
        "nav_current": "manage",
    }
    if plan is not None:
        context["my_actions"] = list(
            PlanNode.objects.filter(plan=plan, pilots=request.user)
            .select_related("plan__territory")
            .order_by("source_line", "position", "pk")
        )
    if plan is not None and abilities["edit_plan"]:
        context["draft_count"] = PlanNode.objects.filter(plan=plan, is_published=False).count()
        # What the public would read as unfinished: the editors' to-do list.
        context["untitled"] = list(
            PlanNode.objects.filter(plan=plan, title="")
            .select_related("plan__territory")
            .order_by("source_line", "position", "pk")[:TO_DO_SHOWN]
        )
        context["links_to_check"] = CommuneLink.objects.filter(
            plan=plan, origin=CommuneLink.Origin.DETECTED
        ).count()
    if abilities["manage_members"]:
        context["pending_invitations"] = (
            Invitation.objects.filter(territory=territory).pending().count()
        )
    return render(request, "manage/home.html", context)
