"""Claims that meet across sources: statements whose content states the same thing are one claim.

"Ruritanien hat Soldaten nach Borduria entsandt", "ruritanische Truppen sind in Borduria
eingetroffen" and "die Entsendung ruritanischer Soldaten" are one claim in three wordings. Each
statement carries the signature of its content (:class:`generator.extract.base.ClaimSignature`,
taken at extraction, without the frame "sagte X"); two wordings state the same thing when

- their predicates fall in one class (``predicate_classes`` in ``lexicon.yml``, or one stem:
  "entsenden"/"Entsendung") and they name the same core participants: at least two in common
  (countries, named or by adjective, actors, places), or one that is all one of them names when
  they also share a content noun ("Truppen"), or, when neither names any, two nouns; or
- their content words overlap highly (``WORD_OVERLAP``, at least ``SHARED_WORDS`` in common);

and, in both cases, their figures are compatible (when both give numbers, two of them are within
``NUMBER_RATIO``). A wording joins a group only when it states the same thing as *every* member
(complete link), so a chain of near matches never pulls unrelated statements together. Tracked
claims (``knowledge.yml`` ``claims:``) keep their own pages and take part in no group.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from generator.knowledge.words import WordLists
from generator.model import Claim

GROUP_CLAIMS = True
"""Switch for the automatic grouping: False keeps one claim per normalised wording."""

WORD_OVERLAP = 0.6
"""Share of content words (Jaccard) two wordings have in common to state the same thing."""

SHARED_WORDS = 4
"""Content words two wordings must have in common for the overlap rule."""

NUMBER_RATIO = 1.25
"""Two figures are compatible when the larger is at most this multiple of the smaller."""

DIGITS = re.compile(r"^\d+(?:[.,\s]\d{3})*(?:,\d+)?$")


@dataclass
class Wording:
    """One normalised claim wording (all statements with that text) and what its content says."""

    key: str
    text: str
    statements: int
    predicates: list[str]  # lemmas
    words: set[str]  # content lemmas (nouns and names capitalised)
    participants: set[str]  # "country:KP", "actor:<slug>", "region:<slug>"
    numbers: list[str]
    clause: bool = True
    tracked: bool = False
    order: tuple[str, int] = ("", 0)  # (document, sentence) of its first statement
    classes: set[str] = field(default_factory=set)  # set by `group_wordings`


def group_wordings(wordings: list[Wording], lists: WordLists) -> dict[str, str]:
    """Each wording's key → the key of its group's leading wording (itself when alone)."""
    if not GROUP_CLAIMS:
        return {w.key: w.key for w in wordings}
    for w in wordings:
        w.classes = predicate_classes(w.predicates, lists)
    groups: list[list[Wording]] = []
    # A wording joins a group only if it states the same claim as every member, so as its first:
    # then they share a predicate class or content words (`same_claim`). Groups are looked up by
    # their first member's classes and words instead of tried one by one.
    by_feature: dict[str, list[int]] = defaultdict(list)
    for w in sorted(wordings, key=lambda w: (w.order, w.key)):
        best = None
        if not w.tracked:
            near = sorted({i for f in _features(w) for i in by_feature.get(f, ())})
            fits = [groups[i] for i in near if all(same_claim(w, m) for m in groups[i])]
            best = max(fits, key=len, default=None)
        if best is None:
            groups.append([w])
            if not w.tracked:
                for f in _features(w):
                    by_feature[f].append(len(groups) - 1)
        else:
            best.append(w)
    result: dict[str, str] = {}
    for group in groups:
        lead = leading_wording(group)
        result.update((m.key, lead.key) for m in group)
    return result


def _features(w: Wording) -> set[str]:
    """What two wordings of one claim have in common, one at least: a predicate class or words."""
    return {f"class:{c}" for c in w.classes} | {f"word:{word}" for word in w.words}


def leading_wording(group: list[Wording]) -> Wording:
    """The group's readable proposition: the most stated wording, a whole clause before a
    fragment, an uncut one before a cut one, then the most complete (longest)."""
    return min(group, key=lambda w: (-w.statements, not w.clause, w.text.endswith("…"), -len(w.text), w.key))


def same_claim(a: Wording, b: Wording) -> bool:
    """Whether two wordings state the same thing (see the module docstring)."""
    if not _numbers_fit(a.numbers, b.numbers):
        return False
    if a.classes & b.classes and _same_participants(a, b):
        return True
    shared = a.words & b.words
    union = a.words | b.words
    return len(shared) >= SHARED_WORDS and len(shared) / len(union) >= WORD_OVERLAP


def _same_participants(a: Wording, b: Wording) -> bool:
    """Two named participants in common; or the one that one of them names and a common noun
    ("Truppen"); or, where neither names any, two common nouns ("Armee", "Wohngebiete")."""
    shared = a.participants & b.participants
    if len(shared) >= 2:
        return True
    # content words keep the tagger's case: nouns are the capitalised lemmas
    nouns = {w for w in a.words & b.words if w[:1].isupper()} - set(a.predicates) - set(b.predicates)
    if not a.participants and not b.participants:
        return len(nouns) >= 2
    smaller = min(a.participants, b.participants, key=len)
    return len(shared) == 1 and shared == smaller and bool(nouns)


def predicate_classes(lemmas: list[str], lists: WordLists) -> set[str]:
    """The event classes of a claim's predicates: a listed class ("deploy") or the predicate's stem."""
    light = set(lists.light_predicates)
    classes = set()
    for lemma in lemmas:
        low = lemma.lower()
        if low in light:
            continue
        listed = [name for name, stems in lists.predicate_classes.items() if low.startswith(tuple(stems))]
        classes.update(listed or [f"={_stem(low)}"])
    return classes


def _stem(word: str) -> str:
    """ "entsenden"/"Entsendung" → "entsend": a verb and its event noun share a stem."""
    for end in ("ungen", "ung", "en", "n"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _numbers_fit(first: list[str], second: list[str]) -> bool:
    a, b = _values(first), _values(second)
    if not a or not b:
        return True
    return any(max(x, y) <= NUMBER_RATIO * min(x, y) for x in a for y in b)


def _values(numbers: list[str]) -> list[float]:
    out = []
    for text in numbers:
        if DIGITS.match(text):
            whole, _, frac = text.replace(" ", "").replace(".", "").partition(",")
            value = float(f"{whole}.{frac or 0}")
            if value > 0:
                out.append(value)
    return out


def join_claims(
    claims: dict[str, Claim], wordings: dict[str, Wording], tracked: set[str], lists: WordLists
) -> dict[str, list[str]]:
    """Merge the claims of each group into its leading wording's claim, in place.

    Returns each remaining claim's key → the keys of the wordings it holds (itself first).
    """
    for key, wording in wordings.items():
        wording.tracked = claims[key].text in tracked
    lead_of = group_wordings([wordings[k] for k in claims], lists)
    members: dict[str, list[str]] = {}
    for key in sorted(claims, key=lambda k: k != lead_of[k]):
        members.setdefault(lead_of[key], []).append(key)
    for lead, keys in members.items():
        claim = claims[lead]
        for key in keys[1:]:
            other = claims.pop(key)
            claim.statements.extend(other.statements)
            claim.actors.extend(a for a in other.actors if a not in claim.actors)
            claim.regions.extend(r for r in other.regions if r not in claim.regions)
        claim.statements.sort(key=lambda s: (s.doc, s.sentence, s.id))
    return members
