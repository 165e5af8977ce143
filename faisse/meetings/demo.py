"""The meetings of the Alès demo: the 2017-2018 update of the projet de territoire.

What the source and public sources say: five co-construction steps with the élus
(18 workshops in all), hearings of the commission presidents (February–March 2018), the
action plan shared with the élus on 23 May 2018, a meeting with the institutional
partners on 24 May, public meetings in May–June, and the council session of 28 June 2018
where 113 élus adopted the plan unanimously.

ILLUSTRATIVE: the exact days, hours, places, attendance figures and minutes below are
not in the sources; they are written to be plausible (weekday evenings for the élus'
workshops, the communes of the agglomeration in turn), so that the demo shows what a
process looks like in Faïsse. Only the dates of 23 May, 24 May and 28 June, the number of
workshops and the 113 élus present come from the sources.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from faisse.accounts.models import Commission
from faisse.meetings.models import Meeting
from faisse.participation.models import Process, ProcessStep
from faisse.plans.models import PlanNode

K = Meeting.Kind
A = Meeting.Audience
HEADQUARTERS = "Siège d’Alès Agglomération"
PUBLISHED_AFTER = timedelta(days=7)  # minutes published a week after the meeting
ALES = "30007"


@dataclass
class DemoMeeting:
    step: tuple  # (kind, number or start date) of the process step
    kind: str
    title: str
    day: str
    start: str
    end: str
    insee: str
    address: str
    audience: str
    attendance: int
    topics: list = field(default_factory=list)  # (node kind, number) of the plan
    commission: str = ""


def _workshop(number, index, day, insee, address, attendance, topics=(), start="18:00"):
    titles = {
        1: "Connaissance partagée",
        2: "Prospective territoriale",
        3: "Orientations stratégiques",
        4: "Structuration du projet de territoire",
        5: "Plan d’actions",
    }
    end = "20:30" if start == "18:00" else "12:30"
    title = f"Atelier {index} — étape {number} : {titles[number]}"
    return DemoMeeting(
        ("workshop", number), K.WORKSHOP, title, day, start, end, insee, address,
        A.ELECTED, attendance, list(topics),
    )  # fmt: skip


def _o(*numbers: str) -> list[tuple[str, str]]:
    return [("orientation", number) for number in numbers]


def _axis(number: str) -> list[tuple[str, str]]:
    return [("axis", number)]


HALL, GYM, CULTURE = "Salle des fêtes", "Salle polyvalente", "Espace culturel"
# The 18 workshops: 4 + 4 + 4 + 3 + 3, in the communes of the agglomeration in turn.
WORKSHOPS = [
    _workshop(1, 1, "2017-10-10", ALES, HEADQUARTERS, 52),
    _workshop(1, 2, "2017-10-12", "30010", GYM, 38),
    _workshop(1, 3, "2017-10-17", "30132", HALL, 41),
    _workshop(1, 4, "2017-10-19", "30348", HALL, 35),
    _workshop(2, 1, "2017-11-07", ALES, HEADQUARTERS, 47),
    _workshop(2, 2, "2017-11-09", "30269", HALL, 33),
    _workshop(2, 3, "2017-11-14", "30243", CULTURE, 44),
    _workshop(2, 4, "2017-11-16", "30305", GYM, 36),
    _workshop(3, 1, "2017-12-05", ALES, HEADQUARTERS, 55, _o("1.1", "1.2")),
    _workshop(3, 2, "2017-12-07", "30223", HALL, 39, _o("1.3", "1.4")),
    _workshop(3, 3, "2018-01-16", "30294", GYM, 42, _o("2.1", "2.2")),
    _workshop(3, 4, "2018-01-18", "30147", HALL, 37, _o("2.3", "2.4") + _axis("3")),
    _workshop(4, 1, "2018-02-13", ALES, HEADQUARTERS, 58, _axis("1"), start="09:30"),
    _workshop(4, 2, "2018-02-15", ALES, HEADQUARTERS, 54, _axis("2"), start="09:30"),
    _workshop(4, 3, "2018-03-06", ALES, HEADQUARTERS, 51, _axis("3"), start="09:30"),
    _workshop(5, 1, "2018-03-27", "30284", HALL, 46, _axis("1")),
    _workshop(5, 2, "2018-04-05", "30130", GYM, 31, _axis("2")),
    _workshop(5, 3, "2018-04-12", ALES, HEADQUARTERS, 63, _axis("3")),
]

# One hearing per commission (names illustrative; a commission of the territory with the
# same name, when there is one, is the hearing's audience).
COMMISSIONS = [
    ("Développement économique, emploi et enseignement supérieur", "2018-02-20"),
    ("Aménagement du territoire, habitat et urbanisme", "2018-02-22"),
    ("Environnement, énergie et transition écologique", "2018-02-27"),
    ("Transports et mobilités", "2018-03-01"),
    ("Cohésion sociale, politique de la ville et santé", "2018-03-13"),
    ("Culture, sport, tourisme et patrimoine", "2018-03-15"),
]
HEARINGS = [
    DemoMeeting(
        ("hearing", None), K.HEARING, f"Audition du président de la commission « {name} »",
        day, "14:00", "16:00", ALES, HEADQUARTERS, A.COMMISSION, 12, commission=name,
    )
    for name, day in COMMISSIONS
]  # fmt: skip

AXES = [("axis", "1"), ("axis", "2"), ("axis", "3")]
SHARING = [
    DemoMeeting(
        ("meeting", "2018-05-23"), K.OTHER,
        "Partage du plan d’actions avec les élus communautaires",
        "2018-05-23", "18:00", "20:30", ALES, HEADQUARTERS, A.ELECTED, 96, AXES,
    ),
    DemoMeeting(
        ("meeting", "2018-05-24"), K.PARTNERS, "Réunion avec les partenaires institutionnels",
        "2018-05-24", "10:00", "12:30", ALES, HEADQUARTERS, A.PARTNERS, 34, AXES,
    ),
    *[
        DemoMeeting(
            ("meeting", "2018-05-01"), K.PUBLIC_MEETING, f"Réunion publique à {place}",
            day, "18:30", "20:30", insee, hall, A.PUBLIC, people, AXES,
        )
        for place, insee, hall, day, people in [
            ("Anduze", "30010", GYM, "2018-05-29", 64),
            ("La Grand-Combe", "30132", HALL, "2018-05-31", 58),
            ("Saint-Christol-lez-Alès", "30243", CULTURE, "2018-06-05", 71),
            ("Vézénobres", "30348", HALL, "2018-06-07", 43),
            ("Alès", ALES, "Espace Cazot", "2018-06-12", 128),
        ]
    ],
    DemoMeeting(
        ("council", "2018-06-28"), K.COUNCIL,
        "Conseil communautaire : adoption du projet de territoire",
        "2018-06-28", "18:00", "21:30", ALES, "Salle du conseil, " + HEADQUARTERS, A.PUBLIC,
        113, AXES,
    ),
]  # fmt: skip

DEMO_MEETINGS = [*WORKSHOPS, *HEARINGS, *SHARING]


def minutes_of(item: DemoMeeting, commune_name: str) -> str:
    """Illustrative minutes, in the tone of an EPCI's summaries."""
    if item.kind == K.WORKSHOP:
        return (
            f"{item.attendance} élus communautaires présents, à {commune_name}.\n\n"
            "Après une présentation des éléments de diagnostic, les participants ont "
            "travaillé en trois tables (économie et emploi, cadre de vie et mobilités, "
            "solidarités), puis mis en commun leurs propositions.\n\n"
            "Les contributions sont reprises dans la synthèse de l’étape, envoyée à tous "
            "les élus avant l’atelier suivant."
        )
    if item.kind == K.HEARING:
        return (
            f"Le président de la commission « {item.commission} » a présenté les priorités "
            "de sa commission et les projets en cours ; les échanges ont précisé les "
            "actions à inscrire au plan d’actions et les communes concernées."
        )
    if item.kind == K.COUNCIL:
        return (
            "Présentation du projet de territoire actualisé : l’ambition, les trois axes "
            "stratégiques et le plan d’actions.\n\n"
            "Vote : le projet de territoire est adopté à l’unanimité des 113 élus présents "
            "ou représentés."
        )
    return (
        f"{item.attendance} participants, à {commune_name}. Présentation de l’ambition et "
        "des trois axes du projet, puis questions et échanges avec la salle ; les remarques "
        "sont transmises aux élus avant le vote du conseil communautaire du 28 juin 2018."
    )


