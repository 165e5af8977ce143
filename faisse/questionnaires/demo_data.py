"""The questionnaires n°1 and n°2 of the Alès demo: their questions and choices, and how
much an élu leans to each choice (used by `faisse.questionnaires.demo`)."""

from faisse.questionnaires.models import Question

LIKERT = ["Pas du tout d’accord", "Plutôt pas d’accord", "Plutôt d’accord", "Tout à fait d’accord"]
GRADES = ["Excellent", "Très bien", "Bien", "Assez bien", "Passable", "Insuffisant", "À rejeter"]
YES_NO = ["Oui", "Non"]
K = Question.Kind

# The choices of the questions, with how much an élu leans to each (by commune size:
# "small" below 1,000 inhabitants, "big" from 5,000).
STRENGTHS = {
    "Le cadre de vie et les paysages des Cévennes": (7, 5, 4),
    "Le patrimoine et la culture": (3, 3, 3),
    "Les entreprises et les filières d’excellence (mécanique, environnement)": (3, 4, 6),
    "L’enseignement supérieur (IMT Mines Alès)": (2, 2.5, 3.5),
    "La situation entre Nîmes, Montpellier et la vallée du Rhône": (2.5, 3, 3.5),
    "L’agriculture et les produits locaux": (3.5, 2.5, 1.5),
    "La vie associative et sportive": (2, 2, 2),
}
WEAKNESSES = {
    "Le chômage et la précarité": (4, 5, 7),
    "Les transports en commun et les déplacements": (7, 5.5, 4),
    "L’accès aux soins": (5.5, 4, 3),
    "La vacance des commerces en centre-ville et en centre-bourg": (2.5, 3, 4.5),
    "La couverture numérique (haut débit, téléphone mobile)": (5, 3, 1.5),
    "Le logement ancien ou dégradé": (1.5, 2, 3),
    "Le départ des jeunes": (3.5, 3, 2),
}
SERVICES = {  # satisfactory, insufficient, absent
    "Commerces de proximité": ((1, 3, 4), (4, 4, 1), (6, 3, 0.2)),
    "Médecins et soins": ((1, 4, 3), (3, 5, 1), (5, 4, 0.1)),
    "Transports en commun": ((0.5, 4, 4), (2, 5, 1), (4, 4, 0.1)),
    "Internet à haut débit": ((1, 5, 2), (3, 5, 0.5), (5, 3, 0.1)),
    "Écoles et accueil de la petite enfance": ((4, 3, 2), (6, 3, 0.2), (6, 3, 0.1)),
    "Équipements sportifs et culturels": ((2, 4, 3), (4, 4, 0.5), (6, 3, 0.1)),
}
JOURNEYS = {
    "Aller travailler à Alès": (6, 4, 2),
    "Aller à Nîmes ou à Montpellier": (2, 3, 4),
    "Se soigner": (5, 3.5, 2),
    "Étudier, pour les jeunes": (3, 3, 3),
    "Les déplacements des personnes âgées": (4, 3, 2.5),
}
EXPECTATIONS = [
    "Garder un médecin et des commerces de proximité dans la commune.",
    "Des transports à la demande pour rejoindre Alès sans voiture.",
    "Que les petites communes soient entendues autant que la ville-centre.",
    "Le très haut débit partout, pour les habitants comme pour les entreprises.",
    "Des emplois pour que les jeunes puissent rester au pays.",
    "Mettre en valeur nos sentiers, nos faisses et notre patrimoine pour le tourisme.",
    "Une aide à la rénovation des logements anciens du centre-bourg.",
    "Des pistes cyclables entre les villages et vers Alès.",
    "Soutenir les agriculteurs et les circuits courts, les cantines avec des produits locaux.",
    "Une maison de services au public près de chez nous.",
    "Des zones d’activités mieux desservies et des entreprises accompagnées.",
    "Que l’agglomération aide les communes à monter leurs projets.",
]
# Orientations by number: the weight an élu gives each when ranking (small, middle, big).
ORIENTATION_WEIGHTS = {
    "1.1": (2.6, 3.2, 4.2), "2.3": (3.4, 3.0, 2.8), "1.2": (1.6, 1.8, 1.9),
    "1.3": (1.3, 1.6, 2.2), "2.2": (1.4, 1.5, 1.6), "1.4": (2.4, 1.3, 1.0),
    "2.4": (1.8, 1.0, 0.8), "2.1": (0.6, 0.8, 1.0),
}  # fmt: skip
AXIS_MEDIANS = {"1": (2.3, 2.0, 1.8), "2": (2.1, 2.4, 2.6), "3": (3.0, 3.0, 2.9)}  # grade 1 = best
THEMES = {
    "L’emploi et l’économie": (24, 30, 34),
    "Les mobilités": (24, 22, 18),
    "L’habitat et les centres-bourgs": (12, 14, 16),
    "La transition écologique": (12, 12, 12),
    "Le tourisme et les patrimoines": (18, 12, 8),
    "La jeunesse et la formation": (10, 10, 12),
}
MISSING = {
    "La santé et l’accès aux soins": 5,
    "La jeunesse et la formation": 3,
    "L’agriculture et les circuits courts": 3,
    "Les services aux personnes âgées": 2,
    "Le sport et la vie associative": 1,
}

