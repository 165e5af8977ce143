"""The structure recogniser on documents of our own making: four level vocabularies,
numbered and unnumbered headings, page furniture, lines without blank lines, a table of
contents on one line. Each test checks the recognised tree exactly."""

from faisse.plans.importer import parse_document


def tree(plan) -> list:
    """The tree as nested (kind, level name, number, title, children) tuples."""

    def one(node):
        children = [one(child) for child in node.children]
        return (node.kind, node.level_name, node.number, node.title, children)

    return [one(node) for node in plan.nodes]


ENJEUX = """Projet de territoire de la Communauté de communes du Haut-Exemple
Enjeu 1 – Une économie locale qui crée des emplois
Objectif 1.1 – Accueillir les entreprises
• Créer une pépinière d’entreprises à Saint-Martin
• Requalifier la zone d’activités des Plaines
Objectif 1.2 – Soutenir l’agriculture
• Ouvrir un marché de producteurs
Enjeu 2 – Un territoire sobre en énergie
Objectif 2.1 – Rénover les logements
• Créer une plateforme de la rénovation énergétique
"""


def test_enjeux_objectifs_actions_without_blank_lines():
    plan = parse_document(ENJEUX, "projet.txt")
    assert plan.title == "Projet de territoire de la Communauté de communes du Haut-Exemple"
    assert tree(plan) == [
        ("axis", "Enjeu", "1", "Une économie locale qui crée des emplois", [
            ("objective", "", "1.1", "Accueillir les entreprises", [
                ("action", "", "", "Créer une pépinière d’entreprises à Saint-Martin", []),
                ("action", "", "", "Requalifier la zone d’activités des Plaines", []),
            ]),
            ("objective", "", "1.2", "Soutenir l’agriculture", [
                ("action", "", "", "Ouvrir un marché de producteurs", []),
            ]),
        ]),
        ("axis", "Enjeu", "2", "Un territoire sobre en énergie", [
            ("objective", "", "2.1", "Rénover les logements", [
                ("action", "", "", "Créer une plateforme de la rénovation énergétique", []),
            ]),
        ]),
    ]  # fmt: skip
    assert plan.level_names == {"axis": ["Enjeu", "Enjeux"]}


AMBITIONS = """Pays des Trois Vallées — projet de territoire 2021-2030

AMBITION 1 : UN PAYS QUI ACCUEILLE
Priorité 1.1 : Loger les jeunes actifs
Fiche action n°1 – Une résidence pour les apprentis
Fiche action n°2 – Un service de colocation intergénérationnelle
Priorité 1.2 : Garder les services
Fiche action n°3 – Maisons de santé pluriprofessionnelles

AMBITION 2 : UN PAYS QUI SE DÉPLACE AUTREMENT
Priorité 2.1 : Marcher et pédaler
Fiche action n°4 – Un schéma cyclable intercommunal
"""


def test_ambitions_priorites_fiches_action_numbered():
    plan = parse_document(AMBITIONS, "pays.txt")
    assert tree(plan) == [
        ("axis", "Ambition", "1", "UN PAYS QUI ACCUEILLE", [
            ("objective", "Priorité", "1.1", "Loger les jeunes actifs", [
                ("action", "Fiche action", "1", "Une résidence pour les apprentis", []),
                ("action", "Fiche action", "2",
                 "Un service de colocation intergénérationnelle", []),
            ]),
            ("objective", "Priorité", "1.2", "Garder les services", [
                ("action", "Fiche action", "3", "Maisons de santé pluriprofessionnelles", []),
            ]),
        ]),
        ("axis", "Ambition", "2", "UN PAYS QUI SE DÉPLACE AUTREMENT", [
            ("objective", "Priorité", "2.1", "Marcher et pédaler", [
                ("action", "Fiche action", "4", "Un schéma cyclable intercommunal", []),
            ]),
        ]),
    ]  # fmt: skip
    assert plan.level_names == {
        "axis": ["Ambition", "Ambitions"],
        "objective": ["Priorité", "Priorités"],
        "action": ["Fiche action", "Fiches action"],
    }


