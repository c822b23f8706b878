"""Named-entity mentions from the parse, with spaCy's cheap-to-fix mistakes repaired.

The repairs are general rules: a title word swallowed into a PERSON span is trimmed, a known
country or capital labelled PERSON or ORG in a place slot becomes GPE, a surname the article
already uses for a person becomes PERSON, and "A-B" glued names of two known people are split.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from storylens.annotate.lexicons import Places, fold, offices, places
from storylens.annotate.nlp import doc_text
from storylens.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC", "EVENT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "inside", "outside"})


def normalize_name(text: str) -> str:
    """One key per name however it is written: case, diacritics, possessive, honorific."""
    folded = fold(text)
    folded = re.sub(r"'s$|'$", "", folded).strip()
    words = folded.split()
    honorifics = offices().honorifics
    while words and words[0] in honorifics:
        words = words[1:]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    name = " ".join(words).strip(" ,;:-")
    return name if name.count(".") > 1 else name.rstrip(".")


def place_key(text: str) -> str | None:
    """The canonical name of a country or international body named by ``text``, if it is one.

    Only names and aliases count ("U.S.", "Türkiye", "the EU"), not capitals or demonyms, so
    a city keeps its own key.
    """
    table = places()
    folded = normalize_name(text)
    if folded in table.names or text.strip() in table.by_exact:
        return table.jurisdiction(text)
    return None


def entity_key(text: str, label: str) -> str:
    """normalize_name, except that countries and bodies take their canonical name."""
    if label in {"GPE", "ORG", "LOC"}:
        canonical = place_key(text)
        if canonical:
            return canonical
    return normalize_name(text)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def extract_entities(doc: Doc) -> list[EntityMention]:
    """Entity mentions of the labels the later stages use, repaired and sorted by offset."""
    ents = [_last_line(ent) for ent in doc.ents if ent.label_ in ENTITY_LABELS]
    spans = [_trim_span(ent) for ent in ents if ent is not None]
    spans = _split_coordinated([s for s in spans if s is not None and "\n" not in s.text])
    mentions = [_mention(s, s.label_) for s in spans]
    mentions = sorted(_add_titled_names(doc, mentions), key=lambda m: (m.start, m.end))
    mentions = _split_glued_names(doc, mentions)
    mentions = [_name_after_a_body(doc, m) for m in mentions]
    mentions = _relabel(doc, mentions)
    mentions = _add_known_places(doc, mentions)
    mentions = _add_known_surnames(doc, mentions)
    return sorted(set(mentions), key=lambda m: (m.start, m.end, m.label))


def _last_line(span: Span) -> Span | None:
    """'Procurement\nPriya Raman' tagged as one name across a line break (a kicker, then the
    first line): the part on the last line, where the name stands."""
    breaks = [t.i for t in span if "\n" in t.text]
    if not breaks:
        return span
    if breaks[-1] + 1 >= span.end:
        return None
    tail = span.doc[breaks[-1] + 1 : span.end]
    tail.label_ = span.label_
    return tail


def _mention(span: Span, label: str) -> EntityMention:
    return EntityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        label=label,
        key=entity_key(span.text, label),
    )


def _trim_span(span: Span) -> Span | None:
    """Drop title words, punctuation and possessive markers from the edges of a span.

    A span of any label that reads "<Office> <Proper Name>" ("Mayor Jo Bloggs" tagged as an
    event or organisation) is the person named, with the title left outside.
    """
    start, end = span.start, span.end
    doc = span.doc
    label = span.label_
    words = _title_words()
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    titled = start
    while titled < end and fold(doc[titled].text) in words and doc[titled].text[:1].isupper():
        titled += 1
    rest = doc[titled:end]
    if (
        titled > start
        and 0 < len(rest) <= 4
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
        and places().jurisdiction(rest.text) is None
        and fold(rest[-1].lemma_) not in offices().bodies  # "Health Research Council"
    ):
        start, label = titled, "PERSON"
    while (
        start < end
        and label == "PERSON"
        and (fold(doc[start].text) in words or doc[start].text.islower())
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in {"'s", "’s"}
    ):
        end -= 1
    if start >= end:
        return None
    trimmed = doc[start:end]
    trimmed.label_ = label
    return trimmed


@cache
def _title_words() -> frozenset[str]:
    table = offices()
    return frozenset(table.heads) | frozenset(table.qualifiers) | frozenset(table.portfolios)


def _split_coordinated(spans: list[Span]) -> list[Span]:
    """'Ruddock and Dollar' tagged as one PERSON: two people."""
    out: list[Span] = []
    for span in spans:
        joints = [t.i for t in span if t.lower_ == "and"]
        if span.label_ != "PERSON" or not joints:
            out.append(span)
            continue
        start = span.start
        for joint in [*joints, span.end]:
            if joint > start:
                part = span.doc[start:joint]
                part.label_ = "PERSON"
                out.append(part)
            start = joint + 1
    return out


def _split_glued_names(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """'A-B encounter', 'talks between A and B': one span made of two people the article
    names on their own elsewhere."""
    person_words = {
        word
        for m in mentions
        if m.label == "PERSON" and "-" not in m.text and " and " not in m.text
        for word in m.key.split()
    }
    out: list[EntityMention] = []
    for mention in mentions:
        parts = _glued_parts(mention)
        if mention.label in {"PERSON", "ORG"} and len(parts) >= 2:
            keys = [normalize_name(doc_text(doc)[a:b]) for a, b in parts]
            if all(k and k.split()[-1] in person_words for k in keys):
                out.extend(_sub_mention(doc, a, b, "PERSON") for a, b in parts)
                continue
        out.append(mention)
    return out


def _name_after_a_body(doc: Doc, mention: EntityMention) -> EntityMention:
    """'Leader of the Official Opposition Derek Halvorsen' tagged as one organisation 'the
    Official Opposition Derek Halvorsen': a body or office word, then two or three proper
    nouns that are no title, body or place, is the person the title names."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if mention.label != "ORG" or span is None or len(span) < 3:
        return mention
    known = _title_words() | offices().bodies | set(offices().portfolios)
    for size in (2, 3):
        tail = span[-size:]
        if len(span) <= size or fold(span[-size - 1].text) not in known:
            continue
        names = all(
            t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and fold(t.text) not in known
            for t in tail
        )
        if names and places().jurisdiction(tail.text) is None:
            return _sub_mention(doc, tail.start_char, tail.end_char, "PERSON")
    return mention


