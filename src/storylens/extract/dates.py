"""Date stamps: lines of a page that are nothing but a date or a time.

Scraped pages carry their publication date as a bare line ("Sat, 21 Jun 2025 21:47:25 GMT",
"Sun Jun 22 2025 02:27:37 GMT+0300 (Eastern European Summer Time)", "June 3, 2025 9:41 AM ET",
"Updated 3 hours ago"). Such a line is metadata, not article text: we recognise it by removing
every date-like token and checking that almost nothing is left, and we read the date from it
with plain regular expressions (no dateparser: this runs on every short line of every page).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_TZ = (
    r"(?:gmt|utc|z)(?:\s*[+-]\d{2}:?\d{2})?|[ecmp][sd]?t|bst|cest|cet|eest|eet|ist|aest|jst"
    r"|aedt|acst|awst|nzst|nzdt|ict|hkt|sgt|kst|pht|pkt|npt|wib|wita|msk|trt|irst|gst|ast|akst"
    r"|hst|sast|wat|cat|eat|brt|art"
)

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?(?!\d)",
    re.I,
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})", re.I
)
# 16.10.2031, 20/03/2031: day first unless the first number cannot be a month's day order.
_NUMERIC_DAY = re.compile(r"(?<![\d.:/])(\d{1,2})([./]) ?(\d{1,2})\2 ?(\d{4})(?!\d)")
# 2033.09.20. (year first, as Hungarian and East Asian pages write it)
_DOTTED_YMD = re.compile(r"(?<![\d.])(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})\.?(?![\d])")
_SEGMENT_SPLIT = re.compile(r"\s+[|•·]\s+")
_BYLINE_LEAD = re.compile(r"^\W*(?:by|von|par)\s", re.I)
# "Valley Post staff, with agencies", "Our correspondent": the newsroom credited beside a stamp.
# The credit word ends the segment (but for "with <wire>"), so a headline about staff is no credit.
_STAFF_CREDIT = re.compile(
    r"\b(?:staff|correspondents?|reporters?|agencies|newsroom|desk|wires)"
    r"(?:\s*,?\s*(?:with|and|/)\s+[^\W\d_][\w .&'-]{0,30})?$",
    re.I,
)
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I)
_CLOCK = re.compile(
    r"(?<![\d:])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?(?![\d])", re.I
)
_OFFSET = re.compile(r"(?:gmt|utc)\s*([+-])(\d{2}):?(\d{2})", re.I)
_UTC = re.compile(r"\b(?:gmt|utc)\b|\dZ\b", re.I)

# Tokens a date stamp may consist of; anything else left over means the line says more.
_STAMP_TOKEN = re.compile(
    rf"\([^()]*\btime\)|\b(?:{_WEEKDAY}|{_MONTH}|{_TZ})(?![a-z])|{_TIME}|[+-]\d{{4}}\b"
    r"|\d{4}-\d{2}-\d{2}(?:t[\d:.]+(?:z|[+-][\d:]+)?)?|\d{1,4}(?:st|nd|rd|th)?\b",
    re.I,
)
_LABEL_WORDS = frozenset(
    [
        "updated",
        "update",
        "published",
        "posted",
        "filed",
        "released",
        "last",
        "modified",
        "on",
        "at",
        "am",
        "pm",
        "et",
        "pt",
        "date",
        "time",
        "first",
        "created",
        "edited",
        "issued",
        "ago",
        "hours",
        "hour",
        "minutes",
        "minute",
        "mins",
        "min",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "seconds",
        "yesterday",
        "today",
        "just",
        "now",
    ]
)
_RELATIVE = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\d+|an?|one)\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$",
    re.I,
)
_HAS_DIGIT = re.compile(r"\d")
_CLOCK_ONLY = re.compile(
    rf"^(?:(?:last\s+)?(?:updated|published|posted)\s*(?:at|on)?\s*:?\s*)?(?:{_TIME})"
    rf"(?:\s*(?:{_TZ}))?$",
    re.I,
)


STAMP_CHARS = 90
STAMP_WITH_DETAILS_CHARS = 130  # "Posted <stamp> · Last updated <stamp> · By <agency>"


def looks_like_date_stamp(line: str) -> bool:
    """True when the line holds a date or time and nothing else worth reading."""
    if len(line) > STAMP_WITH_DETAILS_CHARS or not _HAS_DIGIT.search(line):
        return False
    if len(line) > STAMP_CHARS:
        return _stamp_then_page_details(line)
    if _RELATIVE.match(line.strip()) or _CLOCK_ONLY.match(line.strip()):
        return True
    if not _has_day_or_weekday_clock(line):
        return False
    if _only_stamp_tokens(line):
        return True
    return _stamp_with_section_labels(line) or _stamp_then_page_details(line)


def _stamp_then_page_details(line: str) -> bool:
    """ "Tuesday 20 September 2033, 19:45 · Business · by Ann Lee", "16 May 2031 · 2 min read ·
    Staff": a full date first, then short details of the page (section, author, reading time,
    refresh notice), none of them a sentence."""
    segments = _SEGMENT_SPLIT.split(_LEAD_LABEL.sub("", line.strip()))
    if len(segments) < 2 or len(line.split()) > 24:  # two stamps and a byline: 21
        return False
    if not _has_day_or_weekday_clock(segments[0]):
        return False
    if not _only_stamp_tokens(segments[0], short_words=1):
        return False
    return all(_page_detail(s) for s in segments[1:])


def _page_detail(segment: str) -> bool:
    """A section, a reading time, a refresh notice (four words at most), a byline, or the
    stamp of the last update ("Last updated Mar 14, 2033 3:20 PM EDT")."""
    words = len(re.findall(r"\w+", segment))
    if segment.rstrip().endswith("."):
        return False
    if _has_day_or_weekday_clock(segment) and _only_stamp_tokens(segment):
        return True
    return words <= 4 or (words <= 6 and bool(_BYLINE_LEAD.match(segment)))


# Symbols and a label before the date: "🗓 ", "Objavljeno / Published: ".
_LEAD_LABEL = re.compile(r"^[^\w(]*(?:[^\W\d][^:\d]{0,30}:\s*)?")


def _has_day_or_weekday_clock(line: str) -> bool:
    has_day = (
        _ISO.search(line)
        or _DOTTED_YMD.search(line)
        or _DAY_MONTH_YEAR.search(line)
        or _MONTH_DAY_YEAR.search(line)
        or _NUMERIC_DAY.search(line)
    )
    return bool(has_day or (_CLOCK.search(line) and re.search(_WEEKDAY, line, re.I)))


def _only_stamp_tokens(line: str, short_words: int = 0) -> bool:
    """Nothing but stamp tokens and labels, or at most ``short_words`` short words between them
    ("14. 5. 2031. u 21:52")."""
    rest = _STAMP_TOKEN.sub(" ", line)
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in _LABEL_WORDS]
    return len(words) <= short_words and all(len(w) <= 3 for w in words)


def _stamp_with_section_labels(line: str) -> bool:
    """ "06.11.2031 | 08:20 | Energy & Utilities": a stamp beside the section's short label."""
    segments = _SEGMENT_SPLIT.split(line.strip())
    if len(segments) < 2:
        return False
    stamps = [s for s in segments if _HAS_DIGIT.search(s) and _only_stamp_tokens(s)]
    labels = [
        s
        for s in segments
        if s not in stamps
        and not s.endswith(".")
        and not _BYLINE_LEAD.match(s)  # "By Jane Roe · 7 May 2031" is a byline, read as such
        and (len(s.split()) <= 3 or (len(s.split()) <= 8 and _STAFF_CREDIT.search(s)))
    ]
    return bool(stamps) and len(stamps) + len(labels) == len(segments)


