"""Knowledge files are checked against one typed schema; every German word list exists once, as data."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest
import yaml
from spacy.lang.de.stop_words import STOP_WORDS

from generator.base.cache import EXTRACTION_CODE
from generator.base.digest import CODE_SUFFIXES
from generator.corpus.clean import clean_text
from generator.errors import ConfigError
from generator.knowledge.schema import SHIPPED_WORDS, extend_words, read_user_file, shipped_words
from generator.knowledge.words import WordLists, list_names
from generator.nlp.dates import resolve_date
from generator.nlp.numbers import parse_number_word

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "generator" / "knowledge"


def problems_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "knowledge.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        read_user_file(path)
    message = str(caught.value)
    assert all(line.startswith(f"{path}: ") for line in message.splitlines())
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "lexicon:\n  reporting:\n    asserts: twitterte\n",
            "lexicon.reporting.asserts: expected a list of strings, got a string",
        ),
        ("lexicon:\n  honorifics: 3\n", "lexicon.honorifics: expected a list of strings, got a number"),
        (
            "lexicon:\n  honorifics: {Mag: x}\n",
            "lexicon.honorifics: expected a list of strings, got a mapping",
        ),
        (
            "lexicon:\n  months: [Lenz]\n",
            "lexicon.months: expected a mapping of strings to whole numbers, got a list",
        ),
        ("lexicon:\n  honorfics: [Mag.]\n", "lexicon.honorfics: unknown key (did you mean 'honorifics'?)"),
        ("actor:\n  - name: X\n", "actor: unknown key (did you mean 'actors'?)"),
        ("actors:\n  - name: X\n    alias: [Y]\n", "actors[1].alias: unknown key (did you mean 'aliases'?)"),
        (
            "actors:\n  - name: X\n    aliases: Y\n",
            "actors[1].aliases: expected a list of strings, got a string",
        ),
        ("actors:\n  - role: Sprecher\n", "actors[1].name: missing"),
        (
            "places:\n  - name: Obertal\n    type: village\n",
            "places[1].type: expected one of area, region, city, country",
        ),
        (
            "claims:\n  - text: Der Damm ist gebrochen\n    all: [[4.500]]\n",
            "claims[1].all[1][1]: expected a string, got a number (quote numbers",
        ),
        ("- actors\n", "the file: expected a mapping, got a list"),
    ],
)
def test_a_bad_user_file_names_the_file_and_the_key(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in problems_of(tmp_path, text)


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    message = problems_of(
        tmp_path,
        "lexicon:\n  honorfics: [Mag.]\n  reporting: sagte\n"
        "places:\n  - name: Obertal\n    aliases: Untertal\n",
    )
    assert len(message.splitlines()) == 3


def test_a_user_list_extends_the_shipped_list(tmp_path: Path) -> None:
    path = tmp_path / "knowledge.yml"
    path.write_text("lexicon:\n  reporting:\n    asserts: [twitterte]\n  honorifics: [Mag.]\n", "utf-8")
    user = read_user_file(path)
    assert user is not None
    words = extend_words(shipped_words(), user.lexicon)
    assert "twitterte" in words.reporting["asserts"] and "sagte" in words.reporting["asserts"]
    assert words.reporting["denies"] == shipped_words().reporting["denies"]
    assert words.honorifics == [*shipped_words().honorifics, "Mag."]
    assert "twitterte" not in shipped_words().reporting["asserts"]  # the shipped lists stay as they are


def test_extended_lists_change_what_the_rules_do() -> None:
    words = extend_words(
        shipped_words(),
        {"credit_labels": ["Grafik"], "relative_days": {"übermorgen": 2}, "number_words": {"elfe": 11}},
    )
    raw = "Titel des Artikels\n\nGrafik: Obertaler Bote\n\nDer Damm bei Obertal hielt stand."
    assert "Grafik" in clean_text(raw).text
    assert "Grafik" not in clean_text(raw, words).text
    assert resolve_date("übermorgen", "2021-05-03", words) == "2021-05-05"
    assert resolve_date("übermorgen", "2021-05-03") is None
    assert parse_number_word("elfe", words) == 11 and parse_number_word("elfe") is None


def test_every_list_is_shipped_in_exactly_one_file() -> None:
    defined: dict[str, list[str]] = {}
    for name in SHIPPED_WORDS:
        for key in yaml.safe_load((KNOWLEDGE / name).read_text("utf-8")):
            defined.setdefault(key, []).append(name)
    assert sorted(defined) == sorted(list_names())
    assert {k: v for k, v in defined.items() if len(v) > 1} == {}
    assert all(isinstance(k, str) for k in shipped_words().number_words)  # "null" is quoted


def test_the_cache_key_follows_the_knowledge_files() -> None:
    """``pipeline_version`` digests every data file of generator/knowledge/ (see base/digest.py)."""
    assert "knowledge" in EXTRACTION_CODE
    for name in [*SHIPPED_WORDS, "countries.yml", "organizations.yml", "areas.yml"]:
        assert (KNOWLEDGE / name).is_file() and name.endswith(CODE_SUFFIXES)


def test_every_knowledge_file_says_what_it_holds_and_who_reads_it() -> None:
    for path in KNOWLEDGE.glob("*.yml"):
        header = path.read_text("utf-8").split("\n\n", 1)[0]
        assert header.startswith("#") and "Read by generator/" in header.replace("\n# ", " "), path.name


# -- no German word lists in code ---------------------------------------------------------------
def _shipped_vocabulary() -> set[str]:
    """Every word of the shipped lists, and German stop words; not the keys of mappings to lists
    (stances, place types) nor the labels of ``negated_stance`` and ``gender_endings``."""
    vocabulary: set[str] = set(STOP_WORDS)
    for name in set(list_names()) - {"negated_stance", "gender_endings"}:
        value = getattr(shipped_words(), name)
        for key, inner in value.items() if isinstance(value, dict) else [(w, None) for w in value]:
            if isinstance(inner, list):
                vocabulary.update(w.lower() for w in inner)
            else:
                vocabulary.add(key.lower())
    return vocabulary


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Call) and node.args:  # frozenset({...}), set([...]), tuple(...)
        return _strings(node.args[0])
    if isinstance(node, ast.Dict):
        return [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


# The HanTa wrapper maps the tagger's own analysis (STTS tags, morpheme classes) to spaCy's
# attributes; its tables belong to that model, not to the rules.
TAGGER_MODULES = {"nlp/tagger.py", "nlp/stts.py"}

# Collections of German words that are not language knowledge of the rules.
ALLOWED = {
    ("model.py", "QUALIFIERS"),  # the annotation vocabulary of the report model (tests/data/ANNOTATION.md)
}


def test_no_module_outside_knowledge_defines_a_german_word_list() -> None:
    vocabulary = _shipped_vocabulary()
    found = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        relative = path.relative_to(ROOT / "generator").as_posix()
        if relative.startswith("knowledge/") or relative in TAGGER_MODULES:
            continue
        for node in ast.parse(path.read_text("utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            value = getattr(node, "value", None)
            if not names or value is None or (relative, names[0]) in ALLOWED:
                continue
            german = [s for s in _strings(value) if s.lower() in vocabulary]
            if len(german) >= 2:
                found.append(f"{relative}: {names[0]} = {german[:4]}")
    assert found == [], "German word lists belong in generator/knowledge/*.yml"


def test_the_readme_names_every_list_a_user_may_extend_under_its_file() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme[readme.index("- `lexicon.yml`:") : readme.index("Lists gain the words you give")]
    listed: dict[str, str] = {}
    for entry in re.split(r"\n- ", block.strip().removeprefix("- ")):
        file, names = entry.split(":", 1)
        for name in re.findall(r"`(\w+)`", names):
            listed[name] = file.strip("` ")
    shipped: dict[str, str] = {}
    for path in sorted((ROOT / "generator" / "knowledge").glob("*.yml")):
        if path.name == "series.yml":
            continue  # the rules of figure series, a schema of their own (its `qualifiers` are ranges)
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        if isinstance(data, dict):
            shipped.update({k: path.name for k in data if k in {f.name for f in fields(WordLists)}})
    assert listed == shipped
