"""Helpers for the annotate tests: one spaCy model per process, articles built from strings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storylens.model import AnnotatedArticle, Article, Source

Annotate = Callable[..., AnnotatedArticle]


@pytest.fixture(scope="session")
def annotate() -> Annotate:
    """annotate(text, published=None) -> AnnotatedArticle; the model loads once per session."""
    from storylens.annotate import annotate_article

    def run(text: str, published: str | None = None, article_id: str = "t") -> AnnotatedArticle:
        article = Article(
            id=article_id, source=Source(path=f"{article_id}.txt"), text=text, published=published
        )
        return annotate_article(article)

    return run


@pytest.fixture(scope="session")
def spans_are_exact() -> Callable[[AnnotatedArticle], bool]:
    return _spans_are_exact


def _spans_are_exact(annotated: AnnotatedArticle) -> bool:
    """Every record's text is the article text at its offsets."""
    text = annotated.article.text
    records = [
        *annotated.entities,
        *annotated.titles,
        *annotated.dates,
        *annotated.numbers,
        *annotated.quotes,
        *annotated.events,
    ]
    return all(text[r.start : r.end] == r.text for r in records)
