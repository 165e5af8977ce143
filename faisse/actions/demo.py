"""The follow-up of the Alès demo plan: a sheet for every published action, as the plan
would look at the end of 2025, so that the dashboards, the pilots' space and the 2025
yearly report show something real.

ILLUSTRATIVE: everything written here is generated, none of it is Alès Agglomération's
real follow-up. A fixed seed (`random.Random(2025)`) gives the same plan at every install;
the snapshot is taken on 31 December 2025 (REFERENCE_DAY), so 2025 is a full year.

What is generated, per published action, in the plan's order:
- a final status, drawn so that the plan has about 30 % Réalisé, 35 % En cours, 8 % En
  retard, 4 % Bloqué, 15 % À venir, 4 % En pause, 2 % Abandonné and 2 % À discuter
  (exact shares, then shuffled); the demo pilot's actions are En cours, En retard, and En
  cours past its end date, so that their space has something to do;
- start and end dates between 2018 and 2030 that agree with the status (done ones ended
  before 2026, some ongoing ones are past their end date and show late);
- the dated story that leads there (ActionUpdate rows): "" → À venir at the adoption in
  2018, À venir → En cours at the start, a yearly point (with the progress when the
  pilot enters it), sometimes a pause in spring 2020 or a late period put right, then
  the final move; every move follows faisse/actions/statuses.py's TRANSITIONS;
- progress entered by the pilot, or read from 2 to 5 milestones (some reached, some late);
- budget lines by year from the action's wording (investment or operation), actual
  amounts for the years up to 2025 (planned × U(0.6, 1.1)), 1 to 3 fundings below the
  planned total;
- the lead service, structure and partners, programmes, SDGs and themes from the words of
  the action and of its ancestors (faisse/plans/themes.py); invented pilots and
  vice-presidents as names, and the demo's élu·es as referents of the actions that name
  their commune.
The drawing is in faisse/actions/demo_story.py, the words in demo_data.py; this module
writes it all, bulk-created with its history (about a second on a busy laptop). Draft
actions (the élus' accepted proposals) get no sheet: nothing has happened to them yet.
"""

import random
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from faisse.accounts.models import Membership, Role
from faisse.actions import demo_data as data
from faisse.actions.demo_story import (
    PILOT_STATUSES,
    REFERENCE_DAY,
    Story,
    action_kind,
    action_themes,
    dates_for,
    draw_budget,
    draw_fields,
    shared_statuses,
    spaced,
    write_story,
)
from faisse.actions.models import (
    ActionSheet,
    ActionUpdate,
    BudgetLine,
    Funding,
    Milestone,
    Organisation,
    Programme,
)
from faisse.actions.statuses import TRANSITIONS, Status
from faisse.core.french import fold
from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree
from faisse.territories.models import Commune

SEED = 2025
__all__ = ["REFERENCE_DAY", "SEED", "draw_follow_up", "load_demo_follow_up"]


def make_stories(rng: random.Random, tree: PlanTree, actions: list, piloted: dict, elected):
    drawn = shared_statuses(len(actions), rng)
    pilot_positions = [i for i, node in enumerate(actions) if node.pk in piloted]
    for position, wanted in zip(pilot_positions, PILOT_STATUSES, strict=False):
        if drawn[position] != wanted:
            other = next(
                i for i, found in enumerate(drawn) if found == wanted and i not in pilot_positions
            )
            drawn[position], drawn[other] = drawn[other], drawn[position]
    overdue_pilot = pilot_positions[2:3]
    stories = []
    for position, (node, status) in enumerate(zip(actions, drawn, strict=True)):
        ancestors = tree.ancestors(node)
        kind = action_kind(node.title)
        themes = action_themes(node, ancestors)
        overdue = position in overdue_pilot or (
            position not in pilot_positions and rng.random() < 0.25
        )
        start, end, stop = dates_for(rng, status, overdue)
        story = Story(
            node=node,
            status=status,
            kind=kind,
            profile=data.PROFILES[themes[0]],
            themes=themes,
            text=fold(" ".join(n.title for n in [*ancestors, node])),
            start=start,
            end=end,
            stop=stop,
            manual=rng.random() < 0.6,
        )
        if status == Status.IN_PROGRESS and kind == "operation" and not overdue:
            story.continuous = rng.random() < 0.25
            if story.continuous:  # followed until the plan's horizon, never late
                story.end = date(2028, 12, 31)
        write_story(rng, story)
        draw_budget(rng, story)
        draw_fields(rng, story, elected)
        if node.pk not in piloted:
            story.fields["pilot_names"] = [rng.choice(story.profile.agents)]
        stories.append(story)
    return stories


