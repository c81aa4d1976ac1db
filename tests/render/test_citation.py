"""Citing: permanent URLs from site_url, the Zitieren box, JSON-LD that cannot break out, glossary, docs."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from report_fixture import sample_report

from generator import model
from generator.render.citation import SiteInfo, read_site_info, script_json
from generator.render.glossary import glossary
from generator.render.write import render_report
from tests.conftest import ROOT

CLAIM = "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk.md"


def test_site_info_from_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: https://example.org/lb/\nextra:\n  k: !ENV [HOME]\n", "utf-8")
    site = read_site_info(config)
    assert site == SiteInfo("https://example.org/lb/", True)
    assert site.page_url("behauptungen/x.md") == "https://example.org/lb/behauptungen/x/"
    assert site.page_url("zahlen/index.md") == "https://example.org/lb/zahlen/"
    assert SiteInfo().page_url("akteure/a.md") == "akteure/a/"
    assert SiteInfo(None, False).page_url("akteure/a.md") == "akteure/a.html"
    assert read_site_info(tmp_path / "missing.yml") == SiteInfo()
    assert read_site_info(ROOT / "mkdocs.yml").site_url is None


def test_every_page_has_a_citation_box(tmp_path: Path) -> None:
    render_report(sample_report(), tmp_path, site=SiteInfo("https://example.org/lb/"))
    pages = list(tmp_path.rglob("*.md"))
    assert len(pages) > 15
    for page in pages:
        if page.parent.name != "includes":
            assert "<summary>Zitieren</summary>" in page.read_text("utf-8"), page
    claim = (tmp_path / CLAIM).read_text("utf-8")
    url = "https://example.org/lb/behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk/"
    assert f'**Adresse dieser Seite:** <a href="{url}">{url}</a>' in claim
    assert "gestützt auf 2 Quellen" in claim
    assert (
        "- [CNN](../quellen/000-aaaa1111.md): „Kiew: Nordkoreanische Soldaten in Kursk gesichtet“, 24.10.2024"
        in claim
    )
    assert "javascript:alert(3)" not in claim  # only web addresses of sources are shown


def test_json_ld_cannot_end_its_script() -> None:
    data = {"text": "</script><script>alert(1)</script><!-- & \u2028"}
    text = script_json(data)
    assert not set(text) & {"<", ">", "&", "\u2028"}
    assert json.loads(text) == data


def test_claim_json_ld(tmp_path: Path) -> None:
    render_report(sample_report(), tmp_path, site=SiteInfo("https://example.org/lb/"))
    page = (tmp_path / CLAIM).read_text("utf-8")
    [payload] = re.findall(r'<script type="application/ld\+json">(.*)</script>', page)
    data = json.loads(payload)
    assert data["@type"] == "Claim" and data["url"].endswith(
        "/behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk/"
    )
    assert data["firstAppearance"]["publisher"]["name"] == "CNN"
    assert data["dateCreated"] == "2024-10-24"
    assert {"@type": "Place", "name": "Kursk"} in data["about"]


def test_claim_json_ld_names_the_first_and_the_newest_articles_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import citation

    monkeypatch.setattr(citation, "MAX_APPEARANCES", 1)
    render_report(sample_report(), tmp_path)
    page = (tmp_path / CLAIM).read_text("utf-8")
    [payload] = re.findall(r'<script type="application/ld\+json">(.*)</script>', page)
    data = json.loads(payload)
    assert data["firstAppearance"]["publisher"]["name"] == "CNN"
    assert len(data["appearance"]) == 1 and data["appearance"][0] != data["firstAppearance"]


def test_glossary_lists_abbreviations_the_report_uses(tmp_path: Path) -> None:
    entries = glossary(sample_report())
    assert entries["NATO"].startswith("Nordatlantikpakt")
    assert "HUR" in entries and "KCNA" not in entries
    render_report(sample_report(), tmp_path)
    text = (tmp_path / "includes/abkuerzungen.md").read_text("utf-8")
    assert "*[NATO]: Nordatlantikpakt-Organisation (North Atlantic Treaty Organization)\n" in text


def test_daten_page_documents_every_model_field() -> None:
    page = (ROOT / "docs" / "daten.md").read_text("utf-8")
    for cls in (
        model.Report,
        model.Document,
        model.Source,
        model.Sentence,
        model.Actor,
        model.Region,
        model.Mention,
        model.Figure,
        model.Claim,
        model.Statement,
        model.ClaimStatus,
        model.Coverage,
        model.Series,
        model.Conflict,
    ):
        section = page.split(f"### {cls.__name__}\n", 1)[1].split("\n#", 1)[0]
        for field in dataclasses.fields(cls):
            assert f"| `{field.name}` |" in section, f"{cls.__name__}.{field.name} is not in docs/daten.md"
