"""A Territoires en Transitions workbook into the database: its tree through the plans
importer (save_plan), its action sheets in the same transaction (`after_save`).

The workbook reader (tet_reader) gives a TetPlan; `read_as_parsed` turns it into the
plans importer's ParsedPlan, so that `faisse import_plan FILE.xlsx` and the site's import
page take a TeT file like any document. Writing costs a constant number of queries per
kind of row (bulk inserts), whatever the number of actions.
"""

from collections import defaultdict
from pathlib import Path

from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from faisse.accounts.models import Membership
from faisse.actions.models import (
    ActionDocument,
    ActionSheet,
    Funding,
    Milestone,
    Organisation,
)
from faisse.actions.spreadsheets.tet_model import SheetFields, TetNode, TetPlan
from faisse.actions.spreadsheets.tet_reader import read_tet_workbook
from faisse.core.french import fold
from faisse.plans.importer.limits import counting_nodes
from faisse.plans.importer.outline import ParsedNode, ParsedPlan
from faisse.plans.models import PlanNode, SharedPlacement
from faisse.plans.pilots import pilot_candidates

# SheetFields that are ActionSheet columns as they are.
PLAIN_FIELDS = (
    *ActionSheet.TEXT_FIELDS,
    *ActionSheet.LIST_FIELDS,
    "participation",
    "budget_total",
    "status",
    "priority",
    "start_date",
    "end_date",
    "continuous",
)
ORGANISATION_ROLES = ("lead_structures", "lead_services", "partners")


def read_as_parsed(data: bytes, name: str) -> ParsedPlan:
    return to_parsed(read_tet_workbook(data, name), name)


def to_parsed(tet: TetPlan, name: str = "") -> ParsedPlan:
    """The TetPlan as the plans importer's ParsedPlan, its sheets kept for after_save. An
    action met again with the same Faïsse id is a shared placement, not a copy."""
    parsed = ParsedPlan(title=tet.title or Path(name).stem, unit="rangée")
    parsed.level_names = dict(tet.level_names)
    for warning in tet.warnings:
        parsed.warn(warning.row, str(warning))
    sheets: dict[int, SheetFields] = {}
    first_by_id: dict[str, ParsedNode] = {}
    shared: list[tuple[ParsedNode, ParsedNode, int]] = []

    def convert(node: TetNode, parent: ParsedNode | None, position: int) -> ParsedNode | None:
        fields = node.fields
        key = fields.faisse_id if fields is not None else ""
        if key and key in first_by_id and parent is not None:
            shared.append((parent, first_by_id[key], position))
            return None
        made = ParsedNode(
            kind=node.kind,
            title=node.title,
            line=node.row,
            number=node.number,
            description=fields.description if fields else "",
        )
        if fields is not None:
            sheets[id(made)] = fields
            if key:
                first_by_id[key] = made
        for index, child in enumerate(node.children, start=1):
            converted = convert(child, made, index)
            if converted is not None:
                made.add(converted)
        return made

    with counting_nodes():
        for index, node in enumerate(tet.nodes, start=1):
            converted = convert(node, None, index)
            if converted is not None:
                parsed.nodes.append(converted)
    parsed.after_save = lambda plan, pairs: save_sheets(plan, pairs, sheets, shared)
    return parsed


def save_sheets(plan, pairs, sheets: dict[int, SheetFields], shared) -> None:
    """Everything of the workbook but the tree, after save_plan wrote the tree."""
    saved = {id(parsed): node for parsed, node in pairs}
    reason = (_("Import de « %s »") % (plan.source_name or plan.title))[:100]
    bulk_create_with_history(
        [
            SharedPlacement(
                plan=plan,
                territory_id=plan.territory_id,
                node=saved[id(first)],
                parent=saved[id(parent)],
                position=position,
            )
            for parent, first, position in shared
        ],
        SharedPlacement,
        default_change_reason=reason,
    )
    fields_by_node = {saved[key]: fields for key, fields in sheets.items()}
    people = _People(plan.territory)
    for node, fields in fields_by_node.items():
        people.place(node, fields)
    rows = bulk_create_with_history(
        [
            ActionSheet(
                node=node,
                plan=plan,
                territory_id=plan.territory_id,
                **{name: getattr(fields, name) for name in PLAIN_FIELDS},
            )
            for node, fields in fields_by_node.items()
        ],
        ActionSheet,
        default_change_reason=reason,
    )
    sheet_of = {sheet.node_id: sheet for sheet in rows}
    organisations = _organisations(plan.territory_id, fields_by_node.values())
    for role in ORGANISATION_ROLES:
        through = getattr(ActionSheet, role).through
        through.objects.bulk_create(
            through(actionsheet_id=sheet_of[node.pk].pk, organisation_id=organisations[fold(n)].pk)
            for node, fields in fields_by_node.items()
            for n in dict.fromkeys(getattr(fields, role))
        )
    people.save(sheet_of)
    _save_rows(fields_by_node, sheet_of, organisations, reason)


