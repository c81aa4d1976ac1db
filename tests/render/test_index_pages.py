"""Section indexes longer than `limits.INDEX_ROWS` continue on further pages (``quellen/seite-2``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from report_fixture import sample_report

from generator.render import limits
from generator.render.write import render_report
from generator.resolve.index import is_reserved, page_slugs
from generator.resolve.permalinks import Candidate, Permalinks


def test_a_long_index_continues_on_further_pages(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(limits, "INDEX_ROWS", 2)
    render_report(sample_report(), tmp_path)  # three sources, newest first
    first = (tmp_path / "quellen/index.md").read_text("utf-8")
    second = (tmp_path / "quellen/seite-2.md").read_text("utf-8")
    assert not (tmp_path / "quellen/seite-3.md").exists()
    assert "title: Quellen\n" in first and "title: Quellen, Seite 2\n" in second
    assert "3 Artikel, die neuesten zuerst." in first and "3 Artikel, die neuesten zuerst." in second
    assert "Zeilen 1–2 von 3 · Seite **1** · [2](../quellen/seite-2.md)</nav>" in first
    assert "Zeilen 3–3 von 3 · Seite [1](../quellen/index.md) · **2**</nav>" in second
    rows = [line for page in (first, second) for line in page.splitlines() if line.startswith("| [")]
    assert [row.split("](")[1].split(")")[0] for row in rows] == [
        "../quellen/002-cccc3333.md",
        "../quellen/001-bbbb2222.md",
        "../quellen/000-aaaa1111.md",
    ]  # every source once, the newest first across the pages


def test_an_index_that_fits_has_no_page_links(tmp_path: Path) -> None:
    render_report(sample_report(), tmp_path)
    assert "lb-pager" not in (tmp_path / "quellen/index.md").read_text("utf-8")
    assert not (tmp_path / "quellen/seite-2.md").exists()


def test_no_entity_takes_the_slug_of_an_index_page() -> None:
    assert is_reserved("index") and is_reserved("seite-2") and is_reserved("seite-12")
    assert not is_reserved("seite") and not is_reserved("seite-2-2") and not is_reserved("indexfonds")
    assert page_slugs(["seite-2", "a"]) == {"seite-2": "seite-2-2", "a": "a"}
    registry = Permalinks.load(None)
    slugs = registry.assign("behauptungen", [Candidate("claim:1", ["claim:1"], "Seite 2")])
    assert slugs == {"claim:1": "seite-2-2"}
