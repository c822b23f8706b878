"""HTML pages: trafilatura finds the main text and the metadata; our line classifier then
cleans what trafilatura let through (repeated headline, prompts, teaser lists at the end).

Extraction runs in two passes so the classifier can use the batch: ``draft_html`` turns a page
into candidate lines plus metadata, the corpus is built from all drafts, then ``read_page``
judges the lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storylens.extract.language import ideographs
from storylens.extract.text import split_lines

MIN_ARTICLE_WORDS = 40  # less than this is a teaser, a paywall or a page rendered by script

# Settings measured on the extraction benchmarks (benchmarks/bench_extract.py): comments are
# never part of the article; tables often are.
TRAFILATURA_SETTINGS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "date_extraction_params": {"original_date": True, "extensive_search": True},
}


@dataclass(frozen=True)
class HtmlDraft:
    """What trafilatura made of a page, before our own line classifier looks at it."""

    lines: tuple[str, ...]
    title: str | None
    author: str | None
    site: str | None
    published: str | None
    language: str | None


class PageProblem(Exception):
    """A page that cannot give an article; its message becomes the InputError's one line."""


def draft_html(html: str, url: str | None) -> HtmlDraft:
    """Run trafilatura on a page; raise PageProblem when there is no body or no article."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(html) if html.strip() else None
    if tree is None:
        raise PageProblem("HTML could not be parsed")
    body = tree.find(".//body")
    if body is None or not "".join(body.itertext()).strip():
        raise PageProblem("HTML has no body text")
    result = bare_extraction(tree, url=url, **TRAFILATURA_SETTINGS)
    text = (result.text or "") if result is not None else ""
    lines = tuple(split_lines(text))
    words = sum(len(line.split()) + ideographs(line) for line in lines)
    if words < MIN_ARTICLE_WORDS:
        raise PageProblem(
            f"no article text found ({words} words extracted: the page may be rendered by "
            "script, paywalled, or not an article)"
        )
    assert result is not None
    return HtmlDraft(
        lines=lines,
        title=clean_meta(result.title),
        author=clean_meta(result.author),
        site=clean_meta(result.sitename),
        published=clean_meta(result.date),
        language=clean_meta(result.language),
    )


def clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
