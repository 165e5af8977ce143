"""The vocabulary of the demo's follow-up (faisse/actions/demo.py): services, partners,
financers, programmes, invented people, milestone steps and short notes.

ILLUSTRATIVE: the people below are invented (any likeness to a real élu or agent is
chance); services, partners and financers are the usual ones of a French agglomération,
not a record of who really leads or funds what in Alès Agglomération. Only the four
communes of Petites villes de demain (conventions signed on 27 July 2023: Anduze,
La Grand-Combe, Saint-Hilaire-de-Brethmas, Saint-Jean-du-Gard) come from public sources.
"""

from dataclasses import dataclass

AGGLO = "Alès Agglomération"
REGION, DEPARTMENT = "Région Occitanie", "Département du Gard"
STATE, FEDER, LEADER = "État (DSIL)", "FEDER (Union européenne)", "LEADER (Union européenne)"
BANK, ADEME = "Banque des Territoires", "ADEME"
FINANCERS = (REGION, DEPARTMENT, STATE, FEDER, LEADER, BANK, ADEME)


@dataclass(frozen=True)
class Profile:
    """What an action of one theme gets: who leads it, who helps and funds it, which
    sustainable-development goals it serves, its élu·e and its agents."""

    service: str
    partners: tuple[str, ...]
    financers: tuple[str, ...]
    sdgs: tuple[int, ...]
    referent: str  # an invented vice-president
    agents: tuple[str, ...]  # invented agents, the action's pilots
    structure: str = AGGLO
    effects: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ("Grand public",)
    label: str = ""  # the theme as written on the sheet


# Keyed by the themes of faisse/plans/themes.py ("" = none found).
PROFILES = {
    "économie": Profile(
        "Service développement économique",
        (
            "Chambre de commerce et d’industrie du Gard",
            "Chambre de métiers et de l’artisanat du Gard",
            "France Travail",
        ),
        (REGION, FEDER, BANK, STATE),
        (8, 9),
        "Gérard Bouvier",
        ("Julie Martin", "Karim Benali"),
        structure="Alès Myriapolis",
        audiences=("Acteurs économiques",),
        label="Développement économique",
    ),
    "agriculture et forêt": Profile(
        "Service agriculture et forêt",
        ("Chambre d’agriculture du Gard", "SAFER Occitanie", "Parc national des Cévennes"),
        (LEADER, REGION, DEPARTMENT),
        (2, 12, 15),
        "Sylvie Maurin",
        ("Mathieu Soulier",),
        effects=("Préservation de la biodiversité", "Adaptation au changement climatique"),
        audiences=("Acteurs économiques du secteur primaire",),
        label="Agriculture et forêt",
    ),
    "énergie et climat": Profile(
        "Direction environnement",
        ("ALEC du Gard", "Syndicat mixte d’électricité du Gard", "Communes membres"),
        (ADEME, REGION, FEDER, STATE),
        (7, 13),
        "Marc Deleuze",
        ("Chloé Arnal", "Antoine Roux"),
        effects=(
            "Réduction des consommations énergétiques",
            "Développement des énergies renouvelables",
            "Réduction des émissions de gaz à effet de serre",
        ),
        audiences=("Collectivité elle-même", "Grand public"),
        label="Énergie et climat",
    ),
    "numérique": Profile(
        "Direction du numérique",
        ("Gard Numérique", "Opérateurs de télécommunications", "Communes membres"),
        (REGION, FEDER, STATE, BANK),
        (9, 4),
        "Thierry Pascal",
        ("Nicolas Vidal",),
        audiences=("Grand public", "Autres collectivités du territoire"),
        label="Numérique",
    ),
    "formation": Profile(
        "Service enseignement supérieur et formation",
        ("IMT Mines Alès", "Université de Nîmes", "France Travail"),
        (REGION, STATE, FEDER),
        (4, 8),
        "Isabelle Teissier",
        ("Sarah Boissier",),
        audiences=("Public Scolaire", "Acteurs économiques"),
        label="Formation",
    ),
    "tourisme": Profile(
        "Service tourisme",
        (
            "Comité départemental du tourisme du Gard",
            "Parc national des Cévennes",
            "Prestataires touristiques",
        ),
        (REGION, LEADER, DEPARTMENT),
        (8, 12),
        "Nathalie Chabrol",
        ("Lucas Gaillard",),
        structure="Office de tourisme Cévennes Tourisme",
        audiences=("Acteurs économiques", "Grand public"),
        label="Tourisme",
    ),
    "culture": Profile(
        "Direction de la culture",
        ("Associations culturelles", "Communes membres", "DRAC Occitanie"),
        (REGION, DEPARTMENT, STATE),
        (4, 11),
        "Hélène Rouvière",
        ("Émilie Privat",),
        audiences=("Grand public", "Associations"),
        label="Culture",
    ),
    "habitat": Profile(
        "Service habitat",
        ("ADIL du Gard", "Anah", "Logis Cévenols"),
        (BANK, STATE, REGION, DEPARTMENT),
        (11, 1, 7),
        "Olivier Bonnet",
        ("Thomas Rey",),
        effects=("Efficacité énergétique", "Amélioration de la qualité de vie"),
        label="Habitat",
    ),
    "mobilité": Profile(
        "Direction des mobilités",
        ("SNCF Voyageurs", "Délégataire du réseau de bus", "Communes membres"),
        (STATE, REGION, FEDER, ADEME),
        (11, 13, 9),
        "Jean-Luc Aubanel",
        ("Laura Gibert",),
        effects=(
            "Réduction des émissions de gaz à effet de serre",
            "Réduction des polluants atmosphériques",
        ),
        label="Mobilité",
    ),
    "patrimoine et environnement": Profile(
        "Direction de l’aménagement",
        ("EPTB Gardons", "CAUE du Gard", "Parc national des Cévennes"),
        (REGION, DEPARTMENT, FEDER, LEADER),
        (15, 6, 11),
        "Martine Salles",
        ("Sophie Nègre", "Antoine Roux"),
        effects=("Préservation de la biodiversité", "Adaptation au changement climatique"),
        label="Patrimoine et environnement",
    ),
    "santé et solidarités": Profile(
        "Direction de la cohésion sociale",
        ("ARS Occitanie", "CPAM du Gard", "Associations"),
        (STATE, REGION, DEPARTMENT),
        (3, 10, 1),
        "Françoise Dumas",
        ("Karim Benali", "Julie Martin"),
        effects=("Amélioration de la qualité de vie",),
        audiences=("Grand public", "Associations"),
        label="Santé et solidarités",
    ),
    "sport et loisirs": Profile(
        "Direction des sports",
        ("Associations sportives", "Communes membres"),
        (DEPARTMENT, REGION, STATE),
        (3,),
        "Pierre Combes",
        ("Lucas Gaillard",),
        audiences=("Associations", "Grand public"),
        label="Sport et loisirs",
    ),
    "": Profile(
        "Service jeunesse et politique de la ville",
        ("Mission locale jeunes", "Associations", "Communes membres"),
        (STATE, DEPARTMENT, REGION),
        (10, 4),
        "Françoise Dumas",
        ("Sarah Boissier",),
        audiences=("Grand public", "Associations"),
        label="Cohésion et jeunesse",
    ),
}

