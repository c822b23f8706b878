"""Fetch one web page safely: bounded in time and size, polite, cached, never private.

Every hop of a redirect chain is checked again (scheme, address, robots.txt), which is why
redirects are followed here and not by httpx. Limits are enforced while streaming, so an
endless or huge response costs at most ``max_bytes`` of memory and ``total_timeout`` of time.
Failures raise ``FetchError`` with one sentence a user can act on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from storylens.ingest.cache import FetchedPage, PageCache
from storylens.ingest.netguard import (
    BlockedAddress,
    GuardedTransport,
    checked_addresses,
    refuse_private_literal,
)
from storylens.ingest.options import IngestOptions
from storylens.ingest.problems import InputProblem, human_size
from storylens.ingest.robots import ROBOTS_MAX_BYTES, RobotsRules

ACCEPTED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
ACCEPT_HEADER = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8"
)


class FetchError(InputProblem):
    """A URL that could not be fetched; the message names the reason, not the URL."""


@dataclass(frozen=True)
class _Hop:
    """One request's outcome: a page, or where a redirect points."""

    status: int
    headers: dict[str, str]
    body: bytes
    location: str | None = None


class HostPacer:
    """Minimum delay between two requests to one host, so a batch never hammers a site."""

    def __init__(
        self,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None and self.delay > 0:
            remaining = last + self.delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


class Fetcher:
    """One per run: holds the HTTP client, the cache, robots rules and the per-host pacing."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self.cache = PageCache(options.cache_dir) if options.use_cache else None
        self.pacer = HostPacer(options.per_host_delay)
        self.robots = RobotsRules(self._get_robots, options.user_agent)
        self._client: httpx.Client | None = None
        self._requested: set[str] = set()

    def first_request_for(self, url: str) -> bool:
        """False for a URL this run already read: a page named twice must not count twice."""
        if url in self._requested:
            return False
        self._requested.add(url)
        return True

    def fetch(self, url: str) -> FetchedPage:
        """The page at ``url`` (from the cache when there); raises FetchError."""
        host, _ = check_url_shape(url)
        if not self.options.allow_private_urls:
            try:  # before the cache: a cached page obeys the rule too
                refuse_private_literal(host)
            except BlockedAddress as exc:
                raise FetchError(str(exc)) from exc
        if self.cache is not None:
            cached = self.cache.get(url)
            if cached is not None:
                return cached
        final_url, hop = self._follow(url, purpose="page")
        page = FetchedPage(url, final_url, hop.status, hop.headers, hop.body)
        if self.cache is not None:
            self.cache.put(page)
        return page

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # ------------------------------------------------------------------ redirects

    def _follow(self, url: str, purpose: str) -> tuple[str, _Hop]:
        chain = [url]
        for _ in range(self.options.max_redirects + 1):
            hop = self._request(chain[-1], purpose)
            if hop.location is None:
                return chain[-1], hop
            target = urljoin(chain[-1], hop.location)
            if target in chain:
                raise FetchError("redirect loop: " + " -> ".join([*chain, target]))
            chain.append(target)
        raise FetchError(f"too many redirects (more than {self.options.max_redirects})")

    # ------------------------------------------------------------------ one request

    def _request(self, url: str, purpose: str) -> _Hop:
        host, port = check_url_shape(url)
        try:
            checked_addresses(host, port, self.options.allow_private_urls)
        except BlockedAddress as exc:
            raise FetchError(str(exc)) from exc
        if purpose == "page":
            if self.options.respect_robots and not self.robots.allows(url):
                raise FetchError("disallowed by robots.txt")
            self.pacer.wait(host)  # robots.txt itself is not paced: it is one small file per host
        try:
            return self._stream(url, purpose)
        except BlockedAddress as exc:
            raise FetchError(str(exc)) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(_timeout_message(exc, self.options)) from exc
        except httpx.ConnectError as exc:
            raise FetchError(f"could not connect: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"network error: {type(exc).__name__}: {exc}") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}") from exc

    def _stream(self, url: str, purpose: str) -> _Hop:
        headers = {"Accept": ACCEPT_HEADER if purpose == "page" else "text/plain"}
        with self.client.stream("GET", url, headers=headers) as response:
            found = {name.lower(): value for name, value in response.headers.items()}
            if response.is_redirect and "location" in found:
                return _Hop(response.status_code, found, b"", location=found["location"])
            if purpose == "robots":
                if not response.is_success:
                    return _Hop(response.status_code, found, b"")
                return _Hop(response.status_code, found, self._read(response, ROBOTS_MAX_BYTES))
            check_page_response(response.status_code, response.reason_phrase, found)
            check_declared_size(found, self.options.max_bytes)
            return _Hop(response.status_code, found, self._read(response, self.options.max_bytes))

    def _read(self, response: httpx.Response, limit: int) -> bytes:
        """Body up to ``limit`` bytes (after content decoding) within ``total_timeout``."""
        deadline = time.monotonic() + self.options.total_timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"page is larger than the {human_size(limit)} limit")
            if time.monotonic() > deadline:
                raise FetchError(f"timed out: download took over {self.options.total_timeout}s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _get_robots(self, url: str) -> tuple[int, bytes]:
        try:
            _, hop = self._follow(url, purpose="robots")
        except FetchError:
            return 0, b""
        return hop.status, hop.body

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            options = self.options
            self._client = httpx.Client(
                transport=GuardedTransport(options.allow_private_urls),
                headers={"User-Agent": options.user_agent},
                timeout=httpx.Timeout(
                    options.read_timeout,
                    connect=options.connect_timeout,
                    pool=options.connect_timeout,
                ),
                follow_redirects=False,
                trust_env=False,
            )
        return self._client


def check_url_shape(url: str) -> tuple[str, int]:
    """Only absolute http(s) URLs with a host; returns (host, port)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"invalid URL: {exc}") from exc
    if parts.scheme.lower() not in {"http", "https"}:
        raise FetchError(f"unsupported URL scheme '{parts.scheme}' (only http and https)")
    if not parts.hostname:
        raise FetchError("invalid URL: no host")
    return parts.hostname, port or (443 if parts.scheme.lower() == "https" else 80)


def check_page_response(status: int, reason: str, headers: dict[str, str]) -> None:
    """Refuse error pages and anything that is not a page or a feed before reading it."""
    if not 200 <= status < 300:
        raise FetchError(f"HTTP {status} {reason}".rstrip())
    media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type and media_type not in ACCEPTED_TYPES:
        raise FetchError(
            f"wrong content type '{media_type}' (expected HTML, XHTML, plain text or a feed)"
        )


def check_declared_size(headers: dict[str, str], limit: int) -> None:
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"page is {human_size(int(declared))}, over the {human_size(limit)} limit")


def _timeout_message(exc: httpx.TimeoutException, options: IngestOptions) -> str:
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return f"timed out connecting (after {options.connect_timeout}s)"
    return f"timed out: no data for {options.read_timeout}s"
