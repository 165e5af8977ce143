"""The indicators of the Alès demo plan: a dozen series measured from 2018 to 2025, with
their targets for 2020, 2022, 2025 and 2028, linked to axes, orientations, objectives and
actions of the plan.

ILLUSTRATIVE: the figures are invented to be plausible for an agglomération of 130,000
inhabitants; they are not Alès Agglomération's. Three indicators are off target in 2025
(energy use of the community's buildings, cycling's share, brownfields converted), the
others on target; one (rivers in good ecological state, measured every three years) is
left unpublished, as a draft. The values are those of 31 December of each year; the
baseline is the 2018 value. An indicator's pilots are the members who pilot an action it
is linked to (the demo pilot's actions are economic ones).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from faisse.core.french import fold
from faisse.indicators.models import Indicator, IndicatorLink, IndicatorTarget, IndicatorValue
from faisse.plans.models import PlanNode

OBSERVATORY, INSEE, ACTIVITY = "Observatoire territorial", "INSEE", "Rapport d’activité"
TARGET_YEARS = (2020, 2022, 2025, 2028)
FIRST_YEAR = 2018
K, D = Indicator.Kind, Indicator.Direction


@dataclass(frozen=True)
class DemoIndicator:
    title: str
    kind: str
    unit: str
    source: str
    targets: tuple  # for TARGET_YEARS
    values: tuple  # from 2018, one a year (None: not measured that year)
    links: tuple[str, ...]  # the start of the linked nodes' titles, or their number
    direction: str = D.INCREASE
    decimals: int = 0
    published: bool = True
    description: str = ""
    comments: tuple[tuple[int, str], ...] = ()


COVID = (2020, "Crise sanitaire : activité fortement réduite.")
INDICATORS = (
    DemoIndicator(
        "Logements rénovés avec une aide de l’Agglomération",
        K.REALISATION, "logements", ACTIVITY,
        (300, 700, 1300, 2000),
        (0, 140, 290, 460, 720, 930, 1120, 1330),
        ("Intensifier la rénovation des logements anciens",
         "Accompagner la réhabilitation du parc privé", "Réhabiliter/restructurer l’habitat"),
        description="Nombre cumulé depuis 2018 (OPAH, guichet unique de l’habitat).",
    ),
    DemoIndicator(
        "Consommation d’énergie du patrimoine communautaire",
        K.RESULT, "MWh", ACTIVITY,
        (40000, 37500, 34000, 30000),
        (42000, 41800, 36900, 39800, 38000, 36500, 35400, 34600),
        ("Mettre en place une démarche ambitieuse d’économies d’énergie",
         "Œuvrer à une transition énergétique accélérée"),
        direction=D.DECREASE,
        comments=((2020, "Bâtiments fermés pendant le confinement."),),
    ),
    DemoIndicator(
        "Part modale du vélo dans les déplacements domicile-travail",
        K.IMPACT, "%", INSEE,
        (1.5, 2, 3, 4.5),
        (1.2, 1.3, 1.6, 1.8, 1.9, 2.1, 2.3, 2.4),
        ("Développer les déplacements doux", "Créer des voies vertes et pistes cyclables", "2.3"),
        decimals=1,
    ),
    DemoIndicator(
        "Emplois créés dans les entreprises accompagnées",
        K.RESULT, "emplois", ACTIVITY,
        (400, 900, 1600, 2400),
        (120, 290, 380, 610, 920, 1180, 1450, 1690),
        ("Faire de l’agence Alès Myriapolis", "Mettre en place un réseau des entrepreneurs", "1.1"),
        description="Nombre cumulé depuis 2018, déclaré par les entreprises accompagnées.",
    ),
    DemoIndicator(
        "Surface de friches reconverties",
        K.REALISATION, "ha", OBSERVATORY,
        (5, 12, 25, 40),
        (0, 2.5, 4, 7.5, 11, 15.5, 19, 21.5),
        ("Densifier les zones d’activités existantes",
         "Aider à l’innovation et à l’expérimentation", "Aménager terrains et bâtiments"),
        decimals=1,
    ),
    DemoIndicator(
        "Déchets ménagers et assimilés collectés par habitant",
        K.IMPACT, "kg/hab.", OBSERVATORY,
        (590, 570, 540, 510),
        (610, 604, 586, 581, 566, 556, 548, 538),
        ("1.2",),
        direction=D.DECREASE,
    ),
    DemoIndicator(
        "Fréquentation du réseau de bus",
        K.RESULT, "voyages", ACTIVITY,
        (4_400_000, 4_600_000, 5_000_000, 5_500_000),
        (4_200_000, 4_310_000, 3_050_000, 3_900_000, 4_550_000, 4_780_000, 4_930_000, 5_060_000),
        ("Développer les transports en commun", "Ouvrir les quartiers et améliorer leur desserte"),
        comments=(COVID,),
    ),
    DemoIndicator(
        "Communes couvertes par la fibre optique",
        K.REALISATION, "communes", OBSERVATORY,
        (30, 50, 71, 71),
        (12, 19, 31, 44, 52, 60, 66, 71),
        ("Contribuer au déploiement de la téléphonie mobile",
         "Assurer le suivi d’un déploiement pertinent de la fibre"),
    ),
    DemoIndicator(
        "Puissance photovoltaïque installée",
        K.RESULT, "MWc", OBSERVATORY,
        (45, 55, 75, 100),
        (38, 40.5, 44.8, 49.5, 56.2, 63, 69.4, 76.8),
        ("Inciter à la production d’EnR", "Explorer de nouveaux modèles de montage"),
        decimals=1,
    ),
    DemoIndicator(
        "Surfaces agricoles préservées par les portages fonciers",
        K.RESULT, "ha", OBSERVATORY,
        (50, 150, 300, 450),
        (0, 20, 55, 95, 160, 215, 268, 312),
        ("Favoriser les portages de foncier", "Construire un « projet agricole",
         "Soutenir la préservation et l’aménagement d’espaces agricoles"),
    ),
    DemoIndicator(
        "Nuitées touristiques marchandes",
        K.IMPACT, "nuitées", OBSERVATORY,
        (1_200_000, 1_250_000, 1_350_000, 1_450_000),
        (1_150_000, 1_180_000, 820_000, 1_100_000, 1_270_000, 1_310_000, 1_340_000, 1_370_000),
        ("1.4", "Développer l’Office de Tourisme communautaire"),
        comments=(COVID,),
    ),
    DemoIndicator(
        "Maisons et centres de santé ouverts",
        K.REALISATION, "lieux de soins", ACTIVITY,
        (4, 6, 9, 11),
        (3, 3, 4, 5, 6, 7, 8, 9),
        ("Développer l’offre de soins et services de santé",
         "Créer des centres de santé multi-sites"),
    ),
    DemoIndicator(
        "Masses d’eau en bon état écologique",
        K.IMPACT, "%", OBSERVATORY,
        (48, 50, 55, 65),
        (45, 46, None, None, 51, None, None, 55),
        ("Viser le bon état écologique des Gardons", "Protéger les grands paysages"),
        published=False,
        description="Part des masses d’eau du bassin des Gardons, mesurée tous les trois ans.",
    ),
)  # fmt: skip


def find_nodes(nodes: list[PlanNode], keys: tuple[str, ...]) -> list[PlanNode]:
    """The nodes whose number is a key, or whose title starts with one (folded)."""
    found = []
    for key in keys:
        folded = fold(key)
        match = next(
            (n for n in nodes if n.number == key or fold(n.title).startswith(folded)), None
        )
        if match is not None and match not in found:
            found.append(match)
    return found


def decimal(value) -> Decimal:
    return Decimal(str(value))


@transaction.atomic
def load_demo_indicators(plan) -> int:
    """Create the demo's indicators for `plan`; the number created (0 when the plan has
    indicators already: the demo runs once)."""
    if Indicator.objects.filter(plan=plan).exists():
        return 0
    nodes = list(PlanNode.objects.filter(plan=plan, is_published=True).order_by("position", "pk"))
    pilots_of = {}
    for link in PlanNode.pilots.through.objects.filter(plannode__plan=plan).order_by("pk"):
        pilots_of.setdefault(link.plannode_id, []).append(link.user_id)
    reason = _("Démonstration : indicateurs illustratifs")
    territory_id = plan.territory_id
    indicators = bulk_create_with_history(
        [
            Indicator(
                territory_id=territory_id,
                plan=plan,
                title=spec.title,
                kind=spec.kind,
                unit=spec.unit,
                description=spec.description,
                direction=spec.direction,
                decimals=spec.decimals,
                baseline_value=decimal(spec.values[0]),
                baseline_on=date(FIRST_YEAR, 12, 31),
                default_source=spec.source,
                is_published=spec.published,
            )
            for spec in INDICATORS
        ],
        Indicator,
        default_change_reason=reason,
    )
    targets, values, links, pilots = [], [], [], []
    for indicator, spec in zip(indicators, INDICATORS, strict=True):
        linked = find_nodes(nodes, spec.links)
        links += [
            IndicatorLink(indicator=indicator, node=node, territory_id=territory_id)
            for node in linked
        ]
        people = list(dict.fromkeys(u for node in linked for u in pilots_of.get(node.pk, [])))
        pilots += [(indicator.pk, user_id) for user_id in people]
        targets += [
            IndicatorTarget(
                indicator=indicator, territory_id=territory_id, year=year, value=decimal(value)
            )
            for year, value in zip(TARGET_YEARS, spec.targets, strict=True)
        ]
        comments = dict(spec.comments)
        values += [
            IndicatorValue(
                indicator=indicator,
                territory_id=territory_id,
                on=date(year, 12, 31),
                value=decimal(value),
                source=spec.source,
                comment=comments.get(year, ""),
                created_by_id=people[0] if people else None,
            )
            for year, value in enumerate(spec.values, start=FIRST_YEAR)
            if value is not None
        ]
    for model, rows in ((IndicatorTarget, targets), (IndicatorValue, values)):
        bulk_create_with_history(rows, model, default_change_reason=reason)
    bulk_create_with_history(links, IndicatorLink, default_change_reason=reason)
    Indicator.pilots.through.objects.bulk_create(
        Indicator.pilots.through(indicator_id=indicator_id, user_id=user_id)
        for indicator_id, user_id in pilots
    )
    return len(indicators)
