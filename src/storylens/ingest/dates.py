"""Container dates (HTTP headers, feed items, JSON records) as ISO 8601 strings.

A container date is only a hint for the extract stage, so a value that cannot be understood
is dropped (None) rather than guessed. Free-form parsers (dateparser) are not used on purpose:
they resolve '2 hours ago' against the clock, which would make two runs disagree.
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
    return _iso_date(text) or http_date(text) or _common_format_date(text)


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


def _common_format_date(text: str) -> str | None:
    """The handful of layouts exporters write: '13 May 2031', 'May 13, 2031', '2031/05/13'."""
    cleaned = " ".join(text.replace(",", " ").split())
    for layout in _DAY_LAYOUTS:
        try:
            return datetime.strptime(cleaned, layout).date().isoformat()
        except ValueError:
            continue
    return None


_DAY_LAYOUTS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A %d %B %Y",
    "%A %B %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
)
