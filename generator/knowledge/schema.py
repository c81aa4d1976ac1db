"""The typed schema of every knowledge file: shipped YAML and the user's ``knowledge.yml``.

Each file is checked against dataclasses: an unknown key, a misspelt list name or a value of
the wrong type is a problem named by file and key path (``knowledge.yml: lexicon.reporting.asserts:
expected a list of strings, got a string``). All problems of a file are collected and raised
once as a :class:`~generator.errors.ConfigError`.

- :func:`check` validates plain YAML data against a dataclass or type and builds the typed value;
- :class:`ActorSpec`, :class:`PlaceSpec`, :class:`ClaimSpec`, :class:`CountrySpec` describe the
  entries of ``organizations.yml``, ``areas.yml``, ``countries.yml`` and a user file;
- :class:`FormerName` dates a renaming: ``former_names: [{name: Front National, until: 2018-06-01}]``
  on an actor, place or country; pages show the name valid at the date of their articles;
- :class:`SpellingSpec` is ``spellings.yml``, the transliteration folds of
  :mod:`generator.knowledge.names`;
- :class:`UserKnowledge` is a user's ``knowledge.yml``; its ``lexicon`` extends the shipped
  :class:`~generator.knowledge.words.WordLists` (:func:`shipped_words`, :func:`extend_words`).
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from generator.base.yamldata import YamlProblem, parse_yaml
from generator.errors import ConfigError
from generator.knowledge.words import WordLists, list_names

T = TypeVar("T")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class FormerName:
    """A name an entry had before a renaming; `name` of the entry is the name in use today."""

    name: str
    until: datetime.date  # the day the next name took effect (YYYY-MM-DD); this name is older

    @property
    def day(self) -> str:
        return self.until.isoformat()


def _former_problems(name: str, former: list[FormerName]) -> list[tuple[str, str]]:
    """Former names in date order, each different from the others and from today's name."""
    problems = []
    for i, old in enumerate(former):
        if old is None:
            continue
        key = f"former_names[{i + 1}]"
        if old.name == name or any(o and o.name == old.name for o in former[:i]):
            problems.append((f"{key}.name", f"'{old.name}' is listed twice"))
        prev = former[i - 1] if i else None
        if prev and prev.until and old.until and old.until <= prev.until:
            problems.append((f"{key}.until", f"must be later than {prev.day} (oldest name first)"))
    return problems


@dataclass
class ActorSpec:
    """A person or organisation to recognise by name."""

    name: str  # the display name
    type: str = field(default="organization", metadata={"choices": ("person", "organization")})
    kind: str | None = None  # organisation kind: ministry, intelligence, media, agency, ngo, …
    country: str | None = None  # ISO 3166-1 alpha-2 code of the state it belongs to
    role: str | None = None  # short German description
    aliases: list[str] = field(default_factory=list)  # other surface forms, exactly as written
    heads: list[str] = field(default_factory=list)  # head nouns after the country's adjective
    former_names: list[FormerName] = field(default_factory=list)  # older names, oldest first

    def problems(self) -> list[tuple[str, str]]:
        return _former_problems(self.name, self.former_names)


@dataclass
class PlaceSpec:
    """An area, region, city or country to recognise by name."""

    name: str
    type: str = field(default="area", metadata={"choices": ("area", "region", "city", "country")})
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    former_names: list[FormerName] = field(default_factory=list)  # older names, oldest first

    def problems(self) -> list[tuple[str, str]]:
        return _former_problems(self.name, self.former_names)


@dataclass
class ClaimSpec:
    """A tracked claim: a statement lands on it when one word of every group occurs."""

    text: str
    all: list[list[str]]  # word prefixes, matched lowercase


@dataclass
class CountrySpec:
    """What ``countries.yml`` adds to CLDR's German country name."""

    adjectives: list[str] = field(default_factory=list)  # lowercase stems, the loader inflects them
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    capital_aliases: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)  # compound prefixes ("US-…")
    former_names: list[FormerName] = field(default_factory=list)  # older names than CLDR's, oldest first

    def problems(self) -> list[tuple[str, str]]:
        return _former_problems("", self.former_names)


@dataclass
class SpellingSpec:
    """``spellings.yml``: how one foreign name is spelt in several ways (see names.py)."""

    article_words: list[str]  # words dropped from a name, as "al" in "Al Thani"
    folds: list[list[str]]  # [from, to] replacements, in order, on each lowercased word
    fuzzy_from: int  # keys this long may differ by one edit
    given_name_fuzzy_from: int  # the same for given names

    def problems(self) -> list[tuple[str, str]]:
        return [
            (f"folds[{i + 1}]", "expected a pair [from, to]")
            for i, pair in enumerate(self.folds)
            if len(pair) != 2 or not pair[0]
        ]


