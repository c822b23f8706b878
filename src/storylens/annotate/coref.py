"""Who a subject refers to: a named mention, a pronoun, or a description like 'the X leader'.

Deliberately small: pronouns go to the most recent person outside quotation marks (the
subject of a sentence preferred), and 'the <demonym> leader' goes to the person whose title
is a leading office of that jurisdiction. That covers how news names speakers.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storylens.annotate.entities import fullest_names
from storylens.annotate.lexicons import fold, offices, places
from storylens.annotate.nlp import SentenceIndex
from storylens.annotate.titles import leader_titles
from storylens.model import EntityMention, TitleMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
# "they" is left unresolved: it names groups far more often than one person, and a wrong
# speaker is worse than none.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Referent:
    """What a subject names: the mention standing for it, the span that names it, a name."""

    mention: EntityMention | None
    start: int
    end: int
    name: str
    key: str


class Resolver:
    """Resolves subjects to entities within one article."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[EntityMention],
        titles: list[TitleMention],
        sentences: SentenceIndex,
        quoted: list[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.sentences = sentences
        self.quoted = sorted(quoted)
        self.mentions = [m for m in mentions if not self.in_quote(m.start)]
        self.persons = [m for m in self.mentions if m.label == "PERSON"]
        self._person_starts = [m.start for m in self.persons]
        self.fullest = fullest_names(mentions)
        self.leaders = leader_titles(titles)
        self._token_mention: dict[int, EntityMention] = {}
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self._token_mention[i] = m

    def in_quote(self, offset: int) -> bool:
        index = bisect_left(self.quoted, (offset + 1, 0)) - 1
        return index >= 0 and self.quoted[index][0] <= offset < self.quoted[index][1]

    def mention_at(self, token: Token) -> EntityMention | None:
        return self._token_mention.get(token.i)

    def referent(self, token: Token) -> Referent | None:
        """The entity a subject token stands for, or None when it cannot be told."""
        mention = self.mention_at(token)
        if mention is not None and mention.label in SPEAKER_LABELS:
            return self._named(mention)
        if token.lower_ in PERSONAL_PRONOUNS:
            antecedent = self.antecedent(token.idx)
            if antecedent is None:
                return None
            full = self.fullest.get(antecedent.key, antecedent)
            return Referent(antecedent, token.idx, token.idx + len(token.text), full.text, full.key)
        inner = self._person_in_subtree(token)
        if inner is not None:
            return self._named(inner)
        described = self.described_leader(token)
        if described is not None:
            return described
        other = self._entity_in_subtree(token)
        return self._named(other) if other is not None else None

    def _named(self, mention: EntityMention) -> Referent:
        full = self.fullest.get(mention.key, mention) if mention.label == "PERSON" else mention
        return Referent(mention, mention.start, mention.end, full.text, full.key)

    def _person_in_subtree(self, token: Token) -> EntityMention | None:
        """'Roe's adviser, Jo Bloggs': the apposed name first, a possessor never."""
        for child in token.children:
            mention = self.mention_at(child)
            if child.dep_ == "appos" and mention is not None and mention.label == "PERSON":
                return mention
        # "Leader of the Official Opposition Derek Halvorsen said": a title's name may come
        # after the body it is of.
        stops = {"relcl", "acl", "poss", "prep", "appos"}
        if fold(token.lemma_) in offices().heads:
            stops = stops - {"prep"}
        for child in token.subtree:
            if child.dep_ in stops and child.i != token.i:
                break
            mention = self.mention_at(child)
            if mention is not None and mention.label == "PERSON":
                return mention
        return None

    def _entity_in_subtree(self, token: Token) -> EntityMention | None:
        for child in token.subtree:
            mention = self.mention_at(child)
            if mention is not None and mention.label in {"ORG", "GPE"}:
                return mention
        return None

    def antecedent(self, offset: int) -> EntityMention | None:
        """The person a pronoun at ``offset`` most likely means.

        Walking back sentence by sentence: the subject of the sentence wins, else the last
        person named in it; people named inside quotation marks are never antecedents.
        """
        current = self.sentences.of(offset)
        for index in range(current, max(current - 4, -1), -1):
            sentence = self.sentences.sentences[index] if self.sentences.sentences else None
            if sentence is None:
                break
            stop = min(sentence.end, offset)
            candidates = [m for m in self.persons if sentence.start <= m.start and m.end <= stop]
            if index == current:  # in its own sentence only a subject before it is likely
                candidates = [m for m in candidates if self._salience(m) >= 2]
            if not candidates:
                continue
            return max(candidates, key=lambda m: (self._salience(m), -m.start))
        index = bisect_left(self._person_starts, offset) - 1
        return self.persons[index] if index >= 0 else None

    def _salience(self, mention: EntityMention) -> int:
        """Subject 3, possessor of the subject ('X's plan was ...') 2, anything else 1."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return 0
        root = span.root
        while root.dep_ in {"compound", "appos", "conj"} and root.head.i != root.i:
            root = root.head
        if root.dep_ in SUBJECT_DEPS:
            return 3
        if root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS:
            return 2
        return 1

    def described_leader(self, token: Token) -> Referent | None:
        """'the Ruritanian leader' -> the person titled as a leader of Ruritania."""
        head = token
        if fold(head.lemma_) not in offices().leaders and fold(head.text) not in offices().leaders:
            return None
        jurisdiction = None
        for child in head.children:
            if child.dep_ in {"amod", "compound", "poss", "nmod"}:
                found = places().jurisdiction(child.text)
                if found:
                    jurisdiction = found
        if jurisdiction is None or jurisdiction not in self.leaders:
            return None
        title = self.leaders[jurisdiction]
        start = min(t.idx for t in token.subtree)
        end = max(t.idx + len(t.text) for t in token.subtree)
        person = next((m for m in self.persons if m.start == title.person_start), None)
        if person is None:
            return None
        full = self.fullest.get(person.key, person)
        return Referent(person, start, end, full.text, full.key)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through coordinated and subordinate verbs."""
    current = _main_clause_for_participle(verb)
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        for child in current.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if current.dep_ in {"conj", "advcl", "xcomp", "ccomp", "relcl", "acl"}:
            if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
                return current.head
            current = current.head
            continue
        break
    return None


def _main_clause_for_participle(verb: Token) -> Token:
    """', adding that ...' / ', claiming that ...': a participle after a comma describes the
    subject of the main clause, however the parser attached it."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return verb
    if any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return verb
    root = verb
    while root.head.i != root.i:
        root = root.head
    return root
