"""The SQLite store: documents, annotated articles, stories and their findings.

WAL mode lets the web app read while `storylens ingest` writes; every story is written in one
transaction, so a reader sees the old version or the new one, never half of it. Migrations are
numbered SQL scripts applied in order and recorded in `schema_migrations`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storylens.model import AnnotatedArticle, InputError
from storylens.store.codec import from_json, to_json

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE documents (
        content_hash TEXT PRIMARY KEY,
        article_id TEXT,
        source TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title TEXT,
        site TEXT,
        published TEXT,
        text TEXT NOT NULL,
        annotated TEXT NOT NULL,
        story_id TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        family_count INTEGER NOT NULL,
        conflict_count INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        updated_at TEXT NOT NULL,
        report TEXT NOT NULL
    );
    CREATE TABLE errors (
        input TEXT NOT NULL,
        error TEXT NOT NULL,
        severity TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
)


def default_db_path() -> Path:
    """A per-user data path, so `ingest` and `serve` find the same store without flags."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("storylens", appauthor=False)) / "storylens.db"


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def connect(path: Path | str, readonly: bool = False) -> sqlite3.Connection:
    """Open (and migrate) the store. Read-only connections never take the write lock."""
    path = Path(path)
    if readonly:
        connection = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30
        )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, check_same_thread=False, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        migrate(connection)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def schema_version(connection: sqlite3.Connection) -> int:
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, applied_at TEXT)"
    )
    row = connection.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations this store has not seen yet; each one in its own transaction."""
    current = schema_version(connection)
    for version, script in enumerate(MIGRATIONS, start=1):
        if version <= current:
            continue
        with transaction(connection):
            for statement in _statements(script):
                connection.execute(statement)
            connection.execute(
                "INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)", (version, now())
            )
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buffer = [], []
    for line in script.strip().splitlines():
        buffer.append(line)
        joined = "\n".join(buffer).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            buffer = []
    return statements


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str
    article_ids: tuple[str, ...]
    article_count: int
    family_count: int
    conflict_count: int
    first_published: str | None
    last_published: str | None
    updated_at: str


# ----------------------------------------------------------------------------- writes


def has_document(connection: sqlite3.Connection, content_hash: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)
    ).fetchone()
    return row is not None


def save_article(
    connection: sqlite3.Connection, content_hash: str, source: str, annotated: AnnotatedArticle
) -> None:
    """Keep one analysed page; committed at once so an interrupted run loses nothing before it."""
    article = annotated.article
    with transaction(connection):
        connection.execute(
            "INSERT OR REPLACE INTO documents(content_hash, article_id, source, ingested_at) "
            "VALUES (?, ?, ?, ?)",
            (content_hash, article.id, source, now()),
        )
        connection.execute("DELETE FROM articles WHERE id = ?", (article.id,))
        connection.execute(
            "INSERT INTO articles(id, content_hash, title, site, published, text, annotated, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                content_hash,
                article.title,
                article.site,
                article.published,
                article.text,
                to_json(annotated),
                now(),
            ),
        )


def save_document_without_article(
    connection: sqlite3.Connection, content_hash: str, source: str
) -> None:
    """Remember a page that gave no article, so re-ingesting it changes nothing."""
    with transaction(connection):
        connection.execute(
            "INSERT OR IGNORE INTO documents(content_hash, article_id, source, ingested_at) "
            "VALUES (?, NULL, ?, ?)",
            (content_hash, source, now()),
        )


def save_errors(connection: sqlite3.Connection, errors: list[InputError]) -> None:
    if not errors:
        return
    with transaction(connection):
        connection.executemany(
            "INSERT INTO errors(input, error, severity, at) VALUES (?, ?, ?, ?)",
            [(e.input, e.error, e.severity, now()) for e in errors],
        )


def save_story(connection: sqlite3.Connection, row: StoryRow, report: dict) -> None:
    """Replace one story and point its articles at it, in one transaction."""
    with transaction(connection):
        connection.execute("DELETE FROM stories WHERE id = ?", (row.id,))
        connection.execute(
            "INSERT INTO stories(id, title, article_ids, article_count, family_count, "
            "conflict_count, first_published, last_published, updated_at, report) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.id,
                row.title,
                json.dumps(list(row.article_ids)),
                row.article_count,
                row.family_count,
                row.conflict_count,
                row.first_published,
                row.last_published,
                row.updated_at,
                json.dumps(report, ensure_ascii=False, sort_keys=True),
            ),
        )
        connection.execute("UPDATE articles SET story_id = NULL WHERE story_id = ?", (row.id,))
        connection.executemany(
            "UPDATE articles SET story_id = ? WHERE id = ?",
            [(row.id, article_id) for article_id in row.article_ids],
        )


def delete_story(connection: sqlite3.Connection, story_id: str) -> None:
    with transaction(connection):
        connection.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        connection.execute("UPDATE articles SET story_id = NULL WHERE story_id = ?", (story_id,))


# ----------------------------------------------------------------------------- reads


def load_annotated(connection: sqlite3.Connection) -> list[AnnotatedArticle]:
    rows = connection.execute("SELECT annotated FROM articles ORDER BY id").fetchall()
    return [from_json(AnnotatedArticle, row[0]) for row in rows]


def story_rows(connection: sqlite3.Connection) -> list[StoryRow]:
    rows = connection.execute(
        "SELECT id, title, article_ids, article_count, family_count, conflict_count, "
        "first_published, last_published, updated_at FROM stories ORDER BY updated_at DESC, id"
    ).fetchall()
    return [_story_row(row) for row in rows]


def _story_row(row: sqlite3.Row) -> StoryRow:
    return StoryRow(
        id=row["id"],
        title=row["title"],
        article_ids=tuple(json.loads(row["article_ids"])),
        article_count=row["article_count"],
        family_count=row["family_count"],
        conflict_count=row["conflict_count"],
        first_published=row["first_published"],
        last_published=row["last_published"],
        updated_at=row["updated_at"],
    )


def story_report(connection: sqlite3.Connection, story_id: str) -> dict | None:
    row = connection.execute("SELECT report FROM stories WHERE id = ?", (story_id,)).fetchone()
    return json.loads(row[0]) if row else None


def article_story(connection: sqlite3.Connection, article_id: str) -> str | None:
    row = connection.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def search_articles(connection: sqlite3.Connection, query: str, limit: int = 50) -> list[dict]:
    """Full-text search; the query is quoted word by word so user input is never FTS syntax."""
    words = [w.replace('"', "") for w in query.split() if w.replace('"', "")]
    if not words:
        return []
    match = " ".join(f'"{w}"' for w in words)
    rows = connection.execute(
        "SELECT a.id, a.title, a.site, a.published, a.story_id, "
        "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    ).fetchall()
    return [dict(row) for row in rows]


def recent_errors(connection: sqlite3.Connection, limit: int = 100) -> list[dict]:
    rows = connection.execute(
        "SELECT input, error, severity, at FROM errors ORDER BY rowid DESC LIMIT ?", (limit,)
    ).fetchall()
    return [dict(row) for row in rows]
