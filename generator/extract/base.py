"""Per-document working data shared by the extraction modules (plain data, no I/O)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from generator.model import Mention


@dataclass
class LocalEntity:
    """An actor or region as found in one document, before resolution across documents."""

    key: str  # knowledge-base key or a local key such as "person:anna-berg"
    name: str
    category: str  # "actor" or "region"
    type: str  # person/organization/state or city/region/country/area
    role: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.category}:{self.key}"


@dataclass
class Ref:
    """A mention of an entity at token positions [start, end) of a sentence."""

    start: int
    end: int
    entity: str  # LocalEntity.id
    text: str


@dataclass
class SentenceView:
    """A sentence with its spaCy tokens and the entity mentions found in it."""

    index: int
    span: Span
    offset: int  # document text position of a token = offset + its character index in span.doc
    heading: bool = False
    paragraph: int = 0
    refs: list[Ref] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # actor ids the sentence is attributed to

    @property
    def text(self) -> str:
        return self.span.text

    def actor_refs(self) -> list[Ref]:
        return [r for r in self.refs if r.entity.startswith("actor:")]


@dataclass
class LocalFigure:
    sentence: int
    value: float
    surface: str
    qualifier: str | None
    counts: str | None
    subject: str | None
    start: int  # token index within the sentence
    attributed_to: str | None = None  # actor id
    kind: str = "count"  # count, per_unit, part, plan, increment or cumulative (figure_kind_cues)
    range_end: str | None = None  # "low" or "high": one end of a range ("zwischen 1.000 und 2.000")


@dataclass
class ClaimSignature:
    """What a claim's own content says, as plain words: the grouping of claims across documents
    compares these (see :mod:`generator.resolve.claims`); the frame ("sagte X") is no part of it.

    `predicates`: lemmas of the full verbs and nouns of the content ("entsenden", "Entsendung");
    `words`: lemmas of its content words (nouns, names, full verbs, adjectives); `about`: entity
    ids named in the content; `numbers`: the numbers as written; `countries`: codes of the
    countries its adjectives name ("ruritanische Soldaten"); `clause`: it has a finite verb.
    """

    predicates: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    clause: bool = False


@dataclass
class LocalStatement:
    """A claimant's stance on a claim in one sentence.

    `confidence` (0–1) says how the claimant was found, not whether the claim is true:
    0.9 an explicit speaker slot (the subject of a reporting verb, "laut X", "X zufolge");
    0.7 a speaker reached through a pronoun or a role phrase ("sagte er", "der Minister");
    0.5 a sentence without a cue of its own that continues the previous speaker (Konjunktiv,
    quotation). A cue whose stance had to be guessed lowers it by 0.1.
    """

    sentence: int
    claimant: str  # actor id
    stance: str
    claim: str
    quote: str | None = None
    about: list[str] = field(default_factory=list)  # entity ids named in the claim
    confidence: float = 0.9
    signature: ClaimSignature = field(default_factory=ClaimSignature)


@dataclass
class DocState:
    """Everything extraction learns about one document."""

    doc_id: str
    sentences: list[SentenceView] = field(default_factory=list)
    entities: dict[str, LocalEntity] = field(default_factory=dict)
    figures: list[LocalFigure] = field(default_factory=list)
    statements: list[LocalStatement] = field(default_factory=list)
    regions_by_name: dict[str, list[LocalEntity]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Places by name in order of creation: a lookup table for the finders, not a result."""
    statement_keys: tuple[int, set[tuple[int, str, str]]] = field(
        default_factory=lambda: (0, set()), init=False, repr=False, compare=False
    )
    """(statements read, their (sentence, claimant, claim)): the lookup table of `has_statement`."""

    def entity(self, key: str, name: str, category: str, type_: str, **extra: object) -> LocalEntity:
        ent_id = f"{category}:{key}"
        if ent_id not in self.entities:
            self.entities[ent_id] = LocalEntity(key=key, name=name, category=category, type=type_, **extra)  # type: ignore[arg-type]
            if category == "region":
                self.regions_by_name.setdefault(name, []).append(self.entities[ent_id])
        return self.entities[ent_id]

    def has_statement(self, sentence: int, claimant: str, claim: str) -> bool:
        """Whether `statements` already holds this claim of this claimant in this sentence."""
        read, keys = self.statement_keys
        keys.update((s.sentence, s.claimant, s.claim) for s in self.statements[read:])
        self.statement_keys = (len(self.statements), keys)
        return (sentence, claimant, claim) in keys

    def first_region(self, name: str) -> LocalEntity | None:
        """The first place of the document (in order of creation) called `name`, if any."""
        places = self.regions_by_name.get(name, [])
        return next((e for e in places if e.name == name and self.entities.get(e.id) is e), None)

    def mention(self, view: SentenceView, start: int, end: int, entity: LocalEntity) -> None:
        """Record a mention of `entity` at tokens [start, end) of `view`."""
        span = view.span.doc[view.span.start + start : view.span.start + end]
        text = span.text
        if any(r.start == start and r.end == end and r.entity == entity.id for r in view.refs):
            return
        view.refs.append(Ref(start, end, entity.id, text))
        entity.mentions.append(
            Mention(
                doc=self.doc_id,
                sentence=view.index,
                text=text,
                start=view.offset + span.start_char,
                end=view.offset + span.end_char,
            )
        )

    def detach(self) -> None:
        """Drop the spaCy objects once extraction is done: what remains is plain, picklable data."""
        for view in self.sentences:
            view.span = None  # type: ignore[assignment]
        self.regions_by_name = {}
        self.statement_keys = (0, set())

    def covered(self, view: SentenceView, start: int, end: int) -> bool:
        return any(r.start < end and start < r.end for r in view.refs)


