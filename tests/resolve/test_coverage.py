"""The report's coverage and each claim's sources: facts the pages print, computed in resolution."""

from __future__ import annotations

from report_fixture import CLAIM_KURSK, CLAIM_SENT, sample_report

from generator.model import Coverage, Document, Source
from generator.resolve.facts import coverage


def _doc(ident: str, outlet: str | None, published: str | None) -> Document:
    return Document(Source(ident, f"{ident}.txt", ident, outlet=outlet, published=published), "")


def test_coverage_counts_articles_outlets_and_spans_their_dates() -> None:
    docs = [
        _doc("a", "CNN", "2024-10-24"),
        _doc("b", "cnn ", "2025-04-26"),  # the same outlet, spelt differently
        _doc("c", "ATS", None),
        _doc("d", None, "2024-10-23"),
    ]
    found = coverage(docs)
    assert (found.articles, found.outlets, found.undated) == (4, 2, 1)
    assert (found.first, found.last) == ("2024-10-23", "2025-04-26")
    assert coverage([]) == Coverage()
    empty = coverage([_doc("x", " ", None)])  # a blank outlet is no outlet
    assert (empty.articles, empty.outlets, empty.first, empty.last, empty.undated) == (1, 0, None, None, 1)


def test_resolution_sets_coverage_and_claim_sources() -> None:
    report = sample_report()
    assert (report.coverage.articles, report.coverage.outlets) == (3, 3)
    assert (report.coverage.first, report.coverage.last) == ("2024-10-24", "2024-11-05")
    sources = {c.text: c.status.sources for c in report.claims}
    assert sources == {CLAIM_SENT: 3, CLAIM_KURSK: 2}  # statements in 3 and in 2 articles
    assert report.to_dict()["coverage"]["last"] == "2024-11-05"  # exported with the data
