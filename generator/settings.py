"""Settings: one typed table feeds the CLI, validation and the docs.

The schema is the ``Settings`` dataclass: each field's annotation is its type, its default the default,
and the docstring under it its one line of documentation. ``RULES`` adds what a type cannot say
(choices, ranges, address formats). ``Settings.load`` checks every value against both and reports all
problems at once; the command line checks its overrides with the same functions; ``settings_table``
writes the README's table from the same data (``python -m generator.settings README.md``).
"""

from __future__ import annotations

import ast
import difflib
import inspect
import os
import re
import sys
import types
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints
from urllib.parse import urlsplit

import yaml

from generator.errors import ConfigError

CONFIG_FILE = "lagebild.yml"


BUILDERS = ("mkdocs", "zensical")


@dataclass
class Settings:
    """Lagebild settings; every field can be set in ``lagebild.yml`` at the project root."""

    seeds: Path = Path("seeds")
    """Folder with the articles (`.txt`, `.md`) and their `sources.yml` (also `--seeds`)."""
    docs_dir: Path = Path("docs")
    """MkDocs docs folder; the generated sections are rebuilt inside it."""
    site_dir: Path = Path("site")
    """Where MkDocs writes the built site (also `--site-dir`)."""
    mkdocs_config: Path = Path("mkdocs.yml")
    """The MkDocs configuration file."""
    knowledge: Path = Path("knowledge.yml")
    """Optional user knowledge file merged into the shipped knowledge base."""
    max_file_bytes: int = 5_000_000
    """Articles larger than this many bytes are refused with an error naming the file."""
    trained_pipeline: str | None = None
    """Name or path of an installed trained spaCy pipeline (e.g. `de_core_news_sm`) whose entities
    are used as an extra signal."""
    strict: bool = False
    """Stop at the first bad article instead of skipping it with a warning (also `--strict`)."""
    permalinks: Path = Path("permalinks.yml")
    """Registry of published page addresses (entity → slug); `lagebild build` adds new entities.
    Commit it so URLs never change. Each slug must be one safe path segment (`a-z`, `0-9`, inner
    hyphens), and two entities or sources on one slug (as a merge of two branches can leave them) are
    an error naming both keys."""
    scheduler: str | None = None
    """Address of a Dask scheduler (`tcp://host:8786` or `host:8786`, also `--scheduler`): extraction
    then runs on that cluster. Needs `pip install 'lagebild[dask]'`."""
    builder: str = "mkdocs"
    """Site builder: `mkdocs` (MkDocs + Material) or `zensical` (also `--builder`); Zensical must be
    installed (`pip install 'zensical<0.1'`)."""
    zensical: str = "zensical"
    """The Zensical command (a path, if it lives in its own environment), when `builder` is `zensical`."""
    cache: bool = True
    """Keep extraction results per article, drawn charts and the state of the last site build in
    `cache_dir`, so an unchanged article is not re-extracted, an unchanged chart not redrawn and an
    unchanged page not rendered again (`--no-cache` bypasses it for one run)."""
    cache_dir: Path = Path(".lagebild-cache")
    """Folder for the caches (safe to delete: the next build then does everything again)."""
    ignore_metadata: bool = False
    """Ignore `sources.yml` and front matter: infer title, outlet and date from the text alone
    (also `lagebild extract --ignore-metadata`)."""
    min_confidence: float = 0.45
    """Statements whose speaker was found less surely than this (0–1: 0.9 named subject or source,
    0.7 pronoun or role, 0.5 reported speech continued from the previous sentence, less for each
    further sentence, 0.4 a role that two people named before could fill) get no page, table row
    or chart point; they stay in `data/report.json` under `held_back`."""
    accessibility_contact: str | None = None
    """Where readers report accessibility barriers: an e-mail address, a web address or a short
    text, shown (as a link where it is an address) in the accessibility statement
    (`docs/barrierefreiheit.md`, "Erklärung zur Barrierefreiheit")."""

    @classmethod
    def load(cls, root: Path, overrides: Mapping[str, Any] | None = None) -> Settings:
        """Read ``lagebild.yml`` from `root` if present; paths in it are relative to `root`.

        `overrides` (from the command line) are checked by the same rules and win over the file;
        their paths are used as given. Every problem is collected, then raised once as a
        ``ConfigError`` with one ``<file>: <key>: <message>`` line per problem.
        """
        path = root / CONFIG_FILE
        values, problems = check_settings(_read(path))
        problems = [f"{path}: {problem}" for problem in problems]
        given, wrong = check_settings(overrides or {})
        problems += [f"command line: {problem}" for problem in wrong]
        if problems:
            raise ConfigError("\n".join(problems))
        settings = cls(**values)
        for name, value in vars(settings).items():  # defaults too
            if isinstance(value, Path) and not value.is_absolute():
                setattr(settings, name, root / value)
        return replace(settings, **given)


