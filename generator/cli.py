"""The ``lagebild`` command line: build, extract, evaluate, serve.

A thin layer: domain errors (LagebildError) become a message and exit code 1 here and
nowhere else; usage errors are click's (exit code 2). Each command imports the stage it runs
when it runs, so that ``lagebild --help`` does not wait seconds for spaCy and MkDocs to load.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import click

from generator import __version__
from generator.errors import LagebildError
from generator.settings import BUILDERS, Settings, check_value

log = logging.getLogger("generator")


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


def _setup_logging(verbose: bool, quiet: bool) -> None:
    """Log to stderr as "level: message"; the previous setup comes back when the command ends.

    (So that running a command in-process, as tests and other programs do, leaves logging as it was.)
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    root = logging.getLogger("generator")
    saved = (root.handlers[:], root.level, root.propagate)
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO)
    root.propagate = False
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(lambda: _restore_logging(root, *saved))


def _restore_logging(
    logger: logging.Logger, handlers: list[logging.Handler], level: int, propagate: bool
) -> None:
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate = propagate


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except LagebildError as exc:
        raise click.ClickException(str(exc)) from exc


def _progress_factory(enabled: bool) -> Callable[[str, int], Callable[[int], None]]:
    from tqdm import tqdm

    def factory(label: str, total: int) -> Callable[[int], None]:
        bar = tqdm(total=total, desc=label, unit="", disable=not enabled, file=sys.stderr, leave=False)

        def step(n: int) -> None:
            bar.update(n)
            if bar.n >= total:
                bar.close()

        return step

    return factory


