"""Fixtures for ingest tests: a local HTTP server on loopback and small input builders.

The server only ever binds 127.0.0.1, runs in a daemon thread and is shut down by the fixture,
so the fetch tests never touch the network.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from ingest_helpers import LocalServer, Route, handler_class

from storylens.ingest import IngestOptions


class QuietServer(ThreadingHTTPServer):
    """A client that gave up (the timeout test) is expected; no traceback on stderr."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[LocalServer]:
    routes: dict[str, Route] = {"/robots.txt": Route(404, b"", {"Content-Type": "text/plain"})}
    hits: list[tuple[str, str]] = []
    httpd = QuietServer(("127.0.0.1", 0), handler_class(routes, hits))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    host, port = httpd.server_address[:2]
    try:
        yield LocalServer(f"http://{host}:{port}", routes, hits)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def net_options(tmp_path: Path) -> IngestOptions:
    """Options for the loopback server: private addresses allowed, short timeouts, no pauses."""
    return IngestOptions(
        allow_private_urls=True,
        cache_dir=str(tmp_path / "cache"),
        per_host_delay=0.0,
        connect_timeout=2.0,
        read_timeout=0.3,
        total_timeout=5.0,
        max_bytes=64 * 1024,
    )
