"""End to end: render the fixture into a copy of the repository's site and build it --strict."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from report_fixture import sample_report

from generator.render.write import SECTIONS, render_report
from generator.site.mkdocs import SiteBuildError, build_site
from generator.site.search import indexed_documents
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def site_copy(tmp: Path) -> Path:
    """mkdocs.yml and the hand-written docs/ of the repository, without generated sections."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    shutil.copytree(
        ROOT / "docs", tmp / "docs", ignore=lambda d, names: SECTIONS if Path(d) == ROOT / "docs" else ()
    )
    return tmp / "mkdocs.yml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    config = site_copy(tmp)
    render_report(sample_report(), tmp / "docs")
    build_site(config, tmp / "out")
    return tmp / "out"


def test_strict_build_produces_every_page(built: Path) -> None:
    for url in (
        "index.html",
        "methode/index.html",
        "uebersicht/index.html",
        "akteure/wladimir-putin/index.html",
        "regionen/kursk/index.html",
        "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk/index.html",
        "quellen/000-aaaa1111/index.html",
        "zahlen/index.html",
        "zahlen/nordkoreanische-soldaten/index.html",
        "chronik/index.html",
        "schlagwoerter/index.html",
        "daten/index.html",
        "charts/zahlen-nordkoreanische-soldaten.svg",
        "karten/kursk.svg",
        "data/report.json",
    ):
        assert (built / url).is_file(), url


def test_links_point_at_sentence_anchors(built: Path) -> None:
    putin = (built / "akteure/wladimir-putin/index.html").read_text(encoding="utf-8")
    assert 'href="../../quellen/001-bbbb2222/#s3"' in putin
    source = (built / "quellen/001-bbbb2222/index.html").read_text(encoding="utf-8")
    assert 'id="s3"' in source


def test_no_source_text_becomes_markup(built: Path) -> None:
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert 'href="javascript' not in text, page
        assert "<i>Sicherheitsrat" not in text, page
    source = (built / "quellen/001-bbbb2222/index.html").read_text(encoding="utf-8")
    assert "<title>Zweifel &#60;/title&#62;&#60;script&#62;alert(2)" in source
    assert "&#60;script&#62;alert(1)&#60;/script&#62;" in source


def test_chart_is_embedded_with_alt_text(built: Path) -> None:
    page = (built / "zahlen/nordkoreanische-soldaten/index.html").read_text(encoding="utf-8")
    assert 'src="../../charts/zahlen-nordkoreanische-soldaten.svg"' in page
    assert (
        'alt="Diagramm „nordkoreanische Soldaten“: Angaben im Zeitverlauf nach Urheber. '
        "John Kirby: mindestens" in page
    )


def test_json_ld_is_the_only_script_in_the_content_and_parses(built: Path) -> None:
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        content = (
            text[text.index('<article class="md-content__inner') :] if "md-content__inner" in text else ""
        )
        content = content[: content.find("</article>")]
        for attrs in re.findall(r"<script([^>]*)>", content):
            assert attrs == ' type="application/ld+json"', (page, attrs)
    claim = (built / "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk/index.html").read_text(
        "utf-8"
    )
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', claim, flags=re.S)
    data = json.loads(payload)
    assert data["@type"] == "Claim" and data["text"] == "Nordkoreanische Soldaten sind in der Region Kursk"
    assert {a["name"] for a in data["author"]} >= {"Wladimir Putin", "Kreml"}
    assert "</script>" not in payload and "<" not in payload  # the hostile title is \u003c-escaped
    assert any("<script>alert(2)" in w["headline"] for w in data["appearance"])


def test_abbreviations_tags_and_citation_box(built: Path) -> None:
    actor = (built / "akteure/ukrainischer-militaergeheimdienst-hur/index.html").read_text("utf-8")
    assert '<abbr title="Hauptverwaltung für Aufklärung, Militärgeheimdienst der Ukraine">HUR</abbr>' in actor
    assert "md-tag" in actor and "Organisation" in actor
    tags = (built / "schlagwoerter/index.html").read_text("utf-8")
    assert "ukrainischer-militaergeheimdienst-hur/" in tags
    assert "Zitieren" in actor and "akteure/ukrainischer-militaergeheimdienst-hur/" in actor


def document(built: Path, url: str) -> dict:
    """The search index's record of the page at `url` ("/akteure/x/")."""
    [found] = [d for d in indexed_documents(built) if d["url"] == url]
    return found


def section_text(doc: dict, anchor: str) -> str:
    """The indexed words of a page between the element with id `anchor` and the next anchor."""
    anchors = sorted(doc["anchors"], key=lambda a: a["location"])
    [at] = [i for i, a in enumerate(anchors) if a["id"] == anchor]
    end = anchors[at + 1]["location"] if at + 1 < len(anchors) else None
    return " ".join(doc["content"].split()[anchors[at]["location"] : end])


