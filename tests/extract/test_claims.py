"""Who says what: the speaker slot of a cue, its stance in scope, and the confidence of each statement.

The sentences are written for these tests; names of people and bodies are invented.
"""

from __future__ import annotations


def _said(result) -> list[tuple[int, str, str]]:
    state = result.state
    return [(s.sentence, state.entities[s.claimant].name, s.stance) for s in state.statements]


def _by_sentence(result, sentence: int) -> set[str]:
    state = result.state
    return {state.entities[s.claimant].name for s in state.statements if s.sentence == sentence}


def test_a_pronoun_subject_before_the_verb_is_the_speaker_not_the_object(extract_text) -> None:
    r = extract_text(
        "Der serbische Innenminister Anton Weller sprach am Montag in Belgrad. "
        "Zugleich warf er der Regierung in Pristina vor, den Anschlag inszeniert zu haben."
    )
    assert (1, "Anton Weller", "asserts") in _said(r)
    assert _by_sentence(r, 1) == {"Anton Weller"}


def test_a_role_phrase_goes_to_the_person_named_earlier_in_that_role(extract_text) -> None:
    r = extract_text(
        "Der serbische Innenminister Anton Weller besuchte am Montag die Grenze. "
        "Das Kosovo habe die Lage nicht im Griff, sagte der Minister in Belgrad."
    )
    assert _by_sentence(r, 1) == {"Anton Weller"}
    [statement] = [s for s in r.state.statements if s.sentence == 1]
    assert statement.confidence < 0.9  # resolved through the role, not named in the sentence


def test_an_unnamed_role_holder_is_nobody(extract_text) -> None:
    r = extract_text("Die Lage an der Grenze zu Serbien sei ernst, sagte der Minister.")
    assert r.state.statements == []


def test_a_negated_report_is_no_statement_and_ends_the_report(extract_text) -> None:
    r = extract_text(
        "Die Sprecherin Lea Brandt sagte, die Gespräche seien gescheitert. "
        "Welche Gründe es gebe, sagte sie nicht. "
        "Die Delegation habe Belgrad bereits verlassen."
    )
    said = _said(r)
    assert (0, "Lea Brandt", "asserts") in said
    assert not [s for s in said if s[0] in (1, 2)]


def test_a_denial_that_is_not_made_is_not_annotated(extract_text) -> None:
    r = extract_text("Der Botschafter Igor Tamm bestritt nicht, dass Soldaten an der Grenze stehen.")
    assert r.state.statements == []


def test_an_unofficial_confirmation_is_no_confirmation(extract_text) -> None:
    r = extract_text("Die Regierung in Belgrad hat den Vorfall bislang nicht offiziell bestätigt.")
    assert all(s.stance != "confirms" for s in r.state.statements)


def test_no_doubt_is_not_a_doubt(extract_text) -> None:
    r = extract_text("Es besteht kein Zweifel, dass Serbien die Grenze sichern will, sagte Anna Kovač.")
    assert _said(r) == [(0, "Anna Kovač", "asserts")]


def test_rejecting_a_claim_denies_it_but_repelling_an_attack_says_nothing(extract_text) -> None:
    r = extract_text(
        "Die Regierung in Belgrad wies die Vorwürfe am Dienstag zurück. "
        "Die Armee wies den Angriff der Rebellen zurück."
    )
    said = _said(r)
    assert (0, "Serbien", "denies") in said
    assert not [s for s in said if s[0] == 1]


def test_weder_noch_with_verbs_denies_with_adjectives_asserts(extract_text) -> None:
    r = extract_text(
        "Serbien habe weder Waffen geliefert noch Kämpfer geschickt, sagte Marko Ilić. "
        "Die Wahlen seien weder frei noch fair, sagte Vesna Petrić."
    )
    said = _said(r)
    assert (0, "Marko Ilić", "denies") in said
    assert (1, "Vesna Petrić", "asserts") in said


