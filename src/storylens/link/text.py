"""Sentences and word tokens of an annotated article, as spans into its text.

The annotate stage gives sentences; when it gave none (hand-built inputs, failed annotation) a
simple punctuation rule splits each paragraph line, so linking never depends on spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.annotate.dates import MONTH_ABBREVIATIONS
from storylens.model import AnnotatedArticle

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’')\]]?\s+(?=[“\"‘'(\[]?[A-Z0-9])")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "sen",
        "rep",
        "gov",
        "st",
        "mt",
        "jr",
        "sr",
        "inc",
        "corp",
        "ltd",
        "co",
        "no",
        "vs",
        "etc",
        *MONTH_ABBREVIATIONS,
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
_QUOTED = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return self.text.casefold().replace("’", "'")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rule-based sentence spans: one or more per non-empty line, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        begin = 0
        for match in _SENTENCE_BREAK.finditer(line):
            if _ends_with_abbreviation(line[begin : match.start()]):
                continue
            _append_trimmed(spans, line, offset, begin, match.start() + _closing_len(match))
            begin = match.end()
        _append_trimmed(spans, line, offset, begin, len(line))
        offset += len(line) + 1
    return spans


def _ends_with_abbreviation(piece: str) -> bool:
    """A period after a title, month or initial does not end the sentence."""
    body = piece.rstrip().rstrip(".")
    last = body.rsplit(None, 1)[-1].lstrip("(“\"'").casefold() if body.strip() else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _closing_len(match: re.Match[str]) -> int:
    """Keep a closing quote or bracket with the sentence it closes."""
    return len(match.group(0)) - len(match.group(0).lstrip("”\"’')]"))


def _append_trimmed(spans: list[tuple[int, int]], line: str, offset: int, a: int, b: int) -> None:
    piece = line[a:b]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + a + lead, offset + a + lead + len(stripped)))


def sentence_spans(article: AnnotatedArticle) -> list[tuple[int, int]]:
    """The article's sentence spans, dropping empty ones; rule-split when none were given."""
    if article.sentences:
        text = article.article.text
        spans = [(s.start, s.end) for s in article.sentences if text[s.start : s.end].strip()]
        if spans:
            return spans
    return split_sentences(article.article.text)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(0), offset + m.start(), offset + m.end()) for m in WORD.finditer(text)]


def words(text: str) -> list[str]:
    """Casefolded word tokens without punctuation: the unit of coverage and overlap."""
    return [m.group(0).casefold() for m in WORD.finditer(text) if m.group(0)[0].isalnum()]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text in quote marks (marks included), for discounting shared quotations."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans blanked out (offsets of the rest keep no meaning)."""
    if not spans:
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        if start > cursor:
            pieces.append(text[cursor:start])
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return " ".join(pieces)
