"""Annotate: Article -> AnnotatedArticle.

Sentences, entities, titles, dates, numbers, quotes, events and where organisations are
based, as spans into the text.

Contract used by the pipeline:
    annotate_article(article: Article) -> AnnotatedArticle
    annotate_articles(articles) -> list[AnnotatedArticle]   (one batched spaCy pass)
    normalize_name(text) -> str                              (EntityMention.key)

Each article is parsed once; every annotator reads that one ``Doc``. All offsets are
character offsets into ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storylens.annotate.entities import entity_key, normalize_name, place_key
from storylens.model import AnnotatedArticle, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "annotate_article",
    "annotate_articles",
    "entity_key",
    "normalize_name",
    "place_key",
]


def annotate_article(article: Article) -> AnnotatedArticle:
    """All annotations of one article."""
    return annotate_articles([article])[0]


def annotate_articles(articles: Sequence[Article]) -> list[AnnotatedArticle]:
    """All annotations of many articles, parsed in one batched pass."""
    from storylens.annotate.nlp import parse_texts

    docs = parse_texts(article.text for article in articles)
    return [annotate_parsed(article, doc) for article, doc in zip(articles, docs, strict=True)]


def annotate_parsed(article: Article, doc: Doc) -> AnnotatedArticle:
    """Run every annotator over an already parsed article."""
    from storylens.annotate.coref import Resolver
    from storylens.annotate.dates import extract_dates, parse_article_date
    from storylens.annotate.entities import extract_entities
    from storylens.annotate.events import extract_events
    from storylens.annotate.locations import extract_locations
    from storylens.annotate.nlp import SentenceIndex, doc_text, split_sentences
    from storylens.annotate.numbers import extract_numbers
    from storylens.annotate.quotes import extract_quotes, find_quotations
    from storylens.annotate.titles import extract_titles

    sentences = split_sentences(doc)
    index = SentenceIndex(sentences)
    entities = extract_entities(doc)
    titles = extract_titles(doc, entities)
    dates, durations = extract_dates(doc, parse_article_date(article.published))
    numbers = extract_numbers(doc, durations, dates)
    quotations = find_quotations(doc_text(doc))
    resolver = Resolver(doc, entities, titles, index, [(q.start, q.end) for q in quotations])
    quotes = extract_quotes(doc, index, resolver, quotations)
    events = extract_events(doc, index, resolver, dates)
    return AnnotatedArticle(
        article=article,
        sentences=sentences,
        entities=tuple(entities),
        titles=tuple(titles),
        dates=tuple(dates),
        numbers=tuple(numbers),
        quotes=tuple(quotes),
        events=tuple(events),
        locations=tuple(extract_locations(doc, entities)),
    )
