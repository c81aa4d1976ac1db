"""Where the site folder cannot be replaced, the build says so and touches nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.mkdocs import SiteBuildError, build_site

MKDOCS_YML = "site_name: Ziel\ntheme: mkdocs\n"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    return tmp_path


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_file_where_the_site_should_be_is_an_error_and_stays(project: Path) -> None:
    (project / "site").write_text("meine Notizen", encoding="utf-8")
    with pytest.raises(SiteBuildError, match=r"site is a file, not a folder"):
        build_site(project / "mkdocs.yml")
    assert (project / "site").read_text(encoding="utf-8") == "meine Notizen"
    assert hidden(project) == []


def test_a_read_only_site_is_an_error_and_stays(project: Path) -> None:
    build_site(project / "mkdocs.yml")
    site = project / "site"
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    site.chmod(0o555)
    try:
        with pytest.raises(SiteBuildError, match=r"site is read-only"):
            build_site(project / "mkdocs.yml")
        assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
        assert hidden(project) == []
    finally:
        site.chmod(0o755)


def test_a_link_where_the_site_should_be_is_an_error(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("webroot")
    (elsewhere / "keep.html").write_text("x", encoding="utf-8")
    (project / "site").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(SiteBuildError, match="symbolic link"):
        build_site(project / "mkdocs.yml")
    assert (elsewhere / "keep.html").exists() and (project / "site").is_symlink()