ORIENTATIONS = """Projet de territoire

ORIENTATION 1 – Préserver les ressources
Objectif prioritaire 1.1 : Protéger l’eau
Priorité opérationnelle 1.1.1 – Sécuriser les captages
- Acquérir les parcelles des périmètres de protection
- Planter des haies
Priorité opérationnelle 1.1.2 – Économiser l’eau
- Récupérer l’eau de pluie des bâtiments publics
Objectif prioritaire 1.2 : Protéger les sols
Priorité opérationnelle 1.2.1 – Limiter l’artificialisation
- Recenser les friches
"""


def test_four_level_vocabulary_with_decimal_numbers():
    plan = parse_document(ORIENTATIONS, "ccx.txt")
    assert tree(plan) == [
        ("axis", "Orientation", "1", "Préserver les ressources", [
            ("orientation", "Objectif prioritaire", "1.1", "Protéger l’eau", [
                ("objective", "Priorité opérationnelle", "1.1.1", "Sécuriser les captages", [
                    ("action", "", "", "Acquérir les parcelles des périmètres de protection",
                     []),
                    ("action", "", "", "Planter des haies", []),
                ]),
                ("objective", "Priorité opérationnelle", "1.1.2", "Économiser l’eau", [
                    ("action", "", "", "Récupérer l’eau de pluie des bâtiments publics", []),
                ]),
            ]),
            ("orientation", "Objectif prioritaire", "1.2", "Protéger les sols", [
                ("objective", "Priorité opérationnelle", "1.2.1",
                 "Limiter l’artificialisation", [
                    ("action", "", "", "Recenser les friches", []),
                ]),
            ]),
        ]),
    ]  # fmt: skip
    assert plan.level_names["orientation"] == ["Objectif prioritaire", "Objectifs prioritaires"]


ROMAN = """Schéma de développement du Pays Exemple

I. Habiter
A. Un parc de logements rénové
1. Diagnostiquer les passoires thermiques
2. Financer les travaux des ménages modestes
B. Des centres-bourgs vivants
1. Racheter les commerces vacants
II. Travailler
A. Des zones d’activités requalifiées
1. Créer un parc d’activités à énergie positive
"""


def test_roman_letter_and_number_numbering_without_words():
    plan = parse_document(ROMAN, "pays.txt")
    assert tree(plan) == [
        ("axis", "", "I", "Habiter", [
            ("objective", "", "A", "Un parc de logements rénové", [
                ("action", "", "1", "Diagnostiquer les passoires thermiques", []),
                ("action", "", "2", "Financer les travaux des ménages modestes", []),
            ]),
            ("objective", "", "B", "Des centres-bourgs vivants", [
                ("action", "", "1", "Racheter les commerces vacants", []),
            ]),
        ]),
        ("axis", "", "II", "Travailler", [
            ("objective", "", "A", "Des zones d’activités requalifiées", [
                ("action", "", "1", "Créer un parc d’activités à énergie positive", []),
            ]),
        ]),
    ]  # fmt: skip


UNNUMBERED = """Projet de territoire des Monts d’Exemple

Axe 1 : Bien vivre

Se soigner près de chez soi
• Ouvrir une maison de santé
• Soutenir l’installation des jeunes médecins

Bouger au quotidien
• Créer des voies vertes entre les bourgs
"""


def test_unnumbered_objectives_are_the_lines_that_head_a_list():
    plan = parse_document(UNNUMBERED, "monts.txt")
    assert tree(plan) == [
        ("axis", "", "1", "Bien vivre", [
            ("objective", "", "", "Se soigner près de chez soi", [
                ("action", "", "", "Ouvrir une maison de santé", []),
                ("action", "", "", "Soutenir l’installation des jeunes médecins", []),
            ]),
            ("objective", "", "", "Bouger au quotidien", [
                ("action", "", "", "Créer des voies vertes entre les bourgs", []),
            ]),
        ]),
    ]  # fmt: skip
    assert any("pris pour un titre" in w.message for w in plan.warnings)


