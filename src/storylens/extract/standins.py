"""Exact, faster stand-ins for the trafilatura XPath expressions that test regular expressions.

Why: trafilatura 2.3.1 prunes every page with XPath expressions that call ``re:test`` (EXSLT
regular expressions). lxml calls back into Python for each such test, once per candidate
element and attribute, and the patterns are alternations of up to 70 words: on the benchmark
pages these expressions took about a third of trafilatura's time. Each stand-in here selects
the same elements, in the same document order: a plain XPath (run in C, no callbacks) keeps the
elements of the right tags that carry the attributes tested (or, for rare words, a superset
found with ``contains``), then a Python predicate with the expression's own patterns (as tries,
see patterns.py) decides.

A stand-in replaces an expression only when the expression's text is exactly the one it was
written for (its hash below), and only inside ``faster_trafilatura()``: trafilatura used
elsewhere in the process, or another version of it, keeps its own expressions.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from storylens.extract.patterns import Test, literal_test

Selector = Callable[[Any], list[Any]]

REGEX_TEST = re.compile(r"re:test\(([^,]+), '([^']*)'(?:, '(\w*)')?\)")


def path_key(path: str) -> str:
    """The hash that pins a stand-in to one exact expression text (whitespace aside)."""
    return hashlib.sha256(" ".join(path.split()).encode()).hexdigest()[:16]


def regex_tests(path: str) -> list[Test]:
    """The expression's ``re:test`` patterns, in the order they appear, as string tests."""
    return [
        literal_test(match.group(2), ignore_case="i" in (match.group(3) or ""))
        for match in REGEX_TEST.finditer(path)
    ]


def first_value(element: Any, first: str, second: str) -> str:
    """XPath's string value of ``@first|@second``: the attribute that comes first in the
    element's source, "" when it has neither."""
    a, b = element.get(first), element.get(second)
    if a is None:
        return b or ""
    if b is None:
        return a
    for name in element.attrib:  # in source order
        if name == first:
            return a
        if name == second:
            return b
    return a


def compile_xpath(path: str) -> Any:
    from lxml.etree import XPath

    return XPath(path)


def among(tags: tuple[str, ...], keep: Callable[[Any], bool]) -> Selector:
    """``.//*[self::a or self::b ...][predicate]``: lxml walks the descendants of those tags
    in C (faster than libxml2's XPath over the same tags); the predicate decides in Python."""

    def select(tree: Any) -> list[Any]:
        return [element for element in tree.iterdescendants(*tags) if keep(element)]

    return select


def filtered(candidates_path: str, keep: Callable[[Any], bool]) -> Selector:
    """Candidates found by a plain XPath (a superset of the matches), then the predicate."""
    candidates = compile_xpath(candidates_path)

    def select(tree: Any) -> list[Any]:
        return [element for element in candidates(tree) if keep(element)]

    return select


def first_only(select: Selector) -> Selector:
    """``(...)[1]``: the first match in document order, if any."""
    return lambda tree: select(tree)[:1]


BOXES = ("div", "item", "list", "p", "section", "span")
ARTICLE_BOXES = ("article", "div", "main", "section")


def raw_tree_prune(path: str) -> Selector:
    """Infinite-scroll containers: ``.//*[self::div or self::section or self::aside][re:test(@id,
    A) or re:test(@class, A)][not(.//h1) or re:test(@id, B) or re:test(@class, B)]``."""
    id_a, class_a, id_b, class_b = regex_tests(path)

    def keep(element: Any) -> bool:
        ident, cls = element.get("id", ""), element.get("class", "")
        if not (id_a(ident) or class_a(cls)):
            return False
        no_h1 = next(element.iterdescendants("h1"), None) is None
        return no_h1 or id_b(ident) or class_b(cls)

    return among(("div", "section", "aside"), keep)


def share_buttons(path: str) -> Selector:
    """``.//*[self::div or self::section or self::aside][contains(@class,
    'elementor-share-buttons')]``."""
    return among(
        ("div", "section", "aside"),
        lambda element: "elementor-share-buttons" in element.get("class", ""),
    )


def teasers(path: str) -> Selector:
    """``.//*[BOXES][contains(translate(@id, 'T', 't'), 'teaser') or
    contains(translate(@class, 'T', 't'), 'teaser')]``."""

    def keep(element: Any) -> bool:
        get = element.get
        return "teaser" in get("id", "").replace("T", "t") or "teaser" in get("class", "").replace(
            "T", "t"
        )

    return among(BOXES, keep)


def captions(path: str) -> Selector:
    """``.//*[BOXES][contains(@id, 'caption') or contains(@class, 'caption')]``."""
    return among(
        BOXES,
        lambda element: "caption" in element.get("id", "") or "caption" in element.get("class", ""),
    )


