"""The dashboard of a plan (`/<slug>/tableau-de-bord/`): one dataclass, built in memory.

`build_dashboard` reads, whatever the size of the plan: the tree (2 queries), its
follow-up (6, faisse/actions/follow_up.py), the commune links (1) and the communes (1),
the indicators (1), their links (1), targets and values (2), and for members the lead
services (1). Everything else (filters, roll-ups, counts, budgets, the map) is computed
here, on the tree the person sees: the public gets the published plan, without pilots'
names nor budgets (docs/dashboard.md); members who read drafts (`view_drafts`) get all.

With filters, the figures are those of the selected actions: a node's progress is rolled
up, with the plan's weights, from the selected actions under it only.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from faisse.actions import statuses
from faisse.actions.follow_up import DUE_SOON_DAYS, Budget, PlanFollowUp
from faisse.actions.models import ActionSheet, BudgetLine
from faisse.locations.geography import PlanGeography
from faisse.locations.models import CommuneLink
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.reports import filters as filtering
from faisse.reports.dashboard_figures import (
    ActionItem,
    BudgetRow,
    IndicatorItem,
    ProgressRow,
    Share,
    percent_text,
)
from faisse.reports.dashboard_indicators import add_indicators
from faisse.reports.dashboard_places import CommuneMap, commune_map
from faisse.territories.models import Commune, Territory

Nature = BudgetLine.Nature
ACTION = PlanNode.Kind.ACTION


@dataclass
class Dashboard:
    territory: Territory
    plan: Plan
    members: bool  # view_drafts: unpublished nodes, pilots, services, budgets
    today: date
    filters: filtering.Filters
    fields: list[filtering.Field]
    applied: list[filtering.Applied]
    total: int  # actions the person sees
    selected: int  # actions the filters keep
    plan_progress: float | None
    progress_rows: list[ProgressRow]
    statuses: list[Share]
    priorities: list[Share]
    late: list[ActionItem]
    due_soon: list[ActionItem]
    places: CommuneMap
    pilots: list[Share] = field(default_factory=list)
    services: list[Share] = field(default_factory=list)
    budget: BudgetRow | None = None
    budget_by_axis: list[BudgetRow] = field(default_factory=list)
    budget_by_year: list[BudgetRow] = field(default_factory=list)
    indicators: int = 0  # indicators of the selection
    indicators_judged: int = 0  # with a verdict (a value and an expected value)
    off_target: list[IndicatorItem] = field(default_factory=list)

    @property
    def due_soon_days(self) -> int:
        return DUE_SOON_DAYS

    @property
    def progress_text(self) -> str:
        return percent_text(self.plan_progress)


class NodeUrls:
    """The pages of a plan's nodes (`node.url_for(slug)`), reversed once per kind rather
    than once per node: the lists of late actions may be long."""

    MARK = "2147483647"

    def __init__(self, slug: str):
        self._parts = {}
        for kind, segment in PlanNode.URL_SEGMENTS.items():
            url = reverse("portal:node", args=[slug, segment, int(self.MARK)])
            at = url.rindex(self.MARK)
            self._parts[kind] = (url[:at], url[at + len(self.MARK) :])

    def __call__(self, node: PlanNode) -> str:
        head, tail = self._parts[node.kind]
        return f"{head}{node.pk}{tail}"


class Selection:
    """The actions the filters keep, and the figures of a node restricted to them."""

    def __init__(self, follow_up: PlanFollowUp, actions: list[PlanNode], restricted: bool):
        self.follow_up = follow_up
        self.actions = actions
        self.ids = frozenset(node.pk for node in actions)
        self.restricted = restricted
        self._progress: dict[int, float | None] = {}

    def under(self, node: PlanNode) -> frozenset[int]:
        return self.follow_up.actions_under(node) & self.ids

    def progress(self, node: PlanNode) -> float | None:
        """The follow-up's roll-up, from the selected actions only when filtered."""
        if not self.restricted:
            return self.follow_up.progress(node)
        if node.pk not in self._progress:
            self._progress[node.pk] = None  # a loop through shared placements counts once
            if node.kind == ACTION and node.pk in self.ids:
                value = self.follow_up.progress(node)
            else:
                value = self.weighted(
                    child for child, _shared in self.follow_up.tree.children_of(node)
                )
            self._progress[node.pk] = value
        return self._progress[node.pk]

    def weighted(self, nodes) -> float | None:
        total = weights = 0.0
        for node in nodes:
            if not self.follow_up.counts_in_roll_up(node):
                continue
            value = self.progress(node)
            if value is not None:
                total += node.weight * value
                weights += node.weight
        return total / weights if weights else None

    def mean_progress(self, nodes) -> float | None:
        """The weighted mean of some selected actions' own progress (no roll-up)."""
        total = weights = 0.0
        for node in nodes:
            if self.follow_up.counts_in_roll_up(node):
                total += node.weight * self.follow_up.progress(node)
                weights += node.weight
        return total / weights if weights else None

    def budget(self, ids) -> Budget:
        """The budget of these actions, each counted once (sub-actions are actions)."""
        return self.follow_up.budget_of(ids)

    def late_count(self, ids) -> int:
        by_id = self.follow_up.tree.by_id
        return sum(self.follow_up.is_late(by_id[pk]) for pk in ids if pk in by_id)


