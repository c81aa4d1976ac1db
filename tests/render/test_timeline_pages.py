"""Timeline pages (chronik/): one page per month, days in order, every entry linked to its page.

How entries are dated and ordered is tested in tests/resolve/test_timeline.py.
"""

from __future__ import annotations

from pathlib import Path

from report_fixture import sample_report

from generator.render.write import render_report


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
