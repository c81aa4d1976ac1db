"""Digests of the package's own code and data, so caches follow the code they depend on."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from generator import __version__

CODE_SUFFIXES = (".py", ".yml", ".yaml", ".j2", ".json")


def _files(node: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for child in node.iterdir():
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                found += _files(child, name)
        elif child.name.endswith(CODE_SUFFIXES):
            found.append((name, child))
    return found


@cache
def code_digest(*parts: str) -> str:
    """A digest of every source and data file of the named subpackages or modules of ``generator``.

    ``code_digest("extract", "nlp", "model.py")`` changes whenever any file in ``generator/extract/``,
    ``generator/nlp/`` or ``generator/model.py`` changes, or the package version does; nobody has to keep
    a list of files up to date.
    """
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("generator")
    for part in sorted(parts):
        node = package / part
        files = _files(node, part) if node.is_dir() else [(part, node)]
        for name, file in sorted(files, key=lambda item: item[0]):
            digest.update(name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
