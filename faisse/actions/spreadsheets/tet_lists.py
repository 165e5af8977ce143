"""The `Listes déroulantes` sheet of the template (TeT's vocabularies) and the drop-down
lists of the data sheet that use it, on the right columns (TeT's own file has them one
column off)."""

from openpyxl.worksheet.datavalidation import DataValidation

from faisse.actions.spreadsheets.tet_columns import WRITTEN, letter
from faisse.actions.spreadsheets.tet_values import (
    PARTICIPATION_LABELS,
    PRIORITY_LABELS,
    STATUS_LABELS,
)

SHEET_NAME = "Listes déroulantes"
LAST_ROW = 2000  # rows of the data sheet that get the drop-down lists
EXPECTED_EFFECTS = (
    "Adaptation au changement climatique",
    "Allongement de la durée d'usage",
    "Amélioration de la qualité de vie",
    "Développement des énergies renouvelables",
    "Efficacité énergétique",
    "Préservation de la biodiversité",
    "Réduction des consommations énergétiques",
    "Réduction des déchets",
    "Réduction des polluants atmosphériques",
    "Réduction des émissions de gaz à effet de serre",
    "Sobriété énergétique",
)
TARGET_AUDIENCES = (
    "Grand public",
    "Associations",
    "Autres collectivités du territoire",
    "Acteurs économiques",
    "Collectivité elle-même",
    "Public Scolaire",
    "Acteurs économiques du secteur primaire",
    "Acteurs économiques du secteur secondaire",
    "Acteurs économiques du secteur tertiaire",
    "Elus locaux",
    "Agents",
)
# (label, values, role of the data sheet's column with the drop-down list, or "")
LISTS = (
    ("Résultats attendus", EXPECTED_EFFECTS, ""),
    ("Cibles", TARGET_AUDIENCES, ""),
    ("Statut", tuple(STATUS_LABELS.values()), "status"),
    ("Niveau de priorité", tuple(PRIORITY_LABELS.values()), "priority"),
    ("Participation citoyenne", tuple(PARTICIPATION_LABELS.values()), "participation"),
)


def write_lists_sheet(workbook, data_sheet, *, first_row: int) -> None:
    lists = workbook.create_sheet(SHEET_NAME)
    columns = {role: index for index, (_l, role, _p, _t) in enumerate(WRITTEN)}
    for number, (label, values, role) in enumerate(LISTS):
        column = letter(number)
        lists[f"{column}1"] = label
        for row, value in enumerate(values, start=2):
            lists[f"{column}{row}"] = value
        lists.column_dimensions[column].width = 40
        if role:
            source = f"'{SHEET_NAME}'!${column}$2:${column}${len(values) + 1}"
            _validate(data_sheet, source, columns[role], first_row)
    _validate(data_sheet, '"VRAI,FAUX"', columns["continuous"], first_row)


def _validate(sheet, source: str, index: int, first_row: int) -> None:
    validation = DataValidation(type="list", formula1=source, allow_blank=True)
    validation.showErrorMessage = False  # a value outside the list is the reader's to judge
    validation.add(f"{letter(index)}{first_row}:{letter(index)}{LAST_ROW}")
    sheet.add_data_validation(validation)
