"""WARC archives: page responses in, everything else skipped, damage reported per record."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from ingest_helpers import PAGE, read_all, write
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storylens.ingest import IngestOptions, read_inputs
from storylens.model import Document, InputError

HTML = [("Content-Type", "text/html; charset=utf-8")]
SERVED = ("Date", "Wed, 02 Apr 2031 08:00:00 GMT")
MODIFIED = ("Last-Modified", "Tue, 01 Apr 2031 17:45:00 GMT")
PNG = [("Content-Type", "image/png")]
GET = b"GET / HTTP/1.1\r\n\r\n"


def response(writer: WARCWriter, url: str, body: bytes, headers: list, status: str = "200 OK"):
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def build_warc(records: list[tuple], gzip: bool = False) -> bytes:
    """records: (url, body, headers[, status]) tuples, or the string 'request'."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for spec in records:
        if spec == "request":
            record = writer.create_warc_record(
                "https://marlow-gazette.example/",
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
            )
        else:
            record = response(writer, *spec)
        writer.write_record(record)
    return buffer.getvalue()


def sample_warc(gzip: bool = False) -> bytes:
    return build_warc(
        [
            "request",
            (
                "https://www.marlow-gazette.example/harbour",
                PAGE.encode(),
                [*HTML, SERVED, MODIFIED],
            ),
            (
                "https://marlow-gazette.example/logo.png",
                b"\x89PNG\x00\x00",
                [("Content-Type", "image/png")],
            ),
            ("https://marlow-gazette.example/gone", b"<html>gone</html>", HTML, "404 Not Found"),
            (
                "https://tidings.example/brief",
                "Caf\xe9 owners welcome the vote.".encode("latin-1"),
                [("Content-Type", "text/plain; charset=iso-8859-1"), SERVED],
            ),
        ],
        gzip=gzip,
    )


def test_page_responses_become_documents_and_the_rest_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.warc", sample_warc())
    documents, errors = read_all([str(path)])
    assert errors == []
    harbour, brief = documents
    assert (harbour.id, brief.id) == ("crawl-000002", "crawl-000005")
    assert harbour.media_type == "html" and harbour.content == PAGE
    assert harbour.source.url == "https://www.marlow-gazette.example/harbour"
    assert harbour.source.site == "marlow-gazette.example"
    assert (harbour.source.path, harbour.source.record) == (str(path), "warc record 2")
    assert (harbour.container_date, harbour.container_date_from) == (
        "2031-04-01T17:45:00+00:00",
        "http",
    )
    assert brief.media_type == "text"
    assert brief.content == "Café owners welcome the vote."
    assert brief.charset == "cp1252"
    assert brief.container_date == "2031-04-02T08:00:00+00:00"


def test_gzipped_warc_gives_the_same_documents(tmp_path: Path) -> None:
    plain = write(tmp_path / "crawl.warc", sample_warc())
    packed = write(tmp_path / "other" / "crawl.warc.gz", sample_warc(gzip=True))
    from_plain, _ = read_all([str(plain)])
    from_packed, errors = read_all([str(packed)])
    assert errors == []
    assert [d.content for d in from_packed] == [d.content for d in from_plain]
    assert [d.id for d in from_packed] == [d.id for d in from_plain]


@pytest.mark.parametrize("packed", [True, False])
def test_corrupt_record_is_reported_and_reading_resumes(tmp_path: Path, packed: bool) -> None:
    first = build_warc([("https://a.example/1", PAGE.encode(), HTML)], gzip=packed)
    third = build_warc([("https://a.example/3", PAGE.encode(), HTML)], gzip=packed)
    junk = b"garbage that is not a record\r\n\r\n"
    damaged = gzip.compress(junk) if packed else junk
    path = write(tmp_path / f"damaged.warc{'.gz' if packed else ''}", first + damaged + third)
    documents, errors = read_all([str(path)])
    assert [(d.id, d.source.url) for d in documents] == [
        ("damaged-000001", "https://a.example/1"),
        ("damaged-000003", "https://a.example/3"),
    ]
    [error] = errors
    assert error.input == f"{path} warc record 2"
    assert error.error.startswith("corrupt WARC record")
    assert error.error.endswith("reading resumed at the next record")


def test_damage_with_nothing_readable_after_it_ends_the_file(tmp_path: Path) -> None:
    good = build_warc([("https://a.example/1", PAGE.encode(), HTML)], gzip=True)
    path = write(tmp_path / "tail.warc.gz", good + b"garbage that is not a record at all")
    documents, [error] = read_all([str(path)])
    assert [d.id for d in documents] == ["tail-000001"]
    assert error.input == f"{path} warc record 2"
    assert error.error.endswith("the rest of the file was skipped")


def test_truncated_record_is_an_error(tmp_path: Path) -> None:
    data = build_warc([("https://a.example/1", PAGE.encode() * 50, HTML)])
    path = write(tmp_path / "cut.warc", data[: len(data) - 500])
    documents, [error] = read_all([str(path)])
    assert documents == []
    assert (error.input, error.error) == (
        f"{path} warc record 1",
        "truncated record: the file ends inside it",
    )


def test_oversized_record_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    data = build_warc(
        [
            ("https://a.example/big", b"<p>" + b"x" * 5000 + b"</p>", HTML),
            ("https://a.example/small", PAGE.encode(), HTML),
        ]
    )
    path = write(tmp_path / "mixed.warc", data)
    documents, [error] = read_all([str(path)], IngestOptions(max_bytes=2000))
    assert [d.source.url for d in documents] == ["https://a.example/small"]
    assert error.input == f"{path} warc record 1"
    assert "over the" in error.error


def test_records_stream_out_before_the_file_is_finished(tmp_path: Path) -> None:
    good = build_warc([("https://a.example/1", PAGE.encode(), HTML)], gzip=True)
    path = write(tmp_path / "stream.warc.gz", good + b"\x1f\x8b broken tail")
    items = read_inputs([str(path)], IngestOptions())
    first = next(items)
    assert isinstance(first, Document)  # yielded before the broken tail was reached
    assert isinstance(next(items), InputError)


def test_file_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "fake.warc", "this is not an archive\n" * 5)
    documents, [error] = read_all([str(path)])
    assert documents == []
    assert error.input == str(path)
    assert error.error.startswith("not a readable WARC file")


def test_archive_without_pages_gives_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "images.warc", build_warc([("https://a.example/p.png", b"\x89", PNG)]))
    documents, [warning] = read_all([str(path)])
    assert documents == []
    assert (warning.severity, warning.error) == (
        "warning",
        "no HTML or plain-text responses in this archive",
    )
