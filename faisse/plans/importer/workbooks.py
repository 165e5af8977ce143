"""Workbooks that an app above plans reads itself: the Territoires en Transitions template
carries, besides the tree, a whole action sheet per row, which only the actions app knows.

An app registers a `WorkbookImporter` in its AppConfig.ready(); `parse_upload` asks each
one whether it claims the file before the general readers. Its `read` gives a ParsedPlan
whose `after_save(plan, saved)` (saved: [(ParsedNode, PlanNode)], level by level) writes the
rest in the same transaction as the tree (`save_plan`)."""

from collections.abc import Callable
from dataclasses import dataclass

from faisse.plans.importer.outline import ParsedPlan


@dataclass(frozen=True)
class WorkbookImporter:
    claims: Callable[[bytes, str], bool]
    read: Callable[[bytes, str], ParsedPlan]


_importers: list[WorkbookImporter] = []


def register_workbook_importer(importer: WorkbookImporter) -> None:
    if importer not in _importers:
        _importers.append(importer)


def claimed_reader(data: bytes, name: str) -> Callable[[bytes, str], ParsedPlan] | None:
    return next((i.read for i in _importers if i.claims(data, name)), None)
