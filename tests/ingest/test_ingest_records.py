"""JSON and JSON Lines: field variants, ids, positions, and one error per bad record."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import PAGE, gzipped, read_all, write

from storylens.ingest import IngestOptions


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_jsonl_records_become_documents_with_padded_ids(tmp_path: Path) -> None:
    path = write(
        tmp_path / "crawl.jsonl",
        jsonl(
            {"url": "https://www.marlow-gazette.example/harbour", "html": PAGE, "title": "Vote"},
            {
                "link": "https://tidings.example/a",
                "content": "Plain words.",
                "published": "2031-04-01",
            },
            {
                "id": "given/7",
                "body": "Another plain text.",
                "published_at": "2031-04-02T09:30:00Z",
            },
        ),
    )
    documents, errors = read_all([str(path)])
    assert errors == []
    first, second, third = documents
    assert [d.id for d in documents] == ["crawl-000001", "crawl-000002", "given-7"]
    assert (first.media_type, first.title_hint, first.content) == ("html", "Vote", PAGE)
    assert first.source.url == "https://www.marlow-gazette.example/harbour"
    assert first.source.site == "marlow-gazette.example"
    assert (first.source.path, first.source.record) == (str(path), "line 1")
    assert (second.media_type, second.source.site) == ("text", "tidings.example")
    assert (second.container_date, second.container_date_from) == ("2031-04-01", "record")
    assert third.container_date == "2031-04-02T09:30:00+00:00"
    assert first.container_date is None and first.container_date_from == "none"


def test_invalid_json_line_is_reported_and_other_lines_are_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mixed.jsonl",
        jsonl({"text": "First."}, "{not json", "", {"text": "Fourth."}),
    )
    documents, errors = read_all([str(path)])
    assert [d.id for d in documents] == ["mixed-000001", "mixed-000004"]
    [error] = errors
    assert error.input == f"{path} line 2"
    assert error.error.startswith("invalid JSON")


def test_record_without_html_or_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "bare.jsonl", jsonl({"url": "https://a.example/x", "title": "No body"}))
    documents, [error] = read_all([str(path)])
    assert documents == []
    assert (error.input, error.error) == (f"{path} line 1", "record has no html or text field")


def test_record_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.jsonl", jsonl([1, 2], {"text": "Kept."}))
    documents, [error] = read_all([str(path)])
    assert [d.id for d in documents] == ["odd-000002"]
    assert error.error == "not a JSON object"


def test_json_list_single_record_and_wrapper(tmp_path: Path) -> None:
    listing = write(tmp_path / "list.json", json.dumps([{"text": "One."}, {"html": PAGE}]))
    single = write(tmp_path / "single.json", json.dumps({"text": "Alone.", "date": "6 May 2031"}))
    wrapped = write(tmp_path / "wrapped.json", json.dumps({"articles": [{"content": "Inside."}]}))
    documents, errors = read_all([str(listing), str(single), str(wrapped)])
    assert errors == []
    assert [(d.id, d.source.record) for d in documents] == [
        ("list-000001", "record 1"),
        ("list-000002", "record 2"),
        ("single", None),
        ("wrapped-000001", "record 1"),
    ]
    assert documents[2].container_date == "2031-05-06"


def test_invalid_json_file_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '[{"text": "x"},')
    _, [error] = read_all([str(path)])
    assert error.input == str(path)
    assert error.error.startswith("invalid JSON")


def test_paragraph_lists_are_joined(tmp_path: Path) -> None:
    path = write(tmp_path / "paras.jsonl", jsonl({"text": ["First part.", "Second part."]}))
    [doc], _ = read_all([str(path)])
    assert doc.content == "First part.\n\nSecond part."


def test_unreadable_record_date_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "dates.jsonl", jsonl({"text": "Words.", "date": "soonish maybe"}))
    [doc], [warning] = read_all([str(path)])
    assert doc.container_date is None
    assert warning.severity == "warning"
    assert "not understood" in warning.error


def test_gzipped_jsonl_is_streamed(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl.gz", gzipped(jsonl({"text": "A."}, {"text": "B."})))
    documents, errors = read_all([str(path)])
    assert errors == []
    assert [d.id for d in documents] == ["feed-000001", "feed-000002"]


def test_truncated_gzipped_jsonl_keeps_read_lines_and_reports_the_cut(tmp_path: Path) -> None:
    lines = jsonl(*({"text": f"Record number {n} about the harbour."} for n in range(400)))
    data = gzipped(lines)
    path = write(tmp_path / "cut.jsonl.gz", data[: len(data) * 3 // 4])
    documents, errors = read_all([str(path)])
    [error] = errors
    assert error.input == str(path)
    assert error.error.startswith("truncated gzip")
    assert "stopped after line" in error.error
    assert 0 < len(documents) < 400


def test_overlong_line_is_reported_and_reading_continues(tmp_path: Path) -> None:
    path = write(tmp_path / "long.jsonl", jsonl({"text": "x" * 5000}, {"text": "Short and fine."}))
    documents, [error] = read_all([str(path)], IngestOptions(max_bytes=1000))
    assert [d.id for d in documents] == ["long-000002"]
    assert error.input == f"{path} line 1"
    assert "over the" in error.error


def test_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "none.jsonl", b"")
    _, [error] = read_all([str(path)])
    assert error.error == "empty file"