# An action's wording decides its budget: works and equipment are investment (50 k€ to
# 3 M€), studies and advocacy small operation budgets, the rest operation (animation,
# support: 5 to 200 k€). First words and folded phrases anywhere in the title.
INVESTMENT_VERBS = frozenset(
    """amenager creer construire creation renover rehabiliter requalifier equiper
    deployer densifier restructurer ouvrir etendre adapter""".split()
)
INVESTMENT_WORDS = (
    "renovation",
    "equipement",
    "construction",
    "amenagement",
    "infrastructures",
    "bornes",
    "voies vertes",
    "maisons de",
    "centres de sante",
    "logements",
)
STUDY_VERBS = frozenset("etudier evaluer explorer identifier".split())
ADVOCACY_VERBS = frozenset("exiger negocier assurer".split())

# Milestone steps in their order; an action takes 2 to 5 of them.
MILESTONE_STEPS = {
    "investment": (
        "Études préalables et programme",
        "Plan de financement bouclé",
        "Maîtrise d’œuvre désignée",
        "Travaux engagés",
        "Réception et mise en service",
    ),
    "operation": (
        "Programme d’actions validé en comité de pilotage",
        "Chargé·e de mission recruté·e",
        "Lancement auprès des partenaires",
        "Premier bilan annuel",
        "Évaluation et suites",
    ),
    "study": (
        "Cahier des charges rédigé",
        "Bureau d’études retenu",
        "Diagnostic partagé",
        "Rendu de l’étude",
        "Décision du conseil communautaire",
    ),
    "advocacy": (
        "Motion du conseil communautaire",
        "Rencontre avec les services de l’État",
        "Courrier aux opérateurs",
        "Engagement écrit obtenu",
        "Suivi de la réalisation",
    ),
}

