"""Load a participatory process and its steps from a JSON file (the demo's, from the
source document)."""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from faisse.participation.models import Process, ProcessStep
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
    data = json.loads(path.read_text(encoding="utf-8"))
    steps = data["steps"]
    process = Process.objects.create(
        territory=territory,
        plan=plan,
        title=data.get("title", "Démarche du projet de territoire"),
        description=data.get("description", ""),
    )
    ProcessStep.objects.bulk_create(
        ProcessStep(
            territory=territory,
            process=process,
            plan=plan,
            description=step.get("description", ""),
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
