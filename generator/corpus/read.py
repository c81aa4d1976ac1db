"""Corpus stage: read articles and their metadata from a folder.

Reads ``*.txt`` and ``*.md`` (with optional YAML front matter), decodes them
carefully, merges ``sources.yml`` and reports every problem with the file it concerns.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import InputError

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
SOURCES_FILE = "sources.yml"
SOURCE_KEYS = ("title", "outlet", "published", "language", "url", "reliability")


@dataclass
class RawArticle:
    """An article as read from disk: decoded text plus the metadata given for it."""

    id: str
    path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 (by BOM); else detect a Western encoding or refuse.

    A file that is not UTF-8 is decoded only when `detect_western` is confident (a warning
    names the file and the encoding); anything else is refused with the offending byte.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        detected = detect_western(data)
        if detected is None:
            raise InputError(
                path,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) and no other "
                "encoding recognised with confidence; save it as UTF-8",
            ) from exc
        encoding, text = detected
        log.warning("%s: not UTF-8; decoded as %s (detected); better save it as UTF-8", path, encoding)
        return text


# Detection accepts only the single-byte encodings German articles come in when they are not
# UTF-8, and only when every other reading of the bytes is clearly worse (see detect_western).
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
MAX_CHAOS = 0.05  # charset-normalizer's "mess" ratio of the best reading (0 = clean text)
CLEAR_MARGIN = 0.05  # a different reading this close to the best one makes the result ambiguous
MIN_COHERENCE = 0.2  # the text must read as a language (letter frequencies), not as noise
GERMAN_LETTERS = frozenset("äöüÄÖÜß")


def detect_western(data: bytes) -> tuple[str, str] | None:
    """``(encoding, text)`` if `data` is clearly German text in Latin-1, cp1252 or Latin-9; else None.

    Confident means: charset-normalizer's best reading among those encodings is clean
    (chaos ≤ MAX_CHAOS) and reads as a language (coherence ≥ MIN_COHERENCE), its text has
    German letters, and no reading that differs from it comes within CLEAR_MARGIN of it
    (``0xA4`` is "€" in Latin-9 but "¤" in cp1252: a text using it is refused, not guessed).
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(WESTERN_ENCODINGS)))
    if not matches:
        return None
    best = min(matches, key=lambda m: m.chaos)
    text = str(best)
    if best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE or not GERMAN_LETTERS & set(text):
        return None
    rivals = [m for m in matches if m.chaos - best.chaos < CLEAR_MARGIN and str(m) != text]
    return None if rivals else (best.encoding, text)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter (between ``---`` lines at the very top) from the body."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return {}, text
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            block = "".join(lines[1:i])
            try:
                meta = yaml.safe_load(block) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line_no = mark.line + 2 if mark is not None else None
                raise InputError(path, f"front matter is not valid YAML: {exc}", line_no) from exc
            if not isinstance(meta, dict):
                raise InputError(path, "front matter must be a mapping of keys to values", 1)
            return meta, "".join(lines[i + 1 :])
    raise InputError(path, "front matter starts with '---' but is never closed", 1)


def load_sources(folder: Path) -> dict[str, dict[str, Any]]:
    """Read ``sources.yml``: a mapping of article file names to metadata."""
    path = folder / SOURCES_FILE
    if not path.exists():
        return {}
    shown = str(path)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(shown, "not valid UTF-8") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            shown, f"not valid YAML: {getattr(exc, 'problem', exc)}", mark and mark.line + 1
        ) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(shown, "expected a mapping of file names to metadata", 1)
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if node is not None else {}
    sources: dict[str, dict[str, Any]] = {}
    for name, meta in data.items():
        line = lines.get(name)
        if not isinstance(meta, dict):
            raise InputError(shown, f"entry '{name}' must be a mapping (title, outlet, published, …)", line)
        unknown = sorted(set(meta) - set(SOURCE_KEYS))
        if unknown:
            raise InputError(shown, f"entry '{name}' has unknown keys: {', '.join(unknown)}", line)
        if not (folder / str(name)).exists():
            raise InputError(shown, f"entry '{name}' names a file that does not exist", line)
        sources[str(name)] = {k: _plain(v) for k, v in meta.items()}
    return sources


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings; everything else stays as it is."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def article_files(folder: Path) -> list[Path]:
    """The article files of a folder, in a stable order."""
    if not folder.is_dir():
        raise InputError(str(folder), "corpus folder does not exist")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def read_article(path: Path, *, max_bytes: int, given: dict[str, Any] | None = None) -> RawArticle | None:
    """Read one article; ``None`` (with a warning) for an empty file."""
    shown = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            shown, f"file is {size:,} bytes, more than the limit of {max_bytes:,} (max_file_bytes)"
        )
    text = decode_bytes(path.read_bytes(), shown)
    meta: dict[str, Any] = {}
    if path.suffix.lower() == ".md":
        meta, text = split_front_matter(text, shown)
        unknown = sorted(set(meta) - set(SOURCE_KEYS))
        if unknown:
            raise InputError(shown, f"front matter has unknown keys: {', '.join(unknown)}", 1)
        meta = {k: _plain(v) for k, v in meta.items()}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        log.warning("%s: empty article, skipped", shown)
        return None
    merged = {**meta, **(given or {})}
    return RawArticle(id=path.stem, path=path.name, text=text, meta=merged)


def read_corpus(
    folder: Path,
    *,
    max_bytes: int = 5_000_000,
    strict: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    metadata: bool = True,
) -> list[RawArticle]:
    """Read every article of `folder`. A bad article is reported and skipped unless `strict`.

    With ``metadata=False`` sources.yml and front matter are ignored, so that outlet and date
    are inferred from the text alone (to measure that inference).
    """
    sources = load_sources(folder) if metadata else {}
    articles: list[RawArticle] = []
    for path in article_files(folder):
        try:
            article = read_article(path, max_bytes=max_bytes, given=sources.get(path.name))
        except InputError as exc:
            if strict:
                raise
            (on_error or (lambda e: log.error("%s", e)))(exc)
            continue
        if article is not None:
            if not metadata:
                article.meta = {}
            articles.append(article)
    return articles