@dataclass
class UserKnowledge:
    """A user's ``knowledge.yml``; every section is optional."""

    actors: list[ActorSpec] = field(default_factory=list)
    organizations: list[ActorSpec] = field(default_factory=list)  # older name of organisation actors
    places: list[PlaceSpec] = field(default_factory=list)
    claims: list[ClaimSpec] = field(default_factory=list)
    lexicon: dict[str, Any] = field(default_factory=dict)  # list name → words added to that list


# -- checking ---------------------------------------------------------------------------------
def _got(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def describe(tp: Any) -> str:
    """A type in words: ``list[str]`` → "a list of strings"."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        return " or ".join(describe(a) for a in args if a is not type(None))
    if origin is list:
        return "a list of " + _plural(describe(args[0]))
    if origin is dict:
        return "a mapping of strings to " + _plural(describe(args[1]))
    if dataclasses.is_dataclass(tp):
        return "a mapping"
    if tp is datetime.date:
        return "a date (YYYY-MM-DD)"
    return {str: "a string", int: "a whole number", float: "a number", bool: "true/false"}.get(tp, "a value")


def _plural(described: str) -> str:
    """ "a list of strings" → "lists of strings", "a date (YYYY-MM-DD)" → "dates (YYYY-MM-DD)"."""
    if " or " in described:
        return " or ".join(_plural(part) for part in described.split(" or "))
    noun = described.removeprefix("a ").removeprefix("an ")
    if noun == "true/false":
        return "true/false values"
    for joint in (" of ", " ("):
        head, found, tail = noun.partition(joint)
        if found:
            return f"{head}s{joint}{tail}"
    return noun + "s"


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key + 1}]"
    return f"{path}.{key}" if path else str(key)


def check(value: Any, tp: Any, path: str, problems: list[str]) -> Any:
    """`value` converted to `tp`; a problem ("path: message") is appended for every mismatch."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return check(value, inner, path, problems)
    if dataclasses.is_dataclass(tp):
        return _check_dataclass(value, tp, path, problems)
    if tp is Any:
        return value
    wrong = f"{path}: expected {describe(tp)}, got {_got(value)}"
    if origin is list:
        if not isinstance(value, list):
            problems.append(wrong)
            return []
        return [check(v, args[0], _join(path, i), problems) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            problems.append(wrong)
            return {}
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                problems.append(f"{_join(path, str(key))}: the key must be a string (quote it)")
                continue
            result[key] = check(item, args[1], _join(path, key), problems)
        return result
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp is datetime.date:
        return _check_date(value, wrong, problems)
    if not isinstance(value, tp) or (isinstance(value, bool) and tp is not bool):
        problems.append(
            wrong + (" (quote numbers: '4.500')" if tp is str and _got(value) == "a number" else "")
        )
        return value
    return value


def _check_date(value: Any, wrong: str, problems: list[str]) -> datetime.date | None:
    """A date: YAML reads an unquoted 2018-06-01 as one; a quoted ISO date is accepted too."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            problems.append(f"{wrong.partition(': ')[0]}: '{value}' is not a day of the calendar")
            return None
    problems.append(wrong)
    return None


def _check_dataclass(value: Any, cls: type[T], path: str, problems: list[str]) -> T | None:
    if not isinstance(value, dict):
        problems.append(f"{path or 'the file'}: expected a mapping, got {_got(value)}")
        return None
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    hints = typing.get_type_hints(cls)
    unknown(value, fields, path, problems)
    kwargs = {}
    for name, spec in fields.items():
        where = _join(path, name)
        if name not in value:
            if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                problems.append(f"{where}: missing")
            continue
        before = len(problems)
        kwargs[name] = check(value[name], hints[name], where, problems)
        choices = spec.metadata.get("choices")
        if choices and len(problems) == before and kwargs[name] not in choices:
            problems.append(f"{where}: expected one of {', '.join(choices)}, got '{kwargs[name]}'")
    try:
        result = cls(**kwargs)
    except TypeError:  # a required field is missing: reported above
        return None
    if hasattr(result, "problems"):  # checks across fields: "key: message" below this path
        problems += [f"{_join(path, key)}: {message}" for key, message in result.problems()]
    return result


def unknown(value: dict[str, Any], known: typing.Iterable[str], path: str, problems: list[str]) -> None:
    """A problem for every key of `value` that is not one of `known`, with the nearest known name."""
    names = list(known)
    for key in value:
        if key not in names:
            near = difflib.get_close_matches(str(key), names, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else f" (known: {', '.join(sorted(names))})"
            problems.append(f"{_join(path, str(key))}: unknown key{hint}")


def raise_problems(shown: str, problems: list[str]) -> None:
    """Raise one ConfigError listing every problem of the file `shown`."""
    if problems:
        raise ConfigError("\n".join(f"{shown}: {p}" for p in problems))


# -- reading ----------------------------------------------------------------------------------
def read_yaml(path: Path | Any, shown: str) -> Any:
    """The YAML data of a file (a Path or a package resource); None if it does not exist.

    Dates stay text (``check`` reads them); a file that is not UTF-8 or not YAML, or not a file
    at all, is a ConfigError naming it (and the line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{shown}: not valid UTF-8 (byte at offset {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot be read: {exc.strerror or exc}") from exc
    try:
        return parse_yaml(text).data
    except YamlProblem as exc:
        where = f"{shown}:{exc.line}" if exc.line else shown
        raise ConfigError(f"{where}: not valid YAML: {exc.problem}") from exc


def shipped_path(name: str) -> tuple[Any, str]:
    """A shipped knowledge file and the name errors show for it."""
    from importlib import resources

    return resources.files("generator.knowledge") / name, f"generator/knowledge/{name}"


def load_typed(name: str, tp: Any) -> Any:
    """A shipped file checked against `tp`."""
    path, shown = shipped_path(name)
    problems: list[str] = []
    value = check(read_yaml(path, shown), tp, "", problems)
    raise_problems(shown, problems)
    return value


@cache
def shipped_countries() -> dict[str, CountrySpec]:
    """``countries.yml``: code → what it adds to CLDR's name (read once per process)."""
    return load_typed("countries.yml", dict[str, CountrySpec])


def read_user_file(path: Path) -> UserKnowledge | None:
    """A user's ``knowledge.yml``, checked; None if it is missing or empty."""
    data = read_yaml(path, str(path))
    if data is None:
        return None
    problems: list[str] = []
    user = check(data, UserKnowledge, "", problems)
    if user is not None:
        user.lexicon = check_lexicon(user.lexicon, "lexicon", problems)
    raise_problems(str(path), problems)
    return user


# -- word lists -------------------------------------------------------------------------------
SHIPPED_WORDS = ("lexicon.yml", "roles.yml", "grammar.yml", "dates.yml", "figures.yml", "cleaning.yml")


@cache
def _list_types() -> dict[str, Any]:
    hints = typing.get_type_hints(WordLists)
    return {name: hints[name] for name in list_names()}


def check_lexicon(data: Any, path: str, problems: list[str]) -> dict[str, Any]:
    """Word lists by name, checked against the types of :class:`WordLists`."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path or 'the file'}: expected a mapping of list names to lists, got {_got(data)}")
        return {}
    types_ = _list_types()
    unknown(data, types_, path, problems)
    return {k: check(v, types_[k], _join(path, k), problems) for k, v in data.items() if k in types_}


@cache
def shipped_words() -> WordLists:
    """The word lists of the shipped files (``SHIPPED_WORDS``); each list is in exactly one file."""
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name in SHIPPED_WORDS:
        path, shown = shipped_path(name)
        problems: list[str] = []
        lists = check_lexicon(read_yaml(path, shown) or {}, "", problems)
        problems += [f"{key}: already defined in {origin[key]}" for key in lists if key in origin]
        raise_problems(shown, problems)
        values.update(lists)
        origin.update(dict.fromkeys(lists, name))
    missing = [name for name in list_names() if name not in values]
    raise_problems("generator/knowledge", [f"{name}: no shipped file defines this list" for name in missing])
    return WordLists(**values)


def _extend(base: Any, extra: Any) -> Any:
    if isinstance(base, list):
        return [*base, *(w for w in extra if w not in base)]
    if isinstance(base, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _extend(base[key], value) if key in base and isinstance(value, list) else value
        return merged
    return extra


def extend_words(base: WordLists, extra: dict[str, Any]) -> WordLists:
    """A copy of `base` with `extra` (checked lists by name) appended to its lists and mappings."""
    values = {
        name: _extend(getattr(base, name), extra.get(name, type(getattr(base, name))()))
        for name in list_names()
    }
    return WordLists(**values)
