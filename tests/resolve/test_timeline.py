"""The Chronik: entries by the date their sentence refers to, publications by their date.

The month pages are tested in tests/render/test_timeline_pages.py.
"""

from __future__ import annotations

from report_fixture import sample_report

from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations
from generator.resolve.timeline import days


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