def remove_comments_and_lists(path: str) -> Selector:
    """Comment sections: ``.//*[div, list, section, details, ol, ul][re:test(@id, A) or
    re:test(@class, B)][not(self::ol or self::ul) or re:test(@id, C) or re:test(@class, B)]``."""
    id_a, class_b, id_c, class_b2 = regex_tests(path)

    def keep(element: Any) -> bool:
        ident, cls = element.get("id", ""), element.get("class", "")
        if not (id_a(ident) or class_b(cls)):
            return False
        return element.tag not in ("ol", "ul") or id_c(ident) or class_b2(cls)

    return among(("div", "list", "section", "details", "ol", "ul"), keep)


def remove_comments(path: str) -> Selector:
    """Comment sections: ``.//*[div, list, section, details][re:test(@id, A) or
    re:test(@class, B)]``."""
    id_a, class_b = regex_tests(path)

    def keep(element: Any) -> bool:
        return id_a(element.get("id", "")) or class_b(element.get("class", ""))

    return among(("div", "list", "section", "details"), keep)


def overall_discard_boxes(path: str) -> Selector:
    """Boilerplate boxes: ``.//*[BOXES][@data-lp-replacement-content or
    contains(translate(@role, 'N', 'n'), 'nav') or contains(@data-component,
    'MostPopularStories') or re:test(@id|@class, 'cookie') or re:test(@id, ID) or
    re:test(@class, CLASS)]``."""
    cookie, by_id, by_class = regex_tests(path)

    def keep(element: Any) -> bool:
        get = element.get
        ident, cls = get("id"), get("class")
        if ident is not None or cls is not None:
            if (cls is not None and by_class(cls)) or (ident is not None and by_id(ident)):
                return True
            if cookie(first_value(element, "id", "class")):
                return True
        return (
            get("data-lp-replacement-content") is not None
            or "nav" in get("role", "").replace("N", "n")
            or "MostPopularStories" in get("data-component", "")
        )

    return among(BOXES, keep)


def overall_discard_hidden(path: str) -> Selector:
    """Hidden elements and comment widgets: ``.//*[@class='comments-title' or
    starts-with(@id|@class, 'reply-') or re:test(@id|@style, 'hidden') or contains(@style,
    'display:none') or contains(@style, 'display: none') or re:test(@id, ID) or
    re:test(@class, CLASS) or @aria-hidden='true']``."""
    hidden, by_id, by_class = regex_tests(path)

    def keep(element: Any) -> bool:
        get = element.get
        cls, style = get("class", ""), get("style", "")
        return (
            cls == "comments-title"
            or first_value(element, "id", "class").startswith("reply-")
            or hidden(first_value(element, "id", "style"))
            or "display:none" in style
            or "display: none" in style
            or by_id(get("id", ""))
            or by_class(cls)
            or get("aria-hidden") == "true"
        )

    # every element that can match carries one of these attributes
    return filtered("descendant::*[@class or @id or @style or @aria-hidden]", keep)


def precision_discard(path: str) -> Selector:
    """Page bottoms and link boxes: ``.//*[BOXES][re:test(@id|@class, BOTTOM) or
    re:test(@id|@class, LINK) or contains(@style, 'border')]``."""
    bottom, link = regex_tests(path)

    def keep(element: Any) -> bool:
        value = first_value(element, "id", "class")
        return bottom(value) or link(value) or "border" in element.get("style", "")

    return among(BOXES, keep)


def body_first_children(path: str) -> Selector:
    """Article containers: ``.//*[ARTICLE_BOXES][@class='post' or @class='entry' or
    @itemprop='articleBody' or @id='articleContent' or re:test(@id, ID) or re:test(@class,
    CLASS)][1]``: per parent, its first child that matches."""
    by_id, by_class = regex_tests(path)

    def matches(element: Any) -> bool:
        get = element.get
        cls, ident = get("class", ""), get("id", "")
        return (
            cls in ("post", "entry")
            or get("itemprop") == "articleBody"
            or ident == "articleContent"
            or by_id(ident)
            or by_class(cls)
        )

    def select(tree: Any) -> list[Any]:
        return [
            element
            for element in tree.iterdescendants(*ARTICLE_BOXES)
            if matches(element)
            and not any(
                matches(sibling) for sibling in element.itersiblings(*ARTICLE_BOXES, preceding=True)
            )
        ]

    return select


def body_story(path: str) -> Selector:
    """``(.//*[ARTICLE_BOXES][@role='article' or @id='article' or @id='story' or @class in
    (postarea, art-postcontent, text, cell, story) or re:test(@id, ID) or re:test(@class,
    'fulltext', 'i') or re:test(@class, CLASS)])[1]``."""
    by_id, fulltext, by_class = regex_tests(path)
    classes = ("postarea", "art-postcontent", "text", "cell", "story")

    def keep(element: Any) -> bool:
        get = element.get
        cls, ident = get("class", ""), get("id", "")
        return (
            get("role") == "article"
            or ident in ("article", "story")
            or cls in classes
            or by_id(ident)
            or fulltext(cls)
            or by_class(cls)
        )

    return first_only(among(ARTICLE_BOXES, keep))


