"""Page metadata (title, author, site name, published date) from trafilatura's own readers.

``bare_extraction(with_metadata=True)`` also reads categories, tags and the licence, and always
runs htmldate: about a third of its metadata time goes to fields storylens never uses, and
htmldate is wasted when the page declares its date in a meta field. So the readers are called
one by one here, in trafilatura's order (meta tags, then JSON-LD, then the page's own elements),
and htmldate only when no declared date was found. They are module functions of the pinned
trafilatura 2.3.1 (``trafilatura.metadata``).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

# htmldate: prefer the original publication date to the last update. Its extensive search
# (every text segment through dateparser, then the whole page's markup) took a tenth of all
# extraction time on the wcxb pages for 3 more right days in 659; ``stamped_day`` finds all but
# one of them for a hundredth of that (benchmarks/bench_extract.py).
DATE_SEARCH: dict[str, Any] = {"original_date": True, "extensive_search": False}
SITE_FROM_URL = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    author: str | None
    site: str | None
    published: str | None  # ISO day
    language: str | None  # the page's declared <html lang>, primary subtag


def read_metadata(tree: Any, url: str | None, declared_day: str | None) -> PageMetadata:
    """The page's metadata; ``declared_day`` (from its meta fields) spares the date search."""
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_title,
    )

    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a user name or a single word is not a byline
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader fails on bad scripts
        found = extract_meta_json(tree, found)
    title = found.title or extract_title(tree)
    author = found.author or extract_author(tree)
    return PageMetadata(
        title=clean(title),
        author=clean(author),
        site=site_name(tree, found.sitename, url),
        published=declared_day or searched_day(tree, url) or stamped_day(tree),
        language=declared_language(tree),
    )


def searched_day(tree: Any, url: str | None) -> str | None:
    """htmldate's reading of the page (meta fields, URL, then the text), as an ISO day."""
    from htmldate import find_date

    return clean(find_date(tree, url=url, **DATE_SEARCH))


STAMP_ELEMENTS = 150  # short text blocks looked at, from the top of the page
STAMP_TAGS = frozenset(["div", "p", "span", "time", "small", "h2", "h3", "h4", "h5", "h6"])
STAMP_MAX_CHARS = 100


def stamped_day(tree: Any) -> str | None:
    """A date stamp printed as its own short block ("Mon Nov 11 2030 21:03:27 GMT-0300",
    "2033.09.20. 16:41", an icon then "Dec 12, 2031") that neither meta fields nor htmldate's
    quick search read: htmldate's extensive search finds most of these too, at ten times the
    cost."""
    from storylens.extract.dates import looks_like_date_stamp, parse_date_stamp

    seen = 0
    for element in tree.iterfind(".//body//*"):
        if element.tag not in STAMP_TAGS:
            continue
        texts = block_texts(element)
        if not texts:
            continue
        seen += 1
        for text in texts:
            if looks_like_date_stamp(text) and (found := parse_date_stamp(text)):
                return found[:10]
        if seen >= STAMP_ELEMENTS:
            break
    return None


def block_texts(element: Any) -> list[str]:
    """What a block says before its first child ("Dec 12, 2031 <span>· 4 min read</span>"),
    and all it says when that is short (an icon, then the date)."""
    own = " ".join((element.text or "").split())
    texts = [own] if 0 < len(own) <= STAMP_MAX_CHARS else []
    if len(element):
        whole = short_text(element)
        if whole and whole != own:
            texts.append(whole)
    return texts


def short_text(element: Any) -> str | None:
    """The block's words when they are few (its own text and its children's), else None;
    stops reading as soon as the block is too long."""
    pieces, length = [], 0
    for piece in element.itertext():
        length += len(piece)
        if length > 4 * STAMP_MAX_CHARS:  # whitespace of the markup counts here
            return None
        pieces.append(piece)
    text = " ".join(" ".join(pieces).split())
    return text if 0 < len(text) <= STAMP_MAX_CHARS else None


def site_name(tree: Any, declared: str | None, url: str | None) -> str | None:
    """The site's name as the page declares it, else from its <title>, else its host."""
    from trafilatura.metadata import extract_sitename

    name = clean(declared) or clean(extract_sitename(tree))
    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name or None
    match = SITE_FROM_URL.match(url or "")
    return match.group(1) if match else None


def declared_language(tree: Any) -> str | None:
    """``<html lang="en-GB">`` -> "en"."""
    value = (tree.get("lang") or "").strip()
    return value.split("-")[0].split("_")[0].casefold() or None


def clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
