"""Timeline pages (chronik/): one page per month, days in order, every entry linked to its page.

How entries are dated and ordered is tested in tests/resolve/test_timeline.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from report_fixture import sample_report

from generator.render.write import render_report
from generator.resolve import timeline


def test_timeline_has_a_page_per_month(tmp_path: Path) -> None:
    render_report(sample_report(), tmp_path)
    index = (tmp_path / "chronik/index.md").read_text("utf-8")
    assert "| [Oktober 2024](../chronik/2024-10.md) |" in index
    assert "| [November 2024](../chronik/2024-11.md) |" in index
    assert index.index("Oktober 2024") < index.index("November 2024")
    assert "## " not in index  # the days are on the month pages
    page = (tmp_path / "chronik/2024-11.md").read_text("utf-8")
    assert "## 04.11.2024 { #tag-2024-11-04 }" in page
    monday = page[page.index("## 04.11.2024") : page.index("## 05.11.2024")]
    assert (
        "- **Aussage:** [NATO](../akteure/nato.md) behauptet: [Nordkorea hat Soldaten nach Russland entsandt]"
        in monday
    )
    assert "(../behauptungen/nordkorea-hat-soldaten-nach-russland-entsandt.md#aussage-st8)" in monday
    assert (
        "- **Zahl:** [mehr als 10.000](../zahlen/nordkoreanische-soldaten.md#zahl-002-cccc3333-f2)" in monday
    )
    assert "*(Datum erschlossen, Artikel vom 05.11.2024)*" in monday
    assert "- **Veröffentlicht:** [ATS](../quellen/002-cccc3333.md)" in page[page.index("## 05.11.2024") :]
    october = (tmp_path / "chronik/2024-10.md").read_text("utf-8")
    assert october.index("## 23.10.2024") < october.index("## 24.10.2024") < october.index("## 28.10.2024")
    assert "04.11.2024" not in october


def test_a_month_too_long_for_a_page_lists_its_weeks_and_days(tmp_path: Path, monkeypatch: Any) -> None:
    # October has 12 entries: 23.10. (2) and 24.10. (5) in week 43, 28.10. (5) in week 44.
    monkeypatch.setattr(timeline, "PAGE_ENTRIES", 5)
    render_report(sample_report(), tmp_path)
    chronik = tmp_path / "chronik"
    assert sorted(p.name for p in chronik.iterdir()) == [
        "2024-10-23.md",
        "2024-10-24.md",
        "2024-10-kw44.md",
        "2024-10.md",
        "2024-11.md",
        "index.md",
    ]  # week 43 has 7 entries: a page per day; November (3 entries) stays whole
    october = (chronik / "2024-10.md").read_text("utf-8")
    assert "## 23.10.2024" not in october
    assert "| [KW 44 (28.10.2024)](../chronik/2024-10-kw44.md) | 1 | 1 | 3 | 1 |" in october
    assert 'id="tag-2024-10-24"' in october  # old links to a day of the month still find it
    assert "[24&#46;10.2024](../chronik/2024-10-24.md#tag-2024-10-24)" in october
    week = (chronik / "2024-10-kw44.md").read_text("utf-8")
    assert 'title: "Chronik: KW 44 (28.10.2024)"' in week
    assert "[Oktober 2024](../chronik/2024-10.md)" in week
    assert "## 28.10.2024 { #tag-2024-10-28 }" in week and "## 24.10.2024" not in week
    assert 'data-pagefind-filter="Monat:2024-10 (Oktober)"' in week  # the search files it under its month
    entries = [line for p in chronik.glob("2024-10-*.md") for line in p.read_text("utf-8").splitlines()]
    assert sum(line.startswith("- **") for line in entries) == 12  # every entry on one page
