"""Server-drawn SVG maps of a territory's communes, from their GeoJSON boundaries.

Pure functions: no request, no query. The caller passes the communes, the values and a
URL builder, so that the same SVG serves a web page (inline, each commune a link) and a
file of its own (`standalone=True` adds the XML namespace; `legend=True` draws the legend
inside), as the coming reports will need.

Projection: equirectangular, longitudes scaled by the cosine of the mean latitude (faithful
enough over the few tens of kilometres of an intercommunality), fitted to a viewBox of
`width` units; points rounded to 0.1 unit, then written as relative moves.

Accessibility: the SVG is a group of links (role="group") named by its <title>, never
role="img", which would hide the links from assistive technologies. Each link carries a
<title> that is both its accessible name and the tooltip. The page should also give the
values as a table: a map is never the only way to read them.
"""

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Sequential scale (ColorBrewer YlOrBr, colour-blind safe, printable in grey): lightness
# falls steadily from class to class. The "0" class is a neutral stone, lighter than every
# other class, so that "no action" never reads as "a few actions".
ZERO_FILL = "#f4f1eb"
MISSING_FILL = "#ffffff"
RAMP = ("#fec44f", "#fe9929", "#d95f0e", "#993404")
# Which colours of RAMP to use for 1, 2, 3 or 4 positive classes: always end dark.
RAMP_INDICES = {1: (2,), 2: (1, 3), 3: (0, 2, 3), 4: (0, 1, 2, 3)}
STROKE = "#5f6368"  # commune borders: 5:1 against the "0" class, the most common fill
HIGHLIGHT_FILL = "#8a4b12"
HIGHLIGHT_STROKE = "#1d1f1c"
TEXT = "#1d1f1c"


@dataclass(frozen=True)
class MapClass:
    """One class of a scale: its colour, the range of the values it holds, its legend text."""

    index: int
    fill: str
    low: float | None
    high: float | None
    label: str
    count: int = 0  # how many communes fall in it


@dataclass(frozen=True)
class Scale:
    """Classes of a choropleth: "0", up to four positive classes, and "no data" if needed."""

    zero: MapClass
    positive: tuple[MapClass, ...]
    thresholds: tuple[float, ...]  # lower bound of positive classes 2, 3, 4
    missing: MapClass | None = None

    @property
    def classes(self) -> list[MapClass]:
        found = [self.zero, *self.positive]
        return [*found, self.missing] if self.missing else found

    def class_of(self, value: float | None) -> MapClass:
        if value is None:
            return self.missing or self.zero
        if value <= 0 or not self.positive:
            return self.zero
        return self.positive[bisect_right(self.thresholds, value)]


def format_number(value: float, decimals: int = 0) -> str:
    """In the active language ("6,2" in French); rounded, where number_format truncates."""
    return number_format(round(value, decimals), decimal_pos=decimals, force_grouping=True)


def classify(values: Iterable[float | None], *, classes: int = 4, decimals: int = 0) -> Scale:
    """A scale for these values: zero apart, then quantile classes of the positive values.

    With no more distinct positive values than classes, each value is a class of its own.
    Each class is labelled by the smallest and largest value it actually holds, so the
    legend never announces a value that no commune has.
    """
    values = list(values)
    known = [value for value in values if value is not None]
    positives = sorted(value for value in known if value > 0)
    thresholds = _breaks(positives, min(classes, len(RAMP)))
    groups: list[list[float]] = [[] for _i in range(len(thresholds) + 1)] if positives else []
    for value in positives:
        groups[bisect_right(thresholds, value)].append(value)
    fills = [RAMP[i] for i in RAMP_INDICES.get(len(groups), ())]
    positive = tuple(
        MapClass(i + 1, fills[i], g[0], g[-1], _range_label(g[0], g[-1], decimals), len(g))
        for i, g in enumerate(groups)
    )
    zero = MapClass(0, ZERO_FILL, 0, 0, format_number(0), len(known) - len(positives))
    missing = None
    if len(known) < len(values):
        label, count = _("non renseigné"), len(values) - len(known)
        missing = MapClass(len(positive) + 1, MISSING_FILL, None, None, label, count)
    return Scale(zero=zero, positive=positive, thresholds=tuple(thresholds), missing=missing)


def _breaks(positives: list[float], classes: int) -> list[float]:
    """Lower bounds of classes 2…n: classes of nearly equal size (quantiles) that never split
    equal values; the target size is recomputed as classes fill, so ties cost no class."""
    counts = Counter(positives)
    distinct = sorted(counts)
    if len(distinct) <= classes:
        return distinct[1:]
    thresholds: list[float] = []
    left, open_classes, held = len(positives), classes, 0
    target = left / classes
    for i, value in enumerate(distinct):
        still_to_open = open_classes - 1
        if held and still_to_open:
            closer = held + counts[value] / 2 > target  # stopping here is nearer the target
            if closer or len(distinct) - i <= still_to_open:
                thresholds.append(value)
                left -= held
                open_classes -= 1
                target = left / open_classes
                held = 0
        held += counts[value]
    return thresholds


