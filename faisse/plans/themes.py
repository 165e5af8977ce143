"""Themes of territorial planning, as French words, to compare texts by meaning.

Two titles about the same policy often share no word ("rénovation des logements" and
"habitat adapté"; "grands paysages" and "patrimoines singuliers"). Each text also gets
the themes its words belong to, so such titles meet. The list follows the usual
chapters of a French projet de territoire (SCoT, CRTE, contrats de ville); a word may
belong to several themes.
"""

from functools import lru_cache

from faisse.core.french import stems

THEMES = {
    "économie": """entreprise entreprises économique économie emploi activités industrie
        industriel commerce commercial commerciale artisanat entrepreneur salarié
        innovation filière excellence myriapolis coworking""",
    "agriculture et forêt": """agricole agriculture agriculteur alimentaire alimentation forêt
        forestier forestière sylviculture sylvicole bois producteur foncier terres
        exploitation agroécologie pomologie""",
    "énergie et climat": """énergie énergétique enr renouvelable solaire solaires
        photovoltaïque géothermie climat carbone éclairage""",
    "numérique": """numérique digital digitale internet débit fibre téléphonie wifi mooc
        hot-spot""",
    "formation": """formation formations apprentissage enseignement université étudiant
        étudiants thèse thèses compétences scolaire éducatif""",
    "tourisme": """tourisme touristique touristiques destination visiteurs séjours
        hébergement""",
    "culture": """culture culturel culturelle culturels culturelles artistique artistiques
        spectacle musée musées musique danse cinéma lecture médiathèque bibliothèque
        conservatoire manifestations création""",
    "habitat": """habitat logement logements résidence résidences construction
        constructions urbanisme urbain urbaine urbaines propriétaires bailleurs
        réhabiliter réhabilitation insalubres indigne ophlm ménages""",
    "mobilité": """mobilité transport transports déplacement déplacements desserte
        autoroute ferroviaire ter tgv gare navettes covoiturage co-voiturage cyclables
        recharge véhicules connexion connecter liaisons""",
    "patrimoine et environnement": """patrimoine patrimoines paysage paysages paysagère
        naturel naturels naturelle nature biodiversité écologique environnement eau eaux
        rivière gardons gardon ripisylve pluie architectural restauration faisses""",
    "santé et solidarités": """santé soins social sociale solidarité solidarités insertion
        prévention isolées âgées familles monoparentales""",
    "sport et loisirs": """sport sportif sportive sportives loisirs stades""",
}


@lru_cache(maxsize=1)
def _theme_stems() -> dict[str, frozenset[str]]:
    return {theme: frozenset(stems(words)) for theme, words in THEMES.items()}


def themes_of(text_stems: list[str]) -> list[str]:
    """The themes a list of stems touches, once per stem that touches them."""
    found = []
    for theme, vocabulary in _theme_stems().items():
        found.extend(f"#{theme}" for stem in text_stems if stem in vocabulary)
    return found
