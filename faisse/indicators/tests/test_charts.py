"""The indicator's SVG chart: well-formed, named and described, one mark per value and
target, and a standalone document that typst (the yearly report's engine) renders."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest

from faisse.indicators.charts import (
    description,
    indicator_chart,
    indicator_svg,
    nice_ticks,
    value_moments,
)
from faisse.indicators.models import Indicator, IndicatorValue
from faisse.indicators.targets import Series

SVG = "{http://www.w3.org/2000/svg}"


def series(values=None, targets=None, baseline=True, **fields) -> Series:
    indicator = Indicator(pk=7, title="Linéaire de pistes <cyclables> & voies", unit="km", **fields)
    if baseline:
        indicator.baseline_on, indicator.baseline_value = date(2019, 12, 31), Decimal(100)
    values = {date(2021, 12, 31): 130, date(2022, 12, 31): 140} if values is None else values
    targets = {2020: 120, 2025: 200} if targets is None else targets
    return Series(
        indicator,
        {year: Decimal(value) for year, value in targets.items()},
        [IndicatorValue(on=on, value=Decimal(value)) for on, value in values.items()],
    )


def marks(root, cls: str, tag: str = "") -> list:
    return [el for el in root.iter() if el.get("class") == cls and (not tag or tag in el.tag)]


def test_the_chart_is_an_image_named_and_described():
    root = ET.fromstring(str(indicator_chart(series(), id_prefix="pistes")))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "pistes-titre pistes-desc"
    title, desc = root.find("title"), root.find("desc")
    assert title.get("id") == "pistes-titre"
    assert title.text == "Linéaire de pistes <cyclables> & voies"  # escaped, read back
    assert desc.get("id") == "pistes-desc"
    assert "Valeurs mesurées : 130\u00a0km au 31/12/2021, 140\u00a0km au 31/12/2022." in desc.text
    assert "Cibles : 120\u00a0km en 2020, 200\u00a0km en 2025." in desc.text
    assert "Référence : 100\u00a0km en 2019." in desc.text
    assert "En 2022, valeur attendue 152\u00a0km : en retard sur la trajectoire" in desc.text
    assert "\u221212\u00a0km (\u22127,9\u00a0%)" in desc.text
    assert root.get("width") == "100%"  # follows the page; no namespace inside HTML
    assert "http://" not in str(indicator_chart(series()))


def test_one_point_per_value_one_hollow_mark_per_target_one_baseline():
    root = ET.fromstring(str(indicator_chart(series())))
    assert len(marks(root, "chart-value")) == 2
    targets = marks(root, "chart-target")
    assert len(targets) == 2 and all(t.get("fill") == "none" for t in targets)
    assert len(marks(root, "chart-baseline")) == 1
    lines = [el for el in root.iter("line") if el.get("stroke-dasharray") == "6 4"]
    assert len(lines) == 2  # 2019 → 2020 → 2025 (the last target is the last year)
    legend = marks(root, "chart-legend")[0]
    assert [t.text for t in legend.iter("text")] == ["Valeurs mesurées", "Cibles", "Référence"]


def test_the_trajectory_stays_flat_after_the_last_target():
    later = series(values={date(2027, 12, 31): 190})
    root = ET.fromstring(str(indicator_chart(later)))
    dashed = [el for el in root.iter("line") if el.get("stroke-dasharray") == "6 4"]
    assert len(dashed) == 3  # 2019 → 2020 → 2025 → 2027
    assert dashed[-1].get("y1") == dashed[-1].get("y2")


def test_a_single_value_of_a_year_sits_in_its_middle_and_several_spread():
    values = [
        IndicatorValue(on=date(2021, 12, 31), value=1),
        IndicatorValue(on=date(2022, 3, 1), value=1),
        IndicatorValue(on=date(2022, 9, 1), value=1),
    ]
    assert value_moments(values) == [2021.5, 2022 + 1 / 3, 2022 + 2 / 3]


def test_small_chart_has_no_legend_and_names_the_first_and_last_years():
    root = ET.fromstring(str(indicator_chart(series(), small=True)))
    assert not marks(root, "chart-legend")
    years = [t.text for t in root.iter("text") if t.text and t.text.isdigit() and len(t.text) == 4]
    assert years == ["2019", "2025"]


def test_without_value_target_or_baseline_there_is_no_chart():
    assert indicator_chart(series(values={}, targets={}, baseline=False)) == ""
    only_targets = ET.fromstring(str(indicator_chart(series(values={}, baseline=False))))
    assert len(marks(only_targets, "chart-target")) == 2
    assert "Aucune valeur mesurée." in only_targets.find("desc").text


def test_many_values_are_summed_up_in_the_description():
    values = {date(2010 + n, 12, 31): 100 + n for n in range(10)}
    text = description(series(values=values, targets={}))
    assert text.startswith(
        "10 valeurs mesurées du 31/12/2010 au 31/12/2019, de 100\u00a0km à 109\u00a0km ; "
        "la dernière : 109\u00a0km. Aucune cible."
    )


def test_equal_values_and_negative_values_still_draw():
    flat = ET.fromstring(str(indicator_chart(series(values={date(2022, 1, 1): 100}, targets={}))))
    assert len(marks(flat, "chart-value")) == 1
    negative = series(values={date(2022, 1, 1): -30}, targets={2022: -50}, baseline=False)
    root = ET.fromstring(str(indicator_chart(negative)))
    labels = [t.text for t in root.iter("text")]
    assert "\u221250" in labels  # a gridline with the minus sign


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (100, 200, [100, 125, 150, 175, 200]),
        (0, 0.8, [0, 0.2, 0.4, 0.6, 0.8]),
        (-50, -30, [-50, -45, -40, -35, -30]),
        (5, 5, [4.5, 4.75, 5, 5.25, 5.5]),  # one value: ± 10 %
    ],
)
def test_gridlines_fall_on_round_values(low, high, expected):
    assert nice_ticks(low, high) == expected


def test_the_standalone_svg_is_a_document_typst_renders():
    typst = pytest.importorskip("typst")
    text = indicator_svg(series(), width=640)
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("width") == "640"
    assert root.find(f"{SVG}title").text.startswith("Linéaire")
    assert len([el for el in root.iter(f"{SVG}circle") if el.get("class") == "chart-value"]) == 2
    png = typst.compile(
        b"#set page(width: auto, height: auto, margin: 4pt)\n#image(bytes(sys.inputs.svg), "
        b'format: "svg")',
        format="png",
        sys_inputs={"svg": text},
    )
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