TABLE_OF_CONTENTS = (
    "Projet de territoire du Val d’Exemple\n\n"
    "Sommaire Axe 1 : Attirer ........ 3 Axe 2 : Relier ........ 7 Axe 3 : Protéger ..... 11\n\n"
    "Axe 1 : Attirer\nObjectif 1.1 : Accueillir\n• Un guichet unique pour les entreprises\n"
    "Axe 2 : Relier\nObjectif 2.1 : Desservir\n• Un transport à la demande\n"
    "Axe 3 : Protéger\nObjectif 3.1 : Préserver\n• Un atlas de la biodiversité\n"
)


def test_a_table_of_contents_flattened_on_one_line_is_split_then_left_out():
    plan = parse_document(TABLE_OF_CONTENTS, "val.txt")
    assert [(n.number, n.title, [c.title for c in n.children]) for n in plan.nodes] == [
        ("1", "Attirer", ["Accueillir"]),
        ("2", "Relier", ["Desservir"]),
        ("3", "Protéger", ["Préserver"]),
    ]
    messages = [w.message for w in plan.warnings]
    assert any("sommaire sur une seule ligne" in m for m in messages)
    assert any(m.startswith("3 lignes de sommaire") for m in messages)


def test_a_document_that_is_only_a_table_of_contents_keeps_it():
    text = "Projet\n\nAxe 1 : Attirer ..... 3\nAxe 2 : Relier ..... 7\nAxe 3 : Protéger ..... 9\n"
    plan = parse_document(text, "sommaire.txt")
    assert [(n.number, n.title) for n in plan.nodes] == [
        ("1", "Attirer"),
        ("2", "Relier"),
        ("3", "Protéger"),
    ]


def paged(lines: list[str], per_page: int = 12) -> str:
    """The lines with a header, a footer and a page number on every page."""
    out = []
    for page, start in enumerate(range(0, len(lines), per_page), start=1):
        out.append("Communauté de communes d’Exemple — Projet de territoire")
        out.extend(lines[start : start + per_page])
        out.append("Document adopté en conseil le 12 mars 2024")
        out.append(str(page))
    return "\n".join(out)


def test_page_furniture_on_every_page_is_left_out_and_told():
    lines = ["Projet de territoire d’Exemple", ""]
    for axis in range(1, 4):
        lines.append(f"Enjeu {axis} – Enjeu numéro {axis}")
        for objective in range(1, 3):
            lines.append(f"Objectif {axis}.{objective} – Objectif {axis}.{objective}")
            lines.extend(f"• Action {axis}.{objective}.{i}" for i in range(1, 4))
    plan = parse_document(paged(lines), "paged.txt")
    assert [n.title for n in plan.nodes] == [f"Enjeu numéro {i}" for i in range(1, 4)]
    actions = [n.title for n in plan.walk() if n.kind == "action"]
    assert len(actions) == 18 and all(t.startswith("Action ") for t in actions)
    messages = " ".join(w.message for w in plan.warnings)
    assert "numéros de page ignorés" in messages
    assert "Communauté de communes d’Exemple — Projet de territoire" in messages
    assert "Document adopté en conseil" in messages


WRAPPED = """Projet de territoire

Axe 1 : Développer une offre de mobilité
Orientation 1.1 : Favoriser les mobilités actives sur l’ensemble du territoire communautaire
et entre les bourgs-centres
Orientation 1.2 : Améliorer l’offre de transport collectif
• Étendre le réseau de bus aux communes rurales et créer des lignes de rabattement vers la
gare TER, en lien avec la Région
• Créer des aires de covoiturage
"""


