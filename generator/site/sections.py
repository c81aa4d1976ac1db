"""The navigation shows which section a page outside it belongs to.

Only the sections' index pages are in the navigation (mkdocs.yml); the thousands of actor, region,
claim, figure, source and Chronik pages are reached through them. MkDocs marks a navigation entry
active only for the page itself, so on an actor's page no entry was marked. `SectionPlugin` marks
the entry of the section whose folder holds the page ("Akteure" for akteure/…/) while that page is
rendered: Material then shows it as the current section (``md-nav__item--active``).

`lagebild build` adds the plugin to the configuration, and `lagebild serve` through its hook
(`generator.site.serve_hook`); mkdocs.yml never names it, so Zensical reads the same file.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def section_of(url: str) -> str:
    """The first folder of a page's URL ("akteure" for "akteure/wladimir-putin/"), or ""."""
    head, slash, _ = url.partition("/")
    return head if slash else ""


class SectionPlugin(BasePlugin):  # type: ignore[type-arg]
    """Marks a page's section in the navigation while the page is rendered (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, Page] = {}
        self.in_nav: set[str] = set()
        self.marked: Page | None = None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.in_nav = {page.url for page in nav.pages}
        self.sections = {}
        for item in nav.items:
            if isinstance(item, Page) and section_of(item.url):
                self.sections.setdefault(section_of(item.url), item)
        return nav

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        section = None if page.url in self.in_nav else self.sections.get(section_of(page.url))
        if section is not None:
            section.active = True
            self.marked = section
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.marked is not None:
            self.marked.active = False
            self.marked = None
        return output
