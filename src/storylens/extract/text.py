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
from collections import Counter
from dataclasses import dataclass

from storylens.extract.corpus import CorpusContext
from storylens.extract.dates import parse_date_stamp
from storylens.extract.features import (
    BULLET,
    CTA_VERBS,
    WORD,
    LineFeatures,
    clean_line,
    line_features,
    normalise_for_matching,
)
from storylens.model import Removed

TITLE_WINDOW = 8  # a title is printed among the first lines of a page
DATE_WINDOW = 15  # so is its date, sometimes after a menu, a title, a standfirst and a byline
REPORTING = re.compile(r"\b(?:said|says|told|according|asked|added|stated|wrote)\b", re.I)
CAPTION = re.compile(
    r"^(?:file\s+)?(?:photos?|images?|pictures?|credits?|captions?|illustrations?|"
    r"photograph(?:er)?|video)\s*(?:credit)?\s*[:|/]"
    r"|\((?:photo|image|picture|credit|file)[^)]*\)\s*$"
    r"|(?:photograph|photo|image|picture|credit)\s*:\s*[^.]{2,60}$"
    r"|(?:getty images|/\s*afp|/\s*ap|/\s*reuters|via reuters|shutterstock|/\s*epa)\W*$",
    re.I,
)

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


@dataclass(frozen=True)
class PageView:
    """Everything a line rule may look at: the page's lines and the batch around it."""

    features: tuple[LineFeatures, ...]
    document_id: str
    site: str | None
    context: CorpusContext
    first_prose: int  # index of the first prose line (len(features) when none)
    last_prose: int  # index of the last prose line (-1 when none)
    page_counts: Counter[str]
    structural: bool = True
    linked: frozenset[int] = frozenset()  # lines that are (mostly) the text of a link


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
) -> PageReading:
    """Classify every line of one page and gather the metadata its lines carry.

    ``structural`` turns on the rules that read the page's layout (menus before the prose,
    lists after it, lines printed twice). Plain-text pages need them; on HTML, trafilatura has
    already used the markup for that, and its lists and tables are article content.
    ``link_texts`` (normalised texts of the page's links) lets lists of links be told apart
    from lists of facts."""
    view = page_view(lines, document_id, site, context, structural, link_texts)
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


def page_view(
    lines: list[str],
    document_id: str,
    site: str | None,
    context: CorpusContext,
    structural: bool = True,
    link_texts: frozenset[str] = frozenset(),
) -> PageView:
    features = tuple(line_features(i, line) for i, line in enumerate(lines))
    linked = frozenset(f.index for f in features if is_link_line(f.text, link_texts))
    prose = [f.index for f in features if is_content_prose(f) and f.index not in linked]
    return PageView(
        features=features,
        document_id=document_id,
        site=site,
        context=context,
        first_prose=prose[0] if prose else len(features),
        last_prose=prose[-1] if prose else -1,
        page_counts=Counter(normalise_for_matching(f.text) for f in features),
        structural=structural,
        linked=linked,
    )


def is_link_line(line: str, link_texts: frozenset[str]) -> bool:
    """The line is a link's text, or starts with one that makes up most of it (a headline
    link followed by its teaser)."""
    if not link_texts:
        return False
    key = normalise_for_matching(BULLET.sub("", line))
    if key in link_texts:
        return True
    words = key.split()
    for size in range(len(words) - 1, 2, -1):
        prefix = " ".join(words[:size])
        if prefix in link_texts:
            return len(prefix) >= 0.5 * len(key)
    return False


# --------------------------------------------------------------------------- title and dates


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


def mark_repeats(view: PageView, reasons: list[str | None], title: str | None) -> None:
    """Lines without words, paragraphs printed twice, the title printed again further down,
    and truncated teasers ("The talks begin ...") of a paragraph that follows in full."""
    seen: set[str] = set()
    title_key = normalise_for_matching(title) if title else None
    for f in view.features:
        key = normalise_for_matching(f.text)
        if reasons[f.index] is not None:
            seen.add(key)
            continue
        if not key:
            reasons[f.index] = "separator"
        elif key == title_key:
            reasons[f.index] = "repeated title"
        elif key in seen and f.prose and f.ends_sentence and f.words >= 12:
            reasons[f.index] = "duplicate"
        elif is_truncated_copy(f, view):
            reasons[f.index] = "read-more teaser"
        seen.add(key)


def is_truncated_copy(f: LineFeatures, view: PageView) -> bool:
    stripped = f.text.rstrip()
    if not stripped.endswith(("...", "…")) or f.words < 5:
        return False
    stem = stripped.rstrip(".… ")
    return any(g.index != f.index and g.text.startswith(stem) for g in view.features)


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


