"""German word knowledge from offline data packages.

Tells a German common noun from a name: `german-nouns` (Wiktionary: common nouns with
their inflected forms, given names, surnames, toponyms), spaCy's lookup lemma table
(`spacy-lookups-data`) and gender-guesser's international given-name list. Built once
and cached on disk, keyed by the versions of the packages it was built from.
"""

from __future__ import annotations

import contextlib
import csv
import os
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.strings import get_string_id

from generator.base.cache import write_pickle
from generator.base.digest import code_digest
from generator.base.memory import collector_paused

CACHE_VERSION = "3"


def cache_dir() -> Path:
    base = os.environ.get("LAGEBILD_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lagebild"
    )
    return Path(base)


@dataclass
class Lexicon:
    """Word lists; every set holds surface forms as written (case-sensitive)."""

    nouns: set[str] = field(default_factory=set)  # common nouns, all inflected forms
    noun_lemma: dict[str, str] = field(default_factory=dict)  # inflected form → lemma
    noun_gender: dict[str, str] = field(default_factory=dict)  # lemma → m/f/n
    given_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    toponyms: set[str] = field(default_factory=set)
    words: set[int] = field(default_factory=set)  # hashes of German word forms (spaCy lemma table keys)

    def is_common_noun(self, token: str) -> bool:
        """A common noun, or a compound ending in one ("Geheimdienstinstitut", "Telegram-Anwendung")."""
        if token in self.nouns:
            return True
        if "-" in token:
            return self.is_common_noun(token.rsplit("-", 1)[1])
        for i in range(3, len(token) - 3):
            if token[i:].capitalize() in self.nouns and token[i].isalpha() and self._is_head(token[:i]):
                return True
        return False

    def _is_head(self, head: str) -> bool:
        """The first part of a compound is a noun (or a place: "Ukrainekrieg") of five letters or
        more, perhaps with a linking -s/-n/-es/-en."""
        for k in (0, 1, 2):
            part = head[: len(head) - k]
            if len(part) >= 5 and (
                part in self.nouns or part in self.toponyms or part.capitalize() in self.nouns
            ):
                return True
        return False

    def is_german_word(self, token: str) -> bool:
        """True if `token` is a German common noun or a known German word form in any case."""
        low = token.lower()
        return (
            low in STOP_WORDS
            or self.is_common_noun(token)
            or get_string_id(token) in self.words
            or get_string_id(low) in self.words
        )


def _versions() -> str:
    parts = [CACHE_VERSION]
    for dist in ("german-nouns", "spacy-lookups-data", "gender-guesser"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=none")
    return "-".join(parts).replace("/", "_")


def _read_german_nouns(lex: Lexicon) -> None:
    path = resources.files("german_nouns") / "nouns.csv"
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        form_cols = [i for i, name in enumerate(header) if name[:3] in ("nom", "gen", "dat", "akk")]
        for row in reader:
            lemma, pos, genus = row[0], row[1], row[2]
            if not lemma or not lemma[0].isupper():
                continue
            kinds = set(pos.split(","))
            if "Vorname" in kinds:
                lex.given_names.add(lemma)
            if "Nachname" in kinds:
                lex.surnames.add(lemma)
            if "Toponym" in kinds:
                lex.toponyms.add(lemma)
            if kinds == {"Substantiv"} and (genus or any(row[3:7])):
                lex.noun_gender.setdefault(lemma, genus or next(g for g in row[3:7] if g))
                lex.nouns.add(lemma)
                lex.noun_lemma.setdefault(lemma, lemma)
                for i in form_cols:
                    form = row[i] if i < len(row) else ""
                    if form and " " not in form:
                        lex.nouns.add(form)
                        lex.noun_lemma.setdefault(form, lemma)


def _read_given_names(lex: Lexicon) -> None:
    try:
        path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
        text = path.read_text(encoding="iso-8859-1")
    except (ModuleNotFoundError, FileNotFoundError):
        return
    for line in text.splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if name and " " not in name and "+" not in name and name[0].isupper():
            lex.given_names.add(name)


def _read_lemma_table(lex: Lexicon) -> None:
    from spacy.lookups import load_lookups

    table = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    lex.words = set(table.keys())


def build_lexicon() -> Lexicon:
    lex = Lexicon()
    _read_german_nouns(lex)
    _read_given_names(lex)
    _read_lemma_table(lex)
    return lex


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, from the disk cache when its code and the data packages are unchanged."""
    path = cache_dir() / f"lexicon-{code_digest('knowledge')}-{_versions()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh, collector_paused():  # objects that all stay (base.memory)
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
    lex = build_lexicon()
    with contextlib.suppress(OSError):  # no writable cache folder: build again next time
        write_pickle(path, lex)
    return lex
