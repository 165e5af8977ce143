"""/<slug>/demarche/: the process as the public reads it — its purpose, its phases and
dated steps with their state (passée, en cours, à venir) and deliverables. A constant
number of queries (process, steps, deliverables)."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from faisse.participation.models import Process, ProcessStep
from faisse.participation.process import group_by_phase
from faisse.territories.models import Territory


@require_safe
def process_page(request, slug):
    territory = get_object_or_404(Territory, slug=slug)
    process = Process.objects.filter(territory=territory).first()
    steps = []
    if process is not None:
        steps = list(
            ProcessStep.objects.filter(process=process)
            .order_by("position", "starts_on", "id")
            .prefetch_related("deliverables")
        )
    today = timezone.localdate()
    for step in steps:
        step.current_state = step.state(today)
    context = {
        "territory": territory,
        "process": process,
        "phases": group_by_phase(steps),
        "current": next((s for s in steps if s.current_state == "current"), None),
        "nav_current": "process",
    }
    return render(request, "portal/process.html", context)
