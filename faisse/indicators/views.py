"""Public pages of indicators: /<slug>/indicateurs/ and /<slug>/indicateurs/<id>/.

The public sees published indicators; members who read drafts (`view_drafts`) see the
unpublished ones too, the others answer 404. A constant number of queries whatever the
number of indicators and values (load_series).
"""

from django.shortcuts import get_object_or_404, render

from faisse.accounts.abilities import can, object_abilities
from faisse.indicators.charts import indicator_chart
from faisse.indicators.display import format_value
from faisse.indicators.models import Indicator
from faisse.indicators.presenting import StatusText, card, linked_nodes, table_rows
from faisse.indicators.targets import load_series
from faisse.territories.models import Territory


def indicator_list(request, slug):
    territory = get_object_or_404(Territory, slug=slug)
    drafts = can(request.user, "view_drafts", territory)
    indicators = list(Indicator.objects.of_territory(territory).visible(drafts=drafts))
    for indicator in indicators:
        indicator.territory = territory
    series = load_series(indicators)
    context = {
        "territory": territory,
        "cards": [card(series[indicator.pk], slug) for indicator in indicators],
        "can_manage": can(request.user, "edit_plan", territory),
        "nav_current": "indicators",
    }
    return render(request, "indicators/list.html", context)


def indicator_detail(request, slug, pk):
    territory = get_object_or_404(Territory, slug=slug)
    drafts = can(request.user, "view_drafts", territory)
    indicator = get_object_or_404(
        Indicator.objects.visible(drafts=drafts), pk=pk, territory=territory
    )
    indicator.territory = territory
    series = load_series([indicator])[indicator.pk]
    abilities = object_abilities(request.user, indicator)
    for value in series.values:
        value.shown = format_value(value.value, indicator)
    context = {
        "territory": territory,
        "indicator": indicator,
        "status": StatusText.of(series.status(), indicator) if series.values else None,
        "chart": indicator_chart(series, id_prefix="graphique"),
        "rows": table_rows(series),
        "values": series.values,
        "nodes": linked_nodes(indicator, drafts=drafts, slug=slug),
        "pilots": list(indicator.pilots.order_by("last_name", "first_name")) if drafts else [],
        "can_edit": abilities["edit_plan"],
        "can_enter_values": abilities["edit_plan"] or abilities["follow_up"],
        "nav_current": "indicators",
    }
    return render(request, "indicators/detail.html", context)
