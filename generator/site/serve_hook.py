"""An MkDocs hook for ``lagebild serve``: every (re)build of the preview is indexed for the search,
and pages outside the navigation show their section in it, as in `lagebild build`.

`generator.site.mkdocs.serve_site` adds this file as a hook when it starts MkDocs' live-reloading
server (it is never named in mkdocs.yml), so the header's search works in the preview as on the
built site. Pagefind writes into the preview's own temporary folder, which MkDocs does not watch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.site.search import index_site
from generator.site.sections import SectionPlugin

_sections = SectionPlugin()
on_nav = _sections.on_nav
on_page_context = _sections.on_page_context
on_post_page = _sections.on_post_page


def on_post_build(config: Any, **_: Any) -> None:
    index_site(Path(config.site_dir))
