"""The action sheets as a plain table: one row per action (sub-actions included), one
column per field, in XLSX (with a second sheet of budget lines) or CSV for a spreadsheet
in French (UTF-8 with a BOM, `;`, decimal commas).

A constant number of queries: the tree and follow-up, the sheets and their links
(prefetched), the communes (plans.exporting.places, filled by the locations app).
"""

import csv
import io
from decimal import Decimal

from django.utils import timezone

from faisse.actions import statuses
from faisse.actions.follow_up import PlanFollowUp
from faisse.actions.models import SDG, ActionSheet
from faisse.plans.exporting.places import places_of
from faisse.plans.models import Plan
from faisse.plans.tree import PlanTree

COLUMNS = (
    "Identifiant",
    "Chemin",
    "Niveau",
    "Numéro",
    "Intitulé",
    "Description",
    "Statut",
    "Priorité",
    "Avancement (%)",
    "Calcul de l’avancement",
    "En retard",
    "Début",
    "Fin",
    "Amélioration continue",
    "Pilotes",
    "Élu·es référent·es",
    "Services pilotes",
    "Structures pilotes",
    "Partenaires",
    "Financeurs",
    "Prévisionnel (€ HT)",
    "Réalisé (€ HT)",
    "Financé (€ HT)",
    "Communes",
    "Programmes",
    "ODD",
    "Objectifs",
    "Effets attendus",
    "Cibles",
    "Participation citoyenne",
    "Gouvernance",
    "Moyens",
    "Étapes",
    "Documents",
    "Notes",
    "Dernière note",
    "Poids",
)
BUDGET_COLUMNS = ("Identifiant", "Intitulé", "Année", "Section", "Nature", "Montant (€ HT)")
# A cell starting with one of these would be run as a formula by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def action_rows(plan: Plan, *, drafts: bool = True) -> tuple[list[list], list[list]]:
    """(one row per action, one row per budget line), values typed (dates, decimals)."""
    tree = PlanTree.load(plan, drafts=drafts)
    figures = PlanFollowUp.load(tree, today=timezone.localdate())
    sheets = {
        sheet.node_id: sheet
        for sheet in ActionSheet.objects.filter(plan=plan).prefetch_related(
            "lead_structures",
            "lead_services",
            "partners",
            "elected_referents",
            "fundings__financers",
            "budget_lines",
            "milestones",
            "documents",
            "updates",
        )
    }
    communes = places_of(plan, tree, with_map=False).communes
    rows, lines = [], []
    for node in figures.actions():
        sheet = sheets.get(node.pk) or figures.sheet(node)
        path = " > ".join(a.label for a in tree.ancestors(node))
        budget = figures.budget(node)
        saved = sheet.pk is not None
        people = [p.get_full_name() or str(p) for p in figures.pilots.get(node.pk, [])]
        elected = [u.get_full_name() for u in sheet.elected_referents.all()] if saved else []
        latest = sheet.updates.all()[0] if saved and sheet.updates.all() else None
        rows.append(
            [
                node.pk,
                path,
                node.kind_label,
                node.number,
                node.title,
                node.description,
                statuses.label(sheet.status),
                sheet.get_priority_display(),
                round(figures.progress(node) or 0),
                sheet.get_progress_source_display(),
                "oui" if figures.is_late(node) else "non",
                sheet.start_date,
                sheet.end_date,
                "oui" if sheet.continuous else "non",
                ", ".join(people + sheet.pilot_names),
                ", ".join(elected + sheet.referent_names),
                _names(sheet, "lead_services"),
                _names(sheet, "lead_structures"),
                _names(sheet, "partners"),
                "; ".join(_funding(f) for f in sheet.fundings.all()) if saved else "",
                budget.planned,
                budget.actual,
                budget.funded,
                ", ".join(communes.get(node.pk, [])),
                ", ".join(p.name for p in figures.programmes.get(node.pk, [])),
                ", ".join(f"{n} – {SDG(n).label}" for n in sheet.sdgs if n in SDG.values),
                sheet.objectives,
                ", ".join(sheet.expected_effects),
                ", ".join(sheet.target_audiences),
                sheet.get_participation_display(),
                sheet.governance,
                sheet.resources,
                "\n".join(
                    f"{m.title} : {'réalisée' if m.done else 'à faire'}"
                    + (f" ({m.due_on:%d/%m/%Y})" if m.due_on else "")
                    for m in sheet.milestones.all()
                )
                if saved
                else "",
                "\n".join(f"{d.title} — {d.url}".strip(" —") for d in sheet.documents.all())
                if saved
                else "",
                sheet.additional_notes,
                f"{latest.on:%d/%m/%Y} : {latest.note}" if latest and latest.note else "",
                node.weight,
            ]
        )
        for line in sheet.budget_lines.all() if saved else []:
            lines.append(
                [
                    node.pk,
                    node.title,
                    line.year,
                    line.get_kind_display(),
                    line.get_nature_display(),
                    line.amount,
                ]
            )
    return rows, lines


def _names(sheet: ActionSheet, role: str) -> str:
    return ", ".join(o.name for o in getattr(sheet, role).all()) if sheet.pk else ""


def _funding(funding) -> str:
    names = ", ".join(o.name for o in funding.financers.all())
    return f"{names} : {funding.amount} €" if funding.amount is not None else names


def write_xlsx(plan: Plan, *, drafts: bool = True) -> bytes:
    from openpyxl import Workbook  # its import takes a tenth of a second

    rows, lines = action_rows(plan, drafts=drafts)
    workbook = Workbook()
    for sheet, header, body in (
        (workbook.active, COLUMNS, rows),
        (workbook.create_sheet(), BUDGET_COLUMNS, lines),
    ):
        sheet.append(header)
        for row in body:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # "=…" stays text, never a formula
                elif hasattr(cell.value, "year") and not isinstance(cell.value, int):
                    cell.number_format = "DD/MM/YYYY"
        sheet.freeze_panes = "A2"
    workbook.active.title = "Fiches action"
    workbook.worksheets[1].title = "Lignes budgétaires"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def write_csv(plan: Plan, *, drafts: bool = True) -> bytes:
    rows, _lines = action_rows(plan, drafts=drafts)
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_csv_cell(value) for value in row] for row in rows)
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | float):
        return f"{value:.2f}".replace(".", ",")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
