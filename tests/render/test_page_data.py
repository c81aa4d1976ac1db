"""Templates get plain page data: values and ready links, never the report's query objects.

The planner (`generator.render.pages`) computes every value a page prints; a template only loops,
tests and formats. These tests fail when a template context carries a lookup object (or one of
its bound methods), or when a template names one.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2 import meta
from report_fixture import sample_report

from generator.render import limits
from generator.render.links import Linker
from generator.render.pages import PageSpec, plan_pages
from generator.render.pages.kit import Kit
from generator.render.pages.rows import Rows
from generator.render.series_pages import SeriesPages
from generator.render.source_text import SourceText
from generator.render.write import make_environment
from generator.resolve import timeline
from generator.resolve.index import ReportIndex
from generator.resolve.relations import Relations

TEMPLATES = Path(__file__).resolve().parents[2] / "generator" / "render" / "templates"
QUERY_TYPES = (ReportIndex, Relations, SeriesPages, SourceText, Linker, Rows, Kit)
QUERY_NAMES = {"ix", "rel", "series", "cut", "text", "ln"}  # what templates were once given


@pytest.fixture(scope="module")
def pages() -> list[PageSpec]:
    """The sample report's pages, then those it has when every list is longer than a page holds
    (a Chronik month split, indexes on several pages, evidence tables cut)."""
    planned = plan_pages(ReportIndex(sample_report()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timeline, "PAGE_ENTRIES", 2)
        patch.setattr(limits, "INDEX_ROWS", 1)
        patch.setattr(limits, "EVIDENCE_ROWS", 1)
        return planned + plan_pages(ReportIndex(sample_report()))


def values(value: Any, where: str, seen: set[int]) -> Iterator[tuple[str, Any]]:
    """Every value reachable from `value` (fields of dataclasses, items of containers), with its path."""
    if id(value) in seen or isinstance(value, str | int | float | bool | type(None)):
        return
    seen.add(id(value))
    yield where, value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from values(getattr(value, f.name), f"{where}.{f.name}", seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from values(item, f"{where}[{key!r}]", seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for n, item in enumerate(value):
            yield from values(item, f"{where}[{n}]", seen)


def test_every_page_template_is_planned(pages: list[PageSpec]) -> None:
    templates = {p.name for p in TEMPLATES.glob("*.md.j2") if not p.name.startswith("_")}
    assert templates == {page.template for page in pages}


def test_no_template_context_holds_a_query_object(pages: list[PageSpec]) -> None:
    seen: set[int] = set()
    for page in pages:
        for where, value in values(page.context, page.path, seen):
            owner = value.__self__ if inspect.ismethod(value) else value
            assert not isinstance(owner, QUERY_TYPES), f"{where}: {type(owner).__name__}"


def test_no_template_names_a_query_object() -> None:
    env = make_environment()
    for path in sorted(TEMPLATES.glob("*.j2")):
        names = meta.find_undeclared_variables(env.parse(path.read_text("utf-8")))
        assert not names & QUERY_NAMES, f"{path.name} uses {sorted(names & QUERY_NAMES)}"


def test_templates_read_only_their_page_data_and_the_formatting_globals(pages: list[PageSpec]) -> None:
    """A page template's free names are its context (the page data and ``cite``) or a global."""
    env = make_environment()
    for page in {page.template: page for page in pages}.values():
        free = set()
        for name in (page.template, *partials(env, page.template)):
            free |= meta.find_undeclared_variables(env.parse(env.loader.get_source(env, name)[0]))
        local = {"omit", "figure_rows", "shown", "what", "order", "where", "section"}  # set by the includer
        missing = free - page.context.keys() - env.globals.keys() - local
        assert not missing, f"{page.template} reads {sorted(missing)}"


def partials(env: jinja2.Environment, name: str) -> list[str]:
    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
    found = [n for n in meta.find_referenced_templates(env.parse(source)) if n]
    return found + [p for n in found for p in partials(env, n)]
