"""One entity, one page: spellings of one name merge, near misses stay apart, renamed entries
show the name of their articles' time, and merging keeps every published address."""

from __future__ import annotations

import pytest

from generator.extract import Extracted
from generator.extract.base import DocState
from generator.knowledge.base import Entry, KnowledgeBase
from generator.knowledge.names import name_key, same_name
from generator.model import Document, Mention, Report, Sentence, Source
from generator.resolve.merge import resolve
from generator.resolve.permalinks import Permalinks

# -- the rule ---------------------------------------------------------------------------------
VARIANTS = [
    ("Erdoğan", "Erdogan"),  # ğ/g
    ("Kılıçdaroğlu", "Kilicdaroglu"),  # ı/i, ç/c
    ("Beşiktaş", "Besiktas"),  # ş/s
    ("Séjourné", "Sejourne"),  # é/e
    ("Baschar", "Bashar"),  # sch/sh
    ("Dschalal", "Jalal"),  # dsch/j
    ("Jemen", "Yemen"),  # j/y
    ("Kowalew", "Kovalev"),  # w/v
    ("Charkiw", "Kharkiv"),  # ch/kh
    ("Tschernihiw", "Chernihiv"),  # tsch/ch
    ("Mossul", "Mosul"),  # doubled letters
    ("Raqqa", "Rakka"),
    ("Rakka", "Raka"),
    ("Sanaa", "Sana"),
    ("Selenski", "Selenskyj"),
    ("Zelensky", "Selenskyj"),
    ("Baschar al-Assad", "Bashar Assad"),  # the Arabic article
    ("Hamad el-Masri", "Hamad Masri"),
    ("Tamim Al Thani", "Tamim Thani"),
    ("Le Pens", "Le Pen"),  # genitive
    ("Putins", "Putin"),
    ("Assads", "Assad"),
    ("Zaw Min Tun", "Zaw Min Htun"),
]


@pytest.mark.parametrize(("a", "b"), VARIANTS)
def test_spelling_variants_are_one_name(a: str, b: str) -> None:
    assert same_name(a, b) and same_name(b, a)


NEAR_MISSES = [
    ("Anna Berg", "Jonas Berg"),  # another first name
    ("Anna Berg", "Anne Berg"),  # an edit in a short word is another name
    ("Hans Müller", "Hanna Müller"),
    ("Kretschmer", "Kretschmann"),  # two edits
    ("Berg", "Borg"),  # short names must be equal
    ("Palästinenser", "Palästina"),
    ("Iran", "Irak"),
    ("Tunis", "Tunesien"),
    ("Ahmad al-Sharaa", "Ahmed al-Charaa"),  # given names differ: only a person may vary there
]


