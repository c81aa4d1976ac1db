"""A small hand-made Report for the rendering tests: two articles, one of them hostile.

Document A is an ordinary article with figures 12.000 (Geheimdienst, 24.10.2024) and
3.000 (John Kirby, 23.10.2024). Document B carries hostile text in its title, one
sentence, a quote and an actor role, to check that everything renders as text. Document C
(05.11.2024) adds 11.000 (Ukraine) and "mehr als 10.000" (NATO, "am Montag": its sentence is
dated 04.11.2024), so that the series "nordkoreanische Soldaten" holds 3.000, 10.000, 11.000
and 12.000 — compatible with each other, so without conflict.
"""

from __future__ import annotations

from generator.model import (
    Actor,
    Claim,
    Document,
    Figure,
    Mention,
    Region,
    Report,
    Sentence,
    Source,
    Statement,
)
from generator.resolve.facts import derive_facts

DOC_A = "000_aaaa1111"
DOC_B = "001_bbbb2222"
DOC_C = "002_cccc3333"
HOSTILE_SENTENCE = (
    "Der Kreml sprach von <script>alert(1)</script> und [x](javascript:alert(1)) "
    "sowie {{ config }} | Spalte *fett* _kursiv_ {#s1} & &lt;b&gt;."
)
HOSTILE_TITLE = "Zweifel </title><script>alert(2)</script> an Zahlen"
CLAIM_KURSK = "Nordkoreanische Soldaten sind in der Region Kursk"
CLAIM_SENT = "Nordkorea hat Soldaten nach Russland entsandt"


def _document(source: Source, paragraphs: list[list[str]], heading: str) -> Document:
    """Build text and sentences with offsets; the heading is paragraph 0."""
    text, sentences = "", []
    for p, para in enumerate([[heading], *paragraphs]):
        if text:
            text += "\n\n"
        for i, sent in enumerate(para):
            if i:
                text += " "
            start = len(text)
            text += sent
            sentences.append(Sentence(len(sentences), sent, p, start, len(text), heading=p == 0))
    return Document(source=source, text=text, sentences=sentences)


def _documents() -> list[Document]:
    a = _document(
        Source(
            id=DOC_A,
            path=f"{DOC_A}.txt",
            title="Kiew: Nordkoreanische Soldaten in Kursk gesichtet",
            outlet="CNN",
            published="2024-10-24",
            url="https://example.org/kursk?a=1&b=2",
        ),
        [
            [
                "Der ukrainische Militärgeheimdienst gab am Donnerstag bekannt, dass nordkoreanische "
                "Soldaten in der Region Kursk gesichtet worden seien.",
                "Fast 12.000 nordkoreanische Soldaten würden im Fernen Osten Russlands ausgebildet, "
                "teilte der Geheimdienst mit.",
            ],
            [
                "John Kirby sagte am Mittwoch, dass mindestens 3.000 nordkoreanische Soldaten in "
                "Ostrussland eingetroffen seien.",
                "Wladimir Putin bestritt nicht, dass Pjöngjang Soldaten geschickt habe.",
            ],
        ],
        heading="Kiew: Nordkoreanische Soldaten in Kursk gesichtet",
    )
    b = _document(
        Source(
            id=DOC_B,
            path=f"{DOC_B}.txt",
            title=HOSTILE_TITLE,
            outlet="Tagesspiegel",
            published="2024-10-28",
            url="javascript:alert(3)",
            inferred=["published"],
        ),
        [
            [
                HOSTILE_SENTENCE,
                "Putin sagte, es gebe „keine nordkoreanischen Soldaten in Kursk“.",
            ],
            ["Kirby sagte, insgesamt würden wohl 12.000 Soldaten nach Russland entsandt."],
        ],
        heading="Zweifel an Zahlen",
    )
    c = _document(
        Source(
            id=DOC_C,
            path=f"{DOC_C}.txt",
            title="Kiew: 11.000 nordkoreanische Soldaten in Kursk",
            outlet="ATS",
            published="2024-11-05",
        ),
        [
            [
                "Laut Kiew sind bereits 11.000 nordkoreanische Soldaten in Russland stationiert.",
                "Die NATO hatte am Montag erklärt, mehr als 10.000 nordkoreanische Truppen seien nach "
                "Russland geschickt worden.",
            ]
        ],
        heading="Kiew: 11.000 nordkoreanische Soldaten in Kursk",
    )
    c.sentences[2].date = "2024-11-04"  # "am Montag", resolved against 05.11.2024
    return [a, b, c]


def _m(doc: str, sentence: int, text: str) -> Mention:
    return Mention(doc=doc, sentence=sentence, text=text)


