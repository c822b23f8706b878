"""Features of one line of a page, the raw material of the boilerplate classifier.

Each feature is a cheap, general property of how a line is written (length, final punctuation,
casing, cue words of menus and prompts, bullets, position); none names a site or a story. The
cue lexicons are small closed word classes (verbs of calls to action, words of credits and
labels), matched as words, never as whole phrases.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter

from storylens.extract.dates import looks_like_date_stamp, stamp_beside_byline
from storylens.extract.patterns import any_match

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]+)?$")
BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*+>|–—-]|\d{1,2}[.)])\s+")
# Markdown around a whole line: **bold**, *emphasis*, _emphasis_, # heading.
MARKUP = re.compile(r"^\*\*(.+)\*\*$|^\*([^*\s].*[^*\s]|[^*\s])\*$|^_(.+)_$|^#{1,6}\s+(.+)$")

# Small function words do not count when judging whether a line is Title Cased.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "than",
        "via",
        "vs",
        "is",
        "are",
        "was",
        "were",
        "be",
        "it",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "this",
        "that",
        "amid",
        "amidst",
        "up",
        "out",
        "off",
        "per",
    ]
)
# Verbs of prompts that address the reader rather than report anything, and the nouns that
# go with them.
CTA_VERBS = frozenset(
    [
        "follow",
        "share",
        "subscribe",
        "sign",
        "log",
        "register",
        "download",
        "install",
        "join",
        "like",
        "tweet",
        "retweet",
        "email",
        "print",
        "bookmark",
        "save",
        "comment",
        "reply",
        "donate",
        "support",
        "watch",
        "listen",
        "click",
        "tap",
    ]
)
CTA_NOUNS = frozenset(
    [
        "subscription",
        "signup",
        "login",
        "newsletter",
        "newsletters",
        "app",
        "apps",
        "notifications",
        "alerts",
        "whatsapp",
        "telegram",
        "facebook",
        "twitter",
        "instagram",
        "youtube",
        "tiktok",
        "linkedin",
        "pinterest",
        "reddit",
        "rss",
        "podcast",
        "podcasts",
        "inbox",
        "comments",
        "unsubscribe",
    ]
)
CTA_WORDS = CTA_VERBS | CTA_NOUNS
SITE_WORDS = frozenset(["us", "our"])  # the site speaking of itself
# the reader, or whoever the reader passes the page to ("share it with someone who ...")
READER_WORDS = frozenset(["you", "your", "here", "someone", "friend", "friends"])
TEASER_LABEL_WORDS = frozenset(
    [
        "read",
        "more",
        "also",
        "see",
        "related",
        "recommended",
        "watch",
        "listen",
        "next",
        "previous",
        "trending",
        "popular",
        "latest",
        "top",
        "must",
        "exclusive",
        "subscriber",
        "subscribers",
        "premium",
    ]
)
CREDIT_WORDS = frozenset(
    [
        "photo",
        "photos",
        "photograph",
        "photographer",
        "image",
        "images",
        "picture",
        "pictures",
        "credit",
        "credits",
        "caption",
        "file",
        "illustration",
        "video",
        "getty",
        "afp",
        "ap",
        "reuters",
        "shutterstock",
        "alamy",
        "epa",
    ]
)
BYLINE_LEAD = re.compile(
    r"^(?:by|(?:written|reporting|posted|published|words|story|text|interview)"
    r"(?:\s+on\s+[^|]{3,40}?)?\s+by|von|par)\s+[^\W\d_]",
    re.I,
)
# A copyright notice, not a sentence that mentions copyright.
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|^copyright\b|\ball rights reserved\b", re.I)
COPYRIGHT_MATCH = any_match(COPYRIGHT)
CONSENT_WORDS = frozenset(["cookie", "cookies", "consent", "gdpr", "privacy"])
ADVERT_WORDS = frozenset(
    ["advertisement", "advertisements", "advert", "advertising", "sponsored", "promoted"]
)
TAGS_LEAD = re.compile(r"^(?:tags?|topics?|filed under|categories|category|keywords)\s*[:|]", re.I)
COUNT_LABEL = re.compile(
    r"^(?:\d[\d,.]*\s*[km]?\s+(?:comments?|replies|shares?|views?|likes?|reads?)"
    r"|(?:comments?|replies|shares?|views?|likes?)\s*\(?\d[\d,.]*[km]?\)?)$",
    re.I,
)
LANGUAGE_NAMES = frozenset(
    [
        "english",
        "français",
        "francais",
        "español",
        "espanol",
        "deutsch",
        "italiano",
        "português",
        "portugues",
        "русский",
        "українська",
        "العربية",
        "中文",
        "日本語",
        "한국어",
        "türkçe",
        "polski",
        "nederlands",
        "svenska",
        "dansk",
        "norsk",
        "suomi",
        "ελληνικά",
        "עברית",
        "हिन्दी",
    ]
)
LANGUAGE_CODES = frozenset(
    [
        "en",
        "fr",
        "es",
        "de",
        "it",
        "pt",
        "ru",
        "uk",
        "ar",
        "zh",
        "ja",
        "ko",
        "tr",
        "pl",
        "nl",
        "sv",
        "da",
        "no",
        "fi",
        "el",
        "he",
        "hi",
        "fa",
        "ur",
        "id",
        "ms",
        "vi",
        "th",
        "ro",
        "hu",
        "cs",
        "sk",
        "bg",
        "sr",
        "hr",
        "sl",
        "lt",
        "lv",
        "et",
        "ka",
        "hy",
        "az",
        "kk",
        "uz",
        "be",
        "sq",
        "mk",
        "bs",
        "ca",
        "eu",
        "gl",
    ]
)


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What one non-empty line looks like, and where it sits on the page."""

    index: int  # position among the page's non-empty lines
    text: str
    words: int
    chars: int
    ends_sentence: bool
    ends_colon: bool
    title_case: float  # share of content words that start with a capital
    bullet: bool
    date_stamp: bool
    cta_words: int
    reader_words: int
    site_words: int
    credit_words: int
    consent_words: int
    advert_words: int
    teaser_label: bool  # "Read more: ...", "Related: ..."
    copyright: bool
    byline: bool
    tags: bool
    count_label: bool
    language_menu: bool
    has_quote: bool
    numeric: float  # share of tokens that are numbers, times or scores: results, schedules

    @property
    def data(self) -> bool:
        """A line of figures ("2. Mia Torvik, 2:23:01"), not a headline: lists of it are facts."""
        return self.numeric >= 0.4

    @property
    def section_label(self) -> bool:
        """ "Related posts:", "More from Sports", "Most Read": names the list that follows."""
        return (
            1 <= self.words <= 4
            and not (self.ends_sentence and not self.text.endswith(("...", "…")))
            and any(w in TEASER_LABEL_WORDS for w in WORD.findall(self.text.casefold()))
        )

    @property
    def prose(self) -> bool:
        """A sentence of running text: the one kind of line we must never lose."""
        if self.words >= 20:
            return True
        return self.ends_sentence and self.words >= 8 and self.title_case < 0.75

    @property
    def headline_like(self) -> bool:
        """A short unpunctuated line: a headline, a subhead, a menu entry or a teaser."""
        ends_statement = self.ends_sentence and not self.text.rstrip("\"'”’»*").endswith("?")
        return 3 <= self.words <= 25 and not ends_statement and not self.date_stamp


MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")  # text, url
MARKDOWN_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def clean_line(line: str) -> str:
    """One line as the article text will hold it: NFC, single spaces, no markdown markup
    (a link keeps its words, bold its text)."""
    line = unicodedata.normalize("NFC", line.replace("\u00a0", " ").replace("\u200b", ""))
    line = " ".join(line.split())
    line = MARKDOWN_STRONG.sub(r"\2", MARKDOWN_LINK.sub(r"\1", line))
    match = MARKUP.match(line)
    if match:
        line = next(group for group in match.groups() if group).strip()
    return line


DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=16384)
def markdown_link_texts(text: str) -> frozenset[str]:
    """What a markdown page's links to its own site say (relative links, three words or
    more), normalised like HTML link texts: teasers of the site's other pages."""
    texts = set()
    for match in MARKDOWN_LINK.finditer(text):
        if not match.group(2).startswith(("/", ".", "#")):
            continue
        key = normalise_for_matching(match.group(1))
        if key.count(" ") >= 2:
            texts.add(key)
    return frozenset(texts)


@lru_cache(maxsize=65536)
def normalise_for_matching(line: str) -> str:
    """Key under which repeated lines are counted: case, digits and punctuation ignored
    (cached: the same line is looked up for repeats, links and the corpus)."""
    return " ".join(WORD.findall(DIGITS.sub("0", line.casefold())))


FIELD_NAMES = [f.name for f in fields(LineFeatures)]
assert FIELD_NAMES[0] == "index", "line_features passes the index first"
ALL_BUT_INDEX = attrgetter(*FIELD_NAMES[1:])


