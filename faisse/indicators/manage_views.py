"""Management of indicators (/<slug>/gestion/indicateurs/): editors define them, their
targets and links; editors and the indicators' pilots (and the pilots of linked actions)
enter measured values. Every write goes through faisse/indicators/editing.py."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from faisse.accounts.abilities import object_abilities
from faisse.accounts.decorators import ability_required
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.posted import posted_id
from faisse.indicators import editing
from faisse.indicators.display import format_exact
from faisse.indicators.forms import IndicatorForm, ValueForm
from faisse.indicators.models import Indicator, IndicatorValue
from faisse.indicators.node_choices import node_choices
from faisse.indicators.targets import load_series
from faisse.plans.models import Plan

editor_required = ability_required("edit_plan")


def indicator_or_404(territory, pk) -> Indicator:
    indicator = get_object_or_404(
        Indicator.objects.select_related("plan"), pk=pk, territory=territory
    )
    indicator.territory = territory
    return indicator


def _value_or_404(territory, pk, value_pk) -> IndicatorValue:
    value = get_object_or_404(
        IndicatorValue.objects.select_related("indicator"),
        pk=value_pk,
        indicator_id=pk,
        territory=territory,
    )
    value.indicator.territory = territory
    return value


# Values are written by editors and by those who lead the indicator (abilities.py); the
# rule of a value is its indicator's.
value_writer = ability_required("edit_plan", "follow_up", of=indicator_or_404)
one_value_writer = ability_required("edit_plan", "follow_up", of=_value_or_404)


def _render(request, template: str, territory, context: dict, status: int = 200):
    context = {"territory": territory, "nav_current": "manage", **context}
    return render(request, f"indicators/manage/{template}.html", context, status=status)


@editor_required
def indicator_list(request, territory):
    indicators = list(
        Indicator.objects.of_territory(territory)
        .for_listing()
        .annotate(link_count=Count("links", distinct=True))
    )
    series = load_series(indicators)
    rows = [(indicator, series[indicator.pk].status()) for indicator in indicators]
    return _render(request, "list", territory, {"rows": rows})


@editor_required
def indicator_create(request, territory):
    plan = Plan.objects.of_territory(territory).current()
    indicator = Indicator(territory=territory, plan=plan)
    form = IndicatorForm(request.POST or None, instance=indicator, territory=territory)
    if request.method == "POST" and form.is_valid():
        editing.save_indicator(
            indicator,
            request.user,
            targets=form.cleaned_data["targets_text"],
            pilots=form.cleaned_data["pilots"],
        )
        messages.success(request, _("Indicateur « %s » créé.") % indicator.title)
        return redirect("indicators:links", territory.slug, indicator.pk)
    return _render(request, "form", territory, {"form": form}, 400 if form.errors else 200)


@editor_required
def indicator_edit(request, territory, pk):
    indicator = indicator_or_404(territory, pk)
    form = IndicatorForm(request.POST or None, instance=indicator, territory=territory)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            editing.save_indicator(
                indicator,
                request.user,
                targets=form.cleaned_data["targets_text"],
                pilots=form.cleaned_data["pilots"],
                version=form.cleaned_data["version"],
            )
        except editing.IndicatorConflict as conflict:
            messages.error(request, str(conflict))
            current = indicator_or_404(territory, pk)
            form = IndicatorForm(instance=current, territory=territory)
            indicator, status = current, 409
        else:
            messages.success(request, _("Indicateur « %s » enregistré.") % indicator.title)
            return redirect("indicators:list", territory.slug)
    elif form.errors:
        status = 400
    context = {"form": form, "indicator": indicator}
    return _render(request, "form", territory, context, status)


@require_POST
@editor_required
def indicator_delete(request, territory, pk):
    indicator = indicator_or_404(territory, pk)
    if not confirmed(request):
        count = indicator.values.count()
        return ask(
            request,
            Confirmation(
                title=_("Supprimer l’indicateur « %s » ?") % indicator.title,
                question=_("Il disparaît du site avec ses cibles et ses liens au projet."),
                details=[
                    ngettext(
                        "%(count)s valeur mesurée est effacée avec lui.",
                        "%(count)s valeurs mesurées sont effacées avec lui.",
                        count,
                    )
                    % {"count": count}
                ]
                if count
                else [],
                button=_("Supprimer l’indicateur"),
                action=request.path,
                cancel=reverse("indicators:list", args=[territory.slug]),
            ),
            territory,
        )
    editing.delete_indicator(indicator, request.user)
    messages.success(request, _("Indicateur « %s » supprimé.") % indicator.title)
    return redirect("indicators:list", territory.slug)


@editor_required
def indicator_links(request, territory, pk):
    """The elements of the plan the indicator measures: checkboxes in the plan's order."""
    indicator = indicator_or_404(territory, pk)
    selected = set(indicator.links.values_list("node_id", flat=True))
    error = ""
    if request.method == "POST":
        ids = {posted_id(value) for value in request.POST.getlist("nodes")}
        try:
            if None in ids:
                raise editing.IndicatorError(_("Cochez les éléments dans la liste."))
            count = editing.set_links(indicator, request.user, ids)
        except editing.IndicatorError as refusal:
            error = str(refusal)
        else:
            messages.success(
                request,
                ngettext(
                    "« %(title)s » mesure %(count)s élément du projet.",
                    "« %(title)s » mesure %(count)s éléments du projet.",
                    count,
                )
                % {"title": indicator.title, "count": count},
            )
            return redirect("indicators:list", territory.slug)
    plan, choices = node_choices(territory, indicator.plan, selected)
    context = {"indicator": indicator, "plan": plan, "choices": choices, "error": error}
    return _render(request, "links", territory, context, 400 if error else 200)


