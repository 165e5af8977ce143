"""Loading historical records in batches: each with its previous version, its related
people, organisations and programmes (many-to-many fields), and the names of what it
points to, in a number of queries that does not grow with the records.

`TRACKED` names the models whose history the site shows; the key ("node", "link"…) is
how a change says where it comes from. Where each source's records belong (a territory,
an element of the plan) is said in scopes.py.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery, Value

from faisse.accounts.models import User
from faisse.actions.models import (
    ActionDocument,
    ActionSheet,
    ActionUpdate,
    BudgetLine,
    Funding,
    Milestone,
    Organisation,
    Programme,
)
from faisse.history.labels import HIDDEN_FIELDS, gone
from faisse.indicators.models import Indicator, IndicatorLink, IndicatorTarget, IndicatorValue
from faisse.locations.models import CommuneLink
from faisse.plans.models import Challenge, Plan, PlanNode, SharedPlacement
from faisse.territories.models import Commune

NODE, LINK, PLACEMENT = "node", "link", "placement"
SHEET, INDICATOR, INDICATOR_LINK = "sheet", "indicator", "indicator_link"
# The rows of an action sheet, and of an indicator.
SHEET_ROWS = ("budget", "funding", "milestone", "update", "document")
INDICATOR_ROWS = ("target", "value")
TRACKED = {
    "plan": Plan,
    "challenge": Challenge,
    NODE: PlanNode,
    PLACEMENT: SharedPlacement,
    LINK: CommuneLink,
    SHEET: ActionSheet,
    "budget": BudgetLine,
    "funding": Funding,
    "milestone": Milestone,
    "update": ActionUpdate,
    "document": ActionDocument,
    INDICATOR: Indicator,
    "target": IndicatorTarget,
    "value": IndicatorValue,
    INDICATOR_LINK: IndicatorLink,
}
NEWEST_FIRST = ("-history_date", "-history_id")

Key = tuple[str, int]  # (source, history_id)


def history_of(source: str) -> QuerySet:
    return TRACKED[source].history.model.objects.all()


def merged(querysets: dict[str, QuerySet]) -> QuerySet:
    """One query listing (date, history id, source) of several histories, newest first."""
    # Named apart from the models' fields (a measured value has a `source`).
    parts = [
        queryset.order_by()
        .annotate(tracked_source=Value(source))
        .values_list("history_date", "history_id", "tracked_source")
        for source, queryset in querysets.items()
    ]
    first, *others = parts
    return first.union(*others, all=True).order_by(*NEWEST_FIRST)


def keys_of(rows: Iterable[tuple]) -> list[Key]:
    return [(source, history_id) for _date, history_id, source in rows]


def _previous_id(history) -> Subquery:
    """The id of the version that precedes each record of the same object."""
    earlier = (
        history.objects.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by(*NEWEST_FIRST)
        .values("history_id")[:1]
    )
    return Subquery(earlier)


class Batch:
    """The records of some keys, their previous versions and the names they need."""

    def __init__(self, keys: Iterable[Key]):
        wanted: dict[str, list[int]] = defaultdict(list)
        for source, history_id in keys:
            wanted[source].append(history_id)
        self.records: dict[Key, object] = {}
        self.previous: dict[Key, object] = {}  # by the key of the newer record
        for source, ids in wanted.items():
            self._load(source, ids)
        self._load_m2m()
        self.labels: dict[tuple[str, int], str] = {}
        self.live_nodes: set[int] = set()
        self.node_kinds: dict[int, str] = {}
        self.live_indicators: set[int] = set()
        self.sheet_nodes: dict[int, int] = {}  # sheet id → the id of its action
        self._load_labels()

    def _load(self, source: str, ids: list[int]) -> None:
        """The records and their previous versions, in one query."""
        history = TRACKED[source].history.model
        previous_ids = (
            history.objects.filter(history_id__in=ids)
            .annotate(previous=_previous_id(history))
            .values("previous")
        )
        rows = {
            row.history_id: row
            for row in history.objects.filter(
                Q(history_id__in=ids) | Q(history_id__in=previous_ids)
            )
            .select_related("history_user")
            .annotate(previous_id=_previous_id(history))
        }
        for history_id in ids:
            if history_id not in rows:
                continue
            row = rows[history_id]
            self.records[(source, history_id)] = row
            if row.previous_id in rows:
                self.previous[(source, history_id)] = rows[row.previous_id]

    def versions(self, source: str | None = None) -> list:
        every = [*self.records.items(), *self.previous.items()]
        return [record for (kind, _id), record in every if source in (None, kind)]

    def _load_m2m(self) -> None:
        """Attach `m2m_ids` ({field name: frozenset of ids}) to every version of a model
        whose history keeps many-to-many fields (a node's pilots, a sheet's élu·es and
        organisations, a funding's financers): one query per such field."""
        for source, model in TRACKED.items():
            fields = model.history.model._history_m2m_fields
            records = self.versions(source) if fields else []
            if not records:
                continue
            for record in records:
                record.m2m_ids = {}
            for m2m_field in fields:
                rows = getattr(model.history.model, m2m_field.name).model.objects
                column = m2m_field.m2m_reverse_field_name()
                found = defaultdict(set)
                history_ids = {record.history_id for record in records}
                for history_id, pk in rows.filter(history_id__in=history_ids).values_list(
                    "history_id", f"{column}_id"
                ):
                    found[history_id].add(pk)
                for record in records:
                    record.m2m_ids[m2m_field.name] = frozenset(found[record.history_id])

    def _related_ids(self) -> dict[type, set[int]]:
        """The ids each version points to, by model: its shown foreign keys, its
        many-to-many fields, and what names the element it is about."""
        related: dict[type, set[int]] = defaultdict(set)
        for (source, _id), record in [*self.records.items(), *self.previous.items()]:
            model = TRACKED[source]
            for model_field in model._meta.concrete_fields:
                if model_field.is_relation and model_field.name not in HIDDEN_FIELDS:
                    pk = getattr(record, model_field.attname)
                    if pk is not None:
                        related[model_field.related_model].add(pk)
            for name, ids in getattr(record, "m2m_ids", {}).items():
                related[model._meta.get_field(name).related_model].update(ids)
            if source == NODE:
                related[PlanNode].add(record.id)
            elif source == INDICATOR:
                related[Indicator].add(record.id)
            elif source in INDICATOR_ROWS or source == INDICATOR_LINK:
                related[Indicator].add(record.indicator_id)
            elif source in SHEET_ROWS:
                related[ActionSheet].add(record.sheet_id)
        return related

    def _load_labels(self) -> None:
        """Names of the nodes, communes, people, plans, indicators, organisations and
        programmes the versions point to: one query per kind of object."""
        related = self._related_ids()
        if related[ActionSheet]:
            self.sheet_nodes = _sheet_nodes(related[ActionSheet])
            related[PlanNode].update(self.sheet_nodes.values())
        if related[PlanNode]:
            nodes = PlanNode.objects.filter(pk__in=related[PlanNode]).only(
                "id", "kind", "level_name", "number", "title"
            )
            for node in nodes:
                self.labels[(PlanNode._meta.label_lower, node.pk)] = node.label
                self.live_nodes.add(node.pk)
                self.node_kinds[node.pk] = node.kind
        if related[Indicator]:
            titles = _indicator_titles(related[Indicator])
            self.live_indicators = titles.pop("live")
            for pk, title in titles.items():
                self.labels[(Indicator._meta.label_lower, pk)] = title
        named = {Commune: "name", Plan: "title", Organisation: "name", Programme: "name"}
        for model, field in named.items():
            if related[model]:
                for pk, name in model.objects.filter(pk__in=related[model]).values_list(
                    "pk", field
                ):
                    self.labels[(model._meta.label_lower, pk)] = name
        if related[User]:
            for user in User.objects.filter(pk__in=related[User]):
                self.labels[(User._meta.label_lower, user.pk)] = str(user)

    def node_label(self, pk: int | None) -> str:
        key = PlanNode._meta.label_lower
        return self.labels.get((key, pk)) or gone(key, pk)

    def indicator_label(self, pk: int | None) -> str:
        key = Indicator._meta.label_lower
        return self.labels.get((key, pk)) or gone(key, pk)


def _sheet_nodes(sheet_ids: set[int]) -> dict[int, int]:
    """{sheet id: its action's id}; a sheet deleted since, from its history."""
    found = dict(ActionSheet.objects.filter(pk__in=sheet_ids).values_list("pk", "node_id"))
    missing = sheet_ids - set(found)
    if missing:
        history = ActionSheet.history.model.objects.filter(id__in=missing)
        for pk, node_id in history.order_by("history_date", "history_id").values_list(
            "id", "node_id"
        ):
            found[pk] = node_id  # the latest wins
    return found


def _indicator_titles(ids: set[int]) -> dict:
    """{pk: title}, and under "live" the ids that still exist; an indicator deleted
    since is named by its last title."""
    titles: dict = dict(Indicator.objects.filter(pk__in=ids).values_list("pk", "title"))
    live = set(titles)
    missing = ids - live
    if missing:
        history = Indicator.history.model.objects.filter(id__in=missing)
        for pk, title in history.order_by("history_date", "history_id").values_list("id", "title"):
            titles[pk] = title
    titles["live"] = live
    return titles
