"""Citing the report: permanent page URLs, the "Zitieren" box, schema.org JSON-LD for claims.

The site's base URL comes from ``site_url`` in mkdocs.yml; without it, pages are cited by
their path relative to the site. JSON-LD is the only script the report adds: it is built with
`json.dumps` and every ``<``, ``>`` and ``&`` is written as a ``\\u`` escape, so no article
text can close the script element or open a comment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError
from generator.model import Claim, Document
from generator.render.escape import Safe
from generator.render.links import Linker
from generator.resolve.index import ReportIndex

MAX_SOURCES = 20  # a box lists at most this many sources, then links to the sources index
MAX_APPEARANCES = 100  # a claim's schema.org data names at most this many articles (the newest)
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_TABLE = str.maketrans(_SCRIPT_ESCAPES)
_SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "state": "Country"}


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without knowing its custom tags (!ENV, !relative …)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteInfo:
    """What citation needs from mkdocs.yml."""

    site_url: str | None = None
    directory_urls: bool = True

    def page_url(self, path: str) -> str:
        """``behauptungen/x.md`` → ``https://example.org/behauptungen/x/`` (or ``behauptungen/x/``)."""
        stem = path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            url = stem.removesuffix("index")
        else:
            url = f"{stem}/" if self.directory_urls else f"{stem}.html"
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else url

    @property
    def absolute(self) -> bool:
        return bool(self.site_url)


def read_site_info(config_file: Path) -> SiteInfo:
    """``site_url`` and ``use_directory_urls`` from an mkdocs.yml; defaults if it does not exist."""
    try:
        data = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except FileNotFoundError:
        return SiteInfo()
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config_file}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        return SiteInfo()
    url = data.get("site_url")
    if url is not None and not (isinstance(url, str) and url.lower().startswith(("http://", "https://"))):
        raise ConfigError(f"{config_file}: site_url: expected an http(s) URL, got {url!r}")
    return SiteInfo(site_url=url or None, directory_urls=bool(data.get("use_directory_urls", True)))


@dataclass(frozen=True)
class CitedSource:
    """One source in a "Zitieren" box."""

    link: Safe  # the outlet (or short title), linked to the source page
    title: str
    published: str | None
    url: str | None  # as the source gives it; the box shows only web addresses


@dataclass(frozen=True)
class Citation:
    """The "Zitieren" box of one page: its address, title and the sources it rests on."""

    url: str
    absolute: bool
    title: str
    sources: tuple[CitedSource, ...]  # newest first
    more: int = 0  # sources not listed (beyond MAX_SOURCES)


def cite(site: SiteInfo, ix: ReportIndex, path: str, title: str, docs: Iterable[str]) -> Citation:
    """The box of the page at `path`, resting on the documents `docs` (ids; unknown ones are left out)."""
    ordered = ix.newest_documents(docs)
    ln = Linker(ix)
    return Citation(
        url=site.page_url(path),
        absolute=site.absolute,
        title=title,
        sources=tuple(cited_source(ix, ln, d) for d in ordered[:MAX_SOURCES]),
        more=max(len(ordered) - MAX_SOURCES, 0),
    )


def cited_source(ix: ReportIndex, ln: Linker, doc: Document) -> CitedSource:
    link = ln.source(doc.id, ix.source_label(doc.id))
    return CitedSource(link, ix.source_title(doc.id), doc.source.published, doc.source.url)


def script_json(data: Any) -> str:
    """JSON for a ``<script>`` element: no character of it can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_SCRIPT_TABLE)


def claim_json_ld(ix: ReportIndex, claim: Claim, site: SiteInfo, path: str) -> Safe:
    """A schema.org ``Claim`` with its appearances (the articles), authors and subjects."""
    statements = sorted(claim.statements, key=ix.statement_key)
    appearances = []
    for doc_id in dict.fromkeys(st.doc for st in statements):
        doc = ix.docs.get(doc_id)
        if doc is None:
            continue
        work: dict[str, Any] = {"@type": "NewsArticle", "headline": ix.source_title(doc_id)}
        if doc.source.published:
            work["datePublished"] = doc.source.published
        if doc.source.outlet:
            work["publisher"] = {"@type": "Organization", "name": doc.source.outlet}
        if doc.source.url and doc.source.url.lower().startswith(("http://", "https://")):
            work["url"] = doc.source.url
        appearances.append(work)
    authors = [
        {"@type": _SCHEMA_TYPES.get(ix.actors[a].type, "Thing"), "name": ix.actors[a].name}
        for a in claim.status.claimants
        if a in ix.actors
    ]
    about = [
        {"@type": _SCHEMA_TYPES.get(ix.actors[a].type, "Thing"), "name": ix.actors[a].name}
        for a in claim.actors
        if a in ix.actors
    ]
    about += [{"@type": "Place", "name": ix.regions[r].name} for r in claim.regions if r in ix.regions]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "text": claim.text,
        "inLanguage": "de",
    }
    dates = [d for st in statements if (d := ix.statement_date(st))]
    if dates:
        data["dateCreated"] = min(dates)
    if site.absolute:
        data["url"] = site.page_url(path)
    if appearances:
        data["firstAppearance"] = appearances[0]
        data["appearance"] = appearances[-MAX_APPEARANCES:]  # the newest; a claim may have thousands
    if authors:
        data["author"] = authors
    if about:
        data["about"] = about
    return Safe(f'<script type="application/ld+json">{script_json(data)}</script>')
