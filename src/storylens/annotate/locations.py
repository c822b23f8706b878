"""Where organisations are based: their headquarters, read off the parse.

  participle   "Kelmar, headquartered in Oslo," / "Kelmar will be based in Oslo"
  noun         "Kelmar has its headquarters in Oslo" / "Kelmar's head office in Oslo"
  label        "Head office: Oslo" (a fact box line)
People are based somewhere too ("a Lisbon-based analyst", "Ana Dias, who is based in Rome"):
a subject the recogniser calls a person, a pronoun other than "its", or a common noun that
names no organisation gives no fact. The organisation is the sentence's own subject (through an
apposition: "The new company, Kelmar, will ..."); failing that, for "its headquarters" and
label lines, the nearest organisation named before it in the paragraph. Only a label line is
kept without an organisation (the box's subject is often unnamed); compare leaves it alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storylens.annotate.lexicons import fold, office_words, offices
from storylens.annotate.titles import token_entities
from storylens.model import EntityMention, LocationMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
HEADQUARTERS_NOUNS = frozenset({"headquarters", "hq", "head office", "head-office", "seat"})
LABELS = frozenset({"headquarters", "head office", "hq", "head-office"})
ORG_PRONOUNS = frozenset({"its", "their"})
PERSON_WORDS = frozenset({"who", "he", "she", "i", "we", "you", "his", "her", "my", "our"})


def extract_locations(doc: Doc, mentions: list[EntityMention]) -> list[LocationMention]:
    """Every organisation-location fact of the article, in text order."""
    covering = token_entities(doc, mentions)
    found: list[LocationMention] = []
    for token in doc:
        if token.lower_ not in {"in", ":"}:
            continue
        place = _place_after(doc, covering, token.i)
        if place is None:
            continue
        cue = _cue_before(doc, token)
        if cue is None:
            continue
        organization = _organization(doc, covering, mentions, cue)
        if organization is None and not _is_label(doc, cue):
            continue  # a person, or a common noun: nothing to compare
        span = doc[cue.i : doc.char_span(place.start, place.end, alignment_mode="expand").end]
        found.append(
            LocationMention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                organization=organization,
                place=place,
            )
        )
    return sorted(found, key=lambda m: m.start)


def _place_after(doc: Doc, covering: list[EntityMention | None], i: int) -> EntityMention | None:
    if i + 1 >= len(doc):
        return None
    entity = covering[i + 1]
    return entity if entity is not None and entity.label in PLACE_LABELS else None


def _cue_before(doc: Doc, marker: Token) -> Token | None:
    """The word before 'in' / ':' that makes it a location fact: 'headquartered', 'based',
    'headquarters', 'head office' (a label only at the start of its line)."""
    if marker.i == 0:
        return None
    before = doc[marker.i - 1]
    word = fold(before.text)
    two = fold(doc[marker.i - 2 : marker.i].text) if marker.i >= 2 else word
    if marker.text == ":":
        for cue, size in ((two, 2), (word, 1)):
            start = marker.i - size
            if cue in LABELS and _starts_a_line_or_sentence(doc, start):
                return doc[start]
        return None
    if word in {"headquartered", "based"} and before.tag_ == "VBN":
        return before
    if two in HEADQUARTERS_NOUNS and marker.i >= 2:
        return doc[marker.i - 2]
    if word in HEADQUARTERS_NOUNS:
        return before
    return None


def _starts_a_line_or_sentence(doc: Doc, i: int) -> bool:
    return (
        i == 0
        or doc[i].is_sent_start
        or doc[i - 1].text in {".", ";"}
        or ("\n" in doc[i - 1].text_with_ws)
    )


def _is_label(doc: Doc, cue: Token) -> bool:
    """'Head office: P': a fact box line, whose organisation is the box's (often unnamed)."""
    nxt = cue.i + (2 if fold(cue.text) == "head" else 1)
    return nxt < len(doc) and doc[nxt].text == ":"


def _organization(
    doc: Doc, covering: list[EntityMention | None], mentions: list[EntityMention], cue: Token
) -> str | None:
    """The organisation the fact is about, or None (a person, or no one can be told)."""
    if cue.tag_ == "VBN":
        subject = _participle_subject(cue)
        if subject is None or not _same_line(doc, subject, cue):
            return None
        return _organization_name(doc, covering, subject, cue)
    head = cue if fold(cue.text) != "head" else cue.head
    owners = [c for c in head.children if c.dep_ == "poss"]
    if owners:
        owner = owners[0]
        if owner.lower_ not in ORG_PRONOUNS:
            return _organization_name(doc, covering, owner, cue)
    elif head.dep_ not in {"ROOT", "dobj"}:
        return None  # 'the campaign headquarters in X': whose is not said
    verb = head.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects and verb is not head:
        if not _same_line(doc, subjects[0], cue):
            return None
        return _organization_name(doc, covering, subjects[0], cue)
    return _organization_before(doc, mentions, cue)


def _same_line(doc: Doc, a: Token, b: Token) -> bool:
    """A parse can run a heading into the next paragraph; a subject is on its verb's line."""
    low, high = sorted((a.idx, b.idx))
    return "\n" not in doc.text[low:high]


def _participle_subject(participle: Token) -> Token | None:
    """'Kelmar, headquartered in Oslo' (a modifier of Kelmar) / 'Kelmar will be based in
    Oslo' (Kelmar its subject) / 'a firm that is based in Oslo' (through 'that')."""
    if participle.dep_ == "acl":
        return participle.head
    subjects = [c for c in participle.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in {"which", "that"} and participle.dep_ == "relcl":
        return participle.head
    return subject


def _organization_name(
    doc: Doc, covering: list[EntityMention | None], token: Token, cue: Token
) -> str | None:
    """The name of an organisation standing at ``token``; None for people, pronouns and
    common nouns ('a bank') unless an apposition names them ('the new group, Kelmar,').
    Only organisations are headquartered, so a name the recogniser took for a person counts
    there; 'based' is said of people too, so there it does not."""
    if token.lower_ in PERSON_WORDS or token.pos_ == "PRON":
        return None
    entity = covering[token.i]
    if entity is not None:
        if entity.label == "PERSON":
            return entity.text if fold(cue.text) != "based" else None
        return entity.text if entity.label in {"ORG", "NORP"} | PLACE_LABELS else None
    if _looks_like_a_name(token):
        return _compound_name(doc, token)
    appositions = [c for c in token.children if c.dep_ == "appos"]
    if appositions and fold(token.lemma_) in offices().bodies:
        return _organization_name(doc, covering, appositions[0], cue)
    return None


def _looks_like_a_name(token: Token) -> bool:
    """A capitalised singular noun that is no title word: 'Kelmar', not 'Analysts'."""
    return (
        token.pos_ in {"PROPN", "NOUN"}
        and token.text[:1].isupper()
        and token.tag_ not in {"NNS", "NNPS"}
        and fold(token.lemma_) not in office_words()
        and fold(token.lemma_) not in offices().bodies
    )


def _compound_name(doc: Doc, token: Token) -> str:
    first = token.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].text[:1].isupper():
        first -= 1
    return doc[first : token.i + 1].text


def _organization_before(doc: Doc, mentions: list[EntityMention], cue: Token) -> str | None:
    """The nearest organisation named earlier in the paragraph ('its headquarters')."""
    paragraph_start = doc.text.rfind("\n", 0, cue.idx) + 1
    earlier = [
        m for m in mentions if m.label == "ORG" and paragraph_start <= m.start and m.end <= cue.idx
    ]
    return earlier[-1].text if earlier else None