def test_search_index_is_german_and_holds_the_pages_text(built: Path) -> None:
    entry = json.loads((built / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de"]
    documents = indexed_documents(built)
    text = " ".join(d["content"] for d in documents)
    assert "Ostrussland" in text and "Militärgeheimdienst" in text
    urls = {d["url"] for d in documents}
    assert "/akteure/wladimir-putin/" in urls and "/404.html" not in urls
    assert document(built, "/akteure/wladimir-putin/")["meta"]["title"] == "Wladimir Putin"  # no "¶"
    assert "Inhaltsverzeichnis" not in text  # the page text only: no navigation, header or footer


def test_search_index_leaves_out_what_every_page_repeats(built: Path) -> None:
    actor = (built / "akteure/ukrainischer-militaergeheimdienst-hur/index.html").read_text("utf-8")
    assert "Zitiervorschlag" in actor  # shown on the page ...
    documents = indexed_documents(built)
    assert not [d["url"] for d in documents if "Zitiervorschlag" in d["content"]]  # ... not indexed
    headings = [a["text"] for d in documents for a in d["anchors"] if a["element"].startswith("h")]
    assert headings and not [h for h in headings if "¶" in h]  # nor the headings' permalinks
    # a claim's evidence table repeats its sources' sentences: shown, but indexed only at the source
    claim = "behauptungen/nordkorea-hat-soldaten-nach-russland-entsandt/"
    assert "Satz" in (built / claim / "index.html").read_text("utf-8")
    assert "Satz" not in section_text(document(built, f"/{claim}"), "belege")
    assert any(d["url"].startswith("/quellen/") and "Kirby" in d["content"] for d in documents)


def test_every_page_kind_carries_its_search_filters(built: Path) -> None:
    putin = document(built, "/akteure/wladimir-putin/")["filters"]
    assert putin["Art"] == ["Akteur"] and putin["Akteur"] == ["Wladimir Putin"]
    assert "Monat" not in putin and "Medium" not in putin and putin["Region"]
    claim = document(built, "/behauptungen/nordkorea-hat-soldaten-nach-russland-entsandt/")["filters"]
    assert claim["Art"] == ["Behauptung"] and claim["Monat"] == ["2024-10 (Oktober)"]
    source = document(built, "/quellen/000-aaaa1111/")["filters"]
    assert source["Art"] == ["Quelle"] and source["Medium"] == ["CNN"]
    assert source["Monat"] == ["2024-10 (Oktober)"]
    assert "Wladimir Putin" in source["Akteur"] and "Kursk" in source["Region"]
    kinds = {d["url"].split("/")[1]: d["filters"].get("Art") for d in indexed_documents(built)}
    assert kinds["behauptungen"] == ["Behauptung"] and kinds["regionen"] == ["Region"]
    assert kinds["zahlen"] in (["Zahl"], None) and kinds["chronik"] in (["Chronik"], None)
    months = [d for d in indexed_documents(built) if re.fullmatch(r"/chronik/\d{4}-\d\d/", d["url"])]
    assert months and all(d["filters"]["Art"] == ["Chronik"] for d in months)


def test_a_statement_sentence_tells_the_search_who_said_it(built: Path) -> None:
    doc = document(built, "/quellen/001-bbbb2222/")
    sentences = {a["id"] for a in doc["anchors"] if re.fullmatch(r"s\d+", a["id"])}
    assert "s3" in sentences  # every sentence is an anchor a result can lead to
    voices = {k: v for k, v in doc["meta"].items() if k in sentences}
    stance = re.compile(r" (behauptet|bestätigt|bestreitet|bezweifelt)\b")
    assert voices and all(stance.search(v) for v in voices.values())


def test_pages_load_nothing_from_other_hosts(built: Path) -> None:
    """Stylesheets, scripts, images and frames come from the site itself (no web fonts, no CDN)."""
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:link|script|img|iframe|source)\b[^>]*>", text):
            for url in re.findall(r'\b(?:href|src|srcset)="([^"]*)"', tag):
                assert not re.match(r"(https?:)?//", url), (page, tag)


def test_strict_build_fails_on_a_broken_anchor(tmp_path: Path) -> None:
    config = site_copy(tmp_path)
    render_report(sample_report(), tmp_path / "docs")
    page = tmp_path / "docs" / "akteure" / "kreml.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kaputt](../quellen/000-aaaa1111.md#s99)\n")
    with pytest.raises(SiteBuildError, match="s99"):
        build_site(config, tmp_path / "out")
    build_site(config, tmp_path / "out", strict=False)  # the same site builds when not strict
