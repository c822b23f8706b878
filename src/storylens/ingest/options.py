"""The knobs of ingest, in one frozen object so every reader sees the same limits."""

from __future__ import annotations

from dataclasses import dataclass

from storylens import __version__

DEFAULT_USER_AGENT = f"storylens/{__version__} (+https://github.com/storylens/storylens)"
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """Limits and manners for reading files and fetching pages.

    The defaults are safe for an unattended batch: nothing private is fetched, no page may be
    larger than ``max_bytes``, every host gets a pause between requests, robots.txt is obeyed
    and fetched pages are cached on disk so a second run does not hit the sites again.
    """

    allow_private_urls: bool = False  # reach loopback/private/link-local hosts (tests only)
    cache_dir: str | None = None  # fetched pages; None = the user cache folder
    use_cache: bool = True
    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 20.0  # seconds of silence allowed while reading
    total_timeout: float = 60.0  # seconds for one whole download (defeats slow drips)
    max_bytes: int = 20 * MEGABYTE  # one page: a file, a record, a download
    max_json_bytes: int = 200 * MEGABYTE  # a whole .json file, parsed in one piece
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    per_host_delay: float = 1.0  # minimum seconds between two requests to one host
    respect_robots: bool = True
    warn_on_detected_charset: bool = True  # a guessed encoding is reported as a warning
