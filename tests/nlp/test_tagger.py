"""The HanTa part-of-speech component (generator/nlp/tagger.py) on spacy.blank("de")."""

from __future__ import annotations

import pickle
import threading

import pytest
import spacy

from generator.nlp.tagger import MAX_WORD, HanTaTagger


def make_nlp(sentencizer: bool = True, **config):
    nlp = spacy.blank("de")
    if sentencizer:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_tagger", config=config)
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in doc]


def by_text(doc):
    return {t.text: t for t in doc}


def test_names_nouns_and_verbs(nlp):
    tokens = by_text(nlp("Friedrich Merz sprach in Berlin mit dem Bundeskanzler."))
    for name in ("Friedrich", "Merz", "Berlin"):
        assert tokens[name].tag_ == "NE"
        assert tokens[name].pos_ == "PROPN"
    assert tokens["Bundeskanzler"].tag_ == "NN"
    assert tokens["Bundeskanzler"].pos_ == "NOUN"
    assert tokens["sprach"].tag_ == "VVFIN"
    assert tokens["sprach"].pos_ == "VERB"
    assert tokens["sprach"].lemma_ == "sprechen"
    assert tokens["sprach"].morph.get("VerbForm") == ["Fin"]
    assert tokens["sprach"].morph.get("Tense") == ["Past"]
    assert tokens["dem"].tag_ == "ART"
    assert tokens["dem"].lemma_ == "der"


def test_names_keep_their_final_s(nlp):
    tokens = by_text(nlp("Die Delegation reiste über Tunis und Damaskus weiter nach Paris."))
    for name in ("Tunis", "Damaskus", "Paris"):
        assert tokens[name].tag_ == "NE"
        assert tokens[name].lemma_ == name


def test_common_nouns_and_adjectives_are_lemmatised(nlp):
    tokens = by_text(nlp("Die Soldaten verließen größere Städte in den UN-Lagern."))
    assert tokens["Soldaten"].tag_ == "NN"
    assert tokens["Soldaten"].lemma_ == "Soldat"
    assert tokens["Städte"].lemma_ == "Stadt"
    assert tokens["UN-Lagern"].lemma_ == "UN-Lager"  # the acronym keeps its capitals
    assert tokens["größere"].tag_ == "ADJA"
    assert tokens["größere"].lemma_ == "groß"
    assert tokens["größere"].morph.get("Degree") == ["Cmp"]
    assert tokens["verließen"].lemma_ == "verlassen"


def test_lemmas_use_current_spelling(nlp):
    doc = nlp("Der Ausschuss vertagte die Prozesse; der Anschluss an das Netz fehlt. Die Straßen waren leer.")
    tokens = by_text(doc)
    assert tokens["Prozesse"].lemma_ == "Prozess"  # HanTa's own lemma is "Prozeß"
    assert tokens["Ausschuss"].lemma_ == "Ausschuss"
    assert tokens["Anschluss"].lemma_ == "Anschluss"  # HanTa's own lemma is "Anschlus"
    assert tokens["Straßen"].lemma_ == "Straße"


def test_konjunktiv_gets_mood_sub(nlp):
    doc = nlp(
        "Die Sprecherin erklärte, der Minister habe nichts gewusst, die Gespräche seien beendet "
        "und man könne nicht mehr verhandeln; es wäre besser, er würde gehen."
    )
    tokens = by_text(doc)
    for verb in ("habe", "seien", "könne", "wäre", "würde"):
        assert tokens[verb].tag_.endswith("FIN"), verb
        assert tokens[verb].morph.get("Mood") == ["Sub"], verb
    assert tokens["erklärte"].morph.get("Mood") == []
    assert tokens["erklärte"].morph.get("Tense") == ["Past"]
    assert tokens["seien"].lemma_ == "sein"


def test_first_person_habe_is_indicative(nlp):
    doc = nlp("Ich habe das Dokument gelesen. Gestern habe ich unterschrieben.")
    habe = [t for t in doc if t.lower_ == "habe"]
    assert len(habe) == 2
    for token in habe:
        assert token.tag_ == "VAFIN"
        assert token.morph.get("Mood") == []


def test_punctuation_and_numbers(nlp):
    doc = nlp("„Wir bleiben“, sagte sie – am 3. Mai zählte man 1.200 Flüchtlinge (meist Kinder).")
    tags = {t.text: t.tag_ for t in doc}
    assert tags["„"] == tags["“"] == tags["–"] == tags["("] == tags[")"] == "$("
    assert tags[","] == "$,"
    assert tags["."] == "$."
    assert tags["1.200"] == "CARD"
    tokens = by_text(doc)
    assert tokens["1.200"].pos_ == "NUM"
    assert tokens["1.200"].lemma_ == "1.200"
    assert tokens["3."].tag_ == "ADJA"
    assert tokens["3."].morph.get("NumType") == ["Ord"]
    assert all(t.pos_ == "PUNCT" for t in doc if t.is_punct)


