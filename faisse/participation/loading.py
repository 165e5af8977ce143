"""Load the steps of a participatory process from a JSON file (plain data for now)."""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from faisse.participation.models import ProcessStep
from faisse.plans.models import Plan
from faisse.territories.models import Territory

ALES_2018_PROCESS = Path(__file__).parent / "data" / "ales-2018-process.json"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@transaction.atomic
def load_process_steps(path: Path, territory: Territory, plan: Plan | None = None) -> int:
    """Record the steps of the file for the territory, unless it already has steps."""
    if ProcessStep.objects.filter(territory=territory).exists():
        return 0
    steps = json.loads(path.read_text(encoding="utf-8"))["steps"]
    ProcessStep.objects.bulk_create(
        ProcessStep(
            territory=territory,
            plan=plan,
            phase=step["phase"],
            kind=step["kind"],
            number=step.get("number"),
            title=step["title"],
            starts_on=_date(step.get("starts_on")),
            ends_on=_date(step.get("ends_on")),
            date_precision=step.get("precision", ProcessStep.DatePrecision.DAY),
            position=position,
            source_line=step.get("line"),
        )
        for position, step in enumerate(steps, start=1)
    )
    return len(steps)
