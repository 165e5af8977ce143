"""The results page of a questionnaire (/<slug>/questionnaires/<pk>/resultats/): one
section per question with its chart and table, an optional breakdown by commune, role or
commission (`?par=…`, never for an anonymous questionnaire), and the map of the communes
that answered. Readable per `results.access.results_readable`; a constant number of
queries whatever the number of responses.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.abilities import territory_abilities
from faisse.questionnaires.models import Questionnaire
from faisse.questionnaires.outline import Outline
from faisse.questionnaires.readers import readable
from faisse.questionnaires.results import compute_results
from faisse.questionnaires.results.breakdowns import MINIMUM_GROUP, breakdowns, can_break_down
from faisse.questionnaires.results_display import blocks
from faisse.questionnaires.results_map import participation
from faisse.territories.models import Territory

# The `par` parameter: what the answers may be broken down by.
BREAKDOWNS = {
    "commune": gettext_lazy("commune"),
    "role": gettext_lazy("rôle"),
    "commission": gettext_lazy("commission"),
}


def results(request, slug, pk):
    territory = get_object_or_404(Territory, slug=slug)
    questionnaire = get_object_or_404(
        Questionnaire.objects.published().select_related("step"), pk=pk, territory=territory
    )
    abilities = territory_abilities(request.user, territory)
    editor = abilities["edit_plan"]
    if not readable(request, questionnaire, editor=editor):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    by = request.GET.get("par", "")
    error = ""
    if by and by not in BREAKDOWNS:
        error = _("« %(value)s » n’est pas une répartition possible : choisissez %(choices)s.") % {
            "value": by[:40],
            "choices": ", ".join(str(label) for label in BREAKDOWNS.values()),
        }
        by = ""
    divisible = can_break_down(questionnaire)
    outline = Outline.load(questionnaire)
    computed = compute_results(questionnaire, outline)
    split = breakdowns(outline, by) if by and divisible else None
    answering = participation(questionnaire)
    asked = sum(row.asked or 0 for row in answering.rows)
    if answering.unplaced is not None:
        asked += answering.unplaced.asked or 0
    context = {
        "territory": territory,
        "questionnaire": questionnaire,
        "results": computed,
        "blocks": blocks(computed, split),
        "participation": answering,
        "asked": asked if answering.known_list else None,
        "rate": round(100 * computed.respondents / asked, 1) if asked else None,
        "status": questionnaire.status(),
        "editor": editor,
        "divisible": divisible,
        "by": by,
        "by_label": BREAKDOWNS.get(by, ""),
        "breakdown_choices": list(BREAKDOWNS.items()),
        "error": error,
        "minimum_group": MINIMUM_GROUP,
        "group_word": _("élus") if questionnaire.group == Questionnaire.Group.ELECTED else "",
        "nav_current": "process",
    }
    status = 400 if error else 200
    return render(request, "questionnaires/results/page.html", context, status=status)
