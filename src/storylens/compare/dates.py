"""Dates as articles write them, read so that 'Thursday' and a date that is a Thursday agree."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storylens.annotate.dates import ORDINAL_DAY_RE
from storylens.model import DateMention

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\b",
    re.I,
)
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_DIGIT_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\b")
_RELATIVE = re.compile(r"\b(today|tomorrow|yesterday|tonight|next|last|this (week|month|year))\b")


@dataclass(frozen=True)
class DateReading:
    """What a date expression pins down: a weekday, a day, a month or a year."""

    kind: str  # "weekday" | "day" | "month" | "year"
    text: str
    weekday: int | None = None  # 0 = Monday
    month: int | None = None
    day: int | None = None
    year: int | None = None  # None when the words give no year and nothing anchored one
    resolved: str | None = None  # ISO date the annotator resolved it to, in the article's frame

    @property
    def normalized(self) -> str:
        if self.kind == "weekday":
            return f"weekday:{WEEKDAYS[self.weekday or 0]}"
        if self.kind == "day":
            year = f"{self.year:04d}" if self.year else "--"
            return f"day:{year}-{self.month:02d}-{self.day:02d}"
        if self.kind == "month":
            year = f"{self.year:04d}" if self.year else "--"
            return f"month:{year}-{self.month:02d}"
        return f"year:{self.year}"


def _iso_parts(value: str | None) -> tuple[int | None, int | None, int | None]:
    if not value:
        return None, None, None
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None, None, None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NUMBERS = _MONTH_NUMBERS  # "mar", "march" -> 3
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\b", re.I)
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.I)


def month_day_in_words(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) read off 'June 1', '1 June', 'March 13, 2031' when nothing resolved it."""
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        for match in pattern.finditer(text):
            month = _MONTH_NUMBERS.get(match.group(month_group).lower().rstrip("."))
            day = int(match.group(day_group))
            if month and 1 <= day <= 31:
                return year, month, day
    month_only = _MONTH.search(text)
    if month_only:
        return year, _MONTH_NUMBERS.get(month_only.group(0).lower()), None
    return year, None, None


def read_date(mention: DateMention) -> DateReading | None:
    """A comparable reading of one date mention, or None for vague or relative expressions."""
    text = mention.text.strip()
    has_month = bool(_MONTH.search(text)) or bool(_DIGIT_DATE.search(text))
    weekday = _WEEKDAY.search(text)
    year, month, day = _iso_parts(mention.value)
    if mention.value is None and has_month:
        year, month, day = month_day_in_words(text)
    written_year = bool(_YEAR.search(text))
    known_year = year if (written_year or mention.anchored) else None
    if weekday and not has_month:
        if len(_WEEKDAY.findall(text)) > 1:
            return None  # "the night from Sunday to Monday": a span, no one day to compare
        resolved = mention.value if mention.anchored and day else None
        return DateReading(
            kind="weekday",
            text=text,
            weekday=WEEKDAYS.index(weekday.group(1).lower()),
            resolved=resolved,
        )
    if _RELATIVE.search(text.lower()) and not has_month:
        return None
    if month and day and has_month:
        return DateReading(kind="day", text=text, month=month, day=day, year=known_year)
    if month and has_month and mention.granularity in {"month", "day", "unknown"}:
        return DateReading(kind="month", text=text, month=month, year=known_year)
    if year and written_year and not has_month:
        return DateReading(kind="year", text=text, year=year)
    return None


_DAY_WORD = re.compile(
    r"^(?:early |late )?(?:today|tonight|tomorrow|yesterday|last night|this (?:morning|afternoon|"
    r"evening))(?: (?:morning|afternoon|evening|night))?$",
    re.I,
)


def read_day_word(mention: DateMention) -> DateReading | None:
    """'yesterday morning', 'tomorrow', 'the 12th': the day the annotator resolved in the
    article's own frame, as a day (only worth comparing where that frame is trusted)."""
    if not mention.anchored:
        return None
    relative_day = mention.granularity == "relative" and _DAY_WORD.match(mention.text.strip())
    ordinal_day = mention.granularity == "day" and ORDINAL_DAY_RE.match(mention.text.strip())
    if not (relative_day or ordinal_day):
        return None
    day = parse_iso_date(mention.value) if mention.value and len(mention.value) == 10 else None
    if day is None:
        return None
    return DateReading(
        kind="day",
        text=mention.text.strip(),
        month=day.month,
        day=day.day,
        year=day.year,
        resolved=mention.value,
    )


def weekday_of(reading: DateReading, frame_year: int | None) -> tuple[int | None, bool]:
    """Weekday of a day reading and whether its year was written (True) or taken from the story."""
    year = reading.year or frame_year
    if reading.kind != "day" or not year or reading.month is None or reading.day is None:
        return None, False
    try:
        return dt.date(year, reading.month, reading.day).weekday(), reading.year is not None
    except ValueError:
        return None, False


def dates_clash(a: DateReading, b: DateReading, frame_year: int | None) -> float:
    """Confidence that two readings cannot name the same day (0 when they can)."""
    if a.kind == "year" or b.kind == "year":
        return 0.0
    if a.kind == "weekday" and b.kind == "weekday":
        return 0.7 if a.weekday != b.weekday else 0.0
    if a.kind == "weekday" or b.kind == "weekday":
        weekday, other = (a, b) if a.kind == "weekday" else (b, a)
        if other.kind != "day":
            return 0.0
        falls_on, year_written = weekday_of(other, frame_year)
        if falls_on is None or falls_on == weekday.weekday:
            return 0.0
        return 0.8 if year_written else 0.65
    if a.year and b.year and a.year != b.year:
        return 0.8 if a.kind == b.kind == "day" else 0.6
    if a.month != b.month:
        return 0.85 if a.kind == b.kind == "day" else 0.6
    if a.kind == b.kind == "day" and a.day != b.day:
        return 0.85
    return 0.0


def long_date(iso: str) -> str:
    """'2025-05-15' -> '15 May 2025'."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B')} {day.year}"


def parse_iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
