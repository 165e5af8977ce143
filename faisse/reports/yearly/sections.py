"""The report in words (French, for council members): cover, key figures, progress by
axis, what happened in the year, budgets. The indicators, the map, the axes and the
annexes are in more_sections.py. Everything is written here once, as blocks that both
writers lay out."""

from django.utils.translation import gettext as _

from faisse.actions import statuses
from faisse.actions.models import BudgetLine
from faisse.indicators.display import format_value, verdict
from faisse.reports.yearly import annexes, more_sections
from faisse.reports.yearly.blocks import (
    Bar,
    Bars,
    Cell,
    Column,
    Cover,
    Figure,
    Figures,
    Group,
    Heading,
    Paragraph,
    Table,
)
from faisse.reports.yearly.data import ActionYear, YearReport
from faisse.reports.yearly.money import Money
from faisse.reports.yearly.text import (
    count,
    euros,
    euros_short,
    long_date,
    percent,
    plural,
    short_date,
)

NOTE_LENGTH = 400  # a longer note is cut, with "…"


def report_blocks(report: YearReport) -> list:
    return [
        *cover(report),
        *essentials(report),
        *progress_by_axis(report),
        *what_happened(report),
        *budgets(report),
        *more_sections.indicators(report),
        *more_sections.territory_map(report),
        *more_sections.axes(report),
        *annexes.annexes(report),
    ]


def title(report: YearReport) -> str:
    return _("Bilan %(year)s") % {"year": report.year}


def at_day(report: YearReport) -> str:
    """ "au 31 décembre 2025" """
    return _("au %(date)s") % {"date": long_date(report.day)}


def cover(report: YearReport) -> list:
    situation = _("Situation %(at)s") % {"at": at_day(report)}
    if not report.is_whole_year:
        situation += " " + _("(année en cours)")
    lines = [situation, _("Édité le %(date)s") % {"date": long_date(report.edited_on)}]
    notice = ""
    if report.drafts:
        notice = _(
            "Document de travail : il comprend les éléments non publiés, les notes internes "
            "et les indicateurs non publiés."
        )
    return [Cover(report.territory.name, report.plan.title, title(report), lines, notice)]


def essentials(report: YearReport) -> list:
    year = report.year
    done = len(report.completed)
    blocks = [
        Heading(_("L’essentiel"), new_page=True),
        Figures(
            [
                Figure(percent(report.progress), _("d’avancement du projet")),
                Figure(
                    str(len(report.actions)),
                    plural(_("action suivie"), _("actions suivies"), len(report.actions)),
                ),
                Figure(
                    str(done),
                    plural(
                        _("action réalisée en %(year)s"), _("actions réalisées en %(year)s"), done
                    )
                    % {"year": year},
                ),
                Figure(
                    str(len(report.late)),
                    plural(_("action en retard"), _("actions en retard"), len(report.late)),
                ),
            ]
        ),
        Paragraph(summary(report), "lead"),
        Heading(_("Les actions %(at)s, par statut") % {"at": at_day(report)}, 2),
        status_bars(report),
        Heading(_("Le budget de %(year)s") % {"year": year}, 2),
    ]
    if report.year_money.is_empty:
        blocks.append(Paragraph(_("Aucun montant n’est inscrit pour %(year)s.") % {"year": year}))
    else:
        blocks += [
            Figures(
                [
                    Figure(euros_short(report.year_money.planned), _("prévus")),
                    Figure(euros_short(report.year_money.actual), _("dépensés")),
                    Figure(euros_short(report.year_money.funded), _("de financements obtenus")),
                ]
            ),
            Paragraph(_("Montants hors taxes ; le détail est à la partie « Budgets »."), "note"),
        ]
    blocks.append(Heading(_("Indicateurs clés"), 2))
    if not report.key_indicators:
        blocks.append(Paragraph(_("Aucun indicateur n’a été mesuré en %(year)s.") % {"year": year}))
    else:
        rows = []
        for part in report.key_indicators:
            indicator, status = part.series.indicator, part.status
            rows.append(
                [
                    Cell(indicator.title),
                    Cell(format_value(status.latest, indicator)),
                    Cell(format_value(status.expected, indicator)),
                    Cell(verdict(status), flag=status.off_target is True),
                ]
            )
        blocks.append(
            Table(
                [
                    Column(_("Indicateur"), 3),
                    Column(_("Valeur %(year)s") % {"year": year}, 1.3, numeric=True),
                    Column(_("Attendu"), 1.3, numeric=True),
                    Column(_("Situation"), 2.1),
                ],
                rows,
            )
        )
    return blocks


