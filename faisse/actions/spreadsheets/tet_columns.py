"""The columns of TeT's sheet: each label (folded, so that stray spaces, accents and
apostrophes do not matter) gives a role, and the writer's list of columns.

A role is the name of a SheetFields attribute, a level of the tree ("axis",
"orientation", "objective", "action", "sub_action"), "financer"/"amount" (with the
financer's position: each `Montant` belongs to the `Financeur N` before it), or one of
Faïsse's two columns ("structure", "faisse_id").
"""

import re
from dataclasses import dataclass
from functools import cached_property

from faisse.actions.spreadsheets.tet_values import fold_label

TREE_ROLES = ("axis", "orientation", "objective", "action", "sub_action")
LEVEL_ROLES = TREE_ROLES[:3]
TEXT_ROLES = (
    "description",
    "governance",
    "objectives",
    "resources",
    "funding_notes",
    "indicator_notes",
    "schedule",
    "related_measures",
    "related_actions",
    "additional_notes",
)
LIST_ROLES = (
    "expected_effects",
    "target_audiences",
    "themes",
    "sub_themes",
    "lead_structures",
    "partners",
    "lead_services",
    "pilot_names",
    "referent_names",
)
CHOICE_ROLES = ("status", "priority", "participation")

# Folded label → role, every spelling met in TeT's files and exports.
ROLES = {
    "axe x": "axis",
    "axe": "axis",
    "sous axe x x": "orientation",
    "sous axe": "orientation",
    "sous sous axe x x x": "objective",
    "sous sous axe": "objective",
    "titre de la fiche action": "action",
    "titre de l action": "action",
    "titre de la fiche": "action",
    "titre de la sous action": "sub_action",
    "descriptif": "description",
    "description": "description",
    "instances de gouvernance": "governance",
    "objectifs": "objectives",
    "indicateurs lies": "indicator_notes",
    "structure pilote": "lead_structures",
    "moyens humains et techniques": "resources",
    "partenaires": "partners",
    "direction ou service pilote": "lead_services",
    "service departement pole pilote": "lead_services",
    "personne pilote": "pilot_names",
    "elu e referent e": "referent_names",
    "participation citoyenne": "participation",
    "participation citoyenne type": "participation",
    "financements": "funding_notes",
    "statut": "status",
    "niveau de priorite": "priority",
    "date de debut": "start_date",
    "date de fin": "end_date",
    "action en amelioration continue": "continuous",
    "calendrier": "schedule",
    "mesures liees": "related_measures",
    "mesures des referentiels liees": "related_measures",
    "actions liees": "related_actions",
    "actions des plans liees": "related_actions",
    "fiches des plans liees": "related_actions",
    "notes": "additional_notes",
    "notes complementaires": "additional_notes",
    "etapes de l action": "milestones",
    "nom et statut de l etape": "milestones",
    "documents et liens": "documents",
    "thematique principale": "themes",
    "thematiques": "themes",
    "sous thematiques": "sub_themes",
    "resultats attendus": "expected_effects",
    "cibles": "target_audiences",
    "structure faisse": "structure",
    "identifiant faisse": "faisse_id",
}
FINANCER = re.compile(r"^financeur (\d{1,3})$")
AMOUNT = re.compile(r"^montant( |$)")
BUDGET = re.compile(r"^budget previsionnel( total)?( |$)")
# Labels of the groups in row 1 (never a plan's title).
GROUPS = {
    "presentation de l action",
    "objectifs et indicateurs",
    "acteurs",
    "modalites de mise en oeuvre",
    "actions liees",
    "budget",
    "etapes",
    "thematiques et effets",
    "faisse",
}


def role_of(label: str) -> tuple[str, int] | None:
    """(role, financer's position) of a column label, None if unknown; an amount's
    position is left to match_columns (the financer before it)."""
    folded = fold_label(label)
    if folded in ROLES:
        return ROLES[folded], 0
    if match := FINANCER.match(folded):
        return "financer", int(match.group(1))
    if AMOUNT.match(folded):
        return "amount", 0
    if BUDGET.match(folded):
        return "budget_total", 0
    return None


def is_header(labels: list[str]) -> bool:
    """A TeT header row: an `Axe (x)` column and an action's title column."""
    roles = {found[0] for label in labels if label and (found := role_of(label))}
    return "axis" in roles and "action" in roles