def build_dashboard(
    territory: Territory, plan: Plan, *, members: bool, params, today: date, base: str
) -> Dashboard:
    tree = PlanTree.load(plan, drafts=members)
    follow_up = PlanFollowUp.load(tree, today=today)
    # Only the links' commune ids are read: no commune (and its boundary) per link.
    geography = PlanGeography(tree, list(CommuneLink.objects.filter(plan=plan)))
    communes = list(Commune.objects.of_territory(territory))
    choices = _choices(tree, follow_up, communes, members)
    filters = filtering.read_filters(params, choices, base)
    every = follow_up.actions()
    in_axis = follow_up.actions_under(filters.axis) if filters.axis else None
    kept = [
        node
        for node in every
        if (in_axis is None or node.pk in in_axis) and filters.matches(node, follow_up, geography)
    ]
    selection = Selection(follow_up, kept, restricted=filters.active)
    node_url = NodeUrls(territory.slug)
    dashboard = Dashboard(
        territory=territory,
        plan=plan,
        members=members,
        today=today,
        filters=filters,
        fields=filtering.form_fields(choices, filters),
        applied=filtering.applied(filters),
        total=len(every),
        selected=len(kept),
        plan_progress=selection.weighted(entry.node for entry in tree.roots),
        progress_rows=_progress_rows(tree, selection, filters, node_url),
        statuses=_status_shares(selection, filters),
        priorities=_priority_shares(selection, filters),
        late=_late(selection, node_url, members),
        due_soon=_due_soon(selection, node_url, members, today),
        places=commune_map(territory, communes, geography, selection, filters, members),
    )
    if members:
        dashboard.pilots = _pilot_shares(selection, filters)
        dashboard.services = _service_shares(plan, selection)
        _budgets(dashboard, tree, selection, filters)
    add_indicators(dashboard, tree, selection, filters.active, node_url)
    return dashboard


def _choices(tree, follow_up, communes, members) -> filtering.Choices:
    visible = tree.by_id
    pilots, programmes = {}, {}
    if members:  # the public never reads pilots: not even their query
        for node_id, people in follow_up.pilots.items():
            if node_id in visible:
                pilots.update((person.pk, person) for person in people)
    for node_id, found in follow_up.programmes.items():
        if node_id in visible:
            programmes.update((programme.pk, programme) for programme in found)
    return filtering.Choices(
        axes={entry.node.pk: entry.node for entry in tree.roots},
        communes={commune.insee: commune for commune in communes},
        pilots=pilots,
        programmes=programmes,
        members=members,
    )


# -- progress, statuses, priorities, pilots, services --------------------------------------


def _progress_rows(tree, selection: Selection, filters, node_url) -> list[ProgressRow]:
    """Each axis, then its second level (orientations, or objectives where it has none);
    with filters, only the elements that hold selected actions."""
    rows = []

    def row(node, depth, url=""):
        under = selection.under(node)
        if filters.active and not under:
            return None
        return ProgressRow(
            node=node,
            url=node_url(node),
            filter_url=url,
            depth=depth,
            progress=selection.progress(node),
            actions=len(under),
            late=selection.late_count(under),
        )

    for entry in tree.roots:
        axis_row = row(entry.node, 0, filters.url("avancement", axe=str(entry.node.pk)))
        if axis_row is None:
            continue
        rows.append(axis_row)
        for child, _shared in tree.children_of(entry.node):
            if child.kind != ACTION and (child_row := row(child, 1)) is not None:
                rows.append(child_row)
    return rows


def _share_rows(groups: dict, labels: dict, total: int, selection, urls: dict) -> list[Share]:
    return [
        Share(
            label=str(label),
            count=len(groups.get(key, ())),
            total=total,
            url=urls.get(key, ""),
            late=selection.late_count(groups.get(key, ())),
            progress=selection.mean_progress(
                selection.follow_up.tree.by_id[pk] for pk in groups.get(key, ())
            ),
        )
        for key, label in labels.items()
    ]


def _status_shares(selection: Selection, filters) -> list[Share]:
    groups = defaultdict(list)
    for node in selection.actions:
        groups[selection.follow_up.status(node)].append(node.pk)
    labels = {**dict(statuses.CHOICES), "": statuses.NO_STATUS_LABEL}
    urls = {
        value: filters.url("statuts", statut=filtering.STATUS_SLUG_OF[value]) for value in labels
    }
    rows = _share_rows(groups, labels, len(selection.actions), selection, urls)
    return [row for row in rows if row.count or row.label != str(statuses.NO_STATUS_LABEL)]


