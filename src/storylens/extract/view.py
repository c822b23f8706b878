"""What a line rule may look at: a page's lines with their features, where its prose starts
and ends, which lines are links, and the batch around it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from storylens.extract.corpus import CorpusContext
from storylens.extract.features import (
    BULLET,
    CTA_VERBS,
    WORD,
    LineFeatures,
    line_features,
    normalise_for_matching,
)
from storylens.extract.patterns import any_match

REPORTING = re.compile(r"\b(?:said|says|told|according|asked|added|stated|wrote)\b", re.I)
CAPTION = re.compile(
    r"^(?:file\s+)?(?:photos?|images?|pictures?|credits?|captions?|illustrations?|"
    r"photograph(?:er)?|video)\s*(?:credit)?\s*[:|/]"
    r"|\((?:photo|image|picture|credit|file)[^)]*\)\s*$"
    r"|(?:photograph|photo|image|picture|credit)\s*:\s*[^.]{2,60}$"
    r"|(?:getty images|/\s*afp|/\s*ap|/\s*reuters|via reuters|shutterstock|/\s*epa)\W*$",
    re.I,
)

# A site speaking about itself rather than the news: disclaimers, notes to subscribers, members'
# offers. Only ever cut outside the article's prose (see ``lines.single_line_reason``).
SITE_NOTICE = re.compile(
    r"\bnot (?:constitute |provide |intended as )?(?:investment|financial|legal|medical|tax) "
    r"advice\b|\bfor (?:general )?information(?:al)? (?:purposes )?only\b"
    r"|\bnot affiliated with\b|\byou are receiving this\b|\byou (?:have )?subscribed\b"
    r"|\b(?:premium|paying) (?:members|subscribers)\b|\bis an? (?:independent|volunteer|"
    r"non-profit|fan) (?:project|site|blog|publication)\b|\bcorrections (?:and|&) \w+:"
    # syndication: "This story was provided by X and has not been edited by our staff."
    r"|\b(?:this|the above) (?:article|story|report|content) (?:was|is|has been) (?:provided|"
    r"supplied|syndicated|distributed|auto-?generated)\b|\bhas not been edited by\b"
    r"|^\W*sources?\s*:\s*(?:news )?(?:agencies|wires?|staff)\b"
    # affiliate and newsletter furniture, event adverts
    r"|\breader-supported\b|\bwe may earn (?:a )?commission\b|\btrouble (?:reading|viewing) "
    r"this (?:e-?mail|newsletter)\b|\b(?:view|open|read) (?:it|this) (?:on the web|online|in "
    r"your browser)\b|\bearly[- ]bird (?:tickets|registration|rates?)\b|^\W*subscribers can\b"
    r"|\bnewsletter\b.{0,60}\bsign up\b|\bsign up (?:for )?free\b"
    r"|\bshare (?:it|this)(?: \w+)? with a friend\b",
    re.I,
)
# "Home › World › Europe", "Home | Sport | Contact": short entries between separators.
MENU_SEPARATOR = re.compile(r"\s+(?:[›»>|/·]|::)\s+")


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


def page_view(
    lines: list[str],
    document_id: str,
    site: str | None,
    context: CorpusContext,
    structural: bool = True,
    link_texts: frozenset[str] = frozenset(),
    features: tuple[LineFeatures, ...] | None = None,
) -> PageView:
    """``features``: the lines' features when the caller has them already (HTML drafts)."""
    if features is None:
        features = page_features(lines)
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


@lru_cache(maxsize=65536)
def is_link_line(line: str, link_texts: frozenset[str]) -> bool:
    """The line is a link's text, or starts with one that makes up most of it (a headline
    link followed by its teaser)."""
    if not link_texts:
        return False
    key = normalise_for_matching(BULLET.sub("", line))
    if key in link_texts or is_list_of_links(line, link_texts):
        return True
    # Prefixes of three words or more, longest first; one under half the line cannot count.
    third_space = nth_space(key, 3)
    end = key.rfind(" ")
    while third_space >= 0 and end >= third_space:
        if end < 0.5 * len(key):
            return False
        if key[:end] in link_texts:
            return True
        end = key.rfind(" ", 0, end)
    return False


def nth_space(text: str, n: int) -> int:
    """Where the text's n-th space is, -1 when it has fewer."""
    at = -1
    for _ in range(n):
        at = text.find(" ", at + 1)
        if at < 0:
            return -1
    return at


LIST_LABEL = re.compile(r"^[^:]{1,40}:\s+")


def is_list_of_links(line: str, link_texts: frozenset[str]) -> bool:
    """'Keep scrolling: A · B · C': a label, then links to the site's other pages between
    separators (most entries are links' texts)."""
    entries = MENU_SEPARATOR.split(LIST_LABEL.sub("", line.strip(), count=1))
    if len(entries) < 2:
        return False
    linked = sum(normalise_for_matching(entry) in link_texts for entry in entries)
    return linked * 3 >= len(entries) * 2


def page_features(lines: list[str] | tuple[str, ...]) -> tuple[LineFeatures, ...]:
    return tuple(line_features(i, line) for i, line in enumerate(lines))


def is_content_prose(f: LineFeatures) -> bool:
    """Prose that is not a notice: the lines that mark where the article begins and ends."""
    return f.prose and not (
        is_prompt(f) or f.copyright or is_caption(f.text) or is_site_notice(f.text)
    )


SITE_NOTICE_MATCH = any_match(SITE_NOTICE)
reports_speech = any_match(REPORTING)  # "said", "told", ...: a line that reports speech
CAPTION_MATCH = any_match(CAPTION)


@lru_cache(maxsize=65536)
def is_site_notice(text: str) -> bool:
    """SITE_NOTICE anywhere in the line (cached: several rules ask about the same line)."""
    return SITE_NOTICE_MATCH(text)


@lru_cache(maxsize=65536)
def is_caption(text: str) -> bool:
    """CAPTION anywhere in the line (cached: several rules ask about the same line)."""
    return CAPTION_MATCH(text)


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
    return addresses_reader and f.words <= 40 and not f.has_quote and not reports_speech(f.text)


def is_menu(text: str) -> bool:
    """Three or more short entries between separators (two with a breadcrumb arrow), no
    sentence among them."""
    entries = MENU_SEPARATOR.split(text.strip())
    arrows = "›" in text or "»" in text
    if len(entries) < (2 if arrows else 3):
        return False
    return all(0 < len(e.split()) <= 4 and not e.rstrip().endswith(".") for e in entries)
