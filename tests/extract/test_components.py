"""Each extraction step is a spaCy component: tested on spacy.blank("de") with a small knowledge file."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import generator.extract.components
import generator.nlp.pipeline  # noqa: F401  (registers the gazetteer)
from generator.extract.base import DocState
from generator.extract.components import EXTRACTION_STEPS
from generator.extract.document import article_doc

KNOWLEDGE = """\
actors:
  - name: Amt für Wasserwirtschaft (AWW)
    type: organization
    country: AT
    aliases: [AWW]
"""


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("kb") / "knowledge.yml"
    path.write_text(KNOWLEDGE, "utf-8")
    return str(path)


def pipeline(knowledge: str, steps: tuple[str, ...] = EXTRACTION_STEPS) -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_gazetteer", config={"knowledge": knowledge})
    for step in steps:
        nlp.add_pipe(step, config={} if step == "lagebild_document" else {"knowledge": knowledge})
    return nlp


def state_of(nlp: Language, text: str) -> DocState:
    return nlp(text)._.lagebild


def names(state: DocState, type_: str) -> set[str]:
    return {e.name for e in state.entities.values() if e.type == type_ and e.mentions}


def test_document_component_keeps_paragraph_offsets_and_marks_headings(knowledge: str) -> None:
    nlp = pipeline(knowledge, EXTRACTION_STEPS[:1])
    texts = ["Neue Kämpfe im Norden", "Das Amt meldete Schäden. Weitere Berichte folgen."]
    splitter = spacy.blank("de")
    splitter.add_pipe("sentencizer")
    paragraphs = [splitter(t) for t in texts]
    state = nlp(article_doc(paragraphs, texts, "a1"))._.lagebild
    assert state.doc_id == "a1"
    assert [(v.paragraph, v.heading, v.text) for v in state.sentences] == [
        (0, True, "Neue Kämpfe im Norden"),
        (1, False, "Das Amt meldete Schäden."),
        (1, False, "Weitere Berichte folgen."),
    ]
    text = "\n\n".join(texts)
    second = state.sentences[2]
    start = second.offset + second.span.start_char
    assert text[start : start + len(second.text)] == "Weitere Berichte folgen."


def test_a_step_without_the_document_component_says_what_is_missing(knowledge: str) -> None:
    nlp = pipeline(knowledge, ("lagebild_figures",))
    with pytest.raises(ValueError, match="lagebild_document"):
        nlp("Es wurden 40 Häuser zerstört.")


def test_known_actors_come_from_the_knowledge_file(knowledge: str) -> None:
    state = state_of(pipeline(knowledge), "Das AWW warnte vor Hochwasser in Obertal.")
    assert "Amt für Wasserwirtschaft (AWW)" in names(state, "organization")


def test_people_are_found_by_context_and_speak(knowledge: str) -> None:
    text = "Die Ministerin Petra Lindqvist sagte am Montag, die Lage sei ernst."
    state = state_of(pipeline(knowledge), text)
    assert names(state, "person") == {"Petra Lindqvist"}
    [statement] = state.statements
    assert (statement.stance, statement.claim) == ("asserts", "Die Lage sei ernst")
    assert state.entities[statement.claimant].name == "Petra Lindqvist"


def test_figures_carry_qualifier_counted_noun_and_speaker(knowledge: str) -> None:
    text = "Nach Angaben des AWW wurden mindestens 40 Häuser zerstört."
    state = state_of(pipeline(knowledge), text)
    [figure] = state.figures
    assert (figure.value, figure.qualifier, figure.counts) == (40, "mindestens", "Häuser")
    assert figure.attributed_to is not None
    assert state.entities[figure.attributed_to].name == "Amt für Wasserwirtschaft (AWW)"


def test_a_year_is_not_a_figure(knowledge: str) -> None:
    state = state_of(pipeline(knowledge), "Der Damm wurde 1998 gebaut und 2014 erneuert.")
    assert state.figures == []


def test_places_after_a_locative_are_found_by_pattern(knowledge: str) -> None:
    state = state_of(pipeline(knowledge), "Die Behörden meldeten Schäden in Untertal.")
    assert "Untertal" in {e.name for e in state.entities.values() if e.category == "region"}


def test_components_have_documented_factories() -> None:
    for step in EXTRACTION_STEPS:
        meta = Language.get_factory_meta(step)
        assert meta.default_config is not None
        assert Language.get_factory_meta(step).factory == step
        assert Language.factories[step].__doc__, f"{step} has no docstring"
