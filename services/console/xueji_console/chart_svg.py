"""Series into SVG bar charts, drawn on the server so the dashboards need no script and no CDN.

Pure: takes labelled numbers, returns markup. Every bar carries its label and its value as text,
so the chart reads without colour and a browser test can check the numbers it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

ROW_HEIGHT = 28
LABEL_WIDTH = 160
BAR_WIDTH = 360
VALUE_WIDTH = 80
WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH


@dataclass(frozen=True)
class Bar:
    """One labelled value; `shown` is the text printed after the bar (defaults to the value)."""

    label: str
    value: float
    shown: str | None = None

    def text(self) -> str:
        if self.shown is not None:
            return self.shown
        return f"{self.value:g}"


def _length(value: float, largest: float) -> float:
    # A zero or negative series still draws its labels; bars of nothing have no length.
    if largest <= 0 or value <= 0:
        return 0.0
    return round(BAR_WIDTH * value / largest, 1)


def bar_chart(title: str, bars: Sequence[Bar], *, scale_to: float | None = None) -> str:
    """A horizontal bar chart; `scale_to` fixes the full-length value (100 for percentages)."""
    largest = scale_to if scale_to is not None else max((bar.value for bar in bars), default=0.0)
    height = max(len(bars), 1) * ROW_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    if not bars:
        parts.append(f'<text class="chart-empty" x="0" y="{ROW_HEIGHT - 10}">暂无数据</text>')
    for row, bar in enumerate(bars):
        top = row * ROW_HEIGHT
        middle = top + ROW_HEIGHT - 10
        length = _length(bar.value, largest)
        parts.append(
            f'<g class="chart-bar" data-label="{escape(bar.label)}" data-value="{bar.value:g}">'
            f'<text class="chart-label" x="0" y="{middle}">{escape(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{top + 6}" width="{length}" height="{ROW_HEIGHT - 12}"/>'
            f'<text class="chart-value" x="{LABEL_WIDTH + length + 6}" y="{middle}">'
            f"{escape(bar.text())}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def share(done: int, total: int) -> Bar:
    """Progress as a percentage bar, printed as 'done/total (pct%)'."""
    percent = 0.0 if total <= 0 else round(100 * done / total, 1)
    return Bar(label="", value=percent, shown=f"{done}/{total}（{percent:g}%）")
