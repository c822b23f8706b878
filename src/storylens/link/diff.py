"""Token-level differences between aligned sentences, typed by what the changed words are.

A rewrite changes facts where its words differ from the parent's: a diff of word tokens of an
aligned pair, mapped back to character spans, and typed by the annotations the changed span
overlaps (a date, a number, a title, a place, a person), is where a reader should look.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from storylens.link.text import Token, tokenize
from storylens.model import AnnotatedArticle, Change, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DATE_LABELS = frozenset({"DATE", "TIME"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
TYPE_PRIORITY = ("date", "number", "title", "place", "person", "entity", "other")
_MONTHS_AND_DAYS = re.compile(
    r"^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|yesterday|tomorrow)$",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(r"^\d[\d,.]*%?$")
MAX_OTHER_PER_EDGE = 12  # untyped changes kept for a paraphrase: enough to show the rewording


def sentence_tokens(article: AnnotatedArticle, span: tuple[int, int]) -> list[Token]:
    start, end = span
    return tokenize(article.article.text[start:end], offset=start)


def token_opcodes(
    parent: Sequence[Token], child: Sequence[Token]
) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes over casefolded tokens, without the 'equal' runs."""
    matcher = difflib.SequenceMatcher(
        a=[t.norm for t in parent], b=[t.norm for t in child], autojunk=False
    )
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def _span(article: AnnotatedArticle, tokens: Sequence[Token], lo: int, hi: int) -> Span | None:
    """Character span from token lo to token hi-1; None for an empty token range."""
    if hi <= lo:
        return None
    start, end = tokens[lo].start, tokens[hi - 1].end
    return Span(article.id, start, end, article.article.text[start:end])


def _only_punctuation(tokens: Sequence[Token], lo: int, hi: int) -> bool:
    return all(not t.text[0].isalnum() for t in tokens[lo:hi])


def change_type(article: AnnotatedArticle, span: Span | None) -> str:
    """The most specific annotation type overlapping the span, 'other' when none does."""
    if span is None:
        return "other"
    found: set[str] = set()

    def overlaps(start: int, end: int) -> bool:
        return start < span.end and end > span.start

    if any(overlaps(d.start, d.end) for d in article.dates):
        found.add("date")
    if any(overlaps(n.start, n.end) for n in article.numbers):
        found.add("number")
    if any(overlaps(t.start, t.end) for t in article.titles):
        found.add("title")
    for entity in article.entities:
        if overlaps(entity.start, entity.end):
            found.add(_entity_type(entity.label))
    if not found:
        found.add(_fallback_type(span.text))
    return next(kind for kind in TYPE_PRIORITY if kind in found)


def _entity_type(label: str) -> str:
    if label in PLACE_LABELS:
        return "place"
    if label == "PERSON":
        return "person"
    if label in DATE_LABELS:
        return "date"
    if label in NUMBER_LABELS:
        return "number"
    return "entity"


def _fallback_type(text: str) -> str:
    """Without annotations, month and weekday names are dates and digits are numbers."""
    pieces = re.findall(r"\w+(?:[.,%]\w+)*%?", text)
    if any(_MONTHS_AND_DAYS.match(p) for p in pieces):
        return "date"
    if any(_NUMBER_WORD.match(p) for p in pieces):
        return "number"
    return "other"


def pair_changes(
    parent: AnnotatedArticle,
    parent_span: tuple[int, int],
    child: AnnotatedArticle,
    child_span: tuple[int, int],
) -> list[Change]:
    """Typed changes turning the parent's sentence(s) into the child's."""
    parent_tokens = sentence_tokens(parent, parent_span)
    child_tokens = sentence_tokens(child, child_span)
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in token_opcodes(parent_tokens, child_tokens):
        if _only_punctuation(parent_tokens, i1, i2) and _only_punctuation(child_tokens, j1, j2):
            continue
        p_span = _span(parent, parent_tokens, i1, i2)
        c_span = _span(child, child_tokens, j1, j2)
        kinds = {change_type(parent, p_span), change_type(child, c_span)}
        kind = next(k for k in TYPE_PRIORITY if k in kinds)
        changes.append(Change(op=op, type=kind, parent_span=p_span, child_span=c_span))
    return changes


def keep_meaningful(changes: Sequence[Change], max_other: int = MAX_OTHER_PER_EDGE) -> list[Change]:
    """All typed changes and the first few untyped ones, so a paraphrase stays readable."""
    kept: list[Change] = []
    others = 0
    for change in changes:
        if change.type != "other":
            kept.append(change)
        elif others < max_other:
            kept.append(change)
            others += 1
    return kept
