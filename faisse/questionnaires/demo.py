"""Questionnaires n°1 and n°2 of the Alès demo, with generated answers and published results.

The source names two questionnaires to the élus between the workshop steps (700+ answers)
but gives neither their questions nor their answers. `load_demo_questionnaires` builds
them plausibly from the plan (QUESTIONNAIRES below; docs/questionnaires.md, "Démo"), on
the process's steps "Questionnaire n°1" (the shared diagnosis, after step 2) and
"Questionnaire n°2" (the priorities, after step 3: a ranking of the plan's orientation
nodes, a majority-judgment grid on its axes, 100 points…), for the élus (a known list,
not anonymous), closed in 2017–2018, with results published to everyone.

ILLUSTRATIVE — the answers are generated: each commune invites its municipal councillors
(the council size of its population, 1,147 in all; rows without an account, with their
commune and role); about a third answer, some communes more than others, at least one
per commune (about 380 responses each). Choices lean as such an élu plausibly would:
employment and mobility first, tourism, heritage and missing services more in the small
Cévennes communes. A seeded `random.Random` makes the figures the same at each
installation. Every answer goes through `checking.check_all`, as the form's do, so that
a generated answer the form would refuse stops the script; rows are written in bulk.
Running it twice changes nothing: a questionnaire whose number the territory already
has is left as it is.
"""

import random
from datetime import datetime, timedelta
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.participation.models import Process, ProcessStep
from faisse.plans.models import PlanNode
from faisse.questionnaires import tallies
from faisse.questionnaires.checking import answer_rows, check_all
from faisse.questionnaires.demo_data import (
    AXIS_MEDIANS,
    EXPECTATIONS,
    JOURNEYS,
    MISSING,
    ORIENTATION_WEIGHTS,
    QUESTIONNAIRES,
    SERVICES,
    STRENGTHS,
    THEMES,
    WEAKNESSES,
)
from faisse.questionnaires.models import (
    Answer,
    Option,
    Question,
    Questionnaire,
    Respondent,
    Response,
    Section,
    response_key,
)
from faisse.questionnaires.outline import Outline

SEED = 2018
BATCH = 1000
ANSWER_RATE = 0.32  # share of the invited élus who answer, before each commune's own zeal
ZEAL = [0.5, 0.7, 0.9, 1.0, 1.0, 1.2, 1.5, 1.9]

# Seats of a municipal council by population (Code électoral, art. L2121-2).
COUNCIL_SEATS = [
    (100, 7), (500, 11), (1500, 15), (2500, 19), (3500, 23), (5000, 27),
    (10000, 29), (20000, 33), (30000, 35), (40000, 39), (50000, 43),
]  # fmt: skip


def _size(commune) -> int:
    """0 for a small commune (under 1,000 inhabitants), 2 from 5,000, else 1."""
    population = commune.population or 0
    return 0 if population < 1000 else 2 if population >= 5000 else 1


def _draw(rng: random.Random, weights: dict, count: int) -> list:
    """`count` keys drawn without replacement, each in proportion to its weight; all of
    them in that order is a Plackett–Luce ranking."""
    left, drawn = dict(weights), []
    for _ in range(min(count, len(left))):
        key = rng.choices(list(left), weights=list(left.values()))[0]
        drawn.append(key)
        del left[key]
    return drawn


def _shares(rng: random.Random, weights: list[float], total: int) -> list[int]:
    """`total` points in steps of 5, around the weights; some élus leave themes at 0."""
    noisy = [w * rng.uniform(0.3, 1.7) * (rng.random() > 0.15) for w in weights]
    noisy[weights.index(max(weights))] += 1
    points = [5 * round(n / sum(noisy) * total / 5) for n in noisy]
    points[points.index(max(points))] += total - sum(points)
    return points


