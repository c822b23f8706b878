"""Extract: Document -> Article (main text, metadata, removed boilerplate).

Contract used by the pipeline:
    extract_articles(documents: Sequence[Document]) -> list[Article | InputError]

One result per document, in input order. The batch is read twice: first every page becomes
candidate lines (trafilatura for HTML, the lines themselves for text), then lines repeated across
pages of a site or of the batch are counted (corpus.py), then each page's lines are classified
(text.py). ``Article.text`` holds one paragraph per line, subheads on their own lines, no title,
no blank lines, NFC. Bad pages come back as ``InputError``; nothing is raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.extract.corpus import CorpusContext, PageLines, build_context, site_of
from storylens.extract.features import LineFeatures
from storylens.model import Article, Document, InputError

__all__ = [
    "CorpusContext",
    "ExtractOptions",
    "build_corpus_context",
    "extract_article",
    "extract_articles",
]

MIN_TEXT_WORDS = 25  # a plain-text page with less prose than this has no article


@dataclass(frozen=True)
class ExtractOptions:
    """``english_only``: pages in another language become errors (storylens analyses English);
    benchmarks over multilingual pages turn it off. ``fast``: one balanced trafilatura run per
    HTML page, its fallbacks always on (precision mode is not tried): ~10% faster, less clean."""

    english_only: bool = True
    fast: bool = False  # one balanced trafilatura run per HTML page: a little faster, less clean


@dataclass(frozen=True)
class Draft:
    """Candidate lines of one page and the metadata found before line classification."""

    lines: tuple[str, ...]
    site: str | None  # key for the batch's repeated lines: the host
    site_name: str | None = None  # what the page calls its site ("Northwire")
    title: str | None = None
    title_variants: tuple[str, ...] = ()
    link_texts: frozenset[str] = frozenset()
    author: str | None = None
    published: str | None = None  # from the page's metadata
    language: str | None = None
    find_title: bool = True
    structural: bool = True  # plain text: the classifier also reads the page's layout
    features: tuple[LineFeatures, ...] | None = None  # of the lines, when the draft has them


def extract_articles(
    documents: Sequence[Document], options: ExtractOptions | None = None
) -> list[Article | InputError]:
    """Every document's article (or the reason it has none), using the batch's repeated lines."""
    from storylens.extract.text import clear_caches

    options = options or ExtractOptions()
    clear_caches()  # each batch is timed and judged on its own
    drafts = [draft_document(document, options) for document in documents]
    context = build_context(
        PageLines(document.id, draft.site, draft.lines)
        for document, draft in zip(documents, drafts, strict=True)
        if isinstance(draft, Draft)
    )
    return [
        draft
        if isinstance(draft, InputError)
        else finish_article(document, draft, context, options)
        for document, draft in zip(documents, drafts, strict=True)
    ]


def extract_article(
    document: Document,
    context: CorpusContext | None = None,
    options: ExtractOptions | None = None,
) -> Article | InputError:
    """One page on its own (``context`` from ``build_corpus_context`` adds the batch's view)."""
    options = options or ExtractOptions()
    draft = draft_document(document, options)
    if isinstance(draft, InputError):
        return draft
    return finish_article(document, draft, context or CorpusContext(), options)


def build_corpus_context(
    documents: Sequence[Document], options: ExtractOptions | None = None
) -> CorpusContext:
    """The batch features for ``extract_article`` callers that extract pages one by one."""
    pages = []
    for document in documents:
        draft = draft_document(document, options or ExtractOptions())
        if isinstance(draft, Draft):
            pages.append(PageLines(document.id, draft.site, draft.lines))
    return build_context(pages)


def draft_document(document: Document, options: ExtractOptions) -> Draft | InputError:
    from storylens.extract.features import markdown_link_texts
    from storylens.extract.html import PageProblem, draft_html
    from storylens.extract.text import split_lines

    try:
        if document.media_type == "html":
            html = draft_html(document.content, document.source.url, fast=options.fast)
            return Draft(
                lines=html.lines,
                site=site_of(document) or (html.site.casefold() if html.site else None),
                site_name=html.site,
                title=html.title or document.title_hint,
                title_variants=html.title_variants,
                link_texts=html.link_texts,
                author=html.author,
                published=html.published,
                language=html.language,
                features=html.features,
                find_title=html.title is None and document.title_hint is None,
                structural=False,
            )
        if document.media_type == "text":
            return Draft(
                lines=tuple(split_lines(document.content)),
                site=site_of(document),
                title=document.title_hint,
                link_texts=markdown_link_texts(document.content),
            )
        return input_error(document, f"unsupported media type {document.media_type!r}")
    except PageProblem as problem:
        return input_error(document, str(problem))
    except Exception as exc:  # one page's failure must not stop the batch
        return input_error(document, f"extraction failed: {type(exc).__name__}: {exc}")


def finish_article(
    document: Document,
    draft: Draft,
    context: CorpusContext,
    options: ExtractOptions | None,
) -> Article | InputError:
    try:
        return build_article(document, draft, context, options or ExtractOptions())
    except Exception as exc:  # one page's failure must not stop the batch
        return input_error(document, f"extraction failed: {type(exc).__name__}: {exc}")


def build_article(
    document: Document, draft: Draft, context: CorpusContext, options: ExtractOptions
) -> Article | InputError:
    from storylens.extract.language import guess_language, language_name
    from storylens.extract.text import read_page

    reading = read_page(
        list(draft.lines),
        document_id=document.id,
        site=draft.site,
        context=context,
        title_hint=draft.title,
        title_variants=draft.title_variants,
        find_title=draft.find_title,
        structural=draft.structural,
        link_texts=draft.link_texts,
        features=draft.features,
    )
    text = "\n".join(reading.lines)
    words = count_words(text)
    if words < MIN_TEXT_WORDS:
        return input_error(
            document, f"no article text found ({words} words of article text left after cleaning)"
        )
    language = guess_language(text)
    if options.english_only and language not in (None, "en"):
        return input_error(document, f"not in English (looks like {language_name(language)})")
    published, published_from = choose_date(document, draft, reading.published)
    site = document.source.site or draft.site_name or draft.site
    return Article(
        id=document.id,
        source=document.source,
        text=text,
        title=draft.title or reading.title,
        published=published,
        published_from=published_from,
        author=draft.author or reading.author,
        site=site,
        language=language or draft.language or "en",
        removed=reading.removed,
    )


def choose_date(document: Document, draft: Draft, stamp: str | None) -> tuple[str | None, str]:
    """The page's own metadata first, then a date stamp in its text, then its container."""
    if draft.published:
        return draft.published, "meta"
    if stamp:
        return stamp, "text"
    if document.container_date:
        return document.container_date, "http"
    return None, "none"


def count_words(text: str) -> int:
    """Words, counting each CJK character as one (those scripts put no spaces between words)."""
    from storylens.extract.language import ideographs

    return len(text.split()) + ideographs(text)


def input_error(document: Document, problem: str) -> InputError:
    label = document.source.path or document.source.url or document.id
    return InputError(input=label, error=problem)
