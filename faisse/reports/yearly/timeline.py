"""The follow-up as it stood at a date, and what happened during a year.

Status at a date (docs/plan-life-design.md §2.4): the latest status change dated on or
before it; if every change is later, the status before the first one; with no change, the
sheet's status. Progress entered by hand is read back the same way, and a milestone
counts as reached at a date when it was done by then (a milestone done without a date
counts as done). `rewind` applies this to a loaded `PlanFollowUp` before any figure is
computed, so that progress, lateness and counts are those of 31 December, even when the
report is edited months later.
"""

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from faisse.actions.follow_up import MilestoneCount, PlanFollowUp
from faisse.actions.models import ActionUpdate, Milestone
from faisse.actions.updating import value_on


@dataclass(frozen=True)
class Change:
    on: date
    pk: int
    old_status: str
    new_status: str
    old_progress: int | None
    new_progress: int | None


@dataclass(frozen=True)
class MilestoneRow:
    title: str
    due_on: date | None
    done: bool
    done_on: date | None

    def done_by(self, day: date) -> bool:
        return self.done and (self.done_on is None or self.done_on <= day)


@dataclass(frozen=True)
class Note:
    on: date
    text: str
    is_public: bool


@dataclass
class Timeline:
    """Every dated change and milestone of a plan's actions, by node pk."""

    changes: dict[int, list[Change]] = field(default_factory=lambda: defaultdict(list))
    milestones: dict[int, list[MilestoneRow]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def load(cls, plan) -> "Timeline":
        """Two queries: the updates that change a status or a progress, the milestones."""
        found = cls()
        updates = (
            ActionUpdate.objects.filter(plan=plan)
            .exclude(new_status="", new_progress=None)
            .order_by("on", "pk")
            .values_list(
                "sheet__node_id",
                "on",
                "pk",
                "old_status",
                "new_status",
                "old_progress",
                "new_progress",
            )
        )
        for node_id, *values in updates:
            found.changes[node_id].append(Change(*values))
        milestones = (
            Milestone.objects.filter(sheet__plan=plan)
            .order_by("position", "due_on", "pk")
            .values_list("sheet__node_id", "title", "due_on", "done", "done_on")
        )
        for node_id, *values in milestones:
            found.milestones[node_id].append(MilestoneRow(*values))
        return found

    def status_on(self, node_id: int, current: str, day: date) -> str:
        return value_on(self.changes.get(node_id, ()), current, day, "status")

    def progress_on(self, node_id: int, current: int | None, day: date) -> int | None:
        return value_on(self.changes.get(node_id, ()), current, day, "progress")

    def status_changes_in(self, node_id: int, first: date, last: date) -> list[Change]:
        return [
            c
            for c in self.changes.get(node_id, ())
            if c.new_status and c.new_status != c.old_status and first <= c.on <= last
        ]

    def milestones_reached_in(self, node_id: int, first: date, last: date) -> list[MilestoneRow]:
        return [
            m
            for m in self.milestones.get(node_id, ())
            if m.done and m.done_on and first <= m.done_on <= last
        ]


def rewind(follow_up: PlanFollowUp, timeline: Timeline, day: date) -> None:
    """Make the follow-up that of the end of `day`: statuses, hand-entered progress and
    milestone counts as they were then (copies of the sheets; nothing is saved). Call it
    before asking the follow-up any figure: progress is memoised as it is computed."""
    for node_id, sheet in list(follow_up.sheets.items()):
        status = timeline.status_on(node_id, sheet.status, day)
        progress = timeline.progress_on(node_id, sheet.progress, day)
        if (status, progress) != (sheet.status, sheet.progress):
            sheet = copy.copy(sheet)
            sheet.status, sheet.progress = status, progress
            follow_up.sheets[node_id] = sheet
    counts: dict[int, MilestoneCount] = defaultdict(MilestoneCount)
    for node_id, rows in timeline.milestones.items():
        count = counts[node_id]
        for row in rows:
            done = row.done_by(day)
            count.total += 1
            count.done += done
            if not done and row.due_on:
                count.late += row.due_on < day
                if count.next_due is None or row.due_on < count.next_due:
                    count.next_due = row.due_on
    follow_up.milestones = counts


def notes_of_year(plan, first: date, last: date, *, drafts: bool) -> dict[int, list[Note]]:
    """The notes dated within the year, by node pk: public ones only unless `drafts`."""
    updates = ActionUpdate.objects.filter(plan=plan, on__range=(first, last)).exclude(note="")
    if not drafts:
        updates = updates.filter(is_public=True)
    found: dict[int, list[Note]] = defaultdict(list)
    for node_id, on, text, public in updates.order_by("on", "pk").values_list(
        "sheet__node_id", "on", "note", "is_public"
    ):
        found[node_id].append(Note(on, text, public))
    return found
