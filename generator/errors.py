"""One exception family for the project; only the CLI turns it into exit codes."""

from __future__ import annotations


class LagebildError(Exception):
    """Base class of every error Lagebild raises on purpose."""


class InputError(LagebildError):
    """An article or metadata file cannot be used. The message names the file (and line)."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class ConfigError(LagebildError):
    """The configuration or a knowledge file is invalid."""


class SiteBuildError(LagebildError):
    """MkDocs could not build the site."""