def _range_label(low: float, high: float, decimals: int) -> str:
    low_text, high_text = format_number(low, decimals), format_number(high, decimals)
    if low_text == high_text:
        return low_text
    return _("%(low)s à %(high)s") % {"low": low_text, "high": high_text}


# -- geometry -----------------------------------------------------------------------------


def _rings(geometry: Mapping | None) -> list[list[list[float]]]:
    """Every ring (outer and holes) of a GeoJSON Polygon or MultiPolygon."""
    if not geometry:
        return []
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        return list(coordinates)
    if kind == "MultiPolygon":
        return [ring for polygon in coordinates for ring in polygon]
    return []


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude to viewBox units; y grows southwards."""

    west: float
    north: float
    kx: float  # units per degree of longitude
    ky: float  # units per degree of latitude
    width: float
    height: float
    padding: float

    @classmethod
    def fit(cls, geometries: Iterable[Mapping | None], width: float, padding: float = 8):
        lons, lats = [], []
        for ring in (ring for geometry in geometries for ring in _rings(geometry)):
            for point in ring:
                lons.append(point[0])
                lats.append(point[1])
        if not lons:
            return cls(0, 0, 1, 1, width, width / 2, padding)
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        squeeze = math.cos(math.radians((south + north) / 2))
        span_x = max((east - west) * squeeze, 1e-9)
        span_y = max(north - south, 1e-9)
        scale = (width - 2 * padding) / span_x
        height = round(span_y * scale + 2 * padding, 1)
        return cls(west, north, scale * squeeze, scale, width, height, padding)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = (
            self.padding + (lon - self.west) * self.kx,
            self.padding + (self.north - lat) * self.ky,
        )
        return round(x, 1), round(y, 1)


def _tenths(value: int) -> str:
    """An integer number of tenths as SVG text: 12 → "1.2", -30 → "-3", 5 → "0.5"."""
    whole, tenth = divmod(abs(value), 10)
    sign = "-" if value < 0 else ""
    return f"{sign}{whole}.{tenth}" if tenth else f"{sign}{whole}"


def _num(value: float) -> str:
    return _tenths(round(value * 10))


def path_data(geometry: Mapping | None, projection: Projection) -> str:
    """An SVG path for the geometry: absolute start per ring, then relative moves.

    Points are rounded to integer tenths of a unit first, so relative moves add up exactly.
    """
    west, north, pad = projection.west, projection.north, projection.padding
    kx, ky = projection.kx * 10, projection.ky * 10
    pad10 = pad * 10
    parts = []
    for ring in _rings(geometry):
        points: list[tuple[int, int]] = []
        for point in ring:
            xy = (round(pad10 + (point[0] - west) * kx), round(pad10 + (north - point[1]) * ky))
            if not points or xy != points[-1]:
                points.append(xy)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()  # "z" closes the ring
        if len(points) < 3:
            continue
        x, y = points[0]
        moves = []
        for px, py in points[1:]:
            moves.append(f"{_tenths(px - x)} {_tenths(py - y)}")
            x, y = px, py
        parts.append(f"M{_tenths(points[0][0])} {_tenths(points[0][1])}l{' '.join(moves)}z")
    return "".join(parts)


def label_point(geometry: Mapping | None, projection: Projection) -> tuple[float, float] | None:
    """The centroid of the largest outer ring, in viewBox units (where to write a name)."""
    best, best_area = None, 0.0
    outer = []
    if geometry and geometry.get("type") == "Polygon":
        outer = geometry["coordinates"][:1]
    elif geometry and geometry.get("type") == "MultiPolygon":
        outer = [polygon[0] for polygon in geometry["coordinates"] if polygon]
    for ring in outer:
        points = [projection.point(p[0], p[1]) for p in ring]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) > best_area:
            best_area = abs(area)
            best = (cx / (3 * area), cy / (3 * area))
    return best


# -- drawing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    """One commune as drawn: its outline, colour, link and name (tooltip + link name)."""

    geometry: Mapping | None
    title: str
    fill: str
    url: str = ""
    css_class: str = ""
    highlighted: bool = False
    label: str = ""  # a name written on the map (highlighted communes)


def draw_map(
    areas: list[Area],
    *,
    title: str,
    description: str = "",
    width: int = 800,
    id_prefix: str = "carte",
    standalone: bool = False,
    legend: Scale | None = None,
    legend_title: str = "",
) -> SafeString:
    """The SVG of these areas; highlighted ones are drawn last, so their border shows."""
    projection = Projection.fit((area.geometry for area in areas), width)
    map_height = projection.height
    legend_svg, legend_height = "", 0.0
    if legend is not None:
        legend_svg, legend_height = _legend(legend, legend_title, map_height)
    height = round(map_height + legend_height, 1)
    title_id, desc_id = f"{id_prefix}-titre", f"{id_prefix}-description"
    attrs = [
        f'class="faisse-map" viewBox="0 0 {width} {_num(height)}"',
        f'width="{width}" height="{_num(height)}"',
        f'role="group" aria-labelledby="{title_id}"',
    ]
    if description:
        attrs.append(f'aria-describedby="{desc_id}"')
    if standalone:
        attrs.insert(0, 'xmlns="http://www.w3.org/2000/svg"')
    out = [f"<svg {' '.join(attrs)}>", f'<title id="{title_id}">{escape(title)}</title>']
    if description:
        out.append(f'<desc id="{desc_id}">{escape(description)}</desc>')
    out.append(
        f'<g class="faisse-map__areas" fill-rule="evenodd" stroke="{STROKE}" '
        'stroke-width="0.7" stroke-linejoin="round">'
    )
    labels = []
    for area in sorted(areas, key=lambda a: a.highlighted):
        d = path_data(area.geometry, projection)
        if not d:
            continue
        path = f'<path d="{d}" fill="{area.fill}"'
        if area.highlighted:
            path += f' stroke="{HIGHLIGHT_STROKE}" stroke-width="2.5"'
        path += "/>"
        css = f' class="{escape(area.css_class)}"' if area.css_class else ""
        if area.url:
            out.append(
                f'<a href="{escape(area.url)}"{css}><title>{escape(area.title)}</title>{path}</a>'
            )
        else:
            out.append(f"<g{css}><title>{escape(area.title)}</title>{path}</g>")
        if area.label:
            point = label_point(area.geometry, projection)
            if point:
                labels.append(_label(area.label, point, width))
    out.append("</g>")
    if labels:
        out.append(f'<g class="faisse-map__labels" aria-hidden="true">{"".join(labels)}</g>')
    out.append(legend_svg)
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _label(text: str, point: tuple[float, float], width: float) -> str:
    x, y = point
    size = round(max(12, width * 0.045))
    anchor = "middle"
    if x < width * 0.2:
        anchor = "start"
    elif x > width * 0.8:
        anchor = "end"
    return (
        f'<text x="{_num(x)}" y="{_num(y - size * 0.6)}" text-anchor="{anchor}" '
        f'font-size="{size}" font-weight="700" fill="{TEXT}" stroke="#ffffff" '
        f'stroke-width="{_num(size / 4)}" '
        f'paint-order="stroke" stroke-linejoin="round" '
        f'font-family="system-ui, sans-serif">{escape(text)}</text>'
    )


def _legend(scale: Scale, title: str, top: float) -> tuple[str, float]:
    """A legend under the map, for a standalone SVG; pages give an HTML legend."""
    row, swatch, font = 30, 20, 16
    out = [f'<g class="faisse-map__legend" font-family="system-ui, sans-serif" fill="{TEXT}">']
    y = top + 10
    if title:
        out.append(f'<text x="8" y="{_num(y + font)}" font-size="{font}" font-weight="700">')
        out.append(f"{escape(title)}</text>")
        y += row
    for map_class in scale.classes:
        out.append(
            f'<rect x="8" y="{_num(y)}" width="{swatch}" height="{swatch}" '
            f'fill="{map_class.fill}" stroke="{STROKE}"/>'
            f'<text x="{8 + swatch + 8}" y="{_num(y + swatch - 4)}" font-size="{font}">'
            f"{escape(map_class.label)}</text>"
        )
        y += row
    out.append("</g>")
    return "".join(out), y - top + 4


# -- the two maps the site draws ----------------------------------------------------------


def choropleth(
    communes: Iterable,
    values: Mapping[int, float | None],
    *,
    scale: Scale,
    title: str,
    title_for: Callable[[object], str],
    url_for: Callable[[object], str] | None = None,
    **options,
) -> SafeString:
    """Communes shaded by their value (by commune pk); each a link when url_for is given."""
    areas = []
    for commune in communes:
        map_class = scale.class_of(values.get(commune.pk))
        areas.append(
            Area(
                geometry=commune.boundary,
                title=title_for(commune),
                fill=map_class.fill,
                url=url_for(commune) if url_for else "",
                css_class=f"faisse-map__area faisse-map__area--c{map_class.index}",
            )
        )
    return draw_map(areas, title=title, **options)


def locator(
    communes: Iterable,
    highlighted: Iterable[int],
    *,
    title: str,
    url_for: Callable[[object], str] | None = None,
    width: int = 400,
    **options,
) -> SafeString:
    """The territory with some communes (by pk) highlighted and named on the map; drawn
    small by default, so that its lines and name stay legible when shown small."""
    chosen = set(highlighted)
    areas = [
        Area(
            geometry=commune.boundary,
            title=commune.name,
            fill=HIGHLIGHT_FILL if commune.pk in chosen else ZERO_FILL,
            url=url_for(commune) if url_for else "",
            css_class="faisse-map__area"
            + (" faisse-map__area--highlighted" if commune.pk in chosen else ""),
            highlighted=commune.pk in chosen,
            label=commune.name if commune.pk in chosen else "",
        )
        for commune in communes
    ]
    return draw_map(areas, title=title, width=width, **options)
