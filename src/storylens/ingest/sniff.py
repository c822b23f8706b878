"""Guess what a text is from its first bytes, because extensions and servers often lie.

Used where the extension or content type leaves a choice: a .txt that is really saved HTML,
a .txt that is a list of URLs, an .xml or a web response that is an RSS/Atom feed.
"""

from __future__ import annotations

import re

SNIFF_CHARS = 4096
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"<(html|head|body|div|p|article|meta|title|script)\b[^>]*>", re.I)
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_XML_START = re.compile(r"^\s*<\?xml\b", re.IGNORECASE)


def is_url(text: str) -> bool:
    """Only http and https: the schemes the fetcher is willing to follow."""
    return bool(_URL.match(text.strip()))


def looks_like_html(text: str) -> bool:
    """'Clearly HTML': starts like a page, or is dense with page tags near the top."""
    head = text[:SNIFF_CHARS]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 3 and "</" in head


def looks_like_feed(text: str) -> bool:
    """An RSS, Atom or RDF root element near the top (after an optional XML declaration)."""
    head = text[:SNIFF_CHARS].lstrip("\ufeff")
    match = _FEED_ROOT.search(head)
    if not match:
        return False
    before = head[: match.start()]
    return bool(_XML_START.match(head)) or "<" not in _strip_comments(before)


def url_lines(text: str) -> list[str] | None:
    """The URLs of a URL-list file, or None when any meaningful line is not a URL.

    Blank lines and lines starting with '#' are comments, so a list can be annotated.
    """
    urls = [line.strip() for line in text.splitlines()]
    urls = [line for line in urls if line and not line.startswith("#")]
    if not urls or not all(is_url(line) for line in urls):
        return None
    return urls


def _strip_comments(text: str) -> str:
    return re.sub(r"<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.S | re.I).strip()
