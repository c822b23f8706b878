"""Incremental ingestion: new pages join the store, and only the stories they touch are redone.

Each analysed page is committed on its own, so an interrupted run keeps what it finished and a
re-run skips it (pages are known by a hash of their content). Stories are regrouped over all
stored articles; a story whose membership did not change is left alone, one that changed keeps
the id of the stored story it overlaps most, so links to it stay valid as it grows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storylens.model import Analysis, Document, InputError, Story, StoryResult
from storylens.store import database as db

Progress = Callable[[str, int, int], None]


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)  # article ids
    skipped: int = 0  # pages already in the store
    errors: list[InputError] = field(default_factory=list)
    stories_updated: list[str] = field(default_factory=list)
    stories_removed: list[str] = field(default_factory=list)


def content_hash(document: Document) -> str:
    return hashlib.sha256(document.content.encode("utf-8")).hexdigest()


def source_label(document: Document) -> str:
    source = document.source
    label = source.url or source.path or document.id
    return f"{label} ({source.record})" if source.record else label


def ingest(
    inputs: Sequence[str],
    db_path: Path | str,
    *,
    allow_private_urls: bool = False,
    min_story_size: int = 2,
    progress: Progress | None = None,
) -> IngestSummary:
    """Add pages to the store and bring the affected stories up to date."""
    from storylens.ingest import IngestOptions, read_inputs

    connection = db.connect(db_path)
    summary = IngestSummary()
    fresh: list[tuple[str, Document]] = []
    for item in read_inputs(inputs, IngestOptions(allow_private_urls=allow_private_urls)):
        if isinstance(item, InputError):
            summary.errors.append(item)
            continue
        digest = content_hash(item)
        if db.has_document(connection, digest) or any(digest == d for d, _ in fresh):
            summary.skipped += 1
            continue
        fresh.append((digest, _with_free_id(connection, item, {d.id for _, d in fresh})))
    add_documents(connection, fresh, summary, progress)
    db.save_errors(connection, summary.errors)
    if summary.added:
        regroup(connection, summary, min_story_size)
    connection.close()
    return summary


def _with_free_id(connection: sqlite3.Connection, document: Document, taken: set[str]) -> Document:
    """A new page whose id is already used by another page gets a numbered id."""
    candidate, n = document.id, 1
    while candidate in taken or _id_in_store(connection, candidate):
        n += 1
        candidate = f"{document.id}-{n}"
    return document if candidate == document.id else dataclasses.replace(document, id=candidate)


def _id_in_store(connection: sqlite3.Connection, article_id: str) -> bool:
    row = connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None


def add_documents(
    connection: sqlite3.Connection,
    fresh: list[tuple[str, Document]],
    summary: IngestSummary,
    progress: Progress | None,
) -> None:
    from storylens.annotate import annotate_article
    from storylens.extract import extract_articles

    extracted = extract_articles([document for _, document in fresh])
    for done, ((digest, document), result) in enumerate(
        zip(fresh, extracted, strict=True), start=1
    ):
        label = source_label(document)
        if isinstance(result, InputError):
            summary.errors.append(result)
            if result.severity == "error":
                db.save_document_without_article(connection, digest, label)
            continue
        try:
            annotated = annotate_article(result)
        except Exception as exc:  # one page's failure must not stop the batch
            summary.errors.append(InputError(label, f"annotation failed: {exc}"))
            continue
        db.save_article(connection, digest, label, annotated)
        summary.added.append(result.id)
        if progress:
            progress("analyse", done, len(fresh))


def regroup(connection: sqlite3.Connection, summary: IngestSummary, min_story_size: int) -> None:
    """Regroup all stored articles; recompute and save only the stories that changed."""
    from storylens.link import group_stories

    articles = db.load_annotated(connection)
    stories, _off_topic = group_stories(articles, min_size=min_story_size)
    stored = db.story_rows(connection)
    unchanged = {frozenset(row.article_ids): row.id for row in stored}
    kept: set[str] = set()
    for story in stories:
        members = frozenset(a.id for a in story.articles)
        if members in unchanged:
            kept.add(unchanged[members])
            continue
        story_id = _inherited_id(story, stored, kept)
        kept.add(story_id)
        save_story(connection, dataclasses.replace(story, id=story_id))
        summary.stories_updated.append(story_id)
    for row in stored:
        if row.id not in kept:
            db.delete_story(connection, row.id)
            summary.stories_removed.append(row.id)


def _inherited_id(story: Story, stored: list[db.StoryRow], taken: set[str]) -> str:
    members = {a.id for a in story.articles}
    best = max(
        (row for row in stored if row.id not in taken),
        key=lambda row: (len(members & set(row.article_ids)), row.id),
        default=None,
    )
    if best is not None and members & set(best.article_ids):
        return best.id
    return story.id


def save_story(connection: sqlite3.Connection, story: Story) -> None:
    """Link and compare one story and store it with its report section."""
    from storylens.compare import compare_story
    from storylens.link import link_story
    from storylens.report import build_report

    linked = link_story(story)
    findings = compare_story(linked)
    analysis = Analysis(
        articles=tuple(a.article for a in story.articles),
        stories=(StoryResult(linked=linked, findings=findings),),
    )
    report = build_report(analysis)
    dates = sorted(a.article.published for a in story.articles if a.article.published)
    row = db.StoryRow(
        id=story.id,
        title=story.title,
        article_ids=tuple(sorted(a.id for a in story.articles)),
        article_count=len(story.articles),
        family_count=len(linked.families),
        conflict_count=len(findings.conflicts),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        updated_at=db.now(),
    )
    db.save_story(connection, row, report)