QUESTIONNAIRES = [
    {
        "number": 1,
        "title": "Questionnaire n°1 : le diagnostic partagé",
        "description": "Après les ateliers « Connaissance partagée » et « Prospective "
        "territoriale », votre regard sur le territoire : ses atouts, ses faiblesses, les "
        "services de votre commune et vos attentes. Les réponses nourrissent l’étape 3, "
        "« Orientations stratégiques ».",
        "opens_on": "2017-11-20",
        "closes_on": "2017-12-01",
        "pages": [
            ("Vous et votre commune", [
                {"key": "commune", "kind": K.COMMUNE, "required": True,
                 "label": "Quelle commune représentez-vous ?"},
                {"key": "mandat", "kind": K.SINGLE_CHOICE, "required": True,
                 "label": "Votre mandat", "options": [
                     "Maire", "Adjoint·e au maire", "Conseiller·ère communautaire",
                     "Conseiller·ère municipal·e"]},
            ]),
            ("Le territoire aujourd’hui", [
                {"key": "atouts", "kind": K.MULTIPLE_CHOICE, "required": True, "max_choices": 3,
                 "label": "Les principaux atouts du territoire", "options": list(STRENGTHS)},
                {"key": "faiblesses", "kind": K.MULTIPLE_CHOICE, "required": True,
                 "max_choices": 3, "label": "Ses principales faiblesses",
                 "options": list(WEAKNESSES)},
                {"key": "attractivite", "kind": K.LIKERT, "required": True, "scale": LIKERT,
                 "label": "Alès Agglomération est un territoire attractif pour les actifs et "
                 "les entreprises."},
                {"key": "services", "kind": K.MATRIX, "required": True,
                 "label": "Dans votre commune, ces services sont…", "options": list(SERVICES),
                 "scale": ["Satisfaisants", "Insuffisants", "Absents"]},
                {"key": "mobilite", "kind": K.SINGLE_CHOICE, "required": True, "options": YES_NO,
                 "label": "Les difficultés de déplacement freinent-elles les habitants de "
                 "votre commune ?"},
            ]),
            ("Vos attentes", [
                {"key": "trajets", "kind": K.MULTIPLE_CHOICE, "required": True,
                 "max_choices": 3, "show_if": ("mobilite", "Oui"), "options": list(JOURNEYS),
                 "label": "Quels déplacements posent le plus de difficultés ?"},
                {"key": "attentes", "kind": K.LONG_TEXT,
                 "label": "Qu’attendez-vous du projet de territoire pour votre commune ?"},
            ]),
        ],
    },
    {
        "number": 2,
        "title": "Questionnaire n°2 : les priorités du projet",
        "description": "Après l’atelier « Orientations stratégiques », dites quelles "
        "orientations comptent le plus pour vous. Les réponses ordonnent la structuration "
        "du projet (étape 4) et le plan d’actions (étape 5).",
        "opens_on": "2018-01-22",
        "closes_on": "2018-02-05",
        "pages": [
            ("Vous", [
                {"key": "commune", "kind": K.COMMUNE, "required": True,
                 "label": "Quelle commune représentez-vous ?"},
            ]),
            ("Les orientations", [
                {"key": "classement", "kind": K.RANKING, "required": True,
                 "nodes": "orientation", "label": "Classez les huit orientations, de la plus "
                 "prioritaire (1) à la moins prioritaire (8)."},
                {"key": "axes", "kind": K.MAJORITY_JUDGMENT, "required": True, "nodes": "axis",
                 "scale": GRADES, "label": "Quelle mention donnez-vous à chaque axe ?"},
                {"key": "effort", "kind": K.POINTS, "required": True, "total": 100,
                 "options": list(THEMES), "label": "Répartissez 100 points entre ces thèmes "
                 "selon l’effort que l’agglomération devrait y consacrer."},
                {"key": "manque", "kind": K.SINGLE_CHOICE, "required": True, "options": YES_NO,
                 "label": "Manque-t-il une orientation au projet ?"},
            ]),
            ("Pour finir", [
                {"key": "laquelle", "kind": K.SHORT_TEXT, "required": True,
                 "show_if": ("manque", "Oui"), "label": "Laquelle ?"},
                {"key": "adhesion", "kind": K.LIKERT, "required": True, "scale": LIKERT,
                 "label": "Les orientations proposées répondent aux besoins de votre commune."},
            ]),
        ],
    },
]  # fmt: skip
