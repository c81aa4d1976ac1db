"""YAML input files read defensively: plain data, dates kept as text, the line of every key.

PyYAML's ``safe_load`` turns ``2024-10-24`` into a date but raises ``ValueError`` for
``2024-13-45``, follows recursive aliases (``&a [*a]``) into structures no check can walk, and
lets a few hundred bytes of nested aliases expand into billions of values. :func:`parse_yaml`
reads a document so that none of that reaches the caller: timestamps stay the text they were
written as (the caller checks them), every failure is one :class:`YamlProblem` with a line, and
``lines`` tells where each key was written, so that problems can name file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_VALUES = 1_000_000  # values a document may hold once its aliases are expanded
KeyPath = tuple[Any, ...]


class YamlProblem(ValueError):
    """A YAML text that cannot be used as data; `line` (1-based) when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.problem = problem
        self.line = line
        super().__init__(problem)


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: fast


class _TextDatesLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader (libyaml's when PyYAML has it), except that timestamps stay text."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


@dataclass
class YamlDocument:
    """The data of a YAML text, where each key was written, and keys written twice."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)  # key path → 1-based line of the key
    repeated: list[tuple[KeyPath, int, int]] = field(default_factory=list)  # path, first and later line

    def line(self, *path: Any) -> int | None:
        """The line of the key at `path` (keys as written, list positions from 0), or None."""
        return self.lines.get(tuple(path))


def parse_yaml(text: str, *, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; :class:`YamlProblem` for anything that is not usable data.

    `first_line` is the line of the file where `text` starts (front matter starts on line 2).
    """
    shift = first_line - 1
    try:
        loader = _TextDatesLoader(text)
        try:
            node = loader.get_single_node()
            document = YamlDocument(None)
            if node is not None:
                _check_graph(node)
                _collect_lines(node, (), document, shift, set())
                document.data = loader.construct_document(node)
            return document
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # libyaml's limit, where PyYAML's recursion ends
            raise YamlProblem("nested too deeply") from exc
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p) or "invalid YAML"
        raise YamlProblem(problem, mark.line + 1 + shift if mark else None) from exc
    except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        if isinstance(exc, YamlProblem):
            raise
        raise YamlProblem(f"a value cannot be read ({type(exc).__name__}: {exc})") from exc
    except RecursionError as exc:
        raise YamlProblem("nested too deeply") from exc


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _check_graph(root: yaml.Node) -> None:
    """Refuse recursive aliases and documents that expand to more than MAX_VALUES values."""
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        ident = id(node)
        if done:
            open_nodes.discard(ident)
            size[ident] = 1 + sum(size[id(child)] for child in _children(node))
            if size[ident] > MAX_VALUES:
                raise YamlProblem(
                    f"more than {MAX_VALUES:,} values once aliases are expanded", node.start_mark.line + 1
                )
            continue
        if ident in size:
            continue
        if ident in open_nodes:
            raise YamlProblem("an alias refers to a value that contains it", node.start_mark.line + 1)
        open_nodes.add(ident)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)


def _collect_lines(
    node: yaml.Node, path: KeyPath, document: YamlDocument, shift: int, seen: set[int]
) -> None:
    """Record the line of every key under `node` (each node once, however often it is aliased)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            where = (*path, key.value if isinstance(key, yaml.ScalarNode) else None)
            line = key.start_mark.line + 1 + shift
            if where in document.lines and where[-1] is not None:
                document.repeated.append((where, document.lines[where], line))
            else:
                document.lines[where] = line
            _collect_lines(value, where, document, shift, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), document, shift, seen)
