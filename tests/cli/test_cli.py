"""The command line, driven like a user would: exit codes, messages, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.settings import documented_settings
from tests.conftest import GOLD, ROOT, SEEDS


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", ["build", "extract", "evaluate", "serve"])
def test_help_for_every_command(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: main" in result.output or "Usage: lagebild" in result.output


def test_extract_then_evaluate_on_seeds(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "extraction.json"
    result = runner.invoke(main, ["extract", str(SEEDS), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["document"] for d in data["documents"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    first = data["documents"][0]
    assert list(first) == ["document", "outlet", "published", "actors", "regions", "figures", "claims"]
    assert first["outlet"] == "CNN" and first["published"] == "2024-10-24"
    result = runner.invoke(main, ["evaluate", str(out), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) >= {"actors", "actors_typed", "regions", "figures", "claims", "macro_f1"}
    assert scores["figures"]["f1"] > 0.8


def test_bad_article_is_named_and_skipped(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gut.txt").write_text(
        "Die NATO bestätigte am Montag die Entsendung von 3.000 Soldaten.", "utf-8"
    )
    (corpus / "kaputt.txt").write_bytes(b"\xff\xfe\x00bin\x00\x00\x01")
    (corpus / "latin.txt").write_bytes("Grüße aus Kiew".encode("latin-1"))
    out = tmp_path / "x.json"
    result = runner.invoke(main, ["extract", str(corpus), "--out", str(out), "-q"])
    assert result.exit_code == 0
    assert "latin.txt: not valid UTF-8" in result.output
    assert len(json.loads(out.read_text("utf-8"))["documents"]) == 1
    strict = runner.invoke(main, ["extract", str(corpus), "--out", str(out), "--strict", "-q"])
    assert strict.exit_code == 1
    assert "Error:" in strict.output and ".txt" in strict.output


def test_missing_folder_and_bad_gold(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "x.json")])
    assert result.exit_code == 1 and "corpus folder does not exist" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    result = runner.invoke(main, ["evaluate", str(bad), "--gold", str(GOLD)])
    assert result.exit_code == 1 and "bad.json: not valid JSON" in result.output


def test_every_setting_is_documented() -> None:
    readme = (ROOT / "docs" / "betrieb.md").read_text(encoding="utf-8") + (ROOT / "README.md").read_text(
        "utf-8"
    )
    for name, doc in documented_settings():
        assert doc, f"setting {name} has no docstring"
        assert f"`{name}`" in readme, f"setting {name} is not documented in README.md or docs/betrieb.md"


def test_bad_settings_file_lists_every_key_and_exits(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "lagebild.yml").write_text(
        'cache: "no"\nmax_file_bytes: "5MB"\nstrict: 1\nbuilder: foo\nscheduler: localhost\n', "utf-8"
    )
    result = runner.invoke(main, ["build", "--project", str(tmp_path), "--no-site", "-q"])
    assert result.exit_code == 1
    lines = [line.removeprefix("Error: ") for line in result.output.splitlines()]
    keys = [line.removeprefix(f"{tmp_path / 'lagebild.yml'}: ").split(":")[0] for line in lines]
    assert keys == ["cache", "max_file_bytes", "strict", "builder", "scheduler"]
    assert not (tmp_path / "docs").exists(), "nothing runs while the settings are wrong"


def test_bad_command_line_value_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", "--project", str(tmp_path), "--scheduler", "http://h:1"])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--scheduler': expected an address tcp://host:port or host:port" in result.output
    )
    result = runner.invoke(main, ["build", "--project", str(tmp_path), "--builder", "hugo"])
    assert result.exit_code == 2 and "'hugo' is not one of 'mkdocs', 'zensical'" in result.output


def test_command_line_options_override_the_settings_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.build

    seen = []

    def fake_build(settings, **_):
        seen.append(settings)
        return SimpleNamespace(documents=[], actors=[], regions=[], claims=[], figures=[])

    monkeypatch.setattr(generator.build, "build", fake_build)
    (tmp_path / "lagebild.yml").write_text(
        "builder: zensical\nscheduler: 'h:8786'\nseeds: artikel\n", "utf-8"
    )
    result = runner.invoke(main, ["build", "--project", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    assert (seen[0].builder, seen[0].scheduler, seen[0].cache, seen[0].strict) == (
        "zensical",
        "h:8786",
        True,
        False,
    )
    assert seen[0].seeds == tmp_path / "artikel"
    options = ["--builder", "mkdocs", "--scheduler", "tcp://k:1", "--no-cache", "--strict", "--seeds", "x"]
    result = runner.invoke(main, ["build", "--project", str(tmp_path), "-q", "--site-dir", "out", *options])
    assert result.exit_code == 0, result.output
    assert (seen[1].builder, seen[1].scheduler, seen[1].cache, seen[1].strict) == (
        "mkdocs",
        "tcp://k:1",
        False,
        True,
    )
    assert (seen[1].seeds, seen[1].site_dir) == (Path("x"), Path("out"))


def _program(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed program's code path: ``python -m generator.cli`` (`generator.cli.run`)."""
    command = [sys.executable, "-m", "generator.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_the_program_keeps_exit_codes_and_output_when_it_exits_at_once(tmp_path: Path) -> None:
    out = tmp_path / "extraction.json"
    done = _program("extract", str(SEEDS), "--out", str(out), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{len(list(SEEDS.glob('*.txt')))} Artikel → {out}\n", "flushed before the exit"
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == len(list(SEEDS.glob("*.txt")))
    usage = _program("build", "--no-such-option", cwd=tmp_path)
    assert usage.returncode == 2 and "No such option" in usage.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    failed = _program("evaluate", str(broken), "--gold", str(GOLD), cwd=tmp_path)
    assert failed.returncode == 1 and str(broken) in failed.stderr


def test_a_project_folder_that_does_not_exist_is_named(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "kein-projekt"
    result = runner.invoke(main, ["build", "--project", str(missing), "-q"])
    assert result.exit_code == 2
    assert f"'{missing}' does not exist" in result.output
    assert not missing.exists(), "nothing was created"
