"""Points in time, resolved against the article's own date.

Where spaCy marks a DATE (or a TIME naming a day), the expression is sorted into: an explicit
date (parsed by dateparser, missing years taken as the year that puts the date nearest the
article's), a weekday (resolved forward or backward by the tense of the clause it sits in), a
relative expression (today, last month ...) or a duration ("30-day", "five years"), which is not
a point in time and is left to the number annotator.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from storylens.model import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
MONTH_RE = re.compile(
    r"\b(" + "|".join(MONTHS[:4] + MONTHS[5:] + MONTH_ABBREVIATIONS) + r")\b\.?", re.IGNORECASE
)
MAY_RE = re.compile(r"\bMay\b")  # capitalised only: "may" is usually the modal verb
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
DAY_NUMBER_RE = re.compile(r"\b([0-3]?\d)(st|nd|rd|th)?\b")
DEICTIC_RE = re.compile(
    r"\b(today|tonight|tomorrow|yesterday|ago|weekend|"
    r"(this|next|last|past|coming|previous|current)\s+(week|month|year|morning|afternoon|"
    r"evening|night|spring|summer|autumn|fall|winter|quarter|decade|century)|"
    r"(earlier|later)\s+(this|in\s+the)\s+(week|month|year)|last\s+night)\b",
    re.IGNORECASE,
)
FUTURE_MODALS = frozenset(
    {"will", "shall", "'ll", "’ll", "would", "could", "may", "might", "can", "should", "must", "wo"}
)
FUTURE_ADJECTIVES = frozenset(
    {"due", "scheduled", "set", "expected", "slated", "poised", "planned", "upcoming", "next"}
)
ONSET_VERBS = frozenset({"start", "begin", "commence"})
PAST_AUXILIARIES = frozenset({"had", "was", "were", "did", "has", "have", "'d", "’d"})
FUTURE_WORDS = frozenset({"next", "coming", "upcoming", "this"})
PAST_WORDS = frozenset({"last", "past", "previous"})


def parse_article_date(published: str | None) -> date | None:
    """The calendar day of an ISO 8601 date or datetime; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def extract_dates(doc: Doc, article_date: date | None) -> tuple[list[DateMention], list[Span]]:
    """Date mentions, plus the DATE/TIME spans that are durations (for the number annotator)."""
    mentions: list[DateMention] = []
    durations: list[Span] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "ORDINAL":
            ent = _ordinal_day(ent)
        if ent is None or ent.label_ not in {"DATE", "TIME"} or "\n" in ent.text:
            continue
        span = _trim(ent)
        if span is None:
            continue
        kind = classify(span.text)
        if kind is None or (ent.label_ == "TIME" and kind in {"explicit"}):
            if any(tok.like_num or _has_digit(tok.text) for tok in span):
                durations.append(span)
            continue
        mentions.append(_resolve(span, kind, article_date))
        covered.update(range(span.start, span.end))
    for token in doc:
        if token.i not in covered and token.lower_ in WEEKDAYS and token.text[0].isupper():
            if _day_and_month_left_out(doc, token.i + 1):  # "Tuesday | 20 | September"
                span = doc[token.i : token.i + 3]
                mentions = [m for m in mentions if not span.start_char <= m.start < span.end_char]
                mentions.append(_resolve(span, "explicit", article_date))
                continue
            span = doc[token.i : token.i + 1]
            mentions.append(_resolve(span, "weekday", article_date))
    mentions.sort(key=lambda m: (m.start, m.end))
    return _weekdays_with_their_dates(doc.text, mentions), durations


def _weekdays_with_their_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """'Thursday, 20 May': a weekday written right before a date is that date."""
    out = list(mentions)
    for index, (weekday, following) in enumerate(pairwise(mentions)):
        between = text[weekday.end : following.start]
        if (
            weekday.granularity == "weekday"
            and following.granularity == "day"
            and following.value
            and between.strip(" ,") == ""
            and len(between) <= 2
        ):
            out[index] = dataclasses.replace(weekday, value=following.value, anchored=True)
    return out


