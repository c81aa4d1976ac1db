"""Figure series: synonym groups, the party counted, qualifier ranges, conflicting figures.

How a series looks on its page is tested in tests/render/test_series_pages.py.
"""

from __future__ import annotations

import pytest
from report_fixture import DOC_C, sample_report

from generator.model import Report
from generator.resolve.facts import derive_facts
from generator.resolve.series import OTHER, _parse_rules, load_rules, subject_country


def series_of(report: Report) -> Report:
    """The report with its derived facts (series, conflicts, figure countries) computed."""
    return derive_facts(report)


def value(report: Report, figure_id: str) -> float:
    return next(f.value for f in report.figures if f.id == figure_id)


def move_ukraine_figure(report: Report, day: str) -> Report:
    for figure in report.figures:
        if figure.id == f"{DOC_C}-f1":
            figure.date = day
    return report


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


def test_fixture_has_one_series_with_four_values() -> None:
    report = series_of(sample_report())
    [soldiers] = report.series
    assert (soldiers.name, soldiers.id, soldiers.country) == (
        "nordkoreanische Soldaten",
        "nordkoreanische-soldaten",
        "KP",
    )
    assert sorted({value(report, f) for f in soldiers.figures}) == [3000, 10000, 11000, 12000]
    assert {f.country for f in report.figures} == {"KP"}
    assert soldiers.conflicts == []  # "mindestens 3.000", "fast 12.000", "mehr als 10.000" all fit


def test_conflicting_figures_at_close_dates_are_flagged() -> None:
    report = move_ukraine_figure(sample_report(), "2024-10-29")  # 11.000 one day after Kirby's 12.000
    [soldiers] = series_of(report).series
    conflicts = [(value(report, c.first), value(report, c.second), c.days) for c in soldiers.conflicts]
    assert conflicts == [(12000, 11000, 1)]


def test_no_conflict_when_far_apart_or_from_the_same_claimant() -> None:
    far = move_ukraine_figure(sample_report(), "2024-11-06")  # 9 days after 28.10.
    assert series_of(far).series[0].conflicts == []
    same = move_ukraine_figure(sample_report(), "2024-10-29")
    for figure in same.figures:
        if figure.id == f"{DOC_C}-f1":
            figure.attributed_to = "john-kirby"  # Kirby correcting himself is no dispute
    assert series_of(same).series[0].conflicts == []
