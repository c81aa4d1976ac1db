"""Zensical as the optional site builder, driven through a stand-in executable.

The stand-in does what matters here of ``zensical build``: reads the configuration it is
given, and writes the site into that configuration's ``site_dir`` (or fails, when told to).
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
import yaml
from site_projects import SEEDS, build, new_project

from generator.errors import SiteBuildError
from generator.site.zensical import build_with_zensical, with_site_dir

STAND_IN = """#!{python}
import json, os, sys
from pathlib import Path
import yaml

args = sys.argv[1:]
config = Path(args[args.index("--config-file") + 1])
data = yaml.safe_load(config.read_text("utf-8"))
log = Path(os.environ["STAND_IN_LOG"])
log.write_text(json.dumps({{"args": args, "cwd": os.getcwd(), "config": config.name}}))
if os.environ.get("STAND_IN_FAIL"):
    print("Error: broken link in akteure/x.md", file=sys.stderr)
    sys.exit(1)
site = Path(data["site_dir"])
docs = Path(data.get("docs_dir", "docs"))
pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
page = "<h1>" + data["site_name"] + "</h1><p>" + " ".join(pages) + "</p>"
(site / "index.html").write_text('<html lang="de"><body>' + page + "</body></html>", "utf-8")
"""


@pytest.fixture
def zensical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    exe = tmp_path / "bin" / "zensical"
    exe.parent.mkdir()
    exe.write_text(STAND_IN.format(python=sys.executable), "utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("STAND_IN_LOG", str(tmp_path / "stand-in.json"))
    return exe


def small_project(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Start\n", "utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Probe\nsite_dir: veroeffentlicht\n", "utf-8")
    return folder / "mkdocs.yml"


def test_site_dir_is_replaced_at_the_top_level_only() -> None:
    text = "site_name: X\nsite_dir: alt\ntheme:\n  site_dir: bleibt\n"
    data = yaml.safe_load(with_site_dir(text, Path("/tmp/neu")))
    assert data["site_dir"] == "/tmp/neu" and data["theme"] == {"site_dir": "bleibt"}


def test_lagebild_builds_with_zensical_when_chosen(tmp_path: Path, zensical: Path) -> None:
    project = new_project(tmp_path / "p", sorted(SEEDS.glob("*.txt"))[:2])
    settings = project / "lagebild.yml"
    settings.write_text(settings.read_text("utf-8") + f"zensical: {zensical}\n", "utf-8")
    result = build(project, "--builder", "zensical")
    assert result.exit_code == 0, result.output
    index = (project / "site" / "index.html").read_text("utf-8")
    assert "<h1>Lagebild</h1>" in index and "akteure/index.md" in index and "quellen/" in index
    assert (project / "site" / "pagefind" / "pagefind-entry.json").is_file()  # indexed for the search
    assert "--strict" in (tmp_path / "stand-in.json").read_text("utf-8")
    assert not list(project.glob(".lagebild-zensical-*")), "the configuration copy is left behind"
    assert (project / "mkdocs.yml").read_text("utf-8").count("site_dir:") == 1


def test_a_failed_zensical_build_keeps_the_previous_site(tmp_path: Path, zensical: Path, monkeypatch) -> None:
    config = small_project(tmp_path / "p")
    site = tmp_path / "p" / "veroeffentlicht"
    build_with_zensical(config, site, command=str(zensical))
    before = (site / "index.html").read_bytes()
    monkeypatch.setenv("STAND_IN_FAIL", "1")
    with pytest.raises(SiteBuildError, match=r"Zensical build failed:\n.*broken link in akteure/x\.md"):
        build_with_zensical(config, site, command=str(zensical))
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["docs", "mkdocs.yml", "veroeffentlicht"]


def test_a_missing_zensical_is_a_clear_error(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p")
    with pytest.raises(SiteBuildError, match=r"pip install 'zensical<0.1'"):
        build_with_zensical(config, tmp_path / "site", command="zensical-not-installed-here")


def test_an_unknown_builder_in_lagebild_yml_is_refused(tmp_path: Path) -> None:
    project = new_project(tmp_path / "p", [])
    (project / "lagebild.yml").write_text("builder: hugo\n", "utf-8")
    result = build(project)
    assert result.exit_code != 0 and "builder: expected one of mkdocs, zensical, not 'hugo'" in result.output
