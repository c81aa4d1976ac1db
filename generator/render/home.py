"""The report's facts on the hand-written home page: period, articles and outlets, date.

``docs/index.md`` is written by hand; where it holds the two marker lines ::

    <!-- lagebild:bericht -->
    <!-- /lagebild:bericht -->

`render_report` writes the facts between them (template ``_home.md.j2``) and leaves every other
line as it is; a home page without the markers is never touched. The facts come from the report
model (`generator.model.Coverage`: the articles' publication dates and outlets), never from the
clock, so the same articles give the same page. They are written into the page itself rather
than included as a snippet: a changed page is rebuilt on its own, while a changed snippet
would make the next site build a full one (`generator.site.incremental`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.base.files import write_atomic

HOME_PAGE = "index.md"
BEGIN = "<!-- lagebild:bericht -->"
END = "<!-- /lagebild:bericht -->"


def with_facts(text: str, facts: str) -> str | None:
    """`text` with `facts` between the markers (set off by blank lines); None without the markers."""
    start = text.find(BEGIN)
    end = text.find(END, start + len(BEGIN)) if start >= 0 else -1
    if start < 0 or end < 0:
        return None
    return f"{text[: start + len(BEGIN)]}\n\n{facts.strip()}\n\n{text[end:]}"


def update_home(docs_dir: Path, facts: str, backup: Path) -> bool:
    """Write `facts` into the home page's marked block if they changed; keep its old copy in `backup`.

    Returns whether the page was rewritten.
    """
    page = docs_dir / HOME_PAGE
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    updated = with_facts(text, facts)
    if updated is None or updated == text:
        return False
    backup.mkdir(parents=True, exist_ok=True)
    shutil.copy2(page, backup / HOME_PAGE)
    write_atomic(page, updated)
    return True


def restore_home(backup: Path, docs_dir: Path) -> None:
    """Undo `update_home`: put the kept copy of the home page back (with its modification time)."""
    kept = backup / HOME_PAGE
    if kept.is_file():
        os.replace(kept, docs_dir / HOME_PAGE)
