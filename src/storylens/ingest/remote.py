"""Pages named by URL (on the command line, in a URL list, in a feed) -> Documents.

What the server says a response is (Content-Type) is checked against what the bytes are, so
a feed served as text/html is still read as a feed, and an HTML page served as text/plain
still goes to the HTML extractor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from storylens.ingest.cache import FetchedPage
from storylens.ingest.dates import http_date
from storylens.ingest.decode import Decoded, charset_from_content_type, normalize_text
from storylens.ingest.feeds import FeedItem, parse_feed
from storylens.ingest.ids import file_stem, record_id, site_of, url_id
from storylens.ingest.pages import PageMeta, decode_page, page_items
from storylens.ingest.problems import InputProblem
from storylens.ingest.sniff import looks_like_feed
from storylens.model import Document, InputError, Source

HTML_TYPES = {"text/html", "application/xhtml+xml"}
XML_TYPES = {"application/xml", "text/xml", "application/rss+xml", "application/atom+xml"}

if TYPE_CHECKING:
    from storylens.ingest.fetch import Fetcher

Item = Document | InputError
FetcherGetter = Callable[[], "Fetcher"]  # lazy: no HTTP client is built for a run without URLs


def read_url(
    url: str,
    get_fetcher: FetcherGetter,
    *,
    label: str | None = None,
    meta: PageMeta | None = None,
    path: str | None = None,
    record: str | None = None,
    allow_feed: bool = True,
) -> Iterator[Item]:
    """One URL: its page, or (when it is a feed) the pages its items point to."""
    label = label or url
    fetcher = get_fetcher()
    if not fetcher.first_request_for(url):
        yield InputError(label, "already read for an earlier input; skipped", severity="warning")
        return
    try:
        page = fetcher.fetch(url)
        decoded = decode_page(page.body, charset_from_content_type(page.content_type), "page")
        kind = response_kind(page, decoded.text)
    except InputProblem as exc:
        yield InputError(label, exc.message, severity=exc.severity)
        return
    if kind == "feed":
        if not allow_feed:
            yield InputError(label, "a feed item that is itself a feed; not followed")
            return
        yield from read_feed_bytes(
            page.body, get_fetcher, feed_label=label, base_url=page.final_url
        )
        return
    yield from page_items(
        decoded,
        doc_id=url_id(url),
        source=Source(path=path, url=page.final_url, site=site_of(page.final_url), record=record),
        label=label,
        media_hint=kind,
        meta=_merge_meta(meta, page),
        warn_detected=fetcher.options.warn_on_detected_charset,
    )


def response_kind(page: FetchedPage, text: str) -> str:
    """'feed', 'html' or 'text'; XML that is not a feed is refused."""
    if looks_like_feed(text):
        return "feed"
    media_type = page.content_type.split(";", 1)[0].strip().lower()
    if media_type in HTML_TYPES:
        return "html"
    if media_type in XML_TYPES:
        raise InputProblem(f"{media_type} that is not an RSS or Atom feed")
    return "text"  # text/plain or unlabelled; HTML inside is recognised by page_items


def read_feed_bytes(
    data: bytes,
    get_fetcher: FetcherGetter,
    *,
    feed_label: str,
    base_url: str | None = None,
    feed_path: str | None = None,
) -> Iterator[Item]:
    """Each item's page, fetched, with the feed's date and title attached."""
    items = parse_feed(data, base_url)
    stem = file_stem(feed_path) if feed_path else url_id(base_url or feed_label)
    for item in items:
        yield from _feed_item(item, get_fetcher, feed_label, feed_path, stem)


def _feed_item(
    item: FeedItem,
    get_fetcher: FetcherGetter,
    feed_label: str,
    feed_path: str | None,
    stem: str,
) -> Iterator[Item]:
    where = f"item {item.number}"
    meta = PageMeta(
        container_date=item.date,
        container_date_from="feed" if item.date else "none",
        title_hint=normalize_text(item.title) if item.title else None,
    )
    if item.link:
        yield from read_url(
            item.link,
            get_fetcher,
            label=f"{item.link} ({feed_label} {where})",
            meta=meta,
            path=feed_path,
            record=where,
            allow_feed=False,
        )
        return
    if item.content:
        yield from page_items(
            Decoded(text=normalize_text(item.content), charset="utf-8", detected=False),
            doc_id=record_id(stem, item.number),
            source=Source(path=feed_path, record=where),
            label=f"{feed_label} {where}",
            media_hint="html",
            meta=meta,
        )
        return
    yield InputError(f"{feed_label} {where}", "feed item has neither a link nor content")


def http_meta(headers: dict[str, str]) -> PageMeta:
    """Last-Modified only: on a live fetch the Date header is just the time of the request."""
    iso = http_date(headers.get("last-modified"))
    if iso:
        return PageMeta(container_date=iso, container_date_from="http")
    return PageMeta()


def _merge_meta(given: PageMeta | None, page: FetchedPage) -> PageMeta:
    """A feed's date beats the server's; the server's date fills in when the feed has none."""
    from_http = http_meta(page.headers)
    if given is None:
        return from_http
    if given.container_date:
        return given
    return PageMeta(
        container_date=from_http.container_date,
        container_date_from=from_http.container_date_from,
        title_hint=given.title_hint,
    )
