"""A member's space in a territory (/<slug>/gestion/): where every member starts.

It says what the person's role is for and may do (from the abilities layer), links élus
to their commune, announces what is coming, and gathers the tools each person may use
with what waits for them (actions to follow, drafts, places to check, invitations), in a
constant number of queries.
"""

from django.shortcuts import render

from faisse.accounts.abilities import manages_something, role_abilities, territory_abilities
from faisse.accounts.decorators import member_required
from faisse.accounts.models import Invitation
from faisse.locations.models import CommuneLink
from faisse.plans.models import Plan, PlanNode
from faisse.proposals.review import to_examine
from faisse.proposals.submission import PROPOSER_ROLES

TO_DO_SHOWN = 20  # elements listed at most in each to-do list


@member_required
def management_home(request, territory, membership):
    abilities = territory_abilities(request.user, territory)
    plan = Plan.objects.of_territory(territory).current()
    role = membership.role if membership else None
    context = {
        "territory": territory,
        "membership": membership,
        "commissions": [c.name for c in membership.commissions.all()] if role == "elected" else [],
        "role": role,
        "role_abilities": role_abilities(role) if membership else [],
        "abilities": abilities,
        "manages": manages_something(abilities),
        "plan": plan,
        # as proposals.submission.may_propose, from the membership already loaded
        "may_propose": role in PROPOSER_ROLES or membership is None,
        "nav_current": "manage",
    }
    if plan is not None and abilities["follow_up"]:
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
        context["proposals_to_examine"] = to_examine(territory)
    if abilities["manage_members"]:
        context["pending_invitations"] = (
            Invitation.objects.filter(territory=territory).pending().count()
        )
    return render(request, "manage/home.html", context)
