"""Titles and offices attached to people, normalised into office + jurisdiction + status.

The written forms read off the tokens around each PERSON mention:
  before the name   "former U.S. President Jane Roe", "Ruritania's foreign minister Jo Bloggs"
  after the name    "Jo Bloggs, the country's foreign minister," "Jo Bloggs, a former senator,"
  possessive        "Roe's chief of staff, Jo Bloggs" (jurisdiction from Roe's own title)
  a verb of office  "Jo Bloggs, who chairs the Harbour Board," / "Jo Bloggs heads the agency"
  a passive verb    "the Harbour Board, led by Jo Bloggs," / "the board is led by Jo Bloggs"
  a copula          "Its chief executive is Jo Bloggs" / "the board, whose chair is Jo Bloggs,"
A body written before the title ("Kingsbridge chief executive", "commission chairman") is the
title's jurisdiction, whatever the recogniser called it. A place after a body's title ("the
agency's representative in Ruritania") is the area of that post, part of the office: one body
has many such posts. A name the recogniser called an organisation is still a person when it is
given a post only people hold ("Its head, Jo Bloggs"), and title words it glued onto a name
("Industry and Trade Jo Bloggs") are taken back. Only general vocabulary is used (offices.json,
places.json): any office, any country.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from storylens.annotate.entities import normalize_name
from storylens.annotate.lexicons import fold, office_words, offices, places
from storylens.model import EntityMention, TitleMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STATUS_PRIORITY = ("former", "elect", "acting", "opposition", "current")
LOCAL_OFFICES = frozenset({"mayor", "governor", "police chief", "deputy mayor"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
APPOSITION_ENDS = frozenset({",", ".", ";", ":", ")", "—", "–", "who", "and", "said"})
FINITE_VERB_TAGS = frozenset({"VB", "VBZ", "VBP", "VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
BODY_ENTITY_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
NOT_BODY_ENT_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
MAX_BODY_WORDS = 4
POSSESSIVE = re.compile(r"['’]s\b")
AREA_PREPOSITIONS = frozenset({"in", "for"})
AREA_LABELS = frozenset({"GPE", "LOC"})
POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our"})
CONJUNCTIONS = frozenset({"and", "&"})
# Heads that take a portfolio in front ("Trade Minister"): a recogniser's ORG 'Trade' there is
# the portfolio, not a body.
PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner", "ministry"})
# Posts only a person holds: a name the recogniser called an organisation or a place is a person
# when it is given one of these ('Its head, Jo Bloggs'); an owner or a leader may be a company.
PERSON_POSTS = frozenset(
    {"head", "chief", "director", "chair", "chief executive", "spokesperson", "minister"}
    | {"president", "secretary", "mayor", "governor", "commissioner", "ambassador", "envoy"}
    | {"senator", "judge", "justice", "prosecutor", "coach", "chief financial officer"}
)
# Bodies an organisation can lead too ('the fund, led by Halden Capital'): a verb of office there
# is no evidence that its holder is a person; nor is 'run', 'direct' or 'represent' anywhere.
PEOPLE_ONLY_VERBS = frozenset({"lead", "head", "chair", "preside"})
ORGANISATION_LED_BODIES = frozenset(
    {"group", "fund", "company", "firm", "corporation", "bank", "union", "federation"}
    | {"association", "league", "foundation", "delegation", "consortium"}
)
MAX_NAME_WORDS = 4
AREA_MARK = " for "  # 'representative for norvale': the office, then the area the post covers


@dataclass
class _Item:
    """One piece of a title phrase: a word, a jurisdiction entity or a possessive marker."""

    kind: str  # "word" | "entity" | "poss"
    start_token: int
    end_token: int  # exclusive
    word: str = ""
    entity: EntityMention | None = None


@dataclass(frozen=True)
class _Parsed:
    office: str
    status: str
    jurisdiction: str | None
    possessor: EntityMention | None
    plural: bool


def token_entities(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention | None]:
    """For every token, the entity mention covering it (None when none does)."""
    covering: list[EntityMention | None] = [None] * len(doc)
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            covering[i] = m
    return covering


# --------------------------------------------------------------------------- names


def _untitled_names(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """'Minister of Industry and Trade Jo Bloggs' tagged as one organisation 'Industry and Trade
    Jo Bloggs': the title words go back to the title, the rest is the person it names."""
    out = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.label == "PERSON" or span is None or not _after_head_of(doc, span.start):
            out.append(mention)
            continue
        cut = span.start
        while cut < span.end and (_portfolio_word(doc[cut]) or doc[cut].lower_ in CONJUNCTIONS):
            cut += 1
        if cut == span.start or doc[cut - 1].lower_ in CONJUNCTIONS:
            out.append(mention)
            continue
        name = doc[cut : span.end]
        if not _name_words(doc, cut, span.end):
            out.append(mention)
            continue
        out.append(
            EntityMention(
                start=name.start_char,
                end=name.end_char,
                text=name.text,
                label="PERSON",
                key=normalize_name(name.text),
            )
        )
    return out


def _after_head_of(doc: Doc, i: int) -> bool:
    """Token ``i`` follows 'Minister of' / 'Secretary for': a portfolio comes next."""
    if i < 2 or doc[i - 1].lower_ not in {"of", "for"}:
        return False
    word = fold(doc[i - 2].text)
    return offices().heads.get(word, word) in PORTFOLIO_HEADS


