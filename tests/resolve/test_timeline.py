"""The Chronik: entries by the date their sentence refers to, publications by their date.

The month pages are tested in tests/render/test_timeline_pages.py.
"""

from __future__ import annotations

from report_fixture import sample_report

from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations
from generator.resolve.timeline import Day, Entry, Month, days, months, split


def test_days_are_ordered_and_use_the_sentence_date() -> None:
    ix = ReportIndex(sample_report())
    found = days(ix, Relations(ix))
    assert [d.date for d in found] == ["2024-10-23", "2024-10-24", "2024-10-28", "2024-11-04", "2024-11-05"]
    monday = found[3]
    assert [(e.kind, e.resolved) for e in monday.entries] == [("statement", True), ("figure", True)]
    published = [e for d in found for e in d.entries if e.kind == "published"]
    assert [(e.date, e.doc) for e in published] == [
        ("2024-10-24", "000_aaaa1111"),
        ("2024-10-28", "001_bbbb2222"),
        ("2024-11-05", "002_cccc3333"),
    ]


def test_undated_entries_come_last() -> None:
    report = sample_report()
    report.documents[1].source.published = None
    ix = ReportIndex(report)
    found = days(ix, Relations(ix))
    assert found[-1].date == "" and found[-1].anchor == "ohne-datum"
    assert {e.doc for e in found[-1].entries} == {"001_bbbb2222"}


def test_a_month_that_fits_on_a_page_is_not_split() -> None:
    ix = ReportIndex(sample_report())
    october = months(days(ix, Relations(ix)))[0]
    assert october.key == "2024-10" and split(october) == []
    assert split(october, limit=sum(len(d.entries) for d in october.days)) == []


def test_a_long_month_is_split_into_weeks_then_days_then_parts() -> None:
    def entries(iso: str, n: int) -> Day:
        return Day(iso, [Entry(iso, "published", f"d{iso}-{i}") for i in range(n)])

    # Week 43 of 2024 is 21.–27.10., week 44 starts on 28.10.
    month = Month(
        "2024-10",
        [
            entries("2024-10-01", 2),
            entries("2024-10-02", 1),
            entries("2024-10-24", 3),
            entries("2024-10-25", 7),
            entries("2024-10-28", 2),
        ],
    )
    pages = split(month, limit=4)
    assert [(p.slug, p.title, [len(d.entries) for d in p.days]) for p in pages] == [
        ("2024-10-kw40", "KW 40 (01.10.–02.10.2024)", [2, 1]),
        ("2024-10-24", "24.10.2024", [3]),  # week 43 has 10 entries: a page per day
        ("2024-10-25", "25.10.2024, Teil 1 von 2", [4]),  # 7 entries: cut into parts
        ("2024-10-25-teil-2", "25.10.2024, Teil 2 von 2", [3]),
        ("2024-10-kw44", "KW 44 (28.10.2024)", [2]),
    ]
    assert [e.doc for p in pages for d in p.days for e in d.entries] == [
        e.doc for d in month.days for e in d.entries
    ], "every entry on exactly one page, in order"
    assert pages[0].path == "chronik/2024-10-kw40.md" and pages[0].count("published") == 3


def test_undated_entries_are_cut_into_parts_only() -> None:
    month = Month("", [Day("", [Entry("", "published", f"d{i}") for i in range(5)])])
    assert [(p.slug, p.title) for p in split(month, limit=2)] == [
        ("ohne-datum-teil-1", "Ohne Datum, Teil 1 von 3"),  # "ohne-datum" is the month's overview
        ("ohne-datum-teil-2", "Ohne Datum, Teil 2 von 3"),
        ("ohne-datum-teil-3", "Ohne Datum, Teil 3 von 3"),
    ]
