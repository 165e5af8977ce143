"""The report in words, second half: indicators (two per page), the map and one page per
axis (the annexes are in annexes.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.actions import statuses
from faisse.indicators.charts import description
from faisse.indicators.display import format_gap, format_number, format_value, signed, verdict
from faisse.reports.yearly.blocks import (
    Bar,
    Bars,
    Beside,
    Cell,
    Column,
    Figure,
    Figures,
    Group,
    Heading,
    PageBreak,
    Paragraph,
    Picture,
    Table,
)
from faisse.reports.yearly.data import ActionRow, AxisPart, IndicatorPart, YearReport
from faisse.reports.yearly.text import count, euros, long_date, percent, plural

INDICATORS_PER_PAGE = 2
KIND_PHRASES = {
    "realisation": gettext_lazy("Indicateur de réalisation"),
    "result": gettext_lazy("Indicateur de résultat"),
    "impact": gettext_lazy("Indicateur d’impact"),
}


def _at(report: YearReport) -> str:
    return _("au %(date)s") % {"date": long_date(report.day)}


def indicators(report: YearReport) -> list:
    blocks = [Heading(_("Les indicateurs"), new_page=True)]
    if not report.indicators:
        blocks.append(Paragraph(_("Aucun indicateur n’est suivi pour ce projet.")))
        return blocks
    blocks.append(
        Paragraph(
            _(
                "Pour chaque indicateur : les valeurs mesurées (ligne pleine), les cibles "
                "(ronds creux sur la ligne pointillée de la trajectoire) et la valeur de "
                "référence (carré) ; le tableau donne les mêmes chiffres."
            )
        )
    )
    for index, part in enumerate(report.indicators):
        if index and index % INDICATORS_PER_PAGE == 0:
            blocks.append(PageBreak())
        blocks.append(Group(_indicator(part, report.year)))
    return blocks


def _indicator(part: IndicatorPart, year: int) -> list:
    indicator, status = part.series.indicator, part.status
    facts = [str(KIND_PHRASES.get(indicator.kind, "")), indicator.get_direction_display().lower()]
    if indicator.unit:
        facts.append(_("unité : %(unit)s") % {"unit": indicator.unit})
    if status.latest is not None and status.expected is None:
        said = _("En %(year)s : valeur mesurée %(value)s ; aucune cible ne la situe.") % {
            "year": year,
            "value": format_value(status.latest, indicator),
        }
    elif status.latest is not None:
        said = _(
            "En %(year)s : valeur mesurée %(value)s, valeur attendue %(expected)s — %(verdict)s."
        ) % {
            "year": year,
            "value": format_value(status.latest, indicator),
            "expected": format_value(status.expected, indicator),
            "verdict": verdict(status).lower(),
        }
        if status.gap:
            said += " " + _("Écart : %(gap)s.") % {"gap": format_gap(status, indicator)}
    else:
        said = _("Aucune valeur mesurée en %(year)s.") % {"year": year}
    blocks = [Heading(indicator.title, 2), Paragraph(" · ".join(facts), "note")]
    if indicator.description:
        blocks.append(Paragraph(" ".join(indicator.description.split())))
    return [
        *blocks,
        Paragraph(said, "strong"),
        Beside(
            Picture(part.svg, description(part.series), width_cm=0),
            _indicator_table(part, year),
            ratio=(1.45, 1.0),
        ),
    ]


def _indicator_table(part: IndicatorPart, year: int) -> Table:
    indicator = part.series.indicator
    caption = _("Unité : %(unit)s.") % {"unit": indicator.unit} if indicator.unit else ""

    def number(value) -> str:
        return format_number(value, indicator.decimals) if value is not None else "—"

    rows = []
    for row in part.rows:
        measured = row.status.latest
        value = number(measured)
        if measured is None and row.baseline is not None:
            value = _("%(value)s (réf.)") % {"value": number(row.baseline)}
        gap = "—"
        if row.status.gap is not None:
            gap = signed(row.status.gap, indicator.decimals)
        rows.append(
            [
                Cell(str(row.year), strong=row.year == year),
                Cell(number(row.target)),
                Cell(value),
                Cell(gap, flag=row.status.off_target is True),
            ]
        )
    return Table(
        [
            Column(_("Année"), 0.9),
            Column(_("Cible"), 1.3, numeric=True),
            Column(_("Mesuré"), 1.3, numeric=True),
            Column(_("Écart"), 1, numeric=True),
        ],
        rows,
        caption=caption,
        small=True,
    )


def territory_map(report: YearReport) -> list:
    blocks = [Heading(_("La carte"), new_page=True)]
    found = report.map
    if found is None:
        blocks.append(Paragraph(_("Les contours des communes ne sont pas connus.")))
        return blocks
    blocks += [
        Paragraph(
            _(
                "%(with)s sur %(all)s ont au moins une action qui leur est propre ; chacune "
                "est colorée selon l’avancement moyen de ces actions. Les autres actions "
                "concernent tout le territoire."
            )
            % {
                "with": count(len(found.rows), _("commune"), _("communes")),
                "all": found.communes,
            }
        ),
        Picture(
            found.svg,
            found.title,
            caption=found.title,
            width_cm=11.5,
            legend_title=found.legend_title,
            legend=found.legend,
        ),
    ]
    if found.rows:
        blocks.append(
            Table(
                [
                    Column(_("Commune"), 3),
                    Column(_("Actions propres"), 1.4, numeric=True),
                    Column(_("Avancement moyen"), 1.6, numeric=True),
                ],
                [[Cell(name), Cell(str(n)), Cell(percent(value))] for name, n, value in found.rows],
            )
        )
    return blocks


def axes(report: YearReport) -> list:
    blocks = []
    for axis in report.axes:
        blocks += _axis(axis, report)
    return blocks


def _axis(axis: AxisPart, report: YearReport) -> list:
    done = sum(row.status == statuses.Status.DONE for row in axis.actions)
    late = sum(row.late for row in axis.actions)
    blocks = [
        Heading(axis.label, new_page=True),
        Figures(
            [
                Figure(percent(axis.progress), _("d’avancement")),
                Figure(
                    str(len(axis.actions)), plural(_("action"), _("actions"), len(axis.actions))
                ),
                Figure(str(done), plural(_("réalisée"), _("réalisées"), done)),
                Figure(str(late), _("en retard")),
            ]
        ),
    ]
    if not axis.year_money.is_empty or not axis.total_money.is_empty:
        blocks.append(
            Paragraph(
                _(
                    "Budget %(year)s : %(planned)s prévus, %(actual)s dépensés, %(funded)s de "
                    "financements obtenus."
                )
                % {
                    "year": report.year,
                    "planned": euros(axis.year_money.planned),
                    "actual": euros(axis.year_money.actual),
                    "funded": euros(axis.year_money.funded),
                },
                "note",
            )
        )
    if axis.parts:
        rows = [
            Bar(
                part.label,
                part.progress,
                percent(part.progress),
                ", ".join(
                    [
                        count(len(part.actions), _("action"), _("actions")),
                        count(part.done, _("réalisée"), _("réalisées")),
                    ]
                ),
            )
            for part in axis.parts
        ]
        blocks += [
            Heading(_("L’avancement de ses parties"), 2),
            Bars(rows, "; ".join(f"{row.label} : {row.text}" for row in rows)),
        ]
    blocks.append(Heading(_("Ses actions %(at)s") % {"at": _at(report)}, 2))
    if not axis.actions:
        blocks.append(Paragraph(_("Aucune action.")))
    if axis.own_actions:
        blocks.append(_actions_table(axis.own_actions))
    for part in axis.parts:
        if part.actions:
            blocks += [Heading(part.label, 3), _actions_table(part.actions)]
    return blocks


def _actions_table(rows: list[ActionRow]) -> Table:
    abandoned = statuses.Status.ABANDONED
    return Table(
        [
            Column(_("Action"), 5),
            Column(_("Statut"), 1.5),
            Column(_("Avancement"), 1.3, numeric=True),
            Column(_("En retard"), 1.1),
        ],
        [
            [
                Cell(row.label, indent=int(row.sub_action)),
                Cell(statuses.label(row.status)),
                Cell("—" if row.status == abandoned else percent(row.progress)),
                Cell(_("oui") if row.late else "", flag=row.late),
            ]
            for row in rows
        ],
    )