def _portfolio_word(token: Token) -> bool:
    return token.text[:1].isupper() and fold(token.text) in _portfolio_words()


def _portfolio_mention(doc: Doc, mention: EntityMention) -> bool:
    """'Trade' or 'Industry and Trade' tagged as an organisation right before 'Minister' (or
    after 'Minister of'): a portfolio, part of the title, not the body the title is of."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if mention.label == "PERSON" or span is None:
        return False
    if len(span) > 2 and _after_head_of(doc, span.start + 2):
        span = span[2:]  # "Minister of Public Services and Procurement" tagged as a body
    words = [t for t in span if t.lower_ not in CONJUNCTIONS]
    if not words or not all(fold(t.text) in _portfolio_words() for t in words):
        return False
    if span.end < len(doc):
        after = fold(doc[span.end].text)
        if offices().heads.get(after, after) in PORTFOLIO_HEADS:
            return True
    return _after_head_of(doc, span.start)


def _name_words(doc: Doc, start: int, end: int) -> bool:
    """2 to 4 capitalised proper nouns that are no title, body or known place: a name."""
    if not 2 <= end - start <= MAX_NAME_WORDS:
        return False
    words = office_words() | offices().honorifics | offices().bodies
    for token in doc[start:end]:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return False
        if not token.text.replace("-", "").replace("'", "").replace("’", "").isalpha():
            return False
        if fold(token.text) in words or _singular(fold(token.text)) in offices().bodies:
            return False
    return places().jurisdiction(doc[start:end].text) is None


def _person_like(doc: Doc, mention: EntityMention) -> bool:
    """A mention the recogniser did not call a person but which reads as a person's name."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and _name_words(doc, span.start, span.end)


def _person_post(office: str) -> bool:
    """The office (its area left aside) is one only a person holds."""
    base = office.split(AREA_MARK)[0]
    return base in PERSON_POSTS or base.split()[-1] in PERSON_POSTS


def extract_titles(doc: Doc, mentions: list[EntityMention]) -> list[TitleMention]:
    """Every title the article gives a named person, in text order."""
    mentions = _untitled_names(doc, mentions)
    covering = token_entities(doc, [m for m in mentions if not _portfolio_mention(doc, m)])
    found: list[TitleMention] = []
    pending_possessive: list[tuple[TitleMention, EntityMention]] = []
    for person in mentions:
        if person.label != "PERSON" and not _person_like(doc, person):
            continue
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            continue
        for title, parsed in _titles_for(doc, covering, person, span.start, span.end):
            if person.label != "PERSON" and not _person_post(parsed.office):
                continue
            if parsed.possessor is not None and parsed.possessor.label == "PERSON":
                pending_possessive.append((title, parsed.possessor))
            found.append(title)
    found.extend(verb_titles(doc, covering))
    found.extend(appointment_titles(doc, covering))
    resolved = _resolve_possessors(found, pending_possessive)
    unique = {(t.start, t.end, t.person_start): t for t in resolved}
    return sorted(unique.values(), key=lambda t: (t.start, t.person_start))


def _titles_for(
    doc: Doc,
    covering: list[EntityMention | None],
    person: EntityMention,
    first: int,
    last: int,
) -> list[tuple[TitleMention, _Parsed]]:
    out: list[tuple[TitleMention, _Parsed]] = []
    before = _title_before(doc, covering, first)
    if before is not None:
        start, end, parsed = before
        out.append((_title(doc, start, end, person, parsed), parsed))
        if parsed.plural:
            for other in _coordinated_people(doc, covering, last):
                out.append((_title(doc, start, end, other, parsed), parsed))
    after = _title_after(doc, covering, last)
    if after is not None:
        start, end, parsed = after
        out.append((_title(doc, start, end, person, parsed), parsed))
    copula = _title_by_copula(doc, covering, first) if before is None else None
    if copula is not None:
        start, end, parsed = copula
        out.append((_title(doc, start, end, person, parsed), parsed))
    return [_with_of_jurisdiction(doc, covering, last, pair) for pair in out]


def _title(doc: Doc, start: int, end: int, person: EntityMention, parsed: _Parsed) -> TitleMention:
    span = doc[start:end]
    return TitleMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        person_start=person.start,
        person_end=person.end,
        person=person.text,
        office=parsed.office,
        jurisdiction=parsed.jurisdiction,
        status=parsed.status,
    )


def _with_of_jurisdiction(
    doc: Doc,
    covering: list[EntityMention | None],
    last: int,
    pair: tuple[TitleMention, _Parsed],
) -> tuple[TitleMention, _Parsed]:
    """'President X of Ruritania': the place after the name completes a bare title."""
    title, parsed = pair
    if title.jurisdiction is not None or title.start > title.person_start:
        return pair
    place = _jurisdiction_after_name(doc, covering, last)
    if place is None:
        return pair
    return dataclasses.replace(title, jurisdiction=place), parsed


