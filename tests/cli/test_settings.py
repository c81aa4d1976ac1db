"""Settings: lagebild.yml is checked against the typed schema, and the README cannot drift from it."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import click
import pytest

from generator.cli import main
from generator.errors import ConfigError
from generator.settings import Settings, documented_settings, settings_table, with_settings_table
from tests.conftest import ROOT

README = ROOT / "README.md"


def project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "lagebild.yml").write_text(text, "utf-8")
    return tmp_path


def problems(tmp_path: Path, text: str) -> list[str]:
    """The problem lines of the ConfigError that loading `text` raises, without the file prefix."""
    with pytest.raises(ConfigError) as caught:
        Settings.load(project(tmp_path, text))
    prefix = f"{tmp_path / 'lagebild.yml'}: "
    lines = str(caught.value).splitlines()
    assert all(line.startswith(prefix) for line in lines), lines
    return [line.removeprefix(prefix) for line in lines]


# ---- loading ----


def test_no_file_gives_the_defaults_with_paths_in_the_project(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path)
    assert settings.seeds == tmp_path / "seeds" and settings.cache_dir == tmp_path / ".lagebild-cache"
    assert settings.max_file_bytes == 5_000_000 and settings.cache is True and settings.strict is False
    assert settings.builder == "mkdocs" and settings.scheduler is None and settings.trained_pipeline is None


def test_a_good_file_loads_with_the_declared_types(tmp_path: Path) -> None:
    text = (
        "seeds: artikel\n"
        "site_dir: /srv/www/lagebild\n"
        "max_file_bytes: 1000\n"
        "strict: true\n"
        "cache: no\n"  # a YAML boolean (unquoted), so accepted
        "builder: zensical\n"
        "zensical: /opt/zensical/bin/zensical\n"
        "scheduler: tcp://10.0.0.5:8786\n"
        "trained_pipeline: de_core_news_sm\n"
        "ignore_metadata: false\n"
    )
    settings = Settings.load(project(tmp_path, text))
    assert settings.seeds == tmp_path / "artikel"
    assert settings.site_dir == Path("/srv/www/lagebild")
    assert settings.max_file_bytes == 1000 and type(settings.max_file_bytes) is int
    assert settings.strict is True and settings.cache is False and settings.ignore_metadata is False
    assert settings.builder == "zensical" and settings.zensical == "/opt/zensical/bin/zensical"
    assert settings.scheduler == "tcp://10.0.0.5:8786" and settings.trained_pipeline == "de_core_news_sm"


def test_null_is_accepted_where_a_setting_is_optional(tmp_path: Path) -> None:
    settings = Settings.load(project(tmp_path, "scheduler: null\ntrained_pipeline: ~\n"))
    assert settings.scheduler is None and settings.trained_pipeline is None


def test_every_problem_is_reported_at_once_one_line_per_key(tmp_path: Path) -> None:
    text = (
        'cache: "no"\n'
        'max_file_bytes: "5MB"\n'
        "strict: 1\n"
        "seeds: 5\n"
        "docs_dir: [a, b]\n"
        "builder: foo\n"
        "trained_pipeline: 5\n"
        "scheduler: localhost\n"
        "cahce_dir: x\n"
    )
    assert problems(tmp_path, text) == [
        "cache: expected true or false, not 'no'",
        "max_file_bytes: expected a whole number, not '5MB'",
        "strict: expected true or false, not 1",
        "seeds: expected a path, not 5",
        "docs_dir: expected a path, not ['a', 'b']",
        "builder: expected one of mkdocs, zensical, not 'foo'",
        "trained_pipeline: expected text, not 5",
        "scheduler: expected an address tcp://host:port or host:port, not 'localhost'",
        "cahce_dir: unknown setting (did you mean cache_dir?)",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("max_file_bytes: -1", "max_file_bytes: expected a number greater than 0, not -1"),
        ("max_file_bytes: 0", "max_file_bytes: expected a number greater than 0, not 0"),
        ("max_file_bytes: 5.5", "max_file_bytes: expected a whole number, not 5.5"),
        ("max_file_bytes: true", "max_file_bytes: expected a whole number, not True"),
        ("strict: 'true'", "strict: expected true or false, not 'true'"),
        ("cache:", "cache: expected true or false, got no value"),
        ("knowledge: {file: k.yml}", "knowledge: expected a path, not {'file': 'k.yml'}"),
        ("seeds: ''", "seeds: expected a path, not ''"),
        ("trained_pipeline: ''", "trained_pipeline: expected text, not ''"),
        ("zensical: [zensical, build]", "zensical: expected text, not ['zensical', 'build']"),
        ("builder: Mkdocs", "builder: expected one of mkdocs, zensical, not 'Mkdocs'"),
        ("extra: {}", "extra: unknown setting"),
        ("min_confidence: 1.5", "min_confidence: expected a number from 0 to 1, not 1.5"),
        ("min_confidence: '0.5'", "min_confidence: expected a number, not '0.5'"),
        ("min_confidence: false", "min_confidence: expected a number, not False"),
    ],
)
def test_a_bad_value_names_its_key(tmp_path: Path, line: str, message: str) -> None:
    assert problems(tmp_path, line + "\n") == [message]


@pytest.mark.parametrize("address", ["tcp://host:8786", "host:8786", "10.0.0.1:8786", "tcp://[::1]:8786"])
def test_scheduler_addresses_that_dask_accepts(tmp_path: Path, address: str) -> None:
    assert Settings.load(project(tmp_path, f"scheduler: '{address}'\n")).scheduler == address


@pytest.mark.parametrize(
    "address",
    [
        "localhost",
        "tcp://host",
        "http://host:8786",
        "host:port",
        "host:99999",
        "host:0",
        "tcp://h:1/x",
        ":8786",
    ],
)
def test_scheduler_addresses_that_are_refused(tmp_path: Path, address: str) -> None:
    assert problems(tmp_path, f"scheduler: '{address}'\n") == [
        f"scheduler: expected an address tcp://host:port or host:port, not {address!r}"
    ]


def test_a_file_that_is_not_a_mapping_or_not_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"lagebild\.yml: expected a mapping of settings, not list"):
        Settings.load(project(tmp_path, "- seeds\n"))
    with pytest.raises(ConfigError, match=r"lagebild\.yml: not valid YAML"):
        Settings.load(project(tmp_path, "seeds: [\n"))


def test_overrides_win_are_checked_the_same_way_and_keep_their_paths(tmp_path: Path) -> None:
    project(tmp_path, "builder: zensical\nseeds: artikel\n")
    settings = Settings.load(tmp_path, overrides={"builder": "mkdocs", "seeds": Path("other")})
    assert settings.builder == "mkdocs" and settings.seeds == Path("other")
    with pytest.raises(ConfigError) as caught:
        Settings.load(tmp_path, overrides={"scheduler": "nope", "strict": "yes"})
    assert str(caught.value).splitlines() == [
        "command line: scheduler: expected an address tcp://host:port or host:port, not 'nope'",
        "command line: strict: expected true or false, not 'yes'",
    ]


# ---- docs cannot drift ----


def test_every_setting_has_a_docstring() -> None:
    assert [name for name, _ in documented_settings()] == [f.name for f in fields(Settings)]
    assert all(doc for _, doc in documented_settings())


def test_readme_settings_table_is_the_generated_one() -> None:
    readme = README.read_text("utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    assert settings_table() in section, "README is out of date: run python -m generator.settings README.md"
    assert with_settings_table(readme) == readme


def test_settings_table_lists_each_setting_with_its_default() -> None:
    rows = {row.split(" | ")[0].strip("| `"): row for row in settings_table().splitlines()[2:]}
    assert list(rows) == [f.name for f in fields(Settings)]
    assert "| `max_file_bytes` | integer > 0 | `5000000` |" in rows["max_file_bytes"]
    assert "| `scheduler` | address | none |" in rows["scheduler"]
    assert "| `cache` | boolean | `true` |" in rows["cache"]
    assert "| `builder` | `mkdocs` or `zensical` | `mkdocs` |" in rows["builder"]


def _options(command: click.Command) -> set[str]:
    """Every option name `lagebild COMMAND --help` shows, except --help itself."""
    names: set[str] = set()
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            names.update(param.opts + param.secondary_opts)
    return names


def _arguments(command: click.Command) -> list[str]:
    return [p.human_readable_name for p in command.params if isinstance(p, click.Argument)]


OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")


def _command_rows() -> dict[str, tuple[str, str]]:
    """Command name → (command cell, options cell) of the README's "Command line" table."""
    section = README.read_text("utf-8").split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, tuple[str, str]] = {}
    for line in section.splitlines():
        if line.startswith("| `lagebild "):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            rows[cells[0].strip("`").split()[1]] = (cells[0], cells[1])
    return rows


def test_readme_lists_every_command() -> None:
    assert isinstance(main, click.Group)
    assert sorted(_command_rows()) == sorted(main.commands)


@pytest.mark.parametrize("name", sorted(main.commands))  # type: ignore[attr-defined]
def test_readme_row_lists_exactly_the_options_of_its_command(name: str) -> None:
    command = main.commands[name]  # type: ignore[attr-defined]
    usage, options = _command_rows()[name]
    assert set(OPTION.findall(options)) == _options(command)
    assert usage.strip("`").split()[2:] == _arguments(command)


def test_readme_mentions_the_options_of_lagebild_itself() -> None:
    section = README.read_text("utf-8").split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    for option in [*_options(main), "--help", "-h"]:
        assert f"`lagebild {option}`" in section or f"`{option}`" in section or f"({option})" in section


def test_cli_options_named_in_setting_docs_exist() -> None:
    every = set().union(*(_options(c) for c in main.commands.values()))  # type: ignore[attr-defined]
    for name, doc in documented_settings():
        for option in re.findall(r"`(?:lagebild \w+ )?(--[a-z-]+)`", doc):
            assert option in every, f"setting {name} mentions {option}, which no command has"
