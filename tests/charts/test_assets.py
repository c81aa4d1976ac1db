"""Chart assets: unchanged charts come from the chart cache, parallel drawing gives the same SVGs."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import pytest
from report_fixture import sample_report
from site_projects import files

from generator.charts import assets
from generator.charts.assets import FigureChart, MentionChart, RegionMap, StanceChart, draw_assets
from generator.charts.stances import StancePoint
from generator.model import Mention, Region
from generator.render.write import collect_assets, render_report


def test_unchanged_charts_come_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    render_report(sample_report(), tmp_path / "a", cache_dir=cache)
    assert list(cache.rglob("*.svg"))

    def refuse(self: object) -> str:
        raise AssertionError(f"redrawn: {self}")

    for kind in (FigureChart, StanceChart, MentionChart, RegionMap):
        monkeypatch.setattr(kind, "render", refuse)
    render_report(sample_report(), tmp_path / "b", cache_dir=cache)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    report = sample_report()
    next(f for f in report.figures if f.value == 3000).value = 4000
    with pytest.raises(AssertionError, match="redrawn: FigureChart"):  # changed data: drawn anew
        render_report(report, tmp_path / "c", cache_dir=cache)


def test_parallel_drawing_gives_the_same_svgs(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.render.pages import plan_pages
    from generator.resolve.index import ReportIndex

    wanted = collect_assets(plan_pages(ReportIndex(sample_report())))
    serial = draw_assets(wanted)
    assets._figure_svg.cache_clear()  # the workers must draw, not inherit this process's results
    assets._stance_svg.cache_clear()
    monkeypatch.setattr(assets, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert draw_assets(wanted) == serial


def _width_pt(svg: str) -> float:
    found = re.search(r'<svg[^>]* width="([\d.]+)pt"', svg)
    assert found is not None
    return float(found.group(1))


def test_every_chart_is_drawn_wide_and_narrow(tmp_path: Path) -> None:
    """A page embeds each chart twice (the style sheet shows one by screen width); the narrow
    drawing is about half as wide, so that on a phone its labels keep their size."""
    from generator.render.pages import plan_pages
    from generator.resolve.index import ReportIndex

    pages = plan_pages(ReportIndex(sample_report()))
    embedded = [a for page in pages for a in page.assets if not isinstance(a, RegionMap)]
    assert {type(a) for a in embedded} == {FigureChart, StanceChart, MentionChart}
    drawn = {a.path for a in collect_assets(pages)}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib finds date ticks for the narrow axis too
        for chart in embedded:
            (narrow,) = chart.variants()
            assert narrow.path == chart.path.removesuffix(".svg") + "-schmal.svg"
            assert {chart.path, narrow.path} <= drawn
            assert narrow.variants() == ()
            assert _width_pt(narrow.render()) < 0.7 * _width_pt(chart.render()), chart.path
    render_report(sample_report(), tmp_path / "docs")
    series = next((tmp_path / "docs" / "zahlen").glob("nordkoreanische-soldaten.md")).read_text("utf-8")
    assert "-schmal.svg){.lb-chart__narrow loading=lazy}" in series


def test_a_stance_chart_table_lists_each_point_once_with_its_count() -> None:
    kirby, kreml = (
        StancePoint("2024-10-23", "John Kirby", "asserts"),
        StancePoint("2024-10-24", "Kreml", "denies"),
    )
    chart = StanceChart("charts/x.svg", "Haltungen", (kirby, kreml, kirby, kirby))
    assert chart.table == [(kirby, 3), (kreml, 1)]


def test_a_long_stance_table_is_summed_up_by_actor_and_stance(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assets, "TABLE_ROWS", 2)
    points = (
        StancePoint("2024-10-23", "Kreml", "denies"),
        StancePoint("2024-10-25", "John Kirby", "asserts"),
        StancePoint("2024-10-24", "Kreml", "denies"),
        StancePoint("", "Kreml", "denies"),
    )
    chart = StanceChart("charts/x.svg", "Haltungen", points)
    assert chart.long and not StanceChart("charts/x.svg", "Haltungen", points[:2]).long
    assert [(r.claimant, r.stance, r.first, r.last, r.statements) for r in chart.summary] == [
        ("John Kirby", "asserts", "2024-10-25", "2024-10-25", 1),
        ("Kreml", "denies", "2024-10-23", "2024-10-24", 3),
    ]


def test_the_text_alternative_of_a_stance_chart_stays_short(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.charts import stances

    monkeypatch.setattr(stances, "ALT_DATES", 2)
    monkeypatch.setattr(stances, "ALT_CLAIMANTS", 2)
    days = [f"2024-10-{d:02d}" for d in range(20, 24)]
    points = [StancePoint(d, "Kreml", "denies") for d in days]
    points += [StancePoint("2024-10-25", "NATO", "confirms"), StancePoint("2024-10-26", "NATO", "asserts")]
    points += [StancePoint("2024-10-27", "Kiew", "asserts")]
    alt = stances.stance_alt(points, title="Haltungen")
    assert "Kreml: bestreitet 4-mal, 20.10.2024 bis 23.10.2024." in alt  # more than ALT_DATES: summed up
    assert "NATO: bestätigt am 25.10.2024, behauptet am 26.10.2024." in alt  # few: date by date
    assert "Kiew" not in alt and "Dazu ein weiterer Akteur;" in alt  # the two with the most statements


def test_a_new_mention_does_not_redraw_a_region_map() -> None:
    region = Region("kursk", "Kursk", "city", country="RU", lat=51.73, lon=36.19)
    before = RegionMap("regionen/kursk/karte.svg", region, "Russland").cache_key()
    region.mentions.append(Mention("a1", 3, "Kursk", 10, 15))
    assert RegionMap("regionen/kursk/karte.svg", region, "Russland").cache_key() == before
    moved = Region("kursk", "Kursk", "city", country="RU", lat=51.0, lon=36.19)
    assert RegionMap("regionen/kursk/karte.svg", moved, "Russland").cache_key() != before


def test_a_statement_repeated_on_the_same_day_does_not_redraw_the_stance_chart() -> None:
    once = (StancePoint("2025-01-14", "NATO", "confirms"), StancePoint("2025-01-10", "Kreml", "denies"))
    again = (*once, StancePoint("2025-01-14", "NATO", "confirms"))
    chart = StanceChart("c.svg", "Behauptung", once)
    repeated = StanceChart("c.svg", "Behauptung", again)
    assert repeated.cache_key() == chart.cache_key()
    assert repeated.render() == chart.render()
    assert dict(repeated.table)[once[0]] == 2  # the table still counts both statements
    later = StanceChart("c.svg", "Behauptung", (*once, StancePoint("2025-01-20", "NATO", "confirms")))
    assert later.cache_key() != chart.cache_key()
