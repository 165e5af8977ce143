"""Expected values and the off-target verdict, against values computed by hand
(docs/plan-life-design.md §5): baseline 2019 = 100, targets 2020 = 120 and 2025 = 200."""

from datetime import date
from decimal import Decimal

import pytest

from faisse.indicators.display import (
    format_exact,
    format_gap,
    format_number,
    format_value,
    verdict,
)
from faisse.indicators.models import Indicator, IndicatorValue
from faisse.indicators.targets import expected_value, indicator_status, load_series
from faisse.indicators.testing import make_indicator

TARGETS = {2020: Decimal(120), 2025: Decimal(200)}
BASELINE = (2019, Decimal(100))


def unsaved(direction=Indicator.Direction.INCREASE, baseline=True) -> Indicator:
    indicator = Indicator(title="Linéaire de pistes cyclables", unit="km", direction=direction)
    if baseline:
        indicator.baseline_on, indicator.baseline_value = date(2019, 12, 31), Decimal(100)
    return indicator


def measured(on: date, value) -> IndicatorValue:
    return IndicatorValue(on=on, value=Decimal(value))


def test_expected_value_interpolates_between_the_nearest_targets():
    assert expected_value(2022, TARGETS, BASELINE) == 152  # 120 + 80 × 2/5
    assert expected_value(2021, TARGETS, BASELINE) == 136
    assert expected_value(2024, TARGETS, BASELINE) == 184


def test_expected_value_is_the_target_of_its_year_and_the_baseline_counts_as_one():
    assert expected_value(2020, TARGETS, BASELINE) == 120
    assert expected_value(2025, TARGETS, BASELINE) == 200
    assert expected_value(2019, TARGETS, BASELINE) == 100


def test_a_target_of_the_baseline_year_wins_over_the_baseline():
    assert expected_value(2019, {2019: Decimal(90), 2025: Decimal(200)}, BASELINE) == 90


def test_after_the_last_target_the_last_target_is_expected():
    assert expected_value(2026, TARGETS, BASELINE) == 200
    assert expected_value(2040, TARGETS, BASELINE) == 200


def test_before_the_first_point_nothing_is_expected():
    assert expected_value(2018, TARGETS, BASELINE) is None
    assert expected_value(2019, TARGETS) is None  # without the baseline, 2020 is the first


def test_without_targets_nothing_is_expected_even_with_a_baseline():
    assert expected_value(2022, {}, BASELINE) is None
    assert expected_value(2022, {}) is None


def test_interpolation_between_targets_without_baseline_and_with_decimals():
    targets = {2020: Decimal("10.5"), 2023: Decimal("4.5")}
    assert expected_value(2021, targets) == Decimal("8.5")
    assert expected_value(2022, targets) == Decimal("6.5")


def test_an_increasing_indicator_below_the_trajectory_is_off_target():
    status = indicator_status(unsaved(), 2022, TARGETS, [measured(date(2022, 12, 31), 140)])
    assert status.expected == 152 and status.latest == 140
    assert status.off_target is True
    assert status.gap == -12
    assert round(status.gap_percent, 2) == Decimal("-7.89")  # −12 / 152


def test_an_increasing_indicator_above_the_trajectory_is_on_target():
    status = indicator_status(unsaved(), 2022, TARGETS, [measured(date(2022, 12, 31), 160)])
    assert status.off_target is False and status.gap == 8
    equal = indicator_status(unsaved(), 2022, TARGETS, [measured(date(2022, 6, 1), 152)])
    assert equal.off_target is False and equal.gap == 0 and equal.gap_percent == 0


def test_a_decreasing_indicator_reverses_the_verdict():
    decreasing = unsaved(Indicator.Direction.DECREASE)
    at_140 = indicator_status(decreasing, 2022, TARGETS, [measured(date(2022, 12, 31), 140)])
    at_160 = indicator_status(decreasing, 2022, TARGETS, [measured(date(2022, 12, 31), 160)])
    assert at_140.off_target is False and at_160.off_target is True
    assert at_160.gap == 8