def answer_for(question, commune, index: int, values: dict, rng: random.Random):
    """The raw answer (as the form posts it) of the `index`-th élu of the commune, or
    None when left empty; `values` holds the raw answers given so far."""
    size = _size(commune)
    ids = {option.label: str(option.pk) for option in question.choices}
    key = question.key

    def lean(table: dict) -> dict:
        return {ids[label]: weights[size] for label, weights in table.items()}

    if key == "commune":
        return commune.insee
    if key == "mandat":
        if index == 0:
            return ids["Maire"]
        options = list(ids.values())[1:]
        return rng.choices(options, weights=[4, 1.5 + size, 6])[0]
    if key in ("atouts", "faiblesses", "trajets"):
        table = {"atouts": STRENGTHS, "faiblesses": WEAKNESSES, "trajets": JOURNEYS}[key]
        return _draw(rng, lean(table), rng.choice([1, 2, 3, 3, 3]))
    if key in ("attractivite", "adhesion"):
        weights = [1, 3, 5 + size, 2 + size] if key == "attractivite" else [0.5, 2, 6, 4]
        return str(rng.choices([1, 2, 3, 4], weights=weights)[0])
    if key == "services":
        return {
            ids[row]: [str(rng.choices([1, 2, 3], weights=odds[size])[0])]
            for row, odds in SERVICES.items()
        }
    if key in ("mobilite", "manque"):
        odds = (0.85, 0.7, 0.5)[size] if key == "mobilite" else 0.22
        return ids["Oui"] if rng.random() < odds else ids["Non"]
    if key == "attentes":
        if rng.random() > 0.3:
            return None
        return " ".join(rng.sample(EXPECTATIONS, rng.choice([1, 1, 2])))
    if key == "laquelle":
        return rng.choices(list(MISSING), weights=list(MISSING.values()))[0]
    if key == "classement":
        weights = {
            str(option.pk): ORIENTATION_WEIGHTS.get(option.node.number, (1, 1, 1))[size]
            for option in question.choices
            if option.node is not None
        }
        return {pk: str(rank) for rank, pk in enumerate(_draw(rng, weights, len(weights)), 1)}
    if key == "axes":
        grades = {}
        for option in question.choices:
            median = AXIS_MEDIANS.get(option.node.number if option.node else "", (3, 3, 3))[size]
            grades[str(option.pk)] = str(min(7, max(1, round(rng.gauss(median, 1.1)))))
        return grades
    if key == "effort":
        points = _shares(rng, [THEMES[o.label][size] for o in question.choices], question.total)
        return {str(o.pk): str(n) for o, n in zip(question.choices, points, strict=True)}
    return None


def council_seats(population: int | None) -> int:
    for limit, seats in COUNCIL_SEATS:
        if (population or 0) < limit:
            return seats
    return 45


def _aware(day: str, hour: int = 0) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(day) + timedelta(hours=hour))


def _step(process: Process, number: int) -> ProcessStep | None:
    return process.steps.filter(kind=ProcessStep.Kind.QUESTIONNAIRE, number=number).first()


def _nodes(process: Process) -> dict[str, list[PlanNode]]:
    """The plan's axes and orientations, in the order of their numbers."""
    found: dict[str, list[PlanNode]] = {"axis": [], "orientation": []}
    if process.plan_id is None:
        return found
    nodes = PlanNode.objects.filter(plan_id=process.plan_id, kind__in=list(found))
    for node in sorted(nodes, key=lambda n: [int(p) for p in n.number.split(".") if p.isdigit()]):
        found[node.kind].append(node)
    return found


def _build(process: Process, spec: dict, nodes: dict) -> Questionnaire:
    """The questionnaire, its pages, questions and options (a few dozen rows)."""
    territory = process.territory
    questionnaire = Questionnaire.objects.create(
        territory=territory,
        step=_step(process, spec["number"]),
        number=spec["number"],
        title=spec["title"],
        description=spec["description"],
        audience=Questionnaire.Audience.MEMBERS,
        group=Questionnaire.Group.ELECTED,
        anonymous=False,
        opens_on=_aware(spec["opens_on"], 9),
        closes_on=_aware(spec["closes_on"], 23),
        published_at=_aware(spec["opens_on"], 8),
        results_visibility=Questionnaire.ResultsVisibility.PUBLIC,
    )
    questions: dict[str, Question] = {}
    for position, (title, items) in enumerate(spec["pages"]):
        section = Section.objects.create(
            territory=territory, questionnaire=questionnaire, title=title, position=position
        )
        for index, item in enumerate(items):
            fields = {k: v for k, v in item.items() if k not in ("options", "nodes", "show_if")}
            question = Question.objects.create(
                territory=territory,
                questionnaire=questionnaire,
                section=section,
                position=index,
                **fields,
            )
            labels = [(label, None) for label in item.get("options", [])]
            labels += [(node.label, node) for node in nodes.get(item.get("nodes", ""), [])]
            Option.objects.bulk_create(
                Option(territory=territory, question=question, position=i, label=label, node=node)
                for i, (label, node) in enumerate(labels)
            )
            if "show_if" in item:
                source_key, label = item["show_if"]
                question.show_if_question = questions[source_key]
                question.show_if_option = questions[source_key].options.get(label=label)
                question.save(update_fields=["show_if_question", "show_if_option"])
            questions[question.key] = question
    return questionnaire


