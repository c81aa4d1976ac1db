"""Series pages (zahlen/): every value with its claimant, date and source; conflicting figures in a box.

How figures are grouped into series and when they conflict is tested in tests/resolve/test_series.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from report_fixture import DOC_C, sample_report

from generator.model import Report
from generator.render.write import render_report
from generator.resolve.facts import derive_facts

SERIES_PAGE = "zahlen/nordkoreanische-soldaten.md"


def render(report: Report, tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    render_report(report, docs)
    return docs


def move_ukraine_figure(report: Report, day: str) -> Report:
    for figure in report.figures:
        if figure.id == f"{DOC_C}-f1":
            figure.date = day
    return derive_facts(report)


def test_series_page_lists_every_value_with_claimant_date_and_source(tmp_path: Path) -> None:
    page = (render(sample_report(), tmp_path) / SERIES_PAGE).read_text("utf-8")
    for row in (
        "mindestens **3.000** | [John Kirby](../akteure/john-kirby.md) | 23.10.2024 |",
        "fast **12.000** | [Ukrainischer Militärgeheimdienst (HUR)]"
        "(../akteure/ukrainischer-militaergeheimdienst-hur.md) | 24.10.2024 |",
        "**12.000** | [John Kirby](../akteure/john-kirby.md) | 28.10.2024 |",
        "mehr als **10.000** | [NATO](../akteure/nato.md) | 04.11.2024 |",
        "**11.000** | [Ukraine](../akteure/ukraine.md) | 05.11.2024 |",
    ):
        assert row in page, row
    assert "[ATS, Satz 2](../quellen/002-cccc3333.md#s2)" in page
    assert "Widersprüchliche Angaben" not in page


def test_conflicting_figures_are_shown_on_the_series_page_and_the_overview(tmp_path: Path) -> None:
    docs = render(move_ukraine_figure(sample_report(), "2024-10-29"), tmp_path)
    page = (docs / SERIES_PAGE).read_text("utf-8")
    assert '!!! warning "Widersprüchliche Angaben"' in page
    assert (
        "[12.000](../zahlen/nordkoreanische-soldaten.md#zahl-001-bbbb2222-f1) | John Kirby | 28.10.2024 |"
        in page
    )
    assert (
        "[11.000](../zahlen/nordkoreanische-soldaten.md#zahl-002-cccc3333-f1) (Ukraine, 29.10.2024)" in page
    )
    overview = (docs / "uebersicht/index.md").read_text("utf-8")
    assert "Widersprüchliche Angaben" in overview and "nordkoreanische Soldaten](" in overview


def test_a_long_conflicts_box_is_cut_and_points_to_the_full_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import limits

    monkeypatch.setattr(limits, "CONFLICTS_SHOWN", 1)
    docs = render(move_ukraine_figure(sample_report(), "2024-10-29"), tmp_path)
    page = (docs / SERIES_PAGE).read_text("utf-8")
    box = page[page.index("Widersprüchliche Angaben") : page.index("## Verlauf")]
    assert box.count("(../zahlen/nordkoreanische-soldaten.md#zahl-") == 2  # one row: a figure and its rival
    assert "Gezeigt sind 1 von 2 umstrittenen Angaben" in box
    table = page[page.index("## Alle Angaben") :]
    assert "**11.000**" in table and "**12.000**" in table  # nothing is lost below
    assert '<div data-search-exclude markdown="1">' in table


def test_figures_grouped_by_series_keep_the_series_order_without_repeats() -> None:
    from generator.render.series_pages import SeriesPages
    from generator.resolve.index import ReportIndex

    report = sample_report()
    whole = report.series[0]
    half = len(whole.figures) // 2  # one series split in two
    report.series[:1] = [
        replace(whole, figures=whole.figures[:half], conflicts=[]),
        replace(whole, id=whole.id + "-b", figures=whole.figures[half:], conflicts=[]),
    ]
    pages = SeriesPages(ReportIndex(report))
    every = [f for s in pages.series for f in s.figures]
    assert len(pages.series) > 1 and len(every) > 2
    asked = list(reversed(every)) + every[:2]  # shuffled, two of them twice
    got = pages.grouped(asked)
    assert [s for s, _ in got] == pages.series
    assert [[f.id for f in picked] for _, picked in got] == [[f.id for f in s.figures] for s in pages.series]
    one = pages.series[-1].figures[-1]
    assert [(s.slug, [f.id for f in picked]) for s, picked in pages.grouped([one])] == [
        (pages.series[-1].slug, [one.id])
    ]
