"""HTML pages: trafilatura finds the main text and the metadata; our line classifier then
cleans what trafilatura let through (repeated headline, prompts, teaser lists at the end).

Extraction runs in two passes so the classifier can use the batch: ``draft_html`` turns a page
into candidate lines plus metadata, the corpus is built from all drafts, then ``read_page``
judges the lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from storylens.extract.features import LineFeatures, features_of_text, normalise_for_matching
from storylens.extract.language import ideographs
from storylens.extract.metadata import read_metadata
from storylens.extract.standins import faster_trafilatura
from storylens.extract.text import split_lines

MIN_ARTICLE_WORDS = 40  # less than this is a teaser, a paywall or a page rendered by script

# Settings measured on the extraction benchmarks (benchmarks/bench_extract.py): comments are
# never part of the article; tables often are.
TRAFILATURA_SETTINGS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
}
# Two candidate extractions per page: trafilatura's precision mode leaves out more menus and
# teasers, but on some layouts it loses article paragraphs (or the whole article). The balanced
# extraction replaces it when it holds clearly more article prose (sentences that are not links
# or prompts), measured by ``prose_words``.
PRECISE: dict[str, Any] = {"favor_precision": True}
BALANCED: dict[str, Any] = {}  # with its fallback extractors (readability, jusText)
MORE_PROSE_FACTOR = 1.5
MORE_PROSE_MARGIN = 20  # words
SHORT_PRECISE_WORDS = 100  # a precise extraction this short is checked on all its words
SHORT_PRECISE_SHARE = 0.6
# Each trafilatura run goes first without its fallback extractors (readability, jusText: ~40%
# of a precise run's time), which change the precise text on ~6% of the benchmark pages, always
# pages where trafilatura's own text is short for the page. It runs again with them when its
# text is short (characters), short beside the page's paragraphs, or shorter than the largest
# block of paragraphs readability would weigh: ~18% of the precise runs, 52 of the 55 pages
# that change (WCXB F1 0.9369 -> 0.9363).
FALLBACK_SHORT_TEXT = 1500
FALLBACK_PARAGRAPH_SHARE = 0.5
READABLE_MIN_CHARS = 25  # readability ignores shorter paragraphs


@dataclass(frozen=True)
class HtmlDraft:
    """What trafilatura made of a page, before our own line classifier looks at it."""

    lines: tuple[str, ...]
    features: tuple[LineFeatures, ...]  # of the lines, for the reader
    title: str | None
    title_variants: tuple[str, ...]  # other spellings: <title>, og:title, <h1>
    link_texts: frozenset[str]  # normalised texts of the page's links
    author: str | None
    site: str | None
    published: str | None
    language: str | None


class PageProblem(Exception):
    """A page that cannot give an article; its message becomes the InputError's one line."""


def draft_html(html: str, url: str | None, fast: bool = False) -> HtmlDraft:
    """Run trafilatura on a page; raise PageProblem when there is no body or no article.
    ``fast`` runs one balanced extraction with its fallbacks (a little faster, less clean)."""
    tree = parse_html(html) if html.strip() else None
    if tree is None:
        raise PageProblem("HTML could not be parsed")
    body = tree.find(".//body")
    if body is None or not any(text.strip() for text in body.itertext()):
        raise PageProblem("HTML has no body text")
    with faster_trafilatura():
        return draft_tree(tree, url, fast)


def draft_tree(tree: Any, url: str | None, fast: bool) -> HtmlDraft:
    """The precise extraction (the balanced one where it may have lost prose), its lines'
    features, and the page's metadata."""
    from trafilatura import bare_extraction

    headings = page_headings(tree)
    links = link_texts(tree, url)
    blocks = page_blocks(tree)
    if fast:
        chosen = extraction(bare_extraction(tree, url=url, **BALANCED, **TRAFILATURA_SETTINGS))
    else:
        chosen = extraction(gated_run(tree, url, blocks, PRECISE))
    if not fast and could_miss_prose(chosen, blocks.paragraphs, links):
        balanced = gated_run(tree, url, blocks, BALANCED)
        chosen = better_extraction(chosen, extraction(balanced), links)
    lines = chosen.lines
    words = count_words(lines)
    if words < MIN_ARTICLE_WORDS:
        raise PageProblem(
            f"no article text found ({words} words extracted: the page may be rendered by "
            "script, paywalled, or not an article)"
        )
    meta = read_metadata(tree, url, declared_published(tree))
    return HtmlDraft(
        lines=lines,
        features=chosen.features,
        title=choose_title(headings, meta.title),
        title_variants=tuple(t for t in (meta.title, *headings[:1]) if t),
        link_texts=links,
        author=meta.author,
        site=meta.site,
        published=meta.published,
        language=meta.language,
    )


