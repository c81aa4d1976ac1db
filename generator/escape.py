"""Escaping of article text for the generated Markdown pages.

Everything that comes from articles (sentences, names, quotes, titles) passes through
:func:`escape_markdown` before it lands in a page, so that it renders as text: no HTML
(``<script>``), no links (``[x](javascript:…)``), no emphasis, no table cell breaks, no
attribute lists (``{#id}``), no template syntax (``{{ }}``).

Templates mark what is already safe with :class:`Safe`; the Jinja environment refuses
to output any other string (see ``generator.render``), so forgetting the filter fails loudly.
"""

from __future__ import annotations

import json
import re

# Characters with a meaning in Markdown, in its extensions (tables, attr_list, abbr,
# admonition) or in HTML. They become numeric character references, which
# Python-Markdown passes through verbatim and browsers show as the character.
_SPECIAL = "&<>\\`*_{}[]|#!\"'"
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_HTML_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "&<>\"'"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Safe(str):
    """A string that is ready to be written into a Markdown page as it is."""

    __slots__ = ()


def one_line(text: str) -> str:
    """Drop control characters and collapse all whitespace (incl. newlines) to single spaces."""
    return " ".join(_CONTROL.sub("", text).split())


def escape_markdown(text: object) -> Safe:
    """Return `text` as a single line of Markdown that renders exactly as the text.

    ``escape_markdown("<b>*x*</b> | [a](b)")`` keeps every character visible and inert,
    in paragraphs, headings, link texts, image alt texts and table cells alike.
    """
    if isinstance(text, Safe):
        return text
    return Safe(one_line(str(text)).translate(_ENTITIES))


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
