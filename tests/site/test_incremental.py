"""Incremental site builds publish exactly what a full build publishes, and redo only changed pages."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from site_projects import (
    SEEDS,
    build,
    files,
    first_difference,
    new_project,
    remove_article,
    source_date_epoch,
)

from generator.build import _site_state
from generator.settings import Settings
from generator.site.incremental import SEARCH_INDEX
from generator.site.mkdocs import build_site
from generator.site.search import indexed_documents, varies_between_builds

pytestmark = pytest.mark.slow
OLD = 1_000_000_000  # 2001-09-09 in seconds


def built(project: Path, *args: str) -> str:
    """Build `project` (reproducibly); returns how MkDocs built the site ("incremental"/"full")."""
    with source_date_epoch():
        result = build(project, "-v", *args)
    assert result.exit_code == 0, result.output
    assert "Website " in result.output, result.output
    return "incremental" if "Website teilweise gebaut" in result.output else "full"


def assert_same_site(a: Path, b: Path) -> None:
    """The same files with the same bytes, but for the search bundle's filter files, whose order
    varies with every Pagefind run: for those the indexed pages (with their filters) must agree."""
    first, second = files(a), files(b)
    ours, theirs = indexed_documents(a), indexed_documents(b)
    assert [d["url"] for d in ours] == [d["url"] for d in theirs]
    assert ours == theirs
    first = {p: data for p, data in first.items() if not varies_between_builds(p)}
    second = {p: data for p, data in second.items() if not varies_between_builds(p)}
    assert sorted(first) == sorted(second)
    diffs = [first_difference(p, first[p], second[p]) for p in first if first[p] != second[p]]
    assert not diffs, "\n".join(diffs[:3])


def full_copy(project: Path, where: Path) -> Path:
    """The same inputs as `project`, built from scratch with no caches."""
    shutil.copytree(project, where, ignore=shutil.ignore_patterns("site", ".lagebild-cache"))
    assert built(where, "--no-cache") == "full"
    return where


@pytest.fixture
def project(tmp_path: Path) -> Path:
    articles = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
    project = new_project(tmp_path / "p", articles[:4])
    assert built(project) == "full"
    return project


def test_a_changed_and_an_added_article_rebuild_incrementally_to_the_full_site(
    project: Path, tmp_path: Path
) -> None:
    site = project / "site"
    untouched = site / "methode" / "index.html"
    stamp = untouched.stat().st_mtime_ns
    article = sorted((project / "seeds").glob("*.txt"))[0]
    article.write_text(article.read_text("utf-8") + "\n\nEin weiterer Satz wurde ergänzt.\n", "utf-8")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[4], project / "seeds")

    assert built(project) == "incremental"
    assert untouched.stat().st_mtime_ns == stamp  # not rendered again
    assert any("weiterer Satz wurde" in d["content"] for d in indexed_documents(site))
    assert_same_site(site, full_copy(project, tmp_path / "full") / "site")


def test_a_changed_page_is_rebuilt_whatever_its_file_time_says(project: Path) -> None:
    page = project / "docs" / "methode.md"
    page.write_text(page.read_text("utf-8") + "\nEin Absatz mit dem Wort Zeitstempelprobe.\n", "utf-8")
    os.utime(page, (OLD, OLD))  # older than its HTML: MkDocs' own dirty check would skip it
    assert built(project) == "incremental"
    assert "Zeitstempelprobe" in (project / "site" / "methode" / "index.html").read_text("utf-8")
    assert any("Zeitstempelprobe" in d["content"] for d in indexed_documents(project / "site"))


def test_a_config_change_builds_everything(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name: Lagebild", "site_name: Lagebild Ost"))
    assert built(project) == "full"
    assert "Lagebild Ost" in (project / "site" / "akteure" / "index.html").read_text("utf-8")


def test_a_removed_page_is_built_incrementally_to_the_full_site(project: Path, tmp_path: Path) -> None:
    # (A removed article usually changes the abbreviations appended to every page as well, which
    # builds everything; a page of one's own going away does not.)
    docs = project / "docs"
    (docs / "anhang.md").write_text("# Anhang\n\nText.\n", "utf-8")
    assert built(project) == "incremental"
    assert (project / "site" / "anhang" / "index.html").is_file()
    untouched = project / "site" / "methode" / "index.html"
    stamp = untouched.stat().st_mtime_ns
    (docs / "anhang.md").unlink()
    assert built(project) == "incremental"
    assert not (project / "site" / "anhang").exists()
    assert untouched.stat().st_mtime_ns == stamp
    assert_same_site(project / "site", full_copy(project, tmp_path / "full") / "site")


def test_a_removed_article_rebuilds_to_the_full_site(project: Path, tmp_path: Path) -> None:
    remove_article(project, sorted(p.name for p in (project / "seeds").glob("*.txt"))[-1])
    built(project)  # in full here: the abbreviations appended to every page changed with it
    assert_same_site(project / "site", full_copy(project, tmp_path / "full") / "site")


def test_a_link_left_to_a_removed_page_fails_the_incremental_build_as_a_full_one(project: Path) -> None:
    docs = project / "docs"
    (docs / "anhang.md").write_text("# Anhang\n\nText.\n", "utf-8")
    (docs / "notizen.md").write_text("# Notizen\n\nSiehe [Anhang](anhang.md).\n", "utf-8")
    assert built(project) == "incremental"
    (docs / "anhang.md").unlink()  # the page goes, the link to it stays
    with source_date_epoch():
        result = build(project, "-v")
    assert result.exit_code != 0
    assert "notizen.md" in result.output and "anhang.md" in result.output


def test_a_new_abbreviation_rebuilds_only_the_pages_that_use_it(project: Path, tmp_path: Path) -> None:
    docs = project / "docs"
    method = docs / "methode.md"
    method.write_text(method.read_text("utf-8") + "\nDie Probe QXZ gilt hier.\n", "utf-8")
    assert built(project) == "incremental"
    untouched = project / "site" / "betrieb" / "index.html"
    stamp = untouched.stat().st_mtime_ns
    glossary = docs / "includes" / "abkuerzungen.md"
    glossary.write_text(glossary.read_text("utf-8") + "*[QXZ]: Eine Probeabkürzung\n", "utf-8")
    state = _site_state(Settings.load(project))
    with source_date_epoch():
        how = build_site(project / "mkdocs.yml", project / "site", state_file=state)
        assert how.incremental and "1 abbreviations changed" in how.reason, how.reason
        assert '<abbr title="Eine Probeabkürzung">QXZ</abbr>' in (
            project / "site" / "methode" / "index.html"
        ).read_text("utf-8")
        assert untouched.stat().st_mtime_ns == stamp
        build_site(project / "mkdocs.yml", tmp_path / "full")  # a full build of the same docs
    assert_same_site(project / "site", tmp_path / "full")


def test_the_pages_naming_a_removed_page_are_those_that_can_link_to_it(tmp_path: Path) -> None:
    from generator.site.incremental import _link_name, pages_naming

    pages = {
        "a.md": "[Kreml](akteure/kreml.md#aussagen)",
        "b.md": "Nichts davon.",
        "c.md": "[Seite 3](../quellen/seite-3/index.md)",
        "d.md": "[Andere Seite 3](../zahlen/seite-3/index.md)",
        "bild.svg": "kreml.md",
    }
    for rel, text in pages.items():
        (tmp_path / rel).write_text(text, "utf-8")
    docs = dict.fromkeys(pages, "")

    def naming(removed: str) -> set[str]:
        return pages_naming(tmp_path, docs, {_link_name(removed)})

    assert naming("akteure/kreml.md") == {"a.md"}
    # d.md names another folder's "seite-3/index.md": built again as well, which only costs time
    assert naming("quellen/seite-3/index.md") == {"c.md", "d.md"}
    assert pages_naming(tmp_path, docs, set()) == set()


def test_a_site_folder_that_was_changed_elsewhere_is_built_in_full(project: Path) -> None:
    settings = Settings.load(project)
    state = _site_state(settings)
    assert state is not None and state.is_file()
    (project / "site" / SEARCH_INDEX).write_text('{"languages": {}}', "utf-8")  # not the site last built
    how = build_site(project / "mkdocs.yml", project / "site", state_file=state)
    assert not how.incremental and "not the one last built" in how.reason
    assert json.loads((project / "site" / SEARCH_INDEX).read_text("utf-8"))["languages"]
