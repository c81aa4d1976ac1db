"""What a reader sees first: the report's period on the home page, claims by their sources, the
order of a source's extractions, where a page belongs, captions that render."""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest
from report_fixture import CLAIM_KURSK, CLAIM_SENT, DOC_A, sample_report

from generator.model import Claim, ClaimStatus
from generator.render.home import BEGIN, END, with_facts
from generator.render.pages.indexes import ranked_claims
from generator.render.write import SECTIONS, render_report, restore_sections

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]
HOME = f"# Start\n\nVorher.\n\n{BEGIN}\nalt\n{END}\n\nNachher.\n"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs_dir = tmp_path / "docs"
    docs_dir.mkdir()
    (docs_dir / "index.md").write_text(HOME, encoding="utf-8")
    render_report(sample_report(), docs_dir)
    return docs_dir


def read(docs: Path, rel: str) -> str:
    return (docs / rel).read_text(encoding="utf-8")


def html(text: str) -> str:
    """The page as HTML, without its front matter."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_home_page_states_period_articles_outlets_and_date(docs: Path) -> None:
    home = read(docs, "index.md")
    assert home.startswith("# Start\n\nVorher.\n\n") and home.endswith(f"{END}\n\nNachher.\n")
    block = home[home.index(BEGIN) : home.index(END)]
    assert "alt" not in block
    assert "**Zeitraum:** 24.10.2024 bis 05.11.2024 (Erscheinungsdaten der Artikel)" in block
    assert "**Grundlage:** [3 Artikel](quellen/index.md) aus 3 Medien" in block
    assert "**Stand:** 05.11.2024 (Datum des jüngsten Artikels)" in block
    shown = html(home)
    assert '<div class="admonition abstract">' in shown and "Dieser Bericht" in shown


def test_home_facts_come_from_the_articles_not_the_clock(docs: Path) -> None:
    before = read(docs, "index.md")
    mtime = os.stat(docs / "index.md").st_mtime_ns
    render_report(sample_report(), docs)  # the same articles: the same page, not even rewritten
    assert read(docs, "index.md") == before
    assert os.stat(docs / "index.md").st_mtime_ns == mtime
    report = sample_report()
    report.coverage.last = "2025-04-26"
    render_report(report, docs)
    assert "**Stand:** 26.04.2025" in read(docs, "index.md")


def test_a_home_page_without_markers_is_left_alone_and_a_failed_build_restores_it(tmp_path: Path) -> None:
    assert with_facts("# Start\n", "x") is None
    assert with_facts(f"{END}\n{BEGIN}\n", "x") is None  # markers in the wrong order
    docs_dir = tmp_path / "docs"
    docs_dir.mkdir()
    (docs_dir / "index.md").write_text(HOME, encoding="utf-8")
    previous = tmp_path / "previous"
    render_report(sample_report(), docs_dir, previous=previous)
    assert "Stand:" in read(docs_dir, "index.md")
    restore_sections(previous, docs_dir, set())
    assert read(docs_dir, "index.md") == HOME
    assert not any((docs_dir / s).exists() for s in SECTIONS)


def test_overview_names_outlets_and_period(docs: Path) -> None:
    page = read(docs, "uebersicht/index.md")
    assert "was 3 Artikel aus 3 Medien, erschienen vom 24.10.2024 bis 05.11.2024, über Akteure" in page


def _claim(text: str, sources: int, statements: int) -> Claim:
    return Claim(
        text.casefold().replace(" ", "-"), text, status=ClaimStatus(statements=statements, sources=sources)
    )


def test_claims_are_ranked_by_sources_then_statements_then_text() -> None:
    claims = [
        _claim("ab und zu", 1, 1),  # a fragment: alphabetically first, ranked last
        _claim("Zwei Quellen", 2, 2),
        _claim("Eine Quelle, viele Aussagen", 1, 5),
        _claim("Auch zwei Quellen", 2, 2),
        _claim("Drei Quellen", 3, 3),
    ]
    assert [c.text for c in ranked_claims(claims)] == [
        "Drei Quellen",
        "Auch zwei Quellen",
        "Zwei Quellen",
        "Eine Quelle, viele Aussagen",
        "ab und zu",
    ]


def test_claims_index_shows_and_ranks_by_sources(docs: Path) -> None:
    page = read(docs, "behauptungen/index.md")
    assert "| Behauptung | Quellen | behauptet |" in page
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert [CLAIM_SENT in rows[0], CLAIM_KURSK in rows[1]] == [True, True]
    assert rows[0].split(" | ")[1] == "3"  # stated in articles A, B and C
    assert rows[1].split(" | ")[1] == "2"
    assert rows[0].endswith(" | 5 | 23.10.2024–04.11.2024 |")  # statements, first to last (by sentence)


def test_source_page_lists_extractions_in_sentence_order(docs: Path) -> None:
    page = read(docs, f"quellen/{DOC_A.replace('_', '-')}.md")
    extracted = page[page.index("## Extrahiert") :]
    statements = extracted[: extracted.index("### Zahlen")]
    figures = extracted[extracted.index("### Zahlen") : extracted.index("### Akteure")]
    # statement dates: sentence 3 is about 23.10., the others 24.10.; the text order wins
    assert re.findall(r"\[Satz (\d+)\]", statements) == ["2", "3", "4", "5"]
    assert re.findall(r"\[Satz (\d+)\]", figures) == ["3", "4"]


def test_pages_in_a_section_show_their_section(docs: Path) -> None:
    pages = {
        "akteure/wladimir-putin.md": "Akteure",
        "regionen/kursk.md": "Regionen",
        "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk.md": "Behauptungen",
        f"quellen/{DOC_A.replace('_', '-')}.md": "Quellen",
        "zahlen/nordkoreanische-soldaten.md": "Zahlen",
        "chronik/2024-10.md": "Chronik",
    }
    for rel, section in pages.items():
        shown = html(read(docs, rel))
        crumb = (
            '<nav aria-label="Navigationspfad" class="lb-path" data-search-exclude="data-search-exclude">'
            f'<a href="../index.md">Start</a> › <a href="index.md">{section}</a></nav>'
        )
        assert crumb in shown, rel
        assert shown.index(crumb) < shown.index("<h1"), rel  # above the title
    assert "Navigationspfad" not in read(docs, "akteure/index.md")  # the index is in the navigation


def test_series_chart_caption_links_to_its_table(docs: Path) -> None:
    shown = html(read(docs, "zahlen/nordkoreanische-soldaten.md"))
    caption = re.search(r"<figcaption>(.*?)</figcaption>", shown, re.S)
    assert caption is not None
    assert 'Die Werte stehen in der Tabelle <a href="#alle-angaben">Alle Angaben</a>.' in caption.group(1)
    assert "](#alle-angaben)" not in shown
    assert 'id="alle-angaben"' in shown
