"""The Alès demo: territory, projet de territoire 2018, the process and its steps, the
demo accounts, then the process's meetings, questionnaires n°1 and n°2 with their
generated answers, the élus' proposals, and last the plan's follow-up as at the end of
2025, action sheets and indicators, illustrative (each app's own demo script).

Every step checks what is already there, so running the demo twice changes nothing.
"""

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from faisse.accounts.models import Membership, Role, User
from faisse.actions.demo import load_demo_follow_up
from faisse.actions.models import ActionSheet
from faisse.indicators.demo import load_demo_indicators
from faisse.indicators.models import Indicator
from faisse.locations.detection import apply_detection, detect
from faisse.meetings.demo import load_demo_meetings
from faisse.meetings.models import Meeting
from faisse.participation.loading import ALES_2018_PROCESS, load_process_steps
from faisse.participation.models import Process
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import Plan, PlanNode
from faisse.proposals.demo import load_demo_proposals
from faisse.proposals.models import Proposal
from faisse.questionnaires.demo import load_demo_questionnaires
from faisse.questionnaires.models import Questionnaire, Response
from faisse.territories.loading import load_ales

ALES_2018_SOURCE = (
    Path(__file__).parents[1] / "plans" / "data" / "projet-de-territoire-ales-2018.txt"
)
# Adopted unanimously by the community council on 28 June 2018 (public sources); the
# ten-year period is the horizon the plan gives itself.
ALES_2018_DETAILS = PlanDetails(
    period_start=2018,
    period_end=2028,
    status=Plan.Status.ADOPTED,
    adopted_on=date(2018, 6, 28),
    source_name=ALES_2018_SOURCE.name,
)


@dataclass
class DemoReport:
    territory: str
    communes: int
    plan: str
    plan_created: bool
    steps_created: int
    accounts: list[tuple[str, str]]  # (e-mail, role label)
    password: str
    # What the territory holds after the demo, and how much of it this run created.
    meetings: int = 0
    meetings_created: int = 0
    questionnaires: int = 0
    responses: int = 0
    responses_created: int = 0
    proposals: int = 0
    proposals_created: int = 0
    action_sheets: int = 0
    action_sheets_created: int = 0
    indicators: int = 0
    indicators_created: int = 0


# One account per role, only in the demo; they share the password `faisse demo` prints.
DEMO_ACCOUNTS = [
    ("admin@demo.faisse.invalid", Role.ADMIN, "Camille", "Admin"),
    ("editrice@demo.faisse.invalid", Role.EDITOR, "Élise", "Éditrice"),
    ("pilote@demo.faisse.invalid", Role.PILOT, "Paul", "Pilote"),
    ("elu@demo.faisse.invalid", Role.ELECTED, "Émile", "Élu"),
    ("partenaire@demo.faisse.invalid", Role.PARTNER, "Pascale", "Partenaire"),
]
DEMO_ADMIN_EMAIL = DEMO_ACCOUNTS[0][0]
ELECTED_COMMUNE = "30010"  # the demo élu sits for Anduze


def credentials_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-password.txt"


@transaction.atomic
def ensure_demo_accounts(territory) -> tuple[list[tuple[str, str]], str]:
    """The demo accounts; their password is kept in the data folder to print it again."""
    path = credentials_file()
    known = path.read_text(encoding="utf-8").strip() if path.exists() else ""
    password = known or secrets.token_urlsafe(12)
    accounts = []
    for email, role, first_name, last_name in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, password, first_name=first_name, last_name=last_name
            )
        elif not known:  # the password was lost with the data folder
            user.set_password(password)
            user.save(update_fields=["password"])
        if role == Role.ADMIN and not user.is_superuser:
            user.is_staff = user.is_superuser = True  # also reaches Django's admin
            user.save(update_fields=["is_staff", "is_superuser"])
        commune = territory.communes.filter(insee=ELECTED_COMMUNE).first()
        Membership.objects.get_or_create(
            user=user,
            territory=territory,
            defaults={"role": role, "commune": commune if role == Role.ELECTED else None},
        )
        accounts.append((email, Role(role).label))
    if not known:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password + "\n", encoding="utf-8")
        path.chmod(0o600)
    return accounts, password


DEMO_PILOTED_ACTIONS = 3


def give_demo_pilot_actions(plan) -> None:
    """The demo pilot follows the first actions of the plan, so that the role shows."""
    pilot = User.objects.get(email=DEMO_ACCOUNTS[2][0])
    if PlanNode.pilots.through.objects.filter(user=pilot).exists():
        return
    actions = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION)
    for action in actions.order_by("source_line", "pk")[:DEMO_PILOTED_ACTIONS]:
        action.pilots.add(pilot)


def install_demo() -> DemoReport:
    territory = load_ales()
    plan = Plan.objects.filter(territory=territory, source_name=ALES_2018_SOURCE.name).first()
    plan_created = plan is None
    if plan is None:
        plan = save_plan(parse_path(ALES_2018_SOURCE), territory, ALES_2018_DETAILS)
    if not plan.commune_links.exists():
        apply_detection(detect(plan))  # links recorded as "detected", for editors to review
    steps = load_process_steps(ALES_2018_PROCESS, territory, plan)
    accounts, password = ensure_demo_accounts(territory)
    give_demo_pilot_actions(plan)
    processes = Process.objects.filter(territory=territory)
    process = processes.filter(plan=plan).first() or processes.first()
    created = (0, 0, 0)
    if process is not None:  # after the accounts: the proposals' editor decides
        created = (
            load_demo_meetings(process),
            load_demo_questionnaires(process),
            load_demo_proposals(process),
        )
    # Last: the follow-up names the pilot's actions and the élus (accounts, proposals).
    sheets_created = load_demo_follow_up(plan)
    indicators_created = load_demo_indicators(plan)
    return DemoReport(
        territory=territory.name,
        communes=territory.communes.count(),
        plan=plan.title,
        plan_created=plan_created,
        steps_created=steps,
        accounts=accounts,
        password=password,
        meetings=Meeting.objects.filter(territory=territory).count(),
        meetings_created=created[0],
        questionnaires=Questionnaire.objects.filter(territory=territory).count(),
        responses=Response.objects.filter(territory=territory).count(),
        responses_created=created[1],
        proposals=Proposal.objects.filter(territory=territory).count(),
        proposals_created=created[2],
        action_sheets=ActionSheet.objects.filter(plan=plan).count(),
        action_sheets_created=sheets_created,
        indicators=Indicator.objects.filter(plan=plan).count(),
        indicators_created=indicators_created,
    )
