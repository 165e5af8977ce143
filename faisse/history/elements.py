"""The element a recorded change is about, as the history pages name it: its name, its
page and the history page of the element of the plan concerned (None when gone). Pure:
every name comes from the batch (records.Batch), loaded once for a page."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from faisse.history.records import (
    INDICATOR,
    INDICATOR_LINK,
    LINK,
    NODE,
    PLACEMENT,
    SHEET,
    SHEET_ROWS,
    Batch,
)
from faisse.plans.models import PlanNode

Described = tuple[str, str | None, str | None]


def _node_urls(batch: Batch, pk: int | None, slug: str, kind: str | None = None) -> tuple:
    if pk not in batch.live_nodes:
        return None, None
    history_url = reverse("history:node", args=[slug, pk])
    if kind is None:
        return None, history_url
    return PlanNode(pk=pk, kind=kind).url_for(slug), history_url


def _indicator_url(batch: Batch, pk: int, slug: str) -> str | None:
    if pk not in batch.live_indicators:
        return None
    return reverse("indicators_public:detail", args=[slug, pk])


def _day(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _sheet_row(source: str, record) -> str:
    """What a line of an action sheet is, in a few words."""
    if source == "budget":
        words = [record.get_kind_display(), record.get_nature_display().lower()]
        return ", ".join([*words, str(record.year)] if record.year else words)
    if source == "funding":
        return _("financement n° %(position)s") % {"position": record.position}
    if source == "update":
        return _("point du %(date)s") % {"date": _day(record.on)}
    return _("« %(title)s »") % {"title": record.title}  # a milestone, a document


def _about_plan(source: str, record, batch: Batch, slug: str) -> Described:
    if source == NODE:
        node = record.instance
        label = node.label
        if node.kind not in (PlanNode.Kind.AXIS, PlanNode.Kind.ORIENTATION):
            label = f"{node.kind_label} — {label}"
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


def _about_sheet(source: str, record, batch: Batch, slug: str) -> Described:
    node_id = record.node_id if source == SHEET else batch.sheet_nodes.get(record.sheet_id)
    label = batch.node_label(node_id)
    if source != SHEET:
        label = f"{label} — {_sheet_row(source, record)}"
    return label, *_node_urls(batch, node_id, slug, batch.node_kinds.get(node_id))


def _about_indicator(source: str, record, batch: Batch, slug: str) -> Described:
    pk = record.id if source == INDICATOR else record.indicator_id
    title = record.title if source == INDICATOR else batch.indicator_label(pk)
    url = _indicator_url(batch, pk, slug)
    if source == "target":
        return (
            _("%(indicator)s — cible %(year)s") % {"indicator": title, "year": record.year},
            url,
            None,
        )
    if source == "value":
        label = _("%(indicator)s — valeur du %(date)s") % {
            "indicator": title,
            "date": _day(record.on),
        }
        return label, url, None
    if source == INDICATOR_LINK:
        label = _("%(indicator)s → %(node)s") % {
            "indicator": title,
            "node": batch.node_label(record.node_id),
        }
        return label, url, _node_urls(batch, record.node_id, slug)[1]
    return title, url, None


def describe(source: str, record, batch: Batch, slug: str) -> Described:
    """The element a record is about: its name, its page and its history page."""
    if source == SHEET or source in SHEET_ROWS:
        return _about_sheet(source, record, batch, slug)
    if source in (INDICATOR, INDICATOR_LINK, "target", "value"):
        return _about_indicator(source, record, batch, slug)
    return _about_plan(source, record, batch, slug)