def _priority_shares(selection: Selection, filters) -> list[Share]:
    groups = defaultdict(list)
    for node in selection.actions:
        sheet = selection.follow_up.sheets.get(node.pk)
        groups[sheet.priority if sheet else ""].append(node.pk)
    labels = {value: filtering.priority_label(value) for value in filtering.PRIORITY_SLUG_OF}
    urls = {
        value: filters.url("priorites", priorite=slug)
        for value, slug in filtering.PRIORITY_SLUG_OF.items()
    }
    return _share_rows(groups, labels, len(selection.actions), selection, urls)


def _pilot_shares(selection: Selection, filters) -> list[Share]:
    groups, people = defaultdict(list), {}
    for node in selection.actions:
        found = selection.follow_up.pilots.get(node.pk, [])
        for person in found:
            people[person.pk] = person
            groups[person.pk].append(node.pk)
        if not found:
            groups[None].append(node.pk)
    ordered = sorted(people.values(), key=lambda person: str(person).casefold())
    labels = {person.pk: str(person) for person in ordered}
    if groups.get(None):
        labels[None] = _("Sans pilote")
    urls = {pk: filters.url("pilotes", pilote=str(pk)) for pk in people}
    return _share_rows(groups, labels, len(selection.actions), selection, urls)


def _service_shares(plan, selection: Selection) -> list[Share]:
    """The lead services (directions ou services pilotes) of the selected actions: one
    query, for members only."""
    node_of = {sheet.pk: node_id for node_id, sheet in selection.follow_up.sheets.items()}
    links = ActionSheet.lead_services.through.objects.filter(actionsheet__plan=plan)
    groups, names = defaultdict(list), {}
    for sheet_id, organisation_id, name in links.values_list(
        "actionsheet_id", "organisation_id", "organisation__name"
    ):
        node_id = node_of.get(sheet_id)
        if node_id in selection.ids:
            names[organisation_id] = name
            groups[organisation_id].append(node_id)
    labels = dict(sorted(names.items(), key=lambda item: item[1].casefold()))
    served = {pk for ids in groups.values() for pk in ids}
    groups[None] = [pk for pk in selection.ids if pk not in served]
    if groups[None] and labels:
        labels[None] = _("Sans service pilote")
    return _share_rows(groups, labels, len(selection.actions), selection, {})


# -- late and due soon --------------------------------------------------------------------


def _item(selection: Selection, node, node_url, members, when) -> ActionItem:
    follow_up = selection.follow_up
    return ActionItem(
        node=node,
        label=node.label,
        url=node_url(node),
        status=statuses.label(follow_up.status(node)),
        when=when,
        progress=follow_up.progress(node),
        pilots=[str(person) for person in follow_up.pilots.get(node.pk, [])] if members else [],
    )


def _late(selection: Selection, node_url, members) -> list[ActionItem]:
    follow_up = selection.follow_up
    items = []
    for node in selection.actions:
        if follow_up.is_late(node):
            sheet = follow_up.sheets.get(node.pk)
            items.append(_item(selection, node, node_url, members, sheet.end_date))
    return sorted(items, key=lambda item: (item.when or date.max, item.label.casefold()))


def _due_soon(selection: Selection, node_url, members, today) -> list[ActionItem]:
    follow_up = selection.follow_up
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    items = []
    for node in selection.actions:
        if follow_up.is_due_soon(node):
            sheet = follow_up.sheets.get(node.pk)
            count = follow_up.milestones.get(node.pk)
            dates = [sheet.end_date, count.next_due if count else None]
            when = min(d for d in dates if d and today <= d <= horizon)
            items.append(_item(selection, node, node_url, members, when))
    return sorted(items, key=lambda item: (item.when, item.label.casefold()))


# -- budgets (members) ------------------------------------------------------


def _budgets(dashboard: Dashboard, tree, selection: Selection, filters) -> None:
    total = selection.budget(selection.ids)
    dashboard.budget = BudgetRow(_("Total"), total.planned, total.actual, total.funded)
    for entry in tree.roots:
        under = selection.under(entry.node)
        if filters.active and not under:
            continue
        budget = selection.budget(under)
        dashboard.budget_by_axis.append(
            BudgetRow(entry.node.label, budget.planned, budget.actual, budget.funded)
        )
    for year in total.years:
        amounts = total.by_year[year]
        label = str(year) if year is not None else _("Sans année")
        dashboard.budget_by_year.append(
            BudgetRow(
                label,
                amounts.get(Nature.PLANNED, Decimal(0)),
                amounts.get(Nature.ACTUAL, Decimal(0)),
                None,
            )
        )
