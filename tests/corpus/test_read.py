from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.corpus.read import decode_bytes, load_sources, read_article, read_corpus
from generator.errors import InputError
from tests.conftest import SEEDS


def test_seeds_have_metadata_for_every_article() -> None:
    sources = load_sources(SEEDS)
    articles = read_corpus(SEEDS)
    assert [a.path for a in articles] == sorted(sources)
    assert all(a.meta["outlet"] is None or isinstance(a.meta["outlet"], str) for a in articles)
    assert {a.meta["published"] for a in articles} >= {"2024-10-24", "2024-11-05"}


@pytest.mark.parametrize(
    "data",
    ["Grüße aus Kiew".encode(), codecs.BOM_UTF8 + "Grüße".encode(), "Grüße".encode("utf-16")],
)
def test_decodes_utf8_bom_and_utf16(data: bytes) -> None:
    assert decode_bytes(data, "a.txt").startswith("Grüße")


def test_refuses_latin1_naming_the_file() -> None:
    with pytest.raises(InputError, match=r"a\.txt: not valid UTF-8 \(byte 0xfc at offset 2\)"):
        decode_bytes("Grüße".encode("latin-1"), "a.txt")


def test_refuses_binary(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match=r"binary file"):
        read_article(tmp_path / "x.txt", max_bytes=1000)


def test_empty_file_is_skipped_with_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "leer.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "voll.txt").write_text("Ein Satz.", encoding="utf-8")
    articles = read_corpus(tmp_path)
    assert [a.id for a in articles] == ["voll"]
    assert "leer.txt: empty article, skipped" in caplog.text


def test_oversized_file(tmp_path: Path) -> None:
    (tmp_path / "gross.txt").write_text("x" * 200, encoding="utf-8")
    with pytest.raises(InputError, match=r"more than the limit of 100"):
        read_article(tmp_path / "gross.txt", max_bytes=100)


def test_bad_article_is_skipped_unless_strict(tmp_path: Path) -> None:
    (tmp_path / "gut.txt").write_text("Ein Satz.", encoding="utf-8")
    (tmp_path / "kaputt.txt").write_bytes("Grüße".encode("latin-1"))
    errors: list[InputError] = []
    assert [a.id for a in read_corpus(tmp_path, on_error=errors.append)] == ["gut"]
    assert "kaputt.txt" in str(errors[0])
    with pytest.raises(InputError, match=r"kaputt\.txt"):
        read_corpus(tmp_path, strict=True)


def test_markdown_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Titel\noutlet: dpa\npublished: 2024-03-05\n---\nText.\n")
    [article] = read_corpus(tmp_path)
    assert article.meta == {"title": "Titel", "outlet": "dpa", "published": "2024-03-05"}
    assert article.text.strip() == "Text."


def test_broken_front_matter_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(InputError, match=r"a\.md:\d+: front matter is not valid YAML"):
        read_corpus(tmp_path, strict=True)


def test_sources_yml_errors_name_the_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "sources.yml").write_text("a.txt:\n  title: A\nfehlt.txt:\n  title: B\n")
    assert load_sources(tmp_path) == {"a.txt": {"title": "A"}}  # a deleted article: a warning only
    assert "sources.yml:3: entry 'fehlt.txt' names a file that does not exist" in caplog.text
    (tmp_path / "sources.yml").write_text("a.txt:\n  titel: A\n")
    with pytest.raises(InputError, match=r"sources\.yml:2: a\.txt: titel: unknown field"):
        read_corpus(tmp_path, strict=True)
    (tmp_path / "sources.yml").write_text("a.txt: [\n")
    with pytest.raises(InputError, match=r"sources\.yml:\d+: not valid YAML"):
        load_sources(tmp_path)
