"""What changed in the plan, for the people who edit it.

- `diff(record, previous, labels)`: the fields a version changed, before → after, named in
  French (see labels.py; pure: no query);
- `node_history(node, page)`: the versions of one element of the plan, with the changes
  of its commune links, extra placements, action sheet and indicators (scopes.py);
- `activity_log(territory, page, filters)`: every recorded change of a territory's plans,
  action sheets and indicators, newest first, narrowed by the filters of the query
  string, a constant number of queries per page;
- `restore_preview(node, history_id)`: what restoring a version would change, and whether
  the public site would see it; `restore(node, history_id, user)`: do it.
"""

from collections.abc import Iterable, Mapping
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from faisse.accounts.abilities import can
from faisse.core.errors import Refusal
from faisse.history import kinds
from faisse.history.elements import describe
from faisse.history.filters import apply
from faisse.history.labels import HIDDEN_FIELDS, SOURCE_LABELS, boolean_value, field_label, gone
from faisse.history.records import NODE, TRACKED, Batch, history_of, keys_of, merged
from faisse.history.scopes import ELEMENT_SOURCES, about, in_territory
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode, SharedPlacement
from faisse.plans.structure import check_placement
from faisse.plans.tree import PlanTree
from faisse.territories.models import Territory

# Shown on a creation even when they hold their default value.
ALWAYS_SHOWN = {"is_published"}
# What `restore` brings back by default; the place in the tree only when asked.
RESTORED_FIELDS = PlanNode.EDITABLE_FIELDS
STRUCTURE_FIELDS = ("parent", "position")
# What the public reads of a published element (the follow-up note when its writer chose
# the public; internal notes never).
PUBLIC_FIELDS = ("title", "number", "description", "is_published")


class RestoreError(Refusal):
    """A version that cannot be restored; the message says why, in French."""


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str


def _display(model, model_field: models.Field, value, labels: Mapping) -> str:
    """A stored value as a person reads it ("" for nothing)."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return boolean_value(model, model_field.name, value)
    if model_field.is_relation:
        related = model_field.related_model._meta.label_lower
        return labels.get((related, value)) or gone(related, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, list):
        return " ; ".join(str(item) for item in value)
    if isinstance(value, Decimal):
        return _decimal(value)
    return str(value)


def _decimal(value: Decimal) -> str:
    """ "1 234,5": the amount or value as typed, without the zeros the database keeps."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    places = len(text.partition(".")[2])
    return formats.number_format(Decimal(text), decimal_pos=places, force_grouping=True)


def _is_default(model_field: models.Field, value) -> bool:
    return (
        model_field.name not in ALWAYS_SHOWN
        and model_field.has_default()
        and value == model_field.get_default()
    )


def compare(
    model, before, after, names: Iterable[str], labels: Mapping | None = None
) -> list[FieldChange]:
    """The fields `names` whose value differs from `before` (None: nothing yet) to `after`,
    as a person reads them. On a creation, fields left at their default are not listed."""
    labels = labels or {}
    changes = []
    for name in names:
        model_field = model._meta.get_field(name)
        new = getattr(after, model_field.attname)
        old = getattr(before, model_field.attname) if before is not None else None
        if old == new or (before is None and _is_default(model_field, new)):
            continue
        shown = _display(model, model_field, old, labels), _display(model, model_field, new, labels)
        if shown[0] != shown[1]:
            changes.append(FieldChange(name, field_label(model, name), *shown))
    return changes


def diff(record, previous=None, labels: Mapping | None = None) -> list[FieldChange]:
    """The fields that `record` changed since `previous`.

    Without a previous version (a creation, or the first version known of a row written
    without history), every filled field is listed; a deletion lists none. Pilots and the
    other many-to-many fields are compared when the versions carry `m2m_ids` (see
    `records.Batch`).
    """
    labels = labels or {}
    if record.history_type == "-":
        return []
    model = type(record).instance_type
    names = [f.name for f in model._meta.concrete_fields if f.name not in HIDDEN_FIELDS]
    changes = compare(model, previous, record, names, labels)
    for name, ids in getattr(record, "m2m_ids", {}).items():
        before_ids = getattr(previous, "m2m_ids", {}).get(name, frozenset())
        if before_ids == ids:
            continue
        key = model._meta.get_field(name).related_model._meta.label_lower

        def names_of(pks, key=key):
            return ", ".join(sorted(labels.get((key, pk)) or gone(key, pk) for pk in pks))

        changes.append(
            FieldChange(name, field_label(model, name), names_of(before_ids), names_of(ids))
        )
    return changes


