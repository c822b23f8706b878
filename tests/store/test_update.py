"""Incremental ingestion: stories grow in place, re-ingesting changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storylens.store import database as db
from storylens.store import ingest
from testdata import EXAMPLES

SAMPLE = EXAMPLES / "sample-story"
PAGES = sorted(p for p in SAMPLE.glob("*") if p.suffix in {".html", ".txt", ".md"})
pytestmark = pytest.mark.skipif(len(PAGES) < 4, reason="examples/sample-story is not written yet")


@pytest.fixture(scope="module")
def grown_store(tmp_path_factory) -> tuple[Path, list, list]:
    """Ingest half the sample, then the rest, then everything again."""
    root = tmp_path_factory.mktemp("store")
    first, second = root / "first", root / "second"
    first.mkdir()
    second.mkdir()
    for i, page in enumerate(PAGES):
        shutil.copy(page, (first if i % 2 == 0 else second) / page.name)
    path = root / "store.db"
    summaries = [ingest([str(first)], path), ingest([str(second)], path)]
    snapshot = db.story_rows(db.connect(path))
    summaries.append(ingest([str(SAMPLE)], path))
    return path, summaries, snapshot


def test_every_page_is_added_once(grown_store):
    _path, summaries, _ = grown_store
    added = [a for s in summaries for a in s.added]
    assert len(added) == len(set(added)) == len(PAGES)
    assert summaries[2].added == [] and summaries[2].skipped == len(PAGES)


def test_the_story_keeps_its_id_as_it_grows(grown_store):
    _path, summaries, snapshot = grown_store
    first_ids = set(summaries[0].stories_updated)
    assert first_ids, "the first half already forms a story"
    assert first_ids & set(summaries[1].stories_updated)
    biggest = max(snapshot, key=lambda row: row.article_count)
    assert biggest.id in first_ids


def test_reingesting_changes_nothing(grown_store):
    path, summaries, snapshot = grown_store
    assert summaries[2].stories_updated == [] and summaries[2].stories_removed == []
    assert db.story_rows(db.connect(path)) == snapshot