def _jurisdiction_after_name(
    doc: Doc, covering: list[EntityMention | None], last: int
) -> str | None:
    if last + 1 >= len(doc) or doc[last].lower_ != "of":
        return None
    entity = covering[last + 1]
    if entity is None or entity.label not in {"GPE", "ORG", "NORP"}:
        return None
    return _entity_jurisdiction(entity, office="")


# --------------------------------------------------------------------------- before the name


def _title_before(
    doc: Doc, covering: list[EntityMention | None], first: int
) -> tuple[int, int, _Parsed] | None:
    """The longest run of title words ending right before the name (honorifics skipped)."""
    honorifics = offices().honorifics
    i = first - 1
    while i >= 0 and fold(doc[i].text) in honorifics:
        i -= 1
    comma = i >= 0 and doc[i].text == ","
    if comma:
        i -= 1
    area = _area_ending_at(doc, covering, i) if comma else None
    if area is not None:
        i = area[0] - 1  # "its representative in Ruritania, Jo Bloggs"
    items = _collect_backward(doc, covering, i)
    for cut in range(len(items)):
        suffix = items[cut:]
        if suffix[0].kind == "poss" or (suffix[0].kind == "word" and suffix[0].word in {"of", "-"}):
            continue
        if suffix[-1].kind == "poss":
            break  # "Mayor Jo Roe's Harbour Party": the title is Roe's, the name is no person's
        if comma and not _has_possessor_or_determiner(doc, suffix):
            continue
        parsed = _parse(suffix)
        if parsed is None:
            continue
        if area is None:
            return suffix[0].start_token, suffix[-1].end_token, parsed
        start = suffix[0].start_token
        return start, area[1], _with_place(parsed, area[2], _names_a_body(doc, suffix))
    return None


def _area_ending_at(
    doc: Doc, covering: list[EntityMention | None], last: int
) -> tuple[int, int, EntityMention] | None:
    """'in Ruritania' ending at token ``last``: (the preposition, the end, the place)."""
    if last < 0 or (place := covering[last]) is None or place.label not in AREA_LABELS:
        return None
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.end != last + 1 or span.start < 1:
        return None
    if doc[span.start - 1].lower_ not in AREA_PREPOSITIONS:
        return None
    return span.start - 1, span.end, place


def _area_starting_at(
    doc: Doc, covering: list[EntityMention | None], j: int
) -> tuple[int, EntityMention] | None:
    """'in Ruritania' from token ``j``: (the end, the place)."""
    if j + 1 >= len(doc) or doc[j].lower_ not in AREA_PREPOSITIONS:
        return None
    place = covering[j + 1]
    if place is None or place.label not in AREA_LABELS:
        return None
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.start != j + 1:
        return None
    return span.end, place


def _names_a_body(doc: Doc, items: list[_Item]) -> bool:
    """The title says whose post it is: a possessor, a body, or 'its'/'their' before it."""
    if any(item.kind in {"poss", "entity"} for item in items):
        return True
    before = items[0].start_token - 1
    return before >= 0 and doc[before].lower_ in POSSESSIVE_DETERMINERS


def _with_place(parsed: _Parsed, place: EntityMention, of_body: bool) -> _Parsed:
    """A place after the title: the area of a body's post ('the agency's representative in
    Ruritania'), else the title's own jurisdiction ('minister for Ruritania')."""
    if of_body or parsed.jurisdiction is not None:
        office = f"{parsed.office}{AREA_MARK}{place.key}"
        return dataclasses.replace(parsed, office=office)
    return dataclasses.replace(parsed, jurisdiction=_entity_jurisdiction(place, parsed.office))


def _collect_backward(doc: Doc, covering: list[EntityMention | None], i: int) -> list[_Item]:
    words = office_words()
    items: list[_Item] = []
    while i >= 0:
        token = doc[i]
        if token.is_space or "\n" in token.text:
            break
        entity = covering[i]
        if entity is not None:
            if entity.label == "PERSON" and not items:
                break
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                break
            possessor = bool(items) and items[0].kind == "poss"
            body = entity if possessor else _as_body(entity)
            items.insert(0, _Item("entity", span.start, span.end, entity=body))
            i = span.start - 1
            continue
        if _is_verb(token):
            break  # "will chair Solwind's board": a verb of office, not a title before a name
        folded = fold(token.text)
        if folded in POSSESSIVE_MARKS:
            items.insert(0, _Item("poss", i, i + 1))
            if i > 0 and covering[i - 1] is None and not _is_name_word(doc[i - 1]):
                items.insert(0, _Item("word", i - 1, i, word="<possessor>"))
                break
            i -= 1
            continue
        if folded in words or _singular(folded) in words or _hyphen_compound(folded, words):
            items.insert(0, _Item("word", i, i + 1, word=folded))
            i -= 1
            continue
        if _joins_portfolios(doc, covering, i):
            items.insert(0, _Item("word", i, i + 1, word="and"))  # "Industry and Trade"
            i -= 1
            continue
        if items and (body := _body_ending_at(doc, covering, i)) is not None:
            start, mention = body
            items.insert(0, _Item("entity", start, i + 1, entity=mention))
            i = start - 1
            continue
        break
    return items


@cache
def _portfolio_words() -> frozenset[str]:
    """Every word of a portfolio ('foreign', 'affairs', 'trade')."""
    return frozenset(word for variant in offices().portfolios for word in variant.split())