@pytest.mark.parametrize(("a", "b"), NEAR_MISSES)
def test_near_misses_are_other_names(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_a_persons_given_name_may_vary_in_a_vowel() -> None:
    assert same_name("Ahmad al-Sharaa", "Ahmed al-Charaa", person=True)
    assert not same_name("Anna Berg", "Anne Berg", person=True)


def test_the_key_folds_spellings_not_meaning() -> None:
    assert name_key("Baschar al-Assad") == name_key("Bashar Assad") == name_key("Baschar el-Assad")
    assert name_key("Tunis") != name_key("Tuni")  # the s of a name is kept; only a pair can be a genitive


# -- resolution across documents --------------------------------------------------------------
def doc(doc_id: str, published: str | None, *ents: tuple[str, str, str, str, str | None]) -> Extracted:
    """A document with one sentence naming `ents` (key, name, category, type, country)."""
    text = " ".join(name for _, name, *_ in ents)
    state = DocState(doc_id)
    for key, name, category, type_, country in ents:
        ent = state.entity(key, name, category, type_, country=country)
        ent.mentions.append(Mention(doc=doc_id, sentence=0, text=name))
    source = Source(id=doc_id, path=f"{doc_id}.txt", title=doc_id, published=published)
    sentence = Sentence(index=0, text=text, paragraph=0, start=0, end=len(text))
    return Extracted(Document(source=source, text=text, sentences=[sentence]), state)


def person(name: str) -> tuple[str, str, str, str, None]:
    return (f"person:{name.lower().replace(' ', '-')}", name, "actor", "person", None)


def place(name: str, country: str | None, type_: str = "city") -> tuple[str, str, str, str, str | None]:
    return (f"{type_}:{name.lower()}", name, "region", type_, country)


def org(name: str, country: str | None) -> tuple[str, str, str, str, str | None]:
    return (f"org:{name.lower()}", name, "actor", "organization", country)


def names(report: Report) -> list[str]:
    return sorted(e.name for e in [*report.actors, *report.regions])


def test_spellings_of_one_person_in_two_documents_are_one_page() -> None:
    report = resolve(
        [
            doc("a", "2024-12-01", person("Baschar al-Assad"), person("Recep Tayyip Erdoğan")),
            doc("b", "2024-12-02", person("Bashar Assad"), person("Erdogan")),
            doc("c", "2024-12-03", person("Ahmad al-Sharaa"), person("Assads")),
            doc("d", "2024-12-04", person("Ahmed al-Charaa")),
        ]
    )
    assert names(report) == ["Ahmad al-Sharaa", "Baschar al-Assad", "Recep Tayyip Erdoğan"]
    assad = next(a for a in report.actors if a.name == "Baschar al-Assad")
    assert {m.doc for m in assad.mentions} == {"a", "b", "c"}
    assert {"Bashar Assad", "Assads"} <= set(assad.aliases)


def test_people_of_one_surname_stay_apart() -> None:
    report = resolve(
        [
            doc("a", None, person("Anna Berg")),
            doc("b", None, person("Jonas Berg")),
            doc("c", None, person("Berg")),
        ]
    )
    assert names(report) == ["Anna Berg", "Berg", "Jonas Berg"]  # "Berg" alone could be either


def test_spellings_of_one_place_are_one_page_but_not_across_countries() -> None:
    report = resolve(
        [
            doc("a", None, place("Raqqa", "SY"), place("Sanaa", "YE"), place("Alexandria", "EG")),
            doc("b", None, place("Rakka", "SY"), place("Sana", None), place("Aleksandrija", "UA")),
            doc("c", None, place("Raka", None), place("Rakkas", None)),
        ]
    )
    assert len(report.regions) == 4
    raqqa = next(r for r in report.regions if r.name.startswith("Ra"))
    assert {m.text for m in raqqa.mentions} == {"Raqqa", "Rakka", "Raka", "Rakkas"}
    assert sorted(r.country for r in report.regions if r.name.startswith("Ale")) == ["EG", "UA"]


def test_parties_of_two_countries_and_a_person_named_like_a_place_stay_apart() -> None:
    report = resolve(
        [
            doc("a", None, org("Républicains", "FR"), person("Jordan Ross"), place("Jordan", None, "area")),
            doc("b", None, org("Republicans", "US"), person("Jordan")),
        ]
    )
    assert names(report) == ["Jordan", "Jordan", "Jordan Ross", "Republicans", "Républicains"]
    assert [r.name for r in report.regions] == ["Jordan"]  # the area is no person


def test_two_knowledge_base_entries_never_merge_by_name() -> None:
    kb = KnowledgeBase()
    for key, name in (
        ("org:sozialistische-partei", "Sozialistische Partei"),
        ("org:sozialistischen-partei", "Sozialistischen Partei"),
    ):
        kb.entries[key] = Entry(key=key, name=name, category="organization")
    ents = [
        ("sozialistische-partei", "Sozialistische Partei"),
        ("sozialistischen-partei", "Sozialistischen Partei"),
    ]
    extracted = [
        doc(str(i), None, (f"org:{k}", n, "actor", "organization", None)) for i, (k, n) in enumerate(ents)
    ]
    assert len(resolve(extracted).actors) == 1  # without the knowledge base: one name in two spellings
    assert len(resolve(extracted, knowledge=kb).actors) == 2


# -- names as of the articles' date ------------------------------------------------------------
def renamed_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    key = "org:rassemblement-national-rn"
    kb.entries[key] = Entry(
        key=key,
        name="Rassemblement National (RN)",
        category="organization",
        country="FR",
        former_names=[("Front National (FN)", "2018-06-01")],
    )
    return kb


def party(day: str | None) -> Extracted:
    return doc(f"d{day}", day, ("org:rassemblement-national-rn", "Rassemblement National (RN)", "actor",
                                "organization", "FR"))  # fmt: skip


@pytest.mark.parametrize(
    ("days", "name", "aliases"),
    [
        (["2015-03-01", "2017-05-07"], "Front National (FN)", []),
        (["2015-03-01", "2024-06-30"], "Rassemblement National (RN)", ["Front National (FN)"]),
        (["2018-06-01"], "Rassemblement National (RN)", []),  # the day of the renaming
        ([None], "Rassemblement National (RN)", ["Front National (FN)"]),  # no date: today's name
    ],
)
def test_a_renamed_entry_shows_the_name_of_its_newest_article(days, name, aliases) -> None:
    [actor] = resolve([party(d) for d in days], knowledge=renamed_kb()).actors
    assert actor.name == name
    assert [a for a in actor.aliases if a != "Rassemblement National (RN)"] == aliases


def test_the_shipped_renamings(seed_kb) -> None:
    cases = {
        "org:rassemblement-national-rn": ("2015-12-06", "Front National (FN)"),
        "org:x-twitter": ("2016-01-01", "Twitter"),
        "org:meta": ("2019-01-01", "Facebook"),
        "country:MK": ("2016-01-01", "Mazedonien"),
        "country:SZ": ("2017-01-01", "Swasiland"),
        "country:TR": ("2023-01-01", "Türkei"),  # "Türkiye" is a spelling, no renaming
    }
    for key, (day, old) in cases.items():
        entry = seed_kb.entries[key]
        assert entry.name_on(day) == old, key
        assert entry.name_on("2025-06-01") != old or key == "country:TR", key
    assert seed_kb.entries["country:UA"].former_names == []  # Kiew/Kyjiw: a variant of the capital


@pytest.fixture(scope="module")
def seed_kb() -> KnowledgeBase:
    from generator.knowledge.base import cached_knowledge

    return cached_knowledge(None)


# -- addresses ---------------------------------------------------------------------------------
def test_a_merge_keeps_both_published_addresses() -> None:
    links = Permalinks()
    first = resolve([doc("a", None, person("Baschar al-Assad"))], links)  # published alone ...
    second = resolve([doc("b", None, person("Bashar Assad"))], links)  # ... and this one alone
    assert [a.id for a in first.actors] == ["baschar-al-assad"]
    assert [a.id for a in second.actors] == ["bashar-assad"]
    both = resolve(
        [doc("a", None, person("Baschar al-Assad")), doc("b", None, person("Bashar Assad"))], links
    )
    assert [a.id for a in both.actors] == ["baschar-al-assad"]
    assert both.redirects["akteure/bashar-assad"] == "akteure/baschar-al-assad"


# -- from text to pages ------------------------------------------------------------------------
ARTICLES = [
    ("2015-03-10", "Der syrische Präsident Baschar al-Assad empfing am Montag Gäste. Der Front National "
     "legte bei der Wahl zu, sagte Marine Le Pen. Die Kämpfer hielten Raqqa."),
    ("2015-04-01", "Bashar al-Assad sagte, die Armee habe Rakka eingekesselt. Le Pens Partei Front National "
     "verlor. Auf Twitter schrieb Erdoğan, Mazedonien müsse handeln."),
    ("2016-05-02", "Der türkische Präsident Recep Tayyip Erdogan sagte, die Lage sei ernst. Die Républicains "
     "kritisierten die Regierung, die Republikaner in Washington schwiegen."),
]  # fmt: skip


@pytest.fixture(scope="module")
def text_report(extractor, seed_kb):
    def build(articles: list[tuple[str, str]]) -> Report:
        from generator.corpus.read import RawArticle

        raw = [RawArticle(id=f"t{i}", path=f"t{i}.txt", text=text, meta={"title": "T", "published": day})
               for i, (day, text) in enumerate(articles)]  # fmt: skip
        return resolve(extractor.extract(raw), knowledge=seed_kb)

    return build


def test_articles_of_2015_get_one_page_per_entity_under_the_names_of_2015(text_report) -> None:
    report = text_report(ARTICLES)
    by_name = {e.name: e for e in [*report.actors, *report.regions]}
    docs = {name: sorted({m.doc for m in e.mentions}) for name, e in by_name.items()}
    assert docs["Baschar al-Assad"] == ["t0", "t1"]
    assert docs["Marine Le Pen"] == ["t0", "t1"]  # "Le Pens Partei"
    assert docs["Recep Tayyip Erdogan"] == ["t1", "t2"]
    [raqqa] = [r for r in report.regions if "Raqqa" in {m.text for m in r.mentions}]
    assert {m.text for m in raqqa.mentions} == {"Raqqa", "Rakka"}
    assert {"Front National (FN)", "Twitter", "Mazedonien"} <= set(by_name)
    assert not {"Rassemblement National (RN)", "X (Twitter)", "Nordmazedonien"} & set(by_name)
    parties = {by_name[n].country for n in ("Les Républicains (LR)", "Republikanische Partei")}
    assert parties == {"FR", "US"}


def test_a_newer_article_brings_todays_name_and_keeps_the_old_one_as_alias(text_report) -> None:
    report = text_report(
        [*ARTICLES, ("2024-06-30", "Der Rassemblement National gewann, sagte Jordan Bardella.")]
    )
    [party] = [a for a in report.actors if a.keys == ["actor:org:rassemblement-national-rn"]]
    assert party.name == "Rassemblement National (RN)"
    assert "Front National (FN)" in party.aliases