def _aware(day: str, clock: str) -> datetime:
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock)))


def _step(steps: list[ProcessStep], key: tuple) -> ProcessStep | None:
    kind, value = key
    for step in steps:
        if step.kind != kind:
            continue
        if value is None or step.number == value:
            return step
        if isinstance(value, str) and step.starts_on == date.fromisoformat(value):
            return step
    return None


@transaction.atomic
def load_demo_meetings(process: Process) -> int:
    """Create the demo meetings of the process's territory; returns how many were created.
    A meeting already there (same title and start) is left as it is: running twice adds
    nothing. Hearings are linked to the commission of their name when it exists."""
    territory = process.territory
    steps = list(process.steps.all())
    communes = {c.insee: c for c in territory.communes.defer("boundary")}
    commissions = {c.name.casefold(): c for c in Commission.objects.filter(territory=territory)}
    nodes = {}
    if process.plan_id:
        plan_nodes = PlanNode.objects.filter(
            plan_id=process.plan_id, kind__in=["axis", "orientation"]
        )
        for node in plan_nodes:
            nodes.setdefault((node.kind, node.number), node)
    existing = {
        (meeting.title, meeting.starts_at): meeting
        for meeting in Meeting.objects.filter(territory=territory)
    }
    created = 0
    now = timezone.now()
    for item in DEMO_MEETINGS:
        starts_at = _aware(item.day, item.start)
        commission = commissions.get(item.commission.casefold()) if item.commission else None
        meeting = existing.get((item.title, starts_at))
        if meeting is not None:
            if commission is not None and meeting.commission_id is None:
                meeting.audience, meeting.commission = A.COMMISSION, commission
                meeting.save(update_fields=["audience", "commission", "updated_at"])
            continue
        commune = communes.get(item.insee)
        audience = item.audience
        if audience == A.COMMISSION and commission is None:
            audience = A.ELECTED  # the demo territory has no commission of this name
        meeting = Meeting.objects.create(
            territory=territory,
            step=_step(steps, item.step),
            kind=item.kind,
            title=item.title,
            starts_at=starts_at,
            ends_at=_aware(item.day, item.end),
            commune=commune,
            address=item.address if commune else "",
            online_url="" if commune else "https://visio.example.invalid/ales",
            audience=audience,
            commission=commission,
            attendance=item.attendance if starts_at < now else None,
            minutes=minutes_of(item, commune.name if commune else "") if starts_at < now else "",
            minutes_published_at=_aware(item.day, item.end) + PUBLISHED_AFTER
            if starts_at < now
            else None,
            is_published=True,
        )
        meeting.nodes.set([nodes[key] for key in item.topics if key in nodes])
        created += 1
    return created
