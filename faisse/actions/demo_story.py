"""How the demo's follow-up is drawn (faisse/actions/demo.py writes it): one `Story` per
action, with its status, dates, dated events, milestones, budget and people.

ILLUSTRATIVE: see faisse/actions/demo.py. Every draw goes through the one
`random.Random` given, in the plan's order, so the same plan gives the same story.
"""

import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from faisse.actions import demo_data as data
from faisse.actions.models import BudgetLine
from faisse.actions.statuses import Status
from faisse.core.french import fold, stems
from faisse.plans.models import PlanNode
from faisse.plans.themes import themes_of

REFERENCE_DAY = date(2025, 12, 31)
STATUS_SHARES = (
    (Status.DONE, 30),
    (Status.IN_PROGRESS, 35),
    (Status.LATE, 8),
    (Status.BLOCKED, 4),
    (Status.PLANNED, 15),
    (Status.PAUSED, 4),
    (Status.ABANDONED, 2),
    (Status.TO_DISCUSS, 2),
)
PILOT_STATUSES = (Status.IN_PROGRESS, Status.LATE, Status.IN_PROGRESS)
STARTED = frozenset(
    {Status.DONE, Status.IN_PROGRESS, Status.LATE, Status.BLOCKED, Status.PAUSED, Status.ABANDONED}
)
ACTIVE = frozenset({Status.IN_PROGRESS, Status.LATE, Status.BLOCKED, Status.PAUSED})
YEAR = timedelta(days=365)
Kind, Nature = BudgetLine.Kind, BudgetLine.Nature


def day(rng: random.Random, first: date, last: date) -> date:
    """A day between `first` and `last`, both included (`first` when they cross)."""
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def d(year: int, month: int = 1, dom: int = 1) -> date:
    return date(year, month, dom)


def shared_statuses(count: int, rng: random.Random) -> list[str]:
    """`count` statuses in STATUS_SHARES' proportions (largest remainders), shuffled."""
    exact = [(status, count * share / 100) for status, share in STATUS_SHARES]
    counts = {status: math.floor(value) for status, value in exact}
    by_remainder = sorted(exact, key=lambda item: item[1] - math.floor(item[1]), reverse=True)
    for status, _value in by_remainder[: count - sum(counts.values())]:
        counts[status] += 1
    drawn = [status for status, _share in STATUS_SHARES for _ in range(counts[status])]
    rng.shuffle(drawn)
    return drawn


@dataclass
class Story:
    """One action's generated follow-up, before it is written."""

    node: PlanNode
    status: str
    kind: str  # investment, operation, study, advocacy
    profile: data.Profile
    themes: list[str]
    text: str  # the folded titles of the action and its ancestors
    start: date
    end: date
    stop: date | None = None  # when the final status was set (REFERENCE_DAY if ongoing)
    manual: bool = True  # progress entered by the pilot, or read from milestones
    progress: int | None = None
    continuous: bool = False
    events: list = field(default_factory=list)  # (on, status, progress, note, public)
    milestones: list = field(default_factory=list)  # (title, due_on, done_on)
    fields: dict = field(default_factory=dict)  # the sheet's other fields
    budget: list = field(default_factory=list)  # (kind, nature, year, amount)
    fundings: list = field(default_factory=list)  # (amount, financers' names, year)
    partners: list = field(default_factory=list)
    referents: list = field(default_factory=list)  # members
    programmes: list = field(default_factory=list)  # names


def spaced(folded: str) -> str:
    """Words separated by single spaces: "la grand-combe" → "la grand combe"."""
    return " ".join(re.split(r"\W+", folded)).strip()


def action_kind(title: str) -> str:
    folded = fold(title)
    first = folded.split()[0] if folded.split() else ""
    if first in data.STUDY_VERBS:
        return "study"
    if first in data.ADVOCACY_VERBS:
        return "advocacy"
    if first in data.INVESTMENT_VERBS or any(w in folded for w in data.INVESTMENT_WORDS):
        return "investment"
    return "operation"


def action_themes(node: PlanNode, ancestors: list[PlanNode]) -> list[str]:
    """The themes of faisse/plans/themes.py the action speaks of, its own words counting
    twice its ancestors'; at most two, "" when none."""
    found = Counter()
    for theme in themes_of(stems(node.title)):
        found[theme.lstrip("#")] += 2
    for ancestor in ancestors:
        for theme in themes_of(stems(ancestor.title)):
            found[theme.lstrip("#")] += 1
    ranked = found.most_common(2)
    return [theme for theme, count in ranked if 2 * count >= ranked[0][1]] or [""]


