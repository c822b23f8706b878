"""Article ids: readable where the input gives a name, stable where it does not, unique per run.

Ids end up in reports, file names and diffs, so they must not depend on run order beyond the
order of the inputs themselves, and two runs over the same inputs must give the same ids.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath
from urllib.parse import urlsplit

RECORD_NUMBER_WIDTH = 6  # zero padding: '-000010' sorts after '-000009' up to a million records
COMPRESSION_SUFFIXES = (".gz",)
_UNSAFE_ID_CHARS = re.compile(r"[^\w.\-]+")


def file_stem(path: str | PurePath) -> str:
    """'pages/a.html.gz' -> 'a': the name a user gave the page, without container suffixes."""
    name = PurePath(path).name
    for suffix in COMPRESSION_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    stem = PurePath(name).stem if "." in name.strip(".") else name
    return clean_id(stem) or "document"


def record_id(stem: str, number: int) -> str:
    """Padded so that ids of one container sort in record order as plain strings."""
    return f"{stem}-{number:0{RECORD_NUMBER_WIDTH}d}"


def url_id(url: str) -> str:
    """A fetched page has no file name; a hash of the URL is short, stable and unique enough."""
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def clean_id(raw: object) -> str:
    """Ids given by a record may contain spaces or slashes; keep them path- and URL-safe."""
    text = str(raw).strip()
    return _UNSAFE_ID_CHARS.sub("-", text).strip("-")


def site_of(url: str | None) -> str | None:
    """The site a page belongs to, as a reader names it: host without 'www.'."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


class IdRegistry:
    """Hands out each id once per run: a repeat gets '-2', '-3' ... in the order it was seen."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next_suffix: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        if wanted not in self._taken:
            self._taken.add(wanted)
            return wanted
        suffix = self._next_suffix.get(wanted, 2)
        while f"{wanted}-{suffix}" in self._taken:
            suffix += 1
        self._next_suffix[wanted] = suffix + 1
        unique = f"{wanted}-{suffix}"
        self._taken.add(unique)
        return unique
