"""What keeps hostile pages and other web sites from using the app against its user.

Article text is whatever a web page said, so it is escaped everywhere and the
Content-Security-Policy forbids inline script and style: even a missed escape cannot run.
The app listens on loopback, so a web page the user visits could still aim requests at it:
the Host check defeats DNS rebinding, the Origin check cross-site form posts. Uploads are
limited in count, size and type before anything is written, and URLs go through the ingest
fetcher's private-address guard, refused already here when the address is written literally.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",  # links out carry no referrer; own posts keep Origin
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]", "testserver")
MEGABYTE = 1024 * 1024
ALLOWED_SUFFIXES = (".html", ".htm", ".txt", ".md", ".json", ".jsonl")
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, whatever produced it."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [
                    (name.encode(), value.encode())
                    for name, value in SECURITY_HEADERS.items()
                    if name.encode() not in present
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int = 5 * MEGABYTE
    max_files: int = 20
    max_urls: int = 50
    max_url_length: int = 2000

    @property
    def max_request_bytes(self) -> int:
        """Room for every file at its largest, plus the form's other fields."""
        return self.max_files * self.max_file_bytes + MEGABYTE


class LimitExceeded(Exception):
    """The request body grew past the upload limit while it was being read."""


def limited_receive(receive: Receive, limit: int) -> Receive:
    """Count the body as it streams in and stop reading once it passes ``limit``."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise LimitExceeded(limit)
        return message

    return wrapped


def file_problem(filename: str, size: int, limits: UploadLimits) -> str | None:
    """Why an uploaded file is refused, or None."""
    if not filename:
        return "a file without a name was sent"
    if not filename.lower().endswith(ALLOWED_SUFFIXES):
        allowed = ", ".join(ALLOWED_SUFFIXES)
        return f"{filename}: this type of file is not accepted (allowed: {allowed})"
    if size > limits.max_file_bytes:
        return (
            f"{filename}: {size / MEGABYTE:.1f} MB is more than the "
            f"{limits.max_file_bytes / MEGABYTE:g} MB allowed for one file"
        )
    if size == 0:
        return f"{filename}: the file is empty"
    return None


def safe_filename(filename: str, taken: set[str]) -> str:
    """A plain name inside the upload folder: no path, no odd characters, no collision.

    The name (less its extension) becomes the article id, so it is kept as close to the
    user's as is safe.
    """
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    stem = SAFE_NAME.sub("-", stem).strip(".-") or "upload"
    name = f"{stem}.{suffix.lower()}" if dot else stem
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}.{suffix.lower()}"
    taken.add(candidate)
    return candidate


def url_problem(url: str, limits: UploadLimits, allow_private: bool) -> str | None:
    """Why a URL is refused before any fetch, or None (the fetcher checks again on resolve)."""
    if len(url) > limits.max_url_length:
        return f"{url[:60]}…: the URL is longer than {limits.max_url_length} characters"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        return f"{url}: not a valid URL ({exc})"
    if parts.scheme not in ("http", "https"):
        return f"{url}: only http:// and https:// URLs can be added"
    if not host:
        return f"{url}: the URL names no host"
    if allow_private:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return f"{url}: refused: {host} is a loopback address; private addresses are not fetched"
    from storylens.ingest.netguard import address_problem

    try:
        problem = address_problem(host)
    except ValueError:
        return None  # a host name: resolved and checked by the fetcher
    if problem:
        return f"{url}: refused: {host} is {problem}; private addresses are not fetched"
    return None


def parse_urls(text: str) -> list[str]:
    """One URL per line; blank lines and # comments are skipped, repeats kept once."""
    lines = (line.strip() for line in text.splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


def cross_site(headers: Any, host: str | None) -> bool:
    """True for a request a browser sent from another site's page.

    Sec-Fetch-Site is the browser's own verdict; Origin is compared with Host for clients that
    do not send it. An opaque origin ("null": a sandboxed frame, a data: page) is foreign unless
    the browser says the request is same-origin.
    """
    fetch_site = headers.get("sec-fetch-site", "").lower()
    if fetch_site == "cross-site":
        return True
    origin = headers.get("origin")
    if not origin:
        return False
    if origin == "null":
        return fetch_site != "same-origin"
    try:
        origin_host = urlsplit(origin).netloc
    except ValueError:
        return True
    return origin_host.lower() != (host or "").lower()