def _joins_portfolios(doc: Doc, covering: list[EntityMention | None], i: int) -> bool:
    """'and' between two portfolio words ('Industry and Trade Minister'), not between two
    offices ('president and chief executive')."""
    if doc[i].lower_ not in CONJUNCTIONS or i < 1 or i + 1 >= len(doc):
        return False
    return all(
        covering[t.i] is None and fold(t.text) in _portfolio_words()
        for t in (doc[i - 1], doc[i + 1])
    )


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.tag_ in FINITE_VERB_TAGS


def _is_name_word(token: Token) -> bool:
    """A capitalised proper noun the entity recogniser left out ('Kingsbridge')."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.ent_type_ not in NOT_BODY_ENT_TYPES
        and fold(token.text) not in office_words()
        and fold(token.text) not in offices().honorifics
    )


def _as_body(entity: EntityMention) -> EntityMention:
    """A name right before title words is the body the title belongs to, whatever the
    recogniser called it ('Ostwind chairman X': Ostwind is no person here)."""
    if entity.label == "PERSON":
        return dataclasses.replace(entity, label="ORG")
    return entity


def _body_ending_at(
    doc: Doc, covering: list[EntityMention | None], last: int
) -> tuple[int, EntityMention] | None:
    """'commission', 'Kingsbridge', 'works council': the body named by the words ending at
    ``last`` (a generic body noun or proper nouns no entity covers), as an ORG mention."""
    bodies = offices().bodies
    if covering[last] is not None:
        return None
    head = doc[last]
    if not (
        fold(head.text) in bodies or _singular(fold(head.text)) in bodies or _is_name_word(head)
    ):
        return None
    first = last
    generic = not _is_name_word(head)
    while (
        first - 1 >= 0
        and last - first + 1 < MAX_BODY_WORDS
        and covering[first - 1] is None
        and (
            _is_name_word(doc[first - 1])
            or (generic and fold(doc[first - 1].text) in _portfolio_words())
        )
    ):
        first -= 1  # "Kingsbridge", "Harbour Board", "transport ministry"
    return first, _synthetic_body(doc, first, last + 1)


def _synthetic_body(doc: Doc, start: int, end: int) -> EntityMention:
    span = doc[start:end]
    return EntityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        label="ORG",
        key=normalize_name(POSSESSIVE.sub("", span.text)),
    )


def _hyphen_compound(folded: str, words: frozenset[str]) -> bool:
    parts = [p for p in folded.split("-") if p]
    return "-" in folded and bool(parts) and all(p in words for p in parts)


def _has_possessor_or_determiner(doc: Doc, items: list[_Item]) -> bool:
    if any(item.kind == "poss" for item in items):
        return True
    before = items[0].start_token - 1
    return before >= 0 and doc[before].lower_ in DETERMINERS


# --------------------------------------------------------------------------- title, 'is', name


def _title_by_copula(
    doc: Doc, covering: list[EntityMention | None], first: int
) -> tuple[int, int, _Parsed] | None:
    """'Its chief executive is X' / 'the Y, whose acting chief executive is X,': title words
    that are the subject of a present 'is' whose complement is the name. The subject must be
    the title itself ('The problem for the minister is X' names no post), and 'was' or 'will
    be' say nothing of now, 'is not X' (no name right after 'is') nothing at all. After 'whose'
    the body is the noun before it."""
    if first < 2:
        return None
    verb = doc[first - 1]
    if verb.lemma_ != "be" or verb.tag_ not in PRESENT_TAGS:
        return None
    if not any(c.dep_ == "nsubj" and c.i == first - 2 for c in verb.children):
        return None  # the parser may also take the body before 'whose' for a subject
    items = _collect_backward(doc, covering, first - 2)
    for cut in range(len(items)):
        suffix = items[cut:]
        if suffix[0].kind == "poss" or (suffix[0].kind == "word" and suffix[0].word in {"of", "-"}):
            continue
        if suffix[-1].kind != "word":
            break
        before = suffix[0].start_token - 1
        whose = before >= 0 and doc[before].lower_ == "whose"
        if not whose and not _has_possessor_or_determiner(doc, suffix):
            continue
        parsed = _parse(suffix)
        if parsed is None:
            continue
        if whose:
            parsed = _with_antecedent(doc, covering, before, parsed)
        return suffix[0].start_token, suffix[-1].end_token, parsed
    return None


def _with_antecedent(
    doc: Doc, covering: list[EntityMention | None], whose: int, parsed: _Parsed
) -> _Parsed:
    """'the Y, whose chief executive is X': Y's post. A person before 'whose' possesses the
    post (jurisdiction from that person's own title); a body is its jurisdiction."""
    if parsed.jurisdiction is not None or whose < 2 or doc[whose - 1].text != ",":
        return parsed
    last = whose - 2
    entity = covering[last]
    if entity is not None and entity.label == "PERSON":
        return dataclasses.replace(parsed, possessor=entity)
    if entity is not None:
        body: EntityMention | None = entity if entity.label in BODY_ENTITY_LABELS else None
    else:
        found = _body_ending_at(doc, covering, last)
        body = found[1] if found is not None else None
    if body is None:
        return parsed
    return dataclasses.replace(parsed, jurisdiction=_entity_jurisdiction(body, parsed.office))


# --------------------------------------------------------------------------- after the name


def _title_after(
    doc: Doc, covering: list[EntityMention | None], last: int
) -> tuple[int, int, _Parsed] | None:
    """'X, the country's foreign minister,' / 'X, a former senator,' / 'X, CEO of Y,' /
    'X, the agency's representative in Ruritania,'."""
    if last >= len(doc) or doc[last].text != ",":
        return None
    j = last + 1
    if j < len(doc) and doc[j].lower_ in DETERMINERS:
        j += 1
    start = j
    items = _collect_forward(doc, covering, j)
    if not items:
        return None
    items += _portfolio_after(doc, covering, items)
    end = items[-1].end_token
    of_place = None
    area = _area_starting_at(doc, covering, end) if _names_a_body(doc, items) else None
    if area is None and end + 1 < len(doc) and doc[end].lower_ in {"of", "for", "to", "at", "in"}:
        entity = covering[end + 1]
        if entity is not None and entity.label in {"GPE", "ORG", "NORP", "LOC", "FAC"}:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is not None:
                of_place = entity
                end = span.end
        elif (body := _body_starting_at(doc, covering, end + 1)) is not None:
            end, of_place = body  # "chairman of the commission"
        if of_place is not None and of_place.label not in AREA_LABELS:
            area = _area_starting_at(doc, covering, end)  # "head of the agency in Ruritania"
    if area is not None:
        end = area[0]
    if end < len(doc) and doc[end].lower_ not in APPOSITION_ENDS and not doc[end].is_punct:
        return None
    parsed = _parse(items)
    if parsed is None:
        return None
    if parsed.plural and end < len(doc) and _is_verb(doc[end]):
        return None  # 'X, officials said': the plural is the next clause's subject, no apposition
    if of_place is not None and parsed.jurisdiction is None:
        jurisdiction = _entity_jurisdiction(of_place, parsed.office)
        parsed = _Parsed(parsed.office, parsed.status, jurisdiction, None, parsed.plural)
    if area is not None:
        parsed = _with_place(parsed, area[1], of_body=True)
    return start, end, parsed


def _portfolio_after(
    doc: Doc, covering: list[EntityMention | None], items: list[_Item]
) -> list[_Item]:
    """'minister of industry and trade': the portfolio after 'of', which the forward reading
    leaves to the caller as if it were a place."""
    end = items[-1].end_token
    if items[-1].kind != "word" or end >= len(doc) or doc[end].lower_ not in {"of", "for"}:
        return []
    head = offices().heads.get(items[-1].word, items[-1].word)
    if head not in PORTFOLIO_HEADS:
        return []
    found = [_Item("word", end, end + 1, word=doc[end].lower_)]
    j = end + 1
    while j < len(doc) and covering[j] is None:
        folded = fold(doc[j].text)
        if folded in _portfolio_words():
            found.append(_Item("word", j, j + 1, word=folded))
        elif _joins_portfolios(doc, covering, j):
            found.append(_Item("word", j, j + 1, word="and"))
        else:
            break
        j += 1
    if len(found) < 2 or _parse(items + found) is None:
        return []
    return found


def _collect_forward(doc: Doc, covering: list[EntityMention | None], j: int) -> list[_Item]:
    words = office_words()
    items: list[_Item] = []
    while j < len(doc):
        token = doc[j]
        if token.is_space or "\n" in token.text:
            break
        entity = covering[j]
        if entity is not None:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None or (
                entity.label == "PERSON" and not _possessor_first(doc, items, span)
            ):
                break
            items.append(_Item("entity", span.start, span.end, entity=entity))
            j = span.end
            continue
        folded = fold(token.text)
        if folded in POSSESSIVE_MARKS and items:
            items.append(_Item("poss", j, j + 1))
            j += 1
            continue
        if folded == "country" and j + 1 < len(doc) and fold(doc[j + 1].text) in POSSESSIVE_MARKS:
            items.append(_Item("word", j, j + 1, word="<possessor>"))
            j += 1
            continue
        if folded in {"of", "for", "to", "at", "in"}:
            break  # "CEO of Y": the caller reads the place
        if folded in words or _singular(folded) in words or _hyphen_compound(folded, words):
            items.append(_Item("word", j, j + 1, word=folded))
            j += 1
            continue
        if items and _joins_portfolios(doc, covering, j):
            items.append(_Item("word", j, j + 1, word="and"))
            j += 1
            continue
        if not items and (body := _body_starting_at(doc, covering, j)) is not None:
            end, mention = body  # "X, the commission chairman,"
            items.append(_Item("entity", j, end, entity=mention))
            j = end
            continue
        break
    return items


def _possessor_first(doc: Doc, items: list[_Item], span: Span) -> bool:
    """'X, Korvik's sporting director,': a name the recogniser called a person that opens the
    apposition with a possessive mark is the post's possessor (a club, or a person whose own
    title gives the jurisdiction), not a second person."""
    return not items and span.end < len(doc) and fold(doc[span.end].text) in POSSESSIVE_MARKS


def _body_starting_at(
    doc: Doc, covering: list[EntityMention | None], first: int
) -> tuple[int, EntityMention] | None:
    """'the commission', 'Harbour Board': proper nouns no entity covers and/or a generic body
    noun from ``first`` (a leading 'the' skipped); the end token and the body as ORG."""
    bodies = offices().bodies
    if first < len(doc) and doc[first].lower_ == "the":
        first += 1
    j = first
    names_only = True
    while j < len(doc) and j - first < MAX_BODY_WORDS and covering[j] is None:
        token = doc[j]
        if fold(token.text) in bodies or _singular(fold(token.text)) in bodies:
            return j + 1, _synthetic_body(doc, first, j + 1)
        if _is_name_word(token):
            j += 1
            continue
        if token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
            break
        names_only = False  # 'harbour board': a modifier, kept only if a body noun follows
        j += 1
    if j > first and names_only:
        return j, _synthetic_body(doc, first, j)
    return None


# --------------------------------------------------------------------------- verbs of office


# Verbs that give a person a post: 'was named the new trade minister', 'was sworn in as
# Minister of Trade', 'was appointed head of the agency', 'became chief executive'.
APPOINTING_VERBS = frozenset({"name", "appoint", "swear", "install", "become"})
NEW_WORDS = frozenset({"new", "next"})  # "the new trade minister": the post itself


def appointment_titles(doc: Doc, covering: list[EntityMention | None]) -> list[TitleMention]:
    """The post a verb gives a named person: current once given, 'elect' while to come."""
    found = []
    for verb in doc:
        lemma = fold(verb.lemma_)
        if verb.pos_ != "VERB" or lemma not in APPOINTING_VERBS:
            continue
        subject_deps = {"nsubj"} if lemma == "become" else {"nsubjpass"}
        holder = next((c for c in verb.children if c.dep_ in subject_deps), None)
        person = covering[holder.i] if holder is not None else None
        post = _post_of(verb)
        if person is None or person.label != "PERSON" or post is None:
            continue
        start = post.left_edge.i
        while start < post.i and fold(doc[start].text) in DETERMINERS | NEW_WORDS:
            start += 1
        items = _collect_forward(doc, covering, start)
        if not items:
            continue
        items += _portfolio_after(doc, covering, items)
        parsed = _parse(items)
        if parsed is None or parsed.plural or parsed.status not in {None, "", "current"}:
            continue
        end = items[-1].end_token
        jurisdiction = parsed.jurisdiction
        if end + 1 < len(doc) and doc[end].lower_ in {"of", "at"} and jurisdiction is None:
            body = covering[end + 1]  # "chief executive of Norcom"
            if body is not None and body.label in {"GPE", "ORG", "NORP"}:
                jurisdiction = _entity_jurisdiction(body, parsed.office)
        to_come = {c.lower_ for c in verb.children if c.dep_ == "aux"} & {"will", "would", "to"}
        status = "elect" if to_come else "current"
        given = _Parsed(parsed.office, status, jurisdiction, None, parsed.plural)
        found.append(_title(doc, start, end, person, given))
    return found


def _post_of(verb: Token) -> Token | None:
    """The noun naming the post: the verb's complement, or the object of its 'as'."""
    for child in verb.children:
        if child.dep_ in {"oprd", "attr", "xcomp"} and child.pos_ in {"NOUN", "PROPN"}:
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def verb_titles(doc: Doc, covering: list[EntityMention | None]) -> list[TitleMention]:
    """'X, who chairs the Y,' / 'X heads the Y' / 'X has led the Y since 2020' / 'the Y, led by
    X,' / 'the Y is led by X': an office said with a verb in the present, held by a named person
    over a named or generic body (and an area: 'represents the agency in Ruritania')."""
    verbs = offices().verbs
    found = []
    for token in doc:
        office = verbs.get(token.lemma_.lower())
        if office is None or token.pos_ != "VERB":
            continue
        passive = _passive_holder(token)
        if passive is not None:
            if not _holds_now_passive(token):
                continue
            person = _holder_entity(doc, covering, passive)
            body = _body_of(doc, covering, _passive_body(token))
            first, last = (body[2], passive.head.i + 1) if body is not None else (0, 0)
        else:
            if not _holds_now(token):
                continue
            person = _verb_holder(token, covering)
            body = _governed_body(doc, covering, token)
            first, last = (token.i, body[0]) if body is not None else (0, 0)
        if person is None or body is None:
            continue
        mention = body[1]
        if person.label != "PERSON" and not _people_only_verb(token, mention):
            continue
        parsed = _Parsed(
            office=office,
            status="current",
            jurisdiction=_entity_jurisdiction(mention, office),
            possessor=None,
            plural=False,
        )
        area = _area_starting_at(doc, covering, body[0]) if passive is None else None
        if area is not None:
            parsed = _with_place(parsed, area[1], of_body=True)
            last = area[0]
        found.append(_title(doc, first, last, person, parsed))
    return found


def _holds_now(verb: Token) -> bool:
    """'chairs', 'chair', 'has chaired': the person holds the office now ('chaired' does not
    say so, 'will chair' is not yet)."""
    if verb.tag_ in PRESENT_TAGS:
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in PRESENT_TAGS
        for c in verb.children
    )