def body_content(path: str) -> Selector:
    """``(.//*[ARTICLE_BOXES][@id='content' or @class='content' or re:test(@id, ID) or
    re:test(@class, CLASS) or contains(translate(@id, 'CM', 'cm'), 'main-content') or
    contains(translate(@class, 'CM', 'cm'), 'main-content') or contains(translate(@class,
    'CP', 'cp'), 'page-content')])[1]``."""
    by_id, by_class = regex_tests(path)

    def keep(element: Any) -> bool:
        cls, ident = element.get("class", ""), element.get("id", "")
        if "ontent" not in cls and "ontent" not in ident:
            return False  # every match names its "content" or "Content"
        return (
            ident == "content"
            or cls == "content"
            or by_id(ident)
            or by_class(cls)
            or "main-content" in ident.replace("C", "c").replace("M", "m")
            or "main-content" in cls.replace("C", "c").replace("M", "m")
            or "page-content" in cls.replace("C", "c").replace("P", "p")
        )

    return first_only(among(ARTICLE_BOXES, keep))


def author_specific(path: str) -> Selector:
    """``//*[a, address, div, link, p, span, strong][@rel='author' or @id='author' or
    @class='author' or @itemprop='author name' or rel='me' or @data-testid='AuthorCard' or
    @data-testid='AuthorURL' or re:test(@class, NAME)]|//author``."""
    (by_class,) = regex_tests(path)
    tags = ("a", "address", "div", "link", "p", "span", "strong")

    def keep(element: Any) -> bool:
        if element.tag == "author":
            return True
        get = element.get
        cls = get("class", "")
        return (
            get("rel") == "author"
            or get("id") == "author"
            or cls == "author"
            or get("itemprop") == "author name"
            or (
                element.find("rel") is not None
                and any(string_value(child) == "me" for child in element.iterchildren("rel"))
            )
            or get("data-testid") in ("AuthorCard", "AuthorURL")
            or by_class(cls)
        )

    def select(tree: Any) -> list[Any]:
        root = tree.getroottree().getroot()  # "//": the whole document
        return [element for element in root.iter(*tags, "author") if keep(element)]

    return select


def string_value(element: Any) -> str:
    """XPath's string value of an element: all its text, without its own tail."""
    return "".join(element.itertext())


def author_generic(path: str) -> Selector:
    """``//*[a, div, h3, h4, p, span][@class in (byline, username, byl, BBL) or
    contains(@itemprop, 'author') or re:test(@id, ID) or re:test(@class, CLASS)]``."""
    by_id, by_class = regex_tests(path)
    classes = ("byline", "username", "byl", "BBL")
    tags = ("a", "div", "h3", "h4", "p", "span")

    def keep(element: Any) -> bool:
        get = element.get
        cls = get("class", "")
        return (
            cls in classes
            or "author" in get("itemprop", "")
            or by_id(get("id", ""))
            or by_class(cls)
        )

    def select(tree: Any) -> list[Any]:
        root = tree.getroottree().getroot()
        return [element for element in root.iter(*tags) if keep(element)]

    return select


def author_any(path: str) -> Selector:
    """``//*[contains(@data-component, 'Byline') or contains(@itemprop, 'author') or
    re:test(@id, ID) or re:test(@class, CLASS)]``."""
    by_id, by_class = regex_tests(path)

    def keep(element: Any) -> bool:
        get = element.get
        return (
            "Byline" in get("data-component", "")
            or "author" in get("itemprop", "")
            or by_id(get("id", ""))
            or by_class(get("class", ""))
        )

    # every element that can match carries one of these attributes
    return filtered("/descendant-or-self::*[@data-component or @itemprop or @id or @class]", keep)


def author_discard(path: str) -> Selector:
    """``.//*[a, div, section, span][@id='comments' or @class in (comments, title, date) or
    re:test(@id, ID) or re:test(@class, CLASS) or contains(@data-component, 'Figure')]``."""
    by_id, by_class = regex_tests(path)

    def keep(element: Any) -> bool:
        get = element.get
        cls, ident = get("class", ""), get("id", "")
        return (
            ident == "comments"
            or cls in ("comments", "title", "date")
            or by_id(ident)
            or by_class(cls)
            or "Figure" in get("data-component", "")
        )

    return among(("a", "div", "section", "span"), keep)


