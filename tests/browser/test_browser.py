"""The built site in a real browser: search finds "Kursk"; a claim's evidence link lands on its sentence.

Drives the system Chromium (Debian package ``chromium``, which ``.ci/run`` installs) through
the ``playwright`` package, never a downloaded browser. Skipped only outside CI when Chromium or
playwright is missing; in CI (``CI`` set) a missing browser is a failure.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from site_projects import seed_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# Debian's package first; GitHub's Ubuntu runners ship Chrome, which the same driver runs.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
LAUNCH_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 20_000


def chromium_path() -> str | None:
    """The system Chromium: ``LAGEBILD_CHROMIUM`` if set, else the first of CHROMIUM_NAMES on PATH."""
    return os.environ.get("LAGEBILD_CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if chromium_path() is None:
        return "no system Chromium (apt-get install chromium; .ci/run does this)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {missing}")
        pytest.skip(missing)
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The seed site, served on 127.0.0.1 at a free port: (site folder, base URL)."""
    folder = seed_site(tmp_path_factory) / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def page(browser, site):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the site: {errors}"


def test_search_for_kursk_shows_result_links(page, site) -> None:  # type: ignore[no-untyped-def]
    _, base = site
    page.goto(base + "uebersicht/")
    page.click(".md-search__input")
    page.keyboard.type("Kursk", delay=30)
    results = page.locator(".md-search-result__link")
    results.first.wait_for(state="visible")
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert hrefs, "no search results for Kursk"
    assert any("regionen/kursk/" in h for h in hrefs), hrefs


def test_claim_evidence_link_lands_on_the_sentence(page, site) -> None:  # type: ignore[no-untyped-def]
    folder, base = site
    report = json.loads((folder / "data" / "report.json").read_text("utf-8"))
    claim = max(report["claims"], key=lambda c: (len(c["statements"]), c["id"]))
    page.goto(f"{base}behauptungen/{claim['id']}/")
    link = page.locator('article a[href*="quellen/"][href*="#s"]').first
    href = link.get_attribute("href") or ""
    anchor = re.search(r"#(s\d+)$", href)
    assert anchor, href
    link.click()
    page.wait_for_url(re.compile(rf"/quellen/[^/]+/#{anchor.group(1)}$"))
    target = page.locator(f"#{anchor.group(1)}")
    assert target.count() == 1
    target.wait_for(state="visible")
    assert target.inner_text().strip(), "the sentence anchor holds no text"
