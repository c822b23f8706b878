"""Features of the batch: which lines recur on other pages of the same site or of the batch.

A menu, a footer or a newsletter prompt is printed on every page of a site, and often on many
pages of a crawl; an article sentence is not (unless the page is a copy of another article, which
is why a repeated line only counts as boilerplate when the prose around it is not shared too).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from storylens.extract.features import normalise_for_matching
from storylens.model import Document


@dataclass(frozen=True)
class PageLines:
    """The candidate lines of one page, before classification."""

    document_id: str
    site: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class CorpusContext:
    """For every line seen on two or more pages: the pages (and the sites) it appears on."""

    line_pages: dict[str, frozenset[str]] = field(default_factory=dict)
    page_sites: dict[str, str | None] = field(default_factory=dict)

    def other_pages(self, line: str, document_id: str) -> int:
        """Pages of the batch other than this one that print the same line."""
        pages = self.line_pages.get(normalise_for_matching(line))
        return len(pages - {document_id}) if pages else 0

    def other_site_pages(self, line: str, document_id: str, site: str | None) -> int:
        """Other pages of the same site that print the same line."""
        if site is None:
            return 0
        pages = self.line_pages.get(normalise_for_matching(line))
        if not pages:
            return 0
        return sum(1 for p in pages if p != document_id and self.page_sites.get(p) == site)


def build_context(pages: Iterable[PageLines]) -> CorpusContext:
    seen: dict[str, set[str]] = defaultdict(set)
    sites: dict[str, str | None] = {}
    for page in pages:
        sites[page.document_id] = page.site
        for key in {normalise_for_matching(line) for line in page.lines}:
            if key:
                seen[key].add(page.document_id)
    shared = {key: frozenset(ids) for key, ids in seen.items() if len(ids) >= 2}
    return CorpusContext(line_pages=shared, page_sites=sites)


def site_of(document: Document) -> str | None:
    """The site a page belongs to: what ingest recorded, else the host of its URL."""
    if document.source.site:
        return document.source.site.casefold()
    if document.source.url:
        host = urlsplit(document.source.url).hostname or ""
        host = host.casefold().removeprefix("www.")
        return host or None
    return None
