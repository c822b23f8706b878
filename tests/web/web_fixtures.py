"""Stores for the web tests, built once per test process (not a conftest: no shadowing).

The sample store is the whole pipeline run over examples/sample-story plus one hostile page
written here (fictional). Building it takes seconds, so it is cached per process; test modules
import the fixtures they use.
"""

from __future__ import annotations

import atexit
import json
import shutil
import socket
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample-story"
SAMPLE_PAGES = sorted(p for p in SAMPLE.glob("*") if p.suffix in {".html", ".txt"})
HOSTILE_ID = "hostile-page"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_TEXT = f"""Harbour board of Velmora approves night ferry {HOSTILE_SCRIPT}

The harbour board of the fictional town of Velmora voted on Tuesday to run a night ferry to
the island of Quenby, board chair Ottilie Marsh said. <img src=x onerror=alert(2)> The ferry
will carry up to 140 passengers and start in June, according to the board.

Fishermen on the island had asked for a late crossing for years, Marsh said, because the last
boat now leaves at six in the evening and the market on the mainland closes at nine. The board
will buy a second-hand vessel from a yard in the north and train two new crews over the winter.
Tickets will cost the same as on the day service, and residents of Quenby will pay half.
"""


def temp_dir(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, True)
    return path


@cache
def sample_store_path() -> Path:
    """The sample story ingested through the pipeline, plus one hostile page in no story."""
    from storylens.store import ingest

    root = temp_dir("storylens-web-sample-")
    hostile = root / f"{HOSTILE_ID}.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    path = root / "store.db"
    summary = ingest([str(SAMPLE), str(hostile)], path)
    if not summary.stories_updated:
        raise RuntimeError(f"the sample story did not form a story: {summary}")
    return path


@cache
def hostile_story_store_path() -> Path:
    """A copy of the sample store whose story's title and one conflict value are markup."""
    from storylens.store import database as db

    root = temp_dir("storylens-web-hostile-")
    path = root / "store.db"
    source = sqlite3.connect(sample_store_path())
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    connection = db.connect(path)
    row = db.story_rows(connection)[0]
    report = db.story_report(connection, row.id)
    story = report["stories"][0]
    story["title"] = HOSTILE_SCRIPT
    story["conflicts"][0]["values"][0]["value"] = '<img src=x onerror="alert(3)">'
    story["conflicts"][0]["subject"] = "</table><script>alert(4)</script>"
    hostile_row = db.StoryRow(**{**row.__dict__, "title": HOSTILE_SCRIPT, "updated_at": db.now()})
    db.save_story(connection, hostile_row, json.loads(json.dumps(report)))
    connection.close()
    return path


def sample_story_id() -> str:
    from storylens.store import database as db

    connection = db.connect(sample_store_path(), readonly=True)
    try:
        return max(db.story_rows(connection), key=lambda r: r.article_count).id
    finally:
        connection.close()


@pytest.fixture(scope="module")
def sample_store() -> Path:
    if len(SAMPLE_PAGES) < 4:
        pytest.skip("examples/sample-story is not there")
    return sample_store_path()


@pytest.fixture(scope="module")
def client(sample_store: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from storylens.web.app import create_app

    with TestClient(create_app(sample_store), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def hostile_client(sample_store: Path) -> Iterator:
    """An app over a copy of the sample store whose story title and values are markup."""
    from fastapi.testclient import TestClient

    from storylens.web.app import create_app

    with TestClient(create_app(hostile_story_store_path())) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def story_id(sample_store: Path) -> str:
    return sample_story_id()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app under uvicorn in a thread on a free loopback port."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
