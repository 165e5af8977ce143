"""The process in the management space (/<slug>/gestion/demarche/), for editors: the
process itself, its steps (order, dates, state) and their deliverables."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import editor_required
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.posted import posted_id
from faisse.participation.forms import DeliverableForm, ProcessForm, StepForm
from faisse.participation.models import Deliverable, Process, ProcessStep
from faisse.plans.models import Plan


def current_process(territory) -> Process | None:
    return Process.objects.filter(territory=territory).first()  # the latest (Meta.ordering)


def _page(request, territory, process, *, process_form=None, step_form=None, status=200):
    steps = (
        ProcessStep.objects.filter(process=process).prefetch_related("deliverables")
        if process
        else []
    )
    context = {
        "territory": territory,
        "process": process,
        "steps": steps,
        "process_form": process_form or ProcessForm(instance=process),
        "step_form": step_form or StepForm(),
        "nav_current": "manage",
    }
    return render(request, "participation/manage.html", context, status=status)


@editor_required
def process_manage(request, territory):
    """GET: the process and its steps; POST: the process's title and description (a
    territory without a process gets one, for its current plan)."""
    process = current_process(territory)
    if request.method == "POST":
        form = ProcessForm(request.POST, instance=process or Process(territory=territory))
        if form.is_valid():
            process = form.save(commit=False)
            process.territory = territory
            process.plan = process.plan or Plan.objects.of_territory(territory).current()
            process.save()
            messages.success(request, _("La démarche est enregistrée."))
            return redirect("participation_manage:process", slug=territory.slug)
        return _page(request, territory, process, process_form=form, status=400)
    return _page(request, territory, process)


@require_POST
@editor_required
def step_add(request, territory):
    process = current_process(territory)
    if process is None:
        messages.error(request, _("Décrivez d’abord la démarche."))
        return redirect("participation_manage:process", slug=territory.slug)
    form = StepForm(request.POST)
    if not form.is_valid():
        return _page(request, territory, process, step_form=form, status=400)
    with transaction.atomic():
        step = form.save(commit=False)
        step.territory, step.process, step.plan = territory, process, process.plan
        last = ProcessStep.objects.filter(process=process).aggregate(last=Max("position"))
        step.position = (last["last"] or 0) + 1
        step.save()
    messages.success(request, _("Étape « %s » ajoutée.") % step.title)
    return redirect(f"{reverse('participation_manage:process', args=[territory.slug])}#e-{step.pk}")


def _step(territory, pk) -> ProcessStep:
    return get_object_or_404(ProcessStep, pk=pk, territory=territory)


@editor_required
def step_edit(request, territory, pk):
    step = _step(territory, pk)
    form = StepForm(request.POST or None, instance=step)
    deliverable_form = DeliverableForm()
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Étape « %s » enregistrée.") % step.title)
        return redirect(
            f"{reverse('participation_manage:process', args=[territory.slug])}#e-{step.pk}"
        )
    context = {
        "territory": territory,
        "step": step,
        "form": form,
        "deliverable_form": deliverable_form,
        "nav_current": "manage",
    }
    return render(
        request, "participation/step_edit.html", context, status=400 if form.errors else 200
    )


@require_POST
@editor_required
def step_move(request, territory, pk):
    """Up or down among the steps of its process."""
    step = _step(territory, pk)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    if offset is None:
        messages.error(request, _("Déplacement inconnu."))
    else:
        with transaction.atomic():
            steps = list(
                ProcessStep.objects.select_for_update()
                .filter(process_id=step.process_id)
                .order_by("position", "id")
            )
            index = next(i for i, other in enumerate(steps) if other.pk == step.pk)
            if 0 <= index + offset < len(steps):
                steps[index], steps[index + offset] = steps[index + offset], steps[index]
                for position, other in enumerate(steps, start=1):
                    if other.position != position:
                        other.position = position
                        other.save(update_fields=["position"])
                messages.success(request, _("Étape « %s » déplacée.") % step.title)
    return redirect(f"{reverse('participation_manage:process', args=[territory.slug])}#e-{step.pk}")


@require_POST
@editor_required
def step_delete(request, territory, pk):
    step = _step(territory, pk)
    if not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=_("Supprimer l’étape « %s » ?") % step.title,
                question=_(
                    "Ses livrables sont supprimés avec elle ; les réunions, questionnaires et "
                    "propositions qui s’y rattachaient restent, sans étape."
                ),
                button=_("Supprimer l’étape"),
                action=request.path,
                cancel=reverse("participation_manage:process", args=[territory.slug]),
            ),
            territory,
        )
    step.delete()
    messages.success(request, _("Étape « %s » supprimée.") % step.title)
    return redirect("participation_manage:process", slug=territory.slug)


@require_POST
@editor_required
def deliverable_add(request, territory, pk):
    step = _step(territory, pk)
    form = DeliverableForm(request.POST)
    if form.is_valid():
        deliverable = form.save(commit=False)
        deliverable.step = step
        deliverable.position = step.deliverables.count() + 1
        deliverable.save()
        messages.success(request, _("Livrable « %s » ajouté.") % deliverable.title)
    else:
        errors = "; ".join(f"{form[name].label} : {' '.join(e)}" for name, e in form.errors.items())
        messages.error(request, _("Livrable non ajouté : %s") % errors)
    return redirect("participation_manage:step_edit", slug=territory.slug, pk=step.pk)


@require_POST
@editor_required
def deliverable_remove(request, territory, pk):
    deliverable_id = posted_id(request.POST.get("deliverable"))
    deliverable = get_object_or_404(
        Deliverable, pk=deliverable_id or 0, step__pk=pk, step__territory=territory
    )
    deliverable.delete()
    messages.success(request, _("Livrable « %s » retiré.") % deliverable.title)
    return redirect("participation_manage:step_edit", slug=territory.slug, pk=pk)
