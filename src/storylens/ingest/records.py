"""JSON and JSON Lines exports: one record per article, whatever the scraper called its fields.

Scrapers and datasets disagree on names (text/content/body, date/published/published_at,
url/link), so each field is looked up under its common spellings, case-insensitively.
JSON Lines are streamed line by line: a file of any size is read in bounded memory, and one
bad line is reported without losing the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from storylens.ingest.dates import record_date
from storylens.ingest.decode import Decoded, normalize_text
from storylens.ingest.files import open_binary, read_file_bytes
from storylens.ingest.ids import clean_id, file_stem, record_id, site_of
from storylens.ingest.options import IngestOptions
from storylens.ingest.pages import PageMeta, decode_page, page_items
from storylens.ingest.problems import InputProblem, human_size
from storylens.model import Document, InputError, Source

URL_FIELDS = ("url", "link", "href", "source_url", "canonical_url", "uri")
HTML_FIELDS = ("html", "raw_html", "content_html", "body_html")
TEXT_FIELDS = ("text", "content", "body", "maintext", "article", "plain_text", "full_text")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = (
    "date",
    "published",
    "published_at",
    "publish_date",
    "date_published",
    "datepublished",
    "date_publish",
    "publication_date",
    "pubdate",
    "created_at",
)
LIST_KEYS = ("articles", "items", "records", "documents", "data", "results")

Item = Document | InputError


def read_json_file(
    path: Path, label: str, options: IngestOptions, *, skip_non_records: bool = False
) -> Iterator[Item]:
    """A .json file: one record, a list of records, or a wrapper such as {"articles": [...]}.

    With ``skip_non_records`` (files met while walking a folder), a JSON object that is neither a
    record nor a wrapper of records is some other file kept beside the pages (a manifest, an
    answer key, a config) and is passed over silently rather than reported.
    """
    decoded = decode_page(read_file_bytes(path, options.max_json_bytes))
    try:
        parsed = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})"
        raise InputProblem(message) from exc
    stem = file_stem(path)
    if isinstance(parsed, Mapping) and _content_field(parsed) is None:
        parsed = _wrapped_list(parsed)
        if skip_non_records and isinstance(parsed, Mapping):
            return
    if isinstance(parsed, Mapping):
        yield from _record_items(parsed, stem, label, "", path_label=label, charset=decoded.charset)
        return
    if not isinstance(parsed, list):
        raise InputProblem("JSON is neither a record nor a list of records")
    for number, record in enumerate(parsed, start=1):
        where = f"record {number}"
        if not isinstance(record, Mapping):
            yield InputError(f"{label} {where}", "not a JSON object")
            continue
        yield from _record_items(
            record, record_id(stem, number), label, where, path_label=label, charset="utf-8"
        )


def read_jsonl_file(path: Path, label: str, options: IngestOptions) -> Iterator[Item]:
    """A .jsonl file, one record per line, streamed."""
    stem = file_stem(path)
    number = 0
    try:
        with open_binary(path) as stream:
            for number, line in numbered_lines(stream, options.max_bytes):
                yield from _line_items(line, number, stem, label, options)
    except InputProblem as exc:
        if number and "gzip" in exc.message:
            raise InputProblem(f"{exc.message} (stopped after line {number})") from exc
        raise
    if number == 0:
        raise InputProblem("empty file")


def numbered_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None stands for a line longer than ``limit``."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
            continue
        yield number, line


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        piece = stream.readline(1024 * 1024)
        if not piece or piece.endswith(b"\n"):
            return


def _line_items(
    line: bytes | None, number: int, stem: str, label: str, options: IngestOptions
) -> Iterator[Item]:
    where = f"line {number}"
    if line is None:
        limit = human_size(options.max_bytes)
        yield InputError(f"{label} {where}", f"record is over the {limit} limit")
        return
    if not line.strip():
        return
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        yield InputError(f"{label} {where}", "not UTF-8 (JSON Lines must be UTF-8)")
        return
    except json.JSONDecodeError as exc:
        yield InputError(f"{label} {where}", f"invalid JSON: {exc.msg} (column {exc.colno})")
        return
    if not isinstance(record, Mapping):
        yield InputError(f"{label} {where}", "not a JSON object")
        return
    yield from _record_items(
        record, record_id(stem, number), label, where, path_label=label, charset="utf-8"
    )


def _record_items(
    record: Mapping[str, object],
    default_id: str,
    label: str,
    where: str,
    *,
    path_label: str,
    charset: str,
) -> Iterator[Item]:
    """A Document for one record (plus warnings), or one error naming the record."""
    shown = f"{label} {where}".strip()
    try:
        yield from _record_document(record, default_id, shown, where, path_label, charset)
    except InputProblem as exc:
        yield InputError(shown, exc.message, severity=exc.severity)


def _record_document(
    record: Mapping[str, object],
    default_id: str,
    shown: str,
    where: str,
    path_label: str,
    charset: str,
) -> Iterator[Item]:
    fields = {str(key).lower(): value for key, value in record.items()}
    found = _content_field(fields)
    if found is None:
        raise InputProblem("record has no html or text field")
    name, media_hint = found
    content = _as_text(fields[name], name)
    url = _first_string(fields, URL_FIELDS)
    own_id = clean_id(fields["id"]) if fields.get("id") not in (None, "") else ""
    meta, date_warning = _record_meta(fields)
    yield from page_items(
        Decoded(text=normalize_text(content), charset=charset, detected=False),
        doc_id=own_id or default_id,
        source=Source(path=path_label, url=url, site=site_of(url), record=where or None),
        label=shown,
        media_hint=media_hint,
        meta=meta,
    )
    if date_warning:
        yield InputError(shown, date_warning, severity="warning")


def _content_field(fields: Mapping[str, object]) -> tuple[str, str] | None:
    """The field holding the page and whether it is HTML; HTML wins when both are there."""
    lowered = {str(key).lower(): value for key, value in fields.items()}
    for names, media in ((HTML_FIELDS, "html"), (TEXT_FIELDS, "text")):
        for name in names:
            if _has_content(lowered.get(name)):
                return name, media
    return None


def _has_content(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return isinstance(value, list) and any(isinstance(v, str) and v.strip() for v in value)


def _as_text(value: object, name: str) -> str:
    """A string, or a list of paragraphs joined the way a page would separate them."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return "\n\n".join(value)
    raise InputProblem(f"field '{name}' is not text")


def _first_string(fields: Mapping[str, object], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _record_meta(fields: Mapping[str, object]) -> tuple[PageMeta, str | None]:
    title = _first_string(fields, TITLE_FIELDS)
    raw_date = next((fields[name] for name in DATE_FIELDS if fields.get(name)), None)
    iso = record_date(raw_date)
    warning = f"date {raw_date!r} not understood; ignored" if raw_date and not iso else None
    meta = PageMeta(
        container_date=iso,
        container_date_from="record" if iso else "none",
        title_hint=normalize_text(title) if title else None,
    )
    return meta, warning


def _wrapped_list(parsed: Mapping[str, object]) -> object:
    """{"articles": [...]} and friends: the list inside, else the mapping unchanged."""
    for key in LIST_KEYS:
        value = parsed.get(key)
        if isinstance(value, list):
            return value
    return parsed