DAY_PREPOSITIONS = frozenset({"on", "by", "from", "until", "till", "since", "before", "after"})


def _ordinal_day(ent: Span) -> Span | None:
    """'walked out on the 12th': an ordinal after 'on the' is a day of the month (the tagger
    calls it an ordinal), returned as a DATE span that includes 'the'."""
    doc = ent.doc
    if ent.start < 2 or not re.fullmatch(r"[0-3]?\d(?:st|nd|rd|th)", ent.text):
        return None
    if doc[ent.start - 1].lower_ != "the" or doc[ent.start - 2].lower_ not in DAY_PREPOSITIONS:
        return None
    if int(re.match(r"\d+", ent.text).group()) > 31:
        return None
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if after in {"century", "floor", "round", "package", "time", "anniversary", "of"}:
        return None
    from spacy.tokens import Span as DaySpan

    return DaySpan(doc, ent.start - 1, ent.end, label="DATE")


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"on", "in", "since"}):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end > start and _month_left_out(doc, end):
        end += 1  # "Tuesday 18 | May": the tagger stopped short of the month
    elif end > start and _day_and_month_left_out(doc, end):
        end += 2  # "Tuesday | 20 | September": the day and month the tagger left out
    return doc[start:end] if end > start else None


def _day_and_month_left_out(doc: Doc, end: int) -> bool:
    """The span is a weekday, and a day number and a month name follow it."""
    if doc[end - 1].lower_ not in WEEKDAYS or end >= len(doc) or not doc[end].text.isdigit():
        return False
    return int(doc[end].text) <= 31 and _month_left_out(doc, end + 1)


def _month_left_out(doc: Doc, end: int) -> bool:
    """The span ends on a day number and the next word is a month name."""
    if end >= len(doc) or not doc[end - 1].text.isdigit():
        return False
    following = doc[end]
    return following.lower_ in MONTHS and (following.lower_ != "may" or following.text == "May")


def classify(text: str) -> str | None:
    """'explicit', 'weekday', 'relative' or None for durations and vague spans."""
    has_month = bool(MONTH_RE.search(text) or MAY_RE.search(text))
    has_year = bool(YEAR_RE.search(text))
    if re.search(r"\d+\s*-\s*(year|month|week|day|hour|minute)s?\b", text, re.IGNORECASE):
        return None  # "30-day", "three-year-old": a length, not a date
    if re.search(r"\b(years?|months?|weeks?|days?)\s+old\b", text, re.IGNORECASE):
        return None
    if has_month or has_year:
        if re.search(r"\b(for|over|nearly|almost|about|around)\b", text, re.IGNORECASE) and not (
            has_month
        ):
            return None
        return "explicit"
    if WEEKDAY_RE.search(text):
        return "weekday"
    if DEICTIC_RE.search(text):
        return "relative"
    if ORDINAL_DAY_RE.match(text):
        return "ordinal day"
    return None


ORDINAL_DAY_RE = re.compile(r"^the\s+([0-3]?\d)(?:st|nd|rd|th)$", re.IGNORECASE)


def resolve_ordinal_day(text: str, article_date: date, direction: str | None) -> str | None:
    """'on the 12th': that day of the article's month, or of the month before or after it,
    whichever the tense points to (the nearest when it does not say)."""
    match = ORDINAL_DAY_RE.match(text.strip())
    if match is None:
        return None
    day = int(match.group(1))
    candidates = []
    for shift in (-1, 0, 1):
        month_index = article_date.month - 1 + shift
        year, month = article_date.year + month_index // 12, month_index % 12 + 1
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if direction == "past":
        candidates = [c for c in candidates if c <= article_date]
    elif direction == "future":
        candidates = [c for c in candidates if c >= article_date]
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c - article_date).days)).isoformat()


