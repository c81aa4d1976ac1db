"""An article of more than a million characters in one paragraph builds (spaCy alone refuses it: E088)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from site_projects import build, new_project

from tests.conftest import SEEDS

SIZE = 1_050_000


def one_paragraph(size: int) -> str:
    """German news text of at least `size` characters without a blank line: the seed articles'
    lines, again and again, their numbers changed on every round."""
    lines = [line.strip() for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    parts, length, round_ = [], 0, 0
    while length < size:
        for line in lines:
            line = re.sub(r"\d+", lambda m, r=round_: str(int(m.group()) + r), line)
            parts.append(line)
            length += len(line) + 1
        round_ += 1
    return " ".join(parts)


@pytest.mark.slow
def test_an_article_of_a_million_characters_in_one_paragraph_builds(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project", [])
    text = one_paragraph(SIZE)
    assert len(text) > 1_000_000 and "\n" not in text
    (project / "seeds" / "lang.txt").write_text("Ein sehr langer Bericht\n\n" + text, encoding="utf-8")
    meta = {"lang.txt": {"title": "Ein sehr langer Bericht", "outlet": "Test", "published": "2024-10-24"}}
    (project / "seeds" / "sources.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    result = build(project)
    assert result.exit_code == 0, result.output
    report = json.loads((project / "site" / "data" / "report.json").read_text("utf-8"))
    [document] = report["documents"]
    sentences = document["sentences"]
    assert len(sentences) > 5_000
    assert sentences[-1]["end"] > 1_000_000  # offsets run through the whole text
    page = (project / "site" / "quellen" / "lang" / "index.html").read_text("utf-8")
    assert page.count('class="lb-satz"') == len(sentences)  # every sentence anchored on its page
    assert len(report["actors"]) > 10 and report["claims"]