@dataclass
class Change:
    """One recorded change, ready to show."""

    source: str
    record: object
    fields: list[FieldChange]
    previous: object | None
    element: str
    url: str | None = None  # the element's page, if it still exists
    history_url: str | None = None  # the history of the element of the plan concerned
    restorable: bool = False

    @property
    def history_id(self) -> int:
        return self.record.history_id

    @property
    def date(self) -> datetime:
        return self.record.history_date

    @property
    def user(self):
        return self.record.history_user

    @property
    def reason(self) -> str:
        return self.record.history_change_reason or ""

    @property
    def kind(self) -> kinds.ChangeKind:
        return kinds.kind_of(self.record)

    @property
    def type_label(self) -> str:
        return str(self.kind.label)

    @property
    def detail(self) -> str:
        """The reason recorded with the change, unless it only repeats its kind."""
        return kinds.detail(self.record)

    @property
    def source_label(self) -> str:
        return str(SOURCE_LABELS[self.source])


def build(keys: list, slug: str) -> list[Change]:
    """The changes of the given (source, history id) keys, in the same order."""
    batch = Batch(keys)
    changes = []
    for key in keys:
        record = batch.records.get(key)
        if record is None:  # deleted meanwhile
            continue
        element, url, history_url = describe(key[0], record, batch, slug)
        previous = batch.previous.get(key)
        fields = diff(record, previous, batch.labels)
        changes.append(Change(key[0], record, fields, previous, element, url, history_url))
    return changes


@dataclass
class HistoryPage:
    page: Page
    changes: list[Change]


def _paginate(querysets: dict, page_number, per_page: int, slug: str) -> HistoryPage:
    page = Paginator(merged(querysets), per_page).get_page(page_number)
    return HistoryPage(page, build(keys_of(page.object_list), slug))


def activity_log(
    territory: Territory, page_number=1, per_page: int = 50, filters=None
) -> HistoryPage:
    """Every recorded change of the territory's plans, newest first; with `filters` (a
    valid filters.ActivityFilters), those it asks for."""
    querysets = {
        source: history_of(source).filter(in_territory(source, territory.pk)) for source in TRACKED
    }
    if filters is not None:
        querysets = apply(querysets, filters)
    return _paginate(querysets, page_number, per_page, territory.slug)


def _node_querysets(node: PlanNode) -> dict:
    """The node's versions, and those of its commune links, placements, action sheet
    (with its lines) and of the indicators that measure it."""
    return {
        source: history_of(source).filter(about(source, [node.pk])) for source in ELEMENT_SOURCES
    }


def _mark_restorable(node: PlanNode, changes: list[Change]) -> None:
    """A version of the node may be restored when it differs from the node as it is."""
    for change in changes:
        record = change.record
        change.restorable = (
            change.source == NODE
            and record.history_type != "-"
            and any(getattr(record, name) != getattr(node, name) for name in RESTORED_FIELDS)
        )


def node_history(node: PlanNode, page_number=1, per_page: int = 20) -> HistoryPage:
    """The versions of a node, with the changes of its commune links, placements, action
    sheet and indicators."""
    history = _paginate(_node_querysets(node), page_number, per_page, node.territory.slug)
    _mark_restorable(node, history.changes)
    return history


def history_preview(user, node: PlanNode, territory: Territory, size: int = 3) -> dict | None:
    """The last changes of a node for its public page; None for those who may not edit."""
    if not can(user, "edit_plan", territory):
        return None
    keys = keys_of(merged(_node_querysets(node))[:size])
    return {
        "changes": build(keys, territory.slug),
        "url": reverse("history:node", args=[territory.slug, node.pk]),
    }


def version_label(record) -> str:
    moment = timezone.localtime(record.history_date)
    return formats.date_format(moment, _("j F Y à H:i"))


def _check_parent(node: PlanNode, parent_id: int | None) -> None:
    """The parent of a version must still exist in the plan and still take the node."""
    if parent_id == node.parent_id:
        return
    parent = None
    if parent_id is not None:
        parent = PlanNode.objects.filter(pk=parent_id, plan_id=node.plan_id).first()
        if parent is None:
            raise RestoreError(
                _("Le parent de cette version n’existe plus : rien n’a été restauré.")
            )
    try:
        check_placement(node.kind, parent, node)
    except EditError as error:
        raise RestoreError(str(error)) from error


def _version_to_restore(
    current: PlanNode, history_id: int, expected_version: int | None, names: Iterable[str]
):
    """The version `history_id` of the node, if it may be restored over `current`."""
    # Looked up among this node's own versions only: a version of another node, of this
    # territory or another, is answered like one that does not exist (no id, no title).
    record = PlanNode.history.filter(history_id=history_id, id=current.pk).first()
    if record is None:
        raise RestoreError(
            _("Cette version n’existe pas pour « %(label)s » : rien n’a été restauré.")
            % {"label": current.label}
        )
    if record.history_type == "-":
        raise RestoreError(_("Cette version est une suppression : rien n’a été restauré."))
    if expected_version is not None and current.version != expected_version:
        raise RestoreError(
            _(
                "« %(label)s » a été modifié depuis l’affichage de cette page : relisez "
                "les derniers changements avant de restaurer une version."
            )
            % {"label": current.label}
        )
    attnames = [PlanNode._meta.get_field(name).attname for name in names]
    if all(getattr(current, a) == getattr(record, a) for a in attnames):
        raise RestoreError(_("Cette version est identique à l’état actuel : rien à restaurer."))
    return record


