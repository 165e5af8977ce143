"""The pilots' space: one page (the person's actions and indicators, each with its quick
form) and the posts of those forms. Without JavaScript, a post that succeeds sends back to
the page at the action it changed, with a message; a refused one shows the page again
(400) with the French reason next to its form."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.abilities import territory_abilities
from faisse.accounts.decorators import ability_required
from faisse.actions.models import ActionSheet
from faisse.actions.updating import record_update
from faisse.indicators.editing import IndicatorError, record_value
from faisse.indicators.forms import ValueForm
from faisse.indicators.models import Indicator
from faisse.plans.editing import EditError
from faisse.plans.tree import action_or_404
from faisse.reports.models import DigestSubscription
from faisse.reports.pilot_forms import QuickUpdateForm
from faisse.reports.pilot_space import indicator_prefix, load_space

EVERYTHING = "tout"  # ?tout=1: every action, for editors


def indicator_or_404(territory, pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("territory"), pk=pk, territory=territory
    )


def _wants_everything(data) -> bool:
    return data.get(EVERYTHING) == "1"


def _space_url(territory, everything: bool, anchor: str = "") -> str:
    url = reverse("pilot:space", args=[territory.slug])
    if everything:
        url += f"?{EVERYTHING}=1"
    return url + (f"#{anchor}" if anchor else "")


def _render(request, territory, *, everything: bool, bound=None, form=None, status=200):
    abilities = territory_abilities(request.user, territory)
    space = load_space(request.user, territory, abilities, everything=everything, bound=bound)
    context = {
        "territory": territory,
        "space": space,
        "abilities": abilities,
        "form": form,  # the refused form: the page's title and error summary name it
        "nav_current": "manage",
    }
    return render(request, "reports/pilot_space.html", context, status=status)


@ability_required("follow_up")
def space(request, territory):
    return _render(request, territory, everything=_wants_everything(request.GET))


@require_POST
@ability_required("follow_up", of=action_or_404)
def quick_update(request, territory, node):
    sheet = ActionSheet.objects.filter(node=node).first() or ActionSheet(
        node=node, plan_id=node.plan_id, territory_id=node.territory_id
    )
    form = QuickUpdateForm(request.POST, sheet=sheet)
    everything = _wants_everything(request.POST)
    if form.is_valid():
        try:
            record_update(node, request.user, **form.update_arguments())
        except PermissionError as error:
            raise PermissionDenied from error
        except EditError as error:
            fields = {item.get("field") for item in error.field_errors} & set(form.fields)
            form.add_error(fields.pop() if len(fields) == 1 else None, str(error))
        else:
            messages.success(
                request,
                _("Point de suivi enregistré pour « %(action)s ».") % {"action": node.label},
            )
            return redirect(_space_url(territory, everything, f"action-{node.pk}"))
    bound = {("action", node.pk): form}
    return _render(request, territory, everything=everything, bound=bound, form=form, status=400)


@require_POST
@ability_required("follow_up", of=indicator_or_404)
def add_value(request, territory, indicator):
    form = ValueForm(request.POST, prefix=indicator_prefix(indicator.pk))
    everything = _wants_everything(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            record_value(
                indicator,
                request.user,
                on=data["on"],
                value=data["value"],
                source=data["source"],
                comment=data["comment"],
                replace=data["replace"],
            )
        except IndicatorError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Valeur enregistrée pour « %(indicator)s ».") % {"indicator": indicator.title},
            )
            return redirect(_space_url(territory, everything, f"indicateur-{indicator.pk}"))
    bound = {("indicator", indicator.pk): form}
    return _render(request, territory, everything=everything, bound=bound, form=form, status=400)


@require_POST
@ability_required("follow_up")
def digest_setting(request, territory):
    """Turn the weekly e-mail on or off (`recevoir` = 1 or 0)."""
    enabled = request.POST.get("recevoir") == "1"
    DigestSubscription.objects.update_or_create(
        user=request.user, territory=territory, defaults={"enabled": enabled}
    )
    if enabled:
        messages.success(request, _("Vous recevrez le courriel hebdomadaire de suivi."))
    else:
        messages.success(request, _("Vous ne recevrez plus le courriel hebdomadaire de suivi."))
    return redirect(_space_url(territory, _wants_everything(request.POST), "courriel"))
