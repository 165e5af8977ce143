"""Builders of indicators for tests and benchmarks (real rows, no mocks).

indicator = make_indicator(territory, plan=plan, baseline=(2019, 100),
                           targets={2020: 120, 2025: 200}, values={2022: 140})
"""

from datetime import date
from decimal import Decimal
from itertools import count

from faisse.indicators.models import (
    Indicator,
    IndicatorLink,
    IndicatorTarget,
    IndicatorValue,
)

_serial = count(1)


def _day(when) -> date:
    """A date, or a year (read as its 31 December)."""
    return date(when, 12, 31) if isinstance(when, int) else when


def make_indicator(
    territory,
    *,
    plan=None,
    baseline: tuple | None = None,
    targets: dict | None = None,
    values: dict | None = None,
    nodes=(),
    pilots=(),
    **fields,
) -> Indicator:
    """A published indicator to increase. `baseline` is (year or date, value); `targets`
    {year: value}; `values` {date or year: value} (a year is its 31 December); `nodes` the
    plan elements it is linked to; `pilots` its pilots."""
    fields.setdefault("title", f"Indicateur {next(_serial)}")
    if baseline is not None:
        fields["baseline_on"] = _day(baseline[0])
        fields["baseline_value"] = Decimal(str(baseline[1]))
    indicator = Indicator.objects.create(territory=territory, plan=plan, **fields)
    add_targets(indicator, targets or {})
    add_values(indicator, values or {})
    IndicatorLink.objects.bulk_create(
        IndicatorLink(indicator=indicator, node=node, territory=territory) for node in nodes
    )
    if pilots:
        indicator.pilots.add(*pilots)
    return indicator


def add_targets(indicator: Indicator, targets: dict) -> None:
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(
            indicator=indicator,
            territory_id=indicator.territory_id,
            year=year,
            value=Decimal(str(value)),
        )
        for year, value in targets.items()
    )


def add_values(indicator: Indicator, values: dict, **fields) -> None:
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            indicator=indicator,
            territory_id=indicator.territory_id,
            on=_day(when),
            value=Decimal(str(value)),
            **fields,
        )
        for when, value in values.items()
    )
