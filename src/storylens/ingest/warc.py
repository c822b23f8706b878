"""WARC archives (crawls, Common Crawl, browser captures): the HTML and text responses in them.

Records are read one at a time and each body is capped at ``max_bytes``, so a multi-gigabyte
crawl file is processed in bounded memory. Non-page responses (images, scripts), requests,
metadata and redirects are skipped silently: a crawl is mostly those, and they are not errors.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from storylens.ingest.dates import http_date
from storylens.ingest.decode import charset_from_content_type
from storylens.ingest.files import gzip_errors
from storylens.ingest.ids import file_stem, record_id, site_of
from storylens.ingest.options import IngestOptions
from storylens.ingest.pages import PageMeta, decode_page, page_items
from storylens.ingest.problems import InputProblem, human_size
from storylens.model import Document, InputError, Source

PAGE_RECORD_TYPES = {"response", "resource"}  # a revisit has no body of its own
PAGE_MEDIA_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
DRAIN_CHUNK = 1024 * 1024
SCAN_CHUNK = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b\x08"

Item = Document | InputError


@dataclass
class _Progress:
    number: int = 0  # records seen so far (a damaged stretch counts as one)
    pages: int = 0


def read_warc_file(path: Path, label: str, options: IngestOptions) -> Iterator[Item]:
    """Every HTML or plain-text response in a .warc or .warc.gz file, in file order.

    A damaged record is reported and reading resumes at the next record that parses (the
    next gzip member, or the next 'WARC/1.' line), so one bad spot does not lose a crawl.
    """
    check_warc_start(path)
    compressed = _starts_gzipped(path)
    progress = _Progress()
    stem = file_stem(path)
    with path.open("rb") as raw:
        offset: int | None = 0
        while offset is not None:
            raw.seek(offset)
            failure = yield from _read_records(raw, progress, stem, label, options)
            if failure is None:
                break
            failed_at, exc = failure
            offset = find_next_record(raw, failed_at + 1, compressed)
            progress.number += 1
            yield _corrupt_record_error(label, progress.number, exc, offset is not None)
    if not progress.pages:
        yield InputError(label, "no HTML or plain-text responses in this archive", "warning")


def _read_records(
    raw: BinaryIO, progress: _Progress, stem: str, label: str, options: IngestOptions
) -> Generator[Item, None, tuple[int, Exception] | None]:
    """Records from the current position; returns where and why reading broke, if it did."""
    from warcio.exceptions import ArchiveLoadFailed

    archive = _quiet_archive(raw)
    records = iter(archive)
    first = True
    while True:
        try:
            record = next(records)
        except StopIteration:
            return None
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
            return archive.offset, exc
        if archive.err_count and not first:
            yield _misaligned_warning(label, progress.number)
            archive.err_count = 0
        first = False
        progress.number += 1
        progress.pages += _page_media(record) is not None
        yield from _record_items(record, progress.number, stem, label, options)


def find_next_record(raw: BinaryIO, start: int, compressed: bool) -> int | None:
    """Offset of the next plausible record start at or after ``start``, scanning in chunks."""
    marker = GZIP_MAGIC if compressed else b"\nWARC/1."
    position = start
    while True:
        raw.seek(position)
        chunk = raw.read(SCAN_CHUNK)
        if len(chunk) < len(marker):
            return None
        found = chunk.find(marker)
        if found < 0:
            position += len(chunk) - len(marker) + 1
            continue
        candidate = position + found + (0 if compressed else 1)
        if _record_starts_at(raw, candidate, compressed):
            return candidate
        position = position + found + 1


def _record_starts_at(raw: BinaryIO, offset: int, compressed: bool) -> bool:
    raw.seek(offset)
    head = raw.read(1024)
    if compressed:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _starts_gzipped(path: Path) -> bool:
    with path.open("rb") as raw:
        return raw.read(2) == GZIP_MAGIC[:2]


def check_warc_start(path: Path) -> None:
    """warcio also reads ARC and guesses at garbage; anything not starting 'WARC/' is refused."""
    with path.open("rb") as raw:
        head = raw.read(2)
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw
        with gzip_errors():
            start = stream.read(5)
    if not start:
        raise InputProblem("empty file")
    if start != b"WARC/":
        raise InputProblem("not a readable WARC file: it does not start with a WARC header")


def _quiet_archive(raw: BinaryIO) -> Any:
    """warcio writes some warnings to stderr; they are counted and reported as warnings."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""

    return QuietArchiveIterator(raw, check_digests=False)


def _misaligned_warning(label: str, number: int) -> InputError:
    return InputError(
        f"{label} warc record {number}",
        "not followed by a blank line: its Content-Length may be wrong",
        severity="warning",
    )


def _record_items(
    record: Any, number: int, stem: str, label: str, options: IngestOptions
) -> Iterator[Item]:
    media_hint = _page_media(record)
    if media_hint is None:
        return
    where = f"warc record {number}"
    shown = f"{label} {where}"
    try:
        body = _read_body(record, options.max_bytes)
        http_headers = record.http_headers
        content_type = http_headers.get_header("Content-Type") if http_headers else None
        decoded = decode_page(body, charset_from_content_type(content_type), what="record")
    except InputProblem as exc:
        yield InputError(shown, exc.message, severity=exc.severity)
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    yield from page_items(
        decoded,
        doc_id=record_id(stem, number),
        source=Source(path=label, url=url, site=site_of(url), record=where),
        label=shown,
        media_hint=media_hint,
        meta=_http_meta(record),
        warn_detected=options.warn_on_detected_charset,
    )


def _page_media(record: Any) -> str | None:
    """'html' or 'text' for a successful page response; None for everything to skip."""
    if record.rec_type not in PAGE_RECORD_TYPES:
        return None
    http_headers = record.http_headers
    if record.rec_type == "resource" or http_headers is None:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        status = http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return PAGE_MEDIA_TYPES.get(media_type)


def _read_body(record: Any, limit: int) -> bytes:
    """The payload up to ``limit``; a body cut short by the end of the file is an error."""
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        raise InputProblem(f"record is over the {human_size(limit)} limit")
    while record.raw_stream.read(DRAIN_CHUNK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise InputProblem("truncated record: the file ends inside it")
    return body


def _http_meta(record: Any) -> PageMeta:
    """Last-Modified (closer to publication) before Date (when the page was served)."""
    http_headers = record.http_headers
    if http_headers is None:
        return PageMeta()
    for name in ("Last-Modified", "Date"):
        iso = http_date(http_headers.get_header(name))
        if iso:
            return PageMeta(container_date=iso, container_date_from="http")
    return PageMeta()


def _corrupt_record_error(label: str, number: int, exc: Exception, resumed: bool) -> InputError:
    """Name the record that broke, and say whether reading could go on after it."""
    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    after = "reading resumed at the next record" if resumed else "the rest of the file was skipped"
    return InputError(f"{label} warc record {number}", f"corrupt WARC record ({detail}); {after}")
