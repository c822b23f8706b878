"""One entity however the articles spell it.

People are matched on folded names (diacritics gone), transliteration variants of the surname
(fuzzy match when the first names agree), surname-only mentions (joined to the one full name they
fit), honorifics and office words in front of the name, and unambiguous descriptions ("the
Ostravian leader" -> the one person titled leader of Ostravia). Places go through the gazetteer so
"Türkiye" and "Turkey" are one place. Everything else is grouped by its folded name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from storylens.compare.offices import (
    HONORIFICS,
    LEADER_OFFICES,
    OFFICE_WORDS,
    office_family,
)
from storylens.compare.places import demonym_base, jurisdiction_key, normalize_place
from storylens.compare.text import fold, name_key, stable_id
from storylens.model import AnnotatedArticle, Entity, EntityTitle, TitleMention

SURNAME_SIMILARITY = 85.0  # spelling variants (Lukic / Lukitch) score above; other names far below
FIRST_NAME_SIMILARITY = 80.0
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TYPE_OF_LABEL = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place"}
_KEPT_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "EVENT"})


def person_tokens(text: str) -> tuple[str, ...]:
    """Name words without honorifics, office words, demonyms or suffixes in front/behind."""
    tokens = name_key(text).split()
    while tokens and (tokens[0] in HONORIFICS or tokens[0] in OFFICE_WORDS):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in {"jr", "sr", "ii", "iii"}:
        tokens = tokens[:-1]
    return tuple(tokens)


def display_name(text: str) -> str:
    """The name as written, minus leading honorifics and office words."""
    parts = text.replace("’s", "").replace("'s", "").split()
    while len(parts) > 1 and (
        name_key(parts[0]) in HONORIFICS or name_key(parts[0]) in OFFICE_WORDS
    ):
        parts = parts[1:]
    return " ".join(parts).strip(" ,.;:")


@dataclass
class _Person:
    """A growing cluster of spellings of one person."""

    first: str
    last: str
    spellings: Counter[str] = field(default_factory=Counter)
    tokens: set[tuple[str, ...]] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Resolver:
    """Maps names, keys and descriptions to entity ids for the rest of compare."""

    entities: tuple[Entity, ...]
    by_token_key: dict[tuple[str, ...], str]
    by_surname: dict[str, tuple[str, ...]]
    by_place: dict[str, str]
    by_key: dict[str, str]
    names: dict[str, str]
    titles_of: dict[str, tuple[EntityTitle, ...]]

    def person(self, text: str | None, article_id: str | None = None) -> str | None:
        """The person entity a name (or description) refers to, if it is unambiguous."""
        if not text:
            return None
        tokens = person_tokens(text)
        if not tokens:
            return None
        if tokens in self.by_token_key:
            return self.by_token_key[tokens]
        candidates = self.by_surname.get(tokens[-1], ())
        if len(candidates) == 1:
            return candidates[0]
        return self.describe(text)

    def describe(self, text: str) -> str | None:
        """'the Ostravian leader' -> the one person with a leader office of Ostravia."""
        tokens = name_key(text).split()
        if tokens and tokens[0] == "the":
            tokens = tokens[1:]
        if len(tokens) < 2:
            return None
        place = normalize_place(tokens[0])
        if place.kind not in {"country", "body"}:
            return None
        office = " ".join(tokens[1:])
        if office not in OFFICE_WORDS and office not in LEADER_OFFICES:
            return None
        matches = {
            entity_id
            for entity_id, titles in self.titles_of.items()
            for title in titles
            if jurisdiction_key(title.jurisdiction) == place.id
            and title.status in {None, "current", "elect", "acting"}
            and _office_fits(office, title.office)
        }
        return next(iter(matches)) if len(matches) == 1 else None

    def key(self, key: str, label: str | None = None) -> str | None:
        """The entity id of a normalised mention key (participants of events use keys)."""
        if label in _PLACE_LABELS or (label is None and key not in self.by_key):
            place = normalize_place(key)
            if place.id in self.by_place:
                return self.by_place[place.id]
        if key in self.by_key:
            return self.by_key[key]
        return self.person(key)

    def place(self, text: str) -> str:
        """A stable id for a place (entity id when the story names it as an entity)."""
        place = normalize_place(text)
        return self.by_place.get(place.id, place.id)

    def name(self, entity_id: str | None) -> str:
        return self.names.get(entity_id or "", entity_id or "someone")


def _office_fits(written: str, office: str | None) -> bool:
    if not office:
        return False
    if written == office or (written in LEADER_OFFICES and office_family(office) == "leader"):
        return True
    return office_family(written) == office_family(office) == "leader" and written in office


def _cluster_people(names: Iterable[tuple[str, str]]) -> list[_Person]:
    """Group (article id, name as written) into people: full names first, then surnames."""
    full: list[_Person] = []
    single: list[tuple[str, str, tuple[str, ...]]] = []
    for article_id, text in names:
        tokens = person_tokens(text)
        if not tokens:
            continue
        if len(tokens) == 1:
            single.append((article_id, text, tokens))
            continue
        person = _find_full(full, tokens)
        if person is None:
            person = _Person(first=tokens[0], last=tokens[-1])
            full.append(person)
        _add(person, article_id, text, tokens)
    loose: list[_Person] = []
    for article_id, text, tokens in single:
        person = _find_surname(full, tokens[0], article_id)
        if person is None:
            person = _find_surname(loose, tokens[0], article_id)
        if person is None:
            person = _Person(first="", last=tokens[0])
            loose.append(person)
        _add(person, article_id, text, tokens)
    return full + loose


def _add(person: _Person, article_id: str, text: str, tokens: tuple[str, ...]) -> None:
    person.spellings[display_name(text)] += 1
    person.tokens.add(tokens)
    person.articles.add(article_id)


def _similar(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return max(fuzz.ratio(a, b), fuzz.ratio(sound_key(a), sound_key(b))) >= threshold


# Letters that transliterations of one name swap ("Aleksandr"/"Alexandr", "Yelena"/"Elena",
# "Wiktor"/"Viktor", "Dmitriy"/"Dmitri"), in the order they are replaced.
_TRANSLITERATION = (("ks", "x"), ("ph", "f"), ("w", "v"), ("j", "y"), ("ye", "e"), ("y", "i"))
_DOUBLED = re.compile(r"(\w)\1+")


def sound_key(name: str) -> str:
    """A name with transliteration choices levelled, to compare two spellings of it."""
    key = name.lower()
    for written, said in _TRANSLITERATION:
        key = key.replace(written, said)
    return _DOUBLED.sub(r"\1", key)


def _first_names_agree(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return _similar(a, b, FIRST_NAME_SIMILARITY)


def _surnames(person: _Person) -> set[str]:
    return {person.last} | {tokens[-1] for tokens in person.tokens}


def _find_full(people: list[_Person], tokens: tuple[str, ...]) -> _Person | None:
    """The person whose first name agrees and one of whose surname spellings is close."""
    for person in people:
        if _first_names_agree(person.first, tokens[0]) and any(
            _similar(last, tokens[-1], SURNAME_SIMILARITY) for last in _surnames(person)
        ):
            return person
    return None


def _find_surname(people: list[_Person], surname: str, article_id: str) -> _Person | None:
    """The one person this surname fits: exact before fuzzy, same article breaks ties."""
    for matcher in (
        lambda p: surname in _surnames(p),
        lambda p: any(_similar(last, surname, SURNAME_SIMILARITY) for last in _surnames(p)),
    ):
        fits = [p for p in people if matcher(p)]
        if len(fits) == 1:
            return fits[0]
        here = [p for p in fits if article_id in p.articles]
        if len(here) == 1:
            return here[0]
        if fits:
            return None
    return None


def _tagged_person(text: str, label: str, people: dict[tuple[str, ...], str]) -> str | None:
    """The person a full name tagged as an organisation stands for, when the story names that
    person with these very words elsewhere (the tagger's slip on an unusual name)."""
    if label in _PLACE_LABELS:
        return None
    tokens = person_tokens(text)
    return people.get(tokens) if len(tokens) >= 2 else None


def _best_name(spellings: Counter[str]) -> str:
    """The fullest spelling most articles use; ties go to the plainer (ASCII) form."""
    return min(
        spellings,
        key=lambda s: (-len(s.split()), -spellings[s], not s.isascii(), s),
    )


def _title_records(
    titles: list[tuple[str, TitleMention]],
) -> tuple[EntityTitle, ...]:
    grouped: dict[tuple[str, str | None, str], list[tuple[str, TitleMention]]] = defaultdict(list)
    for article_id, title in titles:
        jurisdiction = jurisdiction_key(title.jurisdiction)
        grouped[(title.office, jurisdiction, title.status)].append((article_id, title))
    records = []
    for (office, _jurisdiction, status), items in grouped.items():
        texts = Counter(t.text for _, t in items)
        text = min(texts, key=lambda s: (-texts[s], s))
        records.append(
            EntityTitle(
                text=text,
                article_ids=tuple(sorted({a for a, _ in items})),
                office=office,
                jurisdiction=items[0][1].jurisdiction,
                status=status,
            )
        )
    return tuple(sorted(records, key=lambda r: (r.office or "", r.status or "", r.text)))


def _mostly_not_people(articles: list[AnnotatedArticle]) -> set[str]:
    """Names the story mostly tags as organisations or places: a stray PERSON tag is noise.
    A name given an office ('head of the board, Ana Vel') is a person's, whatever the tagger
    said of an unusual surname, so each title counts as a person tag."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for mention in article.entities:
            labels[name_key(mention.text)]["person" if mention.label == "PERSON" else "other"] += 1
        for title in article.titles:
            if title.person and len(title.person.split()) >= 2:
                labels[name_key(title.person)]["person"] += 1
    mostly_other = {key for key, count in labels.items() if count["other"] > count["person"]}
    return mostly_other | _names_with_a_demonym(articles, set(labels))


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _names_with_a_demonym(articles: list[AnnotatedArticle], keys: set[str]) -> set[str]:
    """One-word names the story also turns into an adjective ('Norvale', 'Norvalean troops'):
    a country's or a region's, which the tagger may take for a surname when no gazetteer
    knows it. A person's name has no demonym."""
    single = {key for key in keys if " " not in key}
    words = {name_key(w) for a in articles for w in _CAPITALISED_WORD.findall(a.article.text)}
    found = set()
    for word in words:
        base = demonym_base(word, single - {word})
        if base is not None:
            found.add(base)
    return found


def resolve_entities(articles: Iterable[AnnotatedArticle]) -> Resolver:
    """Cluster every person, place and organisation mention of the story into entities."""
    articles = list(articles)
    not_people = _mostly_not_people(articles)
    person_names: list[tuple[str, str]] = []
    for article in articles:
        person_names.extend(
            (article.id, m.text)
            for m in article.entities
            if m.label == "PERSON" and name_key(m.text) not in not_people
        )
        person_names.extend(
            (article.id, t.person)
            for t in article.titles
            if t.person and name_key(t.person) not in not_people
        )
    people = _cluster_people(sorted(person_names))

    by_token_key: dict[tuple[str, ...], str] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    person_entities: dict[str, _Person] = {}
    for person in people:
        name = _best_name(person.spellings)
        entity_id = stable_id("person", " ".join(person_tokens(name)))
        person_entities[entity_id] = person
        names[entity_id] = name
        for tokens in person.tokens:
            by_token_key[tokens] = entity_id
        for last in _surnames(person):
            if entity_id not in by_surname[last]:
                by_surname[last].append(entity_id)

    titles_by_entity: dict[str, list[tuple[str, TitleMention]]] = defaultdict(list)
    for article in articles:
        for title in article.titles:
            tokens = person_tokens(title.person)
            entity_id = by_token_key.get(tokens)
            if entity_id:
                titles_by_entity[entity_id].append((article.id, title))
    titles_of = {eid: _title_records(items) for eid, items in titles_by_entity.items()}

    entities: list[Entity] = []
    for entity_id, person in person_entities.items():
        aliases = sorted({s for s in person.spellings if s != names[entity_id]})
        entities.append(
            Entity(
                id=entity_id,
                name=names[entity_id],
                type="person",
                aliases=tuple(aliases),
                titles=titles_of.get(entity_id, ()),
                article_ids=tuple(sorted(person.articles)),
            )
        )

    by_place: dict[str, str] = {}
    by_key: dict[str, str] = {}
    other: dict[str, tuple[str, Counter[str], set[str]]] = {}
    for article in articles:
        for mention in article.entities:
            if mention.label not in _KEPT_LABELS or mention.label == "PERSON":
                continue
            person_id = _tagged_person(mention.text, mention.label, by_token_key)
            if person_id is not None:  # a full name the story gives a person elsewhere
                by_key.setdefault(mention.key or name_key(mention.text), person_id)
                continue
            if mention.label in _PLACE_LABELS:
                place = normalize_place(mention.text)
                group_key, entity_type = place.id, "place"
                name_hint = place.name if place.kind != "unknown" else None
            else:
                group_key = f"{mention.label}:{mention.key or name_key(mention.text)}"
                entity_type = "organization" if mention.label == "ORG" else mention.label.lower()
                name_hint = None
            if group_key not in other:
                other[group_key] = (entity_type, Counter(), set())
            other[group_key][1][name_hint or display_name(mention.text)] += 1
            other[group_key][2].add(article.id)
            by_key.setdefault(mention.key or name_key(mention.text), stable_id("entity", group_key))
    for group_key, (entity_type, spellings, article_ids) in other.items():
        entity_id = stable_id("entity", group_key)
        name = _best_name(spellings)
        names[entity_id] = name
        if entity_type == "place":
            by_place[group_key] = entity_id
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                type=entity_type,
                aliases=tuple(sorted(s for s in spellings if s != name)),
                article_ids=tuple(sorted(article_ids)),
            )
        )
    for tokens, entity_id in by_token_key.items():
        by_key.setdefault(" ".join(tokens), entity_id)

    resolver = Resolver(
        entities=tuple(sorted(entities, key=lambda e: (e.type, fold(e.name), e.id))),
        by_token_key=by_token_key,
        by_surname={k: tuple(v) for k, v in by_surname.items()},
        by_place=by_place,
        by_key=by_key,
        names=names,
        titles_of=titles_of,
    )
    return resolver
