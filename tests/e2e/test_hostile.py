"""Hostile articles become text, never markup: a site built from tests/data/hostile/ is parsed page by page.

The articles and their metadata carry raw HTML (<script>, <img onerror>, <iframe>), Markdown
links and images to javascript: URLs, Jinja and MkDocs syntax, snippet includes, Markdown
control characters, bidi overrides, and (written by the fixture) one 100 kB line.
Every payload calls ``alert(`` so that any of it surviving as code is easy to spot.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_projects import ROOT, build, new_project

pytestmark = pytest.mark.slow

HOSTILE = ROOT / "tests" / "data" / "hostile"
MARKER = "alert("
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
LONG_LINE_BYTES = 100_000


@dataclass
class Script:
    attrs: dict[str, str]
    text: str = ""


class Page(HTMLParser):
    """Tags with their attributes, scripts and visible text of one HTML page."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[Script] = []
        self.text: list[str] = []
        self._script: Script | None = None
        self.feed(path.read_text(encoding="utf-8"))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag == "script":
            self._script = Script(values)
            self.scripts.append(self._script)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.text += data
        else:
            self.text.append(data)

    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def is_javascript_url(value: str) -> bool:
    """A URL that runs code when followed (case, entities, whitespace and controls do not hide it)."""
    url = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(value)).lower()
    return url.startswith(("javascript:", "vbscript:", "data:text/html"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = new_project(tmp_path_factory.mktemp("hostile"), seeds=HOSTILE, knowledge=False)
    chunk = "Kursk <script>alert('long')</script> {{ x }} [a](javascript:alert('long')) \u202e| "
    (project / "seeds" / "004_long_line.txt").write_text(
        "Die NATO meldete am Montag " + chunk * (LONG_LINE_BYTES // len(chunk)) + "in Kursk.\n", "utf-8"
    )
    result = build(project, "--no-cache")  # the CLI always builds the site with MkDocs --strict
    assert result.exit_code == 0, result.output
    return project


@pytest.fixture(scope="module")
def pages(project: Path) -> dict[str, Page]:
    site = project / "site"
    return {p.relative_to(site).as_posix(): Page(p) for p in sorted(site.rglob("*.html"))}


def test_every_article_made_it_into_the_site(project: Path) -> None:
    report = json.loads((project / "site" / "data" / "report.json").read_text("utf-8"))
    assert sorted(d["source"]["id"] for d in report["documents"]) == [
        "001_html",
        "002_markdown",
        "003_rtl",
        "004_long_line",
    ]


def test_no_script_came_from_a_source(pages: dict[str, Page]) -> None:
    for name, page in pages.items():
        for script in page.scripts:
            kind = script.attrs.get("type", "")
            if "src" in script.attrs:
                # Material's scripts, Lagebild's (overrides/assets/lagebild/) and Pagefind's interface
                ours = r"(\.\./)*/?(assets/javascripts/|assets/lagebild/|pagefind/pagefind-component-ui\.js$)"
                assert re.match(ours, script.attrs["src"]), (name, script)
                assert not script.text.strip(), (name, script)
            elif kind in DATA_SCRIPT_TYPES:  # JSON data (our JSON-LD, Material's config): inert, if closed
                assert "<" not in script.text, (name, script.text[:200])
                json.loads(script.text)
            else:  # Material's own inline scripts
                assert kind in ("", "text/javascript"), (name, script)
                assert MARKER not in script.text, (name, script.text[:200])


def test_no_event_handlers_frames_or_javascript_urls(pages: dict[str, Page]) -> None:
    for name, page in pages.items():
        for tag, attrs in page.tags:
            assert tag not in FORBIDDEN_TAGS, (name, tag, attrs)
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            assert not [a for a in attrs if a in URL_ATTRIBUTES and is_javascript_url(attrs[a])], (name, tag)
            if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":  # redirect pages
                assert not is_javascript_url(attrs.get("content", "").partition("url=")[2]), (name, attrs)
            if tag == "form":
                assert "action" not in attrs, (name, attrs)  # Material's search form has none


def test_hostile_text_is_shown_as_text(pages: dict[str, Page]) -> None:
    source = pages["quellen/001-html/index.html"].visible()
    for shown in (
        "<script>alert('s1')</script>",
        "<img src=x onerror=alert('q1')>",
        "[keine Soldaten](javascript:alert('md-link'))",
        "{{ 'JINJA' ~ 'EVAL' }}",
        "&lt;script&gt;alert('entity')&lt;/script&gt;",
        "<style>body{display:none}</style>",  # CSS is text too
    ):
        assert shown in source, shown
    assert '--8<-- "mkdocs.yml"' in pages["quellen/002-markdown/index.html"].visible()


def test_no_template_or_snippet_was_evaluated(project: Path) -> None:
    for page in (project / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "JINJAEVAL" not in text, page  # what {{ 'JINJA' ~ 'EVAL' }} would render to
        assert "root:x:0:0" not in text, page  # --8<-- "../../etc/passwd"
        assert "site_description: Lagebild" not in text, page  # --8<-- "mkdocs.yml", {% include %}


def test_bidi_overrides_are_neutralised(pages: dict[str, Page]) -> None:
    for name, page in pages.items():
        assert not BIDI_CONTROLS.search(" ".join(page.text)), name
        for _, attrs in page.tags:
            assert not BIDI_CONTROLS.search(" ".join(attrs.values())), name
    source = pages["quellen/003-rtl/index.html"].visible()
    assert "Kursk gnuldeM eingetroffen" in source  # the letters stay, in stored order
    assert "الأخبار" in source  # right-to-left letters need no override


def test_long_line_is_on_its_source_page(pages: dict[str, Page]) -> None:
    assert pages["quellen/004-long-line/index.html"].visible().count("<script>alert('long')</script>") > 1000


def test_the_long_line_is_not_copied_onto_other_pages(project: Path) -> None:
    """The 100 kB line appears in full on its source page only: no page grows with it (quotes are cut)."""
    big = {
        page.relative_to(project / "site").as_posix(): page.stat().st_size
        for page in (project / "site").rglob("*.html")
        if page.stat().st_size > LONG_LINE_BYTES
    }
    assert list(big) == ["quellen/004-long-line/index.html"], big
    assert big["quellen/004-long-line/index.html"] < 10 * LONG_LINE_BYTES
