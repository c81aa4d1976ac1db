"""The report model: the one contract between extraction and rendering.

Everything here is plain data (dataclasses, no I/O, no spaCy objects). Extraction
produces it, resolution merges it across documents, rendering and export only read it.
Nothing downstream of this module re-reads article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

ActorType = Literal["person", "organization", "state"]
RegionType = Literal["city", "region", "country", "area"]
Stance = Literal["asserts", "confirms", "denies", "doubts"]

ACTOR_TYPES: tuple[str, ...] = ("person", "organization", "state")
REGION_TYPES: tuple[str, ...] = ("city", "region", "country", "area")
STANCES: tuple[str, ...] = ("asserts", "confirms", "denies", "doubts")
QUALIFIERS: tuple[str, ...] = ("mindestens", "mehr als", "etwa", "rund", "fast", "bis zu", "über")


@dataclass
class Source:
    """Metadata of one article: where it comes from and how far to trust it."""

    id: str  # file stem, e.g. "000_e2235c48d83a146a"; also the source page slug
    path: str  # file name relative to the corpus folder
    title: str
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str = "de"
    url: str | None = None
    reliability: str | None = None
    inferred: list[str] = field(default_factory=list)  # fields inferred from the text


@dataclass
class Sentence:
    """One sentence of a cleaned article; `anchor` is unique within its document.

    The anchor comes from the sentence's words (`content_anchor`, "s-3fa2c1d0", set by
    extraction), so adding or removing other sentences never moves it; `position_anchor`
    ("s3") is the anchor pages used before and still carry.
    """

    index: int
    text: str
    paragraph: int
    start: int  # character offsets into Document.text
    end: int
    heading: bool = False
    date: str | None = None  # ISO date the sentence's events refer to ("am Donnerstag" resolved), if any
    content_anchor: str = ""  # "s-" and a digest of the words; "-2", "-3" for repeats in the article

    @property
    def anchor(self) -> str:
        return self.content_anchor or self.position_anchor

    @property
    def position_anchor(self) -> str:
        return f"s{self.index + 1}"


@dataclass
class Document:
    """A cleaned article split into sentences."""

    source: Source
    text: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.source.id


@dataclass
class Mention:
    """A surface form of an entity in one sentence of one document."""

    doc: str  # Document id
    sentence: int  # Sentence index
    text: str
    start: int = 0  # character offsets into Document.text
    end: int = 0


@dataclass
class Actor:
    """A person, organisation or state that acts or speaks."""

    id: str  # stable slug, e.g. "wladimir-putin"
    name: str
    type: ActorType
    role: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # identity keys (permalink registry)


@dataclass
class Region:
    """A place: a city, an administrative region, a country used as a place, a wider area."""

    id: str
    name: str
    type: RegionType
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # identity keys (permalink registry)


@dataclass
class Figure:
    """A stated quantity: what it counts, how sure, who says so, where it stands."""

    id: str  # stable within the report, e.g. "000_e2235c48d83a146a-f3"
    doc: str
    sentence: int
    value: float
    surface: str
    qualifier: str | None = None
    counts: str | None = None
    subject: str | None = None
    attributed_to: str | None = None  # Actor id
    date: str | None = None  # ISO date the figure was stated (publication date by default)
    regions: list[str] = field(default_factory=list)  # Region ids named in the sentence
    kind: str = "count"  # what it is: count, per_unit, part, plan, increment or cumulative
    range_end: str | None = None  # "low" or "high" when it is one end of a stated range
    # Set by resolution (generator.resolve.facts), read by rendering:
    country: str | None = None  # ISO code of the party counted ("iranische Soldaten" → IR)
    series: str | None = None  # Series id
    bound: str | None = None  # how the qualifier bounds the value: "lower", "upper", "approx" or None
    low: float | None = None  # the values the figure allows: low … high (None = unbounded above)
    high: float | None = None
    voice: str | None = None  # display name of who states it (its claimant, or the sentence's one claimant)


@dataclass
class Statement:
    """One actor's stance on a claim, in one sentence of one document."""

    id: str
    doc: str
    sentence: int
    claimant: str | None  # Actor id
    stance: Stance
    quote: str | None = None  # the quoted words, if the sentence quotes the claimant
    date: str | None = None
    confidence: float = 1.0  # how sure the attribution is (0–1); see LocalStatement


@dataclass
class ClaimStatus:
    """Where a claim stands: distinct claimants per stance, statements, first and last date."""

    by_stance: dict[str, int] = field(default_factory=dict)
    statements: int = 0
    first: str | None = None
    last: str | None = None
    contested: bool = False  # someone asserts or confirms it and someone denies or doubts it
    claimants: list[str] = field(default_factory=list)  # Actor ids, by name
    sources: int = 0  # distinct sources (articles) with a statement about it


@dataclass
class Claim:
    """A normalised claim and every statement made about it across the corpus."""

    id: str  # stable slug of the normalised text
    text: str
    statements: list[Statement] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # Actor ids the claim is about
    regions: list[str] = field(default_factory=list)  # Region ids the claim is about
    keys: list[str] = field(default_factory=list)  # identity keys (permalink registry)
    status: ClaimStatus = field(default_factory=ClaimStatus)  # set by resolution


@dataclass
class Conflict:
    """Two figures of one series from different sources that cannot both be right."""

    first: str  # Figure id
    second: str  # Figure id
    days: int  # days between the two statements


@dataclass
class Series:
    """Figures that count the same thing about the same party, and where they disagree."""

    id: str  # slug, e.g. "iranische-soldaten"
    label: str  # the counted group, e.g. "Soldaten"
    country: str | None  # ISO code of the party counted
    name: str  # "iranische Soldaten"
    figures: list[str] = field(default_factory=list)  # Figure ids, in report order
    conflicts: list[Conflict] = field(default_factory=list)
    window_days: int = 7  # figures at most this many days apart are compared


@dataclass
class Coverage:
    """What the report rests on: how many articles from how many outlets, over which period.

    `last` is also the report's date ("Stand"): it comes from the articles, never from the clock,
    so the same articles always give the same site.
    """

    articles: int = 0
    outlets: int = 0  # distinct outlets the articles name (articles without one are not counted)
    first: str | None = None  # earliest publication date (ISO), None if no article is dated
    last: str | None = None  # newest publication date
    undated: int = 0  # articles without a publication date


@dataclass
class Report:
    """The whole report: what rendering and export receive."""

    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)  # in the order the figures page lists them
    # statements below the confidence threshold (setting `min_confidence`), by wording: data only
    held_back: list[Claim] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # old page path → new page path
    coverage: Coverage = field(default_factory=Coverage)  # set by resolution

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (what ``dataclasses.asdict`` gives, without its deep copies)."""
        return plain_data(self)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain_data(value: Any) -> Any:
    """Dataclasses as dicts, lists, tuples and dicts rebuilt, everything else as it is (the model's
    leaves are str, int, float, bool and None, which need no copy)."""
    if isinstance(value, str | int | float | None):
        return value
    if isinstance(value, list):
        return [plain_data(v) for v in value]
    if isinstance(value, dict):
        return {plain_data(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(plain_data(v) for v in value)
    if not is_dataclass(value):
        return value
    return {name: plain_data(getattr(value, name)) for name in field_names(value)}


def field_names(value: Any) -> tuple[str, ...]:
    """The field names of the dataclass instance `value`, in their order (looked up once per class)."""
    cls = type(value)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(value))
    return names
