"""Rendering a Report into Markdown pages: paths, anchors, links, formats, escaping, determinism."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import jinja2
import markdown
import pytest
from report_fixture import DOC_A, DOC_B, HOSTILE_SENTENCE, sample_report

from generator.base.formatting import format_date, format_number
from generator.charts.assets import FigureChart
from generator.render import write as write_module
from generator.render.escape import escape_markdown, yaml_title
from generator.render.pages import PageSpec
from generator.render.write import SECTIONS, RenderError, make_environment, render_report
from generator.resolve.facts import derive_facts

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "abbr", "toc", "pymdownx.details"]
LINK = re.compile(r"\]\((?!https?:)([^)\s]+)\)")
ID_ATTR = re.compile(r'id="([^"]+)"|\{ #([\w-]+) \}')


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs_dir = tmp_path / "docs"
    docs_dir.mkdir()
    (docs_dir / "index.md").write_text("# Start\n", encoding="utf-8")
    (docs_dir / "daten.md").write_text("# Daten\n", encoding="utf-8")
    render_report(sample_report(), docs_dir)
    return docs_dir


def read(docs: Path, rel: str) -> str:
    return (docs / rel).read_text(encoding="utf-8")


def test_pages_exist_at_their_slugs(docs: Path) -> None:
    expected = [
        "uebersicht/index.md",
        "akteure/index.md",
        "akteure/wladimir-putin.md",
        "akteure/ukrainischer-militaergeheimdienst-hur.md",
        "regionen/index.md",
        "regionen/kursk.md",
        "behauptungen/index.md",
        "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk.md",
        "quellen/index.md",
        "quellen/000-aaaa1111.md",
        "quellen/001-bbbb2222.md",
        "zahlen/index.md",
        "zahlen/nordkoreanische-soldaten.md",
        "chronik/index.md",
        "karten/kursk.svg",
        "includes/abkuerzungen.md",
        "data/report.json",
        "data/figures.csv",
        "data/claims.csv",
    ]
    for rel in expected:
        assert (docs / rel).is_file(), rel
    assert read(docs, "index.md") == "# Start\n"  # hand-written file untouched


def test_every_generated_page_is_linked_from_its_section_index(docs: Path) -> None:
    """Only the sections are in the navigation: each page must be reachable from its index."""
    for section in ("akteure", "regionen", "behauptungen", "quellen", "zahlen", "chronik"):
        index = read(docs, f"{section}/index.md")
        linked = set(re.findall(rf"\(\.\./{section}/([^)#]+\.md)", index))
        pages = {p.name for p in (docs / section).glob("*.md")} - {"index.md"}
        redirects = {p for p in pages if "http-equiv" in read(docs, f"{section}/{p}")}
        assert pages, section
        assert pages - redirects <= linked, (section, sorted(pages - redirects - linked))


def test_long_lists_on_actor_pages_show_the_newest_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import limits

    monkeypatch.setattr(limits, "ROWS_SHOWN", 1)
    render_report(sample_report(), tmp_path)
    kirby = (tmp_path / "akteure" / "john-kirby.md").read_text("utf-8")
    statements = kirby[kirby.index("## Aussagen") : kirby.index("## Zahlenangaben")]
    assert statements.count("#aussage-") == 1
    assert (
        "Gezeigt: die neuesten 1 von 2 Aussagen; vollständig in [claims.csv](../data/claims.csv)."
        in statements
    )
    figures = kirby[kirby.index("## Zahlenangaben") : kirby.index("## Erwähnungen im Zeitverlauf")]
    assert "Gezeigt: die neuesten 1 von 2 Zahlenangaben" in figures
    assert (tmp_path / "data" / "claims.csv").is_file()
    # the evidence pages have their own, larger bound: the claim page keeps every statement
    claim = (tmp_path / "behauptungen" / "nordkorea-hat-soldaten-nach-russland-entsandt.md").read_text(
        "utf-8"
    )
    assert claim.count('id="aussage-') == 5 and "Gezeigt:" not in claim


def test_claim_and_series_pages_list_the_newest_evidence_and_links_to_the_rest_find_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import limits

    monkeypatch.setattr(limits, "EVIDENCE_ROWS", 1)
    render_report(sample_report(), tmp_path)
    claim_path = "behauptungen/nordkorea-hat-soldaten-nach-russland-entsandt.md"
    claim = (tmp_path / claim_path).read_text("utf-8")
    assert claim.count('id="aussage-') == 1 and 'id="aussage-st8"' in claim  # 04.11.2024, the newest
    assert "Gezeigt: die neuesten 1 von 5 Aussagen; vollständig in [claims.csv](../data/claims.csv)." in claim
    series = (tmp_path / "zahlen" / "nordkoreanische-soldaten.md").read_text("utf-8")
    table = series[series.index("## Alle Angaben") :]
    assert table.count('class="lb-link" id="zahl-') == 1
    assert (
        "Gezeigt: die neuesten 1 von 5 Angaben; vollständig in [figures.csv](../data/figures.csv)." in table
    )
    listed = re.findall(r'id="(zahl-[^"]+)"', table)
    # elsewhere, a link to a listed row keeps its anchor; one to a row the page leaves out leads to its top
    chronik = "".join(p.read_text("utf-8") for p in (tmp_path / "chronik").glob("2024-*.md"))
    assert f"../{claim_path}#aussage-st8)" in chronik
    to_claim = re.findall(rf"\(\.\./{re.escape(claim_path)}(#[\w-]+)?\)", chronik)
    assert sorted(set(to_claim)) == ["", "#aussage-st8"]
    to_series = set(re.findall(r"\(\.\./zahlen/nordkoreanische-soldaten\.md(#[\w-]+)?\)", chronik))
    assert to_series == {"", f"#{listed[0]}"}


def test_newest_keeps_the_latest_rows_in_their_order() -> None:
    from generator.render.limits import newest

    rows = [("a", "2024-01-03"), ("b", None), ("c", "2024-01-09"), ("d", "2024-01-05")]
    shown = newest(rows, lambda r: r[1], 2)
    assert [r[0] for r in shown.rows] == ["c", "d"] and shown.total == 4 and shown.hidden == 2
    assert newest(rows, lambda r: r[1], 9).rows == rows


def test_tags_page_lists_kinds_then_countries_and_chips_link_there(docs: Path) -> None:
    page = (docs / "schlagwoerter" / "index.md").read_text("utf-8")
    headings = re.findall(r"^## (.+?) \{ #([a-z0-9-]+) \}$", page, re.M)
    names = [name for name, _ in headings]
    kinds = ["Person", "Organisation", "Staat", "Stadt", "Region", "Land", "Gebiet"]
    assert "Person" in names and "Organisation" in names and "Russland" in names
    last_kind = max(names.index(k) for k in kinds if k in names)
    assert all(names.index(n) > last_kind for n in names if n not in kinds)
    nato = (docs / "akteure" / "nato.md").read_text("utf-8")
    assert "[Organisation](../schlagwoerter/index.md#organisation){ .md-tag }" in nato
    organisations = page[page.index("## Organisation") :].split("\n## ", 1)[0]
    assert "- [NATO](../akteure/nato.md)" in organisations


def test_source_page_has_one_anchor_per_sentence(docs: Path) -> None:
    page = read(docs, "quellen/000-aaaa1111.md")
    report = sample_report()
    doc = next(d for d in report.documents if d.id == DOC_A)
    for sentence in doc.sentences:
        assert page.count(f'id="{sentence.anchor}"') == 1
    assert "Fast 12.000 nordkoreanische Soldaten" in page
    assert "[John Kirby](../akteure/john-kirby.md)" in page


def test_every_relative_link_resolves_to_a_file_and_anchor(docs: Path) -> None:
    anchors = {
        p: {a or b for a, b in ID_ATTR.findall(p.read_text(encoding="utf-8"))} for p in docs.rglob("*.md")
    }
    checked = 0
    for page in docs.rglob("*.md"):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            path, _, anchor = target.partition("#")
            resolved = (page.parent / path).resolve() if path else page.resolve()
            assert resolved.is_file(), f"{page.relative_to(docs)} → {target}"
            if anchor:
                assert anchor in anchors[resolved], f"{page.relative_to(docs)} → {target}"
            checked += 1
    assert checked > 50


def test_statements_and_figures_link_to_their_exact_sentence(docs: Path) -> None:
    actor = read(docs, "akteure/wladimir-putin.md")
    # the quote is shown and linked to sentence index 2 (anchor s3) of document B
    assert "[„keine nordkoreanischen Soldaten in Kursk“](../quellen/001-bbbb2222.md#s3)" in actor
    assert "bestreitet" in actor and "bestätigt" in actor
    figures = read(docs, "zahlen/nordkoreanische-soldaten.md")
    assert "[CNN, Satz 3](../quellen/000-aaaa1111.md#s3)" in figures
    assert "[Tagesspiegel, Satz 4](../quellen/001-bbbb2222.md#s4)" in figures
    # the actor page links each statement to its row on the claim page
    claim = "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk.md"
    assert f"[Nordkoreanische Soldaten sind in der Region Kursk](../{claim}#aussage-st2)" in actor
    assert 'id="aussage-st2"' in read(docs, claim)


def test_figures_are_german_formatted_and_grouped(docs: Path) -> None:
    index = read(docs, "zahlen/index.md")
    assert (
        "| [nordkoreanische Soldaten](../zahlen/nordkoreanische-soldaten.md) | 5 | 3.000 bis 12.000 | 4 |"
        in index
    )
    page = read(docs, "zahlen/nordkoreanische-soldaten.md")
    assert 'id="zahl-000-aaaa1111-f1"' in page and "fast **12.000**" in page
    assert "mindestens **3.000**" in page
    assert "12000" not in page.replace("charts/", "")
    assert "![Diagramm „nordkoreanische Soldaten“" in page
    assert "](../charts/zahlen-nordkoreanische-soldaten.svg)" in page
    # pages that list figures link each value to its row on the series page
    actor = read(docs, "akteure/john-kirby.md")
    assert "[mindestens 3.000](../zahlen/nordkoreanische-soldaten.md#zahl-000-aaaa1111-f2)" in actor


def test_claim_page_status_and_evidence(docs: Path) -> None:
    page = read(docs, "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk.md")
    assert page.startswith(
        '---\ntitle: "Nordkoreanische Soldaten sind in der Region Kursk"\nhide:\n  - toc\n---\n'
    )
    assert (
        "Von **1** Akteur behauptet, von **0** bestätigt,\n    von **1** bestritten, von **1** bezweifelt"
        in page
    )
    assert "die erste am 24.10.2024, die letzte am 28.10.2024" in page
    assert page.count("](../quellen/") >= 3
    assert "Zahlen in diesen Sätzen" not in page  # no figures in these sentences
    assert "](../charts/behauptung-nordkoreanische-soldaten-sind-in-der-region-kursk.svg)" in page
    assert (
        "Diagramm „Haltungen“: Haltungen im Zeitverlauf nach Akteur. Kreml: bezweifelt am 28.10.2024." in page
    )
    # evidence rows: an anchor each, the quote linked to its sentence
    assert 'id="aussage-st1"' in page and 'href="#aussage-st1"' in page
    assert (
        "| bestreitet | [„keine nordkoreanischen Soldaten in Kursk“](../quellen/001-bbbb2222.md#s3) |" in page
    )
    assert "**Betrifft:** [Nordkorea](../akteure/nordkorea.md)" in page
    assert "**Orte:** [Kursk](../regionen/kursk.md)" in page
    with_figures = read(docs, "behauptungen/nordkorea-hat-soldaten-nach-russland-entsandt.md")
    assert "### [nordkoreanische Soldaten](../zahlen/nordkoreanische-soldaten.md)" in with_figures


def test_hostile_text_stays_text(docs: Path) -> None:
    everything = "\n".join(p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))
    everything = everything.replace('<script type="application/ld+json">', "")  # our only script
    for bad in (
        "<script",
        "<i>",
        "[x](javascript",
        "{{",
        "{#s1}",
        "*fett*",
        "_kursiv_",
        "javascript:alert(3)]",
    ):
        assert bad not in everything, bad
    source = read(docs, f"quellen/{DOC_B.replace('_', '-')}.md")
    # the http-less URL is not a link
    assert "**Adresse:** javascript:alert(3)" in source
    # the role containing "|" keeps the actors table at 8 columns
    row = next(line for line in read(docs, "akteure/index.md").splitlines() if "john-kirby" in line)
    assert row.count("|") == 9


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE_SENTENCE,
        "<img src=x onerror=alert(1)> &amp; &#60; \\*x\\*",
        "# Überschrift ## | a | b |\n\n- Liste\n> Zitat",
        "[a]: javascript:alert(1)\n*[HTML]: Hyper",
        '!!! note "x"\n    ```code```',
        "Text {: .klasse #id } ![bild](x.png) <http://example.org>",
    ],
)
def test_escaped_text_renders_as_the_same_text(text: str) -> None:
    for template in ("{}", "# {}", "| a |\n|---|\n| {} |", "[{}](x.md)"):
        out = markdown.markdown(template.format(escape_markdown(text)), extensions=EXTENSIONS)
        tags = set(re.findall(r"<(\w+)", out))
        assert tags <= {"p", "h1", "table", "thead", "tbody", "tr", "th", "td", "a"}, (template, out)
        visible = html.unescape(re.sub(r"<[^>]+>", "", out)).strip()
        assert " ".join(text.split()) in visible, (template, out)


def test_yaml_title_is_html_escaped_yaml() -> None:
    import yaml

    raw = 'a </title><b>"x" & y: \\'
    value = yaml.safe_load("title: " + yaml_title(raw))["title"]
    assert value == "a &#60;/title&#62;&#60;b&#62;&#34;x&#34; &#38; y: \\"


def test_templates_refuse_unescaped_text() -> None:
    env = make_environment()
    with pytest.raises(RenderError, match="unescaped"):
        env.from_string("{{ text }}").render(text="<b>")
    assert env.from_string("{{ text|md }} {{ n }}").render(text="<b>", n=3) == "&#60;b&#62; 3"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing|md }}").render()


def test_german_formats() -> None:
    assert format_number(12000) == "12.000"
    assert format_number(3000.0) == "3.000"
    assert format_number(8_000_000) == "8.000.000"
    assert format_number(1.5) == "1,5"
    assert format_date("2024-10-24") == "24.10.2024"
    assert format_date(None) == "–"


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    files_a = render_report(sample_report(), first)
    report = sample_report()
    report.actors.reverse()  # input order must not matter
    report.figures.reverse()
    report.documents.reverse()
    files_b = render_report(report, second)
    rel_a = [p.relative_to(first) for p in files_a]
    assert rel_a == [p.relative_to(second) for p in files_b]
    different = [str(rel) for rel in rel_a if (first / rel).read_bytes() != (second / rel).read_bytes()]
    assert different == ["data/report.json"]  # the model dump keeps the model's own order
    again = render_report(sample_report(), first)
    assert [p.read_bytes() for p in again] == [
        (second.parent / "a" / p.relative_to(first)).read_bytes() for p in again
    ]


def test_data_files(docs: Path) -> None:
    report = sample_report()
    expected = json.dumps(report.to_dict(), ensure_ascii=False, indent=1, sort_keys=True)
    assert read(docs, "data/report.json") == expected
    figures = list(csv.DictReader(read(docs, "data/figures.csv").splitlines()))
    assert [(f["value"], f["attributed_name"], f["anchor"]) for f in figures] == [
        ("3000", "John Kirby", "s4"),
        ("12000", "Ukrainischer Militärgeheimdienst (HUR)", "s3"),
        ("12000", "John Kirby", "s4"),
        ("10000", "NATO", "s3"),  # dated by its sentence ("am Montag", 04.11.) before 05.11.
        ("11000", "Ukraine", "s2"),
    ]
    claims = list(csv.DictReader(read(docs, "data/claims.csv").splitlines()))
    assert len(claims) == 8 and {c["stance"] for c in claims} == {"asserts", "confirms", "denies", "doubts"}


def test_rerender_replaces_generated_folders_only(docs: Path) -> None:
    (docs / "stylesheets").mkdir()
    (docs / "stylesheets" / "x.css").write_text("a{}", encoding="utf-8")
    report = sample_report()
    report.actors = [a for a in report.actors if a.id != "kreml"]
    seen: list[tuple[int, int]] = []
    written = render_report(report, docs, progress=lambda done, total: seen.append((done, total)))
    assert not (docs / "akteure" / "kreml.md").exists()
    assert (docs / "stylesheets" / "x.css").read_text(encoding="utf-8") == "a{}"
    assert read(docs, "index.md") == "# Start\n"
    assert seen[-1] == (len(written), len(written)) and len(seen) == len(written)
    assert sorted(p.name for p in docs.iterdir()) == sorted(
        [*SECTIONS, "index.md", "daten.md", "stylesheets"]
    )


def test_failure_leaves_previous_output(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}

    def broken(self: object) -> str:
        raise RuntimeError("chart failed")

    monkeypatch.setattr(FigureChart, "render", broken)
    report = sample_report()
    report.actors = []
    with pytest.raises(RuntimeError, match="chart failed"):
        render_report(report, docs)
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in docs.iterdir() if p.name.startswith(".")]


def test_a_page_failing_in_the_second_process_names_itself_and_leaves_the_output(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claim pages are planned and rendered in a forked process: its error reaches the caller."""
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    original = write_module.render_page

    def broken(env: jinja2.Environment, page: PageSpec, facets: object = None) -> str:
        if page.path.startswith("behauptungen/") and page.path != "behauptungen/index.md":
            raise RenderError(f"{page.path}: template broken")
        return original(env, page, facets)

    monkeypatch.setattr(write_module, "render_page", broken)
    with pytest.raises(RenderError, match=r"behauptungen/.+\.md: template broken"):
        render_report(sample_report(), docs)
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
    assert not [p for p in docs.iterdir() if p.name.startswith(".")]


