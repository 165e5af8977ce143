"""One action sheet on one A4 page, to hand to an élu (docs/action-pdf.md).

    data = action_sheet_pdf(node)            # bytes of a one-page PDF
    file_name(node)                          # ales-agglomeration-fiche-action-….pdf

`action_page` gathers what the page says, `action_pdf_layout` typesets it with the plan
export's Typst frame (every text as a string literal, never as markup). The page must stay
one page whatever the sheet holds: lists are cut ("… et 4 autres étapes"), long texts
clamped, and a last guard in the layout scales the page's body down if it still overflows.

With `drafts` (the default, for members who read drafts) the page names the pilots and
élus, the services and partners, the budget and fundings, internal notes and unpublished
indicators; without it only what the public may read. A constant number of queries,
whatever the size of the plan (tested).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.actions import statuses
from faisse.actions.follow_up import Budget, PlanFollowUp
from faisse.actions.models import SDG, ActionSheet, ActionUpdate, Funding, Milestone
from faisse.indicators.charts import indicator_svg
from faisse.indicators.display import format_value, verdict
from faisse.indicators.models import Indicator
from faisse.indicators.targets import load_series
from faisse.locations.communes import search_key
from faisse.locations.geography import PlanGeography
from faisse.plans.exporting.document import node_text
from faisse.plans.exporting.typography import one_line, paragraphs
from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree
from faisse.reports.action_pdf_layout import write_pdf

# What one page holds at most; the rest is counted ("… et N autres").
MAX_MILESTONES = 6
MAX_NOTES = 3
MAX_INDICATORS = 3
MAX_FUNDINGS = 4
MAX_NAMES = 5  # pilots, élus, organisations of one kind
MAX_COMMUNES = 14
MAX_PROGRAMMES = 5
MAX_SDGS = 5
TITLE_CHARS = 200
PATH_CHARS = 70
DESCRIPTION_CHARS = 420
OBJECTIVES_CHARS = 300
MAX_EFFECTS = 4
NOTE_CHARS = 200
LINE_CHARS = 110  # a milestone, a funding, an indicator's title
SPARKLINE_WIDTH = 340  # px of the small chart, drawn 8 cm wide: its texts about 8 pt


def clamp(text: str, limit: int) -> str:
    """The text on one line, cut at a word before `limit` characters, with "…"."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


@dataclass
class Shown:
    """A list cut to what fits: the items shown, and how many are left out."""

    items: list
    more: int = 0


def cut(items: list, limit: int) -> Shown:
    return Shown(items[:limit], max(0, len(items) - limit))


@dataclass
class MilestoneLine:
    title: str
    done: bool
    day: date | None  # done on, else due on
    late: bool


@dataclass
class NoteLine:
    on: date
    text: str
    status: str  # the status it moved to, "" when unchanged
    progress: int | None
    is_public: bool


@dataclass
class FundingLine:
    financers: str
    amount: object  # Decimal | None
    year: int | None


@dataclass
class IndicatorLine:
    title: str
    kind: str
    latest: str  # "312 t en 2025", or ""
    verdict: str  # "Sur la trajectoire", "En retard sur la trajectoire", or ""
    off_target: bool
    svg: str  # the small chart, "" when there is nothing to draw


@dataclass
class ActionPage:
    territory: str
    plan: str
    path: list[str]
    kind_number: str  # "Action 1.2.3", "Action"
    title: str
    description: str
    status: str
    status_value: str
    is_late: bool
    late_reason: str
    priority: str
    progress: float | None
    progress_detail: str
    start_date: date | None
    end_date: date | None
    continuous: bool
    drafts: bool
    edited_on: date
    objectives: str = ""
    effects: Shown = field(default_factory=lambda: Shown([]))
    audiences: Shown = field(default_factory=lambda: Shown([]))
    pilots: Shown = field(default_factory=lambda: Shown([]))
    referents: Shown = field(default_factory=lambda: Shown([]))
    services: Shown = field(default_factory=lambda: Shown([]))
    structures: Shown = field(default_factory=lambda: Shown([]))
    partners: Shown = field(default_factory=lambda: Shown([]))
    budget: Budget | None = None  # members only
    fundings: Shown = field(default_factory=lambda: Shown([]))
    milestones: Shown = field(default_factory=lambda: Shown([]))
    milestone_counts: tuple[int, int] = (0, 0)  # (done, total)
    notes: Shown = field(default_factory=lambda: Shown([]))
    indicators: Shown = field(default_factory=lambda: Shown([]))
    communes: Shown = field(default_factory=lambda: Shown([]))
    programmes: Shown = field(default_factory=lambda: Shown([]))
    sdgs: Shown = field(default_factory=lambda: Shown([]))