def test_whitespace_tokens(nlp):
    doc = nlp("Erster Absatz.\n\nZweiter  Absatz.")
    spaces = [t for t in doc if t.is_space]
    assert spaces
    assert all(t.tag_ == "_SP" and t.pos_ == "SPACE" for t in spaces)
    assert all(t.tag_ and t.tag_ != "_SP" for t in doc if not t.is_space)


def test_empty_and_blank_docs(nlp):
    assert len(nlp("")) == 0
    doc = nlp("   \n ")
    assert all(t.tag_ == "_SP" for t in doc)


def test_doc_without_sentence_boundaries():
    text = "Die Armee meldete Angriffe. Der Außenminister reiste nach Kairo! Was geschah dann?"
    without = make_nlp(sentencizer=False)
    doc = without(text)
    assert not doc.has_annotation("SENT_START")
    assert all(t.tag_ for t in doc)
    assert annotations(doc) == annotations(make_nlp()(text))


def test_chunking_of_long_unsegmented_docs():
    text = " ".join(["Die Regierung prüft neue Gesetze und die Opposition protestiert"] * 10) + "."
    doc = make_nlp(sentencizer=False, max_chunk=7)(text)
    assert all(t.tag_ for t in doc)
    assert {t.tag_ for t in doc if t.text == "Regierung"} == {"NN"}


def test_cache_returns_identical_results(nlp):
    component = nlp.get_pipe("lagebild_tagger")
    text = "Die Waffenruhe hielt nicht, berichteten Beobachter aus Goma."
    first = annotations(nlp(text))
    hits = component.cache_info()["annotation"].hits
    second = annotations(nlp(text))
    assert second == first
    assert component.cache_info()["annotation"].hits > hits


def test_cache_is_bounded():
    small = make_nlp(cache_size=8)
    large = make_nlp()
    text = (
        "Die Beobachter zählten zerstörte Brücken, beschädigte Schulen, geplünderte Lager und "
        "verlassene Dörfer entlang der umkämpften Frontlinie im Norden des Landes."
    )
    assert annotations(small(text)) == annotations(large(text))
    info = small.get_pipe("lagebild_tagger").cache_info()
    for cache in info.values():
        assert cache.maxsize == 8
        assert cache.currsize <= 8
        assert cache.misses > 8  # more distinct forms than fit
    assert annotations(small(text)) == annotations(large(text))


def test_pickle_round_trip(nlp):
    text = "Der Gesandte sagte, die Verhandlungen in Doha seien vertagt worden."
    expected = annotations(nlp(text))
    restored = pickle.loads(pickle.dumps(nlp))
    assert restored.pipe_names == nlp.pipe_names
    component = restored.get_pipe("lagebild_tagger")
    assert isinstance(component, HanTaTagger)
    assert component.cache_size == nlp.get_pipe("lagebild_tagger").cache_size
    assert annotations(restored(text)) == expected


def test_threads_share_the_model(nlp):
    texts = [f"Am {day}. Juni meldeten Helfer {day * 10} Verletzte in der Stadt." for day in range(1, 9)]
    expected = [annotations(doc) for doc in make_nlp().pipe(texts)]
    results: list[list] = [None] * 4

    def work(i: int) -> None:
        results[i] = [annotations(doc) for doc in nlp.pipe(texts)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_overlong_tokens_keep_their_text(nlp):
    link = "https://example.invalid/" + "abschnitt/" * 10 + "ende"
    assert len(link) > MAX_WORD
    doc = nlp(f"Details stehen unter {link} im Bericht.")
    token = next(t for t in doc if t.text == link)
    assert token.tag_ == "XY"
    assert token.lemma_ == link
    assert doc[-2].tag_ == "NN"  # the sentence around it is tagged as usual


def test_overwrite_false_keeps_earlier_lemmas():
    nlp = spacy.blank("de")

    @spacy.Language.component("test_lemma_marker")
    def marker(doc):
        for token in doc:
            token.lemma_ = "X"
        return doc

    nlp.add_pipe("test_lemma_marker")
    nlp.add_pipe("lagebild_tagger", config={"overwrite": False})
    doc = nlp("Die Soldaten kamen.")
    assert [t.lemma_ for t in doc] == ["X"] * len(doc)
    assert doc[1].tag_ == "NN"


@pytest.mark.parametrize("config", [{"cache_size": 0}, {"max_chunk": 0}])
def test_invalid_config(config):
    with pytest.raises(ValueError):
        make_nlp(**config)


def test_urls_and_addresses_are_xy(nlp):
    doc = nlp("Mehr auf www.beispiel.invalid oder per Mail an presse@beispiel.de.")
    tokens = by_text(doc)
    assert tokens["www.beispiel.invalid"].tag_ == "XY"
    assert tokens["www.beispiel.invalid"].lemma_ == "www.beispiel.invalid"