def _glued_parts(mention: EntityMention) -> list[tuple[int, int]]:
    separator = " and " if " and " in mention.text else "-"
    parts: list[tuple[int, int]] = []
    offset = mention.start
    for piece in mention.text.split(separator):
        parts.append((offset, offset + len(piece)))
        offset += len(piece) + len(separator)
    return [(a, b) for a, b in parts if b > a]


def _sub_mention(doc: Doc, start: int, end: int, label: str) -> EntityMention:
    text = doc_text(doc)[start:end]
    return EntityMention(start=start, end=end, text=text, label=label, key=entity_key(text, label))


def _relabel(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Fix labels with what the article and general knowledge agree on."""
    table = places()
    surnames = _surnames(mentions)
    out: list[EntityMention] = []
    for m in mentions:
        label = m.label
        folded = normalize_name(m.text)
        country = folded in table.names and table.by_folded.get(folded) in table.countries
        seat = folded in table.seats
        if label != "PERSON" and m.key in surnames and not (country or seat):
            if folded not in table.demonyms:
                label = "PERSON"
        elif label == "PERSON" and m.key not in surnames and _lone_name_in_place_slot(doc, m):
            label = "GPE"  # "travel to Marrowby", "talks in Marrowby"
        elif label == "PERSON" and (country or seat) and m.key not in surnames:
            if country or _in_place_slot(doc, m) or not _is_subject(doc, m):
                label = "GPE"
        elif label in {"ORG", "GPE", "FAC", "LOC"} and _after_office_word(doc, m):
            if not (country or seat or table.jurisdiction(m.text)):
                label = "PERSON"  # "spokesperson Jo Bloggs" read as an organisation
        elif (label in {"ORG", "NORP"} and country and folded not in table.demonyms) or (
            label == "ORG" and seat and _in_place_slot(doc, m)
        ):
            label = "GPE"
        out.append(m if label == m.label else _with_label(m, label))
    return _merge_honorifics(doc, out)


def _merge_honorifics(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """'Sir' found as a PERSON of its own, right before the name it belongs to."""
    honorifics = offices().honorifics
    out: list[EntityMention] = []
    skip = False
    for i, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and fold(m.text) in honorifics
            and nxt.label == "PERSON"
            and doc_text(doc)[m.end : nxt.start].strip() == ""
            and "\n" not in doc_text(doc)[m.end : nxt.start]
        ):
            out.append(_sub_mention(doc, m.start, nxt.end, "PERSON"))
            skip = True
            continue
        if fold(m.text) in honorifics:
            continue
        out.append(m)
    return out


def _after_office_word(doc: Doc, m: EntityMention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0 or len(span) > 4:
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
        return False
    before = doc[span.start - 1]
    if fold(before.text) in offices().honorifics and span.start > 1:
        before = doc[span.start - 2]
    word = fold(before.text)
    heads = offices().heads
    return word in heads or (word.endswith("s") and word[:-1] in heads)


def _with_label(m: EntityMention, label: str) -> EntityMention:
    return EntityMention(
        start=m.start, end=m.end, text=m.text, label=label, key=entity_key(m.text, label)
    )


def _surnames(mentions: list[EntityMention]) -> set[str]:
    """Last words of multi-word person names: a lone mention of one is that person."""
    return {m.key.split()[-1] for m in mentions if m.label == "PERSON" and len(m.key.split()) >= 2}


MOTION_VERBS = frozenset({"travel", "fly", "go", "come", "return", "head", "move", "drive", "sail"})


def _lone_name_in_place_slot(doc: Doc, m: EntityMention) -> bool:
    """A one-word 'person' after 'in'/'at', or after 'to' following a verb of motion."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if token.dep_ != "pobj" or (span.end < len(doc) and doc[span.end].text in {"'s", "’s"}):
        return False
    preposition = token.head
    if preposition.lower_ in {"in", "at"}:
        return True
    return preposition.lower_ == "to" and preposition.head.lemma_ in MOTION_VERBS


def _is_subject(doc: Doc, m: EntityMention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}


def _in_place_slot(doc: Doc, m: EntityMention) -> bool:
    """The mention is the object of a locative preposition or of a verb like 'visit'."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    return root.dep_ == "dobj" and head.lemma_ in {"visit", "leave", "reach", "enter", "tour"}


def _add_titled_names(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """'President Smith' where the parser found no entity: capitalised words after a title."""
    covered = [False] * (len(doc_text(doc)) + 1)
    for m in mentions:
        for i in range(m.start, m.end):
            covered[i] = True
    heads = offices().heads
    added: list[EntityMention] = []
    for token in doc:
        if token.i + 1 >= len(doc) or fold(token.text) not in heads or not token.text[0].isupper():
            continue
        first = doc[token.i + 1]
        if covered[first.idx] or first.pos_ != "PROPN" or not first.text[0].isupper():
            continue
        if fold(first.text) in offices().honorifics or fold(first.text) in _title_words():
            continue  # "Chief Justice Name": the title goes on, the name comes later
        end = first.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[0].isupper():
            if covered[doc[end].idx] or "\n" in doc[first.i : end + 1].text:
                break
            end += 1
        span = doc[first.i : end]
        if places().jurisdiction(span.text) is None:
            added.append(_sub_mention(doc, span.start_char, span.end_char, "PERSON"))
    return mentions + added


def _add_known_surnames(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """A lone surname of a person already named in full, which the parser did not tag."""
    surnames = _surnames(mentions)
    if not surnames:
        return mentions
    covered = bytearray(len(doc_text(doc)) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    added: list[EntityMention] = []
    for token in doc:
        if covered[token.idx] or token.pos_ not in {"PROPN", "NOUN"}:
            continue
        if not token.text[:1].isupper() or normalize_name(token.text) not in surnames:
            continue
        neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
            continue
        added.append(_sub_mention(doc, token.idx, token.idx + len(token.text), "PERSON"))
    return mentions + added


def _add_known_places(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Countries, capitals and bodies the parser missed, when they stand alone as names."""
    table = places()
    covered = bytearray(len(doc_text(doc)) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    added: list[EntityMention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if covered[token.idx] or token.pos_ != "PROPN" or not token.text[:1].isupper():
            i += 1
            continue
        match = _known_place_at(doc, i, table)
        if match is None:
            i += 1
            continue
        end, label = match
        span = doc[i:end]
        if any(covered[t.idx] for t in span):
            i += 1
            continue
        added.append(_sub_mention(doc, span.start_char, span.end_char, label))
        i = end
    return mentions + added


def _known_place_at(doc: Doc, i: int, table: Places) -> tuple[int, str] | None:
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper():
        return None  # inside a longer name
    for size in (3, 2, 1):
        end = i + size
        if end > len(doc):
            continue
        folded = fold(doc[i:end].text)
        if folded not in table.names and folded not in table.seats:
            continue
        after = doc[end] if end < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
            return None  # "Jordan Smith"
        is_country = table.by_folded.get(folded) in table.countries
        return end, "GPE" if is_country or folded in table.seats else "ORG"
    return None


def person_mentions(mentions: list[EntityMention]) -> list[EntityMention]:
    return [m for m in mentions if m.label == "PERSON"]


def fullest_names(mentions: list[EntityMention]) -> dict[str, EntityMention]:
    """Each person key -> the mention that names that person most fully in the article.

    A short form ("Smith") belongs to a longer one ("Jane Smith") when its words end the
    longer key; the longest such mention, first by position, wins.
    """
    persons = person_mentions(mentions)
    fullest: dict[str, EntityMention] = {}
    for m in persons:
        best = m
        words = m.key.split()
        for other in persons:
            other_words = other.key.split()
            if len(other_words) <= len(best.key.split()):
                continue
            if other_words[-len(words) :] == words or (len(words) == 1 and words[0] in other_words):
                best = other
        fullest[m.key] = best
    return fullest
