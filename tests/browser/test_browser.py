"""The built seed site in a real browser: search, sentences, phone layout, accessibility, privacy.

Drives the system Chromium (Debian package ``chromium``, which ``.ci/run`` installs) through
the ``playwright`` package, never a downloaded browser. Skipped only outside CI when Chromium or
playwright is missing; in CI (``CI`` set) a missing browser is a failure.

Every tab routes all its requests through `_Guard`: a request to any host but the local test
server is refused and fails the test that made it (no fonts, scripts or data from third parties).
The accessibility checks run axe-core (shipped in the ``axe-playwright-python`` wheel) on every
page type at desktop and phone width, and on the open search dialog; serious and critical
findings fail.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
DESKTOP, PHONE = 1366, 390
WIDTHS = (DESKTOP, PHONE)
LOCAL_HOSTS = {"127.0.0.1"}
SERIOUS = {"serious", "critical"}


def chromium_path() -> str | None:
    """The system Chromium: ``LAGEBILD_CHROMIUM`` if set, else the first of CHROMIUM_NAMES on PATH."""
    return os.environ.get("LAGEBILD_CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def _missing() -> str | None:
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright or axe-playwright-python is not installed (pip install -e '.[dev]')"
    if chromium_path() is None:
        return "no system Chromium (apt-get install chromium; .ci/run does this)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
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
    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        """Serve the site below `prefix` (a site published at ``/bericht/``): other paths 404."""
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path("/" + path[len(self.prefix) :])


def _serve(folder: Path, prefix: str = "/") -> tuple[ThreadingHTTPServer, str]:
    handler = type("Handler", (_QuietHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The seed site, served on 127.0.0.1 at a free port: (site folder, base URL)."""
    folder = seed_site(tmp_path_factory) / "site"
    server, base = _serve(folder)
    try:
        yield folder, base
    finally:
        server.shutdown()
        server.server_close()


