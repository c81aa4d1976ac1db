"""Property tests (hypothesis): no metadata, file name or YAML text reaches a traceback.

Random values for every metadata field (and random keys), written into sources.yml and front
matter as YAML or as raw text, and random article file names go through the corpus reader, and
a few through extraction, resolution, the data export and the pages: what comes out is articles with
checked metadata, or a project error (InputError / ConfigError) naming the file, never another
exception.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.base.yamldata import YamlProblem, parse_yaml
from generator.corpus.meta import SOURCE_KEYS, check_meta
from generator.corpus.read import read_corpus
from generator.errors import ConfigError, InputError, LagebildError
from generator.knowledge.schema import read_user_file
from generator.resolve.permalinks import Permalinks

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TEXT = "Die NATO bestätigte am Montag in Brüssel die Entsendung von 3.000 Soldaten.\n"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["gestern", "24.10.2024", "2024-10", "2024-13-45", "2024", "javascript:x", "http://"]),
    st.from_regex(r"\d{1,4}-\d{1,2}-\d{1,2}", fullmatch=True),
    st.from_regex(r"https?://[a-z.]{0,12}(:[0-9a-z]{0,6})?/.{0,10}", fullmatch=True),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
keys = st.one_of(st.sampled_from(SOURCE_KEYS), st.text(max_size=12))
metadata = st.dictionaries(keys, values, max_size=7)
# Raw YAML text (not necessarily valid) for a field: tags, anchors, flow, broken quotes.
raw_values = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["!!int x", "!!float y", "!!bool z", "!!timestamp q", "&a [*a]", "[", "'", "{a: [b", "*x",
                     "!!binary ===", "!!python/object:os.system", "? [a]\n  : b", "2024-10-24T25:61:00"]),
)  # fmt: skip
raw_fields = st.dictionaries(st.sampled_from(SOURCE_KEYS), raw_values, max_size=4)
names = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]), min_size=1, max_size=30
).filter(lambda n: len(n.encode()) < 200 and n not in (".", ".."))
suffixes = st.sampled_from([".txt", ".md", ".TXT", ".Md"])


def _dump(meta: dict[str, Any]) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)


def _raw(fields: dict[str, str]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _write_corpus(folder: Path, files: list[tuple[str, str, dict[str, Any] | dict[str, str], bool]]) -> None:
    """Write articles (name, suffix, metadata, whether raw) and a sources.yml for half of them."""
    sources: list[str] = []
    for i, (name, suffix, meta, raw) in enumerate(files):
        path = folder / f"{name}{suffix}"
        text = _raw(meta) if raw else _dump(meta)  # type: ignore[arg-type]
        body = f"---\n{text}---\n{TEXT}" if suffix.lower() == ".md" and i % 2 else TEXT
        try:
            path.write_text(body, "utf-8")
        except OSError:  # a name this file system refuses: nothing to read
            continue
        if i % 2 == 0:
            entry = _raw(meta) if raw else _dump(meta)
            sources.append(f"{yaml.safe_dump(path.name, allow_unicode=True).split(chr(10))[0]}:\n")
            sources.extend(f"  {line}\n" for line in entry.splitlines())
    (folder / "sources.yml").write_text("".join(sources), "utf-8")


corpora = st.lists(
    st.tuples(names, suffixes, st.one_of(metadata, raw_fields), st.booleans()).map(
        lambda t: (t[0], t[1], t[2], t[3] and all(isinstance(v, str) for v in t[2].values()))
    ),
    min_size=1,
    max_size=4,
)


def _checked(articles: list[Any]) -> None:
    for article in articles:
        assert set(article.meta) <= set(SOURCE_KEYS)
        _, problems = check_meta({k: v for k, v in article.meta.items() if v is not None})
        assert not problems, problems
        assert all(v is None or isinstance(v, str) for v in article.meta.values())
        article.id.encode("utf-8")  # every id can be written into a page


@PROPERTY
@given(corpora, st.booleans())
def test_any_metadata_and_file_names_give_articles_or_a_project_error(files: list[Any], strict: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_corpus(folder, files)
        try:
            articles = read_corpus(folder, strict=strict, on_error=lambda e: None)
        except InputError as exc:
            str(exc).encode("utf-8")  # the message can be printed
            return
        _checked(articles)


@PROPERTY
@given(st.text(max_size=80) | raw_values.map(lambda v: f"a: {v}\n"))
def test_any_yaml_text_parses_or_is_one_yaml_problem(text: str) -> None:
    try:
        parse_yaml(text)
    except YamlProblem as exc:
        assert exc.line is None or exc.line >= 1


@PROPERTY
@given(st.one_of(values, st.dictionaries(st.sampled_from(["actors", "places", "claims", "lexicon"]), values)))
def test_any_knowledge_file_is_read_or_a_config_error(data: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "knowledge.yml"
        path.write_text(_dump(data) if isinstance(data, dict) else yaml.safe_dump(data), "utf-8")
        try:
            read_user_file(path)
        except ConfigError as exc:
            assert str(exc).startswith(str(path))


@PROPERTY
@given(st.dictionaries(st.text(max_size=10), st.one_of(values, st.dictionaries(st.text(max_size=8), values))))
def test_any_permalink_registry_is_read_or_a_config_error(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "permalinks.yml"
        path.write_text(_dump(data), "utf-8")
        try:
            links = Permalinks.load(path)
        except ConfigError as exc:
            assert str(exc).startswith(str(path))
            return
        for section, slugs in links.sections.items():
            assert "/" not in section and all("/" not in s and s not in (".", "..") for s in slugs.values())


@settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(corpora)
def test_random_metadata_goes_through_extraction_and_export(extractor, files: list[Any]) -> None:
    from generator.export.tables import data_files
    from generator.render.write import render_report
    from generator.resolve.index import ReportIndex
    from generator.resolve.merge import resolve

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_corpus(folder, files)
        try:
            articles = read_corpus(folder, on_error=lambda e: None)
            report = resolve(extractor.extract(articles))
        except LagebildError:  # a broken sources.yml, named with file and line
            return
        for doc in report.documents:
            assert doc.source.published is None or datetime.date.fromisoformat(doc.source.published)
        data_files(report, ReportIndex(report))
        render_report(report, folder / "docs")


def test_a_corpus_folder_with_every_kind_of_entry(tmp_path: Path) -> None:
    """One fixed case of all of the above at once, for a readable failure."""
    (tmp_path / "a.md").write_text("---\npublished: !!int x\n---\nText.\n", "utf-8")
    (tmp_path / "b.md").write_text("---\npublished: 2024-13-45\nurl: [1]\n---\nText.\n", "utf-8")
    (tmp_path / "c.txt").symlink_to(os.devnull)
    (tmp_path / "sources.yml").write_text("b.md:\n  title: !!float x\n", "utf-8")
    errors: list[InputError] = []
    try:
        read_corpus(tmp_path, on_error=errors.append)
    except InputError as exc:
        assert "sources.yml" in str(exc)
