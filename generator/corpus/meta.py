"""The typed schema of an article's metadata (``sources.yml`` entries and front matter).

Every field is optional and may be ``null`` (unknown). A value of the wrong type or form is a
problem named by field; the caller reports it with file and line and builds the article with
that field unknown. :data:`FIELDS` is the schema: field name → (what it expects, its check).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_UNSAFE_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"`]")


@dataclass(frozen=True)
class FieldProblem:
    """A field of one metadata block that cannot be used: its name and what is wrong."""

    field: str
    problem: str


def printable(name: str) -> str:
    """A key or file name as a message shows it: as written, or quoted with escapes if it holds
    control, format or bidi characters (which could garble a terminal or log)."""
    return name if name.isprintable() else repr(name)


def _got(value: Any) -> str:
    """A value as a message shows it: its kind for containers, its text for scalars."""
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    return type(value).__name__


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return None
    hint = " (quote it)" if isinstance(value, int | float) and not isinstance(value, bool) else ""
    return f"expected text, not {_got(value)}{hint}"


def _date(value: Any) -> str | None:
    wanted = "expected a date YYYY-MM-DD"
    if not isinstance(value, str):
        return f"{wanted}, not {_got(value)}"
    german = _GERMAN_DATE.fullmatch(value.strip())
    if german:
        day, month, year = german.groups()
        return f"{wanted}, not {_got(value)} (write {year}-{int(month):02d}-{int(day):02d})"
    if not _ISO_DATE.fullmatch(value.strip()):
        return f"{wanted}, not {_got(value)}"
    try:
        datetime.date.fromisoformat(value.strip())
    except ValueError:
        return f"{_got(value)} is not a day of the calendar"
    return None


def _language(value: Any) -> str | None:
    if isinstance(value, str) and _LANGUAGE.fullmatch(value.strip()):
        return None
    return f"expected a language code such as de or de-CH, not {_got(value)}"


def _url(value: Any) -> str | None:
    wanted = "expected a web address (http:// or https://)"
    if not isinstance(value, str):
        return f"{wanted}, not {_got(value)}"
    text = value.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return f"{wanted}, not {_got(value)}"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or _UNSAFE_URL.search(text):
        return f"{wanted}, not {_got(value)}"
    return None


FIELDS: dict[str, tuple[str, Callable[[Any], str | None]]] = {
    "title": ("text", _text),
    "outlet": ("text", _text),
    "published": ("a date YYYY-MM-DD", _date),
    "language": ("a language code", _language),
    "url": ("an http(s) address", _url),
    "reliability": ("text", _text),
}
SOURCE_KEYS = tuple(FIELDS)


def check_meta(meta: dict[Any, Any]) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The usable fields of one metadata block, and a problem for every other key.

    Values are stripped; an empty text or ``null`` means unknown (``None``) and is no problem.
    Unknown keys are problems too (with the nearest field name); the caller leaves bad fields
    unknown.
    """
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for key, value in meta.items():
        name = str(key)
        if name not in FIELDS:
            near = difflib.get_close_matches(name, SOURCE_KEYS, n=1)
            hint = f"did you mean {near[0]}?" if near else f"known: {', '.join(SOURCE_KEYS)}"
            problems.append(FieldProblem(name, f"unknown field ({hint})"))
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            values[name] = None
            continue
        problem = FIELDS[name][1](value)
        if problem:
            problems.append(FieldProblem(name, problem))
        else:
            values[name] = value.strip()
    return values, problems
