"""Where the records of each tracked source belong, as conditions on their history table
(no query of their own: subqueries at most), so that every list keeps a constant number
of queries.

- `in_territory(source, territory_id)`: the records of a territory. The lines of an
  action sheet that carry no territory (fundings, milestones, documents) belong to their
  sheet's, read in the sheets' history so that a deleted sheet's lines are found too.
- `about(source, node_ids)`: the records about some elements of the plan (ids, or a
  subquery of ids): their own changes, their commune links and placements, their
  action sheet and its lines, and the indicators that measure them (or once did), with
  their targets and values.
"""

from django.db.models import Q

from faisse.history.records import (
    INDICATOR,
    INDICATOR_LINK,
    INDICATOR_ROWS,
    LINK,
    NODE,
    PLACEMENT,
    SHEET,
    SHEET_ROWS,
    TRACKED,
    history_of,
)
from faisse.indicators.models import IndicatorLink

# The sources about elements of the plan (the plan's own record and its challenges are not).
ELEMENT_SOURCES = tuple(source for source in TRACKED if source not in ("plan", "challenge"))


def _has_territory(source: str) -> bool:
    return any(field.name == "territory" for field in TRACKED[source]._meta.concrete_fields)


def in_territory(source: str, territory_id: int) -> Q:
    if _has_territory(source):
        return Q(territory_id=territory_id)
    sheets = history_of(SHEET).filter(territory_id=territory_id).values("id")
    return Q(sheet_id__in=sheets)


def _measuring(node_ids, column: str, indicator_ids=None) -> Q:
    """Indicators linked to the nodes, now or once (and those of `indicator_ids`)."""
    linked_then = history_of(INDICATOR_LINK).filter(node_id__in=node_ids).values("indicator_id")
    linked_now = IndicatorLink.objects.filter(node_id__in=node_ids).values("indicator_id")
    wanted = Q(**{f"{column}__in": linked_then}) | Q(**{f"{column}__in": linked_now})
    if indicator_ids is not None:
        wanted |= Q(**{f"{column}__in": indicator_ids})
    return wanted


def about(source: str, node_ids, indicator_ids=None) -> Q:
    """The records of `source` about the elements `node_ids`; `indicator_ids` adds
    indicators (and their rows) named otherwise, by a search of their titles."""
    if source == NODE:
        return Q(id__in=node_ids)
    if source in (LINK, PLACEMENT, SHEET):
        return Q(node_id__in=node_ids)
    if source in SHEET_ROWS:
        return Q(sheet_id__in=history_of(SHEET).filter(node_id__in=node_ids).values("id"))
    if source == INDICATOR:
        return _measuring(node_ids, "id", indicator_ids)
    if source in INDICATOR_ROWS:
        return _measuring(node_ids, "indicator_id", indicator_ids)
    if source == INDICATOR_LINK:
        wanted = Q(node_id__in=node_ids)
        if indicator_ids is not None:
            wanted |= Q(indicator_id__in=indicator_ids)
        return wanted
    raise ValueError(f"Not about elements of the plan: {source}")
