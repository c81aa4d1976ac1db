"""Extraction on German text the seeds never mention: other conflicts, other names."""

from __future__ import annotations

from pathlib import Path

import spacy

from generator.extract import Extractor
from generator.nlp import build_pipeline


def actors(result) -> dict[str, tuple[str, set[str]]]:
    return {
        e.name: (e.type, {m.text for m in e.mentions})
        for e in result.state.entities.values()
        if e.category == "actor"
    }


def regions(result) -> dict[str, str]:
    return {e.name: e.type for e in result.state.entities.values() if e.category == "region"}


def test_people_found_by_role_and_surname(extract_text) -> None:
    r = extract_text(
        "Die kenianische Außenministerin Amina Wanjiru-Otieno sagte am Montag, die Lage sei ernst. "
        "Wanjiru-Otieno fügte hinzu, man erwarte Gespräche. "
        "Der Sprecher der Regierung, Tomasz Wrzesniewski, erklärte, es gebe keine Einigung."
    )
    people = {n: a for n, a in actors(r).items() if a[0] == "person"}
    assert "Amina Wanjiru-Otieno" in people
    assert {"Amina Wanjiru-Otieno", "Wanjiru-Otieno"} <= people["Amina Wanjiru-Otieno"][1]
    assert "Tomasz Wrzesniewski" in people
    kenyan = next(e for e in r.state.entities.values() if e.name == "Amina Wanjiru-Otieno")
    assert kenyan.role == "kenianische Außenministerin"


def test_states_places_and_adjectival_forces(extract_text) -> None:
    r = extract_text(
        "Äthiopien warf Eritrea vor, Truppen entsandt zu haben. Eritreische Truppen seien in der Region "
        "Tigray gesichtet worden, teilte Addis Abeba mit. In Asmara blieb es ruhig."
    )
    found = actors(r)
    assert found["Äthiopien"][0] == "state"
    assert "Eritreische Truppen" in found["Eritrea"][1]
    assert "Addis Abeba" in found["Äthiopien"][1]  # a capital used for its government
    places = regions(r)
    assert places.get("Tigray") == "region"
    assert places.get("Asmara") == "city"  # the same capital, used as a place


def test_figures_with_qualifiers_ranges_and_no_dates(extract_text) -> None:
    r = extract_text(
        "Nach Angaben der UN sind mehr als 1,5 Millionen Menschen geflohen. Zwischen 1.000 und 2.000 "
        "Kämpfer stehen bereit, mindestens zwölf Dörfer wurden zerstört. Am 14. März 2024 kamen rund "
        "40 Prozent der Hilfe an."
    )
    figs = {(f.value, f.qualifier, f.counts) for f in r.state.figures}
    assert (1_500_000, "mehr als", "Menschen") in figs
    assert (1000, None, "Kämpfer") in figs and (2000, None, "Kämpfer") in figs
    assert (12, "mindestens", "Dörfer") in figs
    assert (40, "rund", "Prozent") in figs
    assert not {f.value for f in r.state.figures} & {14, 2024}


def test_claims_stances_and_negation(extract_text) -> None:
    r = extract_text(
        "Die Regierung in Caracas wies die Vorwürfe als unbegründete Gerüchte zurück. "
        "Der Präsident Guyanas, Irfaan Ali, bestätigte die Angriffe. "
        "Venezuela bestritt nicht, dass Soldaten an der Grenze stehen. "
        "Es gebe keine Beweise für eine Invasion, sagte die Analystin Maria Lopez-Reyes."
    )
    stances = {(r.state.entities[s.claimant].name, s.stance) for s in r.state.statements}
    assert ("Irfaan Ali", "confirms") in stances
    assert not [
        s for s in r.state.statements if s.sentence == 2
    ]  # "bestritt nicht": no denial, not annotated
    assert ("Maria Lopez-Reyes", "doubts") in stances
    assert any(stance == "denies" for _, stance in stances)


def test_attribution_follows_quotes_and_source_phrases(extract_text) -> None:
    r = extract_text(
        "Laut dem Kommandeur Oleksandr Tarnavskyi griffen 300 Soldaten an. "
        "„Wir haben 40 Panzer zerstört“, sagte Tarnavskyi. "
        "Die Angaben ließen sich nicht unabhängig überprüfen."
    )
    by_value = {f.value: f.attributed_to for f in r.state.figures}
    person = next(e.id for e in r.state.entities.values() if e.name == "Oleksandr Tarnavskyi")
    assert by_value[300] == person and by_value[40] == person


def test_trained_pipeline_is_an_extra_signal(tmp_path: Path) -> None:
    """A stand-in for de_core_news_*: an entity ruler saved as a pipeline, named in the config."""
    stand_in = spacy.blank("de")
    ruler = stand_in.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Quast"}, {"label": "ORG", "pattern": "Fluxwerk"}])
    stand_in.to_disk(tmp_path / "stand_in")
    from generator.corpus.read import RawArticle

    text = "Quast arbeitet bei Fluxwerk. Quast sagte, es gehe voran."
    article = RawArticle(id="t", path="t.txt", text=text, meta={"title": "T"})
    [plain] = Extractor(build_pipeline()).extract([article])
    [trained] = Extractor(build_pipeline(trained=str(tmp_path / "stand_in"))).extract([article])
    assert "Quast" not in actors(plain) and "Fluxwerk" not in actors(plain)
    assert actors(trained)["Quast"][0] == "person"
    assert actors(trained)["Fluxwerk"][0] == "organization"


def test_a_huge_line_is_cut_into_sentences(extract_text) -> None:
    r = extract_text("Titel\n\n" + "Kursk ( " * 16000)
    assert len(r.document.sentences) > 50  # cut, not one 32,000-token sentence (quadratic otherwise)
    assert all(s.end - s.start < 5000 for s in r.document.sentences)
