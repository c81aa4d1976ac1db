"""How fast the built site's search answers in a real browser (system Chromium via playwright).

Usage: python benchmarks/search_browser.py SITE_DIR [QUERY ...]

Serves SITE_DIR on 127.0.0.1 and measures the first search of a new visitor (empty browser cache)
twice, each in a fresh browser context:

- typed: the reader presses "/" and types the first query at 150 ms a key, as people type; timed
  from the last key to the first result on screen. Pagefind loads while the reader types.
- pasted: the query is pasted the moment the dialog is open, so loading Pagefind (its script,
  WebAssembly and metadata) is all inside the time: the worst case.

What the site sends from opening the dialog to the first results is summed up (the typed run).
Later queries are timed from being entered. Then the first query is narrowed by the actor named in
most of its results, to check that the filter narrows. Prints one JSON object (seconds, kB,
counts); a benchmark, not a test.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
FIELD = "pagefind-modal pagefind-input input"
RESULT = "pagefind-modal .lb-result"
COUNT = re.compile(r"(\d[\d.,\u202f ]*) Ergebnis")  # "1.236 Ergebnisse": German thousands


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def chromium() -> str:
    found = os.environ.get("LAGEBILD_CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    if found is None:
        raise SystemExit("no system Chromium found (apt-get install chromium)")
    return found


def result_count(page: Any) -> int:
    found = COUNT.search(page.locator("pagefind-modal pagefind-summary").inner_text())
    return int(re.sub(r"\D", "", found.group(1))) if found else 0


ANSWERED = """query => {
    const summary = document.querySelector("pagefind-modal pagefind-summary").innerText;
    const first = document.querySelector("pagefind-modal .lb-result");
    return summary.includes("für " + query) && first !== null && first.offsetParent !== null;
}"""


def search(page: Any, query: str) -> float:
    """Seconds from entering `query` at once (after the input debounce) to its first result on screen."""
    start = time.perf_counter()
    page.fill(FIELD, query)
    page.wait_for_function(ANSWERED, arg=query, timeout=120_000, polling=10)
    return time.perf_counter() - start


def typed(page: Any, query: str, delay_ms: int = 150) -> float:
    """Seconds from the last key of `query`, typed at `delay_ms` a key, to its first result on screen."""
    page.locator(FIELD).focus()
    for key in query[:-1]:
        page.keyboard.type(key)
        page.wait_for_timeout(delay_ms)
    start = time.perf_counter()
    page.keyboard.type(query[-1])
    page.wait_for_function(ANSWERED, arg=query, timeout=120_000, polling=10)
    return time.perf_counter() - start


def narrow_by_actor(page: Any) -> tuple[str, int, int]:
    """Choose the actor with the most results in the Akteur filter: (actor, results before, after)."""
    before = result_count(page)
    page.locator('pagefind-filter-dropdown[filter="Akteur"] .pf-dropdown-trigger').click()
    options = page.locator('pagefind-filter-dropdown[filter="Akteur"] [role="option"]')
    options.first.wait_for(state="visible")
    counts = [(int(o.inner_text().split()[-1]), o.get_attribute("data-value") or "") for o in options.all()]
    _, actor = max(counts)
    page.locator(f'pagefind-filter-dropdown[filter="Akteur"] [role="option"][data-value="{actor}"]').click()
    page.wait_for_function(
        """before => {
            const text = document.querySelector("pagefind-modal pagefind-summary").innerText;
            const m = text.match(/(\\d[\\d.,\\u202f ]*) Ergebnis/);
            return m && Number(m[1].replace(/\\D/g, "")) !== before;
        }""",
        arg=before,
        timeout=60_000,
    )
    return actor, before, result_count(page)


def measure(site: Path, queries: list[str]) -> dict[str, Any]:
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out: dict[str, Any] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium(), args=ARGS)
            address = f"http://127.0.0.1:{server.server_port}/"
            cold = browser.new_context()  # the worst case: pasted as soon as the dialog is open
            page = cold.new_page()
            page.goto(address, wait_until="load")
            page.keyboard.press("/")
            page.locator(FIELD).wait_for(state="visible")
            out["first search, pasted at once: results on screen (s)"] = search(page, queries[0])
            cold.close()
            page = browser.new_context().new_page()
            start = time.perf_counter()
            page.goto(address, wait_until="load")
            out["page load (s)"] = time.perf_counter() - start
            loaded: list[Any] = []  # what the site sends once the page is there: the search's share
            page.on("requestfinished", lambda request: loaded.append(request))
            page.keyboard.press("/")
            page.locator(FIELD).wait_for(state="visible")
            for n, query in enumerate(queries):
                if n == 0:
                    seconds = typed(page, query)
                    sizes = [r.sizes()["responseBodySize"] for r in loaded if "/pagefind/" in r.url]
                    out["first search, typed: results on screen after the last key (s)"] = seconds
                    out["first search: transferred (kB)"] = sum(sizes) / 1000
                    out["first search: requests"] = len(sizes)
                else:
                    out[f"search '{query}' (s)"] = search(page, query)
            search(page, queries[0])
            actor, before, after = narrow_by_actor(page)
            out[f"filter Akteur={actor}: results"] = f"{before} → {after}"
            browser.close()
    finally:
        server.shutdown()
    return out


if __name__ == "__main__":
    site_dir = Path(sys.argv[1])
    times = measure(site_dir, sys.argv[2:] or ["Kursk", "Waffenruhe", "Soldaten"])
    print(json.dumps(times, ensure_ascii=False))
