"""Helpers and fixtures shared by the ingest tests.

Not a conftest.py: a second module named ``conftest`` would shadow tests/conftest.py for the
other test folders that import from it. Test modules import the fixtures they use by name.
The loopback server only ever binds 127.0.0.1, runs in a daemon thread and is shut down by its
fixture, so the fetch tests never touch the network.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storylens.ingest import IngestOptions, read_inputs
from storylens.model import Document, InputError

PAGE = (
    "<html><head><title>Harbour vote</title></head><body><article>"
    "<p>The council of Marlow Bay voted on Tuesday to rebuild the old harbour wall.</p>"
    "</article></body></html>"
)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0  # seconds to wait before answering (timeouts)
    chunked: bool = False  # no Content-Length: the size limit must hold while streaming


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    hits: list[tuple[str, str]]  # (path, user agent)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def hits_for(self, path: str) -> int:
        return sum(1 for hit_path, _ in self.hits if hit_path == path)


def handler_class(routes: dict[str, Route], hits: list[tuple[str, str]]) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            hits.append((self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path, Route(404, b"not here", {"Content-Type": "text/plain"}))
            if route.delay:
                time.sleep(route.delay)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer(route)

        def _answer(self, route: Route) -> None:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(route.body), 4096):
                    piece = route.body[start : start + 4096]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


def read_all(
    inputs: list[str], options: IngestOptions | None = None
) -> tuple[list[Document], list[InputError]]:
    documents: list[Document] = []
    errors: list[InputError] = []
    for item in read_inputs(inputs, options or IngestOptions()):
        (documents if isinstance(item, Document) else errors).append(item)
    return documents, errors


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def gzipped(data: str | bytes) -> bytes:
    return gzip.compress(data.encode("utf-8") if isinstance(data, str) else data)


class QuietServer(ThreadingHTTPServer):
    """A client that gave up (the timeout test) is expected; no traceback on stderr."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return


@pytest.fixture(name="server")
def server_fixture() -> Iterator[LocalServer]:
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


@pytest.fixture(name="net_options")
def net_options_fixture(tmp_path: Path) -> IngestOptions:
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