def dates_for(rng: random.Random, status: str, overdue: bool) -> tuple[date, date, date | None]:
    """(start, end, stop) agreeing with the final status."""
    S = Status
    if status == S.DONE:
        start = day(rng, d(2018, 9), d(2023, 6, 30))
        end = min(
            start + timedelta(days=rng.randint(300, 1800)), day(rng, d(2025, 6), d(2025, 11, 30))
        )
        return start, end, end
    if status == S.IN_PROGRESS:
        start = day(rng, d(2018, 9), d(2025, 6, 30))
        if overdue and start < d(2025, 3):
            end = day(rng, max(start + timedelta(days=270), d(2024, 3)), d(2025, 11, 30))
        else:
            end = day(rng, max(start + timedelta(days=540), d(2026, 3)), d(2030, 12, 31))
        return start, end, REFERENCE_DAY
    if status in (S.LATE, S.BLOCKED, S.PAUSED):
        start = day(rng, d(2018, 9), d(2023, 6, 30))
        earliest, ends = {
            S.LATE: (d(2024, 1, 15), (d(2025, 6), d(2027, 6, 30))),
            S.BLOCKED: (d(2024, 3), (d(2025, 9), d(2028, 12, 31))),
            S.PAUSED: (d(2022, 6), (d(2026, 1), d(2029, 12, 31))),
        }[status]
        stop = day(rng, max(start + YEAR, earliest), d(2025, 10, 31))
        return start, day(rng, *ends), stop
    if status == S.ABANDONED:
        start = day(rng, d(2018, 9), d(2021, 6, 30))
        return start, start + 3 * YEAR, day(rng, start + YEAR, min(start + 2 * YEAR, d(2024, 6)))
    if status == S.TO_DISCUSS:
        start = day(rng, d(2026, 6), d(2027, 12, 31))
        return start, start + 2 * YEAR, day(rng, d(2023, 1), d(2025, 11, 30))
    start = day(rng, d(2026, 1), d(2028, 6, 30))  # À venir
    return start, min(start + rng.randint(1, 4) * YEAR, d(2030, 12, 31)), None


FINAL_PROGRESS = {
    Status.IN_PROGRESS: (15, 90),
    Status.LATE: (20, 70),
    Status.BLOCKED: (10, 60),
    Status.PAUSED: (10, 50),
    Status.ABANDONED: (5, 30),
}
FINAL_NOTES = {
    Status.DONE: data.DONE_NOTES,
    Status.LATE: data.LATE_NOTES,
    Status.BLOCKED: data.BLOCKED_NOTES,
    Status.PAUSED: data.PAUSED_NOTES,
    Status.ABANDONED: data.ABANDONED_NOTES,
}


