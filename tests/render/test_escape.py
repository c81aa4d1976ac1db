"""Property tests (hypothesis): number parsing, slugs and escaping hold for any input, not just examples."""

from __future__ import annotations

import html
import re
import string
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.base.slugs import MAX_SLUG, slugify, unique_slugs
from generator.nlp.numbers import format_number, parse_digits, parse_number_word
from generator.render.escape import escape_html, escape_markdown, one_line

ROOT = Path(__file__).resolve().parents[1]
# No example database: nothing is written into the checkout (.hypothesis/); failures print their example.
PROPERTY = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# -- numbers --------------------------------------------------------------------------------


@PROPERTY
@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_through_german_display(n: int) -> None:
    shown = format_number(n)
    assert re.fullmatch(r"\d{1,3}(?:\.\d{3})*", shown)
    assert parse_digits(shown) == n


@PROPERTY
@given(st.integers(min_value=0, max_value=10**11).filter(lambda k: k % 10))
def test_one_decimal_values_round_trip(tenths: int) -> None:
    value = tenths / 10
    shown = format_number(value)
    assert re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d", shown), shown
    assert parse_digits(shown) == value


@PROPERTY
@given(st.text())
def test_parse_digits_never_raises(text: str) -> None:
    value = parse_digits(text)
    assert value is None or value >= 0


UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
TEENS = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
         "neunzehn"]  # fmt: skip
TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def below_hundred(n: int, *, final: bool) -> str:
    """1..99 as a German word; a final 1 is "eins" ("hunderteins"), a leading one "ein"."""
    if n == 1:
        return "eins" if final else "ein"
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return f"{UNITS[unit]}und{TENS[tens]}" if unit else TENS[tens]


def below_thousand(n: int, *, final: bool, one: str) -> str:
    hundreds, rest = divmod(n, 100)
    head = f"{one if hundreds == 1 else UNITS[hundreds]}hundert" if hundreds else ""
    return head + (below_hundred(rest, final=final) if rest else "")


@st.composite
def german_number(draw: st.DrawFn, top: int) -> tuple[int, str]:
    """A number below `top` and one way to write it as one German word."""
    n = draw(st.integers(min_value=1, max_value=top - 1))
    one = draw(st.sampled_from(["", "ein"]))  # "hundert" or "einhundert", "tausend" or "eintausend"
    thousands, rest = divmod(n, 1000)
    word = ""
    if thousands:
        word = "" if thousands == 1 and not one else below_thousand(thousands, final=False, one=one)
        word += "tausend"
    if rest or not word:
        word += below_thousand(rest, final=True, one=one)
    word = draw(st.sampled_from([word, word.capitalize()]))
    return n, word


@PROPERTY
@given(german_number(top=100_000))
@example((23, "dreiundzwanzig"))
@example((1001, "tausendeins"))
@example((99_999, "neunundneunzigtausendneunhundertneunundneunzig"))
def test_german_number_words_are_parsed(case: tuple[int, str]) -> None:
    value, word = case
    assert parse_number_word(word) == value


@PROPERTY
@given(german_number(top=1_000_000).filter(lambda case: case[0] >= 100_000))
@example((100_000, "hunderttausend"))
def test_hundred_thousands_are_parsed(case: tuple[int, str]) -> None:
    value, word = case
    assert parse_number_word(word) == value


@PROPERTY
@given(st.text(alphabet=string.ascii_letters + "äöüßÄÖÜ", max_size=40))
def test_parse_number_word_never_raises(word: str) -> None:
    value = parse_number_word(word)
    assert value is None or 0 <= value < 1_000_000


# -- slugs ----------------------------------------------------------------------------------

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@PROPERTY
@given(st.text(), st.integers(min_value=1, max_value=120))
@example("Wladimir Putin", MAX_SLUG)
@example("---", MAX_SLUG)
@example("\u202eКурск ⁧<script>", MAX_SLUG)
def test_slugs_are_short_clean_ascii_and_idempotent(text: str, max_length: int) -> None:
    slug = slugify(text, max_length=max_length)
    assert SLUG.fullmatch(slug), slug  # ASCII, never empty, no leading/trailing/double hyphens
    assert len(slug) <= max_length
    assert slugify(slug, max_length=max_length) == slug


