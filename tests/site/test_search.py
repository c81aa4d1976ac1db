"""Pagefind over a built site: what it indexes, what it leaves out, and what fails clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SiteBuildError
from generator.site.search import index_site, indexed_documents, varies_between_builds

PAGE = """<!doctype html><html lang="de"><head><title>{title}</title></head><body>
<nav>Navigation Seitenleiste</nav>
<article><div data-pagefind-body>
<h1 id="titel">{title}<a class="headerlink" href="#titel">¶</a></h1>
<p><span class="lb-satz" id="s1" data-pagefind-meta="s1:Erika Muster bestreitet">Ein Satz über Kursk.</span>
</p>
<div data-search-exclude><p>Wiederholung Zitiervorschlag</p></div>
<div class="lb-facets" hidden><span data-pagefind-filter="Art:Quelle"></span></div>
</div></article></body></html>"""


def small_site(folder: Path) -> Path:
    for slug, title in (("a", "Erste Seite"), ("b", "Zweite Seite")):
        (folder / slug).mkdir(parents=True)
        (folder / slug / "index.html").write_text(PAGE.format(title=title), "utf-8")
    missing = "<html lang='de'><body><p>Nicht gefunden Kursk</p></body></html>"
    (folder / "404.html").write_text(missing, "utf-8")
    return folder


def test_the_page_body_is_indexed_with_its_metadata_and_filters(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    done = index_site(site)
    assert done.pages == 2 and done.bytes > 0
    documents = indexed_documents(site)
    assert [d["url"] for d in documents] == ["/a/", "/b/"]  # not the 404 page: it has no page body
    first = documents[0]
    assert first["meta"]["title"] == "Erste Seite"  # without the heading's ¶
    assert first["meta"]["s1"] == "Erika Muster bestreitet"
    assert first["filters"] == {"Art": ["Quelle"]}
    assert "Kursk" in first["content"]
    assert "Navigation" not in first["content"] and "Zitiervorschlag" not in first["content"]
    assert any(a["id"] == "s1" for a in first["anchors"])  # a result can lead to the sentence


def test_an_earlier_bundle_is_replaced(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    stale = site / "pagefind" / "fragment" / "alt.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"alt")
    index_site(site)
    assert not stale.exists()


def test_a_missing_pagefind_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nicht-installiert"))
    with pytest.raises(SiteBuildError, match=r"pip install 'pagefind\[bin\]'"):
        index_site(small_site(tmp_path / "site"))


def test_a_site_without_pages_fails(tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()
    with pytest.raises(SiteBuildError, match="Pagefind failed"):
        index_site(tmp_path / "leer")


def test_only_the_filter_index_may_differ_between_builds() -> None:
    assert varies_between_builds("pagefind/filter/de_1a2b3c4.pf_filter")
    assert varies_between_builds("pagefind/pagefind-entry.json")
    assert varies_between_builds("pagefind/pagefind.de_0123456789.pf_meta")
    assert not varies_between_builds("pagefind/fragment/de_1a2b3c4.pf_fragment")
    assert not varies_between_builds("akteure/x/index.html")
