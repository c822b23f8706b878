"""RSS and Atom feeds: the list of pages to fetch, with the dates and titles the feed gives.

A feed item's date is often the best publication date there is (pages hide theirs), so it is
kept as the container date; its title becomes the title hint. feedparser is only ever given
bytes, never a URL, so it cannot fetch anything behind the fetcher's back.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass

from storylens.ingest.dates import struct_time_date
from storylens.ingest.problems import InputProblem


@dataclass(frozen=True)
class FeedItem:
    number: int  # 1-based position in the feed
    link: str | None
    title: str | None
    date: str | None  # ISO 8601
    content: str | None  # content:encoded, Atom content, else the summary


def parse_feed(data: bytes, base_url: str | None = None) -> list[FeedItem]:
    """The items of an RSS/Atom feed; InputProblem when the bytes are not a feed."""
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    with warnings.catch_warnings():  # feedparser warns about its own internal key mapping
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0][:100]}" if reason else ""
        raise InputProblem(f"not an RSS or Atom feed{detail}")
    if not parsed.entries:
        raise InputProblem("feed has no items")
    return [_item(number, entry) for number, entry in enumerate(parsed.entries, start=1)]


def _item(number: int, entry: dict) -> FeedItem:
    link = (entry.get("link") or "").strip() or None
    title = (entry.get("title") or "").strip() or None
    date = struct_time_date(_parsed_date(entry))
    return FeedItem(number=number, link=link, title=title, date=date, content=_content(entry))


def _parsed_date(entry: dict) -> time.struct_time | None:
    """Published before updated. Read with dict.get: feedparser's own lookup answers a missing
    'updated_parsed' with 'published_parsed' and a deprecation warning."""
    for key in ("published_parsed", "updated_parsed"):
        value = dict.get(entry, key)
        if value:
            return value
    return None


def _content(entry: dict) -> str | None:
    """Full content when the feed has it, else the summary (only used for items without link)."""
    for part in entry.get("content") or ():
        value = (part.get("value") or "").strip()
        if value:
            return value
    summary = (entry.get("summary") or "").strip()
    return summary or None
