"""`lagebild serve` says where the preview is before it starts serving."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main, serve_address
from generator.site import mkdocs


def test_serve_address() -> None:
    assert serve_address("127.0.0.1:8000", None) == "http://127.0.0.1:8000/"
    assert serve_address("0.0.0.0:9000", "https://example.org/lagebild/") == "http://0.0.0.0:9000/lagebild/"
    assert serve_address("[::1]:8000", "https://example.org/lb") == "http://[::1]:8000/lb/"


@pytest.mark.parametrize(("site_url", "shown"), [(None, "/"), ("https://example.org/bericht/", "/bericht/")])
def test_serve_prints_its_address_then_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site_url: str | None, shown: str
) -> None:
    config = "site_name: x\n" + (f"site_url: {site_url}\n" if site_url else "")
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    served: list[tuple[Path, str]] = []
    monkeypatch.setattr(mkdocs, "serve_site", lambda path, dev_addr: served.append((path, dev_addr)))
    args = ["serve", "--no-rebuild", "--project", str(tmp_path), "--dev-addr", "127.0.0.1:8123"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"Vorschau: http://127.0.0.1:8123{shown} (beenden mit Strg+C)" in result.output
    assert served == [(tmp_path / "mkdocs.yml", "127.0.0.1:8123")]
    quiet = CliRunner().invoke(main, [*args, "-q"])
    assert quiet.exit_code == 0 and "Vorschau" not in quiet.output
