"""The pilots' space (/<slug>/gestion/suivi/): the actions a person pilots — or every
action, for an editor who asks — most pressing first (late, then due soon, then the
others), and the indicators they lead, each with the form of a quick update.

Everything comes from the plan's tree and its follow-up (PlanFollowUp, read once) plus a
few queries for the pieces the follow-up does not keep (the next milestone's title, the
last update, the indicators and their latest values): the number of queries does not
depend on the number of actions.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from faisse.actions import statuses
from faisse.actions.follow_up import PlanFollowUp
from faisse.actions.models import ActionSheet, ActionUpdate, Milestone
from faisse.indicators.abilities import led_by
from faisse.indicators.display import format_value
from faisse.indicators.forms import ValueForm
from faisse.indicators.models import Indicator, IndicatorValue
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.reports.models import DigestSubscription
from faisse.reports.pilot_forms import QuickUpdateForm

STALE_AFTER_DAYS = 365  # an indicator without a value for this long is to be measured


class Urgency:
    LATE, DUE_SOON, OTHER = 0, 1, 2


@dataclass
class ActionRow:
    node: PlanNode
    sheet: ActionSheet
    progress: float | None
    late: bool
    due_soon: bool
    next_milestone: Milestone | None = None
    last_update: ActionUpdate | None = None
    form: QuickUpdateForm | None = None

    @property
    def urgency(self) -> int:
        if self.late:
            return Urgency.LATE
        return Urgency.DUE_SOON if self.due_soon else Urgency.OTHER

    @property
    def status_label(self) -> str:
        return statuses.label(self.sheet.status)

    @property
    def anchor(self) -> str:
        return f"action-{self.node.pk}"


@dataclass
class IndicatorRow:
    indicator: Indicator
    latest: IndicatorValue | None
    stale: bool
    form: ValueForm | None = None

    @property
    def anchor(self) -> str:
        return f"indicateur-{self.indicator.pk}"

    @property
    def latest_text(self) -> str:
        return format_value(self.latest.value if self.latest else None, self.indicator)


@dataclass
class PilotSpace:
    plan: Plan | None
    everything: bool  # every action of the plan, not only the person's
    may_see_everything: bool
    actions: list[ActionRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    digest_enabled: bool = True

    @property
    def late_count(self) -> int:
        return sum(row.late for row in self.actions)

    @property
    def due_soon_count(self) -> int:
        return sum(row.due_soon for row in self.actions)


def indicator_prefix(indicator_id: int) -> str:
    return f"indicateur-{indicator_id}"


def digest_enabled(user, territory) -> bool:
    """On unless the person stopped it (no row: on)."""
    found = (
        DigestSubscription.objects.filter(user=user, territory=territory)
        .values_list("enabled", flat=True)
        .first()
    )
    return True if found is None else found


def load_space(
    user,
    territory,
    abilities: dict[str, bool],
    *,
    everything: bool = False,
    today: date | None = None,
    bound: dict | None = None,
) -> PilotSpace:
    """The space of `user` in `territory`. `everything` (editors only) lists every action
    and indicator; `bound` gives forms already filled in (a refused update, shown again
    with its errors): {("action", node_id): form} or {("indicator", id): form}."""
    today = today or timezone.localdate()
    bound = bound or {}
    may_see_everything = bool(abilities.get("edit_plan"))
    everything = everything and may_see_everything
    plan = Plan.objects.of_territory(territory).current()
    if plan is not None:
        plan.territory = territory  # the actions' addresses need no query
    space = PilotSpace(plan, everything, may_see_everything)
    if plan is not None:
        space.actions = _action_rows(user, plan, everything, today, bound)
    space.indicators = _indicator_rows(user, territory, everything, today, bound)
    space.digest_enabled = digest_enabled(user, territory)
    return space


def _action_rows(user, plan: Plan, everything: bool, today: date, bound: dict) -> list[ActionRow]:
    tree = PlanTree.load(plan, drafts=True)
    follow_up = PlanFollowUp.load(tree, today=today)
    nodes = [
        node
        for node in follow_up.actions()
        if everything or any(pilot.pk == user.pk for pilot in follow_up.pilots.get(node.pk, ()))
    ]
    order = {node.pk: index for index, node in enumerate(nodes)}
    rows = [
        ActionRow(
            node=node,
            sheet=follow_up.sheet(node),
            progress=follow_up.progress(node),
            late=follow_up.is_late(node),
            due_soon=follow_up.is_due_soon(node),
        )
        for node in nodes
    ]
    if not rows:
        return rows
    sheets = ActionSheet.objects.filter(plan=plan)
    milestones = Milestone.objects.filter(sheet__plan=plan, done=False)
    if not everything:
        sheets = sheets.filter(node__pilots=user)
        milestones = milestones.filter(sheet__node__pilots=user)
    next_milestones: dict[int, Milestone] = {}
    for milestone in milestones.select_related("sheet").order_by(
        F("due_on").asc(nulls_last=True), "position", "pk"
    ):
        next_milestones.setdefault(milestone.sheet.node_id, milestone)
    latest = ActionUpdate.objects.filter(sheet=OuterRef("pk")).order_by("-on", "-pk").values("pk")
    last_ids = sheets.annotate(last=Subquery(latest[:1])).values("last")
    last_updates = {
        update.sheet.node_id: update
        for update in ActionUpdate.objects.filter(pk__in=last_ids).select_related("author", "sheet")
    }
    for row in rows:
        row.next_milestone = next_milestones.get(row.node.pk)
        row.last_update = last_updates.get(row.node.pk)
        row.form = bound.get(("action", row.node.pk)) or QuickUpdateForm(sheet=row.sheet)
    never = date.max
    rows.sort(key=lambda row: (row.urgency, row.sheet.end_date or never, order[row.node.pk]))
    return rows


def _indicator_rows(user, territory, everything: bool, today: date, bound: dict):
    indicators = Indicator.objects.of_territory(territory)
    if not everything:
        indicators = indicators.filter(led_by(user)).distinct()
    latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-on", "-pk")
    indicators = list(
        indicators.annotate(latest_id=Subquery(latest.values("pk")[:1])).order_by("title", "pk")
    )
    values = IndicatorValue.objects.filter(
        pk__in=[indicator.latest_id for indicator in indicators if indicator.latest_id]
    )
    by_id = {value.pk: value for value in values} if indicators else {}
    stale_before = today - timedelta(days=STALE_AFTER_DAYS)
    rows = []
    for indicator in indicators:
        found = by_id.get(indicator.latest_id)
        form = bound.get(("indicator", indicator.pk)) or ValueForm(
            prefix=indicator_prefix(indicator.pk),
            initial={"on": today, "source": indicator.default_source},
        )
        stale = found is None or found.on < stale_before
        rows.append(IndicatorRow(indicator, found, stale, form))
    return rows
