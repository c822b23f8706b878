"""Fetched pages on disk, so a second run reads the same bytes without touching the sites.

Reproducibility is the point as much as politeness: news pages change after publication, and a
report should be re-creatable from what was actually read. One entry per URL (key: sha256 of
the URL as requested): ``<key>.json`` holds status, headers and final URL, ``<key>.body`` the
bytes. Entries are written to a temporary name and renamed, so a crash never leaves half a page.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FetchedPage:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("storylens")) / "pages"


class PageCache:
    """A folder of fetched pages; unreadable entries count as misses, never as errors."""

    def __init__(self, folder: str | Path | None) -> None:
        self.folder = Path(folder) if folder else default_cache_dir()

    def get(self, url: str) -> FetchedPage | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url:  # a hash collision or a foreign file: not ours
            return None
        return FetchedPage(
            url=url,
            final_url=str(meta.get("final_url", url)),
            status=int(meta.get("status", 200)),
            headers={str(k): str(v) for k, v in dict(meta.get("headers", {})).items()},
            body=body,
            from_cache=True,
        )

    def put(self, page: FetchedPage) -> None:
        """Best effort: a read-only or full disk must not fail the fetch that succeeded."""
        meta_path, body_path = self._paths(page.url)
        meta = {
            "url": page.url,
            "final_url": page.final_url,
            "status": page.status,
            "headers": page.headers,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomically(body_path, page.body)
            _write_atomically(meta_path, json.dumps(meta, sort_keys=True).encode("utf-8"))
        except OSError:
            return

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