def update_rows(story: Story, sheet: ActionSheet, author) -> list[ActionUpdate]:
    """The story's events as ActionUpdates, in order, as record_update writes them."""
    rows, status, progress = [], "", None
    for on, new_status, new_progress, note, public in sorted(story.events, key=lambda e: e[0]):
        moved = new_status is not None and new_status != status
        if moved and new_status not in TRANSITIONS[status]:
            raise ValueError(f"{story.node.pk}: {status} → {new_status}")
        changed = new_progress is not None and new_progress != progress
        rows.append(
            ActionUpdate(
                sheet=sheet,
                plan_id=sheet.plan_id,
                territory_id=sheet.territory_id,
                on=on,
                author=author,
                old_status=status,
                new_status=new_status if moved else "",
                old_progress=progress,
                new_progress=new_progress if changed else None,
                note=note,
                is_public=public,
            )
        )
        status = new_status if moved else status
        progress = new_progress if changed else progress
    assert status == story.status, story.node.pk
    return rows


def ensure_organisations(territory, stories: list[Story]) -> dict[str, Organisation]:
    names = {data.AGGLO, *data.FINANCERS}
    for story in stories:
        names |= {story.profile.service, story.profile.structure, *story.partners}
        names |= {name for _amount, financers, _year in story.fundings for name in financers}
    known = {o.folded: o for o in Organisation.objects.filter(territory=territory)}
    missing = sorted(name for name in names if fold(name) not in known)
    Organisation.objects.bulk_create(
        Organisation(territory=territory, name=name, folded=fold(name)) for name in missing
    )
    known = {o.folded: o for o in Organisation.objects.filter(territory=territory)}
    return {name: known[fold(name)] for name in names}


def ensure_programmes(territory) -> dict[str, Programme]:
    known = {p.name: p for p in Programme.objects.filter(territory=territory)}
    missing = [p for p in data.PROGRAMMES if p.name not in known]
    created = Programme.objects.bulk_create(
        Programme(
            territory=territory,
            kind=p.kind,
            name=p.name,
            start_year=p.start_year,
            end_year=p.end_year,
        )
        for p in missing
    )
    communes = dict(Commune.objects.filter(territory=territory).values_list("insee", "pk"))
    Programme.communes.through.objects.bulk_create(
        Programme.communes.through(programme_id=programme.pk, commune_id=communes[insee])
        for programme, spec in zip(created, missing, strict=True)
        for insee in spec.communes
        if insee in communes
    )
    return {**known, **{p.name: p for p in created}}


def draw_follow_up(plan) -> tuple[list[Story], dict]:
    """The stories of `plan`'s published actions, in the plan's order, drawn from the
    seed (nothing written), and the author of each action's updates: its pilot, else
    the territory's first editor."""
    tree = PlanTree.load(plan)
    seen, actions = set(), []
    for entry in tree.walk():
        if entry.node.kind == PlanNode.Kind.ACTION and entry.node.pk not in seen:
            seen.add(entry.node.pk)
            actions.append(entry.node)
    piloted = {}
    links = PlanNode.pilots.through.objects.filter(plannode__in=actions).select_related("user")
    for link in links.order_by("pk"):
        piloted.setdefault(link.plannode_id, link.user)
    members = Membership.objects.filter(territory_id=plan.territory_id)
    members = members.select_related("user", "commune").order_by("pk")
    editor = next((m.user for m in members if m.role == Role.EDITOR), None)
    elected = [
        (m.user, spaced(fold(m.commune.name)))
        for m in members
        if m.role == Role.ELECTED and m.commune is not None
    ]
    stories = make_stories(random.Random(SEED), tree, actions, piloted, elected)
    return stories, {story.node.pk: piloted.get(story.node.pk, editor) for story in stories}


