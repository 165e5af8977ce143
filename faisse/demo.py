"""The Alès demo: territory, projet de territoire 2018, process steps, an admin account.

Every step checks what is already there, so running the demo twice changes nothing.
"""

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from faisse.locations.detection import apply_detection, detect
from faisse.participation.loading import ALES_2018_PROCESS, load_process_steps
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import Plan
from faisse.territories.loading import load_ales

ALES_2018_SOURCE = Path(__file__).parent / "plans" / "data" / "projet-de-territoire-ales-2018.txt"
# Adopted unanimously by the community council on 28 June 2018 (public sources); the
# ten-year period is the horizon the plan gives itself.
ALES_2018_DETAILS = PlanDetails(
    period_start=2018,
    period_end=2028,
    status=Plan.Status.ADOPTED,
    adopted_on=date(2018, 6, 28),
    source_name=ALES_2018_SOURCE.name,
)
DEMO_ADMIN_EMAIL = "admin@demo.faisse.invalid"


@dataclass
class DemoReport:
    territory: str
    communes: int
    plan: str
    plan_created: bool
    steps_created: int
    admin_username: str
    admin_password: str
    admin_created: bool


def credentials_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-admin.txt"


@transaction.atomic
def ensure_demo_admin() -> tuple[str, str, bool]:
    """The demo administrator; its password is kept in the data folder to print it again."""
    user_model = get_user_model()
    path = credentials_file()
    user = user_model.objects.filter(username="admin").first()
    if user and path.exists():
        return user.username, path.read_text(encoding="utf-8").strip(), False
    password = secrets.token_urlsafe(12)
    if user is None:
        user = user_model.objects.create_superuser("admin", DEMO_ADMIN_EMAIL, password)
        created = True
    else:  # the account exists but its password was lost with the data folder
        user.set_password(password)
        user.save(update_fields=["password"])
        created = False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return user.username, password, created


def install_demo() -> DemoReport:
    territory = load_ales()
    plan = Plan.objects.filter(territory=territory, source_name=ALES_2018_SOURCE.name).first()
    plan_created = plan is None
    if plan is None:
        plan = save_plan(parse_path(ALES_2018_SOURCE), territory, ALES_2018_DETAILS)
    if not plan.commune_links.exists():
        apply_detection(detect(plan))  # links recorded as "detected", for editors to review
    steps = load_process_steps(ALES_2018_PROCESS, territory, plan)
    username, password, admin_created = ensure_demo_admin()
    return DemoReport(
        territory=territory.name,
        communes=territory.communes.count(),
        plan=plan.title,
        plan_created=plan_created,
        steps_created=steps,
        admin_username=username,
        admin_password=password,
        admin_created=admin_created,
    )
