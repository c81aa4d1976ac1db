"""Reproducible builds: the same articles give byte-identical docs/ sections and site/, wherever built.

One exception: Pagefind writes the search bundle's filter index in an order that varies from run to
run (`generator.site.search.UNORDERED`); for those files the indexed pages, with their filter
values, are compared instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_projects import files, first_difference, seed_site, seed_site_elsewhere

from generator.render.write import SECTIONS
from generator.site.search import indexed_documents, varies_between_builds

pytestmark = pytest.mark.slow


def generated(project: Path) -> dict[str, bytes]:
    """Every file of the generated sections of docs/ and of site/, by path."""
    found: dict[str, bytes] = {}
    for section in SECTIONS:
        folder = project / "docs" / section
        if folder.is_dir():
            found |= {f"docs/{section}/{rel}": data for rel, data in files(folder).items()}
    site = files(project / "site")
    found |= {f"site/{rel}": data for rel, data in site.items() if not varies_between_builds(rel)}
    return found


def test_two_builds_of_the_seeds_are_byte_identical(tmp_path_factory: pytest.TempPathFactory) -> None:
    here, elsewhere = seed_site(tmp_path_factory), seed_site_elsewhere(tmp_path_factory)
    assert indexed_documents(here / "site") == indexed_documents(elsewhere / "site")
    first, second = generated(here), generated(elsewhere)
    assert sorted(first) == sorted(second)
    assert any(p.startswith("site/sitemap.xml") for p in first)
    assert any(p.endswith(".svg") for p in first), "the comparison should cover charts"
    differing = [p for p in sorted(first) if first[p] != second[p]]
    assert not differing, "\n\n".join(first_difference(p, first[p], second[p]) for p in differing[:5])
