"""Direct quotes (inside quotation marks) and indirect ones ('X said that ...'), with speakers.

Quotation marks are paired on the raw text, so a quote may run over several sentences and
lines. The speaker comes from the reporting verb next to the quote (its subject, resolved
through pronouns and 'the X leader' descriptions), or, for a quote with no verb of its own,
from the quote right before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.annotate.coref import Referent, Resolver, subject_of
from storylens.annotate.entities import normalize_name
from storylens.annotate.lexicons import fold, office_words, places
from storylens.annotate.nlp import SentenceIndex, doc_text, is_opening_quote
from storylens.model import EntityMention, QuoteMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DIRECT_CUES = frozenset(
    {
        "say",
        "tell",
        "add",
        "write",
        "state",
        "emphasize",
        "emphasise",
        "note",
        "warn",
        "claim",
        "ask",
        "insist",
        "post",
        "stress",
        "explain",
        "declare",
        "announce",
        "confirm",
        "reiterate",
        "argue",
        "suggest",
        "respond",
        "reply",
        "tweet",
        "remark",
        "conclude",
        "admit",
        "acknowledge",
        "urge",
        "comment",
        "recall",
        "describe",
        "call",
        "accuse",
        "predict",
        "promise",
        "vow",
        "pledge",
        "threaten",
        "caution",
        "allege",
        "assert",
        "maintain",
        "mention",
        "reveal",
        "deny",
        "praise",
        "quip",
        "joke",
        "continue",
        "hint",
        "indicate",
    }
)
INDIRECT_CUES = DIRECT_CUES - {
    "call",
    "describe",
    "accuse",
    "praise",
    "ask",
    "urge",
    "continue",
    "joke",
    "quip",
}
MIN_QUOTE_WORDS = 4  # shorter quotes without a reporting verb are scare quotes
PAIRS = {"“": "”", "«": "»", "„": "“"}


@dataclass(frozen=True)
class _Marks:
    """A quotation: the content between an opening and a closing mark."""

    start: int
    end: int


def find_quotations(text: str) -> list[_Marks]:
    """Quoted stretches of text, paired across sentences and lines.

    An opening mark with no closing one before the next paragraph that itself opens with a
    quotation mark ends at its paragraph's end (the convention for quotes running over
    several paragraphs).
    """
    found = _pair_typographic(text) + _pair_straight(text)
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[_Marks] = []
    for quote in found:
        if out and quote.start < out[-1].end:
            continue  # nested or overlapping: the outer quotation is the quote
        out.append(quote)
    return out


def _pair_typographic(text: str) -> list[_Marks]:
    out: list[_Marks] = []
    open_at: int | None = None
    closing = ""
    for index, char in enumerate(text):
        if char in PAIRS and (open_at is None or char != closing):
            if open_at is not None:
                paragraph_end = text.find("\n", open_at, index)
                if paragraph_end >= 0:
                    out.append(_Marks(open_at + 1, paragraph_end))
            open_at, closing = index, PAIRS[char]
        elif open_at is not None and char == closing:
            out.append(_Marks(open_at + 1, index))
            open_at = None
    if open_at is not None:
        paragraph_end = text.find("\n", open_at)
        out.append(_Marks(open_at + 1, len(text) if paragraph_end < 0 else paragraph_end))
    return out


def _pair_straight(text: str) -> list[_Marks]:
    out: list[_Marks] = []
    open_at: int | None = None
    for index, char in enumerate(text):
        if char != '"':
            continue
        if open_at is None:
            if is_opening_quote(text, index):
                open_at = index
        elif is_opening_quote(text, index) and "\n" in text[open_at:index]:
            paragraph_end = text.find("\n", open_at, index)
            out.append(_Marks(open_at + 1, paragraph_end))
            open_at = index
        else:
            out.append(_Marks(open_at + 1, index))
            open_at = None
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "…"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def extract_quotes(
    doc: Doc, sentences: SentenceIndex, resolver: Resolver, quotations: list[_Marks]
) -> list[QuoteMention]:
    """Direct quotes first (they also decide who a bare follow-up quote belongs to), then
    indirect ones that are not mostly made of a direct quote."""
    direct = _direct_quotes(doc, sentences, resolver, quotations)
    indirect = _indirect_quotes(doc, resolver, quotations)
    return sorted(direct + indirect, key=lambda q: (q.start, q.end, q.kind))


def _direct_quotes(
    doc: Doc, sentences: SentenceIndex, resolver: Resolver, quotations: list[_Marks]
) -> list[QuoteMention]:
    text = doc_text(doc)
    out: list[QuoteMention] = []
    previous: QuoteMention | None = None
    for marks in quotations:
        start, end = _trimmed(text, marks.start, marks.end)
        if end <= start:
            continue
        cue = _cue_for(doc, sentences, resolver, start, end)
        words = len(text[start:end].split())
        if cue is None and words < MIN_QUOTE_WORDS:
            continue
        if cue is not None and words < MIN_QUOTE_WORDS and not _governs(cue, doc, start, end):
            continue
        referent: Referent | None = None
        if cue is not None:
            subject = subject_of(cue)
            referent = _speaker(subject, resolver) if subject is not None else None
        elif (colon := _colon_speaker(doc, resolver, marks)) is not None:
            referent = colon
        elif previous is not None and _continues(sentences, text, previous, start):
            referent = Referent(
                None,
                previous.speaker_start or 0,
                previous.speaker_end or 0,
                previous.speaker or "",
                "",
            )
            if previous.speaker is None:
                referent = None
        quote = QuoteMention(
            start=start,
            end=end,
            text=text[start:end],
            kind="direct",
            speaker=referent.name if referent else None,
            speaker_start=referent.start if referent else None,
            speaker_end=referent.end if referent else None,
            cue=cue.lemma_.lower()
            if cue is not None
            else (previous.cue if referent and previous else None),
        )
        out.append(quote)
        previous = quote
    return out


def _untagged_name(subject: Token, resolver: Resolver) -> Referent | None:
    """'"...," Marchand said.': a capitalised name the parser did not tag still speaks."""
    if subject.pos_ != "PROPN" or not subject.text[:1].isupper():
        return None
    if resolver.mention_at(subject) is not None:
        return None  # tagged as something that does not speak (a place, a date)
    words = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
    if any(not (w.pos_ == "PROPN" and w.text[:1].isupper()) for w in words):
        return None
    first = words[0] if words else subject
    start, end = first.idx, subject.idx + len(subject.text)
    name = subject.doc.text[start:end]
    if fold(name) in office_words() or places().jurisdiction(name) is not None:
        return None  # "the President said", "Portugal said"
    return Referent(None, start, end, name, normalize_name(name))


def _speaker(subject: Token, resolver: Resolver) -> Referent | None:
    """Who a reporting verb's subject names: an entity, a pronoun, a leader, a name the
    parser left untagged, or a description the article gave one person ('the forward')."""
    return (
        resolver.referent(subject)
        or _untagged_name(subject, resolver)
        or _described_person(subject, resolver)
    )


def _described_person(subject: Token, resolver: Resolver) -> Referent | None:
    """'"...," the forward said' after 'Chilean forward Pablo Ferro': the one person the
    article introduced with that word right before the name (or in apposition to it).

    Only a definite 'the X' counts, and only when a single person was so described: with two
    ministers, 'the minister' stays unresolved rather than guessed.
    """
    doc = subject.doc
    if subject.i == 0 or doc[subject.i - 1].lower_ != "the" or not subject.text.islower():
        return None
    word = fold(subject.text)
    people = {
        resolver.fullest.get(m.key, m).key: m
        for m in resolver.persons
        if m.end <= subject.idx and word in _descriptors(doc, m)
    }
    if len(people) != 1:
        return None
    (person,) = people.values()
    full = resolver.fullest.get(person.key, person)
    start = doc[subject.i - 1].idx
    return Referent(person, start, subject.idx + len(subject.text), full.text, full.key)


def _descriptors(doc: Doc, mention: EntityMention) -> set[str]:
    """Common nouns that describe a named person: the word right before the name ('forward
    Pablo Ferro') and nouns in apposition ('Ferro, the forward,')."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return set()
    found = set()
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_alpha and before.is_lower and not before.is_stop:
        found.add(fold(before.text))
    root = span.root
    apposed = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        apposed.append(root.head)
    found |= {fold(t.text) for t in apposed if t.pos_ == "NOUN"}
    return found


def _colon_speaker(doc: Doc, resolver: Resolver, marks: _Marks) -> Referent | None:
    """'Her spokesman, Anton Velde, gave the line: "..."': the person whose clause the
    colon closes speaks, when the quote then ends the sentence. 'The banner read: "..."' or
    'The club's statement read: "..."' has no person subject, so no speaker."""
    subject = _colon_subject(doc, marks.start)
    if subject is None or not _ends_its_sentence(doc_text(doc), marks.end):
        return None
    referent = _speaker(subject, resolver)
    if referent is None or (referent.mention and referent.mention.label != "PERSON"):
        return None
    return referent


def _ends_its_sentence(text: str, closing_mark: int) -> bool:
    """Nothing but punctuation between the closing mark and the end of the sentence: the quote
    completes what the colon announced, rather than being a phrase inside a longer clause."""
    after = text[closing_mark:]
    rest = after.lstrip("\"”»’'.!?,; ")
    if not rest or rest[0] == "\n":
        return True
    skipped = text[closing_mark - 1] + after[: len(after) - len(rest)]
    return rest[0].isupper() and any(mark in skipped for mark in ".!?")


def _colon_subject(doc: Doc, mark_start: int) -> Token | None:
    """'X was blunt: "..."': the subject of the clause the colon closes, on the colon's line."""
    text = doc_text(doc)
    before = mark_start - 2  # the opening mark is at mark_start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    if before < 0 or text[before] != ":":
        return None
    colon = doc.char_span(before, before + 1, alignment_mode="expand")
    if colon is None:
        return None
    line_start = text.rfind("\n", 0, before) + 1
    first = max(colon.sent.start, colon.start - 60)
    while first < colon.start and doc[first].idx < line_start:
        first += 1
    segment = range(first, colon.start)
    verb = next(
        (
            doc[i]
            for i in reversed(segment)  # the local root of the words before the colon
            if doc[i].pos_ in {"VERB", "AUX"}
            and (doc[i].head.i not in segment or doc[i].head == doc[i])
        ),
        None,
    )
    if verb is None:
        return None
    subject = subject_of(verb)
    if subject is not None and subject.i in segment:
        return subject
    if colon.sent.start_char < line_start:  # the parse ran on from the line above
        return _opening_noun(doc, segment, verb)
    return None


def _opening_noun(doc: Doc, segment: range, verb: Token) -> Token | None:
    """A line parsed as if it went on from a heading above it ('The line of the night' then
    'Her spokesman, Anton Velde, gave ...'): the noun phrase the line opens with, before its
    verb and attached outside the line, is the verb's subject."""
    for i in range(segment.start, verb.i):
        token = doc[i]
        if token.pos_ in {"NOUN", "PROPN", "PRON"} and token.head.i not in segment:
            return token
    return None


def _continues(sentences: SentenceIndex, text: str, previous: QuoteMention, start: int) -> bool:
    """A quote with no verb of its own right after another quote goes on with that one,
    unless a clause of its own introduces it ('The governor's own line will be quoted for a
    while: "..."'): that clause names another source, even when we cannot say whose."""
    gap = sentences.of(start) - sentences.of(previous.end)
    if not (0 <= gap <= 1 and text.count("\n", previous.end, start) <= 1):
        return False
    return gap == 0 or not _introduced(sentences, text, previous, start)


def _introduced(sentences: SentenceIndex, text: str, previous: QuoteMention, start: int) -> bool:
    """Words of the quote's own sentence stand before its opening mark (with the sentence
    before, when that one ends in a colon), after the previous quote's closing mark."""
    index = sentences.of(start)
    if not sentences.sentences:
        return False
    lo = sentences.sentences[index].start
    if index > 0:
        before = sentences.sentences[index - 1]
        if text[before.start : before.end].rstrip().endswith(":"):
            lo = before.start
    lead = text[max(lo, previous.end + 1) : start]
    return any(char.isalpha() for char in lead)


def _cue_for(
    doc: Doc, sentences: SentenceIndex, resolver: Resolver, start: int, end: int
) -> Token | None:
    """The reporting verb nearest the quote, outside it, in the sentences it touches."""
    first = sentences.of(start)
    last = sentences.of(end - 1)
    lo = sentences.sentences[first].start if sentences.sentences else 0
    hi = sentences.sentences[last].end if sentences.sentences else len(doc_text(doc))
    if first > 0:
        previous = sentences.sentences[first - 1]
        if doc_text(doc)[previous.start : previous.end].rstrip().endswith(":"):
            lo = previous.start  # 'X said:' then the quote as a sentence of its own
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    best: tuple[int, Token] | None = None
    for token in span:
        if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in DIRECT_CUES:
            continue
        if start - 1 <= token.idx < end + 1 or resolver.in_quote(token.idx):
            continue
        distance = start - token.idx if token.idx < start else token.idx - end
        if best is None or distance < best[0]:
            best = (distance, token)
    return best[1] if best else None


def _governs(cue: Token, doc: Doc, start: int, end: int) -> bool:
    """A short quote counts only when it hangs off its reporting verb in the parse."""
    quoted = doc.char_span(start, end, alignment_mode="expand")
    if quoted is None:
        return False
    token = quoted.root
    for _ in range(8):
        if token == cue:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _indirect_quotes(doc: Doc, resolver: Resolver, quotations: list[_Marks]) -> list[QuoteMention]:
    out: list[QuoteMention] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in INDIRECT_CUES and token.pos_ in {"VERB", "AUX"}:
            if resolver.in_quote(token.idx):
                continue
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            if clause is None or clause.i < token.i or _is_question(clause):
                continue
            quote = _indirect(doc, resolver, quotations, token, clause, lemma)
        elif lemma == "accord" and token.lower_ == "according":
            quote = _according_to(doc, resolver, quotations, token)
        else:
            continue
        if quote is not None:
            out.append(quote)
    return out


def _indirect(
    doc: Doc,
    resolver: Resolver,
    quotations: list[_Marks],
    cue: Token,
    clause: Token,
    lemma: str,
) -> QuoteMention | None:
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
    if not tokens:
        return None
    span = doc[tokens[0].i : tokens[-1].i + 1]
    span = _strip_punct(span)
    if span is None or len(span) < 3 or _mostly_quoted(span, quotations):
        return None
    subject = subject_of(cue)
    referent = resolver.referent(subject) if subject is not None else None
    return _quote(_close_open_quotation(span, quotations), "indirect", referent, lemma)


def _is_question(clause: Token) -> bool:
    """'confirm if/whether/who ...' reports an open question, not a statement."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in clause.children):
        return True
    first = next(iter(clause.subtree))
    return first.lower_ in {"who", "what", "whom", "whose", "which", "when", "where", "how", "why"}


def _according_to(
    doc: Doc, resolver: Resolver, quotations: list[_Marks], according: Token
) -> QuoteMention | None:
    """'According to X, <clause>': the rest of the clause is what X reported."""
    source = next(
        (
            grandchild
            for child in according.children
            if child.lower_ == "to"
            for grandchild in child.children
            if grandchild.dep_ == "pobj"
        ),
        None,
    )
    if source is None:
        return None
    verb = according.head
    excluded = {t.i for t in according.subtree}
    tokens = [t for t in verb.subtree if t.i not in excluded]
    if not tokens:
        return None
    lo = tokens[0].i
    while lo < len(doc) and (doc[lo].is_punct or doc[lo].i in excluded):
        lo += 1
    span = _strip_punct(doc[lo : tokens[-1].i + 1])
    if span is None or len(span) < 3 or _mostly_quoted(span, quotations):
        return None
    return _quote(span, "indirect", resolver.referent(source), "according to")


def _close_open_quotation(span: Span, quotations: list[_Marks]) -> Span:
    """'willing to negotiate “responsibly,”': keep the quoted word and its closing mark."""
    for marks in quotations:
        if span.start_char < marks.start <= span.end_char < marks.end + 1:
            closed = span.doc.char_span(span.start_char, marks.end + 1, alignment_mode="expand")
            return closed if closed is not None else span
    return span


def _strip_punct(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _mostly_quoted(span: Span, quotations: list[_Marks]) -> bool:
    inside = sum(
        max(0, min(span.end_char, q.end) - max(span.start_char, q.start)) for q in quotations
    )
    return inside > 0.5 * (span.end_char - span.start_char)


def _quote(span: Span, kind: str, referent: Referent | None, cue: str) -> QuoteMention:
    return QuoteMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        speaker=referent.name if referent else None,
        speaker_start=referent.start if referent else None,
        speaker_end=referent.end if referent else None,
        cue=cue,
    )
