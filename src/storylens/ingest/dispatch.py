"""read_inputs: turn whatever the user named into a stream of Documents and InputErrors.

The user names things; this module decides what each one is (URL, file, folder, glob) and
which reader it needs, keeps ids unique across the run, and makes sure nothing escapes as a
traceback: each failure becomes one InputError and the batch goes on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from storylens.ingest.feeds import parse_feed
from storylens.ingest.files import (
    PAGE_SUFFIXES,
    describe_suffix,
    file_kind,
    read_file_bytes,
    split_suffix,
)
from storylens.ingest.ids import IdRegistry, file_stem
from storylens.ingest.options import IngestOptions
from storylens.ingest.pages import decode_page, page_items
from storylens.ingest.problems import InputProblem
from storylens.ingest.records import read_json_file, read_jsonl_file
from storylens.ingest.remote import read_feed_bytes, read_url
from storylens.ingest.sniff import is_url, looks_like_feed, url_lines
from storylens.ingest.warc import read_warc_file
from storylens.model import Document, InputError, Source

GLOB_CHARS = frozenset("*?[")
ALREADY_READ = "already read for an earlier input; skipped"
URL_SCHEME_HINTS = ("http://", "https://", "ftp://", "file://", "www.")

if TYPE_CHECKING:
    from storylens.ingest.fetch import Fetcher

Item = Document | InputError


def read_inputs(inputs: Sequence[str], options: IngestOptions | None = None) -> Iterator[Item]:
    """Documents and errors for every input, in input order (folders and globs sorted)."""
    if isinstance(inputs, str):  # one name passed bare would otherwise be read letter by letter
        inputs = [inputs]
    run = IngestRun(options or IngestOptions())
    try:
        yield from run.read_all(inputs)
    finally:
        run.close()


class IngestRun:
    """State that spans one run: the id registry and a fetcher built on first use."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self.ids = IdRegistry()
        self.files_read: set[Path] = set()
        self._fetcher: Fetcher | None = None

    def read_all(self, inputs: Sequence[str]) -> Iterator[Item]:
        for raw in inputs:
            for item in guarded(raw, self.read_input(raw)):
                yield (
                    replace(item, id=self.ids.claim(item.id))
                    if isinstance(item, Document)
                    else item
                )

    def fetcher(self) -> Fetcher:
        """Built on first use: httpx is only imported by runs that fetch something."""
        if self._fetcher is None:
            from storylens.ingest.fetch import Fetcher

            self._fetcher = Fetcher(self.options)
        return self._fetcher

    def _first_time(self, path: Path) -> bool:
        """A file named twice (a folder and a file in it) would count as its own copy."""
        real = path.resolve()
        if real in self.files_read:
            return False
        self.files_read.add(real)
        return True

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    # ------------------------------------------------------------------ what was named

    def read_input(self, raw: str) -> Iterator[Item]:
        name = raw.strip()
        if is_url(name):
            yield from read_url(name, self.fetcher)
            return
        path = Path(name).expanduser()
        if path.is_dir():
            yield from self.read_folder(path, name)
        elif path.is_file():
            yield from self.read_file(path, name, explicit=True)
        elif os.path.lexists(path):
            raise InputProblem("not a regular file")
        elif GLOB_CHARS & set(name):
            yield from self.read_glob(name)
        elif name.lower().startswith(URL_SCHEME_HINTS):
            raise InputProblem("not a valid http(s) URL, and no such file or folder")
        else:
            raise InputProblem("no such file or folder")

    def read_folder(self, folder: Path, label: str) -> Iterator[Item]:
        """Supported files under ``folder``, recursively, in sorted path order."""
        found = False
        for path in walk_sorted(folder):
            if file_kind(path) is None:
                continue
            found = True
            shown = os.path.join(label, os.path.relpath(path, folder))
            yield from guarded(shown, self.read_file(path, shown, explicit=False))
        if not found:
            raise InputProblem("folder holds no file of a supported type")

    def read_glob(self, pattern: str) -> Iterator[Item]:
        matches = sorted(glob.glob(os.path.expanduser(pattern), recursive=True))
        if not matches:
            raise InputProblem("glob matched nothing")
        supported = [m for m in matches if Path(m).is_dir() or file_kind(Path(m)) is not None]
        if not supported:
            raise InputProblem(f"glob matched {len(matches)} files, none of a supported type")
        for match in supported:
            path = Path(match)
            if path.is_dir():
                yield from guarded(match, self.read_folder(path, match))
            else:
                yield from guarded(match, self.read_file(path, match, explicit=False))

    # ------------------------------------------------------------------ one file

    def read_file(self, path: Path, label: str, *, explicit: bool) -> Iterator[Item]:
        kind = file_kind(path)
        if kind is None:
            if explicit:
                raise InputProblem(f"unsupported file type {describe_suffix(path)}")
            return
        if not self._first_time(path):
            yield InputError(label, ALREADY_READ, severity="warning")
            return
        if kind == "page":
            yield from self.read_page_file(path, label)
        elif kind == "feed":
            yield from self.read_feed_file(path, label)
        elif kind == "json":
            yield from read_json_file(path, label, self.options, skip_non_records=not explicit)
        elif kind == "jsonl":
            yield from read_jsonl_file(path, label, self.options)
        else:
            yield from read_warc_file(path, label, self.options)

    def read_page_file(self, path: Path, label: str) -> Iterator[Item]:
        """HTML or text; a text file may turn out to be a URL list, a feed or saved HTML."""
        decoded = decode_page(read_file_bytes(path, self.options.max_bytes))
        media_hint = PAGE_SUFFIXES[split_suffix(path)[0]]
        if media_hint == "text":
            urls = url_lines(decoded.text)
            if urls is not None:
                for url in urls:
                    yield from guarded(url, read_url(url, self.fetcher))
                return
            if looks_like_feed(decoded.text):
                yield from self._feed_items(decoded.text.encode("utf-8"), label)
                return
        yield from page_items(
            decoded,
            doc_id=file_stem(path),
            source=Source(path=label),
            label=label,
            media_hint=media_hint,
            warn_detected=self.options.warn_on_detected_charset,
        )

    def read_feed_file(self, path: Path, label: str) -> Iterator[Item]:
        data = read_file_bytes(path, self.options.max_bytes)
        decode_page(data)  # empty and binary files get the same message as any page
        yield from self._feed_items(data, label)

    def _feed_items(self, data: bytes, label: str) -> Iterator[Item]:
        parse_feed(data)  # fail fast, before anything is fetched
        yield from read_feed_bytes(data, self.fetcher, feed_label=label, feed_path=label)


def guarded(label: str, items: Iterator[Item]) -> Iterator[Item]:
    """Run a reader; whatever it raises becomes one InputError naming ``label``."""
    try:
        yield from items
    except InputProblem as exc:
        yield InputError(label, exc.message, severity=exc.severity)
    except FileNotFoundError:
        yield InputError(label, "no such file or folder")
    except PermissionError:
        yield InputError(label, "permission denied")
    except MemoryError:
        yield InputError(label, "out of memory while reading; split the input")
    except Exception as exc:  # a reader bug must not stop the batch
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        yield InputError(label, f"could not read: {type(exc).__name__}: {detail}".rstrip(": "))


def walk_sorted(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in a stable order; hidden files and folders are skipped."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
