"""Property tests (hypothesis): escaped text stays text in every Markdown and HTML context, for any input."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.render.escape import escape_html, escape_markdown, one_line
from tests.conftest import ROOT

# No example database: nothing is written into the checkout (.hypothesis/); failures print their example.
PROPERTY = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def project_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions of mkdocs.yml (snippets without files to include)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    configs: dict[str, dict] = {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name == "pymdownx.snippets":
            options = {"base_path": [str(ROOT / "tests" / "data" / "no-such-folder")], "check_paths": False}
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


MD = project_markdown()
# Where templates put escaped text: a paragraph, a heading, a table cell, a link text,
# a list item, a quote, and the first thing on a line (a sentence that starts the paragraph).
CONTEXTS = {
    "paragraph": ("Vorher {} nachher", {"p"}),
    "line-start": ("{}", {"p"}),
    "heading": ("## {}", {"h2", "a"}),  # toc adds the ¶ permalink <a>
    "table": ("| a | b |\n| --- | --- |\n| {} | x |", {"table", "thead", "tbody", "tr", "th", "td"}),
    "link": ("[{}](../akteure/x.md)", {"p", "a"}),
    "list": ("- {}", {"ul", "li"}),
    "quote": ("> {}", {"blockquote", "p"}),
}

HOSTILE = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(
            [
                "<script>",
                "</script>",
                "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))",
                "![b](javascript:alert(1))",
                "<javascript:alert(1)>",
                "{{ 7*7 }}",
                "{% raw %}",
                "{: onclick=x }",
                "{ #id }",
                "*[HTML]: x",
                "[^1]",
                "[TOC]",
                "1.",
                "-",
                "+",
                "*",
                "#",
                ">",
                "???",
                "!!!",
                "---",
                "|",
                "`",
                "~~~",
                "&amp;",
                "&#60;",
                "\\",
                "\n",
                "    ",
                "\u202e",
                "--8<--",
                '"',
                "'",
                "a",
                " ",
                "Kursk",
                "https://example.org",
            ]
        ),
        max_size=12,
    ).map("".join),
)


class Tags(HTMLParser):
    """Every tag and every URL-valued attribute of a piece of HTML."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.urls: list[str] = []
        self.events: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action", "data")]
        self.events += [k for k, _ in attrs if k.startswith("on")]


@PROPERTY
@given(HOSTILE)
@example("<script>alert(1)</script>")
def test_escaped_markdown_has_no_raw_markup_characters(text: str) -> None:
    out = escape_markdown(text)
    assert not set(out) & set("<>[]`*_{}|\\\n\r")
    assert html.unescape(out) == one_line(text)


@PROPERTY
@given(HOSTILE)
def test_escaped_html_has_no_raw_markup_characters(text: str) -> None:
    out = escape_html(text)
    assert not set(out) & set("<>\"'\n")
    assert html.unescape(out) == one_line(text)


@PROPERTY
@given(HOSTILE, st.sampled_from(sorted(CONTEXTS)))
@example("1. Oktober", "line-start")
@example("- Liste", "line-start")
@example('??? note "x"', "line-start")
@example("- - -", "quote")
def test_escaped_text_renders_as_text_in_every_context(text: str, context: str) -> None:
    template, allowed = CONTEXTS[context]
    assume(one_line(text))
    MD.reset()
    out = MD.convert(template.format(escape_markdown(text)))
    parsed = Tags(out)
    assert parsed.tags <= allowed, (context, out)
    assert not parsed.events, out
    assert not [u for u in parsed.urls if re.sub(r"[\s\x00-\x1f]", "", u).lower().startswith("javascript:")]
    shown = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", out)  # toc's ¶ permalink
    visible = " ".join(html.unescape(re.sub(r"<[^>]+>", "", shown)).split())
    assert one_line(text) in visible, out
