"""Timeline flags: an article whose own date does not fit what it says.

"timeline": the article is dated after a date the sources give to an event it still calls
upcoming. "date-stamp": read in the article's own frame, its weekday for the event falls far from
every date the other sources give: the stamp is probably a crawl or update date, not publication.
"""

from __future__ import annotations

import datetime as dt

from storylens.compare.context import StoryContext
from storylens.compare.dates import long_date, parse_iso_date, read_date
from storylens.compare.events import Event, EventUse, is_future
from storylens.compare.text import join_names, make_span, sentence_bounds, stable_id
from storylens.model import Flag, Span

STAMP_TOLERANCE_DAYS = 3


def _event_dates(context: StoryContext, event: Event) -> list[tuple[dt.date, str, Span]]:
    """Explicit days the sources give the event (year from the words or the story's year)."""
    found = []
    for use in event.uses:
        for time in use.mention.times:
            reading = read_date(time)
            if reading is None or reading.kind != "day":
                continue
            year = reading.year or context.frame_year
            if not year or reading.month is None or reading.day is None:
                continue
            try:
                day = dt.date(year, reading.month, reading.day)
            except ValueError:
                continue
            span = make_span(use.article, time.start, time.end)
            if span:
                found.append((day, use.article.id, span))
    return sorted(found, key=lambda item: (item[0], item[1], item[2].start))


def _sentence_span(use: EventUse) -> Span | None:
    start, end = sentence_bounds(use.article, use.mention.start)
    return make_span(use.article, start, end)


def _published(context: StoryContext, article_id: str) -> dt.date | None:
    return parse_iso_date(context.by_id[article_id].article.published)


def timeline_flags(context: StoryContext, events: list[Event]) -> list[Flag]:
    flags: dict[str, Flag] = {}
    for event in events:
        dates = _event_dates(context, event)
        for use in event.uses:
            article_id = use.article.id
            published = _published(context, article_id)
            if published is None or not is_future(use):
                continue
            earlier = [(d, a, s) for d, a, s in dates if d < published and a != article_id]
            if earlier:
                flag = _upcoming_flag(context, event, use, published, earlier)
                if flag:
                    flags.setdefault(flag.id, flag)
            stamp = _stamp_flag(context, event, use, published, dates)
            if stamp:
                flags.setdefault(stamp.id, stamp)
    return sorted(flags.values(), key=lambda f: (f.article_id, f.kind, f.id))


def _upcoming_flag(
    context: StoryContext,
    event: Event,
    use: EventUse,
    published: dt.date,
    earlier: list[tuple[dt.date, str, Span]],
) -> Flag | None:
    span = _sentence_span(use)
    if span is None:
        return None
    latest = max(d for d, _a, _s in earlier)
    sources = sorted({a for d, a, _s in earlier if d == latest})
    explanation = (
        f"{use.article.id} is dated {long_date(published.isoformat())} but describes "
        f"{event.label} as still to come; {join_names(sources)} "
        f"{'dates' if len(sources) == 1 else 'date'} it {long_date(latest.isoformat())}."
    )
    evidence = (span, *(s for d, _a, s in earlier if d == latest))
    return Flag(
        id=stable_id("flag", "timeline", use.article.id, event.id),
        kind="timeline",
        article_id=use.article.id,
        explanation=explanation,
        evidence=evidence,
    )


def _stamp_flag(
    context: StoryContext,
    event: Event,
    use: EventUse,
    published: dt.date,
    dates: list[tuple[dt.date, str, Span]],
) -> Flag | None:
    others = [(d, a, s) for d, a, s in dates if a != use.article.id]
    if not others:
        return None
    for time in use.mention.times:
        reading = read_date(time)
        if reading is None or reading.kind != "weekday" or not reading.resolved:
            continue
        resolved = parse_iso_date(reading.resolved)
        if resolved is None:
            continue
        gaps = [abs((resolved - d).days) for d, _a, _s in others]
        if min(gaps) <= STAMP_TOLERANCE_DAYS:
            continue
        span = make_span(use.article, time.start, time.end)
        if span is None:
            continue
        shown = sorted({d for d, _a, _s in others})
        explanation = (
            f"{use.article.id} is dated {long_date(published.isoformat())}, which puts its "
            f"“{time.text.strip()}” on {long_date(resolved.isoformat())}; other sources date "
            f"{event.label} {join_names([long_date(d.isoformat()) for d in shown])}: its date "
            "stamp is probably not its publication date."
        )
        return Flag(
            id=stable_id("flag", "date-stamp", use.article.id, event.id),
            kind="date-stamp",
            article_id=use.article.id,
            explanation=explanation,
            evidence=(span, *(s for _d, _a, s in others)),
        )
    return None