def sentence_spans(view: SentenceView, label_set: str = "kb") -> list[tuple[int, int, Span]]:
    """Spans of ``doc.spans[label_set]`` inside the sentence, as sentence-relative token ranges.

    The spans are looked up in an index sorted by start (built once per Doc and span group), so
    a long article costs no scan of all its spans per sentence.
    """
    doc, s = view.span.doc, view.span
    if label_set not in doc.spans:
        return []
    starts, spans = _span_index(doc, label_set)
    first, last = bisect_left(starts, s.start), bisect_left(starts, s.end)
    return [(sp.start - s.start, sp.end - s.start, sp) for sp in spans[first:last] if sp.end <= s.end]


def _span_index(doc: Doc, label_set: str) -> tuple[list[int], list[Span]]:
    group = doc.spans[label_set]
    key = ("lagebild_span_index", label_set)
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(group):
        spans = sorted(group, key=lambda sp: sp.start)
        cached = (len(group), [sp.start for sp in spans], spans)
        doc.user_data[key] = cached
    return cached[1], cached[2]


NAME_TAGS = frozenset({"NE", "FM"})
"""STTS tags of proper names and foreign material: the tagger's evidence that a word is a name."""


class TokenSigns:
    """What the part-of-speech tags say about a token, beside the lexicon.

    Capitalisation cannot tell a German noun from a name; the tagger (``token.tag_``) can. On a
    Doc without tags (no tagger in the pipeline) every test answers False, so rules fall back
    to the lexicon alone.
    """

    def __init__(self, is_german_word: Callable[[str], bool], noun_suffixes: Iterable[str]) -> None:
        self.is_german_word = is_german_word
        self.noun_suffixes = tuple(sorted(noun_suffixes))

    @staticmethod
    def tagged_name(token: Token) -> bool:
        return token.tag_ in NAME_TAGS

    def common_noun(self, token: Token) -> bool:
        """Tagged a noun, and a German word or with a German noun ending ("…ung", "…rats")."""
        if token.tag_ != "NN":
            return False
        return self.is_german_word(token.text) or token.lower_.endswith(self.noun_suffixes)
