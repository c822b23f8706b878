"""Titles and offices attached to people, normalised into office + jurisdiction + status.

Three written forms are read off the tokens around each PERSON mention:
  before the name   "former U.S. President Jane Roe", "Ruritania's foreign minister Jo Bloggs"
  after the name    "Jo Bloggs, the country's foreign minister," "Jo Bloggs, a former senator,"
  possessive        "Roe's chief of staff, Jo Bloggs" (jurisdiction from Roe's own title)
  a verb of office  "Jo Bloggs, who chairs the Harbour Board," / "Jo Bloggs heads the agency"
A body written before the title ("Kingsbridge chief executive", "commission chairman") is the
title's jurisdiction, whatever the recogniser called it. Only general vocabulary is used
(offices.json, places.json): any office, any country.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.annotate.entities import normalize_name
from storylens.annotate.lexicons import fold, office_words, offices, places
from storylens.model import EntityMention, TitleMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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


def extract_titles(doc: Doc, mentions: list[EntityMention]) -> list[TitleMention]:
    """Every title the article gives a named person, in text order."""
    covering = token_entities(doc, mentions)
    found: list[TitleMention] = []
    pending_possessive: list[tuple[TitleMention, EntityMention]] = []
    for person in mentions:
        if person.label != "PERSON":
            continue
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            continue
        for title, parsed in _titles_for(doc, covering, person, span.start, span.end):
            if parsed.possessor is not None and parsed.possessor.label == "PERSON":
                pending_possessive.append((title, parsed.possessor))
            found.append(title)
    found.extend(verb_titles(doc, covering))
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
    items = _collect_backward(doc, covering, i)
    for cut in range(len(items)):
        suffix = items[cut:]
        if suffix[0].kind == "poss" or (suffix[0].kind == "word" and suffix[0].word in {"of", "-"}):
            continue
        if comma and not _has_possessor_or_determiner(doc, suffix):
            continue
        parsed = _parse(suffix)
        if parsed is not None:
            return suffix[0].start_token, suffix[-1].end_token, parsed
    return None


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
        if items and (body := _body_ending_at(doc, covering, i)) is not None:
            start, mention = body
            items.insert(0, _Item("entity", start, i + 1, entity=mention))
            i = start - 1
            continue
        break
    return items


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
    while (
        first - 1 >= 0
        and last - first + 1 < MAX_BODY_WORDS
        and covering[first - 1] is None
        and _is_name_word(doc[first - 1])
    ):
        first -= 1
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


# --------------------------------------------------------------------------- after the name


def _title_after(
    doc: Doc, covering: list[EntityMention | None], last: int
) -> tuple[int, int, _Parsed] | None:
    """'X, the country's foreign minister,' / 'X, a former senator,' / 'X, CEO of Y,'."""
    if last >= len(doc) or doc[last].text != ",":
        return None
    j = last + 1
    if j < len(doc) and doc[j].lower_ in DETERMINERS:
        j += 1
    start = j
    items = _collect_forward(doc, covering, j)
    if not items:
        return None
    end = items[-1].end_token
    of_place = None
    if end + 1 < len(doc) and doc[end].lower_ in {"of", "for", "to", "at", "in"}:
        entity = covering[end + 1]
        if entity is not None and entity.label in {"GPE", "ORG", "NORP", "LOC", "FAC"}:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is not None:
                of_place = entity
                end = span.end
        elif (body := _body_starting_at(doc, covering, end + 1)) is not None:
            end, of_place = body  # "chairman of the commission"
    if end < len(doc) and doc[end].lower_ not in APPOSITION_ENDS and not doc[end].is_punct:
        return None
    parsed = _parse(items)
    if parsed is None:
        return None
    if of_place is not None and parsed.jurisdiction is None:
        jurisdiction = _entity_jurisdiction(of_place, parsed.office)
        parsed = _Parsed(parsed.office, parsed.status, jurisdiction, None, parsed.plural)
    return start, end, parsed


def _collect_forward(doc: Doc, covering: list[EntityMention | None], j: int) -> list[_Item]:
    words = office_words()
    items: list[_Item] = []
    while j < len(doc):
        token = doc[j]
        if token.is_space or "\n" in token.text:
            break
        entity = covering[j]
        if entity is not None:
            if entity.label == "PERSON":
                break
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
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
        if not items and (body := _body_starting_at(doc, covering, j)) is not None:
            end, mention = body  # "X, the commission chairman,"
            items.append(_Item("entity", j, end, entity=mention))
            j = end
            continue
        break
    return items


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


def verb_titles(doc: Doc, covering: list[EntityMention | None]) -> list[TitleMention]:
    """'X, who chairs the Y,' / 'X heads the Y' / 'X has led the Y since 2020': an office said
    with a verb in the present, held by a named person over a named or generic body."""
    verbs = offices().verbs
    found = []
    for token in doc:
        office = verbs.get(token.lemma_.lower())
        if office is None or token.pos_ != "VERB" or not _holds_now(token):
            continue
        person = _verb_holder(token, covering)
        body = _governed_body(doc, covering, token)
        if person is None or body is None:
            continue
        end, mention = body
        parsed = _Parsed(
            office=office,
            status="current",
            jurisdiction=_entity_jurisdiction(mention, office),
            possessor=None,
            plural=False,
        )
        found.append(_title(doc, token.i, end, person, parsed))
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


def _verb_holder(verb: Token, covering: list[EntityMention | None]) -> EntityMention | None:
    """The named person who is the verb's subject, through 'who' in 'X, who chairs'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        subject = verb.head
    entity = covering[subject.i]
    return entity if entity is not None and entity.label == "PERSON" else None


def _governed_body(
    doc: Doc, covering: list[EntityMention | None], verb: Token
) -> tuple[int, EntityMention] | None:
    """The body the verb governs ('chairs the commission', 'presides over the court'), as an
    ORG mention ending at the returned token; None when the object names no body."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "over"):
        objects.extend(c for c in prep.children if c.dep_ == "pobj")
    if not objects:
        return None
    head = objects[0]
    entity = covering[head.i]
    if entity is not None:
        if entity.label == "PERSON" and not _possessed(head):
            return None
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            return None
        if head.i >= span.end - 1:
            return span.end, _as_body(entity)
    bodies = offices().bodies
    if not (fold(head.text) in bodies or _is_name_word(head)):
        return None  # 'leads the talks', 'runs a bakery in town'
    first = head.left_edge.i
    while first < head.i and doc[first].pos_ in {"DET", "PRON"}:
        first += 1
    return head.i + 1, _synthetic_body(doc, first, head.i + 1)


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
