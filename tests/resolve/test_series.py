"""Figure series: synonym groups, the party counted, qualifier ranges, conflicting figures.

How a series looks on its page is tested in tests/render/test_series_pages.py.
"""

from __future__ import annotations

import pytest
from report_fixture import DOC_B, DOC_C, sample_report

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


def set_ukraine_figure(report: Report, **fields: object) -> Report:
    for figure in report.figures:
        if figure.id == f"{DOC_C}-f1":
            for name, given in fields.items():
                setattr(figure, name, given)
    return report


def conflict_pairs(report: Report) -> list[tuple[float, float]]:
    [soldiers] = series_of(report).series
    return [(value(report, c.first), value(report, c.second)) for c in soldiers.conflicts]


@pytest.mark.parametrize("kind", ["per_unit", "plan", "part", "increment", "cumulative"])
def test_figures_of_different_kinds_never_conflict(kind: str) -> None:
    # Kirby's 12.000 is a count; Ukraine's 11.000 one day later counts something else.
    report = set_ukraine_figure(sample_report(), date="2024-10-29", kind=kind)
    assert conflict_pairs(report) == []
    [soldiers] = report.series
    assert f"{DOC_C}-f1" in soldiers.figures  # it stays in its series, it is only not compared


@pytest.mark.parametrize(
    ("kind", "conflicts"), [("count", [(12000, 11000)]), ("cumulative", [(12000, 11000)])]
)
def test_a_real_conflict_of_one_kind_stays(kind: str, conflicts: list[tuple[float, float]]) -> None:
    report = set_ukraine_figure(sample_report(), date="2024-10-29", kind=kind)
    for figure in report.figures:
        if figure.id == f"{DOC_B}-f1":
            figure.kind = kind
    assert conflict_pairs(report) == conflicts


@pytest.mark.parametrize("kind", ["per_unit", "plan"])
def test_plans_and_per_unit_figures_are_not_compared_even_with_their_own_kind(kind: str) -> None:
    report = set_ukraine_figure(sample_report(), date="2024-10-29", kind=kind)
    for figure in report.figures:
        if figure.id == f"{DOC_B}-f1":
            figure.kind = kind
    assert conflict_pairs(report) == []


@pytest.mark.parametrize(("end", "conflicts"), [("low", []), ("high", [(12000, 11000)])])
def test_one_end_of_a_range_bounds_only_its_own_side(end: str, conflicts: list[tuple[float, float]]) -> None:
    # "zwischen 11.000 und 13.000": the low end 11.000 fits Kirby's 12.000; "bis 11.000" does not.
    report = set_ukraine_figure(sample_report(), date="2024-10-29", range_end=end)
    assert conflict_pairs(report) == conflicts
