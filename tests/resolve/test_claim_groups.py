"""Claims that meet across sources: one claim in any wording, two events apart, tracked claims exact.

The sentences are written for these tests; the names of people are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.corpus.read import RawArticle
from generator.knowledge.schema import shipped_words
from generator.resolve.claims import Wording, group_wordings, same_claim
from generator.resolve.merge import resolve


def _articles(*texts: str) -> list[RawArticle]:
    return [
        RawArticle(
            id=f"a{n}",
            path=f"a{n}.txt",
            text=text,
            meta={"title": f"T{n}", "outlet": f"O{n}", "published": f"2024-10-2{n}"},
        )
        for n, text in enumerate(texts)
    ]


def _claim_of(report, doc: str):
    [claim] = [c for c in report.claims if any(s.doc == doc for s in c.statements)]
    return claim


def test_one_claim_in_active_passive_and_nominal_wording_across_documents(extractor) -> None:
    report = resolve(
        extractor.extract(
            _articles(
                "Nordkorea hat Soldaten nach Russland entsandt, sagte der Analyst Paul Weber.",
                "Nordkoreanische Truppen seien nach Russland geschickt worden, erklärte Anna Lind.",
                "Der Forscher Tim Berger bestätigte die Entsendung nordkoreanischer Soldaten nach Russland.",
            )
        )
    )
    claim = _claim_of(report, "a0")
    assert {s.doc for s in claim.statements} == {"a0", "a1", "a2"}
    # a member's whole clause, not the sentence with its frame ("Der Forscher … bestätigte …")
    assert claim.text in {
        "Nordkorea hat Soldaten nach Russland entsandt",
        "Nordkoreanische Truppen seien nach Russland geschickt worden",
    }
    assert len(claim.keys) == 3  # each wording's key: a page published under it redirects here


def test_the_same_participants_in_another_event_stay_two_claims(extractor) -> None:
    report = resolve(
        extractor.extract(
            _articles(
                "Nordkorea hat Soldaten nach Russland entsandt, sagte der Analyst Paul Weber.",
                "Nordkorea hat Russland Munition geliefert, sagte die Expertin Anna Lind.",
                "Nordkorea hat mit Russland ein Abkommen unterzeichnet, sagte der Forscher Tim Berger.",
            )
        )
    )
    assert len({_claim_of(report, doc).id for doc in ("a0", "a1", "a2")}) == 3


def test_a_tracked_claim_matches_the_claim_content_not_the_rest_of_the_sentence(
    tmp_path: Path,
) -> None:
    from generator.extract import Extractor
    from generator.knowledge.base import build_knowledge
    from generator.nlp import build_pipeline

    knowledge = tmp_path / "knowledge.yml"
    knowledge.write_text(
        "claims:\n  - text: Der Damm bei Obertal ist gebrochen\n    all: [[damm], [gebrochen, bruch]]\n",
        "utf-8",
    )
    extractor = Extractor(build_pipeline(str(knowledge)))
    extracted = extractor.extract(
        _articles(
            "Nach dem Bruch der Gespräche über den Damm sagte der Bürgermeister Paul Weber, "
            "die Ernte in Obertal sei gut.",
            "Der Damm bei Obertal ist gebrochen, sagte die Försterin Anna Lind.",
        )
    )
    report = resolve(extracted, knowledge=build_knowledge(knowledge))
    assert _claim_of(report, "a1").text == "Der Damm bei Obertal ist gebrochen"
    assert _claim_of(report, "a0").text == "Die Ernte in Obertal sei gut"


def _wording(key: str, predicates: list[str], participants: set[str], words: set[str], **extra) -> Wording:
    return Wording(key, key, 1, predicates, words, participants, extra.pop("numbers", []), **extra)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # one event class, two participants in common
        (("entsenden", {"country:KP", "country:RU"}), ("eintreffen", {"country:KP", "country:RU"}), True),
        # one participant in common, and the other side names more: a different event in one country
        (("entsenden", {"country:UA", "group:westen"}), ("entsenden", {"country:KP", "country:UA"}), False),
        # the same participants, another event
        (("entsenden", {"country:KP", "country:RU"}), ("liefern", {"country:KP", "country:RU"}), False),
        # a light verb is no predicate
        (("geben", {"country:KP", "country:RU"}), ("geben", {"country:KP", "country:RU"}), False),
    ],
)
def test_same_claim_needs_a_predicate_class_and_the_core_participants(first, second, same) -> None:
    lists = shipped_words()
    a = _wording("a", [first[0]], first[1], {"Soldat"})
    b = _wording("b", [second[0]], second[1], {"Truppe"})
    lead = group_wordings([a, b], lists)
    assert same_claim(a, b) is same
    assert (lead["a"] == lead["b"]) is same


def test_figures_far_apart_keep_claims_apart() -> None:
    lists = shipped_words()
    kp_ru = {"country:KP", "country:RU"}
    a = _wording("a", ["entsenden"], kp_ru, {"Soldat"}, numbers=["3.000"])
    b = _wording("b", ["entsenden"], kp_ru, {"Soldat"}, numbers=["3000"])
    c = _wording("c", ["entsenden"], kp_ru, {"Soldat"}, numbers=["12.000"])
    lead = group_wordings([a, b, c], lists)
    assert lead["a"] == lead["b"] != lead["c"]


def test_a_group_takes_a_wording_only_when_it_states_what_every_member_states() -> None:
    lists = shipped_words()
    a = _wording("a", ["entsenden"], {"country:KP", "country:RU"}, {"Soldat"})
    b = _wording("b", ["schicken"], {"country:KP", "country:RU", "region:kursk"}, {"Soldat"})
    c = _wording("c", ["stationieren"], {"region:kursk", "country:RU", "country:UA"}, {"Soldat"})
    lead = group_wordings([a, b, c], lists)
    assert lead["a"] == lead["b"] != lead["c"]  # c meets b (Kursk, Russland) but not a


def test_tracked_claims_take_part_in_no_group() -> None:
    lists = shipped_words()
    a = _wording("a", ["entsenden"], {"country:KP", "country:RU"}, {"Soldat"}, tracked=True)
    b = _wording("b", ["entsenden"], {"country:KP", "country:RU"}, {"Soldat"})
    assert group_wordings([a, b], lists) == {"a": "a", "b": "b"}


@pytest.mark.slow
def test_without_tracked_claims_the_seeds_meet_on_the_north_korean_deployment(tmp_path: Path) -> None:
    """The seeds built with no knowledge.yml (a temporary project): the claim that North Korean
    troops were sent to Russia gathers statements from at least three of the five sources."""
    from generator.build import build_report
    from generator.resolve.permalinks import Permalinks
    from generator.settings import Settings

    root = Path(__file__).resolve().parents[2]
    settings = Settings.load(
        tmp_path, overrides={"seeds": root / "seeds", "knowledge": tmp_path / "knowledge.yml", "cache": False}
    )
    assert not settings.knowledge.exists()
    report = build_report(settings, permalinks=Permalinks())
    deployed = [
        c
        for c in report.claims
        if "nordkorea" in c.text.lower()
        and any(w in c.text.lower() for w in ("soldat", "truppe", "streitkräft"))
        and any(w in c.text.lower() for w in ("russland", "kursk"))
    ]
    assert max(len({s.doc for s in c.statements}) for c in deployed) >= 3


def test_a_published_claim_page_keeps_its_address_when_its_wording_joins_a_group(extractor) -> None:
    from generator.resolve.permalinks import Permalinks

    texts = (
        "Nordkorea hat Soldaten nach Russland entsandt, sagte der Analyst Paul Weber.",
        "Nordkoreanische Truppen seien nach Russland geschickt worden, erklärte Anna Lind.",
    )
    permalinks = Permalinks()
    first = resolve(extractor.extract(_articles(*texts)[:1]), permalinks)
    second = resolve(extractor.extract(_articles(*texts)), permalinks)
    published = {c.id for c in first.claims}
    grouped = {c.id for c in second.claims}
    assert len(second.claims) == 1
    assert published <= grouped | {old.partition("/")[2] for old in second.redirects}


def test_a_published_claim_keeps_its_title_when_another_wording_is_stated_more_often(extractor) -> None:
    # The title is on the page and in every row that links it; ten new articles at 1,000 changed
    # 750 pages only in such titles while the leading wording went with the count.
    from generator.resolve.permalinks import Permalinks

    first_text = "Nordkorea hat Soldaten nach Russland entsandt, sagte der Analyst Paul Weber."
    repeated = "Nordkoreanische Truppen seien nach Russland geschickt worden, erklärte Anna Lind."
    permalinks = Permalinks()
    [published] = resolve(extractor.extract(_articles(first_text)), permalinks).claims
    later = extractor.extract(_articles(first_text, repeated, repeated))
    [claim] = resolve(later, permalinks).claims
    assert (claim.id, claim.text) == (published.id, published.text)
    [fresh] = resolve(later, Permalinks()).claims  # never published: the most stated wording leads
    assert fresh.text != published.text and "Truppen" in fresh.text


def test_the_published_wording_is_the_one_the_address_was_made_from() -> None:
    from generator.base.slugs import slugify
    from generator.resolve.merge import published_wording

    stem = (
        "Der Außenminister nannte es in einem Interview mit der Zeitung am Donnerstag eine große Eskalation"
    )
    one, other = f"{stem} des Krieges, sagte Anna Lind", f"{stem} der Lage, sagte Paul Weber"
    slug = slugify(one)
    assert slug == slugify(other)  # they differ only after the address's cut
    assert published_wording(slug, [one, other]) == published_wording(slug, [other, one]) == min(one, other)
    assert published_wording(slugify("Nordkorea entsendet Soldaten") + "-2", ["Nordkorea entsendet Soldaten"])
    assert published_wording("nordkorea-entsendet-soldaten", ["Russland liefert Waffen"]) is None
