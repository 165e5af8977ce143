"""The communes that answered a questionnaire, on the territory's map (drawn by
`faisse.locations.maps`, as the portal's map) and in a table.

A known list gives a response rate per commune: the people of the list from that commune
(`Respondent.commune`, kept even after an account is erased) and how many answered. A
public questionnaire has no list: the map counts the responses per commune (the answer to
its first commune question). Two queries whatever the number of responses.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.locations import maps
from faisse.questionnaires.models import Questionnaire, Respondent, Response
from faisse.territories.models import Commune


@dataclass
class CommuneRow:
    name: str
    answered: int
    asked: int | None = None  # people of the known list; None for a public questionnaire

    @property
    def rate(self) -> float | None:
        if not self.asked:
            return None
        return round(100 * self.answered / self.asked, 1)


@dataclass
class LegendEntry:
    fill: str
    label: str
    count: int


@dataclass
class Participation:
    known_list: bool
    rows: list[CommuneRow]
    unplaced: CommuneRow | None  # people or responses without a commune
    svg: SafeString | None
    legend: list[LegendEntry]
    measure: str  # what the colours say, as the legend's title

    @property
    def communes_answering(self) -> int:
        return sum(1 for row in self.rows if row.answered)


def participation(questionnaire: Questionnaire) -> Participation:
    communes = list(
        Commune.objects.filter(territory_id=questionnaire.territory_id)
        .only("id", "name", "insee", "boundary")
        .in_french_order()
    )
    known_list = not questionnaire.is_public
    if known_list:
        counts = (
            Respondent.objects.filter(questionnaire=questionnaire)
            .order_by()
            .values_list("commune")
            .annotate(asked=Count("id"), answered=Count("id", filter=Q(answered=True)))
        )
        found = {commune: (asked, answered) for commune, asked, answered in counts}
        rows = {
            c.pk: CommuneRow(c.name, found[c.pk][1], found[c.pk][0])
            for c in communes
            if c.pk in found
        }
        unplaced = None
        if None in found:
            unplaced = CommuneRow(_("Sans commune"), found[None][1], found[None][0])
        values = {pk: row.rate for pk, row in rows.items()}
        measure = _("Part des personnes interrogées qui ont répondu (%)")
    else:
        counts = (
            Response.objects.filter(questionnaire=questionnaire)
            .order_by()
            .values_list("commune")
            .annotate(n=Count("id"))
        )
        found = dict(counts)
        rows = {c.pk: CommuneRow(c.name, found.get(c.pk, 0)) for c in communes}
        unplaced = CommuneRow(_("Commune non donnée"), found[None]) if found.get(None) else None
        values = {pk: row.answered for pk, row in rows.items()}
        measure = _("Nombre de réponses")
    svg, legend = None, []
    if any(commune.boundary for commune in communes):
        svg, legend = _draw(questionnaire, communes, rows, values, known_list, measure)
    return Participation(known_list, list(rows.values()), unplaced, svg, legend, measure)


def _title(row: CommuneRow | None, name: str, known_list: bool) -> str:
    if row is None:
        return _("%(name)s : personne de cette commune sur la liste") % {"name": name}
    if known_list:
        return _("%(name)s : %(answered)s sur %(asked)s personnes ont répondu (%(rate)s %%)") % {
            "name": name,
            "answered": row.answered,
            "asked": row.asked,
            "rate": maps.format_number(row.rate or 0, 0),
        }
    count = ngettext("%(count)s réponse", "%(count)s réponses", row.answered) % {
        "count": row.answered
    }
    return _("%(name)s : %(count)s") % {"name": name, "count": count}


def _draw(questionnaire, communes, rows, values, known_list, measure):
    scale = maps.classify(values.values(), decimals=0)
    svg = maps.choropleth(
        communes,
        values,
        scale=scale,
        title=_("Carte des communes : %(measure)s, questionnaire « %(title)s »")
        % {"measure": measure.lower(), "title": questionnaire.title},
        description=_("Le tableau qui suit la carte donne les mêmes valeurs."),
        title_for=lambda commune: _title(rows.get(commune.pk), commune.name, known_list),
        id_prefix="carte-reponses",
    )
    # A commune with nobody on the list has no value: drawn in the neutral fill of "0".
    outside = len(communes) - len(values)
    legend = []
    for map_class in scale.classes:
        label, count = map_class.label, map_class.count
        if known_list:
            label = f"{label}\u00a0%"
        if map_class is scale.zero and outside:
            label = _("%(zero)s ou personne sur la liste") % {"zero": label}
            count += outside
        if count:
            legend.append(LegendEntry(map_class.fill, label, count))
    return svg, legend
