"""Bytes -> text, choosing the encoding the way a careful browser would, and saying which.

Order: byte-order mark, the charset the HTTP headers declare, the page's own
``<meta charset>``, then UTF-8, then statistical detection. A BOM goes first because it is
unambiguous (the HTML standard lets it override everything else). A declared charset that
does not decode the bytes is skipped rather than forced, since mislabelled pages are common.
Text is normalised to NFC so the same word always has the same code points; typographic
quotes and dashes are kept as written because later stages quote spans verbatim.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from storylens.ingest.problems import InputProblem

SNIFF_BYTES = 64 * 1024
BINARY_CONTROL_RATIO = 0.10

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before utf-16-le: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels browsers treat as windows-1252 (WHATWG Encoding): pages saying latin-1 mean cp1252.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_SUSPECT_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b")


@dataclass(frozen=True)
class Decoded:
    text: str
    charset: str  # the codec name that decoded the bytes
    detected: bool  # True when the charset was guessed, not declared or UTF-8


def decode_bytes(data: bytes, header_charset: str | None = None) -> Decoded:
    """Decode a page; raises InputProblem when no encoding gives readable text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom) :], codec, detected=False)
    for declared in (header_charset, meta_charset(data)):
        decoded = _try_declared(data, declared)
        if decoded is not None:
            return decoded
    decoded = _try_codec(data, "utf-8", detected=False)
    if decoded is not None:
        return decoded
    return _detect(data)


def bom_charset(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares itself: ``<meta charset>``, http-equiv, or an XML prolog."""
    head = data[:SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    return match.group(1).decode("ascii", "replace") if match else None


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _CONTENT_TYPE_CHARSET.search(content_type)
    return match.group(1) if match else None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, a PDF, a zip, not a page.

    Only the start is checked, and only after a BOM has been ruled out, because UTF-16 text
    is full of NUL bytes yet perfectly readable.
    """
    if bom_charset(data):
        return False
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _SUSPECT_CONTROLS))  # counted in C
    return controls / len(sample) > BINARY_CONTROL_RATIO


def normalize_text(text: str) -> str:
    """NFC, without a leading BOM character: what every later stage expects."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def canonical_codec(label: str) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown."""
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_declared(data: bytes, label: str | None) -> Decoded | None:
    if not label:
        return None
    codec = canonical_codec(label)
    if codec is None:
        return None
    decoded = _try_codec(data, codec, detected=False)
    if decoded is None and codec == "cp1252":
        decoded = _try_codec(data, "latin-1", detected=False)  # the 5 bytes cp1252 leaves out
    return decoded


def _try_codec(data: bytes, codec: str, detected: bool) -> Decoded | None:
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text=normalize_text(text), charset=codecs.lookup(codec).name, detected=detected)


def _finish(data: bytes, codec: str, *, detected: bool) -> Decoded:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputProblem(f"cannot decode: invalid {codec} after its byte-order mark") from exc
    return Decoded(text=normalize_text(text), charset=codec, detected=detected)


def _detect(data: bytes) -> Decoded:
    """Last resort: charset-normalizer's best guess, refused when the result reads as noise."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * SNIFF_BYTES]).best()
    if best is None or best.encoding is None:
        raise InputProblem("cannot decode: not UTF-8 and no plausible encoding found")
    decoded = _try_codec(data, _preferred_codec(best.encoding, best.could_be_from_charset), True)
    if decoded is None or best.chaos > 0.3 or _mostly_unprintable(decoded.text):
        raise InputProblem("cannot decode: not UTF-8 and no plausible encoding found")
    return decoded


def _preferred_codec(best: str, equivalents: list[str]) -> str:
    """Among codecs giving the very same text, name the one the web actually uses.

    charset-normalizer reports the first of several equivalent single-byte codecs (often
    cp1250 for Western text); windows-1252 is far more likely to be what the page was saved in.
    """
    for common in ("utf_8", "cp1252", "latin_1"):
        if common in equivalents:
            return common
    return best


def _mostly_unprintable(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return False
    odd = sum(1 for char in sample if unicodedata.category(char) in {"Cc", "Co", "Cn", "Cs"})
    odd -= sum(1 for char in sample if char in "\t\n\r\f")
    return odd / len(sample) > BINARY_CONTROL_RATIO
