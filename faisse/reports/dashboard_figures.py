"""The rows of the dashboard's tables and lists, each with its figures written in French
("42 %", "1 250 000 €") and the length of its bar (a percentage with a dot, for SVG)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.safestring import SafeString, mark_safe

from faisse.indicators.display import MINUS, NBSP, format_number
from faisse.plans.models import PlanNode


def percent_text(value: float | None) -> str:
    """ "42 %" (rounded half up), or "—" when there is nothing to measure."""
    if value is None:
        return "—"
    rounded = Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if abs(rounded) < 1000:  # no thousands to group: skip the locale's formatting
        return f"{int(rounded)}{NBSP}%".replace("-", MINUS)
    return f"{format_number(rounded, 0)}{NBSP}%"


def euros(value: Decimal | None) -> str:
    return "—" if value is None else f"{format_number(value, 0)}{NBSP}€"


def bar_width(value: float | None) -> str:
    """The length of a bar in % of its track: "22.5"."""
    if value is None:
        return "0"
    return f"{round(min(max(float(value), 0.0), 100.0), 1):g}"


def bar_svg(value: float | None) -> SafeString:
    """A bar drawn in SVG, hidden from assistive technologies: the figure is written
    beside it. Its length is an attribute, not a style (the CSP allows no inline style)."""
    if value is None:
        return mark_safe("")
    return mark_safe(  # noqa: S308 - a number only
        '<svg class="bar" width="100" height="10" viewBox="0 0 100 10" '
        'preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        '<rect class="bar__track" width="100" height="10"/>'
        f'<rect class="bar__fill" width="{bar_width(value)}" height="10"/></svg> '
    )


@dataclass
class ProgressRow:
    """An axis (depth 0) or one of its second-level elements (depth 1)."""

    node: PlanNode
    url: str  # its page
    filter_url: str  # the dashboard filtered by it (axes)
    depth: int
    progress: float | None
    actions: int
    late: int

    @property
    def progress_text(self) -> str:
        return percent_text(self.progress)

    @property
    def bar(self) -> SafeString:
        return bar_svg(self.progress)


@dataclass
class Share:
    """A group of actions (a status, a priority, a pilot, a service): how many, their
    share of the selection, how many are late, their mean progress."""

    label: str
    count: int
    total: int
    url: str = ""  # the dashboard filtered by it
    late: int = 0
    progress: float | None = None

    @property
    def share(self) -> float:
        return 100 * self.count / self.total if self.total else 0.0

    @property
    def share_text(self) -> str:
        return percent_text(self.share)

    @property
    def bar(self) -> SafeString:
        return bar_svg(self.share)

    @property
    def progress_text(self) -> str:
        return percent_text(self.progress)


@dataclass
class BudgetRow:
    """Amounts in € HT; `funded` is None where it is not known (fundings have no year)."""

    label: str
    planned: Decimal
    actual: Decimal
    funded: Decimal | None

    @property
    def planned_text(self) -> str:
        return euros(self.planned)

    @property
    def actual_text(self) -> str:
        return euros(self.actual)

    @property
    def funded_text(self) -> str:
        return euros(self.funded)

    @property
    def spent(self) -> float | None:
        """Actual in % of planned."""
        return float(self.actual * 100 / self.planned) if self.planned else None

    @property
    def spent_text(self) -> str:
        return percent_text(self.spent)

    @property
    def bar(self) -> SafeString:
        return bar_svg(self.spent)


@dataclass
class ActionItem:
    """A late action (`when` its end date) or one due soon (`when` its end date or the
    date of its next milestone, whichever comes first)."""

    node: PlanNode
    label: str  # the node's label, computed once (it asks the translations)
    url: str
    status: str
    when: date | None
    progress: float | None
    pilots: list[str] = field(default_factory=list)

    @property
    def progress_text(self) -> str:
        return percent_text(self.progress)


@dataclass
class IndicatorItem:
    indicator: object
    url: str
    year: int
    latest: str
    expected: str
    gap: str
    nodes: list[tuple[str, str]] = field(default_factory=list)  # (label, page) it measures