class SettingValue(click.ParamType):
    """A command-line value checked by the same rule as the setting of that name in lagebild.yml."""

    def __init__(self, setting: str, metavar: str) -> None:
        self.setting = setting
        self.name = metavar

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> object:
        try:
            return check_value(self.setting, value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _settings(project: Path, **options: object) -> Settings:
    """lagebild.yml with the options given on the command line on top (flags only when set).

    ``Settings.load`` checks the overrides like the file; ``no_cache`` is the ``cache`` setting turned off.
    """
    given = {name: value for name, value in options.items() if value not in (None, False)}
    if given.pop("no_cache", False):
        given["cache"] = False
    return Settings.load(project, overrides=given)


project_option = click.option(
    "--project",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder with mkdocs.yml, docs/, lagebild.yml and knowledge.yml.",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Stop at the first bad article instead of skipping it."
)
cache_option = click.option(
    "--no-cache",
    is_flag=True,
    help="Ignore the caches: re-extract every article, redraw every chart, rebuild every page.",
)
builder_option = click.option(
    "--builder",
    type=click.Choice(BUILDERS),
    default=None,
    help="Site builder [default: mkdocs, or builder in lagebild.yml]; zensical must be installed.",
)
scheduler_option = click.option(
    "--scheduler",
    type=SettingValue("scheduler", "ADDRESS"),
    default=None,
    help="Run extraction on a Dask cluster (tcp://host:8786).",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Only print errors; no progress bar.")
verbose_option = click.option("-v", "--verbose", is_flag=True, help="Print debugging information.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lagebild")
def main() -> None:
    """Lagebild: a folder of news articles in, a searchable static report site out."""


@main.command()
@click.option(
    "--seeds",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder with the articles and sources.yml [default: seeds, or seeds in lagebild.yml].",
)
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the built site [default: site, or site_dir in lagebild.yml].",
)
@click.option("--no-site", is_flag=True, help="Only generate the Markdown in docs/; do not run MkDocs.")
@project_option
@strict_option
@cache_option
@scheduler_option
@builder_option
@quiet_option
@verbose_option
def build(
    seeds: Path | None,
    site_dir: Path | None,
    no_site: bool,
    project: Path,
    strict: bool,
    no_cache: bool,
    scheduler: str | None,
    builder: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Extract the articles, render the report into docs/ and build the site."""
    from generator.build import build as run_build

    _setup_logging(verbose, quiet)
    with _errors():
        settings = _settings(
            project,
            seeds=seeds,
            site_dir=site_dir,
            strict=strict,
            no_cache=no_cache,
            scheduler=scheduler,
            builder=builder,
        )
        report = run_build(settings, site=not no_site, progress=_progress_factory(not quiet))
    where = "" if no_site else f", site in {settings.site_dir}"
    click.echo(
        f"{len(report.documents)} Artikel, {len(report.actors)} Akteure, {len(report.regions)} Regionen, "
        f"{len(report.claims)} Behauptungen, {len(report.figures)} Zahlen → {settings.docs_dir}{where}"
    )


@main.command()
@click.argument("seeds_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help='JSON file to write ({"documents": [...]}, one record per article).',
)
@click.option(
    "--ignore-metadata",
    is_flag=True,
    help="Ignore sources.yml and front matter; infer outlet and date from the text alone.",
)
@project_option
@strict_option
@cache_option
@quiet_option
@verbose_option
def extract(
    seeds_dir: Path,
    out: Path,
    ignore_metadata: bool,
    project: Path,
    strict: bool,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Extract actors, regions, figures and claims from SEEDS_DIR into a JSON file."""
    from generator.build import build_report, write_extraction

    _setup_logging(verbose, quiet)
    with _errors():
        settings = _settings(
            project, seeds=seeds_dir, strict=strict, no_cache=no_cache, ignore_metadata=ignore_metadata
        )
        report = build_report(settings, _progress_factory(not quiet))
        write_extraction(report, out)
    click.echo(f"{len(report.documents)} Artikel → {out}")


@main.command()
@click.argument("extraction", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--gold",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder of gold files (*.gold.json) in the annotation format.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="Also list every missed and extra item per document.")
def evaluate(extraction: Path, gold: Path, as_json: bool, details: bool) -> None:
    """Score an extraction file against gold annotations (precision, recall, F1 per category)."""
    from generator.evaluate.annotation import evaluate as score
    from generator.evaluate.annotation import load_extraction, load_gold

    with _errors():
        result = score(load_extraction(extraction), load_gold(gold))
    if details:
        click.echo("\n".join(result.details))
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else result.table())


@main.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.option(
    "--rebuild/--no-rebuild",
    default=True,
    show_default=True,
    help="Regenerate docs/ from the articles before serving.",
)
@project_option
@quiet_option
@verbose_option
def serve(dev_addr: str, rebuild: bool, project: Path, quiet: bool, verbose: bool) -> None:
    """Preview the site locally with live reload."""
    from generator.build import build as run_build
    from generator.render.citation import read_site_info
    from generator.site.mkdocs import serve_site

    _setup_logging(verbose, quiet)
    with _errors():
        settings = Settings.load(project)
        if rebuild:
            run_build(settings, site=False, progress=_progress_factory(not quiet))
        if not quiet:
            site_url = read_site_info(settings.mkdocs_config).site_url
            click.echo(f"Vorschau: {serve_address(dev_addr, site_url)} (beenden mit Strg+C)")
        serve_site(settings.mkdocs_config, dev_addr=dev_addr)


def serve_address(dev_addr: str, site_url: str | None) -> str:
    """Where `lagebild serve` shows the site: ``http://HOST:PORT`` and the path of ``site_url``
    (MkDocs serves the site under that path)."""
    path = urlsplit(site_url).path if site_url else "/"
    return f"http://{dev_addr}{path if path.endswith('/') else path + '/'}"


def run() -> NoReturn:
    """The ``lagebild`` program (its console script, ``python -m generator.cli``): `main`, then an
    immediate exit with its exit code.

    Python would otherwise free every object of the report one by one before the process ends:
    1.3 s after a rebuild at 1,000 articles, for memory the system takes back at once. Every
    file is written and closed, every child process joined, before a command returns; the output
    streams and log handlers are flushed here. (Tests call `main` itself, which exits normally.)
    """
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # SystemExit("message"): the message, exit code 1
        print(code, file=sys.stderr)
    status = code if isinstance(code, int) else 0 if code is None else 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
