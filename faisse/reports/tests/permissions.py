"""The dashboard's rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also documented in docs/permissions.md.

The dashboard is public: everyone gets 200, a bad filter or a filter reserved to members
included (the page says why it is left out). What each person sees on it differs:
test_dashboard_visibility.py checks, with the same people, that pilots, services and
budgets are shown to the members who read drafts, and to nobody else.
"""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from faisse.actions.models import Organisation
from faisse.actions.testing import add_budget, make_sheet
from faisse.reports.tests import action_pdf_rows, pilot_rows, report_rows
from faisse.tests.matrix import PUBLIC

SERVICE = "Direction des mobilités douces"
PLANNED = Decimal("12345")

ROWS = {
    "reports:dashboard": ("get", PUBLIC),
    "reports:dashboard (bad filters)": ("get", PUBLIC),
    "reports:dashboard (the map of budgets, for members)": ("get", PUBLIC),
    **pilot_rows.ROWS,  # the pilots' space and the digest's opt-out
    **report_rows.ROWS,  # the yearly report's page
    **action_pdf_rows.ROWS,  # the action sheet's PDF
}


def prepare(world: dict) -> None:
    """A late action of a published axis with a lead service and a planned budget."""
    action = world["actions"][3]
    sheet = make_sheet(
        action, status="in_progress", end_date=timezone.localdate() - timedelta(days=3)
    )
    service = Organisation.objects.create(territory=world["territory"], name=SERVICE)
    sheet.lead_services.add(service)
    add_budget(sheet, "investment", "planned", 2025, PLANNED)
    world["dashboard_action"] = action
    pilot_rows.prepare(world)


def request(name: str, world: dict) -> tuple[str, dict]:
    if name in pilot_rows.ROWS:
        return pilot_rows.request(name, world)
    if name in report_rows.ROWS:
        return report_rows.request(name, world)
    if name in action_pdf_rows.ROWS:
        return action_pdf_rows.request(name, world)
    url = reverse("reports:dashboard", args=[world["territory"].slug])
    if "(bad filters)" in name:
        return url, {"axe": "abc", "commune": "99999", "pilote": "x", "odd": "18"}
    if "(the map of budgets" in name:
        return url, {"carte": "budget"}
    return url, {}