@transaction.atomic
def load_demo_follow_up(plan) -> int:
    """Generate the follow-up of `plan`'s published actions; the number of sheets
    created (0 when the plan already has sheets: the demo runs once)."""
    if ActionSheet.objects.filter(plan=plan).exists():
        return 0
    stories, authors = draw_follow_up(plan)
    if not stories:
        return 0
    territory = plan.territory
    organisations = ensure_organisations(territory, stories)
    programmes = ensure_programmes(territory)
    reason = _("Démonstration : suivi illustratif")

    def create(rows, model):
        return bulk_create_with_history(rows, model, default_change_reason=reason)

    sheets = create(
        [
            ActionSheet(
                node=story.node,
                plan=plan,
                territory=territory,
                status=story.status,
                progress=story.progress,
                progress_source=(
                    ActionSheet.ProgressSource.MANUAL
                    if story.manual
                    else ActionSheet.ProgressSource.MILESTONES
                ),
                start_date=story.start,
                end_date=story.end,
                continuous=story.continuous,
                **story.fields,
            )
            for story in stories
        ],
        ActionSheet,
    )
    through = ActionSheet.lead_services.through
    links = [
        (through, {"actionsheet_id": sheet.pk, "organisation_id": organisations[name].pk})
        for sheet, story in zip(sheets, stories, strict=True)
        for name in [story.profile.service]
    ]
    for field_name, names_of in (
        ("lead_structures", lambda story: [story.profile.structure]),
        ("partners", lambda story: story.partners),
    ):
        model = getattr(ActionSheet, field_name).through
        links += [
            (model, {"actionsheet_id": sheet.pk, "organisation_id": organisations[name].pk})
            for sheet, story in zip(sheets, stories, strict=True)
            for name in names_of(story)
        ]
    links += [
        (ActionSheet.elected_referents.through, {"actionsheet_id": sheet.pk, "user_id": user.pk})
        for sheet, story in zip(sheets, stories, strict=True)
        for user in story.referents
    ]
    links += [
        (
            ActionSheet.programmes.through,
            {"actionsheet_id": sheet.pk, "programme_id": programmes[name].pk},
        )
        for sheet, story in zip(sheets, stories, strict=True)
        for name in story.programmes
    ]
    for model in {model for model, _values in links}:
        model.objects.bulk_create(model(**values) for found, values in links if found is model)
    create(
        [
            Milestone(
                sheet=sheet, position=i, title=title, due_on=due, done=bool(done), done_on=done
            )
            for sheet, story in zip(sheets, stories, strict=True)
            for i, (title, due, done) in enumerate(story.milestones)
        ],
        Milestone,
    )
    create(
        [
            row
            for sheet, story in zip(sheets, stories, strict=True)
            for row in update_rows(story, sheet, authors[story.node.pk])
        ],
        ActionUpdate,
    )
    create(
        [
            BudgetLine(
                sheet=sheet, plan=plan, territory=territory, kind=k, nature=n, year=y, amount=a
            )
            for sheet, story in zip(sheets, stories, strict=True)
            for k, n, y, a in story.budget
        ],
        BudgetLine,
    )
    specs = [
        (sheet, position, spec)
        for sheet, story in zip(sheets, stories, strict=True)
        for position, spec in enumerate(story.fundings, start=1)
    ]
    fundings = create(
        [Funding(sheet=s, position=p, amount=spec[0], year=spec[2]) for s, p, spec in specs],
        Funding,
    )
    Funding.financers.through.objects.bulk_create(
        Funding.financers.through(funding_id=funding.pk, organisation_id=organisations[name].pk)
        for funding, (_sheet, _position, spec) in zip(fundings, specs, strict=True)
        for name in spec[1]
    )
    return len(sheets)
