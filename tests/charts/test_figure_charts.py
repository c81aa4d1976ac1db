"""SVG charts of figures over time: content, German formats, reproducibility, embedding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from report_fixture import sample_report

from generator.charts.figures import ChartPoint, alt_text, render_chart
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
    assert "23.10.2024" in shown and "28.10.2024" in shown
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


def test_dates_get_one_slot_each_and_long_gaps_are_marked() -> None:
    days = ["2024-10-23", "2024-10-24", "2024-10-28", "2024-11-05", "2025-04-26"]
    points = [ChartPoint(day, 3000 + i, f"Urheber {i % 3}") for i, day in enumerate(days * 2)]
    svg = render_chart(points, title="Soldaten", ylabel="Anzahl")
    dates = [t for t in texts(svg) if t.count(".") == 2 and t.endswith(("2024", "2025"))]
    assert dates == ["23.10.2024", "24.10.2024", "28.10.2024", "05.11.2024", "26.04.2025"]
    assert svg.count("stroke-dasharray") >= 1  # the pause from November to April


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