def summary(report: YearReport) -> str:
    counts = report.counts
    parts = [
        _("%(at)s, le projet est avancé à %(progress)s.")
        % {"at": at_day(report).capitalize(), "progress": percent(report.progress)}
    ]
    if report.year_events:
        parts.append(
            _("En %(year)s : %(changes)s, %(milestones)s et %(notes)s, sur %(actions)s.")
            % {
                "year": report.year,
                "changes": count(
                    counts["status_changes"], _("changement de statut"), _("changements de statut")
                ),
                "milestones": count(
                    counts["milestones"], _("étape franchie"), _("étapes franchies")
                ),
                "notes": count(counts["notes"], _("note de suivi"), _("notes de suivi")),
                "actions": count(len(report.year_events), _("action"), _("actions")),
            }
        )
    else:
        parts.append(_("Rien n’est daté en %(year)s.") % {"year": report.year})
    return " ".join(parts)


def status_bars(report: YearReport) -> Bars:
    total = len(report.actions) or 1
    rows = [
        Bar(
            statuses.label(status),
            100 * number / total,
            f"{count(number, _('action'), _('actions'))} ({percent(100 * number / total)})",
        )
        for status, number in report.status_counts
    ]
    alt = "; ".join(f"{row.label} : {row.text}" for row in rows)
    return Bars(rows, alt)


def progress_by_axis(report: YearReport) -> list:
    rows = []
    for axis in report.axes:
        late = sum(row.late for row in axis.actions)
        done = sum(row.status == statuses.Status.DONE for row in axis.actions)
        detail = ", ".join(
            [
                count(len(axis.actions), _("action"), _("actions")),
                count(done, _("réalisée"), _("réalisées")),
                count(late, _("en retard"), _("en retard")),
            ]
        )
        rows.append(Bar(axis.label, axis.progress, percent(axis.progress), detail))
    explained = _(
        "Chaque barre donne l’avancement moyen des actions de l’axe %(at)s : une action "
        "réalisée compte pour 100 %%, une action à venir pour 0 %%. La méthode est en annexe."
    ) % {"at": at_day(report)}
    bars = Bars(rows, "; ".join(f"{row.label} : {row.text}" for row in rows))
    return [Group([Heading(_("L’avancement par axe")), Paragraph(explained), bars])]


def what_happened(report: YearReport) -> list:
    year = report.year
    blocks = [Heading(_("Ce qui a été fait en %(year)s") % {"year": year}, new_page=True)]
    if not report.year_events:
        blocks.append(
            Paragraph(
                _("Aucun changement de statut, aucune étape ni note n’est daté en %(year)s.")
                % {"year": year}
            )
        )
        return blocks
    blocks.append(Paragraph(summary(report), "lead"))
    if not report.drafts:
        blocks.append(Paragraph(_("Seules les notes de suivi publiques sont citées."), "note"))
    blocks.append(Heading(_("Les actions réalisées en %(year)s") % {"year": year}, 2))
    if report.completed:
        done_on = {
            event.action.node.pk: max(
                (c.on for c in event.changes if c.new_status == statuses.Status.DONE),
                default=None,
            )
            for event in report.year_events
        }
        blocks.append(
            Table(
                [Column(_("Action"), 5), Column(_("Axe"), 1.2), Column(_("Réalisée le"), 1.3)],
                [
                    [
                        Cell(row.label),
                        Cell(row.axis_short),
                        Cell(short_date(done_on[row.node.pk]) if done_on.get(row.node.pk) else "—"),
                    ]
                    for row in report.completed
                ],
            )
        )
    else:
        blocks.append(Paragraph(_("Aucune action n’a été réalisée en %(year)s.") % {"year": year}))
    by_axis: dict[str, list[ActionYear]] = {}
    for event in report.year_events:
        by_axis.setdefault(event.action.axis, []).append(event)
    for axis, events in by_axis.items():
        blocks.append(Heading(axis or _("Hors axe"), 2))
        blocks.append(
            Table(
                [Column(_("Action"), 2), Column(_("En %(year)s") % {"year": year}, 3)],
                [[Cell(event.action.label), Cell(_story(event))] for event in events],
            )
        )
    return blocks


