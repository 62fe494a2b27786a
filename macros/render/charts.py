"""Bar charts as inline SVG, drawn at build time (no script, no chart library).

Each chart is a <figure>: the SVG (role="img", <title> and <desc>) and a table
with the same numbers beside it, so a screen reader, a printout and a reader
who prefers numbers all get them. One row per unit; the unit's name sits on
its own line above the bar so that the chart stays readable 360 px wide.
"""

from dataclasses import dataclass, field

from markupsafe import Markup

from .results_jinja import fragment

WIDTH = 320  # viewBox units; the SVG scales to its column
ROW = 42  # height of one unit: name line (14 px text, issue 23) + bar
BAR = 12
TOP = 28  # room for the scale labels


@dataclass(frozen=True)
class Bar:
    label: str  # the unit's name
    value_text: str  # what is written at the right of the name line
    length: float | None  # 0..1 of the width; None: no data (no bar drawn)
    inner: float | None = None  # a part drawn darker inside the bar (0..1)
    outline: float | None = None  # a reference drawn as an outline (budget), 0..1
    state: str = "ok"  # ok | warn | none


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    bars: list[Bar]
    band: tuple[float, float] | None = None  # a shaded range (0..1), e.g. 02–04 conferences
    band_labels: tuple[str, str] | None = None
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css class, text)
    table_head: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    table_foot: list[str] | None = None
    numeric_columns: int = 1  # how many leading columns are text (not right-aligned)

    @property
    def height(self) -> int:
        return TOP + ROW * len(self.bars) + 4


def svg_figure(chart: Chart) -> Markup:
    rows = []
    for i, bar in enumerate(chart.bars):
        y = TOP + i * ROW
        rows.append({
            "bar": bar, "name_y": y + 15, "bar_y": y + 21,
            "w": None if bar.length is None else round(WIDTH * max(bar.length, 0.0), 1),
            "inner_w": None if bar.inner is None else round(WIDTH * bar.inner, 1),
            "outline_w": None if bar.outline is None else round(WIDTH * bar.outline, 1),
        })
    band = None
    if chart.band is not None:
        x0, x1 = (round(WIDTH * b, 1) for b in chart.band)
        band = {"x": x0, "w": round(x1 - x0, 1), "x1": x1}
    return fragment("chart.html", chart=chart, rows=rows, band=band, width=WIDTH, bar_h=BAR, band_top=TOP - 8)
