"""What changed in the plan, for the people who edit it.

- `diff(record, previous, labels)`: the fields a version changed, before → after, named as
  in the forms (pure: no query);
- `node_history(node, page)`: the versions of one element of the plan, with the changes
  of its commune links and extra placements;
- `activity_log(territory, page)`: every recorded change of a territory's plans, newest
  first, a constant number of queries per page;
- `restore(node, history_id, user)`: bring an element back to one of its versions.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import models, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.abilities import can
from faisse.core.errors import Refusal
from faisse.history.records import (
    LINK,
    NODE,
    PLACEMENT,
    TRACKED,
    Batch,
    history_of,
    keys_of,
    merged,
)
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode
from faisse.plans.structure import check_placement
from faisse.territories.models import Territory

# Bookkeeping that says nothing to the reader of a change.
HIDDEN_FIELDS = {"id", "plan", "territory", "version", "created_at", "updated_at"}
# What `restore` brings back by default; the place in the tree only when asked.
RESTORED_FIELDS = PlanNode.EDITABLE_FIELDS
STRUCTURE_FIELDS = ("parent", "position")
TYPE_LABELS = {
    "+": gettext_lazy("Création"),
    "~": gettext_lazy("Modification"),
    "-": gettext_lazy("Suppression"),
}
SOURCE_LABELS = {
    "plan": gettext_lazy("Projet"),
    "challenge": gettext_lazy("Défi"),
    "node": gettext_lazy("Élément du plan"),
    "placement": gettext_lazy("Rattachement supplémentaire"),
    "link": gettext_lazy("Lien avec une commune"),
}


class RestoreError(Refusal):
    """A version that cannot be restored; the message says why, in French."""


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str


def _display(model_field: models.Field, value, labels: Mapping) -> str:
    """A stored value as a person reads it ("" for nothing)."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if model_field.is_relation:
        key = (model_field.related_model._meta.label_lower, value)
        return labels.get(key, f"#{value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, list):
        return " ; ".join(str(item) for item in value)
    return str(value)


def diff(record, previous=None, labels: Mapping | None = None) -> list[FieldChange]:
    """The fields that `record` changed since `previous`.

    Without a previous version (a creation, or the first version known of a row written
    without history), every filled field is listed; a deletion lists none. Pilots are
    compared when the versions carry `pilot_ids` (see `records.Batch`).
    """
    labels = labels or {}
    if record.history_type == "-":
        return []
    model = type(record).instance_type
    changes = []
    for model_field in model._meta.concrete_fields:
        if model_field.name in HIDDEN_FIELDS:
            continue
        after = getattr(record, model_field.attname)
        before = getattr(previous, model_field.attname) if previous is not None else None
        if before == after:
            continue
        shown = _display(model_field, before, labels), _display(model_field, after, labels)
        if shown[0] != shown[1]:
            changes.append(
                FieldChange(model_field.name, capfirst(model_field.verbose_name), *shown)
            )
    if hasattr(record, "pilot_ids"):
        before_ids = getattr(previous, "pilot_ids", frozenset())
        if before_ids != record.pilot_ids:
            pilots = model._meta.get_field("pilots")
            user_key = pilots.related_model._meta.label_lower

            def names(ids):
                return ", ".join(sorted(labels.get((user_key, pk), f"#{pk}") for pk in ids))

            changes.append(
                FieldChange(
                    "pilots",
                    capfirst(pilots.verbose_name),
                    names(before_ids),
                    names(record.pilot_ids),
                )
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
    def type_label(self) -> str:
        if self.record.history_type == "~" and self.previous is None:
            return _("Première version connue")
        return TYPE_LABELS.get(self.record.history_type, self.record.history_type)

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS[self.source]


def _node_urls(batch: Batch, pk: int, slug: str, kind: str | None = None) -> tuple:
    if pk not in batch.live_nodes:
        return None, None
    history_url = reverse("history:node", args=[slug, pk])
    if kind is None:
        return None, history_url
    return PlanNode(pk=pk, kind=kind).url_for(slug), history_url


def _describe(source: str, record, batch: Batch, slug: str) -> tuple[str, str | None, str | None]:
    """The element a record is about: its name, its page and its history page."""
    if source == NODE:
        node = record.instance
        label = node.label
        if node.kind not in (PlanNode.Kind.AXIS, PlanNode.Kind.ORIENTATION):
            label = f"{node.get_kind_display()} — {label}"
        return (label, *_node_urls(batch, record.id, slug, record.kind))
    if source == LINK:
        commune = batch.labels.get(("territories.commune", record.commune_id), "")
        label = _("%(node)s → %(commune)s") % {
            "node": batch.node_label(record.node_id),
            "commune": commune,
        }
        return label, *_node_urls(batch, record.node_id, slug)
    if source == PLACEMENT:
        label = _("%(node)s, aussi sous %(parent)s") % {
            "node": batch.node_label(record.node_id),
            "parent": batch.node_label(record.parent_id),
        }
        return label, *_node_urls(batch, record.node_id, slug)
    plan_url = reverse("portal:plan", args=[slug])
    if source == "challenge":
        return _("Défi : %s") % record.title, plan_url, None
    return record.title, plan_url, None


def build(keys: list, slug: str) -> list[Change]:
    """The changes of the given (source, history id) keys, in the same order."""
    batch = Batch(keys)
    changes = []
    for key in keys:
        record = batch.records.get(key)
        if record is None:  # deleted meanwhile
            continue
        element, url, history_url = _describe(key[0], record, batch, slug)
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


def activity_log(territory: Territory, page_number=1, per_page: int = 50) -> HistoryPage:
    """Every recorded change of the territory's plans, newest first."""
    querysets = {source: history_of(source).filter(territory_id=territory.pk) for source in TRACKED}
    return _paginate(querysets, page_number, per_page, territory.slug)


def _node_querysets(node: PlanNode) -> dict:
    return {
        NODE: history_of(NODE).filter(id=node.pk),
        LINK: history_of(LINK).filter(node_id=node.pk),
        PLACEMENT: history_of(PLACEMENT).filter(node_id=node.pk),
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
    """The versions of a node, with the changes of its commune links and placements."""
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
                "« %(label)s » a été modifié depuis l’affichage de son historique : relisez "
                "les derniers changements avant de restaurer une version."
            )
            % {"label": current.label}
        )
    names = RESTORED_FIELDS + (STRUCTURE_FIELDS if structure else ())
    if structure:
        _check_parent(current, record.parent_id)
    attnames = [PlanNode._meta.get_field(name).attname for name in names]
    if all(getattr(current, a) == getattr(record, a) for a in attnames):
        raise RestoreError(_("Cette version est identique à l’état actuel : rien à restaurer."))
    for attname in attnames:
        setattr(current, attname, getattr(record, attname))
    reason = _("Restauration de la version du %(date)s") % {"date": version_label(record)}
    try:
        current.save_change(user, reason, validate=RESTORED_FIELDS)
    except ValidationError as error:
        raise RestoreError(" ".join(error.messages)) from error
    return current
