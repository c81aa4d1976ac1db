"""The corpus is what is in the corpus folder: no links followed, one name one article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.corpus.read import read_article, read_corpus, scan_folder
from generator.errors import InputError

SECRET = "Geheimer Text außerhalb des Korpus."


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "gut.txt").write_text("Die NATO bestätigte die Entsendung.", "utf-8")
    (tmp_path / "geheim.txt").write_text(SECRET, "utf-8")
    return folder


def test_a_symlink_to_a_file_outside_is_refused_by_name(corpus: Path) -> None:
    (corpus / "leak.txt").symlink_to(corpus.parent / "geheim.txt")
    errors: list[InputError] = []
    articles = read_corpus(corpus, on_error=errors.append)
    assert [a.id for a in articles] == ["gut"]
    assert all(SECRET not in a.text for a in articles)
    assert [e.path for e in errors] == [str(corpus / "leak.txt")]
    assert "symbolic link, refused" in str(errors[0])
    with pytest.raises(InputError, match=r"leak\.txt: a symbolic link"):
        read_corpus(corpus, strict=True)


@pytest.mark.parametrize("target", ["gut.txt", "../seeds/gut.txt", "/dev/null", "fehlt.txt"])
def test_every_symlink_is_refused_wherever_it_points(corpus: Path, target: str) -> None:
    (corpus / "link.md").symlink_to(target)
    files, refused = scan_folder(corpus)
    assert files == [corpus / "gut.txt"]
    assert [e.path for e in refused] == [str(corpus / "link.md")]


def test_reading_a_link_directly_is_refused_too(corpus: Path) -> None:
    """read_article opens without following links, so a file swapped for a link after the scan is refused."""
    (corpus / "leak.txt").symlink_to(corpus.parent / "geheim.txt")
    with pytest.raises(InputError, match=r"leak\.txt: a symbolic link"):
        read_article(corpus / "leak.txt", max_bytes=1000)


def test_a_symlinked_sources_yml_is_refused(corpus: Path) -> None:
    (corpus.parent / "meta.yml").write_text("gut.txt:\n  title: Von draußen\n", "utf-8")
    (corpus / "sources.yml").symlink_to(corpus.parent / "meta.yml")
    with pytest.raises(InputError, match=r"sources\.yml: a symbolic link"):
        read_corpus(corpus)


def test_a_folder_or_fifo_with_an_article_name_is_refused(corpus: Path) -> None:
    (corpus / "ordner.md").mkdir()
    os.mkfifo(corpus / "rohr.txt")
    errors: list[InputError] = []
    assert [a.id for a in read_corpus(corpus, on_error=errors.append)] == ["gut"]
    assert {Path(e.path).name: e.problem for e in errors} == {
        "ordner.md": "not a regular file",
        "rohr.txt": "not a regular file",
    }


def test_one_stem_one_article_both_files_named(corpus: Path) -> None:
    (corpus / "dup.txt").write_text("Erster Text.", "utf-8")
    (corpus / "dup.md").write_text("Zweiter Text.", "utf-8")
    errors: list[InputError] = []
    assert [a.id for a in read_corpus(corpus, on_error=errors.append)] == ["gut"]
    [error] = errors
    assert "dup.md" in str(error) and "dup.txt" in str(error)
    assert "same name 'dup'" in str(error)
    with pytest.raises(InputError, match=r"dup\.md: .*dup\.txt has the same name"):
        read_corpus(corpus, strict=True)


def test_the_duplicate_error_does_not_depend_on_listing_order(corpus: Path, tmp_path: Path) -> None:
    (corpus / "dup.md").write_text("Zweiter Text.", "utf-8")
    (corpus / "dup.txt").write_text("Erster Text.", "utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "dup.txt").write_text("Erster Text.", "utf-8")
    (other / "dup.md").write_text("Zweiter Text.", "utf-8")
    first = [e.problem for e in scan_folder(corpus)[1]]
    second = [e.problem for e in scan_folder(other)[1]]
    assert first == [p.replace(str(other), str(corpus)) for p in second]


def test_upper_case_extension_counts_as_the_same_stem(corpus: Path) -> None:
    (corpus / "a.TXT").write_text("Eins.", "utf-8")
    (corpus / "a.md").write_text("Zwei.", "utf-8")
    files, refused = scan_folder(corpus)
    assert files == [corpus / "gut.txt"] and len(refused) == 1


@pytest.mark.parametrize("name", [b"kaputt\xff.txt", b"zeile\numbruch.txt", "rechts\u202elinks.txt".encode()])
def test_file_names_that_cannot_be_shown_safely_are_refused(corpus: Path, name: bytes) -> None:
    path = Path(os.fsdecode(os.fsencode(corpus) + b"/" + name))
    path.write_text("Text.", "utf-8")
    errors: list[InputError] = []
    assert [a.id for a in read_corpus(corpus, on_error=errors.append)] == ["gut"]
    [error] = errors
    assert "rename the file" in error.problem
    str(error).encode("utf-8")  # the message itself can be printed
