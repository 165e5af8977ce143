"""The dashboard's page: public, each person seeing what their role allows."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from faisse.accounts.abilities import can
from faisse.plans.models import Plan
from faisse.reports.dashboard import build_dashboard
from faisse.territories.models import Territory


def dashboard(request, slug):
    territory = get_object_or_404(Territory, slug=slug)
    plan = Plan.objects.of_territory(territory).current()
    context = {"territory": territory, "plan": plan, "nav_current": "dashboard"}
    if plan is not None:
        context["dashboard"] = build_dashboard(
            territory,
            plan,
            members=can(request.user, "view_drafts", territory),
            params=request.GET,
            today=timezone.localdate(),
            base=request.path,
        )
    return render(request, "reports/dashboard.html", context)