def mark_date_stamps(view: PageView, reasons: list[str | None]) -> str | None:
    """The first date stamp near the top dates the page; every other stamp is list furniture."""
    published = None
    for f in view.features:
        if not f.date_stamp or reasons[f.index] is not None:
            continue
        near_top = f.index < DATE_WINDOW and f.index <= view.first_prose
        value = parse_date_stamp(f.text) if near_top and published is None else None
        if value:
            published = value
            reasons[f.index] = "date stamp"
        else:
            reasons[f.index] = "timestamp"
    return published


# --------------------------------------------------------------------------- one line at a time


def mark_single_lines(view: PageView, reasons: list[str | None]) -> tuple[str | None, str | None]:
    """Lines that give themselves away: credits, prompts, labels, menus. Returns the author and
    the date of the first byline ("Posted by Jane Roe on March 3, 2024")."""
    author = byline_date = None
    for f in view.features:
        if reasons[f.index] is not None:
            continue
        reason = single_line_reason(f, view)
        if reason == "byline" and author is None:
            author = author_from_byline(f.text)
            byline_date = parse_date_stamp(f.text)
        reasons[f.index] = reason
    return author, byline_date


def single_line_reason(f: LineFeatures, view: PageView) -> str | None:
    if f.copyright and f.words <= 30 and not REPORTING.search(f.text):
        return "copyright"
    if f.language_menu:
        return "language menu"
    if f.count_label:
        return "comments"
    if f.tags and f.words <= 40:
        return "tags"
    if f.advert_words and f.words <= 6 and not f.ends_sentence:
        return "advertisement"
    if is_prompt(f) and (not f.prose or prompt_is_chrome(f, view)):
        return "cookie notice" if f.consent_words else "call-to-action"
    if f.prose:
        return None
    if f.teaser_label and f.words >= 2:
        return "read-more teaser"
    if f.byline:
        return "byline"
    if CAPTION.search(f.text) and f.words <= 30:
        return "caption"
    if is_short_prompt(f) and (view.structural or not f.bullet):
        return "call-to-action"
    if repeated_elsewhere(f, view) and not shares_surrounding_prose(f, view):
        return "navigation"
    if view.structural and printed_twice_as_chrome(f, view):
        return "navigation"
    return None


def is_short_prompt(f: LineFeatures) -> bool:
    """ "Follow us on:", "Share on Facebook", "Leave a Reply", "Facebook Twitter Email"."""
    if not f.cta_words or f.words > 12:
        return False
    return (
        starts_with_cta(f)
        or f.site_words >= 1
        or (f.words <= 6 and f.cta_words / f.words >= 0.5)
        or (f.ends_colon and f.words <= 4)
    )


def printed_twice_as_chrome(f: LineFeatures, view: PageView) -> bool:
    """A short line printed twice on the page, once outside the prose: a menu entry."""
    key = normalise_for_matching(f.text)
    if f.words > 12 or view.page_counts[key] < 2:
        return False
    return any(
        normalise_for_matching(g.text) == key
        for g in view.features
        if g.index < view.first_prose or g.index > view.last_prose
    )


def is_content_prose(f: LineFeatures) -> bool:
    """Prose that is not a notice: the lines that mark where the article begins and ends."""
    return f.prose and not (is_prompt(f) or f.copyright or CAPTION.search(f.text))


def starts_with_cta(f: LineFeatures) -> bool:
    """An imperative opens the line: "Share ...", "Sign up ...", "Click ..."."""
    first = WORD.findall(BULLET.sub("", f.text)[:30])
    return bool(first) and first[0].casefold() in CTA_VERBS


def is_prompt(f: LineFeatures) -> bool:
    """A sentence that addresses the reader ("Sign up for our newsletter ...", "We use cookies
    ..."), not news: prompt words together with words for the reader, no quote, no speaker."""
    speaks_to_reader = f.reader_words + f.site_words >= 1
    short_prompt = f.cta_words >= 1 and f.words <= 15
    addresses_reader = (starts_with_cta(f) or f.consent_words >= 1 or short_prompt) and (
        speaks_to_reader
    )
    return addresses_reader and f.words <= 40 and not f.has_quote and not REPORTING.search(f.text)


def prompt_is_chrome(f: LineFeatures, view: PageView) -> bool:
    """A prompt written as a sentence is cut only at the page's edges or when other pages
    print it too."""
    return f.index > view.last_prose or f.index < view.first_prose or repeated_elsewhere(f, view)


def repeated_elsewhere(f: LineFeatures, view: PageView) -> bool:
    """Printed on another page of the same site, or on two other pages of the batch."""
    if f.prose:
        return view.context.other_site_pages(f.text, view.document_id, view.site) >= 2
    if f.words > 12:
        return False
    return (
        view.context.other_site_pages(f.text, view.document_id, view.site) >= 1
        or view.context.other_pages(f.text, view.document_id) >= 2
    )


