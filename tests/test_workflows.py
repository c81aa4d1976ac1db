"""CI and documentation contracts: workflows lint clean, the site workflow deploys only
from the default branch, and README, Makefile and .ci/run agree on the two commands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
QUICK_START_COMMANDS = {"make site", "make test"}


def _actionlint() -> str:
    beside_python = Path(sys.executable).parent / "actionlint"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    found = shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint not found: install the dev extra (pip install -e '.[dev]')")
    return found


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def _triggers(workflow: dict[str, Any]) -> set[str]:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    on = workflow.get(True, workflow.get("on"))
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    assert isinstance(on, dict), "workflow has no `on` triggers"
    return set(on)


def _runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def _uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"] for step in job.get("steps", []) if "uses" in step]


def _step_index(job: dict[str, Any], predicate) -> int:
    for i, step in enumerate(job.get("steps", [])):
        if predicate(step):
            return i
    raise AssertionError("step not found")


def test_there_are_workflows():
    names = {p.name for p in WORKFLOW_FILES}
    assert {"site.yml", "tests.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_actionlint(path: Path):
    proc = subprocess.run(
        [_actionlint(), "-no-color", str(path.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"actionlint failed on {path.name}:\n{proc.stdout}{proc.stderr}"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_least_privilege_permissions(path: Path):
    workflow = _load(path)
    assert workflow.get("permissions") == {"contents": "read"}, f"{path.name}: top-level permissions"


def test_site_workflow_builds_strictly_and_uploads_pages_artifact():
    workflow = _load(WORKFLOWS / "site.yml")
    assert {"push", "pull_request", "workflow_dispatch"} <= _triggers(workflow)

    build = workflow["jobs"]["build"]
    assert any(u.startswith("actions/checkout@") for u in _uses(build))
    setup = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"
    assert setup["with"].get("cache") == "pip"
    assert "pyproject.toml" in str(setup["with"].get("cache-dependency-path", ""))

    runs = _runs(build)
    assert any("pip install -e ." in r for r in runs)
    # `lagebild build` (not plain `mkdocs build`): MkDocs with --strict, then the Pagefind search index
    assert not any("--no-site" in r or "mkdocs build" in r for r in runs)

    site = _step_index(build, lambda s: re.search(r"lagebild build --site-dir site\b", s.get("run", "")))
    upload = _step_index(build, lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert site < upload
    assert build["steps"][upload]["with"]["path"] == "site"


def test_site_workflow_deploys_only_from_default_branch():
    workflow = _load(WORKFLOWS / "site.yml")
    deploy = workflow["jobs"]["deploy"]

    assert deploy["needs"] in ("build", ["build"])
    condition = " ".join(str(deploy.get("if", "")).split())
    assert re.search(
        r"github\.ref == format\('refs/heads/\{0\}', github\.event\.repository\.default_branch\)", condition
    ), f"deploy condition does not pin the default branch: {condition!r}"
    # Only `&&` may combine further conditions; `||` or always() would let other refs through.
    assert "||" not in condition
    assert "always()" not in condition

    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"

    step = next(s for s in deploy["steps"] if s.get("uses", "").startswith("actions/deploy-pages@"))
    assert step["uses"] == "actions/deploy-pages@v4"
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"
    assert deploy.get("concurrency", workflow.get("concurrency", {}))["group"] == "pages"

    # Nothing but the deploy job may deploy, and the build job must not hold Pages rights.
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert not any(u.startswith("actions/deploy-pages@") for u in _uses(job))
            assert "pages" not in job.get("permissions", {})


def test_tests_workflow_runs_lint_and_tests():
    workflow = _load(WORKFLOWS / "tests.yml")
    assert {"push", "pull_request"} <= _triggers(workflow)
    runs = [r.strip() for job in workflow["jobs"].values() for r in _runs(job)]
    assert "make lint" in runs
    assert "make test" in runs
    assert runs.index("make lint") < runs.index("make test")


def _commands(script: str) -> list[str]:
    """Non-comment shell lines, stripped."""
    return [line.strip() for line in script.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_ci_run_lints_then_runs_the_readme_test_command():
    run = ROOT / ".ci" / "run"
    assert os.access(run, os.X_OK), ".ci/run must be executable"
    text = run.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash") or text.startswith("#!/bin/bash")
    lines = _commands(text)
    assert "set -euo pipefail" in lines

    lint = next(i for i, line in enumerate(lines) if re.match(r"make lint\b", line))
    test = next(i for i, line in enumerate(lines) if re.match(r"make test\b", line))
    assert lint < test


def _readme_quick_start() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Quick start\n(.*?)(?=^## )", readme, flags=re.S | re.M)
    assert match, "README.md has no '## Quick start' section"
    return match.group(1)


def test_readme_quick_start_has_exactly_the_two_commands():
    section = _readme_quick_start()
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, flags=re.S)
    assert blocks, "Quick start has no code block"
    commands = {line.split("#")[0].strip() for block in blocks for line in block.splitlines()}
    commands.discard("")
    assert commands == QUICK_START_COMMANDS


def test_readme_commands_are_makefile_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w-]*)\s*:(?!=)", makefile, flags=re.M))
    for command in QUICK_START_COMMANDS:
        assert command.removeprefix("make ") in targets, f"Makefile has no target for `{command}`"

    # The Makefile's header names the same two commands as the README.
    header = "\n".join(line for line in makefile.splitlines() if line.startswith("#"))
    assert set(re.findall(r"`(make [\w-]+)`", header)) == QUICK_START_COMMANDS
