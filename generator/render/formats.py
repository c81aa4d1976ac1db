"""Our own number formats as Markdown: German numbers pass as they are, anything else is escaped.

Shared by the Jinja filters (`generator.render.write`) and by the page data
(`generator.render.pages`), which builds links whose text is a figure's value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.base.formatting import format_number
from generator.model import Figure
from generator.render.escape import Safe, escape_markdown

_PLAIN = re.compile(r"[0-9.,\-–]+")


def plain(text: str) -> Safe:
    """Our own number and date formats ("4.500", "03.05.2023") as they are; anything else escaped.

    They only ever stand inside a line (table cells, after a label), where "12." starts no list.
    """
    return Safe(text) if _PLAIN.fullmatch(text) else escape_markdown(text)


@lru_cache(maxsize=65536)
def number_text(value: float) -> Safe:
    """A number in German format: ``4500`` → "4.500". Remembered: a report prints the same numbers
    on many pages, and Babel takes some 60 µs a number."""
    return plain(format_number(value))


def value_text(figure: Figure) -> Safe:
    """A figure as the text states it, in German format: "fast 4.500" (escaped)."""
    value = number_text(figure.value)
    return Safe(f"{escape_markdown(figure.qualifier)} {value}") if figure.qualifier else value