def line_features(index: int, text: str) -> LineFeatures:
    """The features of a line at a position (cached: menus and footers repeat across pages)."""
    features = features_of_text(text)
    if index == features.index:
        return features
    return LineFeatures(index, *ALL_BUT_INDEX(features))  # dataclasses.replace, quicker


@lru_cache(maxsize=8192)
def features_of_text(text: str) -> LineFeatures:
    words = WORD.findall(text)
    lowered = [w.casefold() for w in words]
    counts = word_class_counts(lowered)
    head = text.split(":", 1)[0] if ":" in text[:40] else ""
    head_words = {w.casefold() for w in WORD.findall(head)}
    return LineFeatures(
        index=0,
        text=text,
        words=len(words),
        chars=len(text),
        ends_sentence=bool(SENTENCE_END.search(text.rstrip("*"))),
        ends_colon=text.rstrip().endswith(":"),
        title_case=title_case_ratio(words, lowered),
        bullet=bool(BULLET.match(text)),
        date_stamp=looks_like_date_stamp(text),
        cta_words=counts["cta"],
        reader_words=counts["reader"],
        site_words=counts["site"],
        credit_words=counts["credit"],
        consent_words=counts["consent"],
        advert_words=counts["advert"],
        teaser_label=bool(head_words) and len(head_words) <= 3 and head_words <= TEASER_LABEL_WORDS,
        copyright=COPYRIGHT_MATCH(text),
        byline=bool(BYLINE_LEAD.match(text) or stamp_beside_byline(text))
        and len(words) <= 12
        and not text.endswith("."),
        tags=bool(TAGS_LEAD.match(text)),
        count_label=bool(COUNT_LABEL.match(text)),
        language_menu=is_language_menu(text, lowered),
        has_quote=any(mark in text for mark in '"“”«»'),
        numeric=numeric_share(text),
    )


WORD_CLASSES: dict[str, frozenset[str]] = {
    "cta": CTA_WORDS,
    "reader": READER_WORDS,
    "site": SITE_WORDS,
    "credit": CREDIT_WORDS,
    "consent": CONSENT_WORDS,
    "advert": ADVERT_WORDS,
}
# Each word of the lexicons with the classes it belongs to: one lookup a word of text.
CLASSES_OF_WORD: dict[str, tuple[str, ...]] = {
    word: tuple(name for name, lexicon in WORD_CLASSES.items() if word in lexicon)
    for word in frozenset().union(*WORD_CLASSES.values())
}


def word_class_counts(lowered: list[str]) -> dict[str, int]:
    """How many words of each lexicon a line holds."""
    counts = dict.fromkeys(WORD_CLASSES, 0)
    if CLASSES_OF_WORD.keys().isdisjoint(lowered):
        return counts  # most lines: no lexicon word at all
    for word in lowered:
        for name in CLASSES_OF_WORD.get(word, ()):
            counts[name] += 1
    return counts


NUMBER_TOKEN = re.compile(r"^[(#]?[\d.,:/%+-]*\d[\d.,:/%+)-]*$")
TOKEN_WITH_DIGIT = re.compile(r"\S*\d\S*")  # whitespace-separated, as str.split() cuts


def numeric_share(text: str) -> float:
    """Share of the line's tokens that are numbers; only tokens with a digit can be."""
    if not DIGITS.search(text):
        return 0.0
    numbers = sum(
        1 for token in TOKEN_WITH_DIGIT.findall(text) if NUMBER_TOKEN.match(token.rstrip(",;"))
    )
    return numbers / len(text.split()) if numbers else 0.0


def title_case_ratio(words: list[str], lowered: list[str] | None = None) -> float:
    """``lowered``: the words case-folded, when the caller has them."""
    lowered = lowered if lowered is not None else [w.casefold() for w in words]
    content = capitals = 0
    for word, low in zip(words, lowered, strict=True):
        first = word[0]
        if first.isalpha() and low not in FUNCTION_WORDS:
            content += 1
            capitals += first.isupper()
    return capitals / content if content else 0.0


def is_language_menu(text: str, lowered: list[str]) -> bool:
    """A switcher between editions: only language codes or language names."""
    if not lowered or len(lowered) > 12:
        return False
    stripped = BULLET.sub("", text).strip()
    if len(lowered) == 1 and stripped.casefold() in LANGUAGE_CODES:
        return True
    return all(w in LANGUAGE_NAMES or w in LANGUAGE_CODES for w in lowered) and (
        len(lowered) >= 2 or stripped.casefold() in LANGUAGE_NAMES
    )