def test_a_source_phrase_through_a_descriptor_noun_names_the_body(extract_text) -> None:
    r = extract_text(
        "Nach Recherchen der Nachrichtenagentur Reuters wurden 40 Häuser in Obertal zerstört. "
        "Die Täter seien entkommen."
    )
    [figure] = r.state.figures
    assert r.state.entities[figure.attributed_to].name == "Reuters"
    assert _by_sentence(r, 0) == {"Reuters"}


def test_confidence_follows_the_evidence(extract_text) -> None:
    r = extract_text(
        "Die Ministerin Clara Hoffmann sagte, die Grenze bleibe geschlossen. "
        "Die Lage sei aber stabil. "
        "Man werde die Kontrollen verstärken, sagte sie."
    )
    by_sentence = {s.sentence: s.confidence for s in r.state.statements}
    assert by_sentence[0] > by_sentence[2] > by_sentence[1]
    assert all(0 < c <= 1 for c in by_sentence.values())


def test_narrative_sentences_without_a_cue_are_no_claims(extract_text) -> None:
    r = extract_text(
        "Serbische Einheiten rückten am Morgen an die Grenze vor. "
        "Der Kosovo hatte 2008 seine Unabhängigkeit erklärt. "
        "In Belgrad demonstrierten am Abend Tausende Menschen."
    )
    assert r.state.statements == []


def test_confidence_fades_with_each_sentence_a_report_is_continued(extract_text) -> None:
    r = extract_text(
        "Die Ministerin Clara Hoffmann sagte, die Grenze bleibe geschlossen. "
        "Die Lage sei aber stabil. "
        "Die Kontrollen seien verstärkt worden. "
        "Weitere Maßnahmen seien nicht geplant."
    )
    by_sentence = {s.sentence: s.confidence for s in r.state.statements}
    assert set(by_sentence) == {0, 1, 2, 3}
    assert by_sentence[0] > by_sentence[1] > by_sentence[2] > by_sentence[3]


def test_a_subject_noun_phrase_before_the_verb_keeps_the_object_out(extract_text) -> None:
    r = extract_text(
        "Ein ungarischer Regierungsvertreter bestätigte der Agentur Reuters, "
        "dass die Grenze geschlossen bleibe."
    )
    assert "Reuters" not in _by_sentence(r, 0)


def test_a_role_word_before_the_name_keeps_the_name_as_subject(extract_text) -> None:
    r = extract_text("Regierungssprecher Anton Weller warf Kiew vor, die Rebellen zu unterstützen.")
    assert _by_sentence(r, 0) == {"Anton Weller"}


def test_a_role_that_fits_two_people_is_an_unsure_attribution(extract_text) -> None:
    r = extract_text(
        "Präsident Anton Weller und Präsident Pavel Kral trafen sich am Montag in Wien. "
        "Die Gespräche seien gut verlaufen, sagte der Präsident."
    )
    [statement] = [s for s in r.state.statements if s.sentence == 1]
    assert statement.confidence < 0.5  # two presidents were named: held back from the pages


def test_a_reported_dependent_clause_reads_as_a_statement(extract_text) -> None:
    r = extract_text(
        "Der Analyst Paul Weber sagte, dass Nordland Truppen nach Südland geschickt habe. "
        "Die Ministerin Clara Hoffmann sagte, dass das Krankenhaus der Stadt getroffen worden sei."
    )
    texts = {s.sentence: s.claim for s in r.state.statements}
    assert texts[0] == "Nordland habe Truppen nach Südland geschickt"
    assert texts[1] == "Das Krankenhaus der Stadt sei getroffen worden"


def test_a_clause_whose_order_is_unclear_stays_as_written(extract_text) -> None:
    r = extract_text(
        "Der Analyst Paul Weber sagte, dass die Lage eine Eskalation darstelle. "
        "Die Ministerin Clara Hoffmann sagte, dass beim Angriff auf das Lager 50 Menschen entkommen seien."
    )
    texts = {s.sentence: s.claim for s in r.state.statements}
    assert texts[0] == "Die Lage eine Eskalation darstelle"  # "stelle … dar" is not rebuilt
    assert texts[1] == "Beim Angriff auf das Lager 50 Menschen entkommen seien"
