"""Every published URL and sentence anchor stays: after a sentence is removed, a sentence added, a
file renamed and an article removed, each earlier page address resolves (a page, or a redirect to
the page that took its place) and each anchor of a sentence still in the text still marks it.

The project holds the seed articles and one more, published in May 2023, whose first sentence is
the only figure of its series ("Verletzte"): removing that sentence removes ``zahlen/verletzte/``,
removing the article removes the Chronik month ``chronik/2023-05/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from site_projects import build, new_project, page_urls, remove_article

from tests.e2e.test_links_stable import redirect_target, unresolved

pytestmark = pytest.mark.slow

FIRST = "Das Gesundheitsministerium meldete am Dienstag 40 Verletzte nach einem Erdrutsch."
EXTRA = (
    "Erdrutsch im Bergland\n\n"
    f"{FIRST} Die Ministerin Petra Lindqvist sagte, die Lage sei unter Kontrolle. "
    "Die Regierung kündigte Hilfe für die betroffenen Dörfer an.\n\n"
    "Weitere Berichte folgten am Mittwoch.\n"
)
RENAMED = ("003_85ee40c7f8e86b3b.txt", "003_umbenannt.txt")
GROWN = "000_e2235c48d83a146a.txt"
ADDED = "Dies ist ein neuer erster Satz, der vor allen anderen steht."


def anchors(project: Path) -> dict[tuple[str, str], str]:
    """(source page slug, sentence anchor) → sentence text, from the published report."""
    report = json.loads((project / "site" / "data" / "report.json").read_text("utf-8"))
    found = {}
    for doc in report["documents"]:
        slug = doc["source"]["id"].replace("_", "-").lower()
        for s in doc["sentences"]:
            found[(slug, s["content_anchor"])] = s["text"]
    return found


def element_ids(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text("utf-8")))


def rebuilt(project: Path) -> None:
    result = build(project)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = new_project(tmp_path_factory.mktemp("urls"))
    (project / "seeds" / "extra.txt").write_text(EXTRA, encoding="utf-8")
    listed = project / "seeds" / "sources.yml"
    meta = yaml.safe_load(listed.read_text("utf-8"))
    meta["extra.txt"] = {"title": "Erdrutsch im Bergland", "outlet": "Test", "published": "2023-05-02"}
    listed.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=True), encoding="utf-8")
    rebuilt(project)
    return project


@pytest.fixture(scope="module")
def first(project: Path) -> tuple[set[str], dict[tuple[str, str], str]]:
    urls = page_urls(project / "site")
    assert {"zahlen/verletzte/", "chronik/2023-05/", "quellen/extra/"} <= urls
    return urls, anchors(project)


@pytest.fixture(scope="module")
def edited(project: Path, first: tuple[set[str], dict[tuple[str, str], str]]) -> Path:
    """Remove the series' sentence, add a first sentence to another article, rename a file."""
    extra = project / "seeds" / "extra.txt"
    extra.write_text(extra.read_text("utf-8").replace(FIRST + " ", ""), encoding="utf-8")
    grown = project / "seeds" / GROWN
    lines = grown.read_text("utf-8").split("\n\n")
    grown.write_text("\n\n".join([lines[0], ADDED + " " + lines[1], *lines[2:]]), encoding="utf-8")
    old, new = RENAMED
    (project / "seeds" / old).rename(project / "seeds" / new)
    listed = project / "seeds" / "sources.yml"
    meta = yaml.safe_load(listed.read_text("utf-8"))
    meta[new] = meta.pop(old)
    listed.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=True), encoding="utf-8")
    rebuilt(project)
    return project


def test_every_earlier_url_resolves_after_the_edits(first, edited: Path) -> None:  # type: ignore[no-untyped-def]
    broken = unresolved(first[0], edited / "site")
    assert not broken, f"{len(broken)} published URLs no longer resolve: {broken[:10]}"


def test_a_series_whose_figures_are_gone_redirects_to_the_figures_index(first, edited: Path) -> None:  # type: ignore[no-untyped-def]
    assert "zahlen/verletzte/" in page_urls(edited / "site")
    assert redirect_target(edited / "site", "zahlen/verletzte/") == "zahlen/"


def test_a_renamed_file_redirects_to_its_new_page(first, edited: Path) -> None:  # type: ignore[no-untyped-def]
    site = edited / "site"
    assert redirect_target(site, "quellen/003-85ee40c7f8e86b3b/") == "quellen/003-umbenannt/"
    assert redirect_target(site, "quellen/003-umbenannt/") is None  # a page, not a redirect
    registry = yaml.safe_load((edited / "permalinks.yml").read_text("utf-8"))
    assert registry["quellen"]["moved:003-85ee40c7f8e86b3b"] == "003-umbenannt"


def test_sentence_anchors_stay_on_their_sentences(first, edited: Path) -> None:  # type: ignore[no-untyped-def]
    before, after = first[1], anchors(edited)
    renamed = {"003-85ee40c7f8e86b3b": "003-umbenannt"}
    kept = moved = 0
    for (slug, anchor), text in before.items():
        slug = renamed.get(slug, slug)
        if text == FIRST:
            assert (slug, anchor) not in after  # the removed sentence
            continue
        assert after.get((slug, anchor)) == text, (slug, anchor, text)
        assert anchor in element_ids(edited / "site" / "quellen" / slug / "index.html")
        kept += 1
        moved += slug == "000-e2235c48d83a146a"
    assert kept > 100 and moved > 10  # the grown article's sentences all moved down one place
    assert any(text == ADDED for (slug, _), text in after.items() if slug == "000-e2235c48d83a146a")


def test_position_anchors_of_earlier_links_still_exist(first, edited: Path) -> None:  # type: ignore[no-untyped-def]
    page = edited / "site" / "quellen" / "000-e2235c48d83a146a" / "index.html"
    ids = element_ids(page)
    count = sum(1 for slug, _ in anchors(edited) if slug == "000-e2235c48d83a146a")
    assert {f"s{n}" for n in range(1, count + 1)} <= ids


def test_a_removed_article_redirects_its_page_and_its_chronik_month(edited: Path) -> None:
    before = page_urls(edited / "site")
    remove_article(edited, "extra.txt")
    rebuilt(edited)
    site = edited / "site"
    assert redirect_target(site, "chronik/2023-05/") == "chronik/"
    assert redirect_target(site, "quellen/extra/") == "quellen/"
    broken = unresolved(before, site)
    assert not broken, f"{len(broken)} published URLs no longer resolve: {broken[:10]}"
