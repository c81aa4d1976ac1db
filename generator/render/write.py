"""Render a Report into the generated part of the docs folder.

`render_report` first plans every page and chart (`generator.render.pages`: each page's data,
values and links, computed before any template runs), draws the charts (or takes them from the
chart cache), writes every new or changed file into a staging folder next to the output, and
only then updates the generated sections (`generator.render.sync`): unchanged files
keep their bytes and modification time, changed ones are replaced atomically, files no longer
generated are deleted. A failure leaves the previous output as it was; hand-written files in
the docs folder (index.md, methode.md, stylesheets/ …) are never touched, except the block of the
home page marked for the report's facts (`generator.render.home`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from generator.base.background import Background
from generator.base.formatting import (
    ACTOR_TYPE_DE,
    REGION_TYPE_DE,
    STANCE_DE,
    STANCE_PARTICIPLE_DE,
    country_name,
    format_date,
    format_number,
    label,
)
from generator.base.timing import stage
from generator.charts.assets import Asset, draw_assets
from generator.charts.maps import format_coordinates
from generator.errors import LagebildError
from generator.export.tables import DATA_FILES, write_data_files
from generator.model import Report
from generator.render.accessibility import CONTACT_FILE, contact_markdown
from generator.render.citation import SiteInfo
from generator.render.escape import Safe, escape_html, escape_markdown, yaml_title
from generator.render.facets import Facets, PageFacets, facets_markup
from generator.render.formats import plain
from generator.render.glossary import GLOSSARY_FILE, glossary_markdown
from generator.render.home import restore_home, update_home
from generator.render.pages import PageSpec, Planner
from generator.render.redirects import redirect_files
from generator.render.sync import move_if_changed, restore_files, sync_sections, unchanged
from generator.resolve.index import ReportIndex

SECTIONS: tuple[str, ...] = (
    "uebersicht",
    "chronik",
    "akteure",
    "regionen",
    "behauptungen",
    "quellen",
    "zahlen",
    "schlagwoerter",
    "data",
    "charts",
    "karten",
    "includes",
)
"""Folders of the docs folder that `render_report` owns and rebuilds on every run."""

Progress = Callable[[int, int], None]


class RenderError(LagebildError):
    """A page could not be rendered (template error, unescaped value in a template)."""


def render_report(
    report: Report,
    docs_dir: Path,
    *,
    site: SiteInfo | None = None,
    progress: Progress | None = None,
    previous: Path | None = None,
    cache_dir: Path | None = None,
    contact: str | None = None,
) -> list[Path]:
    """Write all generated pages, charts, maps and data files for `report` into `docs_dir`.

    `site` (``site_url`` from mkdocs.yml) makes the "Zitieren" boxes show absolute URLs.
    Returns the generated files (sorted), changed or not. `progress(done, total)` is called
    after each file; `total` grows as the pages planned in the second process become known.
    With `previous`, the files replaced or deleted are kept there (for the caller to
    `restore_sections` or delete). `cache_dir` keeps drawn charts and maps between runs.
    `contact` (setting ``accessibility_contact``) goes into the accessibility statement.
    """
    docs_dir = Path(docs_dir)
    with stage("Planung vorbereiten"):
        index = ReportIndex(report)
        planner = Planner(index, site or SiteInfo())
        page_facets = PageFacets(planner.kit)
        facets = page_facets.of_entities()
    env = make_environment()
    facts = home_facts(env, report)
    data = {GLOSSARY_FILE: glossary_markdown(report), CONTACT_FILE: contact_markdown(contact)}
    docs_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".lagebild-render-", dir=docs_dir))
    # Two forked processes (`generator.base.background`) work while this one plans and renders
    # the report's pages: one writes the data files into a staging folder of their own, the
    # other plans and renders the series, source and claim pages (`Planner.detail_pages`) into
    # the staging folder; only names and charts come back.
    tables_dir = Path(tempfile.mkdtemp(prefix=".lagebild-render-data-", dir=docs_dir))
    started: list[Background[Any]] = []
    written: list[str] = []
    total = planner.detail_page_count() + len(DATA_FILES)

    def count(rel: str) -> None:
        written.append(rel)
        if progress is not None:
            progress(len(written), total)

    def write(rel: str, text: str) -> None:
        _stage_file(docs_dir, staging, rel, text)
        count(rel)

    try:
        tables = Background(lambda: write_data_files(report, index, tables_dir))
        started.append(tables)
        details = Background(lambda: _render_part(env, planner.detail_pages(), facets, docs_dir, staging))
        started.append(details)
        with stage("Planung und Vorlagen"):
            pages = planner.report_pages()
            facets.update(page_facets.of_months(page.path for page in pages))
            assets = collect_assets(pages)
            total += len(pages) + len(assets)
            for page in pages:
                write(page.path, render_page(env, page, facets.get(page.path)))
        with stage("Zahlenreihen, Quellen, Behauptungen (parallel)"):
            detail_paths, detail_assets = details.result()
        known = {asset.path for asset in assets}
        more = {a.path: a for a in detail_assets if a.path not in known}
        assets = sorted([*assets, *more.values()], key=lambda a: a.path)
        total += len(more)
        for rel in detail_paths:
            count(rel)
        live = {rel.removesuffix(".md").removesuffix("/index") for rel in written}
        data.update(redirect_files(report.redirects, live))
        total += len(data)
        with stage("Grafiken"):
            for rel, svg in draw_assets(assets, cache_dir).items():
                write(rel, svg)
        with stage("Datendateien (parallel)"):
            done = tables.result()
        for rel in done:
            move_if_changed(tables_dir / rel, docs_dir, rel, staging)
            count(rel)
        for rel, text in data.items():
            write(rel, text)
        backup = previous if previous is not None else staging / ".previous"
        with stage("docs/ abgleichen"):
            sync_sections(staging, docs_dir, SECTIONS, set(written), backup)
            update_home(docs_dir, facts, backup)
    finally:
        for child in started:
            child.close()
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(tables_dir, ignore_errors=True)
    return [docs_dir / rel for rel in sorted(written)]


def _stage_file(docs_dir: Path, staging: Path, rel: str, text: str) -> None:
    """Put `text` into the staging folder as `rel` unless the docs folder has it already."""
    encoded = text.encode("utf-8")
    if not unchanged(docs_dir, rel, encoded):
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(encoded)


def _render_part(
    env: jinja2.Environment, pages: list[PageSpec], facets: dict[str, Facets], docs_dir: Path, staging: Path
) -> tuple[list[str], list[Asset]]:
    """Render `pages` into the staging folder (as `render_report` does); their paths and assets."""
    for page in pages:
        _stage_file(docs_dir, staging, page.path, render_page(env, page, facets.get(page.path)))
    return [page.path for page in pages], collect_assets(pages)


def render_page(env: jinja2.Environment, page: PageSpec, facets: Facets | None = None) -> str:
    """The page's Markdown; with `facets`, ending in their hidden block for the site search."""
    try:
        text = env.get_template(page.template).render(page.context)
    except (jinja2.TemplateError, RenderError) as exc:
        raise RenderError(f"{page.path}: {exc}") from exc
    if facets is not None:
        text = text.rstrip("\n") + "\n\n" + facets_markup(facets)
    return text.rstrip("\n") + "\n"


