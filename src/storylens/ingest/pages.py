"""One page's bytes -> Document, shared by files, WARC records and fetched URLs.

Everything that decides whether bytes are a readable page lives here, so a page is judged the
same way whether it came from disk, an archive or the web.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storylens.ingest.decode import Decoded, decode_bytes, looks_binary
from storylens.ingest.problems import InputProblem
from storylens.ingest.sniff import looks_like_html
from storylens.model import Document, InputError, Source


@dataclass(frozen=True)
class PageMeta:
    """What the container knew about a page, passed through to the Document."""

    container_date: str | None = None
    container_date_from: str = "none"
    title_hint: str | None = None


def decode_page(data: bytes, header_charset: str | None = None, what: str = "file") -> Decoded:
    """Readable text from page bytes, or InputProblem saying why not."""
    if not data.strip():
        raise InputProblem(f"empty {what}")
    if looks_binary(data):
        raise InputProblem(
            "binary content, not a page" if what == "page" else f"binary {what}, not a page"
        )
    decoded = decode_bytes(data, header_charset)
    if not decoded.text.strip():
        raise InputProblem(f"empty {what}")
    return decoded


def media_type_for(text: str, hint: str) -> str:
    """A page saved as .txt is often HTML; what the text is wins over what the name says."""
    if hint == "text" and looks_like_html(text):
        return "html"
    return hint


def page_items(
    decoded: Decoded,
    *,
    doc_id: str,
    source: Source,
    label: str,
    media_hint: str,
    meta: PageMeta | None = None,
    warn_detected: bool = True,
) -> Iterator[Document | InputError]:
    """The Document, then a warning when its encoding had to be guessed."""
    meta = meta or PageMeta()
    yield Document(
        id=doc_id,
        source=source,
        content=decoded.text,
        media_type=media_type_for(decoded.text, media_hint),
        container_date=meta.container_date,
        container_date_from=meta.container_date_from if meta.container_date else "none",
        title_hint=meta.title_hint,
        charset=decoded.charset,
    )
    if decoded.detected and warn_detected:
        yield InputError(label, detected_charset_warning(decoded.charset), severity="warning")


def detected_charset_warning(charset: str) -> str:
    return f"not UTF-8: decoded as {charset} by detection; check the characters"
