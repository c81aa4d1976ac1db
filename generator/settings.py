"""Settings: one typed table feeds the CLI, validation and the docs."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError

CONFIG_FILE = "lagebild.yml"


BUILDERS = ("mkdocs", "zensical")


@dataclass
class Settings:
    """Lagebild settings; every field can be set in ``lagebild.yml`` at the project root."""

    seeds: Path = Path("seeds")
    """Folder with the articles (.txt, .md) and their sources.yml."""
    docs_dir: Path = Path("docs")
    """MkDocs docs folder; generated sections are rebuilt inside it."""
    site_dir: Path = Path("site")
    """Where MkDocs writes the built site."""
    mkdocs_config: Path = Path("mkdocs.yml")
    """The MkDocs configuration file."""
    knowledge: Path = Path("knowledge.yml")
    """Optional user knowledge file merged into the shipped knowledge base."""
    max_file_bytes: int = 5_000_000
    """Articles larger than this many bytes are refused."""
    trained_pipeline: str | None = None
    """Name of an installed trained spaCy pipeline (e.g. de_core_news_sm) used as an extra signal."""
    strict: bool = False
    """Stop at the first bad article instead of skipping it with a warning."""
    permalinks: Path = Path("permalinks.yml")
    """Registry of published page addresses; `lagebild build` updates it. Commit it."""
    scheduler: str | None = None
    """Address of a Dask scheduler (tcp://host:8786): extraction then runs on that cluster."""
    builder: str = "mkdocs"
    """Site builder: ``mkdocs`` (MkDocs + Material, the default) or ``zensical`` (must be installed)."""
    zensical: str = "zensical"
    """The Zensical command, when ``builder`` is ``zensical``."""
    cache: bool = True
    """Keep extraction results per article, drawn charts and the state of the last site build in
    cache_dir, so unchanged work is not redone."""
    cache_dir: Path = Path(".lagebild-cache")
    """Folder for the caches (safe to delete: the next build then does everything again)."""
    ignore_metadata: bool = False
    """Ignore sources.yml and front matter: infer title, outlet and date from the text alone."""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Settings:
        """Read ``lagebild.yml`` from `root` if present; paths are relative to `root`."""
        settings = cls()
        path = root / CONFIG_FILE
        data: dict[str, Any] = {}
        if path.exists():
            try:
                loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
            if loaded is not None and not isinstance(loaded, dict):
                raise ConfigError(f"{path}: expected a mapping of settings")
            data = loaded or {}
        known = {f.name: f for f in fields(cls) if f.name != "extra"}
        problems = [f"{key}: unknown setting" for key in data if key not in known]
        if problems:
            raise ConfigError(f"{path}: " + "; ".join(problems))
        for key, value in data.items():
            default = getattr(settings, key)
            if isinstance(default, Path):
                value = Path(value)
            setattr(settings, key, value)
        if settings.builder not in BUILDERS:
            expected = ", ".join(BUILDERS)
            raise ConfigError(f"{path}: builder: expected one of {expected}, not {settings.builder!r}")
        for f in known.values():
            value = getattr(settings, f.name)
            if isinstance(value, Path) and not value.is_absolute():
                setattr(settings, f.name, root / value)
        return settings


def documented_settings() -> list[tuple[str, str]]:
    """(name, one-line doc) for every setting, read from the attribute docstrings."""
    import ast
    import inspect
    from itertools import pairwise

    tree = ast.parse(inspect.getsource(Settings))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: list[tuple[str, str]] = []
    for node, nxt in pairwise(body):
        if isinstance(node, ast.AnnAssign) and isinstance(nxt, ast.Expr):
            name = node.target.id  # type: ignore[union-attr]
            docs.append((name, str(nxt.value.value).strip()))  # type: ignore[attr-defined]
    return docs
