"""The extraction steps as spaCy components, in the order `EXTRACTION_STEPS` runs them.

Each component reads and extends the `DocState` that ``lagebild_document`` put in
``doc._.lagebild``; each is registered with a factory and a default config, so a rule can be
tested on ``spacy.blank("de")`` with a small knowledge file and no site build. ``knowledge`` is
the path of a user knowledge file merged into the shipped knowledge base ("" for none).
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from generator.extract.base import DocState
from generator.extract.claims import ClaimFinder
from generator.extract.entities import EntityFinder
from generator.extract.figures import FigureFinder
from generator.extract.persons import PersonFinder
from generator.knowledge.base import KnowledgeBase, cached_knowledge

EXTRACTION_STEPS = (
    "lagebild_document",
    "lagebild_entities",
    "lagebild_persons",
    "lagebild_places",
    "lagebild_claims",
    "lagebild_figures",
)
"""Component names in order: sentences, known entities, people, places by pattern, claims, figures."""

KNOWLEDGE = {"knowledge": ""}


def _kb(knowledge: str) -> KnowledgeBase:
    return cached_knowledge(knowledge or None)


class Step:
    """A component that runs `step` on the document state of each Doc."""

    def __init__(self, step: Callable[[DocState], None]) -> None:
        self.step = step

    def __call__(self, doc: Doc) -> Doc:
        state = doc._.lagebild
        if state is None:
            raise ValueError("run the 'lagebild_document' component before the other extraction steps")
        self.step(state)
        return doc


@Language.factory("lagebild_entities", default_config=KNOWLEDGE)
def make_entities(nlp: Language, name: str, *, knowledge: str) -> Step:
    """Actors and places the knowledge base knows by name (the gazetteer's ``doc.spans["kb"]``),
    plus role phrases ("der Außenminister des Landes") tied to the entity they name."""
    return Step(EntityFinder(_kb(knowledge)).find)


@Language.factory("lagebild_persons", default_config=KNOWLEDGE)
def make_persons(nlp: Language, name: str, *, knowledge: str) -> Step:
    """People found by form and context ("Ministerin Anna Berg", "sagte Berg"), not by a list."""
    return Step(PersonFinder(_kb(knowledge)).find)


@Language.factory("lagebild_places", default_config=KNOWLEDGE)
def make_places(nlp: Language, name: str, *, knowledge: str) -> Step:
    """Places by pattern ("in Obertal", "im Süden des Landes") and bare institution heads."""
    finder = EntityFinder(_kb(knowledge))

    def step(state: DocState) -> None:
        finder.unknown_places(state)
        finder.bare_heads(state)

    return Step(step)


@Language.factory("lagebild_claims", default_config=KNOWLEDGE)
def make_claims(nlp: Language, name: str, *, knowledge: str) -> Step:
    """Who says what: reporting cues, their speakers, the stance and the claimed content."""
    kb = _kb(knowledge)
    return Step(ClaimFinder(kb, is_role=PersonFinder(kb).is_role).find)


@Language.factory("lagebild_figures", default_config=KNOWLEDGE)
def make_figures(nlp: Language, name: str, *, knowledge: str) -> Step:
    """Stated quantities with qualifier, counted noun and subject, credited to the sentence's speaker."""
    finder = FigureFinder(_kb(knowledge))

    def step(state: DocState) -> None:
        finder.find(state)
        for figure in state.figures:
            speakers = state.sentences[figure.sentence].speakers
            figure.attributed_to = speakers[0] if speakers else None

    return Step(step)


def extraction_pipeline(knowledge: str | None = None) -> Language:
    """A pipeline of the extraction steps only; it runs on Docs the NLP stage has made."""
    nlp = spacy.blank("de")
    for step in EXTRACTION_STEPS:
        nlp.add_pipe(step, config={} if step == "lagebild_document" else {"knowledge": knowledge or ""})
    return nlp