def action_page(node: PlanNode, *, drafts: bool = True, today: date | None = None) -> ActionPage:
    """What the page says of the action `node` (loaded with its plan and territory)."""
    today = today or timezone.localdate()
    plan = node.plan
    plan.territory = node.territory  # read with the node: no query
    tree = PlanTree.load(plan, drafts=drafts)
    shown = tree.by_id.get(node.pk, node)
    follow_up = PlanFollowUp.load(tree, today=today)
    sheet = follow_up.sheet(shown)
    is_late = follow_up.is_late(shown)
    counts = follow_up.milestones.get(node.pk)
    page = ActionPage(
        territory=plan.territory.name,
        plan=plan.title,
        path=[clamp(node_text(ancestor), PATH_CHARS) for ancestor in tree.ancestors(shown)],
        kind_number=one_line(f"{node.kind_label} {node.number}"),
        title=clamp(node.title or node_text(node), TITLE_CHARS),
        description=clamp(" ".join(paragraphs(node.description)), DESCRIPTION_CHARS),
        status=statuses.label(sheet.status),
        status_value=sheet.status,
        is_late=is_late,
        late_reason=_late_reason(sheet, is_late, today),
        priority=sheet.get_priority_display() if sheet.priority else "",
        progress=follow_up.progress(shown),
        progress_detail=_progress_detail(sheet, counts),
        start_date=sheet.start_date,
        end_date=sheet.end_date,
        continuous=sheet.continuous,
        drafts=drafts,
        edited_on=today,
        milestone_counts=(counts.done, counts.total) if counts else (0, 0),
        communes=cut(_communes(tree, shown), MAX_COMMUNES),
        indicators=_indicators(node, drafts),
        objectives=clamp(sheet.objectives, OBJECTIVES_CHARS),
        effects=cut([clamp(e, LINE_CHARS) for e in sheet.expected_effects], MAX_EFFECTS),
        audiences=cut([clamp(a, 60) for a in sheet.target_audiences], MAX_NAMES),
    )
    if sheet.pk:
        _sheet_rows(page, sheet, today)
    if drafts:
        _people(page, node, sheet)
        page.budget = follow_up.budget(shown)
    return page


def _late_reason(sheet: ActionSheet, is_late: bool, today: date) -> str:
    if not is_late:
        return ""
    if sheet.end_date and sheet.end_date < today:
        return _("la date de fin est passée")
    return _("déclarée en retard par son pilote")


def _progress_detail(sheet: ActionSheet, counts) -> str:
    if sheet.status == statuses.Status.DONE:
        return _("action réalisée")
    source = sheet.progress_source
    if source == ActionSheet.ProgressSource.MANUAL:
        return _("saisi par le pilote")
    if source in (ActionSheet.ProgressSource.MILESTONES, ActionSheet.ProgressSource.AUTO) and (
        counts and counts.total
    ):
        if not counts.done:
            return _("aucune étape réalisée sur %(total)s") % {"total": counts.total}
        return ngettext(
            "%(done)s étape réalisée sur %(total)s",
            "%(done)s étapes réalisées sur %(total)s",
            counts.done,
        ) % {"done": counts.done, "total": counts.total}
    if source == ActionSheet.ProgressSource.SUB_ACTIONS:
        return _("d’après les sous-actions")
    return ""


def _sheet_rows(page: ActionPage, sheet: ActionSheet, today: date) -> None:
    """Milestones, the last notes, programmes and SDGs: four queries."""
    milestones = list(Milestone.objects.filter(sheet=sheet))
    page.milestones = _milestone_window(milestones, today)
    updates = ActionUpdate.objects.filter(sheet=sheet).exclude(note="")
    if not page.drafts:
        updates = updates.filter(is_public=True)
    notes = list(updates.order_by("-on", "-id"))
    page.notes = Shown(
        [
            NoteLine(
                on=update.on,
                text=clamp(update.note, NOTE_CHARS),
                status=statuses.label(update.new_status) if update.changes_status else "",
                progress=update.new_progress
                if update.new_progress != update.old_progress
                else None,
                is_public=update.is_public,
            )
            for update in notes[:MAX_NOTES]
        ],
        max(0, len(notes) - MAX_NOTES),
    )
    programmes = [clamp(p.name, LINE_CHARS) for p in sheet.programmes.order_by("name")]
    page.programmes = cut(programmes, MAX_PROGRAMMES)
    numbers = sorted({n for n in sheet.sdgs if n in SDG.values})
    sdgs = [_("ODD %(n)s : %(label)s") % {"n": n, "label": SDG(n).label} for n in numbers]
    page.sdgs = cut(sdgs, MAX_SDGS)


