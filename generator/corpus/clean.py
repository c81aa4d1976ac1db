"""Remove web cruft from an article before extraction.

Page furniture ("Siehe auch …", comment forms, PREV/NEXT teasers, paywall flags, tag
lists, photo credits, bylines, agency tags) is cut from the text. Lines that may name the
outlet (bylines, agency tags, tag lists) are kept aside as *furniture* for metadata inference.
The words of these patterns come from ``generator/knowledge/cleaning.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.knowledge.schema import shipped_words
from generator.knowledge.words import WordLists, alternatives

_PAGE_STATE = r"-?\s*(?:{keys})\s*:.*|-\s*(?:true|false)"
_SEPARATOR = r"[-–—•*·|_=~]+"


@dataclass(frozen=True)
class Furniture:
    """Patterns of page furniture, compiled from the lists of ``generator/knowledge/cleaning.yml``."""

    drop: re.Pattern[str]  # lines cut from the text
    credit: re.Pattern[str]  # photo credits and copyright lines
    byline: re.Pattern[str]  # "Von X"


def _furniture(words: WordLists) -> Furniture:
    drop = "|".join(
        [
            rf"(?:{alternatives(words.furniture_starts)})\b.*",
            rf"(?:{alternatives(words.furniture_openings)}).*",
            rf"(?:{alternatives(words.furniture_lines)}):?(?:\s*\(\d+\))?\s*",
            _SEPARATOR,
            _PAGE_STATE.format(keys=alternatives(words.paywall_keys)),
        ]
    )
    copyright_ = alternatives(words.copyright_words)
    return Furniture(
        re.compile(rf"^(?:{drop})$", re.IGNORECASE),
        re.compile(rf"^(?:©|\(c\)|(?:{copyright_})\b|(?:{alternatives(words.credit_labels)})\s*:)", re.I),
        re.compile(rf"^(?:{alternatives(words.byline_openers)})\s+\S.{{0,80}}$"),
    )


def furniture_patterns(words: WordLists | None = None) -> Furniture:
    """The furniture patterns of `words` (default: the shipped lists), compiled once per word list."""
    return (words or shipped_words()).memo("furniture", _furniture)


_TAG_ITEM = re.compile(r"^[-•*]\s*(\S.{0,80})$")
_TRAILING_CREDIT = re.compile(r"\s*\(([^()]{2,120}/[^()]{1,120})\)\s*$")
_DATELINE = re.compile(r"^([A-ZÄÖÜ][\w.\- ]{1,40}?)\s*\(([A-Za-z][\w /.\-]{1,30})\)\s*[-–—]\s+(?=\S)")
_AGENCY_TAG = re.compile(r"^/?\s*\(?/?([A-Za-z][A-Za-z]{1,10}(?:/[A-Za-z][A-Za-z]{1,10})*)\)?$")
_SENTENCE_END = re.compile(r"[.!?“\"»:)]$")


@dataclass
class Cleaned:
    """The article text without cruft, plus the furniture lines kept for metadata."""

    text: str
    furniture: list[str] = field(default_factory=list)
    headline: str = ""


def _is_short_fragment(line: str, words: int = 6) -> bool:
    return len(line.split()) <= words and not _SENTENCE_END.search(line)


def clean_text(raw: str, words: WordLists | None = None) -> Cleaned:
    """Return the cleaned text: paragraphs separated by blank lines, one block per line."""
    patterns = furniture_patterns(words)
    furniture: list[str] = []
    lines = [ln.strip() for ln in raw.split("\n")]
    kept: list[str] = []
    seen_short: set[str] = set()
    for line in lines:
        if not line:
            kept.append("")
            continue
        if patterns.drop.match(line):
            continue
        if patterns.credit.match(line) or patterns.byline.match(line):
            furniture.append(line)
            continue
        if len(line.split()) <= 25:  # repeated headlines and teasers
            if line in seen_short:
                continue
            seen_short.add(line)
        match = _DATELINE.match(line)
        if match:  # "Obertal (dpa) - …": the place stays in the text, the agency is noted
            furniture.append(f"({match.group(2)})")
        credit = _TRAILING_CREDIT.search(line)
        if credit and _SENTENCE_END.search(line[: credit.start()]):
            furniture.append(credit.group(0).strip())
            line = line[: credit.start()]
        kept.append(line)
    kept = _strip_trailing_block(kept, furniture)
    kept = _strip_leading_outlet(kept, furniture)
    paragraphs = [ln for ln in kept if ln]
    headline = paragraphs[0] if paragraphs else ""
    return Cleaned(text="\n\n".join(paragraphs), furniture=furniture, headline=headline)


def _strip_trailing_block(lines: list[str], furniture: list[str]) -> list[str]:
    """Cut tag lists, agency tags and fact boxes of short fragments from the end."""
    end = len(lines)
    while end > 0:
        line = lines[end - 1]
        if not line:
            end -= 1
            continue
        if _TAG_ITEM.match(line) or _AGENCY_TAG.match(line) or _is_short_fragment(line, 7):
            furniture.append(line)
            end -= 1
            continue
        break
    return lines[:end]


def _strip_leading_outlet(lines: list[str], furniture: list[str]) -> list[str]:
    """A lone short line just below the headline ("CNN", "Von …") is a byline, not text."""
    content = [i for i, ln in enumerate(lines) if ln]
    for i in content[1:4]:
        line = lines[i]
        if len(line.split()) <= 3 and not _SENTENCE_END.search(line) and (line.isupper() or "/" in line):
            furniture.append(line)
            lines = lines[:i] + lines[i + 1 :]
            break
    return lines
