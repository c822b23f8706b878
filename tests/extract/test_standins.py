"""The stand-ins for trafilatura's regex XPath expressions select exactly what the expressions
select, and replace them only inside ``faster_trafilatura()``."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from storylens.extract.html import parse_html
from storylens.extract.patterns import literal_forms, literal_test
from storylens.extract.standins import STAND_INS, build_swaps, faster_trafilatura, path_key

PAGES = Path(__file__).parent / "fixtures" / "html"
RE_TEST = re.compile(r"re:test\([^,]+, '([^']*)'(?:, '(\w*)')?\)")


def trafilatura_patterns() -> list[tuple[str, bool]]:
    """Every pattern trafilatura's expressions test, with its ignore-case flag."""
    from trafilatura import xpaths

    found = set()
    for value in vars(xpaths).values():
        for expression in value if isinstance(value, list) else []:
            for match in RE_TEST.finditer(getattr(expression, "path", "")):
                found.add((match.group(1), "i" in (match.group(2) or "")))
    return sorted(found)


def test_literal_forms_expand_optional_characters_sets_groups_and_anchors() -> None:
    assert sorted(literal_forms("bread-?crumb|^ad-") or []) == [
        "\x02ad-",
        "bread-crumb",
        "breadcrumb",
    ]
    assert sorted(literal_forms("dfp[Aa]d|(?:^| )ad-") or []) == [
        "\x02ad-",
        " ad-",
        "dfpAd",
        "dfpad",
    ]
    assert literal_forms("bottom(\\s|$)") is None  # \s is left to re
    assert literal_forms("^[Cc]omment(?!ary)") is None  # so are lookarounds
    assert literal_forms("a+b") is None


def sample_values(forms: list[str] | None, rng: random.Random) -> list[str]:
    """Values that hold a form, miss it by one character, or are random."""
    values = ["", " ", "x"]
    for form in forms or []:
        core = form.strip("\x02\x03")
        values += [core, f"x{core}", f"{core}x", f" {core} ", core[1:], core[:-1], core.upper()]
    letters = "abcdeghilmnoprstuwACHIMNT -_"
    values += ["".join(rng.choices(letters, k=rng.randint(1, 14))) for _ in range(400)]
    return values


@pytest.mark.parametrize(("pattern", "ignore_case"), trafilatura_patterns())
def test_literal_test_agrees_with_re_on_every_trafilatura_pattern(
    pattern: str, ignore_case: bool
) -> None:
    test = literal_test(pattern, ignore_case)
    compiled = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    for value in sample_values(literal_forms(pattern), random.Random(pattern)):
        assert test(value) == (compiled.search(value) is not None), value


def test_every_stand_in_still_matches_trafilaturas_expression() -> None:
    """A trafilatura upgrade that rewrites an expression turns its stand-in off (slower, never
    wrong): this says which ones to write again."""
    assert len(build_swaps()) == len(STAND_INS)


WORDS = [
    "comment",
    "Comments",
    "commentary",
    "comment-list",
    "post-comments",
    "comol",
    "disqus_thread",
    "reply-form",
    "hidden",
    "hide-print",
    " hide",
    "share-bar",
    "social",
    "nav",
    "subnav",
    "menu",
    "ad-slot",
    "top ad here",
    "cookie-banner",
    "teaser",
    "Teaser",
    "caption",
    "bottom",
    "page bottom",
    "link",
    "links",
    "infinite-scroll",
    "mvp-post-add-box",
    "elementor-share-buttons",
    "article-body",
    "post-content",
    "entry",
    "post",
    "story",
    "fulltext",
    "FullText",
    "content",
    "main-Content",
    "content-main",
    "Page-content",
    "author",
    "Author",
    "author-name",
    "byline",
    "writer",
    "primary",
    "story-body",
    "article ",
    "sidebar",
    "print",
    "title",
    "date",
    "main",
    "plain",
    "footer",
    "site-Footer",
    "Cookie_Notice",
    "consent-manager",
    "notice--cookie",
    "OneTrust",
]
TAGS = [
    "div",
    "section",
    "span",
    "p",
    "aside",
    "article",
    "main",
    "ul",
    "ol",
    "details",
    "a",
    "address",
    "strong",
    "h3",
    "h4",
    "link",
    "author",
    "rel",
    "h1",
    "item",
    "list",
    "footer",
    "svg",
    "template",
    "style",
]
ATTRIBUTES = ["id", "class", "style", "role", "itemprop", "rel", "data-component", "data-testid"]
VALUES = {
    "style": ["display:none", "display: none", "border:1px", "visibility: hidden", "color:red"],
    "role": ["navigation", "Navigation", "article", "main"],
    "itemprop": ["author", "author name", "articleBody", "name"],
    "rel": ["author", "me", "nofollow"],
    "data-component": ["Byline", "MostPopularStories", "Figure", "Text"],
    "data-testid": ["AuthorCard", "AuthorURL", "x"],
}


