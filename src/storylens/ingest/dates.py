"""Container dates (HTTP headers, feed items, JSON records) as ISO 8601 strings.

A container date is only a hint for the extract stage, so a value that cannot be understood
is dropped (None) rather than guessed.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def http_date(value: str | None) -> str | None:
    """RFC 9110 dates ('Tue, 13 May 2025 10:00:00 GMT') -> '2025-05-13T10:00:00+00:00'."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.isoformat()


def struct_time_date(value: time.struct_time | None) -> str | None:
    """feedparser's parsed dates are struct_time in UTC."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def record_date(value: object) -> str | None:
    """Dates in JSON records come in every format; try the strict ones, then dateparser."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _epoch_date(float(value))
    text = str(value).strip()
    if not text:
        return None
    iso = _iso_date(text) or http_date(text)
    return iso if iso else _parsed_date(text)


def _iso_date(text: str) -> str | None:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) <= 10:  # a bare date keeps its day granularity
        return parsed.date().isoformat()
    return parsed.isoformat()


def _epoch_date(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _parsed_date(text: str) -> str | None:
    """Free-form dates ('13 May 2025'); imported lazily because dateparser is slow to load."""
    import dateparser

    parsed = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.isoformat() if parsed else None
