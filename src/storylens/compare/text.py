"""Small text helpers shared by the compare modules: keys, tokens, spans, stable ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from storylens.model import AnnotatedArticle, Span

# Letters that NFKD does not decompose into a base letter plus a mark.
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "æ": "ae", "œ": "oe"}
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "into",
        "onto",
        "about",
        "over",
        "after",
        "before",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "it's",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "our",
        "we",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "mine",
        "not",
        "no",
        "nor",
        "so",
        "such",
        "very",
        "just",
        "only",
        "also",
        "too",
        "up",
        "down",
        "out",
        "off",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "same",
        "own",
        "s",
        "t",
        "don't",
        "doesn't",
        "won't",
        "can't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "i'll",
        "i'm",
        "we're",
        "they're",
        "he's",
        "she's",
        "let's",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "stated",
    ]
)


def fold(text: str) -> str:
    """Casefolded text without diacritics: how names are compared however they are spelled."""
    if text.isascii():
        return text.replace("`", "'").casefold()
    text = text.translate(_UNDECOMPOSED).translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def name_key(text: str) -> str:
    """A normalised name: folded, possessive removed, punctuation dropped, spaces collapsed."""
    folded = fold(text).strip()
    words = [_POSSESSIVE.sub("", word) for word in _WORD.findall(folded)]
    return " ".join(word for word in words if word)


def words(text: str) -> list[str]:
    """Folded word tokens (apostrophes and inner hyphens kept)."""
    return _WORD.findall(fold(text))


def content_words(text: str) -> set[str]:
    """Folded words that carry meaning: no stopwords, no one-letter tokens."""
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 1}


def stable_id(prefix: str, *parts: str) -> str:
    """A short id that depends only on its parts, so reports can be diffed and cached."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def make_span(article: AnnotatedArticle, start: int, end: int) -> Span | None:
    """Evidence span into the article's text; None when the offsets are unusable."""
    text = article.article.text
    if not (0 <= start < end <= len(text)):
        return None
    return Span(article=article.id, start=start, end=end, text=text[start:end])


def join_names(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': lists the way a journalist writes them."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def sentence_index(article: AnnotatedArticle, offset: int) -> int:
    """Index of the sentence holding ``offset``, or -1 when sentences are unknown."""
    for index, sentence in enumerate(article.sentences):
        if sentence.start <= offset < sentence.end:
            return index
    return -1


def sentence_bounds(article: AnnotatedArticle, offset: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``offset``; falls back to the line around it."""
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.start, sentence.end
    text = article.article.text
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end
