"""Incremental rendering: unchanged pages keep their file and time, a failed build can be undone."""

from __future__ import annotations

import os
from pathlib import Path

from report_fixture import DOC_A, DOC_B, DOC_C, sample_report

from generator.model import Report
from generator.render.write import SECTIONS, render_report, restore_sections

OLD = 1_000_000_000_000_000_000  # 2001-09-09 in ns: any file written by a later render is newer


def state(docs: Path) -> dict[str, tuple[bytes, int]]:
    """(bytes, mtime_ns) of every file in the generated sections, by relative path."""
    return {
        p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for s in SECTIONS
        for p in (docs / s).rglob("*")
        if p.is_file()
    }


def rendered(docs: Path, report: Report, **options: object) -> dict[str, tuple[bytes, int]]:
    """Render `report` into `docs`, then date every generated file back to `OLD`."""
    render_report(report, docs, **options)  # type: ignore[arg-type]
    for rel in state(docs):
        os.utime(docs / rel, ns=(OLD, OLD))
    return state(docs)


def source_page(doc_id: str) -> str:
    return f"quellen/{doc_id.replace('_', '-')}.md"


def with_changed_sentence(report: Report) -> Report:
    sentence = next(d for d in report.documents if d.source.id == DOC_C).sentences[-1]
    sentence.text += " Ein weiterer Satz wurde ergänzt."
    return report


def changed(before: dict[str, tuple[bytes, int]], after: dict[str, tuple[bytes, int]]) -> set[str]:
    return {rel for rel in before.keys() & after.keys() if before[rel] != after[rel]}


def test_rendering_the_same_report_again_rewrites_nothing(tmp_path: Path) -> None:
    before = rendered(tmp_path, sample_report())
    render_report(sample_report(), tmp_path)
    assert state(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_changed_sentence_rewrites_only_the_pages_that_show_it(tmp_path: Path) -> None:
    before = rendered(tmp_path, sample_report())
    render_report(with_changed_sentence(sample_report()), tmp_path)
    after = state(tmp_path)
    assert after.keys() == before.keys()
    touched = changed(before, after)
    assert source_page(DOC_C) in touched
    assert all(after[rel][1] > OLD for rel in touched)  # replaced, so newly dated
    assert source_page(DOC_A) not in touched and source_page(DOC_B) not in touched
    assert not [rel for rel in touched if rel.endswith(".svg")]
    assert len(touched) < len(after) // 2


def test_a_removed_entity_loses_its_page_and_nothing_else(tmp_path: Path) -> None:
    before = rendered(tmp_path, sample_report())
    report = sample_report()
    report.actors = [a for a in report.actors if a.id != "kreml"]
    render_report(report, tmp_path)
    after = state(tmp_path)
    assert before.keys() - after.keys() == {"akteure/kreml.md"}
    assert after[source_page(DOC_A)] == before[source_page(DOC_A)]


def test_restore_sections_undoes_a_render_with_mtimes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rendered(docs, sample_report())
    (docs / source_page(DOC_B)).unlink()  # to be added again by the next render
    (docs / "karten" / "unterordner").mkdir()
    (docs / "karten" / "unterordner" / "alt.svg").write_text("<svg/>", encoding="utf-8")
    before = state(docs)
    report = with_changed_sentence(sample_report())
    report.actors = [a for a in report.actors if a.id != "kreml"]
    previous = tmp_path / "previous"
    previous.mkdir()
    render_report(report, docs, previous=previous)
    after = state(docs)
    assert source_page(DOC_B) in after and "akteure/kreml.md" not in after
    assert not (docs / "karten" / "unterordner").exists()  # emptied folders go too
    assert source_page(DOC_C) in changed(before, after)
    restore_sections(previous, docs, set(SECTIONS))
    assert state(docs) == before