class _Guard:
    """Routes every request of a browser context: local ones pass, any other host is refused."""

    def __init__(self) -> None:
        self.foreign: list[str] = []
        self.errors: list[str] = []

    def route(self, route: Any, request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            self.foreign.append(request.url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture()
def open_tab(browser: Any) -> Iterator[Callable[..., Any]]:
    """``open_tab(width)``: a new tab of that width; at the end no foreign request, no JS error."""
    contexts: list[tuple[Any, _Guard]] = []

    def new_tab(width: int = DESKTOP) -> Any:
        context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
        context.set_default_timeout(TIMEOUT_MS)
        guard = _Guard()
        context.route("**/*", guard.route)
        tab = context.new_page()
        tab.on("pageerror", lambda exc: guard.errors.append(str(exc)))
        contexts.append((context, guard))
        return tab

    yield new_tab
    for context, guard in contexts:
        context.close()
        assert not guard.foreign, f"requests to other hosts: {guard.foreign}"
        assert not guard.errors, f"JavaScript errors on the site: {guard.errors}"


@pytest.fixture()
def page(open_tab: Callable[..., Any]) -> Any:
    return open_tab(DESKTOP)


# ---- the pages -----------------------------------------------------------------------------


def report(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "data" / "report.json").read_text("utf-8"))


def _largest(folder: Path, section: str) -> str:
    """The URL of the largest indexed page of a section (redirect pages are not indexed)."""
    pages = [p for p in (folder / section).glob("*/index.html") if "data-pagefind-body" in p.read_text()]
    best = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
    return best.parent.relative_to(folder).as_posix() + "/"


def page_types(folder: Path) -> dict[str, str]:
    """One URL per page type of the report (relative to the site root)."""
    return {
        "home": "",
        "overview": "uebersicht/",
        "section index": "akteure/",
        "actor": _largest(folder, "akteure"),
        "region": _largest(folder, "regionen"),
        "claim": _largest(folder, "behauptungen"),
        "figure series": _largest(folder, "zahlen"),
        "source": _largest(folder, "quellen"),
        "chronik": "chronik/",
        "chronik month": _largest(folder, "chronik"),
        "method": "methode/",
        "data": "daten/",
        "accessibility statement": "barrierefreiheit/",
        "not found": "404.html",
    }


# ---- search ----------------------------------------------------------------------------------


def open_search(tab: Any, query: str) -> None:
    """Open the search dialog with its keyboard shortcut and type `query`; wait for results."""
    tab.keyboard.press("/")
    field = tab.locator("pagefind-modal pagefind-input input")
    field.wait_for(state="visible")
    tab.keyboard.type(query, delay=20)
    # On a loaded machine a pause between two keys can outlast the debounce, so a search for the
    # first letters may show its results first: wait for the summary to name the whole query.
    tab.wait_for_function(
        """(query) => {
            const summary = document.querySelector("pagefind-modal pagefind-summary");
            return summary && summary.innerText.trim().endsWith("für " + query);
        }""",
        arg=query,
    )
    tab.locator("pagefind-modal .lb-result").first.wait_for(state="visible")


def result_count(tab: Any, query: str) -> int:
    """The number of results the dialog announces ("12 Ergebnisse für Kursk")."""
    summary = tab.locator("pagefind-modal pagefind-summary")
    text = summary.inner_text()
    found = re.search(rf"(\d[\d.]*) Ergebniss?e? für {re.escape(query)}", text)  # "1.236 Ergebnisse"
    assert found, text
    return int(found.group(1).replace(".", ""))


def choose_filter(tab: Any, name: str, value: str) -> None:
    trigger = tab.locator(f'pagefind-filter-dropdown[filter="{name}"] .pf-dropdown-trigger')
    trigger.click()
    tab.locator(f'pagefind-filter-dropdown[filter="{name}"] [role="option"][data-value="{value}"]').click()
    trigger.click()  # closes the list of values again


def wait_for_count_change(tab: Any, query: str, before: int) -> int:
    tab.wait_for_function(
        """([query, before]) => {
            const text = document.querySelector("pagefind-modal pagefind-summary").innerText;
            const m = text.match(/(\\d[\\d.]*) Ergebniss?e? für/);
            return m && Number(m[1].replace(/\\./g, "")) !== before;
        }""",
        arg=[query, before],
    )
    return result_count(tab, query)


def test_search_finds_an_entity_page_first(page: Any, site: tuple[Path, str]) -> None:
    folder, base = site
    data = report(folder)
    actors = {a["name"] for a in data["actors"]}  # "Russland" is a state and a place: not that one
    places = [r for r in data["regions"] if r["name"] not in actors]
    region = max(places, key=lambda r: (len(r["mentions"]), r["id"]))
    page.goto(base + "uebersicht/")
    open_search(page, region["name"])
    first = page.locator("pagefind-modal .lb-result").first
    assert first.locator(".lb-result__kind").inner_text() == "Region"
    assert first.locator("a.lb-result__link").first.get_attribute("href") == f"/regionen/{region['id']}/"


ONE_AT_A_TIME = """async () => {
    let running = 0, most = 0;
    const api = {
        runs: [],
        search(term) {  // a slow Pagefind: 80 ms a search
            running += 1;
            most = Math.max(most, running);
            this.runs.push(term);
            return new Promise(done => setTimeout(() => { running -= 1; done({term}); }, 80));
        },
    };
    window.LagebildSearch.oneSearchAtATime(api);
    const answers = await Promise.all(["S", "So", "Sol", "Sold", "Soldaten"].map(t => api.search(t)));
    return {answers: answers.map(a => a && a.term), runs: api.runs, most};
}"""


def test_searches_run_one_at_a_time_and_the_newest_replaces_the_waiting_one(
    page: Any, site: tuple[Path, str]
) -> None:
    _, base = site
    page.goto(base)
    out = page.evaluate(ONE_AT_A_TIME)
    assert out["most"] == 1
    assert out["runs"] == ["S", "Soldaten"]  # the first ran; of those that waited, the newest
    assert out["answers"] == ["S", None, None, None, "Soldaten"]  # replaced ones answer null


def test_fast_typing_shows_the_results_of_the_whole_query(page: Any, site: tuple[Path, str]) -> None:
    _, base = site
    page.goto(base + "uebersicht/")
    page.keyboard.press("/")
    field = page.locator("pagefind-modal pagefind-input input")
    field.wait_for(state="visible")
    field.focus()
    page.keyboard.type("Nordkorea", delay=60)  # longer than the input's debounce: a search a key
    page.wait_for_function(
        "() => document.querySelector('pagefind-modal pagefind-summary').innerText.includes('für Nordkorea')"
    )
    page.locator("pagefind-modal .lb-result").first.wait_for(state="visible")
    assert result_count(page, "Nordkorea") > 0


def test_search_with_a_filter_narrows_the_results(page: Any, site: tuple[Path, str]) -> None:
    _, base = site
    page.goto(base + "uebersicht/")
    open_search(page, "Kursk")
    everything = result_count(page, "Kursk")
    choose_filter(page, "Art", "Quelle")
    sources = wait_for_count_change(page, "Kursk", everything)
    assert 0 < sources < everything
    kinds = page.locator("pagefind-modal .lb-result .lb-result__kind")
    kinds.first.wait_for(state="visible")
    assert set(kinds.all_inner_texts()) == {"Quelle"}


def test_filtering_by_an_actor_narrows_the_results(page: Any, site: tuple[Path, str]) -> None:
    folder, base = site
    actor = max(report(folder)["actors"], key=lambda a: (len(a["mentions"]), a["id"]))
    page.goto(base)
    open_search(page, "Soldaten")
    everything = result_count(page, "Soldaten")
    choose_filter(page, "Akteur", actor["name"])
    narrowed = wait_for_count_change(page, "Soldaten", everything)
    assert 0 < narrowed < everything


def test_the_filters_load_when_a_filter_list_first_opens(page: Any, site: tuple[Path, str]) -> None:
    # Pagefind counts the results under every value of every loaded filter on each search: at
    # 3,000 articles that doubled a search's time (filtersOnDemand in search.js).
    api = "window.PagefindComponents.getInstanceManager().getInstance('default').__pagefind__"
    akteur = 'pagefind-filter-dropdown[filter="Akteur"]'
    page.goto(site[1])
    open_search(page, "Kursk")
    assert page.evaluate(f"async () => (await {api}.search('Kursk')).filters") == {}
    page.locator(f"{akteur} .pf-dropdown-trigger").click()
    page.locator(f'{akteur} [role="option"]').first.wait_for(state="visible")
    counts = page.evaluate(f"async () => (await {api}.search('Kursk')).filters.Akteur")
    assert sum(counts.values()) > 0
    shown = page.locator(f"{akteur} .pf-dropdown-option-count").all_inner_texts()
    assert sorted(int(n) for n in shown) == sorted(n for n in counts.values() if n)
    assert page.locator(".pf-dropdown-error").count() == 0  # never "no filter Akteur found"


def test_a_closed_filter_list_is_rebuilt_when_opened_with_the_counts_of_the_last_query(
    page: Any, site: tuple[Path, str]
) -> None:
    # Rebuilding every list after every search cost ~100 ms at 3,000 articles (lazyFilterLists).
    art = 'pagefind-filter-dropdown[filter="Art"]'
    api = "window.PagefindComponents.getInstanceManager().getInstance('default').__pagefind__"

    def shown() -> dict[str, int]:
        page.locator(f"{art} .pf-dropdown-trigger").click()
        page.locator(f'{art} [role="option"]').first.wait_for(state="visible")
        options = page.locator(f'{art} [role="option"]')
        values = options.evaluate_all("os => os.map(o => o.dataset.value)")
        counts = page.locator(f"{art} .pf-dropdown-option-count").all_inner_texts()
        page.locator(f"{art} .pf-dropdown-trigger").click()  # closed again
        return {v: int(n) for v, n in zip(values, counts, strict=True) if int(n)}

    def expected(query: str) -> dict[str, int]:
        found = page.evaluate(f"async q => (await {api}.search(q)).filters.Art", query)
        return {v: n for v, n in found.items() if n}

    page.goto(site[1])
    open_search(page, "Soldaten")
    assert shown() == expected("Soldaten")
    page.evaluate(f"() => {{ window.__option = document.querySelector('{art} [role=option]'); }}")
    page.locator("pagefind-modal pagefind-input input").fill("Kursk")
    page.wait_for_function(
        "() => /für Kursk/.test(document.querySelector('pagefind-modal pagefind-summary').innerText)"
    )
    assert expected("Kursk") != expected("Soldaten")
    assert page.evaluate("() => window.__option.isConnected")  # left as it was while closed ...
    assert shown() == expected("Kursk")  # ... and rebuilt for "Kursk" on opening
    assert not page.evaluate("() => window.__option.isConnected")


def _distinctive_quote(data: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    """A statement whose sentence holds a long word found in no other article:
    (statement, word, the sentence's anchor: from its words if it has one, else "s3")."""
    documents = {d["source"]["id"]: d for d in data["documents"]}
    texts = {doc: d["text"] for doc, d in documents.items()}
    sentences = {(doc, s["index"]): s for doc, d in documents.items() for s in d["sentences"]}
    for claim in sorted(data["claims"], key=lambda c: c["id"]):
        for st in claim["statements"]:
            if not st["claimant"]:
                continue
            sentence = sentences[(st["doc"], st["sentence"])]
            words = re.findall(r"[A-Za-zÄÖÜäöüß]{9,}", sentence["text"])
            for word in sorted(set(words), key=lambda w: (-len(w), w)):
                elsewhere = [doc for doc, text in texts.items() if word.lower() in text.lower()]
                if elsewhere == [st["doc"]]:
                    return st, word, sentence.get("content_anchor") or f"s{st['sentence'] + 1}"
    raise AssertionError("no statement with a distinctive word in the seeds")


def test_a_quote_result_shows_its_speaker_and_lands_on_its_sentence(
    page: Any, site: tuple[Path, str]
) -> None:
    folder, base = site
    data = report(folder)
    statement, word, anchor = _distinctive_quote(data)
    speaker = next(a["name"] for a in data["actors"] if a["id"] == statement["claimant"])
    page.goto(base)
    open_search(page, word)
    place = page.locator(f'pagefind-modal a.lb-result__link[href$="#{anchor}"]').first
    place.wait_for(state="visible")
    label = place.inner_text()
    assert label.startswith(f"Satz {statement['sentence'] + 1} · ") and speaker in label, label
    place.click()
    page.wait_for_url(re.compile(rf"/quellen/[^/]+/#{anchor}$"))
    sentence = page.locator(f"#{anchor}")
    sentence.wait_for(state="visible")
    assert word in sentence.inner_text()
    assert sentence.evaluate("e => e.matches(':target')")
    box = sentence.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box  # scrolled into view, not left at the top


def test_more_results_come_thirty_at_a_time(page: Any, site: tuple[Path, str]) -> None:
    _, base = site
    page.goto(base)
    open_search(page, "Kursk")
    total = result_count(page, "Kursk")
    assert total > 30, "the seeds should give more than one batch of results for Kursk"
    items = page.locator("pagefind-modal .pf-results > li")
    assert items.count() == 30
    more = page.locator("pagefind-modal .lb-search__more")
    more.click()
    page.wait_for_function("() => document.activeElement.matches('pagefind-results a')")
    assert items.count() == min(60, total)
    focused = page.evaluate(
        "[...document.querySelectorAll('pagefind-modal .pf-results > li')]"
        ".indexOf(document.activeElement.closest('.pf-results > li'))"
    )
    assert focused == 30  # the first of the added results has the focus


def test_search_dialog_works_with_the_keyboard(page: Any, site: tuple[Path, str]) -> None:
    _, base = site
    page.goto(base + "akteure/")
    trigger = page.locator("pagefind-modal-trigger button")
    trigger.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("pagefind-modal dialog")
    dialog.wait_for(state="visible")
    assert dialog.get_attribute("aria-label")  # a named dialog
    assert page.evaluate("document.activeElement.matches('pagefind-input input')")
    page.keyboard.type("Kursk", delay=20)
    page.locator("pagefind-modal .lb-result").first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('pagefind-results a')")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.closest('pagefind-modal-trigger') !== null")


def test_search_works_when_the_site_lives_below_the_root(
    open_tab: Callable[..., Any], site: tuple[Path, str]
) -> None:
    folder, _ = site
    server, base = _serve(folder, "/bericht/")
    try:
        tab = open_tab(DESKTOP)
        tab.goto(base + "akteure/")
        open_search(tab, "Kursk")
        href = tab.locator("pagefind-modal a.lb-result__link").first.get_attribute("href") or ""
        assert href.startswith("/bericht/"), href
        tab.locator("pagefind-modal a.lb-result__link").first.click()
        tab.wait_for_url(re.compile(r"/bericht/.+"))
        assert tab.locator("article h1").count() == 1
    finally:
        server.shutdown()
        server.server_close()


def test_claim_evidence_link_lands_on_the_sentence(page: Any, site: tuple[Path, str]) -> None:
    folder, base = site
    claim = max(report(folder)["claims"], key=lambda c: (len(c["statements"]), c["id"]))
    page.goto(f"{base}behauptungen/{claim['id']}/")
    link = page.locator('article a[href*="quellen/"][href*="#s"]').first
    href = link.get_attribute("href") or ""
    anchor = re.search(r"#(s[-\w]+)$", href)
    assert anchor, href
    link.click()
    page.wait_for_url(re.compile(rf"/quellen/[^/]+/#{anchor.group(1)}$"))
    target = page.locator(f"#{anchor.group(1)}")
    assert target.count() == 1
    target.wait_for(state="visible")
    assert target.inner_text().strip(), "the sentence anchor holds no text"


# ---- phone layout ----------------------------------------------------------------------------

OVERFLOW = """() => {
    const wide = [];
    const limit = document.documentElement.clientWidth + 1;
    const page = document.documentElement.scrollWidth;
    if (page > limit) wide.push("page " + page);
    for (const e of document.querySelectorAll("article table, article .md-typeset__scrollwrap")) {
        const box = e.getBoundingClientRect();
        if (box.right > limit) wide.push(e.tagName + " ends at " + Math.round(box.right));
        if (e.scrollWidth > e.clientWidth + 1) wide.push(e.tagName + " scrolls " + e.scrollWidth);
    }
    return wide;
}"""


@pytest.mark.parametrize("kind", ["claim", "actor", "region", "source", "figure series", "section index"])
def test_tables_fit_a_phone_screen(open_tab: Callable[..., Any], site: tuple[Path, str], kind: str) -> None:
    folder, base = site
    tab = open_tab(PHONE)
    tab.goto(base + page_types(folder)[kind])
    tab.wait_for_load_state("load")
    assert tab.evaluate(OVERFLOW) == []
    stacked = tab.locator("article table[data-lb-stack] tbody td[data-label]")
    assert stacked.count() > 0
    cell = stacked.first
    label = cell.get_attribute("data-label")
    assert label and cell.evaluate("e => getComputedStyle(e, '::before').content") == json.dumps(label)
    assert cell.evaluate("e => getComputedStyle(e.closest('tr')).display") == "block"  # one card per row
    assert cell.evaluate("e => e.closest('table').querySelector('th').getAttribute('role')") == "columnheader"


def test_the_navigation_drawer_opens_with_the_keyboard_on_a_phone(
    open_tab: Callable[..., Any], site: tuple[Path, str]
) -> None:
    _, base = site
    tab = open_tab(PHONE)
    tab.goto(base + "akteure/")
    on_screen = "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().right > 10"
    assert not tab.evaluate(on_screen)  # the drawer is closed, off the screen
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "__drawer"
    tab.keyboard.press("Space")
    tab.wait_for_function(on_screen)


def test_evidence_table_keeps_its_columns_on_a_desktop(page: Any, site: tuple[Path, str]) -> None:
    folder, base = site
    page.goto(base + page_types(folder)["claim"])
    row = page.locator("article table[data-lb-stack] tbody tr").first
    assert row.evaluate("e => getComputedStyle(e).display") == "table-row"


CHART_SHOWN = """figure => Array.from(figure.querySelectorAll("img"))
    .filter(img => getComputedStyle(img).display !== "none")
    .map(img => ({
        src: img.getAttribute("src"),
        alt: img.alt,
        loaded: img.complete && img.naturalWidth > 0,
        scale: img.getBoundingClientRect().width / img.naturalWidth,
    }))"""


@pytest.mark.parametrize("kind", ["figure series", "claim", "actor"])
@pytest.mark.parametrize("width", WIDTHS)
def test_charts_keep_readable_labels_at_both_widths(
    open_tab: Callable[..., Any], site: tuple[Path, str], kind: str, width: int
) -> None:
    """One drawing of each chart is shown: the wide one on a desktop, the narrow one on a phone,
    which the phone shows at three quarters of its natural size or more (the wide one: half)."""
    folder, base = site
    tab = open_tab(width)
    tab.goto(base + page_types(folder)[kind])
    figure = tab.locator("article figure.lb-chart").first
    figure.scroll_into_view_if_needed()
    tab.wait_for_function(
        "f => Array.from(f.querySelectorAll('img')).some(i => i.complete && i.naturalWidth > 0 "
        "&& getComputedStyle(i).display !== 'none')",
        arg=figure.element_handle(),
    )
    shown = figure.evaluate(CHART_SHOWN)
    assert len(shown) == 1, shown
    chart = shown[0]
    assert chart["loaded"] and chart["alt"].startswith("Diagramm")
    assert chart["src"].endswith("-schmal.svg") == (width == PHONE)
    assert chart["scale"] >= (0.75 if width == PHONE else 0.9), chart  # wide on a phone: about 0.5
    assert tab.evaluate(OVERFLOW) == []


# ---- accessibility and privacy -------------------------------------------------------------


def serious_findings(tab: Any) -> list[str]:
    """axe-core's serious and critical findings on the tab, one line per rule."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, options={"resultTypes": ["violations"]}).response
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_serious_on_any_page_type(
    open_tab: Callable[..., Any], site: tuple[Path, str], width: int
) -> None:
    folder, base = site
    tab = open_tab(width)
    found = {}
    for kind, url in page_types(folder).items():
        tab.goto(base + url)
        tab.wait_for_load_state("load")
        if problems := serious_findings(tab):
            found[f"{kind} ({url})"] = problems
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_serious_in_the_search_dialog(
    open_tab: Callable[..., Any], site: tuple[Path, str], width: int
) -> None:
    _, base = site
    tab = open_tab(width)
    tab.goto(base + "akteure/")
    open_search(tab, "Kursk")
    assert serious_findings(tab) == []
    tab.locator('pagefind-filter-dropdown[filter="Art"] .pf-dropdown-trigger').click()
    tab.locator('pagefind-filter-dropdown[filter="Art"] [role="option"]').first.wait_for(state="visible")
    assert serious_findings(tab) == []


def test_prose_links_are_underlined(page: Any, site: tuple[Path, str]) -> None:
    _, base = site
    page.goto(base)
    link = page.locator("article p a, article li a").first
    assert "underline" in link.evaluate("e => getComputedStyle(e).textDecorationLine")


def test_no_page_requests_anything_from_another_host(
    open_tab: Callable[..., Any], site: tuple[Path, str]
) -> None:
    """Every page type and a search: the guard refuses (and the fixture fails on) foreign hosts."""
    folder, base = site
    tab = open_tab(DESKTOP)
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url))
    for url in page_types(folder).values():
        tab.goto(base + url)
        tab.wait_for_load_state("load")
    open_search(tab, "Kursk")
    assert any("/pagefind/" in url for url in seen)  # the search loads its index from the site
    foreign = [url for url in seen if urlsplit(url).hostname not in LOCAL_HOSTS and url.startswith("http")]
    assert foreign == []