def test_wrapped_lines_are_joined_but_consecutive_headings_stay_apart():
    plan = parse_document(WRAPPED, "mobilite.txt")
    axis = plan.nodes[0]
    assert [(o.number, o.title) for o in axis.children] == [
        (
            "1.1",
            "Favoriser les mobilités actives sur l’ensemble du territoire communautaire "
            "et entre les bourgs-centres",
        ),
        ("1.2", "Améliorer l’offre de transport collectif"),
    ]
    assert [a.title for a in axis.children[1].children] == [
        "Étendre le réseau de bus aux communes rurales et créer des lignes de rabattement "
        "vers la gare TER, en lien avec la Région",
        "Créer des aires de covoiturage",
    ]


NESTED_MARKDOWN = """# Projet

## Enjeu 1 : Habiter

- Rénover
  - Une plateforme de la rénovation
  - Des permanences dans les mairies
- Construire
  - Un programme local de l’habitat
"""


def test_markdown_list_levels_make_levels_by_depth():
    plan = parse_document(NESTED_MARKDOWN, "projet.md")
    assert tree(plan) == [
        ("axis", "Enjeu", "1", "Habiter", [
            ("objective", "", "", "Rénover", [
                ("action", "", "", "Une plateforme de la rénovation", []),
                ("action", "", "", "Des permanences dans les mairies", []),
            ]),
            ("objective", "", "", "Construire", [
                ("action", "", "", "Un programme local de l’habitat", []),
            ]),
        ]),
    ]  # fmt: skip


STRATEGIC = """PROJET DE TERRITOIRE 2020-2026
Communauté de Communes du Pays de Test

SOMMAIRE
1. Le diagnostic ........ 4
2. Les enjeux ........ 12
3. Le plan d’actions ....... 20

Le territoire compte 25 communes et 18 000 habitants. Il s’est doté en 2020 d’un projet
de territoire élaboré avec les maires et les habitants.

AXE STRATÉGIQUE 1 : RENFORCER L’ATTRACTIVITÉ ÉCONOMIQUE

Objectif stratégique 1.1 : Accompagner les entreprises
Action 1.1.1 : Créer un guichet unique
Le guichet unique permettra aux porteurs de projet de trouver un interlocuteur.
Pilote : service développement économique
Action 1.1.2 : Développer l’immobilier d’entreprise

Objectif stratégique 1.2 : Soutenir l’agriculture locale
Action 1.2.1 : Créer un point de vente collectif

AXE STRATÉGIQUE 2 : PRÉSERVER LE CADRE DE VIE

Objectif stratégique 2.1 : Protéger la ressource en eau
Action 2.1.1 : Sécuriser les captages
Action 2.1.2 : Réduire les fuites des réseaux
"""


def test_a_table_of_contents_with_leader_dots_and_numbered_actions_with_paragraphs():
    plan = parse_document(STRATEGIC, "pays-de-test.txt")
    assert tree(plan) == [
        ("axis", "Axe stratégique", "1", "RENFORCER L’ATTRACTIVITÉ ÉCONOMIQUE", [
            ("objective", "Objectif stratégique", "1.1", "Accompagner les entreprises", [
                ("action", "", "1.1.1", "Créer un guichet unique", []),
                ("action", "", "1.1.2", "Développer l’immobilier d’entreprise", []),
            ]),
            ("objective", "Objectif stratégique", "1.2", "Soutenir l’agriculture locale", [
                ("action", "", "1.2.1", "Créer un point de vente collectif", []),
            ]),
        ]),
        ("axis", "Axe stratégique", "2", "PRÉSERVER LE CADRE DE VIE", [
            ("objective", "Objectif stratégique", "2.1", "Protéger la ressource en eau", [
                ("action", "", "2.1.1", "Sécuriser les captages", []),
                ("action", "", "2.1.2", "Réduire les fuites des réseaux", []),
            ]),
        ]),
    ]  # fmt: skip
    guichet = plan.nodes[0].children[0].children[0]
    assert guichet.description == (
        "Le guichet unique permettra aux porteurs de projet de trouver un interlocuteur.\n"
        "Pilote : service développement économique"
    )
    assert any("3 lignes de sommaire" in w.message for w in plan.warnings)