def _milestone_window(milestones: list[Milestone], today: date) -> Shown:
    """At most MAX_MILESTONES in the plan's order, around the first one still to do (the
    two done before it, then what comes), so that a long list shows what is next."""
    lines = [
        MilestoneLine(
            title=clamp(m.title, LINE_CHARS),
            done=m.done,
            day=m.done_on if m.done else m.due_on,  # a milestone done on no date: none
            late=not m.done and bool(m.due_on) and m.due_on < today,
        )
        for m in milestones
    ]
    if len(lines) <= MAX_MILESTONES:
        return Shown(lines)
    first_todo = next((i for i, line in enumerate(lines) if not line.done), len(lines))
    start = max(0, min(first_todo - 2, len(lines) - MAX_MILESTONES))
    return Shown(lines[start : start + MAX_MILESTONES], len(lines) - MAX_MILESTONES)


def _names(people) -> list[str]:
    return [clamp(person.get_full_name() or person.email, 60) for person in people]


def _people(page: ActionPage, node: PlanNode, sheet: ActionSheet) -> None:
    """Pilots, élus, organisations and fundings: personal data and money, members only."""
    pilots = _names(node.pilots.order_by("last_name", "first_name"))
    referents: list[str] = []
    if sheet.pk:
        prefetch_related_objects(
            [sheet], "lead_structures", "lead_services", "partners", "elected_referents"
        )
        referents = _names(sheet.elected_referents.all())
        page.services = cut([clamp(o.name, 60) for o in sheet.lead_services.all()], MAX_NAMES)
        page.structures = cut([clamp(o.name, 60) for o in sheet.lead_structures.all()], MAX_NAMES)
        page.partners = cut([clamp(o.name, 60) for o in sheet.partners.all()], MAX_NAMES)
        fundings = Funding.objects.filter(sheet=sheet).prefetch_related("financers")
        page.fundings = cut(
            [
                FundingLine(
                    clamp(", ".join(o.name for o in f.financers.all()), LINE_CHARS),
                    f.amount,
                    f.year,
                )
                for f in fundings
            ],
            MAX_FUNDINGS,
        )
    page.pilots = cut(pilots + [clamp(n, 60) for n in sheet.pilot_names], MAX_NAMES)
    page.referents = cut(referents + [clamp(n, 60) for n in sheet.referent_names], MAX_NAMES)


def _communes(tree: PlanTree, node: PlanNode) -> list[str]:
    """The communes the action or one of its parents names (as on its page): one query."""
    geography = PlanGeography.load(tree.plan, tree=tree)
    names = {link.commune.name for link in geography.links_of(node)}
    return sorted(names, key=search_key)


def _indicators(node: PlanNode, drafts: bool) -> Shown:
    """The indicators linked to the action, measured ones first: three queries."""
    indicators = (
        Indicator.objects.filter(territory=node.territory_id, links__node=node)
        .visible(drafts=drafts)
        .order_by("title", "pk")
        .distinct()
    )
    found = []
    for series in load_series(indicators).values():
        indicator = series.indicator
        latest = series.latest
        status = series.status()
        found.append(
            IndicatorLine(
                title=clamp(indicator.title, LINE_CHARS),
                kind=indicator.get_kind_display(),
                latest=_("%(value)s en %(year)s")
                % {"value": format_value(latest.value, indicator), "year": latest.on.year}
                if latest
                else "",
                verdict=verdict(status) if status.has_verdict else "",
                off_target=bool(status.off_target),
                svg=indicator_svg(series, width=SPARKLINE_WIDTH, small=True),
            )
        )
    found.sort(key=lambda line: not line.latest)
    return cut(found, MAX_INDICATORS)


def action_sheet_pdf(node: PlanNode, *, drafts: bool = True, today: date | None = None) -> bytes:
    """The action's sheet as a one-page A4 PDF."""
    return write_pdf(action_page(node, drafts=drafts, today=today))


def file_name(node: PlanNode) -> str:
    """ "ales-agglomeration-fiche-action-1-2-creer-une-voie-verte.pdf": ASCII slugs."""
    title = slugify(node.title)
    if len(title) > 60:
        title = title[:61].rsplit("-", 1)[0]
    parts = [
        node.territory.slug,
        "fiche-action",
        slugify(node.number.replace(".", "-")) or str(node.pk),
        title,
    ]
    return "-".join(part for part in parts if part) + ".pdf"
