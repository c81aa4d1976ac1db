"""Escaping of article text for the generated Markdown pages.

Everything that comes from articles (sentences, names, quotes, titles) passes through
:func:`escape_markdown` before it lands in a page, so that it renders as text: no HTML
(``<script>``), no links (``[x](javascript:…)``), no emphasis, no table cell breaks, no
attribute lists (``{#id}``), no template syntax (``{{ }}``), no block markers at a line's
start (``1. Oktober``), and no bidi overrides or isolates (U+202A–U+202E, U+2066–U+2069)
that could reorder the text around it.

Templates mark what is already safe with :class:`Safe`; the Jinja environment refuses
to output any other string (see ``generator.render.write``), so forgetting the filter fails loudly.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

# Characters with a meaning in Markdown, in its extensions (tables, attr_list, abbr,
# admonition) or in HTML. They become numeric character references, which
# Python-Markdown passes through verbatim and browsers show as the character.
_SPECIAL = "&<>\\`*_{}[]|#!\"'"
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_HTML_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "&<>\"'"}
# Control characters, and the explicit bidi embeddings, overrides and isolates: an unclosed
# U+202E would display the rest of a table cell or paragraph reversed. Right-to-left letters
# (Arabic, Hebrew) need none of them; the bidi algorithm orders them by itself.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# Block markers that only count at the start of a line (lists, rules, setext underlines,
# pymdownx.details); the others ("#", ">", "*", "|", "!!!", "```") are escaped everywhere.
_BLOCK_START = re.compile(r"[-+=?]|\d+\.")


class Safe(str):
    """A string that is ready to be written into a Markdown page as it is."""

    __slots__ = ()


def one_line(text: str) -> str:
    """Drop control and bidi override characters; collapse all whitespace (incl. newlines) to one space."""
    return " ".join(_CONTROL.sub("", text).split())


def escape_markdown(text: object) -> Safe:
    """Return `text` as a single line of Markdown that renders exactly as the text.

    ``escape_markdown("<b>*x*</b> | [a](b)")`` keeps every character visible and inert,
    in paragraphs, headings, link texts, image alt texts, table cells, list items and quotes
    alike. A text that would start a block where a line starts ("1. Oktober" a list,
    "- - -" a rule, "??? x" a details box) has that first marker written as a reference.
    """
    if isinstance(text, Safe):
        return text
    return _escaped(text if type(text) is str else str(text))


@lru_cache(maxsize=1 << 17)
def _escaped(text: str) -> Safe:
    """`escape_markdown` of a plain string, remembered: a report prints the same names, titles and
    outlets on thousands of pages (a million calls at 3,000 articles)."""
    escaped = one_line(text).translate(_ENTITIES)
    marker = _BLOCK_START.match(escaped)
    if marker:
        end = marker.end() - 1
        escaped = f"{escaped[:end]}&#{ord(escaped[end])};{escaped[end + 1 :]}"
    return Safe(escaped)


def escape_html(text: object) -> Safe:
    """Escape `text` for an HTML attribute value or raw HTML text (single line)."""
    if isinstance(text, Safe):
        return text
    return Safe(one_line(str(text)).translate(_HTML_ENTITIES))


def yaml_title(text: str) -> Safe:
    """A front-matter ``title:`` value: HTML-escaped, as one double-quoted YAML scalar.

    Material writes ``page.meta.title`` into ``<title>`` and the header without escaping,
    so the value must already be HTML.
    """
    return Safe(json.dumps(str(escape_html(text)), ensure_ascii=False))
