"""Small documents of our own wording for the tests of the import preview."""

MARKDOWN = """# Projet de territoire de la Vallée Test

## Axe 1 : Habiter la vallée
### Orientation 1.1 : Se loger
#### Rénover les logements anciens
- Créer une plateforme de la rénovation
- Aider les propriétaires modestes
#### Accueillir les jeunes ménages
- Ouvrir un habitat inclusif
## Axe 2 : Travailler au pays
### Orientation 2.1 : Soutenir l’emploi
#### Développer les zones d’activité
- Requalifier la zone des Prés
"""

TEXT = """Projet de territoire du Pays d’Essai

Axe 1 : Vivre ensemble

Orientation 1.1 : Se soigner près de chez soi

Ouvrir des maisons de santé
• Créer une maison de santé à Saint-Essai
• Accueillir des internes en médecine

Axe 2 : Se déplacer

Orientation 2.1 : Des transports pour tous

Développer le covoiturage
• Créer des aires de covoiturage
"""


def large_markdown(actions: int = 200) -> str:
    """A plan of 4 axes, 3 orientations each, 2 objectives each and `actions` actions."""
    lines = ["# Grand projet de territoire", ""]
    count = 0
    per_objective = -(-actions // 24)
    for axis in range(1, 5):
        lines.append(f"## Axe {axis} : Axe numéro {axis}")
        for orientation in range(1, 4):
            lines.append(f"### Orientation {axis}.{orientation} : Orientation {orientation}")
            for objective in range(1, 3):
                lines.append(f"#### Objectif {objective} de l’orientation {axis}.{orientation}")
                for _index in range(per_objective):
                    if count < actions:
                        count += 1
                        lines.append(f"- Action {count} : une action au titre assez long")
    return "\n".join(lines) + "\n"