def test_undated_report_still_charts_its_figures(tmp_path: Path) -> None:
    report = sample_report()
    for doc in report.documents:
        doc.source.published = None
    for figure in report.figures:
        figure.date = None
    for claim in report.claims:
        for statement in claim.statements:
            statement.date = None
    render_report(derive_facts(report), tmp_path)
    actor = read(tmp_path, "akteure/john-kirby.md")
    assert "| Wert | Reihe | Gegenstand | Beleg |" in actor  # no empty date column
    page = read(tmp_path, "zahlen/nordkoreanische-soldaten.md")
    assert "](../charts/zahlen-nordkoreanische-soldaten.svg)" in page
    assert "nordkoreanische Soldaten: Angaben nach Urheber." in page
    claim = read(tmp_path, "behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk.md")
    assert "in 3 Aussagen,\n    ohne Datum." in claim
    assert "charts/" not in claim  # no dates, no stance chart
    source = read(tmp_path, "quellen/001-bbbb2222.md")
    assert "erschlossen" not in source  # "published" is marked inferred, but there is no date to mark


def test_a_long_line_of_speakers_names_those_with_the_most_statements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import Counter

    from generator.render import limits

    report = sample_report()
    claim = next(c for c in report.claims if len(c.status.claimants) >= 3)
    counts = Counter(st.claimant for st in claim.statements)
    top = max(claim.status.claimants, key=lambda a: (counts[a], -claim.status.claimants.index(a)))
    monkeypatch.setattr(limits, "NAMES_SHOWN", 1)
    render_report(report, tmp_path)
    page = next(p for p in (tmp_path / "behauptungen").glob("*.md") if claim.text in p.read_text("utf-8"))
    line = next(x for x in page.read_text("utf-8").splitlines() if x.startswith("**Geäußert von:**"))
    hidden = len(claim.status.claimants) - 1
    assert line.count("](../akteure/") == 1 and f"(../akteure/{top}.md)" in line
    assert line.endswith(f" und {hidden} weitere; genannt sind die 1 mit den meisten Aussagen")