def home_facts(env: jinja2.Environment, report: Report) -> str:
    """The report's period, articles and date, for the marked block of the home page."""
    try:
        return env.get_template("_home.md.j2").render(coverage=report.coverage)
    except (jinja2.TemplateError, RenderError) as exc:
        raise RenderError(f"index.md: {exc}") from exc


def collect_assets(pages: Iterable[PageSpec]) -> list[Asset]:
    """Every chart and map that some page embeds, once each, by path."""
    assets: dict[str, Asset] = {}
    for page in pages:
        for embedded in page.assets:
            for asset in (embedded, *embedded.variants()):
                assets[asset.path] = asset
    return [assets[path] for path in sorted(assets)]


def restore_sections(previous: Path, docs_dir: Path, existed: set[str]) -> None:
    """Undo `render_report(..., previous=previous)`: put back the files it replaced or deleted
    (with their modification times), drop the files it added and the sections that are new."""
    restore_files(previous, docs_dir, SECTIONS)
    restore_home(previous, docs_dir)
    for section in SECTIONS:
        if section not in existed and (docs_dir / section).exists():
            shutil.rmtree(docs_dir / section)


# Jinja environment ----------------------------------------------------------------------


def _finalize(value: Any) -> Any:
    """Refuse to print anything that is not escaped (`Safe`) or a number."""
    if isinstance(value, Safe) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    raise RenderError(f"unescaped value in template (use the md filter): {value!r:.80}")


def _safe(func: Callable[..., str]) -> Callable[..., Safe]:
    return lambda *args: escape_markdown(func(*args))


def _plain(func: Callable[..., str]) -> Callable[..., Safe]:
    return lambda *args: plain(func(*args))


def is_web(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def external_link(url: str | None) -> Safe:
    """An http(s) URL as a raw-HTML link; anything else (javascript:, data:) as plain text."""
    if not url:
        return Safe("–")
    if is_web(url):
        return Safe(f'<a href="{escape_html(url)}">{escape_html(url)}</a>')
    return escape_markdown(url)


def row_anchor(anchor_id: str) -> Safe:
    """A table row's link target and permalink: ``<a id="zahl-x" href="#zahl-x">¶</a>``."""
    ident = escape_html(anchor_id)
    return Safe(f'<a class="lb-link" id="{ident}" href="#{ident}" title="Link zu dieser Zeile">¶</a>')


def make_environment() -> jinja2.Environment:
    """The Jinja environment: templates get plain page data; filters and globals only format it."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=escape_markdown,
        title=yaml_title,
        num=_plain(format_number),
        datum=_plain(format_date),
        stance=_safe(lambda s: label(STANCE_DE, s)),
        stance_pp=_safe(lambda s: label(STANCE_PARTICIPLE_DE, s)),
        actor_type=_safe(lambda t: label(ACTOR_TYPE_DE, t)),
        region_type=_safe(lambda t: label(REGION_TYPE_DE, t)),
        country=_safe(country_name),
        external_link=external_link,
    )
    env.globals.update(
        stances=tuple(STANCE_DE),
        anchor=row_anchor,
        coordinates=format_coordinates,
        is_web=is_web,
        data_link=data_link,
    )
    return env


def data_link(name: str) -> Safe:
    """A link from a generated page (one folder deep) to one of the data files (``data/``)."""
    return Safe(f"[{escape_markdown(name)}](../data/{escape_markdown(name)})")
