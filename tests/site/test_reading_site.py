"""The reading fixes in the built site: home page facts, German footer, breadcrumbs, the section in the
navigation, chart captions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_fixture import sample_report

from generator.render.write import render_report
from generator.site.mkdocs import build_site
from tests.site.test_mkdocs import site_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    config = site_copy(tmp)
    render_report(sample_report(), tmp / "docs")
    build_site(config, tmp / "out")
    return tmp / "out"


def page(built: Path, url: str) -> str:
    return (built / url / "index.html").read_text(encoding="utf-8")


def test_home_page_states_the_report_period_and_date(built: Path) -> None:
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "Dieser Bericht" in home
    assert "24.10.2024 bis 05.11.2024" in home
    assert '<a href="quellen/">3 Artikel</a> aus 3 Medien' in home
    assert "<strong>Stand:</strong> 05.11.2024" in home


def test_footer_is_german(built: Path) -> None:
    for url in ("", "akteure/wladimir-putin/", "betrieb/"):
        html = page(built, url) if url else (built / "index.html").read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">') :]
        assert "Erstellt mit Lagebild, MkDocs und Material for MkDocs" in footer, url
        assert "Made with" not in footer, url


def test_entity_pages_show_their_section(built: Path) -> None:
    actor = page(built, "akteure/wladimir-putin")
    crumb = re.search(r'<nav aria-label="Navigationspfad" class="lb-path"[^>]*>(.*?)</nav>', actor)
    assert crumb is not None
    assert crumb.group(1) == '<a href="../../">Start</a> › <a href="../">Akteure</a>'


def _active_entries(html: str) -> list[str]:
    """The names of the primary navigation's entries marked active."""
    found = re.findall(r'<li class="md-nav__item md-nav__item--active">\s*<a [^>]*>(.*?)</a>', html, re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", entry).strip() for entry in found]


def test_the_navigation_marks_the_section_of_a_page_outside_it(built: Path) -> None:
    assert _active_entries(page(built, "akteure/wladimir-putin")) == ["Akteure"]
    assert _active_entries(page(built, "zahlen/nordkoreanische-soldaten")) == ["Zahlen"]
    # a section's own page is the current entry (MkDocs marks it, with its table of contents);
    # no other entry is active there
    assert _active_entries(page(built, "akteure")) == []
    assert _active_entries(page(built, "regionen")) == []


def test_series_caption_links_its_table_and_maintainers_have_their_page(built: Path) -> None:
    series = page(built, "zahlen/nordkoreanische-soldaten")
    caption = re.search(r"<figcaption>(.*?)</figcaption>", series, re.S)
    assert caption is not None and '<a href="#alle-angaben">Alle Angaben</a>' in caption.group(1)
    assert "Einstellungen" in page(built, "betrieb")