def _story(event: ActionYear) -> str:
    """What happened to an action during the year, one dated line per fact, in order."""
    lines = [
        (c.on, 0, _("passe à « %(status)s »") % {"status": statuses.label(c.new_status)})
        for c in event.changes
    ]
    lines += [
        (m.done_on, 1, _("étape franchie : %(title)s") % {"title": m.title})
        for m in event.milestones
    ]
    lines += [(n.on, 2, _cut(n.text)) for n in event.notes]
    lines.sort(key=lambda line: (line[0], line[1]))
    return "\n".join(f"{short_date(on)} : {text}" for on, _order, text in lines)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NOTE_LENGTH else text[: NOTE_LENGTH - 1].rstrip() + "…"


def budgets(report: YearReport) -> list:
    year = report.year
    blocks = [
        Heading(_("Budgets"), new_page=True),
        Paragraph(
            _(
                "Montants en euros hors taxes. « Prévu » : le budget prévisionnel ; "
                "« Réalisé » : les dépenses constatées ; « Financé » : les financements "
                "obtenus (subventions, partenaires)."
            )
        ),
    ]
    if report.total_money.is_empty:
        blocks.append(Paragraph(_("Aucun budget n’est inscrit dans les fiches action.")))
        return blocks
    money_columns = [
        Column(_("Prévu %(year)s") % {"year": year}, 1.3, numeric=True),
        Column(_("Réalisé %(year)s") % {"year": year}, 1.3, numeric=True),
        Column(_("Financé %(year)s") % {"year": year}, 1.3, numeric=True),
        Column(_("Prévu, tout le projet"), 1.4, numeric=True),
        Column(_("Réalisé, tout le projet"), 1.4, numeric=True),
    ]
    blocks += [
        Heading(_("Par axe"), 2),
        Table(
            [Column(_("Axe"), 3), *money_columns],
            [
                [Cell(axis.label), *_money_cells(axis.year_money, axis.total_money)]
                for axis in report.axes
            ],
            total=[
                Cell(_("Projet"), strong=True),
                *_money_cells(report.year_money, report.total_money, strong=True),
            ],
        ),
        Paragraph(
            _(
                "Une action présente dans deux axes compte dans chacun ; le total la compte "
                "une fois."
            ),
            "note",
        ),
        Heading(_("Par année"), 2),
        Table(
            [
                Column(_("Année"), 1.6),
                Column(_("Prévu"), 1.4, numeric=True),
                Column(_("Réalisé"), 1.4, numeric=True),
                Column(_("Financé"), 1.4, numeric=True),
            ],
            [
                [
                    Cell(str(row_year) if row_year else _("sans année"), strong=row_year == year),
                    Cell(euros(amounts.planned), strong=row_year == year),
                    Cell(euros(amounts.actual), strong=row_year == year),
                    Cell(euros(amounts.funded), strong=row_year == year),
                ]
                for row_year, amounts in report.money_by_year
            ],
            total=[
                Cell(_("Total"), strong=True),
                *(Cell(euros(v), strong=True) for v in _triple(report.total_money)),
            ],
        ),
        Heading(_("Par nature"), 2),
        _by_kind(report),
    ]
    return blocks


def _triple(amounts: Money):
    return amounts.planned, amounts.actual, amounts.funded


def _money_cells(of_year: Money, whole: Money, strong: bool = False) -> list[Cell]:
    values = [*_triple(of_year), whole.planned, whole.actual]
    return [Cell(euros(value), strong=strong) for value in values]


def _by_kind(report: YearReport) -> Table:
    year = report.year
    rows = []
    for kind, label in BudgetLine.Kind.choices:
        of_year, whole = report.year_money_by_kind[kind], report.money_by_kind[kind]
        rows.append(
            [
                Cell(str(label)),
                *(
                    Cell(euros(v))
                    for v in (of_year.planned, of_year.actual, whole.planned, whole.actual)
                ),
            ]
        )
    lines = sum((m.planned for m in report.money_by_kind.values()), start=Money().planned)
    unsplit = report.total_money.planned - lines
    if unsplit:
        rows.append(
            [
                Cell(_("Budget total non ventilé")),
                Cell("—"),
                Cell("—"),
                Cell(euros(unsplit)),
                Cell("—"),
            ]
        )
    return Table(
        [
            Column(_("Nature"), 2.2),
            Column(_("Prévu %(year)s") % {"year": year}, 1.4, numeric=True),
            Column(_("Réalisé %(year)s") % {"year": year}, 1.4, numeric=True),
            Column(_("Prévu, tout le projet"), 1.5, numeric=True),
            Column(_("Réalisé, tout le projet"), 1.5, numeric=True),
        ],
        rows,
    )