def _save_rows(fields_by_node, sheet_of, organisations, reason) -> None:
    fundings, financers = [], []
    for node, fields in fields_by_node.items():
        for funding in fields.fundings:
            fundings.append(
                Funding(sheet=sheet_of[node.pk], position=funding.position, amount=funding.amount)
            )
            financers.append(funding.financers)
    fundings = bulk_create_with_history(fundings, Funding, default_change_reason=reason)
    Funding.financers.through.objects.bulk_create(
        Funding.financers.through(funding_id=funding.pk, organisation_id=organisations[fold(n)].pk)
        for funding, names in zip(fundings, financers, strict=True)
        for n in dict.fromkeys(names)
    )
    bulk_create_with_history(
        [
            Milestone(
                sheet=sheet_of[node.pk],
                position=position,
                title=milestone.title[:255],
                done=milestone.done,
                due_on=milestone.due_on,
            )
            for node, fields in fields_by_node.items()
            for position, milestone in enumerate(fields.milestones, start=1)
        ],
        Milestone,
        default_change_reason=reason,
    )
    bulk_create_with_history(
        [
            ActionDocument(sheet=sheet_of[node.pk], title=document.title[:255], url=document.url)
            for node, fields in fields_by_node.items()
            for document in fields.documents
        ],
        ActionDocument,
        default_change_reason=reason,
    )


def _organisations(territory_id: int, all_fields) -> dict[str, Organisation]:
    """{folded name: Organisation} for every name the sheets give, created when missing
    (two queries and one insert)."""
    wanted: dict[str, str] = {}
    for fields in all_fields:
        names = [n for role in ORGANISATION_ROLES for n in getattr(fields, role)]
        names += [n for funding in fields.fundings for n in funding.financers]
        for name in names:
            wanted.setdefault(fold(name), name[:255])
    found = {
        o.folded: o
        for o in Organisation.objects.filter(territory_id=territory_id, folded__in=list(wanted))
    }
    missing = [
        Organisation(territory_id=territory_id, name=n) for k, n in wanted.items() if k not in found
    ]
    for organisation in missing:
        organisation.folded = fold(organisation.name)
    Organisation.objects.bulk_create(missing)
    found.update(
        (o.folded, o)
        for o in Organisation.objects.filter(territory_id=territory_id, folded__in=list(wanted))
    )
    return found


class _People:
    """Names written in the file matched to the territory's members: a pilot named as
    exactly one member who may pilot becomes the action's pilot, an élu·e named as exactly
    one member its référent·e; the others stay as written."""

    def __init__(self, territory):
        members = Membership.objects.filter(territory=territory).select_related("user")
        by_name = defaultdict(list)
        for membership in members:
            by_name[fold(membership.user.get_full_name())].append(membership.user)
        self.members = {name: users[0] for name, users in by_name.items() if len(users) == 1}
        may_pilot = set(pilot_candidates(territory).values_list("pk", flat=True))
        self.pilots = {k: u for k, u in self.members.items() if u.pk in may_pilot}
        self.node_pilots: list[tuple[int, int]] = []
        self.referents: list[tuple[int, int]] = []

    def place(self, node: PlanNode, fields: SheetFields) -> None:
        fields.pilot_names = self._match(fields.pilot_names, self.pilots, node, self.node_pilots)
        fields.referent_names = self._match(
            fields.referent_names, self.members, node, self.referents
        )

    @staticmethod
    def _match(names, members, node, found) -> list[str]:
        kept = []
        for name in names:
            user = members.get(fold(name))
            if user is None:
                kept.append(name)
            elif (node.pk, user.pk) not in found:
                found.append((node.pk, user.pk))
        return kept

    def save(self, sheet_of) -> None:
        pilots = PlanNode.pilots.through
        pilots.objects.bulk_create(
            pilots(plannode_id=node_id, user_id=user_id) for node_id, user_id in self.node_pilots
        )
        referents = ActionSheet.elected_referents.through
        referents.objects.bulk_create(
            referents(actionsheet_id=sheet_of[node_id].pk, user_id=user_id)
            for node_id, user_id in self.referents
        )