def _passive_holder(verb: Token) -> Token | None:
    """The 'by X' of 'the board, led by X' or 'the board is led by X'."""
    if verb.tag_ != "VBN":
        return None
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for holder in agent.children:
            if holder.dep_ == "pobj":
                return holder
    return None


def _holds_now_passive(verb: Token) -> bool:
    """'the board, led by X,' and 'is led by' / 'has been led by' say X holds it now; 'was led
    by' and 'the board, then led by X,' do not."""
    if any(c.lower_ in {"then", "formerly", "once", "previously"} for c in verb.children):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.dep_ == "acl" and not auxiliaries:
        return True
    return any(c.tag_ in PRESENT_TAGS for c in auxiliaries) and not any(
        c.tag_ == "MD" for c in auxiliaries
    )


def _passive_body(verb: Token) -> Token | None:
    """The body led: the noun 'led by X' describes, or the subject of 'is led by X'."""
    if verb.dep_ == "acl":
        return verb.head
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _holder_entity(
    doc: Doc, covering: list[EntityMention | None], holder: Token
) -> EntityMention | None:
    """The named person a token belongs to, or a name the recogniser called something else."""
    entity = covering[holder.i]
    if entity is None:
        return None
    if entity.label == "PERSON" or _person_like(doc, entity):
        return entity
    return None