def sample_report() -> Report:
    """A fresh Report (callers may mutate it)."""
    actors = [
        Actor(
            "ukrainischer-militaergeheimdienst-hur",
            "Ukrainischer Militärgeheimdienst (HUR)",
            "organization",
            role="Militärgeheimdienst der Ukraine",
            country="UA",
            aliases=["HUR"],
            mentions=[_m(DOC_A, 1, "ukrainische Militärgeheimdienst"), _m(DOC_A, 2, "Geheimdienst")],
        ),
        Actor(
            "john-kirby",
            "John Kirby",
            "person",
            role="Sprecher | <i>Sicherheitsrat</i> der USA",
            country="US",
            mentions=[_m(DOC_A, 3, "John Kirby"), _m(DOC_B, 3, "Kirby")],
        ),
        Actor(
            "wladimir-putin",
            "Wladimir Putin",
            "person",
            role="Präsident Russlands",
            country="RU",
            aliases=["Putin"],
            mentions=[_m(DOC_A, 4, "Wladimir Putin"), _m(DOC_B, 2, "Putin")],
        ),
        Actor(
            "kreml",
            "Kreml",
            "organization",
            role="russische Präsidialverwaltung",
            country="RU",
            mentions=[_m(DOC_B, 1, "Kreml")],
        ),
        Actor(
            "nordkorea",
            "Nordkorea",
            "state",
            country="KP",
            aliases=["Pjöngjang"],
            mentions=[_m(DOC_A, 4, "Pjöngjang")],
        ),
        Actor("ukraine", "Ukraine", "state", country="UA", aliases=["Kiew"], mentions=[_m(DOC_C, 1, "Kiew")]),
        Actor("nato", "NATO", "organization", role="Militärbündnis", mentions=[_m(DOC_C, 2, "NATO")]),
    ]
    regions = [
        Region(
            "kursk",
            "Kursk",
            "region",
            country="RU",
            lat=51.73,
            lon=36.19,
            mentions=[_m(DOC_A, 1, "Region Kursk"), _m(DOC_B, 2, "Kursk"), _m(DOC_C, 0, "Kursk")],
        ),
        Region(
            "ferner-osten-russlands",
            "Ferner Osten Russlands",
            "area",
            country="RU",
            mentions=[_m(DOC_A, 2, "Fernen Osten Russlands")],
        ),
        Region(
            "russland",
            "Russland",
            "country",
            country="RU",
            mentions=[
                _m(DOC_A, 3, "Ostrussland"),
                _m(DOC_B, 3, "Russland"),
                _m(DOC_C, 1, "Russland"),
                _m(DOC_C, 2, "Russland"),
            ],
        ),
    ]
    figures = [
        Figure(
            f"{DOC_A}-f1",
            DOC_A,
            2,
            12000,
            "Fast 12.000",
            qualifier="fast",
            counts="Soldaten",
            subject="nordkoreanische Soldaten in Russland",
            attributed_to="ukrainischer-militaergeheimdienst-hur",
            date="2024-10-24",
            regions=["ferner-osten-russlands"],
        ),
        Figure(
            f"{DOC_A}-f2",
            DOC_A,
            3,
            3000,
            "mindestens 3.000",
            qualifier="mindestens",
            counts="Soldaten",
            subject="nordkoreanische Soldaten in Ostrussland",
            attributed_to="john-kirby",
            date="2024-10-23",
            regions=["russland"],
        ),
        Figure(
            f"{DOC_B}-f1",
            DOC_B,
            3,
            12000,
            "12.000",
            counts="Soldaten",
            subject="entsandte nordkoreanische Soldaten",
            attributed_to="john-kirby",
            date=None,
            regions=["russland"],
        ),
        Figure(
            f"{DOC_C}-f1",
            DOC_C,
            1,
            11000,
            "11.000",
            counts="Soldaten",
            subject="nordkoreanische Soldaten in Russland",
            attributed_to="ukraine",
            date="2024-11-05",
            regions=["russland"],
        ),
        Figure(
            f"{DOC_C}-f2",
            DOC_C,
            2,
            10000,
            "mehr als 10.000",
            qualifier="mehr als",
            counts="Truppen",
            subject="nordkoreanische Truppen",
            attributed_to="nato",
            date="2024-11-05",
            regions=["russland"],
        ),
    ]
    claims = [
        Claim(
            "nordkoreanische-soldaten-sind-in-der-region-kursk",
            CLAIM_KURSK,
            actors=["nordkorea"],
            regions=["kursk"],
            statements=[
                Statement(
                    "st1", DOC_A, 1, "ukrainischer-militaergeheimdienst-hur", "asserts", date="2024-10-24"
                ),
                Statement(
                    "st2",
                    DOC_B,
                    2,
                    "wladimir-putin",
                    "denies",
                    quote="keine nordkoreanischen Soldaten in Kursk",
                ),
                Statement("st3", DOC_B, 1, "kreml", "doubts", quote="<script>alert(1)</script>"),
            ],
        ),
        Claim(
            "nordkorea-hat-soldaten-nach-russland-entsandt",
            CLAIM_SENT,
            actors=["nordkorea"],
            regions=["russland"],
            statements=[
                Statement(
                    "st4", DOC_A, 2, "ukrainischer-militaergeheimdienst-hur", "asserts", date="2024-10-24"
                ),
                Statement("st5", DOC_A, 3, "john-kirby", "asserts", date="2024-10-23"),
                Statement("st6", DOC_A, 4, "wladimir-putin", "confirms", date="2024-10-24"),
                Statement("st7", DOC_B, 3, "john-kirby", "confirms"),
                Statement("st8", DOC_C, 2, "nato", "asserts", date="2024-11-05"),
            ],
        ),
    ]
    report = Report(documents=_documents(), actors=actors, regions=regions, figures=figures, claims=claims)
    return derive_facts(report)
