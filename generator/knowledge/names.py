"""One rule for "the same name, spelt another way": a spelling key plus a bounded edit distance.

German news write one foreign name in several ways: "Baschar al-Assad" and "Bashar Assad",
"Erdoğan" and "Erdogan", "Raqqa" and "Rakka", "Tschaikowski" and "Tchaikovsky", "Putins" (genitive)
and "Putin". :func:`name_key` folds a name with the data of ``spellings.yml`` (diacritics,
the Arabic article, transliteration variants, doubled letters); :func:`same_name` accepts two
names whose keys are equal, differ by a genitive "-s" (only when the other form exists: "Tunis"
never loses its s, as no "Tuni" is compared with it), or lie one edit apart (spaCy's
Levenshtein distance) when both keys are long enough and start with the same letter.

Extraction (surnames in one article) and resolution (entities across articles) use these two
functions and nothing else to compare names. Whether two names that match are one entity
(the same type, country, first name) is the caller's decision.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from spacy.matcher.levenshtein import levenshtein

from generator.knowledge.schema import SpellingSpec, load_typed, shipped_words


@cache
def _rules() -> tuple[SpellingSpec, tuple[str, ...]]:
    prefixes = tuple(sorted((p.lower() for p in shipped_words().name_prefixes), key=len, reverse=True))
    return load_typed("spellings.yml", SpellingSpec), prefixes


def _fold_word(word: str, spec: SpellingSpec) -> str:
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    for old, new in spec.folds:
        word = word.replace(old, new)
    letters = [c for c in word if c.isalnum() or c == "§"]
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


@lru_cache(maxsize=1 << 16)
def name_words(name: str) -> tuple[str, ...]:
    """The spelling keys of a name's words: "Baschar al-Assad" → ("ba§ar", "asad")."""
    spec, prefixes = _rules()
    words = unicodedata.normalize("NFKC", name).casefold().split()
    kept = []
    for i, word in enumerate(words):
        if word in spec.article_words and i < len(words) - 1:
            continue  # "Al Thani"
        prefix = next((p for p in prefixes if word.startswith(p) and len(word) > len(p)), "")
        kept.extend(_fold_word(part, spec) for part in word[len(prefix) :].split("-"))
    return tuple(w for w in kept if w)


def name_key(name: str) -> str:
    """A spelling-tolerant key: "Baschar al-Assad" and "Bashar Assad" give the same key."""
    return " ".join(name_words(name))


def _genitive(a: str, b: str) -> bool:
    """ "Putins", "Le Pens", "Assads": one key is the other plus s."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_ == short + "s"


def _one_edit(a: str, b: str, fuzzy_from: int) -> bool:
    if min(len(a), len(b)) < fuzzy_from or a[0] != b[0]:
        return False
    return levenshtein(a, b, 1) <= 1


def same_name(a: str, b: str, *, person: bool = False) -> bool:
    """True if `a` and `b` are one name in two spellings (see the module docstring).

    Names are compared word by word, so an edit in a short word ("Anna"/"Anne") still tells two
    names apart; a genitive "-s" counts on the last word only. For a `person` the first word is
    a given name, which may differ by one edit from a shorter length ("Ahmad"/"Ahmed").
    """
    spec, _ = _rules()
    wa, wb = name_words(a), name_words(b)
    if not wa or len(wa) != len(wb):
        return False
    for i, (x, y) in enumerate(zip(wa, wb, strict=True)):
        last = i == len(wa) - 1
        fuzzy_from = spec.given_name_fuzzy_from if person and i == 0 and not last else spec.fuzzy_from
        if not (x == y or (last and _genitive(x, y)) or _one_edit(x, y, fuzzy_from)):
            return False
    return True


def close_spelling(a: str, b: str) -> bool:
    """Two words or names that are one name spelt differently (extraction's name for :func:`same_name`)."""
    return same_name(a, b)
