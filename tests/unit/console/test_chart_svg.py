"""The dashboards' SVG charts: every bar shows its label and value, lengths follow the scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from xueji_console.chart_svg import BAR_WIDTH, Bar, bar_chart, share

SVG = "{http://www.w3.org/2000/svg}"


def _bars(markup: str) -> list[tuple[str, str, float]]:
    root = ET.fromstring(markup)
    found = []
    for group in root.iter(f"{SVG}g"):
        label = group.find(f"{SVG}text[@class='chart-label']").text
        value = group.find(f"{SVG}text[@class='chart-value']").text
        width = float(group.find(f"{SVG}rect").get("width"))
        found.append((label, value, width))
    return found


def test_longest_bar_fills_the_width_and_others_are_proportional() -> None:
    markup = bar_chart("按状态", [Bar("待审核", 8), Bar("已完成", 2)])
    assert _bars(markup) == [("待审核", "8", BAR_WIDTH), ("已完成", "2", BAR_WIDTH / 4)]


def test_title_is_readable_and_markup_escaped() -> None:
    markup = bar_chart("A<B", [Bar("x&y", 1)])
    root = ET.fromstring(markup)
    assert root.get("aria-label") == "A<B"
    assert root.find(f"{SVG}title").text == "A<B"
    assert _bars(markup)[0][0] == "x&y"


def test_fixed_scale_for_percentages() -> None:
    assert _bars(bar_chart("逾期率", [Bar("县一", 25, "25%")], scale_to=100)) == [
        ("县一", "25%", BAR_WIDTH / 4)
    ]


def test_zero_and_empty_series_draw_no_bar() -> None:
    assert _bars(bar_chart("空", [Bar("甲", 0)])) == [("甲", "0", 0.0)]
    empty = ET.fromstring(bar_chart("空", []))
    assert empty.find(f"{SVG}text").text == "暂无数据"


def test_share_prints_done_of_total() -> None:
    assert share(3, 4).value == 75.0
    assert share(3, 4).text() == "3/4（75%）"
    assert share(0, 0).value == 0.0