def _invited(territory, rng: random.Random) -> list[tuple]:
    """(commune, council seats, zeal) for each commune: some answer more than others."""
    return [
        (commune, council_seats(commune.population), rng.choice(ZEAL))
        for commune in territory.communes.defer("boundary").order_by("insee")
    ]


def _fill(questionnaire: Questionnaire, spec: dict, invited: list, rng: random.Random) -> int:
    """The known list, the responses and their answers; returns the responses written."""
    territory_id = questionnaire.territory_id
    outline = Outline.load(questionnaire)
    opens, closes = questionnaire.opens_on, questionnaire.closes_on
    window = (closes - opens).total_seconds()
    respondents, responses, values_of = [], [], []
    for commune, seats, zeal in invited:
        share = ANSWER_RATE * zeal * rng.uniform(0.85, 1.15)
        answering = min(seats, max(1, round(seats * share)))  # at least the maire
        for index in range(seats):
            answered = index < answering
            respondents.append(
                Respondent(
                    territory_id=territory_id,
                    questionnaire=questionnaire,
                    commune=commune,
                    role=Role.ELECTED,
                    sent_at=opens,
                    answered=answered,
                )
            )
            if not answered:
                continue
            values = {}
            for question in outline.questions:
                raw = answer_for(question, commune, index, values, rng)
                if raw is not None:
                    values[question.key] = raw
            typed, errors = check_all(outline, values)
            if errors:  # a generator's mistake: stop rather than write a wrong answer
                raise ValueError(f"{commune.name}: {list(errors.values())[0]}")
            moment = opens + timedelta(seconds=window * rng.random() ** 1.6)
            responses.append(
                Response(
                    territory_id=territory_id,
                    questionnaire=questionnaire,
                    key_hash=response_key(f"demo-{questionnaire.pk}-{len(responses)}"),
                    commune=commune,
                    role=Role.ELECTED,
                    submitted_at=moment,
                )
            )
            values_of.append(typed)
    Respondent.objects.bulk_create(respondents, batch_size=BATCH)
    Response.objects.bulk_create(responses, batch_size=BATCH)
    _insert_answers(
        (territory_id, response.pk, outline.by_key[key].pk, row.get("option_id"),
         row.get("number"), row.get("commune_id"), row.get("text", ""))
        for response, typed in zip(responses, values_of, strict=True)
        for key, value in typed.items()
        for row in answer_rows(outline.by_key[key], value, outline)
    )  # fmt: skip
    tallies.recount(questionnaire)  # the answers were written without the ORM
    return len(responses)


def _insert_answers(rows) -> None:
    """Plain INSERTs: the ORM's model instances would cost most of the demo's time."""
    table = Answer._meta.db_table
    columns = "territory_id, response_id, question_id, option_id, number, commune_id, text"
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 7)})"
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, BATCH)):
            cursor.executemany(sql, batch)


@transaction.atomic
def load_demo_questionnaires(process: Process) -> int:
    """Create questionnaires n°1 and n°2 of the process's territory with their generated
    answers; returns how many responses were written (0 when both are already there)."""
    territory = process.territory
    present = set(
        Questionnaire.objects.filter(territory=territory, number__isnull=False).values_list(
            "number", flat=True
        )
    )
    nodes = _nodes(process)
    rng = random.Random(SEED)
    invited = _invited(territory, rng)
    written = 0
    for spec in QUESTIONNAIRES:
        # One generator per questionnaire: n°2 gets the same answers whether n°1 was
        # written now or before.
        answers_rng = random.Random(f"{SEED}-{spec['number']}")
        if spec["number"] in present:
            continue
        questionnaire = _build(process, spec, nodes)
        written += _fill(questionnaire, spec, invited, answers_rng)
    return written
