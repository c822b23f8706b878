"""The five seed pages of ../shared: one story; 001 and 003 are rewrites of one original.

Articles come from the real extract and annotate stages. 002 and 004 quote the same statements
but are otherwise written independently, so quotes alone must not make them one family.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import shared_path

from storylens.model import AnnotatedArticle, Document, LinkedStory, Source


@pytest.fixture(scope="module")
def seed_articles() -> list[AnnotatedArticle]:
    from storylens.annotate import annotate_articles
    from storylens.extract import extract_articles

    folder: Path = shared_path("seeds")
    documents = [
        Document(
            id=path.stem,
            source=Source(path=str(path)),
            content=path.read_text(encoding="utf-8"),
            media_type="text",
        )
        for path in sorted(folder.glob("*.txt"))
    ]
    articles = [a for a in extract_articles(documents) if not hasattr(a, "error")]
    assert len(articles) == 5
    return annotate_articles(articles)


@pytest.fixture(scope="module")
def linked(seed_articles) -> LinkedStory:
    from storylens.link import group_stories, link_story

    stories, off_topic = group_stories(seed_articles)
    assert off_topic == [] and len(stories) == 1
    return link_story(stories[0])


def family(linked: LinkedStory, prefix: str) -> str | None:
    article_id = next(a.id for a in linked.story.articles if a.id.startswith(prefix))
    return linked.family_of(article_id)


def test_the_five_seeds_are_one_story(linked) -> None:
    assert len(linked.story.articles) == 5


def test_001_and_003_are_one_family(linked) -> None:
    assert family(linked, "001") == family(linked, "003")


def test_shared_quotes_do_not_join_002_and_004(linked) -> None:
    assert family(linked, "002") != family(linked, "004")
    assert family(linked, "002") != family(linked, "001")


def test_every_seed_is_in_exactly_one_family(linked) -> None:
    members = sorted(a for f in linked.families for a in f.article_ids)
    assert members == sorted(a.id for a in linked.story.articles)


def test_001_and_003_share_an_absent_original(linked) -> None:
    """Each keeps details the other lacks: neither is the other's source."""
    family_id = family(linked, "001")
    assert next(f for f in linked.families if f.id == family_id).original is None
