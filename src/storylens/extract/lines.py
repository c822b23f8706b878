"""Rules that judge one line at a time: credits, prompts, labels, menus, lines printed on other
pages of the site or of the batch."""

from __future__ import annotations

import re

from storylens.extract.dates import parse_date_stamp
from storylens.extract.features import LineFeatures, normalise_for_matching
from storylens.extract.view import (
    PageView,
    is_caption,
    is_menu,
    is_prompt,
    is_site_notice,
    reports_speech,
    starts_with_cta,
)

COPYRIGHT_LEAD = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.I)

# "Read more: Which stocks gain from the boom?" reads like a sentence, and is a link.
# "3 min read · Updated every hour": how long the page takes, not what it says.
READING_TIME = re.compile(r"^\W*\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", re.I)

# A bilingual site labels it twice: "Leia mais / Read more: ...".
READ_ON = re.compile(
    r"^\W*(?:[^\W\d]+(?: [^\W\d]+)? ?/ ?)?(?:read (?:more|also)|see also|related|recommended)\b"
    r"[^:]{0,12}:",
    re.I,
)


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
    if (
        f.copyright
        and f.words <= 30
        and (COPYRIGHT_LEAD.match(f.text) or not reports_speech(f.text))
    ):
        return "copyright"
    if is_site_notice(f.text) and outside_prose(f, view) and not reports_speech(f.text):
        return "site notice"
    if not f.prose and is_menu(f.text) and not in_data_table(f, view):
        return "navigation"
    if f.language_menu:
        return "language menu"
    if f.count_label:
        return "comments"
    if READING_TIME.match(f.text) and f.words <= 12:
        return "reading time"
    if f.tags and f.words <= 40:
        return "tags"
    if f.advert_words and f.words <= 6 and not f.ends_sentence:
        return "advertisement"
    if is_prompt(f) and (not f.prose or prompt_is_chrome(f, view)):
        return "cookie notice" if f.consent_words else "call-to-action"
    if READ_ON.match(f.text) or (f.teaser_label and f.words >= 2 and not f.prose):
        return "read-more teaser"
    if is_labelled_headline_list(f.text):
        return "related headlines"
    if f.prose:
        return None
    if f.byline:
        return "byline"
    if is_caption(f.text) and f.words <= 30:
        return "caption"
    if is_short_prompt(f) and (view.structural or not f.bullet):
        return "call-to-action"
    if repeated_elsewhere(f, view) and not shares_surrounding_prose(f, view):
        return "navigation"
    if view.structural and printed_twice_as_chrome(f, view):
        return "navigation"
    return None


def in_data_table(f: LineFeatures, view: PageView) -> bool:
    """A row of a table (trafilatura writes "| a | b |"), next to a row with as many cells:
    a table's rows are the article's figures, while a one-row table of links is a menu."""
    cells = table_cells(f.text)
    if cells < 2:
        return False
    neighbours = view.features[max(0, f.index - 1) : f.index + 2]
    return any(g.index != f.index and table_cells(g.text) == cells for g in neighbours)


def table_cells(text: str) -> int:
    stripped = text.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")):
        return 0
    return stripped.count("|") - 1


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


LABELLED_LIST = re.compile(r"^\W*([^:]{1,30}):\s+(.+)$")
LIST_SEPARATOR = re.compile(r"\s+[·|•]\s+")


def is_labelled_headline_list(text: str) -> bool:
    """'Keep snacking: Who is the best keeper? · 7 stadiums to visit · Quiz: the winners': a
    short label, then three or more headlines between separators, none a sentence."""
    match = LABELLED_LIST.match(text)
    if match is None or len(match.group(1).split()) > 3:
        return False
    entries = LIST_SEPARATOR.split(match.group(2).strip())
    return len(entries) >= 3 and all(
        2 <= len(e.split()) <= 12 and not e.rstrip().endswith(".") for e in entries
    )


def outside_prose(f: LineFeatures, view: PageView) -> bool:
    return f.index < view.first_prose or f.index > view.last_prose


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
