"""Read-only queries for the web app: story lists, single rows, search with safe highlights.

Nothing here writes; every function takes an open connection (the app opens them read-only),
so a page request never takes the write lock and never waits for an ingestion job.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from storylens.store.database import StoryRow, _story_row

STORY_SORTS = {
    "updated": "updated_at DESC, id",
    "articles": "article_count DESC, updated_at DESC, id",
    "conflicts": "conflict_count DESC, updated_at DESC, id",
    "published": "COALESCE(last_published, '') DESC, id",
    "title": "title COLLATE NOCASE, id",
}
# Private-use characters mark search hits: article text may contain brackets, never these.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
STORY_COLUMNS = (
    "id, title, article_ids, article_count, family_count, conflict_count, "
    "first_published, last_published, updated_at"
)


def list_stories(
    connection: sqlite3.Connection,
    *,
    sort: str = "updated",
    text: str = "",
    min_conflicts: int = 0,
    limit: int = 500,
) -> list[StoryRow]:
    """Stories filtered by a title substring and a minimum number of conflicts."""
    order = STORY_SORTS.get(sort, STORY_SORTS["updated"])
    where, params = ["conflict_count >= ?"], [min_conflicts]
    if text.strip():
        where.append("title LIKE ? ESCAPE '\\' COLLATE NOCASE")
        params.append(f"%{like_escape(text.strip())}%")
    rows = connection.execute(
        f"SELECT {STORY_COLUMNS} FROM stories WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [_story_row(row) for row in rows]


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def story_row(connection: sqlite3.Connection, story_id: str) -> StoryRow | None:
    row = connection.execute(
        f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    return _story_row(row) if row else None


def story_version(connection: sqlite3.Connection, story_id: str) -> str | None:
    """The story's ``updated_at``: a cheap key for caches of anything derived from it."""
    row = connection.execute("SELECT updated_at FROM stories WHERE id = ?", (story_id,)).fetchone()
    return row[0] if row else None


def article_version(
    connection: sqlite3.Connection, article_id: str
) -> tuple[str, str | None, str | None] | None:
    """(ingested_at, story id, story updated_at): changes whenever the article's page would."""
    row = connection.execute(
        "SELECT a.ingested_at, a.story_id, s.updated_at FROM articles a "
        "LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def story_report_json(connection: sqlite3.Connection, story_id: str) -> dict | None:
    row = connection.execute("SELECT report FROM stories WHERE id = ?", (story_id,)).fetchone()
    return json.loads(row[0]) if row else None


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str | None
    site: str | None
    published: str | None
    text: str
    annotated: str  # JSON of the AnnotatedArticle; decode with store.codec.from_json
    story_id: str | None
    ingested_at: str
    source: str | None  # the document's source label (path, URL) as ingest recorded it


def article_row(connection: sqlite3.Connection, article_id: str) -> ArticleRow | None:
    row = connection.execute(
        "SELECT a.id, a.title, a.site, a.published, a.text, a.annotated, a.story_id, "
        "a.ingested_at, d.source FROM articles a "
        "LEFT JOIN documents d ON d.content_hash = a.content_hash WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    return ArticleRow(**dict(row)) if row else None


def store_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Totals for the front page: how much the store holds and how much is in no story."""
    row = connection.execute(
        "SELECT (SELECT COUNT(*) FROM stories), (SELECT COUNT(*) FROM articles), "
        "(SELECT COUNT(*) FROM articles WHERE story_id IS NULL), (SELECT COUNT(*) FROM errors)"
    ).fetchone()
    return {"stories": row[0], "articles": row[1], "unassigned": row[2], "errors": row[3]}


def unassigned_articles(connection: sqlite3.Connection, limit: int = 200) -> list[dict[str, Any]]:
    """Articles in no story (off-topic, or waiting for a second article on their event)."""
    rows = connection.execute(
        "SELECT id, title, site, published FROM articles WHERE story_id IS NULL "
        "ORDER BY ingested_at DESC, id LIMIT ?",
        (limit,),
    ).fetchall()
    return [dict(row) for row in rows]


def search(connection: sqlite3.Connection, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Full-text search; each hit's snippet is a list of (text, is_match) pieces.

    Words are quoted one by one so user input is never FTS syntax; hits are marked with
    private-use characters so the page can highlight them without trusting the text.
    """
    words = [w.replace('"', "") for w in query.split() if w.replace('"', "")]
    if not words:
        return []
    match = " ".join(f'"{w}"' for w in words)
    rows = connection.execute(
        "SELECT a.id, a.title, a.site, a.published, a.story_id, "
        f"snippet(articles_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', ' … ', 16) AS snippet "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
        (match, limit),
    ).fetchall()
    hits = []
    for row in rows:
        hit = dict(row)
        hit["snippet"] = snippet_pieces(hit["snippet"] or "")
        hits.append(hit)
    return hits


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """Split a marked snippet into plain and matching pieces."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet.replace(HIT_OPEN + HIT_CLOSE, "")
    while rest:
        start = rest.find(HIT_OPEN)
        if start < 0:
            pieces.append((rest.replace(HIT_CLOSE, ""), False))
            break
        if start:
            pieces.append((rest[:start].replace(HIT_CLOSE, ""), False))
        end = rest.find(HIT_CLOSE, start)
        end = len(rest) if end < 0 else end
        pieces.append((rest[start + 1 : end].replace(HIT_OPEN, ""), True))
        rest = rest[end + 1 :]
    return [(text, hit) for text, hit in pieces if text]


def titles(connection: sqlite3.Connection, table: str, ids: list[str]) -> dict[str, str | None]:
    """Id -> title for stories or articles, so a page can name what it links to."""
    if table not in ("stories", "articles") or not ids:
        return {}
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT id, title FROM {table} WHERE id IN ({marks})", chunk
        ).fetchall()
        found.update({row[0]: row[1] for row in rows})
    return found