# --------------------------------------------------------------------------- resolution


def _resolve(span: Span, kind: str, article_date: date | None) -> DateMention:
    text = span.text
    if kind == "weekday" and not (MONTH_RE.search(text) or YEAR_RE.search(text)):
        value = None
        direction = time_direction(span)
        if article_date is not None and direction != "either":
            value = resolve_weekday(text, article_date, direction, _says_today(span))
        return _mention(span, value, "weekday", value is not None)
    if kind == "relative":
        value = resolve_relative(text, article_date)
        return _mention(span, value, "relative", value is not None and article_date is not None)
    if kind == "ordinal day":
        value = None
        if article_date is not None:
            value = resolve_ordinal_day(text, article_date, time_direction(span))
        return _mention(span, value, "day", value is not None)
    value, granularity, used_base = resolve_explicit(text, article_date)
    anchored = value is not None and used_base and article_date is not None
    return _mention(span, value, granularity, anchored)


def _mention(span: Span, value: str | None, granularity: str, anchored: bool) -> DateMention:
    return DateMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        value=value,
        granularity=granularity,
        anchored=anchored,
    )


def _says_today(span: Span) -> bool:
    """'talks on Thursday ... today': the article's own weekday may be meant."""
    doc = span.doc
    lo, hi = max(span.start - 25, 0), min(span.end + 25, len(doc))
    return any(tok.lower_ in {"today", "tonight"} for tok in doc[lo:hi])


def resolve_weekday(
    text: str, article_date: date, direction: str | None, same_day_ok: bool = False
) -> str | None:
    """The weekday named in ``text`` as a date near ``article_date``.

    future: the next such day (the article's own day only when the sentence says 'today');
    past: the most recent such day, the article's own day included (news says 'said on
    Tuesday' on Tuesday); unknown: whichever of the two is nearer, the future on a tie.
    """
    match = WEEKDAY_RE.search(text)
    if match is None:
        return None
    target = WEEKDAYS.index(match.group(1).lower())
    ahead = (target - article_date.weekday()) % 7
    behind = (article_date.weekday() - target) % 7
    if direction == "future":
        days = ahead if (ahead or same_day_ok) else 7
        return (article_date + timedelta(days=days)).isoformat()
    if direction == "past":
        return (article_date - timedelta(days=behind)).isoformat()
    if ahead == 0:
        return article_date.isoformat()
    if ahead <= behind:
        return (article_date + timedelta(days=ahead)).isoformat()
    return (article_date - timedelta(days=behind)).isoformat()


def resolve_relative(text: str, article_date: date | None) -> str | None:
    """Deictic expressions with a definite value; vague ones (the weekend, a week) give None."""
    if article_date is None:
        return None
    lower = text.lower()
    day_offsets = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "last night": -1}
    for word, offset in day_offsets.items():
        if re.search(rf"\b{word}\b", lower):
            return (article_date + timedelta(days=offset)).isoformat()
    if re.search(r"\bthis (morning|afternoon|evening)\b", lower):
        return article_date.isoformat()
    ago = re.search(r"\b(\w+)\s+(day|week|month|year)s?\s+ago\b", lower)
    if ago:
        return _ago(ago.group(1), ago.group(2), article_date)
    month = re.search(
        r"\b(this|next|last|past|previous|current|earlier this|later this) month\b", lower
    )
    if month:
        shift = {"next": 1, "last": -1, "past": -1, "previous": -1}.get(month.group(1), 0)
        year, month_no = divmod(article_date.year * 12 + article_date.month - 1 + shift, 12)
        return f"{year:04d}-{month_no + 1:02d}"
    year_match = re.search(
        r"\b(this|next|last|past|previous|current|earlier this|later this) year\b", lower
    )
    if year_match:
        shift = {"next": 1, "last": -1, "past": -1, "previous": -1}.get(year_match.group(1), 0)
        return f"{article_date.year + shift:04d}"
    return None


