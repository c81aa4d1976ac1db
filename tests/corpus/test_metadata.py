"""Every metadata field is checked: a bad one is reported with file, line and field and left unknown."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.corpus.meta import check_meta
from generator.corpus.read import load_sources, read_corpus
from generator.errors import InputError

TEXT = "Die NATO bestätigte am Montag die Entsendung von 3.000 Soldaten.\n"


@pytest.fixture()
def warnings(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> pytest.LogCaptureFixture:
    """caplog for generator.corpus.read, also after an in-process CLI run set up the "generator" logger."""
    monkeypatch.setattr(logging.getLogger("generator"), "propagate", True)
    caplog.set_level(logging.WARNING, logger="generator.corpus.read")
    return caplog


BAD = [
    ("published", '"gestern"', "expected a date YYYY-MM-DD, not 'gestern'"),
    ("published", '"24.10.2024"', "not '24.10.2024' (write 2024-10-24)"),
    ("published", "2024", "expected a date YYYY-MM-DD, not the number 2024"),
    ("published", '"2024-10"', "expected a date YYYY-MM-DD, not '2024-10'"),
    ("published", "2024-13-45", "'2024-13-45' is not a day of the calendar"),
    ("published", "2024-10-24 10:30:00", "expected a date YYYY-MM-DD"),
    ("published", "[2024, 10, 24]", "expected a date YYYY-MM-DD, not a list"),
    ("url", "5", "expected a web address (http:// or https://), not the number 5"),
    ("url", "javascript:alert(1)", "expected a web address"),
    ("url", '"https://"', "expected a web address"),
    ("url", '"http://x.de:port/"', "expected a web address"),
    ("title", "2024", "expected text, not the number 2024 (quote it)"),
    ("title", "{a: b}", "expected text, not a mapping"),
    ("outlet", "true", "expected text, not true/false (true)"),
    ("reliability", "[hoch]", "expected text, not a list"),
    ("language", "Deutsch", "expected a language code such as de or de-CH, not 'Deutsch'"),
    ("language", "5", "expected a language code"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD)
def test_bad_field_in_sources_yml_is_named_with_line_and_left_unknown(
    tmp_path: Path, warnings: pytest.LogCaptureFixture, field: str, value: str, message: str
) -> None:
    other = "outlet" if field == "title" else "title"
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "sources.yml").write_text(f"a.txt:\n  {other}: Gut\n  {field}: {value}\n", "utf-8")
    [article] = read_corpus(tmp_path)
    assert article.meta == {other: "Gut", field: None}
    assert f"{tmp_path / 'sources.yml'}:3: a.txt: {field}: " in warnings.text
    assert message in warnings.text and "(left unknown)" in warnings.text


@pytest.mark.parametrize(("field", "value", "message"), BAD)
def test_bad_field_in_front_matter_is_named_with_line_and_left_unknown(
    tmp_path: Path, warnings: pytest.LogCaptureFixture, field: str, value: str, message: str
) -> None:
    other = "title" if field == "outlet" else "outlet"
    (tmp_path / "a.md").write_text(f"---\n{other}: Gut\n{field}: {value}\n---\n{TEXT}", "utf-8")
    [article] = read_corpus(tmp_path)
    assert article.meta == {other: "Gut", field: None}
    assert f"{tmp_path / 'a.md'}:3: {field}: " in warnings.text and message in warnings.text


@pytest.mark.parametrize(("field", "value", "message"), BAD[:3])
def test_strict_stops_at_a_bad_field(tmp_path: Path, field: str, value: str, message: str) -> None:
    (tmp_path / "a.md").write_text(f"---\n{field}: {value}\n---\n{TEXT}", "utf-8")
    with pytest.raises(InputError, match=r"a\.md:2: " + field) as error:
        read_corpus(tmp_path, strict=True)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"published": "2024-10-24"}, {"published": "2024-10-24"}),
        ({"published": " 2024-02-29 "}, {"published": "2024-02-29"}),
        ({"url": "https://example.org/a?b=1#c"}, {"url": "https://example.org/a?b=1#c"}),
        ({"language": "de-CH"}, {"language": "de-CH"}),
        ({"outlet": None, "url": ""}, {"outlet": None, "url": None}),
    ],
)
def test_good_values_pass_unchanged(meta: dict[str, object], expected: dict[str, object]) -> None:
    assert check_meta(meta) == (expected, [])


def test_german_date_is_not_guessed_but_its_iso_form_is_suggested() -> None:
    _, [problem] = check_meta({"published": "5.3.2024"})
    assert problem.field == "published" and "(write 2024-03-05)" in problem.problem


def test_unknown_key_is_a_warning_with_a_suggestion(
    tmp_path: Path, warnings: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  titel: Titel\n  outlet: dpa\n", "utf-8")
    [article] = read_corpus(tmp_path)
    assert article.meta == {"outlet": "dpa"}
    assert "sources.yml:2: a.txt: titel: unknown field (did you mean title?) (ignored)" in warnings.text
    with pytest.raises(InputError, match=r"sources\.yml:2: a\.txt: titel: unknown field"):
        read_corpus(tmp_path, strict=True)


def test_sources_yml_wins_and_a_bad_value_there_stays_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"---\npublished: 2024-10-01\noutlet: dpa\n---\n{TEXT}", "utf-8")
    (tmp_path / "sources.yml").write_text("a.md:\n  published: gestern\n", "utf-8")
    [article] = read_corpus(tmp_path)
    assert article.meta == {"published": None, "outlet": "dpa"}


def test_an_entry_for_a_deleted_file_is_a_warning_not_a_stop(
    tmp_path: Path, warnings: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  title: A\nfehlt.txt:\n  title: B\n", "utf-8")
    for strict in (False, True):
        assert [a.id for a in read_corpus(tmp_path, strict=strict)] == ["a"]
    assert "sources.yml:3: entry 'fehlt.txt' names a file that does not exist" in warnings.text


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("a.txt: 5\n", "sources.yml:1: entry 'a.txt' must be a mapping"),
        ("a.txt: [title]\n", "sources.yml:1: entry 'a.txt' must be a mapping"),
        ("../x.txt: {}\n", "sources.yml:1: entry '../x.txt' is not the name of an article file"),
        ("notiz.pdf: {}\n", "sources.yml:1: entry 'notiz.pdf' is not the name of an article file"),
        (
            "a.txt: {title: A}\na.txt: {title: B}\n",
            "sources.yml:2: entry 'a.txt' is written twice (line 1 too)",
        ),
    ],
)
def test_bad_entries_are_named_with_their_line(
    tmp_path: Path, warnings: pytest.LogCaptureFixture, sources: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "sources.yml").write_text(sources, "utf-8")
    assert [a.id for a in read_corpus(tmp_path)] == ["a"]
    assert message in warnings.text


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("a.txt: [\n", r"sources\.yml:2: not valid YAML"),
        ("- a.txt\n", r"sources\.yml:1: expected a mapping of file names"),
        ("a.txt: {published: !!int x}\n", r"sources\.yml: not valid YAML: a value cannot be read"),
        ("a: &a [*a]\n", r"sources\.yml:1: not valid YAML: an alias refers to a value that contains it"),
    ],
)
def test_a_broken_sources_yml_stops_with_its_name(tmp_path: Path, sources: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "sources.yml").write_text(sources, "utf-8")
    with pytest.raises(InputError, match=message):
        load_sources(tmp_path)


def test_sources_yml_in_latin1_is_named(tmp_path: Path) -> None:
    (tmp_path / "sources.yml").write_bytes("a.txt:\n  title: Grüße\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"sources\.yml: not valid UTF-8"):
        load_sources(tmp_path)


def test_cli_builds_the_article_with_the_bad_fields_unknown(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(f"---\ntitle: A\noutlet: dpa\npublished: gestern\n---\n{TEXT}", "utf-8")
    (corpus / "b.txt").write_text(TEXT, "utf-8")
    (corpus / "sources.yml").write_text("b.txt:\n  title: B\n  url: 5\nweg.txt:\n  title: C\n", "utf-8")
    out = tmp_path / "x.json"
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(corpus), "--out", str(out), "--project", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert (
        f"warning: {corpus / 'a.md'}:4: published: expected a date YYYY-MM-DD, not 'gestern'" in result.output
    )
    assert f"warning: {corpus / 'sources.yml'}:3: b.txt: url: expected a web address" in result.output
    assert (
        f"warning: {corpus / 'sources.yml'}:4: entry 'weg.txt' names a file that does not exist"
        in result.output
    )
    documents = {d["document"]: d for d in json.loads(out.read_text("utf-8"))["documents"]}
    assert documents["a.md"]["published"] is None and documents["a.md"]["outlet"] == "dpa"
    strict = runner.invoke(
        main, ["extract", str(corpus), "--out", str(out), "--project", str(tmp_path), "--strict"]
    )
    assert strict.exit_code == 1
    assert strict.output.startswith(f"Error: {corpus / 'sources.yml'}:3: b.txt: url: expected a web address")
    assert "left unknown" not in strict.output