def _people_only_verb(verb: Token, body: EntityMention) -> bool:
    """A verb of office whose holder must be a person, for a name the recogniser did not call
    one: people lead, head or chair a public body; a company may run a school or lead a fund."""
    last = fold(body.text).split()[-1] if body.text.split() else ""
    return (
        verb.lemma_.lower() in PEOPLE_ONLY_VERBS
        and (last in offices().bodies or _singular(last) in offices().bodies)
        and last not in ORGANISATION_LED_BODIES
        and _singular(last) not in ORGANISATION_LED_BODIES
    )


def _verb_holder(verb: Token, covering: list[EntityMention | None]) -> EntityMention | None:
    """The named person who is the verb's subject, through 'who' in 'X, who chairs'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        subject = verb.head
    return _holder_entity(verb.doc, covering, subject)


def _governed_body(
    doc: Doc, covering: list[EntityMention | None], verb: Token
) -> tuple[int, EntityMention, int] | None:
    """The body the verb governs ('chairs the commission', 'presides over the court')."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "over"):
        objects.extend(c for c in prep.children if c.dep_ == "pobj")
    return _body_of(doc, covering, objects[0] if objects else None)


def _body_of(
    doc: Doc, covering: list[EntityMention | None], head: Token | None
) -> tuple[int, EntityMention, int] | None:
    """The body a noun names, as an ORG mention: (its end token, the mention, its first
    token); None when the noun names no body ('leads the talks', 'runs a bakery')."""
    if head is None:
        return None
    entity = covering[head.i]
    if entity is not None:
        if entity.label == "PERSON" and not _possessed(head):
            return None
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            return None
        if head.i >= span.end - 1:
            return span.end, _as_body(entity), span.start
    bodies = offices().bodies
    if not (fold(head.text) in bodies or _is_name_word(head)):
        return None
    first = head.left_edge.i
    while first < head.i and doc[first].pos_ in {"DET", "PRON"}:
        first += 1
    return head.i + 1, _synthetic_body(doc, first, head.i + 1), first