SHEETS = """Projet de territoire 2021-2026 — Communauté de communes Cœur d’Exemple

ORIENTATION 1 – UN TERRITOIRE ATTRACTIF

Fiche action n° 1 : Créer une maison France Services
Objectif : rapprocher les services publics des habitants
Pilote : CC Cœur d’Exemple
Calendrier : 2022-2023
Budget : 250 000 €

Fiche action n° 2 : Développer le très haut débit
Objectif : raccorder toutes les communes à la fibre
Action : déployer 1 200 prises par an

ORIENTATION 2 – UN TERRITOIRE DURABLE

Fiche action n° 3 : Rénover l’éclairage public
Objectif : réduire de moitié la consommation d’électricité
"""


def test_action_sheets_with_fields_two_levels_and_field_labels_that_are_level_words():
    plan = parse_document(SHEETS, "coeur.txt")
    assert tree(plan) == [
        ("axis", "Orientation", "1", "UN TERRITOIRE ATTRACTIF", [
            ("action", "Fiche action", "1", "Créer une maison France Services", []),
            ("action", "Fiche action", "2", "Développer le très haut débit", []),
        ]),
        ("axis", "Orientation", "2", "UN TERRITOIRE DURABLE", [
            ("action", "Fiche action", "3", "Rénover l’éclairage public", []),
        ]),
    ]  # fmt: skip
    assert plan.nodes[0].children[0].description.split("\n") == [
        "Objectif : rapprocher les services publics des habitants",
        "Pilote : CC Cœur d’Exemple",
        "Calendrier : 2022-2023",
        "Budget : 250 000 €",
    ]
    assert plan.nodes[0].children[1].description.endswith("Action : déployer 1 200 prises par an")


LAYOUT = """                     COMMUNAUTÉ DE COMMUNES DU HAUT-TEST
                          PROJET DE TERRITOIRE 2022-2028



1. UN TERRITOIRE QUI ACCUEILLE

1.1 Développer une offre de logements adaptée

   • Réaliser un programme local de l’habitat (PLH) à l’échelle des 32 communes et
     définir une stratégie foncière
   • Accompagner la rénovation énergétique des logements privés

1.2 Maintenir les services de proximité

   • Créer deux maisons France Services

Projet de territoire 2022-2028                                                    3

2. UN TERRITOIRE QUI ENTREPREND

2.1 Soutenir le commerce de centre-bourg

   • Mettre en place une opération collective de modernisation du commerce
   • Créer une boutique à l’essai

2.2 Développer le tourisme de pleine nature

   • Aménager les sentiers de randonnée

Projet de territoire 2022-2028                                                    4

3. UN TERRITOIRE QUI PRÉSERVE

3.1 Protéger la ressource en eau

   • Sécuriser l’alimentation en eau potable

Projet de territoire 2022-2028                                                    5
"""


def test_a_pdftotext_layout_with_numbered_levels_indented_bullets_and_running_footers():
    plan = parse_document(LAYOUT, "haut-test.txt")
    assert plan.title == ("COMMUNAUTÉ DE COMMUNES DU HAUT-TEST — PROJET DE TERRITOIRE 2022-2028")
    assert plan.motto == ""
    assert [(n.kind, n.number, n.title) for n in plan.nodes] == [
        ("axis", "1", "UN TERRITOIRE QUI ACCUEILLE"),
        ("axis", "2", "UN TERRITOIRE QUI ENTREPREND"),
        ("axis", "3", "UN TERRITOIRE QUI PRÉSERVE"),
    ]
    assert [(o.kind, o.number) for o in plan.nodes[0].children] == [
        ("objective", "1.1"),
        ("objective", "1.2"),
    ]
    assert plan.nodes[0].children[0].children[0].title == (
        "Réaliser un programme local de l’habitat (PLH) à l’échelle des 32 communes et "
        "définir une stratégie foncière"
    )
    assert plan.counts()["action"] == 7
    assert any("revient 3 fois" in w.message for w in plan.warnings)
