"""Rules that read a line with its neighbours: lists of headlines and links, paragraphs printed
twice, and the page chrome before the first and after the last paragraph of prose."""

from __future__ import annotations

from storylens.extract.features import LineFeatures, normalise_for_matching
from storylens.extract.view import PageView


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
        above = (
            f.index < title_at
            or (f.index < view.first_prose and f.words <= 3)
            or under_headline(f, view, reasons, title_at)
        )
        below = f.index > view.last_prose and not (f.data or labels_data(f, view))
        if above or below:
            reasons[f.index] = "navigation"


HEADER_REASONS = frozenset(["title", "repeated title", "date stamp", "byline", "navigation"])


def under_headline(
    f: LineFeatures, view: PageView, reasons: list[str | None], title_at: int
) -> bool:
    """A short line between the headline block and the first prose under it: the site's name,
    a section or a tagline ("LatAm Daily Brief" under the headline and its date)."""
    if title_at < 0 or f.index <= title_at or f.words > 6:
        return False
    between = view.features[title_at + 1 : f.index]
    return not any(g.prose and reasons[g.index] not in HEADER_REASONS for g in between)


def labels_data(f: LineFeatures, view: PageView) -> bool:
    """A short label ("Results") directly above lines of figures."""
    following = view.features[f.index + 1] if f.index + 1 < len(view.features) else None
    return f.words <= 3 and following is not None and following.data