def _ago(amount: str, unit: str, article_date: date) -> str | None:
    from storylens.annotate.numbers import word_to_number

    count = word_to_number(amount)
    if count is None:
        return None
    n = int(count)
    if unit == "day":
        return (article_date - timedelta(days=n)).isoformat()
    if unit == "week":
        return (article_date - timedelta(weeks=n)).isoformat()
    if unit == "month":
        year, month_no = divmod(article_date.year * 12 + article_date.month - 1 - n, 12)
        return f"{year:04d}-{month_no + 1:02d}"
    return f"{article_date.year - n:04d}"


def resolve_explicit(text: str, article_date: date | None) -> tuple[str | None, str, bool]:
    """(value, granularity, used the article date) for a date written with a month or year."""
    cleaned = _clean_explicit(text)
    has_year = bool(YEAR_RE.search(cleaned))
    shifted = re.match(r"^(last|past|previous|next|coming|this)\s+(\w+)$", cleaned, re.I)
    if shifted and shifted.group(2).lower() in MONTHS:
        if article_date is None:
            return None, "month", False
        return _month_relative(shifted.group(1).lower(), shifted.group(2).lower(), article_date)
    if not has_year and article_date is None:
        return None, "day" if _has_day_number(cleaned) else "month", False
    base = article_date or date(2000, 1, 1)
    parsed = _dateparser(cleaned, base.isoformat())
    if parsed is None:
        year = YEAR_RE.search(cleaned)  # "the spring of 2023": at least the year is known
        return (year.group(1), "year", False) if year else (None, "unknown", False)
    found, period = parsed
    granularity = {"day": "day", "week": "day", "month": "month", "year": "year"}.get(period, "day")
    if not has_year:
        found = _nearest_year(found, base, granularity)
    if granularity == "day":
        value = found.isoformat()
    elif granularity == "month":
        value = found.isoformat()[:7]
    else:
        value = found.isoformat()[:4]
    return value, granularity, not has_year


def _month_relative(word: str, month: str, article_date: date) -> tuple[str, str, bool]:
    """'last May' is the latest May before this month; 'next May' the first one after."""
    target = MONTHS.index(month) + 1
    year = article_date.year
    if word in {"last", "past", "previous"}:
        year -= 1 if target >= article_date.month else 0
    elif word in {"next", "coming"}:
        year += 1 if target <= article_date.month else 0
    return f"{year:04d}-{target:02d}", "month", True


