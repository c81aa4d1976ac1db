"""Figure series: synonym groups, the party counted, qualifier ranges, conflicting figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_fixture import DOC_C, sample_report

from generator.model import Report
from generator.render.write import render_report
from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations
from generator.resolve.series import OTHER, SeriesIndex, _parse_rules, load_rules, subject_country

SERIES_PAGE = "zahlen/nordkoreanische-soldaten.md"


def series_of(report: Report) -> SeriesIndex:
    ix = ReportIndex(report)
    rel = Relations(ix)
    return SeriesIndex(ix, rel.actors_at, rel.claimants_at)


def render(report: Report, tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    render_report(report, docs)
    return docs


@pytest.mark.parametrize(
    ("counts", "label"),
    [
        ("Soldaten", "Soldaten"),
        ("Truppen", "Soldaten"),
        ("nordkoreanischen Streitkräfte", "Soldaten"),
        ("Mann", "Soldaten"),
        ("Spezialtruppen", "Soldaten"),
        ("Artillerie- und Raketengeschosse", "Geschosse"),
        ("Truppenübungsplätzen", "Truppenübungsplätzen"),
        ("Staatsmann", "Staatsmann"),  # short forms only match whole words
        (None, OTHER),
    ],
)
def test_synonym_groups(counts: str | None, label: str) -> None:
    assert load_rules().label(counts) == label


def test_qualifiers_become_ranges() -> None:
    rules = load_rules()
    [fast, least, about] = [rules.qualifier(q) for q in ("fast", "Mindestens", "etwa")]
    assert (fast.kind, fast.low, fast.high) == ("upper", 0.85, 1.0)
    assert (least.kind, least.high) == ("lower", None)
    assert (about.kind, about.low, about.high) == ("approx", 0.9, 1.1)
    assert rules.bound("bis zu") == "upper" and rules.bound(None) is None


def test_rules_are_data() -> None:
    rules = _parse_rules({"groups": {"Tote": ["Opfer"]}, "qualifiers": {}, "close_days": 3}, "x.yml")
    assert rules.label("Opfer") == "Tote" and rules.close_days == 3


@pytest.mark.parametrize(
    ("subject", "places", "country"),
    [
        ("in Russland stationierte nordkoreanische Soldaten", {"RU"}, "KP"),
        ("Soldaten aus Nordkorea", set(), "KP"),
        ("Soldaten in Russland", {"RU"}, None),
        ("US-amerikanische Ausbilder", set(), "US"),
        (None, set(), None),
    ],
)
def test_the_party_counted(subject: str | None, places: set[str], country: str | None) -> None:
    assert subject_country(subject, places) == country


def test_fixture_has_one_series_with_four_values(tmp_path: Path) -> None:
    index = series_of(sample_report())
    [soldiers] = index.series
    assert (soldiers.name, soldiers.slug, soldiers.country) == (
        "nordkoreanische Soldaten",
        "nordkoreanische-soldaten",
        "KP",
    )
    assert sorted({f.value for f in soldiers.figures}) == [3000, 10000, 11000, 12000]
    assert soldiers.conflicts == []  # "mindestens 3.000", "fast 12.000", "mehr als 10.000" all fit
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


def _move_ukraine_figure(report: Report, day: str) -> Report:
    for figure in report.figures:
        if figure.id == f"{DOC_C}-f1":
            figure.date = day
    return report


def test_conflicting_figures_at_close_dates_are_flagged(tmp_path: Path) -> None:
    report = _move_ukraine_figure(sample_report(), "2024-10-29")  # 11.000 one day after Kirby's 12.000
    [soldiers] = series_of(report).series
    assert [(c.first.value, c.second.value, c.days) for c in soldiers.conflicts] == [(12000, 11000, 1)]
    docs = render(report, tmp_path)
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


def test_no_conflict_when_far_apart_or_from_the_same_claimant() -> None:
    far = _move_ukraine_figure(sample_report(), "2024-11-06")  # 9 days after 28.10.
    assert series_of(far).series[0].conflicts == []
    same = _move_ukraine_figure(sample_report(), "2024-10-29")
    for figure in same.figures:
        if figure.id == f"{DOC_C}-f1":
            figure.attributed_to = "john-kirby"  # Kirby correcting himself is no dispute
    assert series_of(same).series[0].conflicts == []


def test_a_long_conflicts_box_is_cut_and_points_to_the_full_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import pages

    monkeypatch.setattr(pages, "CONFLICTS_SHOWN", 1)
    docs = render(_move_ukraine_figure(sample_report(), "2024-10-29"), tmp_path)
    page = (docs / SERIES_PAGE).read_text("utf-8")
    box = page[page.index("Widersprüchliche Angaben") : page.index("## Verlauf")]
    assert box.count("(../zahlen/nordkoreanische-soldaten.md#zahl-") == 2  # one row: a figure and its rival
    assert "Gezeigt sind 1 von 2 umstrittenen Angaben" in box
    table = page[page.index("## Alle Angaben") :]
    assert "**11.000**" in table and "**12.000**" in table  # nothing is lost below
    assert '<div data-search-exclude markdown="1">' in table
