"""What a line rule may look at: a page's lines with their features, where its prose starts
and ends, which lines are links, and the batch around it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storylens.extract.corpus import CorpusContext
from storylens.extract.features import (
    BULLET,
    CTA_VERBS,
    WORD,
    LineFeatures,
    line_features,
    normalise_for_matching,
)

REPORTING = re.compile(r"\b(?:said|says|told|according|asked|added|stated|wrote)\b", re.I)
CAPTION = re.compile(
    r"^(?:file\s+)?(?:photos?|images?|pictures?|credits?|captions?|illustrations?|"
    r"photograph(?:er)?|video)\s*(?:credit)?\s*[:|/]"
    r"|\((?:photo|image|picture|credit|file)[^)]*\)\s*$"
    r"|(?:photograph|photo|image|picture|credit)\s*:\s*[^.]{2,60}$"
    r"|(?:getty images|/\s*afp|/\s*ap|/\s*reuters|via reuters|shutterstock|/\s*epa)\W*$",
    re.I,
)


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
