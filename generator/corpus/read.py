"""Corpus stage: read articles and their metadata from a folder.

Reads ``*.txt`` and ``*.md`` (with optional YAML front matter), decodes them
carefully, merges ``sources.yml`` and reports every problem with the file it concerns.
"""

from __future__ import annotations

import codecs
import logging
import os
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.base.yamldata import YamlDocument, YamlProblem, parse_yaml
from generator.corpus.meta import SOURCE_KEYS, check_meta, printable
from generator.errors import InputError

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
SOURCES_FILE = "sources.yml"
LINK_REFUSED = (
    "a symbolic link, refused: the corpus is what is in the corpus folder (copy the article in instead)"
)
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MISSING = "names a file that does not exist"
Report = Callable[[InputError, str], None]  # a problem, and what is done about it unless strict


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


def split_front_matter(text: str, path: str) -> tuple[dict[Any, Any], str, YamlDocument]:
    """Split YAML front matter (between ``---`` lines at the very top) from the body.

    Returns the metadata, the body and the parsed block (for the line of each key).
    """
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return {}, text, YamlDocument({})
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            try:
                block = parse_yaml("".join(lines[1:i]), first_line=2)
            except YamlProblem as exc:
                raise InputError(path, f"front matter is not valid YAML: {exc.problem}", exc.line) from exc
            meta = {} if block.data is None else block.data
            if not isinstance(meta, dict):
                raise InputError(path, "front matter must be a mapping of keys to values", 1)
            return meta, "".join(lines[i + 1 :]), block
    raise InputError(path, "front matter starts with '---' but is never closed", 1)


def _warn(problem: InputError, outcome: str) -> None:
    log.warning("%s (%s)", problem, outcome)


def _ignore(problem: InputError, outcome: str) -> None:
    pass


def _raise(problem: InputError, outcome: str) -> None:
    raise problem


def _checked_fields(
    meta: dict[Any, Any], shown: str, where: Callable[[str], int | None], entry: str, report: Report
) -> dict[str, Any]:
    """The fields of one metadata block; each bad one is reported and left unknown (None)."""
    values, problems = check_meta(meta)
    for problem in problems:
        known = problem.field in SOURCE_KEYS
        if known:
            values[problem.field] = None
        found = InputError(
            shown, f"{entry}{printable(problem.field)}: {problem.problem}", where(problem.field)
        )
        report(found, "left unknown" if known else "ignored")
    return values


