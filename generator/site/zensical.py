"""Zensical, the successor of Material for MkDocs, as an optional site builder.

Zensical reads ``mkdocs.yml`` as it is (Lagebild's needs no MkDocs plugin: redirects, tags and
abbreviations are plain generated Markdown), keeps its own cache and rebuilds only what
changed. It is not a dependency: install it where it installs (``pip install 'zensical<0.1'``;
0.1 and later need ``zensical-ui``) and choose it with ``builder: zensical`` in lagebild.yml or
``lagebild build --builder zensical``. MkDocs stays the default.

As with MkDocs, the build goes into a fresh folder that replaces the site only when it
succeeded: Zensical is given a copy of the configuration, beside the original, whose
``site_dir`` points there. Pagefind then indexes that folder, as after MkDocs
(`generator.site.search`), before it replaces the site.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from generator.errors import SiteBuildError
from generator.site.mkdocs import fresh_folder, swap_in
from generator.site.search import index_site

SITE_DIR = re.compile(r"^site_dir\s*:.*$\n?", re.MULTILINE)
MAX_OUTPUT = 4000


def with_site_dir(config_text: str, site_dir: Path) -> str:
    """The configuration with its top-level ``site_dir`` replaced by `site_dir`."""
    text = SITE_DIR.sub("", config_text)
    note = "# written by lagebild for one Zensical build"
    return text.rstrip("\n") + f"\n\n{note}\nsite_dir: {json.dumps(str(site_dir))}\n"


def build_with_zensical(
    config_file: Path, site_dir: Path, *, strict: bool = True, command: str = "zensical"
) -> None:
    """Build the site of `config_file` with Zensical into `site_dir`. Raises SiteBuildError."""
    config_file = Path(config_file).resolve()
    executable = shutil.which(command)
    if executable is None:
        raise SiteBuildError(
            f"{config_file}: builder 'zensical' chosen, but no Zensical executable '{command}' was found; "
            "install it with pip install 'zensical<0.1' or build with MkDocs (builder: mkdocs)"
        )
    target = Path(site_dir).resolve()
    staging = fresh_folder(target, "new")
    copy = config_file.with_name(f".lagebild-zensical-{os.getpid()}.yml")
    try:
        copy.write_text(with_site_dir(config_file.read_text(encoding="utf-8"), staging), encoding="utf-8")
        args = [executable, "build", "--config-file", str(copy)] + (["--strict"] if strict else [])
        done = subprocess.run(args, cwd=config_file.parent, capture_output=True, text=True, errors="replace")
        output = (done.stdout + done.stderr).strip()
        if done.returncode != 0 or not (staging / "index.html").is_file():
            raise SiteBuildError(f"{config_file}: Zensical build failed:\n{output[-MAX_OUTPUT:]}")
        index_site(staging)
        swap_in(staging, target)
    except OSError as exc:
        raise SiteBuildError(f"{config_file}: Zensical build failed: {exc}") from exc
    finally:
        copy.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