def parse_html(html: str) -> Any | None:
    """The page's tree as trafilatura's ``load_html`` builds it from a string (same repairs,
    same parser settings, same rejections), with one difference that changes no result: every
    element is a plain ``HtmlElement`` chosen in C. lxml.html's default parser asks a Python
    function for the class of each element it hands out, and trafilatura walks each tree
    several times."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html

    parser = html_parser()
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_html(html, beginning)
    tree, by_bytes = None, False
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # a string that declares its encoding: lxml wants bytes
        tree, by_bytes = parse_bytes(html, parser), True
    except Exception:  # trafilatura gives up on the same errors
        tree = None
    if (tree is None or len(tree) < 1) and not by_bytes:
        tree = parse_bytes(html, parser)
    if tree is not None and dubious and len(tree) < 2:
        return None  # not HTML at all
    return tree


# Characters XML forbids, which trafilatura deletes before parsing (lxml refuses them).
XML_FORBIDDEN_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def repair_html(html: str, beginning: str) -> str:
    """trafilatura's ``repair_faulty_html``. Its costliest step, a pattern deleting the
    characters XML forbids, runs over the whole page; it is only taken on pages that hold one
    (one page in a thousand), found with a byte-level count."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, repair_faulty_html

    if holds_xml_forbidden(html):
        return repair_faulty_html(html, beginning)
    # the remaining steps of repair_faulty_html, as it takes them
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", html, count=1)
    return html


def holds_xml_forbidden(html: str) -> bool:
    """Whether the page holds a control character or a non-character XML forbids."""
    if not html.isascii() and ("\ufffe" in html or "\uffff" in html):
        return True
    raw = html.encode("ascii" if html.isascii() else "utf-8", "surrogatepass")
    return len(raw.translate(None, XML_FORBIDDEN_BYTES)) != len(raw)


def parse_bytes(html: str, parser: Any) -> Any | None:
    from lxml.html import fromstring

    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=parser)
    except Exception:  # as trafilatura's fromstring_bytes
        return None


@cache
def html_parser() -> Any:
    """trafilatura's parser settings; elements of one class (``HtmlElement``) chosen in C."""
    from lxml import etree
    from lxml.html import (
        HtmlComment,
        HtmlElement,
        HtmlEntity,
        HTMLParser,
        HtmlProcessingInstruction,
    )

    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    lookup = etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    parser.set_element_class_lookup(lookup)
    return parser


# Meta fields in which a page declares when it was published (Open Graph, schema.org, Dublin
# Core and common CMS names). Read before htmldate, which rejects dates later than today's clock
# and guesses from the text when no field is found.
DECLARED_DATE_FIELDS = frozenset(
    [
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
    ]
)
JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def declared_published(tree: Any) -> str | None:
    """The publication day a page declares in its metadata (ISO date), if it declares one."""
    for meta in tree.iter("meta"):
        field = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if field.strip().casefold() in DECLARED_DATE_FIELDS:
            day = iso_day(meta.get("content"))
            if day:
                return day
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        match = JSON_LD_PUBLISHED.search(script.text or "")
        if match and (day := iso_day(match.group(1))):
            return day
    return None


def iso_day(value: str | None) -> str | None:
    """ "2031-03-20T09:00:00+01:00" -> "2031-03-20"; None for anything that is not a date."""
    from datetime import datetime

    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class Extraction:
    """One trafilatura run: its lines and their features (computed once; the reader reuses
    them)."""

    lines: tuple[str, ...]
    features: tuple[LineFeatures, ...]


def extraction(result: Any) -> Extraction:
    from storylens.extract.view import page_features

    lines = extracted_lines(result)
    return Extraction(lines, page_features(lines))


def better_extraction(
    precise: Extraction, balanced: Extraction, links: frozenset[str]
) -> Extraction:
    """The precise extraction, unless the balanced one found clearly more of the article."""
    more_prose = prose_words(balanced.features, links) > (
        MORE_PROSE_FACTOR * prose_words(precise.features, links) + MORE_PROSE_MARGIN
    )
    precise_words = count_words(precise.lines)
    lost_most = precise_words < SHORT_PRECISE_WORDS and precise_words < (
        SHORT_PRECISE_SHARE * count_words(balanced.lines)
    )
    return balanced if more_prose or lost_most else precise


def gated_run(tree: Any, url: str | None, blocks: Blocks, settings: dict[str, Any]) -> Any:
    """trafilatura, its fallback extractors only where they could help."""
    from trafilatura import bare_extraction

    first = bare_extraction(tree, url=url, fast=True, **settings, **TRAFILATURA_SETTINGS)
    chars = len(first.text or "") if first is not None else 0
    if fallback_could_help(chars, blocks):
        return bare_extraction(tree, url=url, **settings, **TRAFILATURA_SETTINGS)
    return first


