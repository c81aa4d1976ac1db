"""The scoring follows ANNOTATION.md: normalisation, greedy matching, sentence overlap."""

from __future__ import annotations

import pytest

from generator.evaluate.annotation import evaluate, normalise, sentences_overlap


def doc(**kw):
    base = {
        "document": "a.txt",
        "outlet": None,
        "published": None,
        "actors": [],
        "regions": [],
        "figures": [],
        "claims": [],
    }
    return {**base, **kw}


def test_normalise() -> None:
    assert normalise("Ukrainischer Militärgeheimdienst (HUR)") == "ukrainischer militärgeheimdienst"
    assert normalise("  „NATO-Staaten“!  ") == "nato-staaten"
    assert normalise(None) == ""


def test_sentence_overlap() -> None:
    a = "Der Sprecher sagte am Mittwoch, dass mindestens 3.000 Soldaten eingetroffen seien."
    assert sentences_overlap(a, a[:40])
    assert sentences_overlap(a, "Ein Sprecher sagte, dass mindestens 3.000 Soldaten eingetroffen seien.")
    assert not sentences_overlap(a, "Völlig anderer Satz über etwas anderes.")


def test_actor_matching_by_name_sets_and_type() -> None:
    gold = [
        doc(
            actors=[
                {"name": "Wladimir Putin", "type": "person", "mentions": ["Putin"]},
                {"name": "Kreml", "type": "organization", "mentions": ["Kreml"]},
            ]
        )
    ]
    pred = [
        doc(
            actors=[
                {"name": "Putin", "type": "person", "mentions": ["Putin"]},
                {"name": "Kreml", "type": "person", "mentions": ["Kreml"]},
                {"name": "Extra", "type": "person", "mentions": ["Extra"]},
            ]
        )
    ]
    result = evaluate(pred, gold)
    assert (result.scores["actors"].tp, result.scores["actors"].fp, result.scores["actors"].fn) == (2, 1, 0)
    assert result.scores["actors_typed"].tp == 1
    assert result.scores["actors"].precision == pytest.approx(2 / 3)


def test_figures_attribution_qualifier_and_one_to_one() -> None:
    s = "Laut Kiew sind bereits 11.000 Soldaten stationiert."
    g = {"value": 11000, "qualifier": None, "attributed_to": "Ukraine", "sentence": s}
    gold = [doc(actors=[{"name": "Ukraine", "type": "state", "mentions": ["Kiew"]}], figures=[g])]
    p = {"value": 11000.0, "qualifier": None, "attributed_to": "Kiew", "sentence": s}
    pred = [doc(actors=[{"name": "Kiew", "type": "state", "mentions": ["Kiew"]}], figures=[p, dict(p)])]
    result = evaluate(pred, gold)
    assert result.scores["figures"].tp == 1 and result.scores["figures"].fp == 1
    assert result.attribution == (1, 1) and result.qualifier == (1, 1)


def test_claims_need_the_same_claimant_and_metadata_counts() -> None:
    s = "Die NATO bestätigte die Entsendung."
    gold = [
        doc(
            outlet="AP",
            published="2024-10-28",
            actors=[{"name": "NATO", "type": "organization", "mentions": ["NATO"]}],
            claims=[{"claim": "x", "claimant": "NATO", "stance": "confirms", "sentence": s}],
        )
    ]
    pred = [
        doc(
            outlet="AP",
            actors=[{"name": "NATO", "type": "organization", "mentions": ["NATO"]}],
            claims=[
                {"claim": "y", "claimant": "NATO", "stance": "asserts", "sentence": s},
                {"claim": "y", "claimant": None, "stance": "asserts", "sentence": s},
            ],
        )
    ]
    result = evaluate(pred, gold)
    assert result.scores["claims"].tp == 1 and result.scores["claims"].fp == 1
    assert result.stance == (0, 1)
    assert result.metadata == (1, 2)