def says_tax_included(label: str) -> bool:
    return "ttc" in fold_label(label).split()


def letter(index: int) -> str:
    """The column's letters from its 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, eq=False)  # one object per column of the sheet: hashed by identity
class Column:
    index: int  # 0-based
    label: str  # as written, stripped
    role: str
    position: int = 0  # financer and amount: N of `Financeur N`

    @property
    def letter(self) -> str:
        return letter(self.index)

    @cached_property
    def folded(self) -> str:
        return fold_label(self.label)


# The writer's columns: TeT's 28 import columns (the order its parser checks), TeT's
# other columns, then Faïsse's. (label, role, position, type row text)
TEXT = "Champ texte"
LISTED = "Champ texte\n(séparateur virgule)"
NUMBER = "Champ numérique"
CHOICE = "Champ liste déroulante\n(choix prédéfinis)"
WRITTEN = (
    ("Axe (x)", "axis", 0, TEXT),
    ("Sous-axe (x.x)", "orientation", 0, TEXT),
    ("Sous-sous axe (x.x.x)", "objective", 0, TEXT),
    ("Titre de l'action", "action", 0, TEXT),
    ("Titre de la sous-action", "sub_action", 0, TEXT),
    ("Descriptif", "description", 0, TEXT),
    ("Instances de gouvernance", "governance", 0, TEXT),
    ("Objectifs", "objectives", 0, TEXT),
    ("Indicateurs liés", "indicator_notes", 0, TEXT),
    ("Structure pilote", "lead_structures", 0, LISTED),
    ("Moyens humains et techniques", "resources", 0, TEXT),
    ("Partenaires", "partners", 0, LISTED),
    ("Direction ou service pilote", "lead_services", 0, LISTED),
    ("Personne pilote", "pilot_names", 0, LISTED),
    ("Élu·e référent·e", "referent_names", 0, LISTED),
    ("Participation Citoyenne", "participation", 0, CHOICE),
    ("Financements", "funding_notes", 0, "Champ texte libre"),
    ("Financeur 1", "financer", 1, LISTED),
    ("Montant € HT", "amount", 1, NUMBER),
    ("Financeur 2", "financer", 2, LISTED),
    ("Montant € HT", "amount", 2, NUMBER),
    ("Financeur 3", "financer", 3, LISTED),
    ("Montant € HT", "amount", 3, NUMBER),
    ("Budget prévisionnel total € HT", "budget_total", 0, NUMBER),
    ("Statut", "status", 0, CHOICE),
    ("Niveau de priorité", "priority", 0, CHOICE),
    ("Date de début", "start_date", 0, "Champ date"),
    ("Date de fin", "end_date", 0, "Champ date"),
    ("Action en amélioration continue", "continuous", 0, "Champ binaire"),
    ("Calendrier", "schedule", 0, "Champ texte libre"),
    ("Mesures liées", "related_measures", 0, TEXT),
    ("Actions des plans liées", "related_actions", 0, TEXT),
    ("Notes", "additional_notes", 0, TEXT),
    ("Etapes de l'action", "milestones", 0, "Champ texte\n(une étape par ligne)"),
    ("Documents et liens", "documents", 0, "Champ texte\n(un lien par ligne)"),
    # TeT's export columns the import template lacks, so that no field is lost.
    ("Thématique principale", "themes", 0, LISTED),
    ("Sous-thématiques", "sub_themes", 0, LISTED),
    ("Résultats attendus", "expected_effects", 0, LISTED),
    ("Cibles", "target_audiences", 0, LISTED),
    ("Structure (Faïsse)", "structure", 0, "Champ texte (Faïsse)"),
    ("Identifiant (Faïsse)", "faisse_id", 0, "Champ texte (Faïsse)"),
)
# Row 1: (first column, last column, label), 1-based.
WRITTEN_GROUPS = (
    (1, 7, "Présentation de l’action"),
    (8, 9, "Objectifs et indicateurs"),
    (10, 16, "Acteurs"),
    (17, 30, "Modalités de mise en oeuvre"),
    (31, 35, "Actions liées"),
    (36, 39, "Thématiques et effets"),
    (40, 41, "Faïsse"),
)