def _show(path: Path | str) -> str:
    """A path as messages show it, also when its name is not valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, opened without following a symbolic link.

    The check and the read happen on one open file, so a file swapped for a link in between is
    refused too; a file larger than `limit` bytes is refused without reading it all.
    """
    shown = _show(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if path.is_symlink():
            raise InputError(shown, LINK_REFUSED) from exc
        raise InputError(shown, f"cannot be read: {exc.strerror}") from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(shown, "not a regular file")
        if limit is not None and info.st_size > limit:
            raise InputError(
                shown, f"file is {info.st_size:,} bytes, more than the limit of {limit:,} (max_file_bytes)"
            )
        data = handle.read() if limit is None else handle.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise InputError(shown, f"file is more than the limit of {limit:,} bytes (max_file_bytes)")
    return data


def load_sources(folder: Path, report: Report = _warn) -> dict[str, dict[str, Any]]:
    """Read ``sources.yml``: a mapping of article file names to metadata.

    A file that is no YAML mapping stops the run (InputError). Every problem of an entry goes
    to `report` with file and line, and the entry or field is left out (a bad field is unknown,
    None); an entry for a file that is gone is only a warning.
    """
    path = folder / SOURCES_FILE
    shown = _show(path)
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        text = _read_regular(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(shown, f"not valid UTF-8 (byte at offset {exc.start})") from exc
    try:
        document = parse_yaml(text)
    except YamlProblem as exc:
        raise InputError(shown, f"not valid YAML: {exc.problem}", exc.line) from exc
    if document.data is None:
        return {}
    if not isinstance(document.data, dict):
        raise InputError(shown, "expected a mapping of file names to metadata", 1)
    for key_path, first, later in document.repeated:
        if len(key_path) == 1:
            twice = InputError(
                shown, f"entry '{printable(str(key_path[0]))}' is written twice (line {first} too)", later
            )
            report(twice, "only this one counts")
    sources: dict[str, dict[str, Any]] = {}
    for key, meta in document.data.items():
        name = str(key)
        line = document.line(name)
        problem = _entry_problem(folder, name, meta)
        if problem == MISSING:
            log.warning(
                "%s:%s: entry '%s' names a file that does not exist (deleted or renamed?); ignored",
                shown,
                line,
                printable(name),
            )
            continue
        if problem:
            report(InputError(shown, f"entry '{printable(name)}' {problem}", line), "ignored")
            continue

        def where(field: str, name: str = name) -> int | None:
            return document.line(name, field) or document.line(name)

        sources[name] = _checked_fields(meta, shown, where, f"{printable(name)}: ", report)
    return sources


def _entry_problem(folder: Path, name: str, meta: Any) -> str | None:
    """What is wrong with the entry `name` of sources.yml, or None."""
    if not isinstance(meta, dict):
        return "must be a mapping (title, outlet, published, …)"
    if (
        name in ("", ".", "..")
        or "/" in name
        or "\\" in name
        or Path(name).suffix.lower() not in ARTICLE_SUFFIXES
    ):
        return f"is not the name of an article file (.txt or .md) in {_show(folder)}"
    if not os.path.lexists(folder / name):
        return MISSING
    return None


def _name_problem(path: Path) -> str | None:
    """Why the entry `path` of the corpus folder is no article, or None."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8; rename the file"
    if any(unicodedata.category(c) == "Cc" or c in BIDI_CONTROLS for c in path.name):
        return "the file name contains control characters; rename the file"
    if path.is_symlink():
        return LINK_REFUSED
    if not path.is_file():
        return "not a regular file"
    return None


def scan_folder(folder: Path) -> tuple[list[Path], list[InputError]]:
    """The article files of a folder in a stable order, and the entries refused with the reason.

    Refused: symbolic links (the corpus is what is in the folder), anything else that is not a
    regular file, names that are not clean UTF-8, and every file of a name (stem) that two files
    share (``a.txt`` and ``a.md``): a stem is the article's id and address.
    """
    if not folder.is_dir():
        raise InputError(_show(folder), "corpus folder does not exist")
    candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
    refused: list[InputError] = []
    files: list[Path] = []
    for path in candidates:
        problem = _name_problem(path)
        if problem:
            refused.append(InputError(_show(path), problem))
        else:
            files.append(path)
    stems: dict[str, list[Path]] = {}
    for path in files:
        stems.setdefault(path.stem, []).append(path)
    for stem, same in stems.items():
        if len(same) > 1:
            others = ", ".join(_show(p) for p in same[1:])
            refused.append(
                InputError(
                    _show(same[0]),
                    f"{others} has the same name '{stem}': one name is one article (its id and address), "
                    "so neither is read until one is renamed or removed",
                )
            )
    return [p for p in files if len(stems[p.stem]) == 1], refused


def article_files(folder: Path) -> list[Path]:
    """The article files of a folder that can be read, in a stable order (see scan_folder)."""
    return scan_folder(folder)[0]


def read_article(
    path: Path,
    *,
    max_bytes: int,
    given: dict[str, Any] | None = None,
    report: Report = _warn,
) -> RawArticle | None:
    """Read one article; ``None`` (with a warning) for an empty file.

    Problems of front-matter fields go to `report`; the field is then unknown. Fields `given`
    (from sources.yml) win over front matter.
    """
    shown = _show(path)
    problem = _name_problem(path)
    if problem:
        raise InputError(shown, problem)
    text = decode_bytes(_read_regular(path, max_bytes), shown)
    meta: dict[str, Any] = {}
    if path.suffix.lower() == ".md":
        block, text, document = split_front_matter(text, shown)
        meta = _checked_fields(block, shown, lambda key: document.line(key), "", report)
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

    A bad metadata field is reported as a warning and left unknown, unless `strict` (then it
    stops the run like a bad article). With ``metadata=False`` sources.yml and front matter are
    ignored, so that outlet and date are inferred from the text alone (to measure that inference).
    """
    skip = on_error or (lambda e: log.error("%s", e))
    report = _raise if strict else _warn
    sources = load_sources(folder, report) if metadata else {}
    files, refused = scan_folder(folder)
    for problem in refused:
        if strict:
            raise problem
        skip(problem)
    articles: list[RawArticle] = []
    for path in files:
        try:
            article = read_article(
                path,
                max_bytes=max_bytes,
                given=sources.get(path.name),
                report=report if metadata else _ignore,
            )
        except InputError as exc:
            if strict:
                raise
            skip(exc)
            continue
        if article is not None:
            if not metadata:
                article.meta = {}
            articles.append(article)
    return articles