@PROPERTY
@given(st.lists(st.text(max_size=12), max_size=8), st.randoms(use_true_random=False))
def test_unique_slugs_do_not_depend_on_order(names: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(names)
    rnd.shuffle(shuffled)
    assert unique_slugs(names) == unique_slugs(shuffled)
    assert set(unique_slugs(names)) == set(names)


@PROPERTY
@given(st.lists(st.text(alphabet="aA-2 ", max_size=4), max_size=8))
@example(["A", "a", "a-2"])
def test_unique_slugs_are_injective(names: list[str]) -> None:
    slugs = unique_slugs(names)
    assert len(set(slugs.values())) == len(set(names)), slugs
    assert all(SLUG.fullmatch(s) for s in slugs.values())


# -- escaping -------------------------------------------------------------------------------


def project_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions of mkdocs.yml (snippets without files to include)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    configs: dict[str, dict] = {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name == "pymdownx.snippets":
            options = {"base_path": [str(ROOT / "tests" / "data" / "no-such-folder")], "check_paths": False}
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


MD = project_markdown()
# Where templates put escaped text: a paragraph, a heading, a table cell, a link text,
# a list item, a quote, and the first thing on a line (a sentence that starts the paragraph).
CONTEXTS = {
    "paragraph": ("Vorher {} nachher", {"p"}),
    "line-start": ("{}", {"p"}),
    "heading": ("## {}", {"h2", "a"}),  # toc adds the ¶ permalink <a>
    "table": ("| a | b |\n| --- | --- |\n| {} | x |", {"table", "thead", "tbody", "tr", "th", "td"}),
    "link": ("[{}](../akteure/x.md)", {"p", "a"}),
    "list": ("- {}", {"ul", "li"}),
    "quote": ("> {}", {"blockquote", "p"}),
}

HOSTILE = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(
            [
                "<script>",
                "</script>",
                "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))",
                "![b](javascript:alert(1))",
                "<javascript:alert(1)>",
                "{{ 7*7 }}",
                "{% raw %}",
                "{: onclick=x }",
                "{ #id }",
                "*[HTML]: x",
                "[^1]",
                "[TOC]",
                "1.",
                "-",
                "+",
                "*",
                "#",
                ">",
                "???",
                "!!!",
                "---",
                "|",
                "`",
                "~~~",
                "&amp;",
                "&#60;",
                "\\",
                "\n",
                "    ",
                "\u202e",
                "--8<--",
                '"',
                "'",
                "a",
                " ",
                "Kursk",
                "https://example.org",
            ]
        ),
        max_size=12,
    ).map("".join),
)


class Tags(HTMLParser):
    """Every tag and every URL-valued attribute of a piece of HTML."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.urls: list[str] = []
        self.events: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action", "data")]
        self.events += [k for k, _ in attrs if k.startswith("on")]


@PROPERTY
@given(HOSTILE)
@example("<script>alert(1)</script>")
def test_escaped_markdown_has_no_raw_markup_characters(text: str) -> None:
    out = escape_markdown(text)
    assert not set(out) & set("<>[]`*_{}|\\\n\r")
    assert html.unescape(out) == one_line(text)


@PROPERTY
@given(HOSTILE)
def test_escaped_html_has_no_raw_markup_characters(text: str) -> None:
    out = escape_html(text)
    assert not set(out) & set("<>\"'\n")
    assert html.unescape(out) == one_line(text)


@PROPERTY
@given(HOSTILE, st.sampled_from(sorted(CONTEXTS)))
@example("1. Oktober", "line-start")
@example("- Liste", "line-start")
@example('??? note "x"', "line-start")
@example("- - -", "quote")
def test_escaped_text_renders_as_text_in_every_context(text: str, context: str) -> None:
    template, allowed = CONTEXTS[context]
    assume(one_line(text))
    MD.reset()
    out = MD.convert(template.format(escape_markdown(text)))
    parsed = Tags(out)
    assert parsed.tags <= allowed, (context, out)
    assert not parsed.events, out
    assert not [u for u in parsed.urls if re.sub(r"[\s\x00-\x1f]", "", u).lower().startswith("javascript:")]
    shown = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", out)  # toc's ¶ permalink
    visible = " ".join(html.unescape(re.sub(r"<[^>]+>", "", shown)).split())
    assert one_line(text) in visible, out
