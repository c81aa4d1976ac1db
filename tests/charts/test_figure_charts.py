"""SVG charts of figures over time: content, German formats, reproducibility, embedding."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from report_fixture import sample_report

from generator.charts.figures import (
    ChartPoint,
    alt_text,
    date_axis,
    date_limits,
    day_number,
    positions,
    render_chart,
    render_mentions,
)
from generator.charts.stances import StancePoint, render_stances
from generator.render.write import render_report

SVG = "{http://www.w3.org/2000/svg}"
POINTS = [
    ChartPoint("2024-10-24", 12000, "Ukrainischer Militärgeheimdienst (HUR)"),
    ChartPoint("2024-10-23", 3000, "John Kirby"),
    ChartPoint("2024-10-28", 12000, "John Kirby"),
]


def texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_chart_shows_values_dates_and_claimants() -> None:
    svg = render_chart(POINTS, title="Soldaten", ylabel="Anzahl Soldaten")
    shown = texts(svg)
    assert "12.000" in shown and "3.000" in shown  # point labels and axis, German format
    assert "23.10.2024" in shown and "27.10.2024" in shown  # the axis' days (every other one here)
    assert "John Kirby" in shown and "Ukrainischer Militärgeheimdienst (HUR)" in shown
    assert "Soldaten" in shown and "Anzahl Soldaten" in shown
    assert "12000" not in " ".join(shown)


def test_chart_is_reproducible() -> None:
    first = render_chart(POINTS, title="Soldaten", ylabel="Anzahl")
    second = render_chart(list(reversed(POINTS)), title="Soldaten", ylabel="Anzahl")
    assert first == second
    assert "<dc:date>" not in first


def test_hostile_labels_stay_text() -> None:
    points = [ChartPoint("2024-10-23", 5, "<script>alert(1)</script> $x^2$ & Co")]
    svg = render_chart(points, title="a $b$ <i>", ylabel="c")
    root = ET.fromstring(svg)  # still well-formed XML
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert "<script>alert(1)</script> $x^2$ & Co" in texts(svg)


def test_undated_points_are_left_out_and_said_so() -> None:
    points = [*POINTS, ChartPoint("", 500, "Unbekannt")]
    assert "Unbekannt" not in texts(render_chart(points, title="Soldaten", ylabel="Anzahl"))
    alt = alt_text(points, title="Soldaten")
    assert alt.startswith("Diagramm „Soldaten“: Angaben im Zeitverlauf nach Urheber.")
    assert "John Kirby: 3.000 am 23.10.2024, 12.000 am 28.10.2024." in alt
    assert "Ukrainischer Militärgeheimdienst (HUR): 12.000 am 24.10.2024." in alt
    assert "1 Angabe(n) ohne Datum nicht dargestellt." in alt


def test_mostly_undated_points_are_shown_by_claimant() -> None:
    points = [ChartPoint("", 3000, "USA"), ChartPoint("", 3000, "USA"), ChartPoint("", 12000, "Ukraine")]
    shown = texts(render_chart(points, title="Soldaten", ylabel="Anzahl Soldaten"))
    assert {"USA", "Ukraine", "3.000", "12.000", "Anzahl Soldaten"} <= set(shown)
    alt = alt_text(points, title="Soldaten")
    assert alt == (
        "Diagramm „Soldaten“: Angaben nach Urheber, ohne Zeitachse. USA: 3.000, 3.000. Ukraine: 12.000."
    )
    with pytest.raises(ValueError, match="no figures"):
        render_chart([], title="leer", ylabel="")


def test_charts_are_written_and_embedded_with_alt_text_and_their_data_table(tmp_path: Path) -> None:
    render_report(sample_report(), tmp_path)
    svg = tmp_path / "charts" / "zahlen-nordkoreanische-soldaten.svg"
    assert "12.000" in texts(svg.read_text(encoding="utf-8"))
    page = (tmp_path / "zahlen" / "nordkoreanische-soldaten.md").read_text(encoding="utf-8")
    embed = next(
        line for line in page.splitlines() if "](../charts/zahlen-nordkoreanische-soldaten.svg)" in line
    )
    assert embed.strip().startswith(
        "![Diagramm „nordkoreanische Soldaten“: Angaben im Zeitverlauf nach Urheber. "
        "John Kirby: mindestens 3.000 am 23.10.2024, 12.000 am 28.10.2024."
    )
    assert "Pfeil nach oben: Untergrenze (mindestens, mehr als)" in page  # how bounds are drawn
    # the chart's data: the table of all figures on the same page, which the caption points to
    assert "Die Werte stehen in der Tabelle [Alle Angaben](#alle-angaben)." in page
    table = page[page.index("## Alle Angaben { #alle-angaben }") :]
    row = next(line for line in table.splitlines() if "> **12.000**" in line)
    assert "[John Kirby](../akteure/john-kirby.md) | 28.10.2024 |" in row
    assert row.endswith("| [Tagesspiegel, Satz 4](../quellen/001-bbbb2222.md#s4) |")
    claim_svg = tmp_path / "charts" / "behauptung-nordkorea-hat-soldaten-nach-russland-entsandt.svg"
    assert claim_svg.is_file()  # the stance chart
    assert {"behauptet", "bestätigt"} <= set(texts(claim_svg.read_text(encoding="utf-8")))


def marker_xs(svg: str, count: int) -> list[float]:
    """x of the `count` data markers of a one-claimant chart (its marker's uses, less the legend's)."""
    uses: dict[str, list[tuple[float, float]]] = {}
    for href, x, y in re.findall(r'<use xlink:href="(#[^"]+)" x="([\d.]+)" y="([\d.]+)"', svg):
        uses.setdefault(href, []).append((float(x), float(y)))
    # the y axis' ticks share one x; the markers stand at their dates
    marker = next(f for f in uses.values() if len(f) == count + 1 and len({x for x, _ in f}) > 1)
    legend = max(marker, key=lambda xy: xy[1])  # below the plot
    return sorted(x for x, y in marker if (x, y) != legend)


def test_time_axis_is_proportional_to_time() -> None:
    days = ["2024-10-23", "2024-10-24", "2024-11-05", "2025-04-26"]
    points = [ChartPoint(day, 1000 * (i + 1), "Urheber") for i, day in enumerate(days)]
    svg = render_chart(points, title="Soldaten", ylabel="Anzahl")
    xs = marker_xs(svg, len(days))
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    # 1 day, 12 days, 172 days apart: the distances on the chart have the same ratios
    assert gaps[1] / gaps[0] == pytest.approx(12, rel=0.01)
    assert gaps[2] / gaps[0] == pytest.approx(172, rel=0.01)
    shown = texts(svg)
    assert {"Nov. 2024", "Jan. 2025", "Apr. 2025"} <= set(shown)  # a long span is labelled by month
    assert "stroke-dasharray" not in svg  # no gap marker: the gap is the distance itself


def test_short_spans_are_labelled_by_day_and_claimants_on_one_day_stand_apart() -> None:
    points = [
        ChartPoint("2024-10-23", 3000, "A"),
        ChartPoint("2024-10-23", 4000, "B"),
        ChartPoint("2024-10-28", 5000, "A"),
    ]
    shown = texts(render_chart(points, title="Soldaten", ylabel="Anzahl"))
    labels = [t for t in shown if t.count(".") == 2 and t.endswith("2024")]
    assert labels and labels == sorted(labels, key=lambda d: d[3:5] + d[:2])  # days, in order
    limits = date_limits(["2024-10-23", "2024-10-28"])
    xs = positions(points, ["A", "B"], limits)
    assert xs[0] < day_number("2024-10-23") < xs[1]  # A and B on either side of their day
    assert xs[2] == day_number("2024-10-28")
    assert date_limits(["2024-10-23"]) == (day_number("2024-10-21"), day_number("2024-10-25"))


def test_mentions_and_stances_share_the_time_axis() -> None:
    counts = [("2024-10-23", 2), ("2024-10-24", 1), ("2025-04-26", 3)]
    assert "Jan. 2025" in texts(render_mentions(counts, title="Erwähnungen"))
    stances = [StancePoint("2024-10-23", "Kirby", "asserts"), StancePoint("2025-04-26", "Kreml", "denies")]
    assert "Jan. 2025" in texts(render_stances(stances, title="Behauptung"))


def test_bounds_are_drawn_and_described() -> None:
    plain = [ChartPoint("2024-10-23", 3000, "USA"), ChartPoint("2024-10-24", 12000, "Ukraine")]
    bounded = [
        ChartPoint("2024-10-23", 3000, "USA", bound="lower", qualifier="mindestens"),
        ChartPoint("2024-10-24", 12000, "Ukraine", bound="approx", qualifier="etwa", band=(10800, 13200)),
    ]
    a = render_chart(plain, title="S", ylabel="A")
    b = render_chart(bounded, title="S", ylabel="A")
    assert b.count("<path") > a.count("<path")  # arrow and error bar
    alt = alt_text(bounded, title="S")
    assert "USA: mindestens 3.000 am 23.10.2024." in alt and "Ukraine: etwa 12.000 am 24.10.2024." in alt


def test_each_day_with_data_gets_one_mark_under_the_axis_not_a_minor_tick() -> None:
    days = [f"2024-10-{d:02d}" for d in range(1, 31)] + ["2024-10-05", "2025-03-01"]
    low, high = day_number("2024-09-28"), day_number("2024-11-02")
    fig, ax = plt.subplots()
    try:
        date_axis(ax, (low, high), days)
        assert list(ax.get_xticks(minor=True)) == []
        marks = ax.lines[-1]
        assert list(marks.get_xdata()) == [day_number(f"2024-10-{d:02d}") for d in range(1, 31)]
        assert ax.get_xlim() == (low, high), "the marks do not widen the axis"
    finally:
        plt.close(fig)