def _values_page(request, territory, indicator, form, status=200):
    values = list(indicator.values.select_related("created_by").order_by("-on", "-pk"))
    for value in values:
        value.shown = format_exact(value.value, indicator)
    context = {
        "indicator": indicator,
        "form": form,
        "values": values,
        "can_edit": object_abilities(request.user, indicator)["edit_plan"],
    }
    return _render(request, "values", territory, context, status)


@value_writer
def indicator_values(request, territory, indicator):
    form = ValueForm(initial={"source": indicator.default_source})
    return _values_page(request, territory, indicator, form)


@require_POST
@value_writer
def value_add(request, territory, indicator):
    form = ValueForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            editing.record_value(
                indicator,
                request.user,
                on=data["on"],
                value=data["value"],
                source=data["source"],
                comment=data["comment"],
                replace=data["replace"],
            )
        except editing.IndicatorError as refusal:
            form.add_error("on", str(refusal))
        else:
            messages.success(
                request,
                _("Valeur du %(date)s enregistrée : %(value)s.")
                % {
                    "date": data["on"].strftime("%d/%m/%Y"),
                    "value": format_exact(data["value"], indicator),
                },
            )
            return redirect("indicators:values", territory.slug, indicator.pk)
    return _values_page(request, territory, indicator, form, status=400)


@require_POST
@one_value_writer
def value_delete(request, territory, value):
    indicator = value.indicator
    when = value.on.strftime("%d/%m/%Y")
    if not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=_("Supprimer la valeur du %s ?") % when,
                question=_("« %(title)s » : %(value)s, mesurée le %(date)s.")
                % {
                    "title": indicator.title,
                    "value": format_exact(value.value, indicator),
                    "date": when,
                },
                button=_("Supprimer la valeur"),
                action=request.path,
                cancel=reverse("indicators:values", args=[territory.slug, indicator.pk]),
            ),
            territory,
        )
    editing.delete_value(value, request.user)
    messages.success(request, _("Valeur du %s supprimée.") % when)
    return redirect("indicators:values", territory.slug, indicator.pk)