def basic_clean(path: str) -> Selector:
    """What baseline and html2txt strip: ``.//aside|.//div[contains(@class|@id, 'footer')]|
    .//fencedframe|.//footer|.//script|.//style|.//svg|.//template|.//*[re:test(@class,
    CONSENT, 'i') or re:test(@id, CONSENT, 'i')]``, in document order."""
    by_class, by_id = regex_tests(path)
    tags = frozenset(["aside", "fencedframe", "footer", "script", "style", "svg", "template"])

    def keep(element: Any) -> bool:
        tag = element.tag
        if tag in tags:
            return True
        get = element.get
        if tag == "div" and "footer" in first_value(element, "class", "id"):
            return True
        return by_class(get("class", "")) or by_id(get("id", ""))

    return filtered("descendant::*", keep)


@dataclass(frozen=True)
class StandIn:
    """Where an expression sits in trafilatura (a list in trafilatura.xpaths and an index in
    it, or a module and a name in it), the hash of its text, and the factory of its
    stand-in."""

    group: str
    index: int | str
    key: str
    build: Callable[[str], Selector]


STAND_INS = (
    StandIn("RAW_TREE_PRUNE_XPATH", 0, "77023cff86242dc8", raw_tree_prune),
    StandIn("RAW_TREE_PRUNE_XPATH", 1, "3c7afe92279543d5", share_buttons),
    StandIn("TEASER_DISCARD_XPATH", 0, "50f9c0568a62e759", teasers),
    StandIn("DISCARD_IMAGE_ELEMENTS", 0, "271b5ef29bbc5bf0", captions),
    StandIn("REMOVE_COMMENTS_AND_LISTS_XPATH", 0, "ec1083e558ae70c0", remove_comments_and_lists),
    StandIn("REMOVE_COMMENTS_XPATH", 0, "853775ab53d61b26", remove_comments),
    StandIn("OVERALL_DISCARD_XPATH", 0, "d9e4b7d7125b4838", overall_discard_boxes),
    StandIn("OVERALL_DISCARD_XPATH", 1, "9abb7217d588fd5a", overall_discard_hidden),
    StandIn("PRECISION_DISCARD_XPATH", 1, "e73d179956bb857e", precision_discard),
    StandIn("BODY_XPATH", 0, "8cab6e6e5b503a8d", body_first_children),
    StandIn("BODY_XPATH", 2, "3ac5a80dac974e64", body_story),
    StandIn("BODY_XPATH", 3, "a3befe41db4d28b9", body_content),
    StandIn("AUTHOR_XPATHS", 0, "c76fab04669acd80", author_specific),
    StandIn("AUTHOR_XPATHS", 1, "4856676a9393bea9", author_generic),
    StandIn("AUTHOR_XPATHS", 2, "4afa206113dc7a07", author_any),
    StandIn("AUTHOR_DISCARD_XPATHS", 0, "1525438e8c743f23", author_discard),
    StandIn("trafilatura.baseline", "BASIC_CLEAN_XPATH", "db6c25acd08aef99", basic_clean),
)


@dataclass
class Swap:
    """One expression of trafilatura's (``group[index]``, or attribute ``index`` of the module
    ``group``) and its stand-in."""

    group: Any
    index: int | str
    original: Any
    replacement: Selector

    def put(self, value: Any) -> None:
        if isinstance(self.index, str):
            setattr(self.group, self.index, value)
        else:
            self.group[self.index] = value


class Installed:
    """The swaps, built once; installed while at least one caller is inside."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.swaps: list[Swap] | None = None

    def enter(self) -> None:
        with self.lock:
            if self.swaps is None:
                self.swaps = build_swaps()
            if self.depth == 0:
                for swap in self.swaps:
                    swap.put(swap.replacement)
            self.depth += 1

    def leave(self) -> None:
        with self.lock:
            self.depth -= 1
            if self.depth == 0:
                for swap in self.swaps or ():
                    swap.put(swap.original)


def build_swaps() -> list[Swap]:
    """A swap for every stand-in whose expression is still the one it was written for."""
    import importlib

    swaps = []
    for stand_in in STAND_INS:
        if isinstance(stand_in.index, str):  # a module's name
            group = importlib.import_module(stand_in.group)
            original = getattr(group, stand_in.index, None)
        else:
            group = getattr(importlib.import_module("trafilatura.xpaths"), stand_in.group, None)
            if not isinstance(group, list) or stand_in.index >= len(group):
                continue
            original = group[stand_in.index]
        path = getattr(original, "path", None)
        if path is None or path_key(path) != stand_in.key:
            continue
        swaps.append(Swap(group, stand_in.index, original, stand_in.build(path)))
    return swaps


INSTALLED = Installed()


@contextmanager
def faster_trafilatura() -> Iterator[None]:
    """Inside, trafilatura uses the stand-ins (same results, less time); outside, its own."""
    INSTALLED.enter()
    try:
        yield
    finally:
        INSTALLED.leave()