def stamp_beside_byline(line: str) -> bool:
    """ "Friday, 19 August 2033 | By Kang Min-seo, reporter": a stamp, then who wrote it."""
    segments = _SEGMENT_SPLIT.split(line.strip())
    if len(segments) < 2 or not _BYLINE_LEAD.match(segments[-1]):
        return False
    return all(_HAS_DIGIT.search(s) and _only_stamp_tokens(s) for s in segments[:-1])


def parse_date_stamp(line: str) -> str | None:
    """The ISO 8601 date (or datetime, with its offset when the line gives one) of a stamp."""
    day = _find_day(line)
    if day is None:
        return None
    clock = _find_clock(line, day)
    if clock is None:
        return day.isoformat()
    tz = _find_timezone(line)
    moment = datetime(day.year, day.month, day.day, *clock, tzinfo=tz)
    return moment.isoformat()


def _find_day(line: str) -> date | None:
    dotted = _DOTTED_YMD.search(line)
    if dotted:
        try:
            return date(int(dotted.group(1)), int(dotted.group(2)), int(dotted.group(3)))
        except ValueError:
            return None
    numeric = _NUMERIC_DAY.search(line)
    if numeric and not _ISO.search(line):
        first, second, year = int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4))
        day_first = not (first <= 12 < second)
        try:
            return date(year, second, first) if day_first else date(year, first, second)
        except ValueError:
            return None
    for pattern, order in (
        (_ISO, "ymd"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_DAY_MONTH_YEAR, "dmy"),
    ):
        match = pattern.search(line)
        if not match:
            continue
        parts = dict(zip(order, match.groups()[:3], strict=True))
        month = parts["m"]
        month_number = int(month) if month.isdigit() else MONTHS.get(month.lower()[:4].rstrip("."))
        if month_number is None:
            month_number = MONTHS.get(month.lower()[:3])
        try:
            return date(int(parts["y"]), int(month_number or 0), int(parts["d"]))
        except ValueError:
            return None
    return None


def _find_clock(line: str, day: date) -> tuple[int, int, int] | None:
    line = _NUMERIC_DAY.sub(" ", _DOTTED_YMD.sub(" ", line))  # "16.10" of "16.10.2031" is no time
    iso = _ISO.search(line)
    if iso and iso.group(4):
        return int(iso.group(4)), int(iso.group(5)), int(iso.group(6) or 0)
    for match in _CLOCK.finditer(line):
        hour, minute = int(match.group(1)), int(match.group(2))
        if str(day.year).startswith(match.group(0)[:4]):
            continue
        second = int(match.group(3) or 0)
        meridiem = (match.group(4) or "").lower()
        if meridiem == "p" and hour < 12:
            hour += 12
        if meridiem == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return hour, minute, second
    return None


def _find_timezone(line: str) -> timezone | None:
    iso = _ISO.search(line)
    if iso and iso.group(7):
        return _offset_from_text(iso.group(7))
    offset = _OFFSET.search(line)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3))))
    if _UTC.search(line):
        return UTC
    return None


def _offset_from_text(text: str) -> timezone:
    if text.upper() == "Z":
        return UTC
    sign = -1 if text.startswith("-") else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))