def _clean_explicit(text: str) -> str:
    cleaned = re.sub(
        r"\b(early|mid|late|the end of|the start of|the beginning of|the)\b-?",
        " ",
        text,
        flags=re.IGNORECASE,
    )
    cleaned = re.sub(r"\b(on|in|of|by|since|until|during)\b", " ", cleaned, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", cleaned).strip(" ,.")


def _has_day_number(text: str) -> bool:
    stripped = YEAR_RE.sub(" ", text)
    return bool(re.search(r"\b[0-3]?\d(st|nd|rd|th)?\b", stripped))


def _nearest_year(found: date, base: date, granularity: str) -> date:
    """A date written without its year is the one nearest the article's date."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(found.replace(year=year))
        except ValueError:  # 29 February
            continue
    if granularity == "month":
        return min(candidates, key=lambda d: abs((d.replace(day=15) - base).days))
    return min(candidates, key=lambda d: abs((d - base).days))


@lru_cache(maxsize=4096)
def _dateparser(text: str, base_iso: str) -> tuple[date, str] | None:
    """dateparser is slow to call (~0.5 ms) and slower to import: parse each string once."""
    parser = _date_data_parser(base_iso)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises on odd input; an unreadable date is just unknown
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=64)
def _date_data_parser(base_iso: str):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    base = datetime.fromisoformat(base_iso)
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "current_period",
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


# --------------------------------------------------------------------------- tense


def time_direction(span: Span) -> str | None:
    """Whether the clause around a time expression looks ahead ('future') or back ('past');
    'either' for the start of something told in the past ('called a strike from Monday' may be
    the Monday gone or the one to come)."""
    if _onset(span):
        return "either" if _clause_direction(span) in {"past", "either"} else "future"
    return _clause_direction(span)


def _clause_direction(span: Span) -> str | None:
    words = {tok.lower_ for tok in span}
    if words & PAST_WORDS:
        return "past"
    if words & FUTURE_WORDS:
        return "future"
    doc = span.doc
    before = " ".join(tok.lower_ for tok in doc[max(span.start - 3, 0) : span.start])
    if re.search(r"\bnow (and|until|till)$|\b(until|till)$", before):
        return "future"
    token: Token = span.root
    possessive = _possessive(span)
    tense = _relative_clause_tense(token)
    if tense is not None:
        return tense
    summoned = False  # "called both sides to talks on Tuesday": talks after the calling
    for _ in range(10):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in {"NOUN", "PROPN"}:
            tense = _relative_clause_tense(token)
            if tense is not None:
                return tense
            summoned = summoned or (token.dep_ == "pobj" and token.head.lower_ == "to")
            continue
        if token.pos_ == "ADJ" and token.lower_ in FUTURE_ADJECTIVES:
            return "future"
        if token.pos_ in {"VERB", "AUX"}:
            tense = verb_tense(token)
            if tense == "present":  # "Tuesday's crash shows ...": the nearest Tuesday
                return None if possessive else "future"
            if tense == "past" and summoned:
                return "either"
            if tense is not None:
                return tense
    return None


_CLOCK_WORDS = r"\d{1,2}(?:[.:]\d{2})?|[ap]\.?m\.?|noon|midnight|on"
_ONSET_BEFORE = re.compile(rf"\b(?:from|starting|effective|as of)(?: (?:{_CLOCK_WORDS}))*$")
_RANGE_AFTER = re.compile(r"^(?:to|until|till|through)\b")


def _onset(span: Span) -> bool:
    """'a ceasefire from 6 a.m. on Monday', 'fares rise starting Monday': when something is
    to begin, announced ahead, unless the day opens a range ('from Monday to Wednesday')."""
    doc = span.doc
    before = " ".join(tok.lower_ for tok in doc[max(span.start - 6, 0) : span.start])
    after = " ".join(tok.lower_ for tok in doc[span.end : span.end + 3])
    return bool(_ONSET_BEFORE.search(before)) and not _RANGE_AFTER.match(after)


def _possessive(span: Span) -> bool:
    """'Tuesday's collision': a day named as the owner of an event, whichever way it lies."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in {"'s", "’s"}


def _relative_clause_tense(noun: Token) -> str | None:
    """'on Saturday, where they met': the clause about the day tells its tense."""
    for child in noun.children:
        if child.dep_ == "relcl":
            tense = verb_tense(child)
            if tense in {"past", "future"}:
                return tense
    return None


def verb_tense(verb: Token) -> str | None:
    """'past', 'future' (modal, infinitive, scheduled), 'present', or None (non-finite)."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    lowered = {c.lower_ for c in auxiliaries}
    if lowered & FUTURE_MODALS or any(c.tag_ == "MD" for c in auxiliaries):
        return "future"
    if "to" in lowered or "going" in lowered:
        return "future"
    if verb.tag_ == "VBG" and verb.lemma_ in ONSET_VERBS:
        return "future"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if lowered & {"is", "are", "am", "be", "'s", "’s", "'re", "’re"}:
            return "future"
        return "past"
    if lowered & PAST_AUXILIARIES and verb.tag_ in {"VBG", "VB"}:
        return "past" if lowered & {"was", "were", "had", "did"} else "present"
    if verb.tag_ == "VBG" and lowered & {"is", "are", "am", "'s", "’s", "'re", "’re"}:
        return "future"
    if verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return None
