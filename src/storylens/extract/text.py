"""The line-level boilerplate classifier: which lines of a page are the article.

It works on lines (a page saved as text, or the paragraphs trafilatura kept from HTML) and judges
each one from its own features (features.py), its neighbours (runs of headline-like lines,
interleaved time stamps, the region before the first and after the last sentence of prose) and
the batch (corpus.py: lines printed on other pages of the site or of the crawl). Title and date
stamps become metadata. The rule of the house: a line of running prose is article text unless
the evidence against it is strong; when unsure, keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.extract.corpus import CorpusContext
from storylens.extract.dates import parse_date_stamp
from storylens.extract.features import LineFeatures, clean_line, normalise_for_matching
from storylens.extract.layout import mark_edges, mark_headline_runs, mark_link_lists, mark_repeats
from storylens.extract.lines import mark_single_lines, repeated_elsewhere
from storylens.extract.view import PageView, page_view
from storylens.model import Removed

TITLE_WINDOW = 8  # a title is printed among the first lines of a page
DATE_WINDOW = 15  # so is its date, sometimes after a menu, a title, a standfirst and a byline
TITLE_SEPARATOR = re.compile(r"\s+[|–—:-]\s+|\s*\|\s*")
BREADCRUMB = re.compile(r"\S\s+[>»/|›]\s+\S")


@dataclass(frozen=True)
class PageReading:
    """What the classifier made of a page: kept lines, cut lines, and metadata found in it."""

    lines: tuple[str, ...]
    removed: tuple[Removed, ...]
    title: str | None = None
    published: str | None = None
    author: str | None = None


def clear_caches() -> None:
    """Forget the lines of earlier batches. The caches serve lines repeated within a batch;
    emptied at the start of each one, a batch costs the same whatever ran before it."""
    from storylens.extract import features, view

    for cached in (
        features.features_of_text,
        features.normalise_for_matching,
        features.markdown_link_texts,
        view.is_site_notice,
        view.is_caption,
        view.is_link_line,
    ):
        cached.cache_clear()


def split_lines(text: str) -> list[str]:
    """The non-empty cleaned lines of a page."""
    return [line for line in (clean_line(raw) for raw in text.splitlines()) if line]


def read_page(
    lines: list[str],
    *,
    document_id: str,
    site: str | None,
    context: CorpusContext,
    title_hint: str | None = None,
    title_variants: tuple[str, ...] = (),
    find_title: bool = True,
    structural: bool = True,
    link_texts: frozenset[str] = frozenset(),
    features: tuple[LineFeatures, ...] | None = None,
) -> PageReading:
    """Classify every line of one page and gather the metadata its lines carry.

    ``structural`` turns on the rules that read the page's layout (menus before the prose,
    lists after it, lines printed twice). Plain-text pages need them; on HTML, trafilatura has
    already used the markup for that, and its lists and tables are article content.
    ``link_texts`` (normalised texts of the page's links) lets lists of links be told apart
    from lists of facts. ``features``: the lines' features, when the caller has them."""
    view = page_view(lines, document_id, site, context, structural, link_texts, features)
    reasons: list[str | None] = [None] * len(lines)
    title = mark_title(view, reasons, title_hint, title_variants, find_title)
    published = mark_date_stamps(view, reasons)
    author, byline_date = mark_single_lines(view, reasons)
    mark_repeats(view, reasons, title)
    mark_headline_runs(view, reasons)
    mark_link_lists(view, reasons)
    if structural:
        mark_edges(view, reasons)
    kept = tuple(line for line, reason in zip(lines, reasons, strict=True) if reason is None)
    removed = tuple(
        Removed(text=line, reason=reason)
        for line, reason in zip(lines, reasons, strict=True)
        if reason is not None
    )
    return PageReading(kept, removed, title, published or byline_date, author)


def mark_title(
    view: PageView,
    reasons: list[str | None],
    hint: str | None,
    variants: tuple[str, ...],
    find_title: bool,
) -> str | None:
    """The headline: the given hint, else a headline-like line repeated near the top, else the
    first headline-like line before any prose. Its copies near the top leave the text, and so
    do other spellings of it (the page's <title> with the site name, its <h1>)."""
    title = hint.strip() if hint else None
    if title is None and find_title:
        title = guess_title(view)
    if not title:
        return None
    keys = headline_keys((title, *variants))
    seen = False
    for f in view.features[: TITLE_WINDOW + 2]:
        if f.prose and f.ends_sentence:
            continue
        if is_same_headline(f.text, keys):
            reasons[f.index] = "repeated title" if seen else "title"
            seen = True
    return title


def headline_keys(spellings: tuple[str, ...]) -> frozenset[str]:
    """Every spelling of a headline, whole and split at " | " or " - " (site names, kickers)."""
    keys = set()
    for spelling in spellings:
        keys.add(normalise_for_matching(spelling))
        for part in TITLE_SEPARATOR.split(spelling):
            if len(part.split()) >= 3:
                keys.add(normalise_for_matching(part))
    return frozenset(k for k in keys if k)


def is_same_headline(line: str, keys: frozenset[str]) -> bool:
    from rapidfuzz import fuzz

    key = normalise_for_matching(line)
    if not key:
        return False
    return key in keys or any(fuzz.ratio(key, other) >= 92 for other in keys)


def guess_title(view: PageView) -> str | None:
    """A line printed twice near the top wins; else the longest headline-like line before the
    prose (a kicker such as "The Long Read" or a menu entry is shorter than a headline)."""
    window = view.features[:TITLE_WINDOW]
    candidates = [f for f in window if could_be_title(f, view)]
    for f in candidates:
        if view.page_counts[normalise_for_matching(f.text)] >= 2:
            return f.text
    before_prose = [f for f in candidates if f.index < view.first_prose]
    if not before_prose:
        return None
    return max(before_prose, key=lambda f: (f.words, -f.index)).text


def could_be_title(f: LineFeatures, view: PageView) -> bool:
    if not (3 <= f.words <= 30) or f.prose or f.date_stamp or f.cta_words > 1:
        return False
    if f.ends_sentence and not f.text.rstrip("\"'”’»").endswith(("?", "!")):
        return False
    if f.teaser_label or f.copyright or f.byline or f.language_menu or f.tags or f.bullet:
        return False
    if BREADCRUMB.search(f.text):
        return False
    key = normalise_for_matching(f.text)
    tail_copies = [
        g for g in view.features[view.last_prose + 1 :] if normalise_for_matching(g.text) == key
    ]
    return not tail_copies and not repeated_elsewhere(f, view)


def prose_lines_before(view: PageView, index: int) -> int:
    """How much article is above a line; a page's stamp may follow its standfirst."""
    return sum(1 for g in view.features[:index] if g.prose)


STANDFIRST_LINES = 3  # a summary and a deck may come before the stamp, more is the article


def heads_the_article(view: PageView, index: int) -> bool:
    """A stamp after at most a standfirst and a deck, with most of the article below it."""
    before = prose_lines_before(view, index)
    after = sum(1 for g in view.features[index + 1 :] if g.prose)
    return before <= STANDFIRST_LINES and before < after


def mark_date_stamps(view: PageView, reasons: list[str | None]) -> str | None:
    """The first date stamp near the top dates the page; every other stamp is list furniture."""
    published = None
    for f in view.features:
        if not f.date_stamp or reasons[f.index] is not None:
            continue
        near_top = f.index < DATE_WINDOW and heads_the_article(view, f.index)
        value = parse_date_stamp(f.text) if near_top and published is None else None
        if value:
            published = value
            reasons[f.index] = "date stamp"
        else:
            reasons[f.index] = "timestamp"
    return published
