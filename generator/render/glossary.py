"""The site-wide glossary of abbreviations, shown as tooltips by Python-Markdown's ``abbr``.

`glossary_markdown` writes ``*[NATO]: …`` definitions for the abbreviations the report
uses; mkdocs.yml appends that file to every page with ``pymdownx.snippets`` ``auto_append``.
Expansions come from ``knowledge/abbreviations.yml``, else from the actor whose alias the
acronym is ("XYZ" → "Chilenischer Militärgeheimdienst").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from generator.errors import ConfigError
from generator.model import Report
from generator.render.escape import one_line

ACRONYM = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-ZÄÖÜ0-9]{2,6}$")
GLOSSARY_FILE = "includes/abkuerzungen.md"


@cache
def shipped_abbreviations() -> dict[str, str]:
    shown = "generator/knowledge/abbreviations.yml"
    try:
        data = yaml.safe_load(
            (resources.files("generator.knowledge") / "abbreviations.yml").read_text("utf-8")
        )
    except yaml.YAMLError as exc:
        raise ConfigError(f"{shown}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{shown}: expected a mapping abbreviation → expansion")
    return {str(k): one_line(str(v)) for k, v in data.items()}


def used_words(report: Report) -> set[str]:
    """Names, aliases and mention texts of every actor and region of the report."""
    words: set[str] = set()
    for entity in [*report.actors, *report.regions]:
        words.update([entity.name, *entity.aliases, *(m.text for m in entity.mentions)])
    return {" ".join(w.split()) for w in words}


def glossary(report: Report) -> dict[str, str]:
    """Abbreviation → expansion for every abbreviation the report uses, sorted."""
    shipped = shipped_abbreviations()
    used = used_words(report)
    found = {abbr: text for abbr, text in shipped.items() if abbr in used}
    for actor in sorted(report.actors, key=lambda a: a.id):
        for alias in actor.aliases:
            if ACRONYM.match(alias) and alias not in found and alias != actor.name:
                found[alias] = one_line(actor.name)
    return dict(sorted(found.items()))


def _safe(text: str) -> str:
    """Definition text: one line, no brackets that could end the abbreviation syntax early."""
    return one_line(text).replace("[", "(").replace("]", ")")


def glossary_markdown(report: Report) -> str:
    """The snippet file: one ``*[ABBR]: expansion`` line per abbreviation (may be empty)."""
    return "".join(f"*[{abbr}]: {_safe(text)}\n" for abbr, text in glossary(report).items())
