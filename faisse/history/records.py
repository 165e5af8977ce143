"""Loading historical records in batches: each with its previous version, its pilots and
the names of what it points to, in a number of queries that does not grow with the records.

`TRACKED` names the models whose history the site shows; the key ("node", "link"…) is
how a change says where it comes from.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery, Value

from faisse.accounts.models import User
from faisse.history.labels import gone
from faisse.locations.models import CommuneLink
from faisse.plans.models import Challenge, Plan, PlanNode, SharedPlacement
from faisse.territories.models import Commune

TRACKED = {
    "plan": Plan,
    "challenge": Challenge,
    "node": PlanNode,
    "placement": SharedPlacement,
    "link": CommuneLink,
}
NODE, LINK, PLACEMENT = "node", "link", "placement"
NEWEST_FIRST = ("-history_date", "-history_id")

Key = tuple[str, int]  # (source, history_id)


def history_of(source: str) -> QuerySet:
    return TRACKED[source].history.model.objects.all()


def merged(querysets: dict[str, QuerySet]) -> QuerySet:
    """One query listing (date, history id, source) of several histories, newest first."""
    parts = [
        queryset.order_by()
        .annotate(source=Value(source))
        .values_list("history_date", "history_id", "source")
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
        self._load_pilots()
        self.labels: dict[tuple[str, int], str] = {}
        self.live_nodes: set[int] = set()
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

    def _load_pilots(self) -> None:
        """Attach `pilot_ids` (a frozenset) to every version of a node."""
        nodes = self.versions(NODE)
        if not nodes:
            return
        m2m = PlanNode.history.model.pilots.model
        pilots = defaultdict(set)
        rows = m2m.objects.filter(history_id__in={r.history_id for r in nodes})
        for history_id, user_id in rows.values_list("history_id", "user_id"):
            pilots[history_id].add(user_id)
        for record in nodes:
            record.pilot_ids = frozenset(pilots[record.history_id])

    def _load_labels(self) -> None:
        """Names of the nodes, communes, people and plans the versions point to."""
        node_ids, commune_ids, user_ids = set(), set(), set()
        plan_ids = {r.predecessor_id for r in self.versions("plan") if r.predecessor_id}
        for record in self.versions(NODE):
            node_ids.update(filter(None, [record.id, record.parent_id]))
            user_ids.update(record.pilot_ids)
        for record in self.versions(PLACEMENT):
            node_ids.update([record.node_id, record.parent_id])
        for record in self.versions(LINK):
            node_ids.add(record.node_id)
            commune_ids.add(record.commune_id)
        if node_ids:
            nodes = PlanNode.objects.filter(pk__in=node_ids).only(
                "id", "kind", "level_name", "number", "title"
            )
            for node in nodes:
                self.labels[(PlanNode._meta.label_lower, node.pk)] = node.label
                self.live_nodes.add(node.pk)
        if commune_ids:
            for pk, name in Commune.objects.filter(pk__in=commune_ids).values_list("pk", "name"):
                self.labels[(Commune._meta.label_lower, pk)] = name
        if user_ids:
            for user in User.objects.filter(pk__in=user_ids):
                self.labels[(User._meta.label_lower, user.pk)] = str(user)
        if plan_ids:
            for pk, title in Plan.objects.filter(pk__in=plan_ids).values_list("pk", "title"):
                self.labels[(Plan._meta.label_lower, pk)] = title

    def node_label(self, pk: int | None) -> str:
        key = PlanNode._meta.label_lower
        return self.labels.get((key, pk)) or gone(key, pk)