def write_story(rng: random.Random, story: Story) -> None:
    """The story's milestones and dated events, from "" to its final status."""
    S, events = Status, story.events
    events.append(
        (day(rng, d(2018, 7, 2), d(2018, 8, 31)), S.PLANNED, None, data.ADOPTED_NOTE, True)
    )
    if story.status not in STARTED:
        add_milestones(rng, story, 0)
        if story.status == S.TO_DISCUSS:
            events.append((story.stop, S.TO_DISCUSS, None, data.TO_DISCUSS_NOTE, False))
        elif rng.random() < 0.5:
            events.append(
                (day(rng, d(2023, 3), d(2023, 6, 30)), None, None, data.PLANNED_NOTES[0], False)
            )
        if story.status == S.PLANNED and rng.random() < 0.8:
            note = rng.choice(data.PLANNED_NOTES[1:])
            events.append(
                (day(rng, d(2025, 1, 15), d(2025, 12, 15)), None, None, note, rng.random() < 0.3)
            )
        return
    start, stop = story.start, story.stop
    low, high = FINAL_PROGRESS.get(story.status, (100, 100))
    final = 100 if story.status == S.DONE else 5 * rng.randint(low // 5, high // 5)
    first = rng.choice((0, 5, 10)) if story.manual else None
    final = max(final, (first or 0) + 10)
    events.append((start, S.IN_PROGRESS, first, rng.choice(data.START_NOTES), rng.random() < 0.5))
    window = hiccup(rng, story)
    checkpoints = []
    for year in range(start.year, stop.year + 1):
        on = day(
            rng,
            max(start + timedelta(days=30), d(year, 1, 15)),
            min(stop - timedelta(days=20), d(year, 12, 15)),
        )
        if start < on < stop and not (window and window[0] <= on <= window[1]):
            checkpoints.append(on)
    reached = final if story.status != S.DONE else rng.choice((70, 80, 90))
    for index, on in enumerate(checkpoints, start=1):
        value = None
        if story.manual:
            value = first + round((reached - first) * index / len(checkpoints) / 5) * 5
        notes = data.PROGRESS_NOTES + (data.WORKS_NOTES if story.kind == "investment" else ())
        events.append((on, None, value, rng.choice(notes), rng.random() < 0.3))
    progress_now = (first if not checkpoints else reached) if story.manual else None
    add_milestones(rng, story, final / 100)  # the reports read the milestones reached
    if story.status != S.IN_PROGRESS:
        value = 100 if story.status == S.DONE and story.manual else None
        public = story.status in (S.DONE, S.ABANDONED)
        notes = FINAL_NOTES[story.status]
        if story.status == S.DONE and story.kind == "investment":
            notes += (data.WORKS_DONE_NOTE,)
        events.append((stop, story.status, value, rng.choice(notes), public))
        if story.status in ACTIVE and stop < d(2025, 9):
            note = rng.choice(data.WAITING_NOTES)
            events.append(
                (
                    day(rng, max(stop + timedelta(days=20), d(2025, 1, 15)), d(2025, 12, 15)),
                    None,
                    None,
                    note,
                    False,
                )
            )
    story.progress = 100 if story.status == S.DONE else progress_now


def hiccup(rng: random.Random, story: Story) -> tuple[date, date] | None:
    """Sometimes a pause during the spring 2020 lockdown, or a late period put right."""
    start, stop, events = story.start, story.stop, story.events
    if stop - start < 2 * YEAR or story.status not in (Status.DONE, Status.IN_PROGRESS):
        return None
    draw = rng.random()
    if draw < 0.25 and start < d(2020, 3) and stop > d(2020, 9):
        window = (d(2020, 3, 17), d(2020, 6, 2))
        events.append((window[0], Status.PAUSED, None, data.COVID_PAUSE[0], False))
        events.append((window[1], Status.IN_PROGRESS, None, data.COVID_PAUSE[1], False))
        return window
    if draw > 0.8:
        late = day(rng, start + timedelta(days=200), stop - timedelta(days=400))
        window = (late, late + timedelta(days=rng.randint(90, 200)))
        events.append((window[0], Status.LATE, None, rng.choice(data.LATE_NOTES), False))
        events.append((window[1], Status.IN_PROGRESS, None, data.BACK_ON_TRACK_NOTE, False))
        return window
    return None


def add_milestones(rng: random.Random, story: Story, share: float) -> None:
    """2 to 5 steps; `share` of them reached, spread between the start and the stop; the
    others due until the end, sometimes one already overdue."""
    steps = data.MILESTONE_STEPS[story.kind]
    count = rng.randint(2, 5)
    titles = [steps[i] for i in sorted(rng.sample(range(len(steps)), count))]
    S = Status
    reached = count if story.status == S.DONE else min(count - 1, round(share * count))
    start, stop, end = story.start, story.stop, story.end
    done_on = []
    for index in range(reached):
        if story.status == S.DONE:
            on = start + (stop - start) * (index + 1) / reached
        else:
            on = start + (stop - start) * (index + 1) / (reached + 1)
        if on != stop:
            on += timedelta(days=rng.randint(-20, 20))
        done_on.append(min(stop, max(start, on)))
    done_on.sort()
    after = done_on[-1] if done_on else start
    for index, title in enumerate(titles):
        if index < reached:
            due = done_on[index] + timedelta(days=rng.randint(-30, 45))
            story.milestones.append((title, min(max(due, start), end), done_on[index]))
            continue
        left = count - reached
        due = after + (end - after) * (index - reached + 1) / left
        if story.status == S.ABANDONED:
            due = None
        elif index == reached and story.status in ACTIVE and rng.random() < 0.3:
            overdue = day(rng, REFERENCE_DAY - timedelta(days=200), REFERENCE_DAY - YEAR / 36)
            due = min(due, max(after, overdue))  # already overdue at the end of 2025
        story.milestones.append((title, due, None))


# --- the sheet's other fields: budgets, people, organisations, programmes --------------

BUDGET_RANGES = {
    "investment": (50_000, 3_000_000),
    "operation": (5_000, 200_000),
    "study": (15_000, 120_000),
    "advocacy": (5_000, 30_000),
}


def euros(amount: float) -> Decimal:
    """Rounded to the hundred euros, at least 100 €."""
    return Decimal(max(1, round(amount / 100)) * 100)


def draw_budget(rng: random.Random, story: Story) -> None:
    """Planned lines per year over the action's years, actual ones up to 2025 for a
    started action, 1 to 3 fundings below the planned total. An action to discuss has
    only a total, as Territoires en Transitions' files give it."""
    S = Status
    if story.status == S.TO_DISCUSS:
        story.fields["budget_total"] = Decimal(rng.randrange(20, 300) * 1000)
        return
    low, high = BUDGET_RANGES[story.kind]
    total = math.exp(rng.uniform(math.log(low), math.log(high)))
    section = Kind.INVESTMENT if story.kind == "investment" else Kind.OPERATION
    last = story.stop.year if story.status == S.ABANDONED else min(story.end.year, 2030)
    years = range(story.start.year, last + 1)
    weights = [rng.uniform(0.5, 1.5) for _year in years]
    planned = Decimal(0)
    for year, weight in zip(years, weights, strict=True):
        amount = euros(total * weight / sum(weights))
        planned += amount
        story.budget.append((section, Nature.PLANNED, year, amount))
        if story.status in STARTED and year <= REFERENCE_DAY.year:
            actual = euros(float(amount) * rng.uniform(0.6, 1.1))
            story.budget.append((section, Nature.ACTUAL, year, actual))
    if story.status == S.ABANDONED or (story.status == S.PLANNED and rng.random() < 0.5):
        return
    financers = rng.sample(story.profile.financers, rng.choice((1, 1, 2, 2, 3)))
    funded = float(planned) * rng.uniform(0.3, 0.75)
    shares = [rng.uniform(0.5, 1.5) for _name in financers]
    for name, share in zip(financers, shares, strict=True):
        names = [name]
        if rng.random() < 0.12:  # "Région, Département" for one amount
            names.append(rng.choice([f for f in data.FINANCERS if f not in financers]))
        amount = Decimal(math.floor(funded * share / sum(shares) / 100) * 100)
        granted = rng.randint(story.start.year, max(story.start.year, min(last, 2025)))
        story.fundings.append((amount, names, granted))


def draw_fields(rng: random.Random, story: Story, elected: list) -> None:
    """Priority, participation, texts, people, organisations, programmes, SDGs."""
    S, profile = Status, story.profile
    urgent = story.status in (S.DONE, S.IN_PROGRESS, S.LATE, S.BLOCKED)
    priorities = ("high", "medium", "low")
    story.fields.update(
        priority=rng.choices(priorities, (35, 45, 20) if urgent else (15, 45, 40))[0],
        participation=rng.choices(
            ("none", "information", "consultation", "concertation", "co_construction"),
            (30, 30, 20, 15, 5),
        )[0],
        governance=rng.choice(data.GOVERNANCE) if rng.random() < 0.6 else "",
        resources=rng.choice(data.RESOURCES) if rng.random() < 0.5 else "",
        expected_effects=list(profile.effects[: rng.randint(1, 2)]) if profile.effects else [],
        target_audiences=list(profile.audiences),
        themes=[data.PROFILES[theme].label for theme in story.themes],
        sdgs=sorted({n for theme in story.themes for n in data.PROFILES[theme].sdgs}),
    )
    story.partners = rng.sample(profile.partners, rng.randint(0, 2))
    text = spaced(story.text.replace("ales agglomeration", "").replace("les ales", ""))
    named = [user for user, commune in elected if f" {commune} " in f" {text} "]
    if named:
        story.referents = [rng.choice(named)]
    else:
        story.fields["referent_names"] = [profile.referent]
    last = story.stop if story.status == S.ABANDONED else story.end
    for programme in data.PROGRAMMES:
        if programme.start_year and not (
            story.start.year <= programme.end_year and last.year >= programme.start_year
        ):
            continue
        if any(word in story.text for word in programme.keywords) or (
            set(story.themes) & set(programme.themes) and rng.random() < programme.share
        ):
            story.programmes.append(programme.name)
