"""Whether an indicator is on target: pure functions, and one loader for many indicators.

**Expected value E(Y)** of year Y:
- the target of year Y, when there is one;
- otherwise the linear interpolation, by year, between the nearest targets before and
  after Y; the baseline (value and date) counts as a target of its year;
- after the last target, the last target; before the first one, nothing;
- an indicator without any target has no expected value (a baseline alone sets none).

**Off target.** V is the latest value measured in year Y. An indicator to increase is off
target when V < E(Y); one to decrease when V > E(Y). The gap V − E(Y) is given in the
indicator's unit and in % of E(Y). Without V or E(Y) there is no verdict (None).

Worked example (tested): baseline 100 in 2019, targets 120 in 2020 and 200 in 2025, to
increase. E(2022) = 120 + (200 − 120) × 2 / 5 = 152: 140 is off target (−12, −7,9 %),
160 on target; E(2030) = 200.

Callers (pages, dashboard, yearly report) load the series of many indicators at once:

    series = load_series(indicators)          # 2 queries, whatever their number
    status = series[indicator.pk].status(2025)
    status.off_target, status.gap, status.gap_percent
"""

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from faisse.indicators.models import Indicator, IndicatorTarget, IndicatorValue

HUNDRED = Decimal(100)


def anchor_points(
    targets: Mapping[int, Decimal], baseline: tuple[int, Decimal] | None
) -> list[tuple[int, Decimal]]:
    """The points of the trajectory, by year: the targets, and the baseline where no
    target is set for its year. Empty without any target."""
    if not targets:
        return []
    points = dict(targets)
    if baseline is not None:
        points.setdefault(baseline[0], baseline[1])
    return sorted(points.items())


def expected_value(
    year: int, targets: Mapping[int, Decimal], baseline: tuple[int, Decimal] | None = None
) -> Decimal | None:
    """E(year): see the module's docstring. `targets` maps a year to its target,
    `baseline` is (year, value) or None."""
    points = anchor_points(targets, baseline)
    if not points or year < points[0][0]:
        return None
    years = [point_year for point_year, _value in points]
    index = bisect_left(years, year)
    if index < len(points) and years[index] == year:
        return points[index][1]
    if index == len(points):
        return points[-1][1]
    (y0, v0), (y1, v1) = points[index - 1], points[index]
    return v0 + (v1 - v0) * (year - y0) / (y1 - y0)


@dataclass(frozen=True)
class IndicatorStatus:
    """Where an indicator stands in a year. `off_target` is None when there is no verdict
    (no value measured that year, or no expected value)."""

    year: int
    expected: Decimal | None
    latest: Decimal | None  # the latest value measured in `year`
    latest_on: date | None
    off_target: bool | None
    gap: Decimal | None  # latest − expected, in the indicator's unit
    gap_percent: Decimal | None  # gap in % of the expected value (None when it is 0)

    @property
    def has_verdict(self) -> bool:
        return self.off_target is not None


def indicator_status(
    indicator: Indicator,
    year: int,
    targets: Mapping[int, Decimal],
    values: Iterable[IndicatorValue],
) -> IndicatorStatus:
    """The status of `indicator` in `year`, from its targets ({year: value}) and its
    measured values (any order). Pure: no query."""
    baseline = (
        (indicator.baseline_year, indicator.baseline_value)
        if indicator.baseline_year is not None
        else None
    )
    expected = expected_value(year, targets, baseline)
    of_year = [value for value in values if value.on.year == year]
    latest = max(of_year, key=lambda value: value.on, default=None)
    if latest is None or expected is None:
        return IndicatorStatus(
            year, expected, latest and latest.value, latest and latest.on, None, None, None
        )
    gap = latest.value - expected
    if indicator.direction == Indicator.Direction.DECREASE:
        off = latest.value > expected
    else:
        off = latest.value < expected
    percent = gap * HUNDRED / abs(expected) if expected else None
    return IndicatorStatus(year, expected, latest.value, latest.on, off, gap, percent)


@dataclass
class YearRow:
    """One row of an indicator's table: a year with a target, a baseline or a value."""

    year: int
    target: Decimal | None  # the target set for that year
    baseline: Decimal | None  # the baseline, in its year
    status: IndicatorStatus

    @property
    def interpolated(self) -> bool:
        """The expected value is read on the trajectory, not set for that year."""
        return self.target is None and self.baseline is None and self.status.expected is not None


@dataclass
class Series:
    """One indicator with its targets and values, as loaded by `load_series`."""

    indicator: Indicator
    targets: dict[int, Decimal] = field(default_factory=dict)  # year → value, by year
    values: list[IndicatorValue] = field(default_factory=list)  # by date

    @property
    def baseline(self) -> tuple[int, Decimal] | None:
        year = self.indicator.baseline_year
        return (year, self.indicator.baseline_value) if year is not None else None

    @property
    def latest(self) -> IndicatorValue | None:
        return self.values[-1] if self.values else None

    def expected(self, year: int) -> Decimal | None:
        return expected_value(year, self.targets, self.baseline)

    def status(self, year: int | None = None) -> IndicatorStatus:
        """The status in `year`; by default in the year of the latest value (or this
        year, when nothing is measured yet)."""
        if year is None:
            year = self.latest.on.year if self.latest else date.today().year
        return indicator_status(self.indicator, year, self.targets, self.values)

    def years(self) -> list[int]:
        """Every year from the first point (baseline, target or value) to the last."""
        found = set(self.targets) | {value.on.year for value in self.values}
        if self.baseline:
            found.add(self.baseline[0])
        return list(range(min(found), max(found) + 1)) if found else []

    def rows(self) -> list[YearRow]:
        """The table beside the chart: the years that have a target, a baseline or a
        value, in order."""
        baseline = self.baseline
        measured = {value.on.year for value in self.values}
        rows = []
        for year in self.years():
            base = baseline[1] if baseline and baseline[0] == year else None
            target = self.targets.get(year)
            if target is None and base is None and year not in measured:
                continue
            rows.append(YearRow(year, target, base, self.status(year)))
        return rows


def load_series(indicators: Iterable[Indicator]) -> dict[int, Series]:
    """{indicator pk: Series} for these indicators, in 2 queries whatever their number
    (one for the targets, one for the values); none when the list is empty."""
    found = {indicator.pk: Series(indicator) for indicator in indicators}
    if not found:
        return found
    targets = IndicatorTarget.objects.filter(indicator_id__in=found).order_by("year")
    for indicator_id, year, value in targets.values_list("indicator_id", "year", "value"):
        found[indicator_id].targets[year] = value
    values = IndicatorValue.objects.filter(indicator_id__in=found).order_by("on", "pk")
    for value in values:
        value.indicator = found[value.indicator_id].indicator
        found[value.indicator_id].values.append(value)
    return found
