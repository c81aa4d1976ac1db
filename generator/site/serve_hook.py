"""An MkDocs hook for ``lagebild serve``: every (re)build of the preview is indexed for the search.

`generator.site.mkdocs.serve_site` adds this file as a hook when it starts MkDocs' live-reloading
server (it is never named in mkdocs.yml), so the header's search works in the preview as on the
built site. Pagefind writes into the preview's own temporary folder, which MkDocs does not watch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.site.search import index_site


def on_post_build(config: Any, **_: Any) -> None:
    index_site(Path(config.site_dir))
