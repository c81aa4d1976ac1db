"""How fast the built site's search answers in a real browser (system Chromium via playwright).

Usage: python benchmarks/search_browser.py SITE_DIR [QUERY ...]

Serves SITE_DIR on 127.0.0.1, opens the start page and types each query into Material's
search box, timing from the entered query to the first result on screen. The first query also
waits for the search worker to load and index ``search_index.json``; the later ones show the
answer time of a ready index. Prints one JSON object (seconds); a benchmark, not a test.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
# a result for this query is on screen (a result item that contains the query)
ANSWERED = """q => [...document.querySelectorAll('.md-search-result__item')]
    .some(item => item.textContent.toLowerCase().includes(q))"""
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def chromium() -> str:
    found = os.environ.get("LAGEBILD_CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    if found is None:
        raise SystemExit("no system Chromium found (apt-get install chromium)")
    return found


def measure(site: Path, queries: list[str]) -> dict[str, float]:
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times: dict[str, float] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium(), args=ARGS)
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_port}/", wait_until="load")
            times["page load"] = time.perf_counter() - start
            page.click(".md-search__input")
            for n, query in enumerate(queries):
                start = time.perf_counter()
                page.fill(".md-search__input", query)  # the whole query at once, as if pasted
                page.wait_for_function(ANSWERED, arg=query.casefold(), timeout=120_000)
                label = "first search (loads the index)" if n == 0 else f"search '{query}'"
                times[label] = time.perf_counter() - start
            browser.close()
    finally:
        server.shutdown()
    return times


if __name__ == "__main__":
    site_dir = Path(sys.argv[1])
    print(json.dumps(measure(site_dir, sys.argv[2:] or ["Kursk", "Waffenruhe", "Soldaten"])))
