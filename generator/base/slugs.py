"""ASCII slugs that are a function of the entity's name, never of build order."""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80


def slugify(text: str, *, max_length: int = MAX_SLUG) -> str:
    """Return a readable ASCII slug: ``"Emmanuel Macron"`` → ``"emmanuel-macron"``.

    German umlauts are transliterated (ä → ae), other accents stripped, anything else
    becomes a hyphen. Long slugs are cut at a word boundary. Never empty.
    """
    text = text.translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or "x"


def unique_slugs(names: list[str]) -> dict[str, str]:
    """Map each distinct name to a distinct slug, independent of the order of `names`.

    Names that collide on their slug get a numbered suffix in the sorted order of the
    names themselves, so the result depends only on the set of names.
    """
    result: dict[str, str] = {}
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(slugify(name), []).append(name)
    used = set(by_slug)  # every base slug belongs to the first name that has it
    for slug, group in sorted(by_slug.items()):
        result[group[0]] = slug
        for name in group[1:]:
            n = 2
            while f"{slug}-{n}" in used:
                n += 1
            used.add(f"{slug}-{n}")
            result[name] = f"{slug}-{n}"
    return result
