"""Published links never break: after adding or removing an article, every earlier URL still resolves.

The project is built from four seed articles, its page URLs recorded, then the fifth article is
added and the project rebuilt with the permalinks.yml the first build wrote (as a user would,
having committed it); then that article is removed again. Every earlier URL must still resolve
in the new site/: as a page, or as a redirect page whose target is a page.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from site_projects import SEEDS, add_articles, build, new_project, page_urls, remove_article

pytestmark = pytest.mark.slow

ARTICLES = sorted(SEEDS.glob("*.txt"))
REFRESH = re.compile(r'<meta[^>]+http-equiv="refresh"[^>]+content="\d+;\s*url=([^"]+)"', re.I)


def redirect_target(site: Path, url: str) -> str | None:
    """The URL a redirect page sends to (relative to the site root), or None for a real page."""
    page = site / url / "index.html" if url == "" or url.endswith("/") else site / url
    match = REFRESH.search(page.read_text(encoding="utf-8"))
    if not match:
        return None
    return urljoin(f"http://site/{url}", match.group(1)).removeprefix("http://site/").split("#")[0]


def built(project: Path) -> set[str]:
    result = build(project)
    assert result.exit_code == 0, result.output
    return page_urls(project / "site")


def unresolved(before: set[str], site: Path) -> list[str]:
    """Earlier URLs that are neither a page nor a redirect to a page in `site`."""
    after = page_urls(site)
    broken = sorted(before - after)
    for url in sorted(before & after):
        target = redirect_target(site, url)
        if target is not None and (target not in after or redirect_target(site, target) is not None):
            broken.append(f"{url} → {target}")
    return broken


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return new_project(tmp_path_factory.mktemp("links"), ARTICLES[:4])


@pytest.fixture(scope="module")
def builds(project: Path) -> tuple[set[str], Path]:
    """(URLs of the four-article site, the site after adding the fifth article)."""
    before = built(project)
    assert (project / "permalinks.yml").exists()
    add_articles(project, SEEDS, ARTICLES[4:])
    built(project)
    return before, project / "site"


def test_the_fifth_article_adds_pages(builds: tuple[set[str], Path]) -> None:
    before, site = builds
    assert "quellen/004-1b7fde4eaa71ffc7/" in page_urls(site) - before


def test_every_earlier_url_still_resolves(builds: tuple[set[str], Path]) -> None:
    before, site = builds
    broken = unresolved(before, site)
    assert not broken, f"{len(broken)} published URLs no longer resolve: {broken[:10]}"


def test_urls_of_a_removed_article_redirect(builds: tuple[set[str], Path], project: Path) -> None:
    _, site = builds
    before = page_urls(site)
    remove_article(project, ARTICLES[4].name)
    built(project)
    broken = unresolved(before, site)
    assert not broken, f"{len(broken)} published URLs no longer resolve: {broken[:10]}"