def test_the_latest_value_of_the_year_decides():
    values = [
        measured(date(2022, 11, 30), 160),
        measured(date(2022, 3, 1), 170),
        measured(date(2022, 1, 15), 130),
        measured(date(2023, 1, 1), 100),  # another year
    ]
    status = indicator_status(unsaved(), 2022, TARGETS, values)
    assert status.latest == 160 and status.latest_on == date(2022, 11, 30)
    assert status.off_target is False


def test_after_the_last_target_the_value_is_held_to_it():
    status = indicator_status(unsaved(), 2027, TARGETS, [measured(date(2027, 6, 30), 190)])
    assert status.expected == 200 and status.off_target is True and status.gap == -10


def test_no_target_no_verdict():
    status = indicator_status(unsaved(), 2022, {}, [measured(date(2022, 12, 31), 140)])
    assert status.expected is None and status.off_target is None and not status.has_verdict
    assert status.latest == 140  # the value is still given
    assert verdict(status) == "Pas de cible pour cette année"


def test_no_value_in_the_year_no_verdict():
    status = indicator_status(unsaved(), 2022, TARGETS, [measured(date(2021, 12, 31), 140)])
    assert status.expected == 152 and status.latest is None and status.off_target is None
    assert verdict(status) == "Pas de valeur mesurée cette année"


def test_a_zero_expected_value_has_no_percentage():
    status = indicator_status(
        unsaved(Indicator.Direction.DECREASE, baseline=False),
        2030,
        {2030: Decimal(0)},
        [measured(date(2030, 1, 1), 3)],
    )
    assert status.off_target is True and status.gap == 3 and status.gap_percent is None


def test_french_numbers():
    assert format_number(Decimal("1234.5"), 1) == "1\u00a0234,5"
    assert format_number(Decimal("-1234.5"), 0) == "\u22121\u00a0235"  # rounded half up
    assert format_number(Decimal("-0.0001"), 2) == "0,00"
    assert format_number(None) == "—"
    indicator = unsaved()
    assert format_value(Decimal("152"), indicator) == "152\u00a0km"
    assert format_value(Decimal("175.5"), indicator) == "176\u00a0km"  # the indicator's 0
    assert format_exact(Decimal("175.5000"), indicator) == "175,5\u00a0km"  # as entered
    status = indicator_status(indicator, 2022, TARGETS, [measured(date(2022, 12, 31), 140)])
    assert format_gap(status, indicator) == "\u221212\u00a0km (\u22127,9\u00a0%)"
    on = indicator_status(indicator, 2022, TARGETS, [measured(date(2022, 12, 31), 160)])
    assert format_gap(on, indicator) == "+8\u00a0km (+5,3\u00a0%)"
    assert verdict(status) == "En retard sur la trajectoire" and verdict(on) == "Sur la trajectoire"


@pytest.mark.django_db
def test_load_series_reads_many_indicators_in_two_queries(territory, django_assert_num_queries):
    indicators = [
        make_indicator(
            territory,
            baseline=(2019, 100),
            targets={2020: 120, 2025: 200},
            values={2021: 130, date(2022, 6, 30): 140, 2022: 150 + n},
        )
        for n in range(5)
    ]
    empty = make_indicator(territory)
    with django_assert_num_queries(2):
        series = load_series([*indicators, empty])
    first = series[indicators[0].pk]
    assert first.targets == {2020: 120, 2025: 200}
    assert [value.on for value in first.values] == [
        date(2021, 12, 31),
        date(2022, 6, 30),
        date(2022, 12, 31),
    ]
    assert first.status().year == 2022 and first.status().latest == 150
    assert first.status().expected == 152 and first.status().off_target is True
    assert series[indicators[4].pk].status(2022).off_target is False  # 154
    assert series[empty.pk].targets == {} and series[empty.pk].values == []
    assert [row.year for row in first.rows()] == [2019, 2020, 2021, 2022, 2025]
    assert first.rows()[3].interpolated and not first.rows()[1].interpolated
    assert first.rows()[0].baseline == 100
    with django_assert_num_queries(0):
        assert load_series([]) == {}
