"""A corpus folder as a careless or hostile pull request leaves it, built into a whole site.

Two seed articles plus: a symlink to a file outside the corpus, two files with one stem, an
article with wrong metadata of every kind, a sources.yml entry for a deleted file, and an
article whose text would be a spreadsheet formula. The build exits 0, names every problem by
file (line, field), publishes none of the linked text and neither of the two same-stem files,
builds the article with bad metadata with those fields unknown, and writes safe CSV.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_projects import SEEDS, new_project

from generator.cli import main

pytestmark = pytest.mark.slow

SECRET = "Streng geheimer Zugangscode"  # only in the file outside the corpus
ARTICLES = sorted(SEEDS.glob("*.txt"))[:2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = new_project(tmp_path_factory.mktemp("hostile-corpus"), ARTICLES)
    seeds = project / "seeds"
    (project / "geheim.txt").write_text(f"{SECRET}: 4711. Die NATO tagte in Brüssel.\n", "utf-8")
    (seeds / "leak.txt").symlink_to(project / "geheim.txt")
    (seeds / "doppelt.txt").write_text("Die NATO tagte am Montag in Brüssel.\n", "utf-8")
    (seeds / "doppelt.md").write_text("Russland meldete am Dienstag Angriffe.\n", "utf-8")
    (seeds / "kaputt.md").write_text(
        "---\ntitle: Kaputte Angaben\npublished: 24.10.2024\nurl: 5\nlanguage: 7\nreliability: [hoch]\n---\n"
        '=HYPERLINK("http://example.org") sagte der Sprecher der NATO am Montag in Brüssel.\n',
        "utf-8",
    )
    with (seeds / "sources.yml").open("a", encoding="utf-8") as listed:
        listed.write("geloescht.txt:\n  title: Gibt es nicht mehr\n")
    result = CliRunner().invoke(main, ["build", "--project", str(project)])  # not -q: warnings too
    assert result.exit_code == 0, result.output
    return project, result.output


def test_every_problem_is_named(built: tuple[Path, str]) -> None:
    project, output = built
    seeds = project / "seeds"
    assert f"{seeds / 'leak.txt'}: a symbolic link, refused" in output
    assert f"{seeds / 'doppelt.md'}: {seeds / 'doppelt.txt'} has the same name 'doppelt'" in output
    assert f"{seeds / 'kaputt.md'}:3: published: expected a date YYYY-MM-DD" in output
    assert f"{seeds / 'kaputt.md'}:4: url: expected a web address" in output
    assert f"{seeds / 'kaputt.md'}:5: language: expected a language code" in output
    assert f"{seeds / 'kaputt.md'}:6: reliability: expected text, not a list" in output
    assert "entry 'geloescht.txt' names a file that does not exist" in output
    assert "Traceback" not in output


def test_nothing_from_outside_the_corpus_is_published(built: tuple[Path, str]) -> None:
    project, _ = built
    for folder in (project / "site", project / "docs"):
        leaked = [p for p in folder.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
        assert leaked == []


def test_neither_same_stem_file_becomes_a_page(built: tuple[Path, str]) -> None:
    project, _ = built
    sources = {p.name for p in (project / "site" / "quellen").iterdir() if p.is_dir()}
    assert not {s for s in sources if s.startswith("doppelt")}
    assert "kaputt" in sources


def test_bad_fields_are_unknown_on_the_page(built: tuple[Path, str]) -> None:
    project, _ = built
    page = (project / "docs" / "quellen" / "kaputt.md").read_text("utf-8")
    assert "# Kaputte Angaben" in page  # the good field is kept
    assert "**Veröffentlicht:** –\n" in page
    assert "**Verlässlichkeit:** nicht bewertet\n" in page
    assert "**Adresse:** –\n" in page


def test_formula_text_is_neutralised_in_csv(built: tuple[Path, str]) -> None:
    project, _ = built
    for name in ("claims.csv", "figures.csv"):
        rows = list(csv.reader((project / "site" / "data" / name).read_text("utf-8").splitlines()))
        assert all(not cell.startswith(("=", "@")) for row in rows for cell in row)
