"""The lookups that replace per-sentence scans of the whole document answer exactly as the scans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.base import LocalEntity
from generator.extract.organizations import SeenOrganizations
from generator.extract.persons import PeopleIndex
from generator.knowledge.names import close_spelling
from generator.model import Mention

GIVEN = ["Anna", "Anne", "Lai", "Petra", "Wladimir"]
SURNAMES = [
    "Berg",
    "Bergs",
    "Berk",
    "Lindqvist",
    "Lindquist",
    "Ching-te",
    "Al-Assad",
    "Assad",
    "Ab",
    "Putin",
    "Putins",
]
WORDS = [*GIVEN, *SURNAMES, "Anna Berg", "Lai Ching-te"]


def person(n: int, name: str) -> LocalEntity:
    return LocalEntity(key=f"person:{n}", name=name, category="actor", type="person")


def scan_close(people: list[LocalEntity], word: str) -> list[LocalEntity]:
    return [p for p in people if close_spelling(p.name.split()[-1], word)]


def scan_first_word(people: list[LocalEntity], parts: list[str]) -> LocalEntity | None:
    if len(parts) == 1:
        found = [p for p in people if len(p.name.split()) > 1 and p.name.split()[0] == parts[0]]
    else:
        found = [p for p in people if p.name == parts[0]]
    return found[0] if len(found) == 1 else None


names = st.builds(
    lambda first, last, full: f"{first} {last}" if full else last,
    st.sampled_from(GIVEN),
    st.sampled_from(SURNAMES),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(names, max_size=12),
    st.lists(st.tuples(st.integers(0, 11), names), max_size=4),
    st.sets(st.integers(0, 11), max_size=3),
    st.sampled_from(WORDS),
)
def test_people_index_answers_as_a_scan(
    given_names: list[str], renames: list[tuple[int, str]], dropped: set[int], word: str
) -> None:
    people = [person(n, name) for n, name in enumerate(given_names)]
    alive = {p.id for n, p in enumerate(people) if n not in dropped}
    index = PeopleIndex(people[: len(people) // 2], alive=lambda p: p.id in alive)
    for p in people[len(people) // 2 :]:
        index.add(p)  # people found later in the document
    for n, name in renames:
        if n < len(people):
            index.rename(people[n], name)
    living = [p for p in people if p.id in alive]
    assert list(index.close_to(word)) == scan_close(living, word)
    for parts in ([word], [word, "X"]):
        assert index.by_first_word(parts) == scan_first_word(living, parts)


def org(n: int, name: str, mentions: list[str]) -> LocalEntity:
    ent = LocalEntity(key=f"org:{n}", name=name, category="actor", type="organization")
    ent.mentions = [Mention(doc="d", sentence=0, text=t, start=0, end=len(t)) for t in mentions]
    return ent


def refers(noun: str, ent: LocalEntity, words: tuple[set[str], set[str]]) -> bool:
    """The rule of OrganizationPatterns._refers_to without the knowledge base."""
    low = noun.lower()
    texts, first_words = words
    return (
        ent.name.split()[-1].lower().endswith(low)
        or any(t.endswith(low) for t in texts)
        or any(low in w for w in first_words)
    )


def refers_scan(noun: str, ent: LocalEntity) -> bool:
    low = noun.lower()
    return (
        ent.name.split()[-1].lower().endswith(low)
        or any(m.text.lower().endswith(low) for m in ent.mentions)
        or any(low in m.text.lower().split()[0] for m in ent.mentions if " " in m.text)
    )


ORG_NAMES = ["Geheimdienst Nord", "Amt für Wasser", "Hilfsorganisation Helfende Hände", "Miliz", "Bündnis"]
NOUNS = ["Geheimdienst", "Amt", "Organisation", "Miliz", "Bündnis", "Wasser", "Dienst"]
TEXTS = [
    "der Geheimdienst",
    "Geheimdienstes",
    "Hilfsorganisation Helfende Hände",
    "die Miliz",
    "Amt",
    "Wasser",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("name"), st.integers(0, 4)),  # a sentence naming organisation n
            st.tuples(st.just("ask"), st.sampled_from(NOUNS)),  # a bare noun looking back
            st.tuples(st.just("mention"), st.integers(0, 4), st.sampled_from(TEXTS)),  # a new mention
        ),
        max_size=30,
    )
)
def test_seen_organisations_answer_as_a_scan_of_every_earlier_mention(steps: list[tuple]) -> None:
    orgs = [org(n, name, []) for n, name in enumerate(ORG_NAMES)]
    seen, scanned = SeenOrganizations(refers), []
    for step in steps:
        if step[0] == "name":
            seen.extend([orgs[step[1]]])
            scanned.append(orgs[step[1]])
        elif step[0] == "ask":
            expected = next((e for e in reversed(scanned) if refers_scan(step[1], e)), None)
            assert seen.latest(step[1]) is expected
        else:
            ent = orgs[step[1]]
            ent.mentions.append(Mention(doc="d", sentence=1, text=step[2], start=0, end=len(step[2])))
            seen.read(ent)