def _read(path: Path) -> dict[Any, Any]:
    if not path.exists():
        return {}
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (byte at offset {exc.start})") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:  # e.g. 2024-13-45
        raise ConfigError(f"{path}: a value cannot be read: {exc}") from exc
    if loaded is not None and not isinstance(loaded, dict):
        raise ConfigError(f"{path}: expected a mapping of settings, not {type(loaded).__name__}")
    return loaded or {}


# ---- the schema: types from the annotations, plus rules a type cannot express ----


@dataclass(frozen=True)
class Rule:
    """A constraint on one setting beyond its type: how the docs describe it, and its check."""

    describes: str
    check: Callable[[Any], str | None]  # the problem with a (well-typed) value, or None


def _one_of(choices: tuple[str, ...]) -> Rule:
    def check(value: str) -> str | None:
        return None if value in choices else f"expected one of {', '.join(choices)}, not {value!r}"

    return Rule(" or ".join(f"`{choice}`" for choice in choices), check)


def _positive(value: int) -> str | None:
    return None if value > 0 else f"expected a number greater than 0, not {value}"


def _share(value: float) -> str | None:
    return None if 0 <= value <= 1 else f"expected a number from 0 to 1, not {value}"


def _address(value: str) -> str | None:
    """None if `value` is ``tcp://host:port`` or ``host:port`` (IPv6 hosts in brackets)."""
    problem = f"expected an address tcp://host:port or host:port, not {value!r}"
    rest = value.removeprefix("tcp://")
    if "://" in rest or "/" in rest or "@" in rest or re.search(r"\s", rest):
        return problem
    try:
        parts = urlsplit("//" + rest)
        port = parts.port
    except ValueError:  # a port that is not a number, or out of range
        return problem
    return None if parts.hostname and port else problem


RULES: dict[str, Rule] = {
    "builder": _one_of(BUILDERS),
    "max_file_bytes": Rule("integer > 0", _positive),
    "min_confidence": Rule("number from 0 to 1", _share),
    "scheduler": Rule("address", _address),
}