def random_page(rng: random.Random, elements: int = 400) -> str:
    """Nested elements with attributes (in random order) drawn from the expressions' words."""
    parts = ["<html><head><title>t</title></head><body>"]
    depth = []
    for _ in range(elements):
        if depth and rng.random() < 0.4:
            parts.append(f"</{depth.pop()}>")
        tag = rng.choice(TAGS)
        names = rng.sample(ATTRIBUTES, k=rng.randint(0, 3))
        if rng.random() < 0.05:
            names.append("aria-hidden")
        if rng.random() < 0.03:
            names.append("data-lp-replacement-content")
        attributes = []
        for name in names:
            if name in ("id", "class"):
                value = " ".join(rng.sample(WORDS, k=rng.randint(1, 2)))
            elif name == "aria-hidden":
                value = rng.choice(["true", "false"])
            else:
                value = rng.choice(VALUES.get(name, ["x"]))
            attributes.append(f'{name}="{value}"')
        text = rng.choice(["me", "some text", ""])
        parts.append(f"<{tag} {' '.join(attributes)}>{text}")
        depth.append(tag)
    parts.extend(f"</{tag}>" for tag in reversed(depth))
    parts.append("</body></html>")
    return "".join(parts)


def fixture_trees() -> list:
    pages = [path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.html"))]
    pages += [random_page(random.Random(seed)) for seed in range(12)]
    return [tree for tree in (parse_html(page) for page in pages) if tree is not None]


@pytest.mark.parametrize("stand_in", STAND_INS, ids=lambda s: f"{s.group}[{s.index}]")
def test_stand_in_selects_what_its_expression_selects(stand_in) -> None:
    swap = next(
        s for s in build_swaps() if path_key(s.original.path) == stand_in.key
    )  # each expression text is distinct
    for tree in fixture_trees():
        contexts = [tree, *list(tree.iter("div", "section"))[:5]]
        for context in contexts:
            assert swap.replacement(context) == swap.original(context)


def test_stand_ins_are_in_place_only_inside_the_context() -> None:
    from trafilatura import xpaths

    original = xpaths.OVERALL_DISCARD_XPATH[0]
    with faster_trafilatura():
        with faster_trafilatura():
            assert xpaths.OVERALL_DISCARD_XPATH[0] is not original
        assert xpaths.OVERALL_DISCARD_XPATH[0] is not original
    assert xpaths.OVERALL_DISCARD_XPATH[0] is original


def test_trafilatura_extracts_the_same_text_with_the_stand_ins() -> None:
    from trafilatura import bare_extraction

    for path in sorted(PAGES.glob("*.html")):
        tree = parse_html(path.read_text(encoding="utf-8"))
        if tree is None:
            continue
        for settings in ({"favor_precision": True}, {}):
            plain = bare_extraction(tree, **settings)
            with faster_trafilatura():
                faster = bare_extraction(tree, **settings)
            assert (plain and plain.text) == (faster and faster.text)


CRAFTED_PAGES = [
    "<!DOCTYPE html PUBLIC / x>\n<html/>\n<body><p>a\x01b</p></body></html>",
    "<!doctype html>\n<html lang=en />\n<body><p>x\ufffe y</p></body>",
    "<html><body><p>plain</p></body></html>",
    "just some text, not html at all",
    "<p>a fragment</p>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
]


@pytest.mark.parametrize(
    "page",
    [*CRAFTED_PAGES, *(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.html")))],
)
def test_parse_html_builds_the_tree_trafilatura_builds(page: str) -> None:
    from lxml import etree
    from trafilatura.utils import load_html

    ours, theirs = parse_html(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
