"""The furniture of TeT's template that is not a plan: the types row, the help row,
the example row, and the help or example texts left in data rows (folded, as compared).
"""

from faisse.actions.spreadsheets.tet_values import fold_label

# Beginnings of the help texts of row 4 and of the placeholders of the example row.
HELP_STARTS = (
    "ces informations devront etre saisies",
    "ce champ ne sera pas integre",
    "utilisez exactement la meme ecriture",
    "si vos axes sont numerotes",
    "si vos sous axes sont numerotes",
    "si vos sous sous axes sont numerotes",
    "texte court de",
    "presentez en quelques lignes le descriptif",
    "reseignez ici le nom et les objectifs",
    "renseignez ici le nom et les objectifs",
    "plusieurs services peuvent etre indiques",
    "creez sous la forme",
    "choisissez l option qui correspond le mieux",
    "saisissez un nombre entier",
    "saisissez une date sous le format",
    "indiquer si l action est en",
)
# The example row's texts (row 5 of the template), found copied into real rows.
EXAMPLE_STARTS = (
    "la collectivite exemple organise des rencontres",
    "le codir est compose de 5 membres",
    "contribution au suivi de la feuille de route qualite de l air",
    "la collectivite 1 la collectivite 2",
    "la collectivite la dreal region associations locales atmo",
    "associations locales ecopartenaire",
    "service environnement departement environnement",
    "marie paul pierre gwen",
    "renee charles dominique trelle",
    "metropole dreal departement 64 associations locales",
    "suivi 2023 rendez vous annuel avec le conseiller ademe",
)
PREFIX = 100  # characters folded to recognise a text by its beginning
EXAMPLE_ACTION = "action 1 assurer la coordination de la transition ecologique"
EXAMPLE_DESCRIPTION = "la collectivite exemple"


def is_template_text(text: str) -> bool:
    """A help text or an example text of the template, left in a cell."""
    folded = fold_label(text[:PREFIX])
    return folded.startswith(HELP_STARTS) or folded.startswith(EXAMPLE_STARTS)


def is_types_row(texts: list[str]) -> bool:
    """Row 3 of the template: every filled cell says its field's type (`Champ texte`)."""
    filled = [text for text in texts if text]
    return bool(filled) and all(fold_label(t[:PREFIX]).startswith("champ") for t in filled)


def is_help_row(texts: list[str]) -> bool:
    """Row 4: `Si vos axes sont numérotés…` under `Axe (x)`, or only help texts."""
    filled = [text for text in texts if text]
    if filled and fold_label(filled[0][:PREFIX]).startswith("si vos axes"):
        return True
    return len(filled) > 2 and all(is_template_text(text) for text in filled)


def is_example_row(action: str, description: str) -> bool:
    """Row 5: the action `Action 1 - Assurer la coordination de la transition
    écologique`, described as `La Collectivité Exemple…`."""
    return fold_label(action[:PREFIX]).startswith(EXAMPLE_ACTION) or fold_label(
        description[:PREFIX]
    ).startswith(EXAMPLE_DESCRIPTION)