def _possessed(token: Token) -> bool:
    return any(c.dep_ == "case" for c in token.children)


# --------------------------------------------------------------------------- parsing


def _parse(items: list[_Item]) -> _Parsed | None:
    """Split a title phrase into status, jurisdiction and a canonical office, or reject it."""
    statuses: list[str] = []
    jurisdiction: str | None = None
    possessor: EntityMention | None = None
    office_words_: list[str] = []
    plural = False
    entities: list[EntityMention] = []
    for index, item in enumerate(items):
        nxt = items[index + 1] if index + 1 < len(items) else None
        if item.kind == "entity":
            assert item.entity is not None
            if nxt is not None and nxt.kind == "poss":
                possessor = item.entity
            entities.append(item.entity)
            continue
        if item.kind == "poss":
            continue
        word = item.word
        if word == "<possessor>":
            continue
        for part in _split_hyphens(word):
            status = _status_word(part, office_words_)
            if status:
                statuses.append(status)
                if status == "opposition":
                    office_words_.append(part)
                continue
            office_words_.append(part)
    office, plural = _canonical_office(office_words_)
    if office is None:
        return None
    for entity in entities:
        found = _entity_jurisdiction(entity, office)
        if found is not None and jurisdiction is None:
            jurisdiction = found
    if possessor is not None and possessor.label == "PERSON":
        jurisdiction = None  # resolved later from the possessor's own title
    status = next((s for s in STATUS_PRIORITY if s in statuses), "current")
    return _Parsed(office, status, jurisdiction, possessor, plural)


def _split_hyphens(word: str) -> list[str]:
    if word in office_words() or "-" not in word:
        return [word]
    parts = [p for p in word.split("-") if p]
    if parts and parts[0] in {"ex", "then"}:
        parts[0] += "-"
    return parts


def _status_word(word: str, office_so_far: list[str]) -> str | None:
    table = offices()
    status = table.status.get(word)
    if status is None:
        return None
    if word == "new" and office_so_far:
        return None
    return status


