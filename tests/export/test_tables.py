"""CSV exports are safe to open in a spreadsheet; data files carry no control or bidi characters."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixture import sample_report

from generator.export.tables import FORMULA_STARTS, data_files, safe_cell
from generator.resolve.index import ReportIndex


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x";"klick")', '\'=HYPERLINK("http://x";"klick")'),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2+3", "'-2+3"),
        ("@SUMME(A1:A9)", "'@SUMME(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width equals sign
        ("-5", "-5"),
        ("+1.5", "+1.5"),
        ("12000", "12000"),
        ("Kiew meldet = 3.000", "Kiew meldet = 3.000"),
        ("Rechts\u202eLinks\x1b[31m", "RechtsLinks[31m"),
        (None, ""),
        (7, 7),
    ],
)
def test_cells_a_spreadsheet_would_evaluate_get_an_apostrophe(value: object, cell: object) -> None:
    assert safe_cell(value) == cell


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=20) | st.from_regex(r"[-+=@]\d+(\.\d+)?(e\d)?[+-]?\d?", fullmatch=True))
def test_no_text_cell_starts_a_formula(text: str) -> None:
    cell = safe_cell(text)
    assert isinstance(cell, str)
    if cell.startswith(FORMULA_STARTS):  # only a plain number may: "-5" is a number, not a formula
        float(cell)


def test_exported_csv_and_json_are_neutralised() -> None:
    report = sample_report()
    claim = report.claims[0]
    claim.text = '=HYPERLINK("http://böse.example";"Quelle")'
    claim.statements[0].quote = "@SUMME(A1)\u202e"
    report.figures[0].surface = "-1+1"
    files = data_files(report, ReportIndex(report))
    claims = list(csv.DictReader(files["data/claims.csv"].splitlines()))
    assert {c["claim"] for c in claims if c["claim_id"] == claim.id} == {"'" + claim.text}
    assert "'@SUMME(A1)" in {c["quote"] for c in claims}
    figures = list(csv.DictReader(files["data/figures.csv"].splitlines()))
    assert "'-1+1" in {f["surface"] for f in figures}
    assert all(f["value"].isdigit() for f in figures)  # numbers stay numbers
    assert "\u202e" not in files["data/report.json"]
    data = json.loads(files["data/report.json"])
    assert claim.text in {c["text"] for c in data["claims"]}  # JSON keeps the text as written


def test_data_files_written_to_disk_in_batches_match_the_strings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.export import tables

    monkeypatch.setattr(tables._Sink, "BATCH", 3)  # many small writes, as at 10,000 articles
    report = sample_report()
    ix = ReportIndex(report)
    written = tables.write_data_files(report, ix, tmp_path)
    assert written == list(tables.DATA_FILES)
    files = data_files(report, ix)
    assert {rel: (tmp_path / rel).read_text("utf-8") for rel in written} == files
    assert json.loads(files["data/report.json"]) == json.loads(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=1, sort_keys=True)
    )
