"""Redirect pages for addresses that were published once but whose entity moved.

Written as small static HTML files into the generated sections, so MkDocs copies them
unchanged and no plugin is needed (Zensical reads the same docs folder). Each page sends
the reader on with a meta refresh and offers a plain link.
"""

from __future__ import annotations

import html
import posixpath

TEMPLATE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Weitergeleitet</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>Diese Seite ist umgezogen: <a href="{href}">weiter zur neuen Adresse</a>.</p>
</body>
</html>
"""


def redirect_files(redirects: dict[str, str], existing: set[str]) -> dict[str, str]:
    """``{"akteure/putin/index.html": html}`` for each old → new page path.

    Paths whose page still exists (in `existing`, as "section/slug") are skipped, so a
    redirect never hides a live page.
    """
    files: dict[str, str] = {}
    for old, new in sorted(redirects.items()):
        old = old.strip("/")
        if old in existing:
            continue
        target = new.strip("/")
        href = posixpath.relpath(target, old) + "/"
        files[f"{old}/index.html"] = TEMPLATE.format(href=html.escape(href, quote=True))
    return files