def _canonical_office(words: list[str]) -> tuple[str | None, bool]:
    """Greedy longest match of lexicon units; the last unit must be an office head."""
    o = offices()
    words = [w for w in words if w not in o.dropped and w != "-"]
    if not words:
        return None, False
    units: list[tuple[str, str]] = []  # (kind, canonical)
    plural = False
    i = 0
    while i < len(words):
        for size in range(min(o.max_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            singular = _singular(phrase)
            if phrase in o.heads or singular in o.heads:
                plural = plural or (phrase not in o.heads and singular in o.heads)
                units.append(("head", o.heads.get(phrase) or o.heads[singular]))
            elif phrase in o.portfolios:
                units.append(("portfolio", o.portfolios[phrase]))
            elif phrase in o.qualifiers:
                units.append(("qualifier", o.qualifiers[phrase]))
            elif phrase in {"of", "for"}:
                units.append(("of", phrase))
            elif phrase == "and":
                units.append(("and", phrase))
            else:
                continue
            i += size
            break
        else:
            return None, False
    return _assemble(units), plural


def _singular(phrase: str) -> str:
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    if phrase.endswith("s") and not phrase.endswith("ss"):
        return phrase[:-1]
    return phrase


def _assemble(units: list[tuple[str, str]]) -> str | None:
    """'minister of foreign affairs' -> 'foreign minister'; the phrase must end in a head."""
    units = _joined_portfolios(units)
    if units is None:
        return None
    if "of" in [kind for kind, _ in units]:
        at = [kind for kind, _ in units].index("of")
        before, after = units[:at], units[at + 1 :]
        if before and before[-1][0] == "head" and after and all(k == "portfolio" for k, _ in after):
            units = before[:-1] + after + [before[-1]]
        else:
            return None
    if not units or units[-1][0] != "head":
        return None
    if any(kind == "head" for kind, _ in units[:-1]):
        # "deputy prime minister" is one head; "president minister" is not a title
        leading = [canonical for kind, canonical in units[:-1] if kind == "head"]
        if any(word not in {"chief", "head", "vice president"} for word in leading):
            return None
    return " ".join(canonical for _, canonical in units)


def _joined_portfolios(units: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """'industry and trade' is one portfolio, in one order whichever way it is written
    ('trade and industry'); an 'and' between anything else is no title."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(units):
        kind, canonical = units[i]
        if kind == "and":
            return None
        if kind != "portfolio":
            out.append(units[i])
            i += 1
            continue
        joined = [canonical]
        while i + 2 < len(units) and units[i + 1][0] == "and" and units[i + 2][0] == "portfolio":
            joined.append(units[i + 2][1])
            i += 2
        out.append(("portfolio", " and ".join(sorted(set(joined)))))
        i += 1
    return out


def _entity_jurisdiction(entity: EntityMention, office: str) -> str | None:
    """Country or body an entity stands for; a city keeps its own name for local offices."""
    table = places()
    folded = fold(entity.text)
    if folded.startswith("the "):
        folded = folded[4:]
    if entity.label in {"GPE", "LOC", "FAC"} and office in LOCAL_OFFICES:
        return entity.key
    found = table.jurisdiction(entity.text)
    if found is not None:
        return found
    if entity.label == "NORP":
        return None  # party or group ("Republican"), not a jurisdiction
    return entity.key


def _coordinated_people(
    doc: Doc, covering: list[EntityMention | None], last: int
) -> list[EntityMention]:
    """'envoys A and B': the people joined to the first one by 'and' or commas."""
    people: list[EntityMention] = []
    j = last
    while j + 1 < len(doc) and doc[j].lower_ in {"and", ","}:
        j += 1
        if doc[j].lower_ == "and":
            j += 1
        entity = covering[j] if j < len(doc) else None
        if entity is None or entity.label != "PERSON":
            break
        people.append(entity)
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            break
        j = span.end
    return people


# --------------------------------------------------------------------------- possessors


def _resolve_possessors(
    titles: list[TitleMention], pending: list[tuple[TitleMention, EntityMention]]
) -> list[TitleMention]:
    """'Roe's chief of staff': the jurisdiction of Roe's own office, else Roe's name."""
    if not pending:
        return titles
    own: dict[str, str] = {}
    for title in titles:
        if title.jurisdiction:
            key = fold(title.person)
            own.setdefault(key, title.jurisdiction)
            own.setdefault(key.split()[-1], title.jurisdiction)
    replaced = {id(title): possessor for title, possessor in pending}
    out: list[TitleMention] = []
    for title in titles:
        possessor = replaced.get(id(title))
        if possessor is None:
            out.append(title)
            continue
        jurisdiction = own.get(possessor.key) or own.get(possessor.key.split()[-1]) or possessor.key
        out.append(dataclasses.replace(title, jurisdiction=jurisdiction))
    return out


def leader_titles(titles: list[TitleMention]) -> dict[str, TitleMention]:
    """Jurisdiction -> the current leader's title ('the Ruritanian leader' -> that person)."""
    leaders = offices().leaders
    out: dict[str, TitleMention] = {}
    for title in titles:
        if title.jurisdiction and title.office in leaders and title.status == "current":
            out.setdefault(title.jurisdiction, title)
    return out