# What each annotated type accepts from YAML, and how messages and docs name it.
_TYPES: dict[type, tuple[str, Callable[[Any], bool]]] = {
    bool: ("true or false", lambda v: isinstance(v, bool)),  # YAML booleans only: not 1, not "no"
    int: ("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    float: ("a number", lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
    str: ("text", lambda v: isinstance(v, str) and v.strip() != ""),
    Path: ("a path", lambda v: isinstance(v, Path) or (isinstance(v, str) and v.strip() != "")),
}
_TYPE_NAMES = {bool: "boolean", int: "integer", float: "number", str: "text", Path: "path"}


@cache
def schema() -> dict[str, tuple[type, bool]]:
    """Setting name → (base type, whether null is allowed), read from the dataclass annotations."""
    hints = get_type_hints(Settings)
    table: dict[str, tuple[type, bool]] = {}
    for f in fields(Settings):
        hint = hints[f.name]
        args = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
        base = [a for a in args if a is not type(None)]
        if len(base) != 1 or base[0] not in _TYPES:
            raise TypeError(f"setting {f.name}: unsupported type {hint}")  # a schema bug, not user input
        table[f.name] = (base[0], len(base) < len(args))
    return table


def check_value(name: str, value: Any) -> Any:
    """`value` converted to the type of setting `name`; ValueError with the problem if it does not fit."""
    kind, optional = schema()[name]
    if value is None and optional:
        return None
    wanted, fits = _TYPES[kind]
    if value is None:
        raise ValueError(f"expected {wanted}, got no value")
    if not fits(value):
        raise ValueError(f"expected {wanted}, not {value!r}")
    rule = RULES.get(name)
    problem = rule.check(value) if rule else None
    if problem:
        raise ValueError(problem)
    if kind is float:
        return float(value)
    return Path(value) if kind is Path else value


def check_settings(data: Mapping[Any, Any]) -> tuple[dict[str, Any], list[str]]:
    """The values of `data` that are valid settings, and a ``key: message`` line for every problem."""
    known = schema()
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            problems.append(f"{key}: unknown setting{hint}")
            continue
        try:
            values[key] = check_value(key, value)
        except ValueError as exc:
            problems.append(f"{key}: {exc}")
    return values, problems


# ---- where a build writes: checked before anything is touched ----


def output_problems(settings: Settings, *, site: bool = True) -> list[str]:
    """Why the build may not write where `settings` say, one ``setting: problem`` line each.

    ``docs_dir`` (and ``site_dir`` when the site is built) may not be or contain the corpus or
    the project folder (the folder of ``mkdocs_config``); ``site_dir``, which a build replaces as
    a whole, may not hold ``docs_dir`` or an input file either, nor lie inside ``docs_dir``.
    Each must be a folder that can be written, or one that can be created; the registry must be
    a file in a folder that can be written.
    """
    outputs = {"docs_dir": settings.docs_dir}
    if site:
        outputs["site_dir"] = settings.site_dir
    problems = []
    for name, path in outputs.items():
        covered = [
            f"{label} ({kept})" for label, kept in _guarded(settings, name).items() if _inside(kept, path)
        ]
        if covered:
            problems.append(
                f"{name}: {path} is or contains {', '.join(covered)}, which the build would overwrite"
            )
        problem = _folder_problem(path, replaced=name == "site_dir")
        if problem:
            problems.append(f"{name}: {path} {problem}")
    if (
        site
        and _inside(settings.site_dir, settings.docs_dir)
        and not _inside(settings.docs_dir, settings.site_dir)
    ):
        problems.append(f"site_dir: {settings.site_dir} is inside docs_dir {settings.docs_dir}")
    problems += _file_problems(settings)
    return problems


def check_outputs(settings: Settings, *, site: bool = True) -> None:
    """Raise one ConfigError listing every problem of :func:`output_problems`."""
    problems = output_problems(settings, site=site)
    if problems:
        raise ConfigError(
            "\n".join(f"{problem}; choose another folder or fix it first" for problem in problems)
        )


def _guarded(settings: Settings, output: str) -> dict[str, Path]:
    """What the output folder `output` may neither be nor contain, by how messages name it."""
    guarded = {"the corpus": settings.seeds, "the project folder": settings.mkdocs_config.parent}
    if output == "site_dir":  # replaced as a whole by every build
        guarded["docs_dir"] = settings.docs_dir
        guarded["the MkDocs configuration"] = settings.mkdocs_config
        guarded["the knowledge file"] = settings.knowledge
        guarded["the permalink registry"] = settings.permalinks
    return guarded


def _inside(path: Path, folder: Path) -> bool:
    """True if `path` is `folder` or lies inside it (both resolved, links followed)."""
    return path.resolve().is_relative_to(folder.resolve())


def _writable(folder: Path) -> bool:
    """Whether files can be made in `folder`: permission, and a write bit (root ignores the former)."""
    return os.access(folder, os.W_OK | os.X_OK) and bool(folder.stat().st_mode & 0o222)


def _folder_problem(path: Path, *, replaced: bool = False) -> str | None:
    """Why `path` cannot be a folder the build writes into (existing or to be created), or None.

    A folder that is `replaced` as a whole also needs a writable folder around it.
    """
    if path.exists():
        if not path.is_dir():
            return "is a file, not a folder (the build neither moves nor deletes it)"
        if not _writable(path):
            return "is read-only"
        around = path.resolve().parent
        return f"cannot be replaced: {around} is read-only" if replaced and not _writable(around) else None
    ancestor = path.absolute().parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        return f"cannot be created: {ancestor} is a file"
    return None if _writable(ancestor) else f"cannot be created: {ancestor} is read-only"


def _file_problems(settings: Settings) -> list[str]:
    """Input files that exist must be files; the registry must be writable where it lies."""
    problems = [
        f"{name}: {path} is a folder, not a file"
        for name, path in (("knowledge", settings.knowledge), ("permalinks", settings.permalinks))
        if path.is_dir()
    ]
    if settings.cache and settings.cache_dir.exists() and not settings.cache_dir.is_dir():
        problems.append(f"cache_dir: {settings.cache_dir} is a file, not a folder")
    folder = _folder_problem(settings.permalinks.parent)
    if folder:
        problems.append(f"permalinks: {settings.permalinks} cannot be written: its folder {folder}")
    return problems


# ---- docs ----


def documented_settings() -> list[tuple[str, str]]:
    """(name, documentation) for every setting, read from the attribute docstrings."""
    tree = ast.parse(inspect.getsource(Settings))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: list[tuple[str, str]] = []
    for node, nxt in pairwise(body):
        if isinstance(node, ast.AnnAssign) and isinstance(nxt, ast.Expr):
            name = node.target.id  # type: ignore[union-attr]
            docs.append((name, " ".join(str(nxt.value.value).split())))  # type: ignore[attr-defined]
    return docs


def _default(name: str) -> str:
    f = next(f for f in fields(Settings) if f.name == name)
    value = f.default if f.default is not MISSING else None
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{value}`"


def settings_table() -> str:
    """The Markdown table of all settings (type, default, meaning), as the README shows it."""
    rows = ["| Setting | Type | Default | Meaning |", "| --- | --- | --- | --- |"]
    for name, doc in documented_settings():
        kind, _ = schema()[name]
        described = RULES[name].describes if name in RULES else _TYPE_NAMES[kind]
        rows.append(f"| `{name}` | {described} | {_default(name)} | {doc} |")
    return "\n".join(rows) + "\n"


_TABLE = re.compile(r"^\| Setting \|.*\n(?:\|.*\n)*", re.MULTILINE)


def with_settings_table(readme: str) -> str:
    """`readme` with its settings table (the one whose header starts ``| Setting |``) regenerated."""
    if len(_TABLE.findall(readme)) != 1:
        raise ValueError("expected exactly one table starting with '| Setting |'")
    return _TABLE.sub(lambda _: settings_table(), readme)


if __name__ == "__main__":  # python -m generator.settings README.md
    for target in map(Path, sys.argv[1:]):
        target.write_text(with_settings_table(target.read_text("utf-8")), "utf-8")
    if len(sys.argv) == 1:
        print(settings_table(), end="")
