"""The store keeps records faithfully, migrates once, and searches safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storylens.model import (
    AnnotatedArticle,
    Article,
    DateMention,
    EntityMention,
    QuoteMention,
    Removed,
    Sentence,
    Source,
    TitleMention,
)
from storylens.store import database as db
from storylens.store.codec import from_json, to_json

TEXT = (
    "Mayor Ilse Brandt said the bridge would reopen on Friday.\n\u201cWe are ready,\u201d she said."
)


def annotated(article_id: str = "a1", text: str = TEXT) -> AnnotatedArticle:
    article = Article(
        id=article_id,
        source=Source(path=f"/pages/{article_id}.txt", site="harbour-times.example"),
        text=text,
        title="Bridge to reopen",
        published="2031-04-02",
        published_from="text",
        removed=(Removed("Follow us", "call-to-action"),),
    )
    return AnnotatedArticle(
        article=article,
        sentences=(Sentence(0, 57), Sentence(58, len(text))),
        entities=(EntityMention(6, 16, "Ilse Brandt", "PERSON", "ilse brandt"),),
        titles=(TitleMention(0, 5, "Mayor", 6, 16, "Ilse Brandt", "mayor", None, "current"),),
        dates=(DateMention(50, 56, "Friday", "2031-04-04", "weekday", True),),
        quotes=(QuoteMention(59, 71, "We are ready", "direct", "Ilse Brandt", 76, 79, "say"),),
    )


def test_codec_round_trips_nested_records():
    record = annotated()
    assert from_json(AnnotatedArticle, to_json(record)) == record


def test_migrations_apply_once_and_are_recorded(tmp_path: Path):
    path = tmp_path / "store.db"
    db.connect(path).close()
    connection = db.connect(path)
    versions = [r[0] for r in connection.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, len(db.MIGRATIONS) + 1))
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_saved_articles_load_back_and_are_searchable(tmp_path: Path):
    connection = db.connect(tmp_path / "store.db")
    db.save_article(connection, "hash-a1", "/pages/a1.txt", annotated())
    assert db.has_document(connection, "hash-a1")
    assert db.load_annotated(connection) == [annotated()]
    hits = db.search_articles(connection, "bridge reopen")
    assert [h["id"] for h in hits] == ["a1"]
    assert "[" in hits[0]["snippet"]


def test_search_treats_user_input_as_words_not_syntax(tmp_path: Path):
    connection = db.connect(tmp_path / "store.db")
    db.save_article(connection, "hash-a1", "/pages/a1.txt", annotated())
    for hostile in ['"', "NEAR(", "bridge OR", "* AND -", "'; DROP TABLE articles; --"]:
        db.search_articles(connection, hostile)  # must not raise
    assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_a_story_replaces_itself_in_one_transaction(tmp_path: Path):
    connection = db.connect(tmp_path / "store.db")
    db.save_article(connection, "hash-a1", "/pages/a1.txt", annotated())
    row = db.StoryRow("s-1", "Bridge", ("a1",), 1, 1, 0, "2031-04-02", "2031-04-02", db.now())
    db.save_story(connection, row, {"id": "s-1", "conflicts": []})
    db.save_story(connection, row, {"id": "s-1", "conflicts": [1]})
    assert db.story_report(connection, "s-1") == {"id": "s-1", "conflicts": [1]}
    assert db.article_story(connection, "a1") == "s-1"
    reader = db.connect(tmp_path / "store.db", readonly=True)
    assert [r.id for r in db.story_rows(reader)] == ["s-1"]
    try:
        reader.execute("DELETE FROM stories")
        raise AssertionError("a read-only connection must not write")
    except sqlite3.OperationalError:
        pass