ADOPTED_NOTE = "Action inscrite au projet de territoire adopté le 28 juin 2018."
START_NOTES = (
    "Lancement de l’action en comité de pilotage.",
    "Démarrage : le marché d’études est notifié.",
    "Lancement officiel avec les partenaires.",
    "Premier comité technique : calendrier et budget arrêtés.",
)
PROGRESS_NOTES = (
    "Comité de pilotage annuel : avancement conforme au calendrier.",
    "Bilan d’étape présenté en commission.",
    "Dossier de subvention déposé, réponse attendue.",
    "Point avec les communes concernées.",
    "Nouvelle tranche engagée après le vote du budget.",
    "Réunion publique d’information organisée.",
)
WORKS_NOTES = (
    "Réunion de chantier : les travaux avancent selon le planning.",
    "Nouvelle tranche de travaux engagée.",
)
DONE_NOTES = (
    "Action réalisée : bilan présenté au conseil communautaire.",
    "Action achevée ; les résultats sont publiés.",
)
WORKS_DONE_NOTE = "Réception des travaux, l’équipement est en service."
LATE_NOTES = (
    "Retard : le calendrier est décalé de plusieurs mois.",
    "Retard lié au recrutement du chargé de mission.",
    "Retard : l’arrêté de subvention se fait attendre.",
)
BACK_ON_TRACK_NOTE = "Le retard est rattrapé, reprise du calendrier."
BLOCKED_NOTES = (
    "Bloqué : le plan de financement n’est pas bouclé.",
    "Bloqué dans l’attente d’une autorisation environnementale.",
    "Bloqué : recours contre le permis de construire.",
)
PAUSED_NOTES = (
    "Mise en pause le temps de redéfinir le programme avec les communes.",
    "Suspendue : les moyens sont reportés sur une action prioritaire.",
)
COVID_PAUSE = ("Suspendue pendant le confinement.", "Reprise après le confinement.")
ABANDONED_NOTES = (
    "Abandon décidé en conseil communautaire : le projet est repris par un partenaire.",
    "Abandonnée lors de la revue à mi-parcours : objectif jugé atteint autrement.",
)
TO_DISCUSS_NOTE = "À réexaminer : le programme est à redéfinir avec les élus."
WAITING_NOTES = (
    "Point d’étape : la situation est présentée au bureau communautaire.",
    "Recherche de solutions avec les partenaires.",
)
PLANNED_NOTES = (
    "Maintenue lors de la revue à mi-parcours du projet.",
    "Inscrite au plan pluriannuel d’investissement.",
    "Études de programmation prévues au budget 2026.",
)
GOVERNANCE = (
    "Comité de pilotage annuel présidé par l’élu·e référent·e.",
    "Comité technique trimestriel avec les partenaires.",
    "Suivi en commission thématique.",
)
RESOURCES = (
    "Un·e chargé·e de mission à mi-temps.",
    "L’équipe du service pilote et un bureau d’études.",
    "Appui de l’ingénierie des partenaires.",
)


@dataclass(frozen=True)
class DemoProgramme:
    """A programme and the actions it takes: those whose title, or an ancestor's,
    contains one of `keywords` (folded), and a `share` of those of its `themes`."""

    kind: str
    name: str
    start_year: int | None
    end_year: int | None
    communes: tuple[str, ...] = ()  # INSEE codes
    keywords: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    share: float = 0.0


ALES = "30007"
PVD_COMMUNES = ("30010", "30132", "30259", "30269")
PROGRAMMES = (
    DemoProgramme(
        "crte",
        "CRTE d’Alès Agglomération",
        2021,
        2026,
        themes=(
            "énergie et climat",
            "mobilité",
            "patrimoine et environnement",
            "économie",
            "habitat",
            "numérique",
        ),
        share=0.45,
    ),
    DemoProgramme(
        "acv",
        "Action cœur de ville (Alès)",
        2018,
        2026,
        (ALES,),
        keywords=(
            "coeur de ville",
            "centre-ville d",
            "centre ville",
            "faubourgs",
            "entrees de ville",
        ),
    ),
    DemoProgramme(
        "city_contract",
        "Contrat de ville d’Alès Agglomération",
        2015,
        2030,
        (ALES,),
        keywords=("politique de la ville", "renouvellement urbain", "npnru", "quartiers"),
    ),
    DemoProgramme(
        "pcaet",
        "Plan climat-air-énergie territorial",
        2020,
        2026,
        keywords=("energie", "enr", "bois energie", "recharge", "pistes cyclables"),
        themes=("énergie et climat", "mobilité"),
        share=0.6,
    ),
    DemoProgramme(
        "scot",
        "SCoT du Pays des Cévennes",
        None,
        None,
        keywords=("urbanisme", "urbaines", "fonciere", "foncier", "paysag", "zones d", "friches"),
    ),
    DemoProgramme(
        "pvd",
        "Petites villes de demain",
        2021,
        2026,
        PVD_COMMUNES,
        keywords=("centre-bourgs",),
    ),
)