def shares_surrounding_prose(f: LineFeatures, view: PageView) -> bool:
    """A subhead of a syndicated copy: the prose around it is repeated elsewhere too."""
    neighbours = view.features[max(0, f.index - 2) : f.index + 3]
    return any(
        g.prose and view.context.other_pages(g.text, view.document_id) >= 1 for g in neighbours
    )


def author_from_byline(line: str) -> str | None:
    name = re.sub(r"^.*?\b(?:by|von|par)\s+", "", line, count=1, flags=re.I)
    name = re.split(r"\s*(?:[|,;•·]|\s[-–—]\s|\b(?:for|in|on|and|at)\b)\s*", name)[0].strip()
    return name or None


# --------------------------------------------------------------------------- runs and edges


def is_listy(f: LineFeatures, reasons: list[str | None]) -> bool:
    """Can sit in a list of teasers: a headline-like line, a time stamp, a short label."""
    if reasons[f.index] in ("timestamp", "date stamp", "read-more teaser"):
        return True
    if reasons[f.index] is not None or f.prose or f.data or f.text.startswith("|"):
        return False
    return f.headline_like or (f.words <= 3 and not f.ends_sentence)


def mark_headline_runs(view: PageView, reasons: list[str | None]) -> None:
    """Lists of unrelated headlines: consecutive headline-like lines, often with time stamps."""
    features = view.features
    i = 0
    while i < len(features):
        if not is_listy(features[i], reasons):
            i += 1
            continue
        j = i
        while j < len(features) and is_listy(features[j], reasons):
            j += 1
        run = features[i:j]
        if is_headline_list(run, view, reasons):
            for f in run:
                if reasons[f.index] is None:
                    reasons[f.index] = "related headlines"
        i = j


def is_headline_list(
    run: tuple[LineFeatures, ...], view: PageView, reasons: list[str | None]
) -> bool:
    headlines = [f for f in run if reasons[f.index] is None and f.headline_like]
    stamps = [f for f in run if reasons[f.index] in ("timestamp", "date stamp")]
    if not headlines:
        return False
    if not view.structural:
        return len(stamps) >= 2 and len(headlines) >= 2
    in_tail = run[0].index > view.last_prose
    if run[0].section_label and len(run) >= 2:
        return True
    if stamps and (len(headlines) >= 2 or in_tail or len(stamps) >= 2):
        return True
    if in_tail and len(run) >= 2:
        return True
    mean_title_case = sum(f.title_case for f in headlines) / len(headlines)
    return len(headlines) >= 3 and mean_title_case >= 0.7


def mark_link_lists(view: PageView, reasons: list[str | None]) -> None:
    """Lists of links to other pages: two or more link lines in a row, or link lines after the
    article's last paragraph (with the label that introduces them)."""
    features = view.features
    for f in features:
        if f.index not in view.linked or reasons[f.index] is not None:
            continue
        neighbours = [
            g.index in view.linked
            for g in features[max(0, f.index - 1) : f.index + 2]
            if g.index != f.index and reasons[g.index] is None
        ]
        if f.index > view.last_prose or any(neighbours):
            reasons[f.index] = "related headlines"
    for f in features[view.last_prose + 1 :]:
        follows = features[f.index + 1] if f.index + 1 < len(features) else None
        if (
            reasons[f.index] is None
            and follows is not None
            and follows.index in view.linked
            and reasons[follows.index] == "related headlines"
            and is_list_label(f)
        ):
            reasons[f.index] = "related headlines"


def is_list_label(f: LineFeatures) -> bool:
    """ "You may also like...", "More stories:", "TRENDING": a few words naming the list below."""
    text = f.text.rstrip()
    return f.words <= 8 and (not f.ends_sentence or text.endswith(("...", "…", ":")))


def mark_edges(view: PageView, reasons: list[str | None]) -> None:
    """Before the first and after the last line of prose, short fragments are page chrome:
    everything above the headline, short lines between it and the prose, unpunctuated lines
    after the prose (except lines of figures and the label just above them)."""
    title_at = next((i for i, r in enumerate(reasons) if r == "title"), -1)
    for f in view.features:
        if reasons[f.index] is not None or f.prose or f.ends_sentence:
            continue
        above = f.index < title_at or (f.index < view.first_prose and f.words <= 3)
        below = f.index > view.last_prose and not (f.data or labels_data(f, view))
        if above or below:
            reasons[f.index] = "navigation"


def labels_data(f: LineFeatures, view: PageView) -> bool:
    """A short label ("Results") directly above lines of figures."""
    following = view.features[f.index + 1] if f.index + 1 < len(view.features) else None
    return f.words <= 3 and following is not None and following.data
