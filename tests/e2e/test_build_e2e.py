"""End to end: the seed corpus becomes a strict-built, searchable site with a page per entity."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site.search import indexed_documents
from tests.conftest import ROOT

TROOP_FIGURES = ["3.000", "10.000", "11.000", "12.000"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    docs = project / "docs"
    docs.mkdir()
    for item in (ROOT / "docs").iterdir():  # only the hand-written pages
        if item.suffix == ".md" or item.name == "stylesheets":
            (shutil.copytree if item.is_dir() else shutil.copy)(item, docs / item.name)
    result = CliRunner().invoke(main, ["build", "--project", str(project), "-q"])
    assert result.exit_code == 0, result.output
    return project


def html(project: Path, rel: str) -> str:
    return (project / "site" / rel / "index.html").read_text("utf-8")


def text_of(page: str) -> str:
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.slow
def test_a_page_for_every_entity(built: Path) -> None:
    report = json.loads((built / "site" / "data" / "report.json").read_text("utf-8"))
    assert len(report["documents"]) == 5
    for section, key in (("akteure", "actors"), ("regionen", "regions"), ("behauptungen", "claims")):
        for item in report[key]:
            assert (built / "site" / section / item["id"] / "index.html").exists(), (section, item["id"])
    for doc in report["documents"]:
        slug = doc["source"]["id"].replace("_", "-")
        page = html(built, f"quellen/{slug}")
        assert 'id="s1"' in page and doc["source"]["outlet"] in (None, *[doc["source"]["outlet"]])


@pytest.mark.slow
def test_kursk_and_figures_pages_show_the_troop_figures_with_claimants(built: Path) -> None:
    kursk = text_of(html(built, "regionen/kursk"))
    figures = text_of(html(built, "zahlen/nordkoreanische-soldaten"))
    for value in TROOP_FIGURES:
        assert value in kursk, value
        assert value in figures, value
    for who in ("John Kirby", "Ukraine"):
        assert who in figures and who in kursk
    assert "nordkoreanische Soldaten" in text_of(html(built, "zahlen"))


@pytest.mark.slow
def test_series_page_rows_have_claimant_date_and_source(built: Path) -> None:
    page = html(built, "zahlen/nordkoreanische-soldaten")
    rows = [text_of(r) for r in re.findall(r"<tr>(.*?)</tr>", page, flags=re.S) if 'class="lb-link"' in r]
    for value in TROOP_FIGURES:
        row = next(r for r in rows if value in r)
        assert re.search(r"\d\d\.\d\d\.20\d\d", row), row  # a date
        assert "Satz" in row, row  # the citation
    chart = built / "site" / "charts" / "zahlen-nordkoreanische-soldaten.svg"
    assert chart.is_file()
    assert 'alt="Diagramm „nordkoreanische Soldaten“: Angaben im Zeitverlauf nach Urheber.' in page


@pytest.mark.slow
def test_maps_timeline_and_data_pages(built: Path) -> None:
    report = json.loads((built / "site" / "data" / "report.json").read_text("utf-8"))
    cities = [r for r in report["regions"] if r["type"] == "city" and r["lat"] is not None and r["country"]]
    assert cities
    for city in cities:
        assert (built / "site" / "karten" / f"{city['id']}.svg").is_file(), city["id"]
        assert 'alt="Karte: ' in html(built, f"regionen/{city['id']}")
    assert "Oktober 2024" in text_of(html(built, "chronik"))
    timeline = text_of(html(built, "chronik/2024-10"))
    assert "24.10.2024" in timeline and "Veröffentlicht" in timeline
    assert "report.json" in text_of(html(built, "daten"))


@pytest.mark.slow
def test_every_figure_and_statement_links_to_its_sentence(built: Path) -> None:
    page = html(built, "zahlen/nordkoreanische-soldaten")
    links = re.findall(r'href="\.\./\.\./quellen/([^/]+)/#(s-[0-9a-f]{8}(?:-\d+)?)"', page)
    assert links
    for slug, anchor in set(links):
        assert f'id="{anchor}"' in html(built, f"quellen/{slug}")


@pytest.mark.slow
def test_search_index_finds_kursk(built: Path) -> None:
    entry = json.loads((built / "site" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["de"]  # German stemming
    documents = indexed_documents(built / "site")
    hits = [d["url"] for d in documents if "Kursk" in d["meta"]["title"] or "Kursk" in d["content"]]
    assert "/regionen/kursk/" in hits
    assert len(hits) > 10