@dataclass
class RestorePreview:
    """What restoring a version would do, to show before it is done."""

    node: PlanNode  # as it is now
    record: object  # the version to restore
    fields: list[FieldChange]  # only those that change: now → after the restore
    published_now: bool  # the element is on the public site now…
    published_after: bool  # …and will be after the restore
    public_change: bool  # whether the public site will change
    notice: str  # that, in one sentence

    @property
    def version_label(self) -> str:
        return version_label(self.record)

    @property
    def kind(self) -> kinds.ChangeKind:
        return kinds.kind_of(self.record)

    @property
    def detail(self) -> str:
        return kinds.detail(self.record)


def _reachable(node: PlanNode, nodes: list, placements: list, is_published: bool) -> bool:
    tweaked = []
    for other in nodes:
        if other.pk == node.pk:
            other = copy(other)
            other.is_published = is_published
        tweaked.append(other)
    return node.pk in PlanTree(node.plan, tweaked, placements).by_id


def _public_notice(now: bool, after: bool, public_fields: bool, under_draft: bool) -> str:
    if now and after:
        if public_fields:
            return _(
                "Cet élément est publié : sa page sur le site public changera dès que vous "
                "confirmerez."
            )
        return _(
            "Cet élément est publié, mais seuls des champs réservés aux membres changent : "
            "le site public restera le même."
        )
    if now:
        return _(
            "Cet élément est publié : la restauration le dépubliera, il disparaîtra du site "
            "public, avec les éléments placés sous lui."
        )
    if after:
        return _(
            "Cet élément n’est pas publié : la restauration le publiera, il apparaîtra sur le "
            "site public."
        )
    if under_draft:
        return _(
            "Cet élément est placé sous un élément non publié : le site public ne changera pas."
        )
    return _(
        "Cet élément n’est pas publié et ne le sera pas après la restauration : le site "
        "public ne changera pas."
    )


def restore_preview(
    node: PlanNode, history_id: int, *, expected_version: int | None = None
) -> RestorePreview:
    """What `restore` would change, without changing anything (RestoreError if it would
    refuse)."""
    current = PlanNode.objects.select_related("plan", "territory").get(pk=node.pk)
    record = _version_to_restore(current, history_id, expected_version, RESTORED_FIELDS)
    fields = compare(PlanNode, current, record, RESTORED_FIELDS)
    nodes = list(
        PlanNode.objects.filter(plan_id=current.plan_id).only(
            "id", "plan_id", "parent_id", "kind", "position", "is_published"
        )
    )
    placements = list(SharedPlacement.objects.filter(plan_id=current.plan_id))
    now = _reachable(current, nodes, placements, current.is_published)
    after = _reachable(current, nodes, placements, record.is_published)
    changed = {field.name for field in fields}
    follow_up_read = current.follow_up_is_public or record.follow_up_is_public
    public_fields = bool(
        changed & set(PUBLIC_FIELDS)
        or ("follow_up" in changed and follow_up_read)
        or ("follow_up_is_public" in changed and (current.follow_up or record.follow_up))
    )
    under_draft = not now and not after and (current.is_published or record.is_published)
    return RestorePreview(
        node=current,
        record=record,
        fields=fields,
        published_now=now,
        published_after=after,
        public_change=(now or after) and public_fields,
        notice=_public_notice(now, after, public_fields, under_draft),
    )


@transaction.atomic
def restore(
    node: PlanNode,
    history_id: int,
    user,
    *,
    expected_version: int | None = None,
    structure: bool = False,
) -> PlanNode:
    """Give the node back the fields of one of its versions, as a new version.

    Its place in the tree (parent, rank) comes back only with `structure=True`; its plan,
    territory and pilots never. Refuses a version of another node (as unknown), one
    identical to the node as it is, and (with `expected_version`) a node changed since the
    page was read.
    """
    current = PlanNode.objects.select_for_update().select_related("territory").get(pk=node.pk)
    if not can(user, "edit_plan", current.territory):
        raise PermissionError("restore")
    names = RESTORED_FIELDS + (STRUCTURE_FIELDS if structure else ())
    record = _version_to_restore(current, history_id, expected_version, names)
    if structure:
        _check_parent(current, record.parent_id)
    for name in names:
        attname = PlanNode._meta.get_field(name).attname
        setattr(current, attname, getattr(record, attname))
    # kinds.py reads the kind of change back from the start of this reason.
    reason = _("Restauration de la version du %(date)s") % {"date": version_label(record)}
    try:
        current.save_change(user, reason, validate=RESTORED_FIELDS)
    except ValidationError as error:
        raise RestoreError(" ".join(error.messages)) from error
    return current
