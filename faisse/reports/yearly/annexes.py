"""The report's annexes: the late actions, the method (how every figure is computed, in
words), the statuses and what they mean."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.actions import statuses
from faisse.reports.yearly.blocks import Cell, Column, Heading, Paragraph, Table
from faisse.reports.yearly.data import YearReport
from faisse.reports.yearly.text import long_date

MEANINGS = {
    statuses.Status.PLANNED: gettext_lazy("Prévue, pas encore commencée."),
    statuses.Status.IN_PROGRESS: gettext_lazy("Commencée, elle avance."),
    statuses.Status.DONE: gettext_lazy("Terminée : elle compte pour 100 % dans l’avancement."),
    statuses.Status.PAUSED: gettext_lazy("Arrêtée pour un temps, elle doit reprendre."),
    statuses.Status.ABANDONED: gettext_lazy(
        "Ne sera pas menée : elle sort du calcul de l’avancement."
    ),
    statuses.Status.BLOCKED: gettext_lazy(
        "Ne peut pas avancer tant qu’un obstacle n’est pas levé."
    ),
    statuses.Status.LATE: gettext_lazy("Dite en retard par son pilote."),
    statuses.Status.TO_DISCUSS: gettext_lazy("À réexaminer avec les élus."),
    statuses.Status.NONE: gettext_lazy("Aucun statut n’est encore saisi."),
}


def at_day(report: YearReport) -> str:
    return _("au %(date)s") % {"date": long_date(report.day)}


def annexes(report: YearReport) -> list:
    blocks = [
        Heading(_("Annexes"), new_page=True),
        Heading(_("Actions en retard %(at)s") % {"at": at_day(report)}, 2),
    ]
    if report.late:
        blocks.append(
            Table(
                [
                    Column(_("Action"), 5),
                    Column(_("Axe"), 1.2),
                    Column(_("Fin prévue"), 1.4),
                    Column(_("Statut"), 1.3),
                ],
                [
                    [
                        Cell(row.label),
                        Cell(row.axis_short),
                        Cell(row.end_date.strftime("%d/%m/%Y") if row.end_date else "—"),
                        Cell(statuses.label(row.status)),
                    ]
                    for row in report.late
                ],
            )
        )
    else:
        blocks.append(Paragraph(_("Aucune action n’est en retard.")))
    blocks.append(Heading(_("Méthode"), 2))
    blocks += method(report)
    blocks.append(Heading(_("Les statuts"), 2))
    counts = dict(report.status_counts)
    order = [value for value, _label in statuses.CHOICES] + [statuses.Status.NONE]
    blocks.append(
        Table(
            [
                Column(_("Statut"), 1.4),
                Column(_("Ce qu’il veut dire"), 4),
                Column(_("Actions %(at)s") % {"at": at_day(report)}, 1.6, numeric=True),
            ],
            [
                [
                    Cell(statuses.label(status), strong=True),
                    Cell(str(MEANINGS[status])),
                    Cell(str(counts.get(status, 0))),
                ]
                for status in order
            ],
        )
    )
    return blocks


def method(report: YearReport) -> list[Paragraph]:
    texts = [
        (
            _("Avancement d’une action"),
            _(
                "100 % quand elle est réalisée ; sinon la part de ses étapes franchies, ou la "
                "moyenne de ses sous-actions, ou la valeur que son pilote a saisie."
            ),
        ),
        (
            _("Avancement d’une orientation, d’un axe, du projet"),
            _(
                "la moyenne de l’avancement de ce qu’ils contiennent, chaque élément comptant "
                "selon son poids (le même pour tous, sauf choix des éditeurs). Les actions "
                "abandonnées n’y entrent pas."
            ),
        ),
        (
            _("Statuts et avancement %(at)s") % {"at": at_day(report)},
            _(
                "pour chaque action, le dernier changement daté au plus tard ce jour-là. Un "
                "bilan édité plus tard donne donc les mêmes chiffres."
            ),
        ),
        (
            _("En retard"),
            _(
                "une action dite « En retard », ou dont la date de fin est passée sans qu’elle "
                "soit réalisée ni abandonnée (les actions en amélioration continue ne sont "
                "jamais en retard)."
            ),
        ),
        (
            _("Budgets"),
            _(
                "la somme des lignes budgétaires des fiches action (sans ligne prévisionnelle, "
                "le budget total de la fiche, compté « sans année ») ; les financements d’une "
                "année sont ceux qui portent cette année. Une action présente à deux endroits "
                "du projet n’est comptée qu’une fois dans le total."
            ),
        ),
        (
            _("Indicateurs"),
            _(
                "la valeur attendue une année est la cible de cette année, ou, entre deux "
                "cibles, la valeur lue sur la ligne qui les joint ; la dernière valeur mesurée "
                "dans l’année lui est comparée."
            ),
        ),
    ]
    if report.drafts:
        scope = _(
            "ce document de travail comprend les éléments non publiés, les notes internes et "
            "les indicateurs non publiés."
        )
    else:
        scope = _(
            "ce bilan ne montre que ce qui est publié : les éléments du projet publiés, les "
            "notes de suivi publiques et les indicateurs publiés."
        )
    texts.append((_("Ce document"), scope))
    return [Paragraph(text, lead_in=lead) for lead, text in texts]
