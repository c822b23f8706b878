"""Local files: which reader a file needs, and its bytes read within limits.

Size is checked with ``stat`` before reading, so a 5 GB file named .html is refused without
being loaded; compressed files are checked while decompressing, so a gzip bomb is refused
after ``limit`` bytes. Gzip failures become one clear sentence ('truncated gzip').
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from storylens.ingest.problems import InputProblem, human_size

PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text", ".md": "text"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
READ_CHUNK = 1024 * 1024


def split_suffix(path: Path) -> tuple[str, bool]:
    """'a.HTML.gz' -> ('.html', True): the suffix that says what is inside, and compression."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    suffix = Path(name).suffix
    return suffix, compressed


def file_kind(path: Path) -> str | None:
    """'page', 'feed', 'json', 'jsonl' or 'warc'; None for a type storylens does not read."""
    suffix, _ = split_suffix(path)
    if suffix in PAGE_SUFFIXES:
        return "page"
    for kind, suffixes in (
        ("feed", FEED_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return None


def describe_suffix(path: Path) -> str:
    """How an unsupported file's type is named in the error: its suffix, or the lack of one."""
    suffix, compressed = split_suffix(path)
    if not suffix:
        return "no extension" + (", gzip" if compressed else "")
    return f"'{suffix}{'.gz' if compressed else ''}'"


@contextmanager
def gzip_errors() -> Iterator[None]:
    """Translate the many ways gzip fails into sentences a user understands."""
    try:
        yield
    except EOFError as exc:
        raise InputProblem("truncated gzip: the file ends before the compressed data does") from exc
    except gzip.BadGzipFile as exc:
        raise InputProblem(f"not a valid gzip file: {exc}") from exc
    except zlib.error as exc:
        raise InputProblem(f"corrupt gzip data: {exc}") from exc


@contextmanager
def open_binary(path: Path) -> Iterator[BinaryIO]:
    """The file's bytes as a stream, decompressed when it ends in .gz."""
    try:
        with path.open("rb") as raw:
            if split_suffix(path)[1]:
                with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped, gzip_errors():
                    yield unzipped  # type: ignore[misc]
            else:
                yield raw
    except PermissionError as exc:
        raise InputProblem("permission denied") from exc
    except IsADirectoryError as exc:
        raise InputProblem("is a folder, not a file") from exc


def read_file_bytes(path: Path, limit: int) -> bytes:
    """The whole (decompressed) file, refused when it is empty or over ``limit``."""
    size = path.stat().st_size
    if size == 0:
        raise InputProblem("empty file")
    if size > limit:
        raise InputProblem(f"file is {human_size(size)}, over the {human_size(limit)} limit")
    with open_binary(path) as stream, gzip_errors():
        data = read_bounded(stream, limit)
    return data


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """Read in chunks and stop as soon as ``limit`` is passed: memory stays bounded."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise InputProblem(f"content is over the {human_size(limit)} limit once decompressed")
        chunks.append(chunk)