def fallback_could_help(chars: int, blocks: Blocks) -> bool:
    """Whether readability or jusText could replace a text of this many characters: they take
    over short texts, and texts they find twice as long."""
    if chars < FALLBACK_SHORT_TEXT:
        return True
    if chars < FALLBACK_PARAGRAPH_SHARE * sum(len(p) for p in blocks.paragraphs):
        return True
    return chars < blocks.readable


@dataclass(frozen=True)
class Blocks:
    """The page's paragraphs (<p> texts, whitespace collapsed) and the characters of its
    largest block of paragraphs, weighed as readability does (a paragraph, <pre> or <td>
    counts for its parent, half for its grandparent): an estimate of the text readability
    would pick."""

    paragraphs: tuple[str, ...]
    readable: float


def page_blocks(tree: Any) -> Blocks:
    """Both in one walk over the page's paragraphs."""
    paragraphs = []
    weights: dict[Any, float] = {}
    for element in tree.iter("p", "pre", "td"):
        text = " ".join(element.text_content().split())
        if element.tag == "p":
            paragraphs.append(text)
        parent = element.getparent()
        if len(text) < READABLE_MIN_CHARS or parent is None:
            continue
        weights[parent] = weights.get(parent, 0) + len(text)
        grandparent = parent.getparent()
        if grandparent is not None:
            weights[grandparent] = weights.get(grandparent, 0) + len(text) / 2
    return Blocks(tuple(paragraphs), max(weights.values(), default=0))


def could_miss_prose(
    precise: Extraction, paragraphs: tuple[str, ...], links: frozenset[str]
) -> bool:
    """Whether the balanced extraction could find enough more prose to be chosen: not when the
    precise one already holds nearly all the sentences the page's paragraphs hold."""
    if count_words(precise.lines) < SHORT_PRECISE_WORDS:
        return True
    precise_prose = prose_words(precise.features, links)
    needed = MORE_PROSE_FACTOR * precise_prose + MORE_PROSE_MARGIN
    # Counting every word of the paragraphs is cheap and bounds their prose from above.
    if count_words(paragraphs) <= needed:
        return False
    return prose_words(map(features_of_text, paragraphs), links) > needed


def prose_words(features: Iterable[LineFeatures], links: frozenset[str]) -> int:
    """Words in lines of running prose that are neither links nor prompts to the reader."""
    from storylens.extract.view import is_content_prose, is_link_line

    return sum(f.words for f in features if is_content_prose(f) and not is_link_line(f.text, links))


def extracted_lines(result: Any) -> tuple[str, ...]:
    text = (result.text or "") if result is not None else ""
    return tuple(split_lines(text))


def count_words(lines: tuple[str, ...]) -> int:
    return sum(len(line.split()) + ideographs(line) for line in lines)


def page_headings(tree: Any) -> list[str]:
    """The texts of the page's <h1> elements, in order."""
    headings = []
    for element in tree.iter("h1"):
        text = " ".join("".join(element.itertext()).split())
        if text:
            headings.append(text)
    return headings


def choose_title(headings: list[str], meta_title: str | None) -> str | None:
    """The headline as the page shows it: the first <h1> that reads like a headline and shares
    a word with the metadata title (a logo in an <h1> does not); else the metadata title."""
    meta_words = set(normalise_for_matching(meta_title or "").split())
    for heading in headings[:3]:
        words = normalise_for_matching(heading).split()
        if not 2 <= len(words) <= 40:
            continue
        if not meta_words or meta_words & set(words):
            return heading
    return meta_title


def link_texts(tree: Any, url: str | None) -> frozenset[str]:
    """What the page's links to its own site say (three words or more): teasers of the site's
    other pages look like this; links elsewhere (sources, shops) are often the content."""
    host = site_host(url)
    texts = set()
    for element in tree.iter("a"):
        if not is_internal(element.get("href") or "", host):
            continue
        key = normalise_for_matching("".join(element.itertext()))
        if key.count(" ") >= 2:
            texts.add(key)
    return frozenset(texts)


def site_host(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").casefold().removeprefix("www.")
    return host or None


ABSOLUTE_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/:?#]+)", re.I)


def is_internal(href: str, host: str | None) -> bool:
    """A relative link, or one to the page's own host (or its subdomains)."""
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    match = ABSOLUTE_HOST.match(href)
    if match is None:
        return True
    if host is None:
        return False
    target = match.group(1).casefold().removeprefix("www.")
    return target == host or target.endswith("." + host) or host.endswith("." + target)
