"""Events (meetings, talks, visits, strikes ...) with who, where and when, read off the parse.

Attachment is kept strict on purpose: later stages tell two events apart by their
participants and places, so a place is attached only when a preposition or modifier ties it
to the trigger, or an 'in'/'at' ties it to the verb governing the trigger. The destination of
a motion verb ('travel to X for talks') belongs to the journey, not to the talks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storylens.annotate.coref import Resolver, subject_of
from storylens.annotate.entities import ACTOR_LABELS, PLACE_LABELS, entity_key
from storylens.annotate.lexicons import event_words, fold
from storylens.annotate.nlp import SentenceIndex
from storylens.model import DateMention, EntityMention, EventMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LOOSE_LOCATIVE = frozenset({"in", "near"})
NAME_TYPES = frozenset({"", "ORG", "FAC", "LOC", "GPE"})  # not a date, a number, a person
INSTITUTION_HEADS = frozenset(
    {
        "court",
        "parliament",
        "commission",
        "ministry",
        "council",
        "assembly",
        "senate",
        "congress",
        "committee",
        "bank",
        "agency",
        "university",
        "group",
        "party",
        "club",
        "office",
        "board",
    }
)
LOCATIVE = frozenset({"in", "at", "inside", "near", "outside", "on"})
DIRECTIONAL = frozenset({"to", "into"})
COMPANY = frozenset({"with", "between", "among", "of", "by", "against"})
MOTION_KINDS = frozenset({"visit"})
NEEDS_COMPANION = {
    "call": {"phone", "telephone", "video", "conference"},
    "address": {"televised", "national", "public", "inaugural", "keynote"},
}
# Decisions an institution takes where it sits: "the court in City ruled" says where.
SEATED_KINDS = frozenset({"ruling", "approval", "announcement"})
SEAT = frozenset({"in", "at"})
# Actions people take where they work or live: the place of those who act is the event's.
WORKPLACE_KINDS = frozenset({"strike", "protest"})
# Verbs that name a crash only with 'into': "slammed into a lorry", not "slammed the plan".
IMPACT_VERBS = frozenset({"smash", "slam", "plough", "plow", "ram", "crash"})
IMPACT_ONLY = frozenset(IMPACT_VERBS - {"crash"})
# Compass words: "four kilometres west of X", "north of X" say where, relative to X.
COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"north-east", "north-west", "south-east", "south-west", "outside"}
)
# "the town of X" names a settlement; "the state of X", "X province" a region around many.
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "capital", "municipality"})
REGION_NOUNS = frozenset(
    {"state", "province", "region", "county", "district", "canton", "prefecture", "oblast"}
)
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Decisions about another event ("agreed on Thursday to a ceasefire from Monday"): the decision
# has its own day, and what it sets in motion starts from another.
DECISION_KINDS = frozenset({"agreement", "signing", "announcement", "approval"})
# "a ceasefire from 6 a.m. on Monday": when what was decided starts.
BOUNDARY_PREPOSITIONS = frozenset({"from", "starting", "effective"})
# "1,523 cases by Sunday", "closed until Sunday": a deadline or an end, never the event's day.
DEADLINE_PREPOSITIONS = frozenset({"by", "until", "till", "since"})
# "agree" names an event only with what is agreed: "agreed to a truce", "agreed a deal",
# "agreed to meet"; "analysts agree that ..." is an opinion.
AGREEMENT_VERBS = frozenset({"agree"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "acomp", "dobj", "pobj", "prep"})


def extract_events(
    doc: Doc,
    sentences: SentenceIndex,
    resolver: Resolver,
    dates: list[DateMention],
) -> list[EventMention]:
    """One EventMention per trigger word, in text order."""
    date_roots = _date_roots(doc, dates)
    datelines = dateline_spans(doc.text)
    out: list[EventMention] = []
    for token in doc:
        kind = event_kind(token, resolver)
        if kind is None:
            continue
        if _said_to_come_next(token):
            kind = f"next {kind}"  # "at its next meeting", "when it next meets": another one
        governor = _governing_verb(token)
        if _inside(token.idx, datelines):
            continue
        participants = _participants(token, governor, resolver, datelines)
        places = [
            p for p in _places(token, kind, governor, resolver) if not _inside(p.start, datelines)
        ]
        decided = _decided_by(token, kind, governor, resolver)
        times = _times(
            token,
            governor,
            date_roots,
            datelines,
            decided=decided,
            decision=kind in DECISION_KINDS,
        )
        out.append(
            EventMention(
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                kind=kind,
                sentence=sentences.of(token.idx),
                participants=tuple(participants),
                places=tuple(places),
                times=tuple(times),
            )
        )
    return out


def event_kind(token: Token, resolver: Resolver) -> str | None:
    """The normalised event kind a word triggers, or None."""
    words = event_words()
    if resolver.mention_at(token) is not None:
        return None  # part of a name ("Peace Prize", "Victory Day")
    lemma = fold(token.lemma_)
    if token.pos_ == "NOUN" and _measured_level(token):
        return None  # "approval at 34 per cent", "support of 41%": a poll's measure
    if token.pos_ == "NOUN" or _nominal_adjective(token):
        modifier = next(
            (c for c in token.children if c.dep_ in {"compound", "amod"} and c.i == token.i - 1),
            None,
        )
        if modifier is not None:
            phrase = f"{fold(modifier.text)} {lemma}"
            if phrase in words.nouns:
                return words.nouns[phrase]
        if lemma in NEEDS_COMPANION:
            companions = {fold(c.text) for c in token.children}
            has_partner = any(
                c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in token.children
            )
            if not (companions & NEEDS_COMPANION[lemma] or has_partner):
                return None
        return words.nouns.get(lemma) or words.nouns.get(fold(token.text))
    if token.pos_ == "VERB":
        if token.dep_ == "amod":
            return None  # "newly elected", "the proposed summit": a modifier, not an event
        if lemma == "call":
            return None  # "call for", "call on", "called it": rarely a phone call
        if lemma in IMPACT_ONLY:
            return "crash" if _hits_into(token) else None
        if lemma in AGREEMENT_VERBS:
            return "agreement" if _agrees_to_something(token) else None
        phrasal = _phrasal_kind(token, lemma)
        if phrasal is not None:
            return phrasal
        if lemma in SPEAKING_VERBS and _speaks_to_the_press(token):
            return "press conference"  # "will speak to the media on Wednesday"
        return _object_verb_kind(token, lemma, resolver) or words.verbs.get(lemma)
    return None


def _measured_level(noun: Token) -> bool:
    """The noun is given a percentage ('approval at 34 per cent', 'approval of 41%') or heads
    a rating ('approval rating'): a level measured, not an event."""
    if noun.dep_ == "compound" and fold(noun.head.lemma_) in {"rating", "figure", "score"}:
        return True
    after = noun.doc[noun.i + 1 : noun.i + 5]
    if after and after[0].text == ":" and _holds_percentage(after):  # "Approval: 34%"
        return True
    holders = [noun]
    if noun.dep_ == "dobj":  # "put approval of the government at 34 per cent"
        holders.append(noun.head)
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in {"at", "of"}
        and any(t.dep_ == "pobj" and _holds_percentage(t.subtree) for t in prep.children)
        for holder in holders
        for prep in holder.children
    )


def _holds_percentage(tokens: Iterable[Token]) -> bool:
    return bool({fold(t.text) for t in tokens} & {"%", "percent", "cent"})


# Events a verb names only with its particle or object: "walked out", "walked off the job",
# "downed tools", "stopped work" are a strike; "walked" alone is not.
PHRASAL_EVENTS = {
    ("walk", "out"): "strike",
    ("walk", "off"): "strike",
    ("down", "tool"): "strike",
    ("stop", "work"): "strike",
    ("lay", "down"): "strike",
    ("break", "into"): "theft",  # "thieves broke into the museum"
}


SPEAKING_VERBS = frozenset({"speak", "talk"})
PRESS_WORDS = frozenset({"reporter", "journalist", "press", "medium", "media"})


def _speaks_to_the_press(verb: Token) -> bool:
    """'speak to the media', 'talked with reporters'."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in {"to", "with"}
        and any(c.dep_ == "pobj" and fold(c.lemma_) in PRESS_WORDS for c in child.children)
        for child in verb.children
    )


def _phrasal_kind(verb: Token, lemma: str) -> str | None:
    for child in verb.children:
        word = fold(child.lemma_) if child.dep_ == "dobj" else child.lower_
        if child.dep_ in {"prt", "prep", "dobj"} and (lemma, word) in PHRASAL_EVENTS:
            if (lemma, word) == ("lay", "down") and not _lays_down_tools(verb):
                continue
            return PHRASAL_EVENTS[(lemma, word)]
    return None


def _lays_down_tools(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and fold(c.lemma_) in {"tool", "tools"} for c in verb.children)


def _said_to_come_next(trigger: Token) -> bool:
    """'the next meeting', 'when the council next meets': the coming occasion of a series."""
    return any(c.dep_ in {"amod", "advmod"} and c.lower_ == "next" for c in trigger.children)


def _agrees_to_something(verb: Token) -> bool:
    """'agreed to a ceasefire', 'agreed a deal', 'agreed to meet', 'agreed on a plan'."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "dobj"}:
            return True
        if child.dep_ == "prep" and child.lower_ in {"to", "on", "upon"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if any(o.ent_type_ not in {"DATE", "TIME"} for o in objects):
                return True
    return False


def _hits_into(verb: Token) -> bool:
    """'smashed into a freight train': an impact, unlike 'slammed the decision'."""
    return any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children)


def _nominal_adjective(token: Token) -> bool:
    """'a medical in the capital': an adjective the parser left standing as a noun phrase."""
    return token.pos_ == "ADJ" and token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}


def _object_verb_kind(verb: Token, lemma: str, resolver: Resolver) -> str | None:
    """'confirmed the conviction', 'cleared the merger', 'admitted defeat', 'was unveiled':
    verbs that name an event only through what they act on."""
    entry = event_words().object_verbs.get(lemma)
    if entry is None:
        return None
    kind, objects = entry
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    wanted = {"nsubjpass"} if passive else {"dobj"}
    for child in verb.children:
        if child.dep_ not in wanted:
            continue
        for named in _object_words(child):
            if named in objects or event_words().nouns.get(named) in objects:
                return kind
        if "PERSON" in objects and _is_person(child, resolver):
            return kind
    return None


def _object_words(noun: Token) -> list[str]:
    """What an object names: its lemma, or the noun of 'a state of emergency'."""
    words = [fold(noun.lemma_)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            words.extend(fold(c.lemma_) for c in child.children if c.dep_ == "pobj")
    return words


def _is_person(token: Token, resolver: Resolver) -> bool:
    mention = resolver.mention_at(token)
    if mention is not None:
        return mention.label == "PERSON"
    return token.pos_ == "PRON" and token.lower_ in {"he", "she", "him", "her"}


# "arrested in X on Thursday over Monday's theft", "protested against the war": the verb
# before these is another event, its place and day not the noun's.
OTHER_EVENT_PREPOSITIONS = frozenset(
    {"over", "about", "after", "following", "despite", "amid", "against", "before", "since"}
)


def _governing_verb(trigger: Token) -> Token | None:
    """The verb a noun trigger hangs from: directly, or through one preposition."""
    if trigger.pos_ == "VERB":
        return trigger
    head = trigger.head
    if head.pos_ in {"VERB", "AUX"} and head.i != trigger.i:
        return head
    through = trigger.dep_ == "pobj" and head.dep_ == "prep"
    if through and head.lower_ not in OTHER_EVENT_PREPOSITIONS:
        return head.head if head.head.pos_ in {"VERB", "AUX"} else None
    return None


# --------------------------------------------------------------------------- participants


def _participants(
    trigger: Token, governor: Token | None, resolver: Resolver, datelines: list[tuple[int, int]]
) -> list[str]:
    keys: list[str] = []
    candidates: list[Token] = []
    motion = trigger.pos_ == "VERB" and _motion_verb(trigger)
    if trigger.pos_ == "VERB":
        subject = _event_subject(trigger)
        if subject is not None:
            candidates.append(subject)
        if trigger.dep_ == "xcomp":  # "urged X to meet": X meets too
            candidates.extend(c for c in trigger.head.children if c.dep_ == "dobj")
        for child in trigger.children:
            if child.dep_ in {"dobj", "dative"} and not motion:
                candidates.append(child)
                candidates.extend(
                    c for c in child.children if c.dep_ in {"nmod", "compound", "poss"}
                )
    else:
        for child in trigger.children:
            if child.dep_ in {"poss", "compound", "nmod", "amod"} and child.i < trigger.i:
                candidates.extend(t for t in child.subtree if not _is_place(t, resolver))
        if governor is not None and _is_light_use(trigger, governor):
            subject = _event_subject(governor)
            if subject is not None:
                candidates.append(subject)
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in COMPANY:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for candidate in candidates:
        for token in [candidate, *candidate.conjuncts]:
            if _inside(token.idx, datelines):
                continue
            key = _actor_key(token, resolver)
            if key and key not in keys:
                keys.append(key)
    return keys


def _is_place(token: Token, resolver: Resolver) -> bool:
    """'the Capital talks': a place before the trigger says where, not who."""
    mention = resolver.mention_at(token)
    return mention is not None and mention.label in PLACE_LABELS


def _is_light_use(noun: Token, verb: Token) -> bool:
    """'hold talks', 'travel for talks', 'prepare for the meeting': the subject takes part."""
    if fold(verb.lemma_) not in event_words().light_verbs:
        return False
    if noun.dep_ in {"dobj", "attr"} and noun.head == verb:
        return True
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in {"for", "to", "in"} and head.head == verb


def _event_subject(verb: Token) -> Token | None:
    """Subject of the verb or of the verb it depends on ('plans to travel', 'ready to meet')."""
    subject = subject_of(verb)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head  # "X, who met Y in Z": X meets
    if subject is not None:
        return subject
    token = verb
    for _ in range(5):
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
            if child.dep_ == "poss" and token.pos_ == "NOUN":
                return child  # "X's readiness to meet": X meets
    return None


def _actor_key(token: Token, resolver: Resolver) -> str | None:
    """The entity key of a participant: a name, a pronoun's person, 'the X leader'."""
    mention = resolver.mention_at(token)
    if mention is not None:
        if mention.label not in ACTOR_LABELS:
            return None
        referent = resolver.referent(token)
    elif token.pos_ == "PRON":
        referent = resolver.referent(token)
    elif token.pos_ == "NOUN":
        referent = resolver.described_leader(token)
    else:
        return None
    if referent is None or referent.mention is None:
        return None
    return referent.key or referent.mention.key


# --------------------------------------------------------------------------- places


def _places(
    trigger: Token, kind: str, governor: Token | None, resolver: Resolver
) -> list[EntityMention]:
    found: list[EntityMention] = []
    allowed = LOCATIVE | (DIRECTIONAL if kind in MOTION_KINDS else frozenset())
    _collect_places(trigger, allowed, resolver, found)
    for child in trigger.children:
        if child.dep_ in {"compound", "nmod", "amod"} and child.i < trigger.i:
            _add_place(child, resolver, found)
        if trigger.pos_ == "VERB" and kind in MOTION_KINDS and child.dep_ == "dobj":
            _add_place(child, resolver, found)
        # "crashed into X", "broke into X": where X stands is where it happened
        partners = {"with", "between"} | ({"into"} if kind in {"crash", "theft"} else set())
        if child.dep_ == "prep" and child.lower_ in partners:
            for partner in child.children:
                if partner.dep_ == "pobj":
                    _collect_places(partner, LOCATIVE, resolver, found)
    if trigger.pos_ == "VERB":  # "meet X in City" is often parsed as "X in City"
        for child in trigger.children:
            if child.dep_ == "dobj":
                _collect_places(child, LOCATIVE - {"on"}, resolver, found)
    if governor is not None and governor != trigger and not _motion_verb(governor):
        _collect_places(governor, LOCATIVE - {"on"}, resolver, found)
    if trigger.pos_ != "VERB":  # "a fire that broke out near X"
        for clause in trigger.children:
            if clause.dep_ in {"relcl", "acl"} and not _motion_verb(clause):
                _collect_places(clause, LOCATIVE - {"on"}, resolver, found)
    # "the court in City upheld", "dockworkers at the port of X walked out": where the actors
    # sit or work is where the event is.
    seated = trigger.pos_ == "VERB" and kind in SEATED_KINDS
    verb = trigger if trigger.pos_ == "VERB" else governor
    if (seated or kind in WORKPLACE_KINDS) and verb is not None:
        subject = subject_of(verb)
        if subject is not None and not _is_person(subject, resolver):
            _collect_places(subject, SEAT, resolver, found)
    return found


def _proper_name_place(token: Token) -> EntityMention | None:
    """The proper name a token ends ('Villa Los Norte') as a place mention of its own."""
    first = token
    while first.i > 0:
        before = token.doc[first.i - 1]
        if before.pos_ != "PROPN" or before.head.i != token.i or before.dep_ != "compound":
            break
        first = before
    if fold(token.text) in INSTITUTION_HEADS:
        return None  # "in the Supreme Court": a body, not a place
    start, end = first.idx, token.idx + len(token.text)
    text = token.doc.text[start:end]
    return EntityMention(start=start, end=end, text=text, label="LOC", key=entity_key(text, "LOC"))


def _motion_verb(verb: Token) -> bool:
    return event_words().verbs.get(fold(verb.lemma_)) in MOTION_KINDS


def _collect_places(
    node: Token,
    prepositions: frozenset[str],
    resolver: Resolver,
    found: list[EntityMention],
    depth: int = 0,
) -> None:
    for child in node.children:
        if child.lower_ in COMPASS and child.dep_ in {"advmod", "amod", "npadvmod", "prep"}:
            _add_compass_place(child, resolver, found)
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for target in child.children:
                if target.dep_ != "pobj":
                    continue
                loose = child.lower_ in LOOSE_LOCATIVE
                for token in [target, *target.conjuncts]:
                    _add_place(token, resolver, found, loose)
                if depth == 0 and resolver.mention_at(target) is None:
                    # "meet X in person in City": the place hangs off "person"
                    _collect_places(target, LOCATIVE - {"on"}, resolver, found, depth + 1)


def _add_compass_place(compass: Token, resolver: Resolver, found: list[EntityMention]) -> None:
    """'four kilometres west of X', 'outside X': X is where, give or take a few kilometres."""
    for child in compass.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for target in child.children:
                if target.dep_ == "pobj":
                    _add_place(target, resolver, found, loose=True)
        elif child.dep_ == "pobj" and compass.lower_ == "outside":
            _add_place(child, resolver, found, loose=True)


def _named_in_noun(noun: Token, resolver: Resolver) -> EntityMention | None:
    """'the town of X' is X; 'the state of X' and 'X state' are a region, kept with the noun
    so that the comparison knows it holds towns rather than stands apart from them."""
    lemma = fold(noun.lemma_)
    if lemma not in SETTLEMENT_NOUNS | REGION_NOUNS:
        return None
    name = None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            name = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "compound" and child.pos_ == "PROPN" and lemma in REGION_NOUNS:
            name = child
    if name is None or name.pos_ != "PROPN":
        return None
    if _is_person(name, resolver) and not _said_to_be_of(noun, name):
        return None
    if lemma in SETTLEMENT_NOUNS:
        return _proper_name_place(name)
    first = min(t.idx for t in name.subtree if t.dep_ == "compound" or t.i == name.i)
    start, end = min(noun.idx, first), max(noun.idx + len(noun), name.idx + len(name))
    text = noun.doc.text[start:end]
    return EntityMention(start=start, end=end, text=text, label="LOC", key=entity_key(text, "LOC"))


def _said_to_be_of(noun: Token, name: Token) -> bool:
    """'the province of X': X is a place, whatever the tagger took the name for."""
    return name.head.dep_ == "prep" and name.head.lower_ == "of" and name.head.head.i == noun.i


def _add_place(
    token: Token, resolver: Resolver, found: list[EntityMention], loose: bool = False
) -> None:
    """The place a token names, then the places it is said to lie in ('Porto, Portugal').

    ``loose``: after 'in'/'near' any proper name but a person's is a place, even one the
    parser left unlabelled or took for an organisation ('near Villa Norte', 'the court in Ost').
    """
    mention = resolver.mention_at(token)
    unlabelled = mention is None or mention.label == "ORG"
    if loose and token.pos_ == "PROPN" and unlabelled and token.ent_type_ in NAME_TYPES:
        named = _proper_name_place(token)
        if named is not None and named not in found:
            found.append(named)
        return
    if mention is not None and mention.label in PLACE_LABELS:
        if mention not in found:
            found.append(mention)
        for child in token.children:
            if child.dep_ in {"appos", "poss", "npadvmod"}:
                container = resolver.mention_at(child)
                is_place = container is not None and container.label in PLACE_LABELS
                if is_place and container not in found:
                    found.append(container)
            if child.dep_ == "prep" and child.lower_ == "in" and mention.label == "FAC":
                for target in child.children:  # "the X Park in Y province": Y holds it
                    if target.dep_ == "pobj":
                        _add_place(target, resolver, found)
        return
    if mention is None and token.pos_ == "NOUN":
        named = _named_in_noun(token, resolver)
        if named is not None:
            if named not in found:
                found.append(named)
            return
        for child in token.children:  # "Country's capital City" / "the city of X"
            if child.dep_ in {"appos", "compound"} or (
                child.dep_ == "prep" and child.lower_ == "of"
            ):
                target = (
                    child
                    if child.dep_ != "prep"
                    else next((c for c in child.children if c.dep_ == "pobj"), None)
                )
                if target is not None:
                    inner = resolver.mention_at(target)
                    if inner is not None and inner.label in PLACE_LABELS and inner not in found:
                        found.append(inner)


# --------------------------------------------------------------------------- times


def _date_roots(doc: Doc, dates: list[DateMention]) -> list[tuple[Token, DateMention]]:
    roots: list[tuple[Token, DateMention]] = []
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            roots.append((span.root, mention))
    return roots


# "a strike that ended on Saturday", "the talks concluded on Friday": the day an event ends
# is not the day it is told to happen (or begin).
END_VERBS = frozenset({"end", "conclude", "finish", "wrap", "close"})

ONSETS = frozenset({"begin", "start", "resume", "launch", "commence"})

# "reopened on Friday after the summit": the day is of what happened after it.
TEMPORAL_RELATIONS = frozenset({"after", "before", "since", "following", "until", "till"})


def _timed_against(trigger: Token) -> bool:
    """The event is named only as a point in time for its governing verb's own event."""
    head = trigger.head
    if trigger.dep_ != "pobj" or head.dep_ != "prep":
        return False
    return head.lower_ in TEMPORAL_RELATIONS or (
        head.lower_ == "of" and head.head.lower_ == "ahead"
    )


def _decided_by(
    trigger: Token, kind: str, governor: Token | None, resolver: Resolver
) -> Token | None:
    """The decision verb a noun event hangs from ('agreed to a ceasefire'), if any."""
    if governor is None or governor.i == trigger.i or kind in DECISION_KINDS:
        return None
    return governor if event_kind(governor, resolver) in DECISION_KINDS else None


def _times(
    trigger: Token,
    governor: Token | None,
    date_roots: list[tuple[Token, DateMention]],
    datelines: list[tuple[int, int]],
    decided: Token | None = None,
    decision: bool = False,
) -> list[DateMention]:
    """Times said of the event. Of a decided event ('agreed on Thursday to a ceasefire from
    Monday') the decision's day is not its own, the bound it is given is; a decision takes
    no bound ('from Monday') of what it decides."""
    targets = {trigger.i}
    lends_time = decided is None and not _timed_against(trigger)
    if governor is not None and lends_time and fold(governor.lemma_) not in END_VERBS:
        targets.add(governor.i)
    if trigger.pos_ != "VERB":  # "a fire that broke out on Tuesday", "results published Monday"
        targets.update(
            c.i
            for c in trigger.children
            if c.dep_ in {"relcl", "acl"} and fold(c.lemma_) not in END_VERBS
        )
    if trigger.pos_ == "VERB" and trigger.dep_ == "xcomp" and fold(trigger.head.lemma_) in ONSETS:
        targets.add(trigger.head.i)  # "begin patrolling tomorrow": the start is its time
    anchor = _when_anchor(trigger)  # "ten were hurt on May 3 when the trains collided"
    if anchor is not None:
        targets.add(anchor.i)
    found: list[DateMention] = []
    for root, mention in date_roots:
        if abs(root.i - trigger.i) > 40 or _inside(mention.start, datelines):
            continue
        if anchor is not None and root.i == anchor.i:  # "on May 3, when ...": that day
            found.append(mention)
            continue
        if _just_before_when(trigger, mention) or _right_after(trigger, mention):
            found.append(mention)
            continue
        token, bounded = root, False
        for _ in range(5):
            if token.lower_ in DEADLINE_PREPOSITIONS and token.dep_ == "prep":
                break
            bounded = bounded or token.lower_ in BOUNDARY_PREPOSITIONS
            head = token.head
            if head.i == token.i:
                break
            if head.i in targets and not (decision and bounded and head.i == trigger.i):
                found.append(mention)
                break
            if decided is not None and head.i == decided.i and bounded:
                found.append(mention)  # "agreed to a ceasefire from Monday": its start
                break
            if head.pos_ in {"VERB", "AUX"}:
                break  # another clause
            token = head
    return found


def _when_anchor(verb: Token) -> Token | None:
    """A 'when' clause happens at the time of what it hangs from: the clause it modifies
    ('were hurt on May 3 when ...') or the date itself, as the parser often has it."""
    if verb.pos_ != "VERB" or verb.dep_ not in {"advcl", "relcl"} or verb.head.i == verb.i:
        return None
    if any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return verb.head
    return None


_APPOSED_TIME = re.compile(r"^,\s*(?:on|in)?\s*$")


def _right_after(trigger: Token, mention: DateMention) -> bool:
    """'at its next meeting, on 18 October': a date set right after a noun event is its day,
    wherever the parser hung it."""
    if trigger.pos_ == "VERB" or mention.start < trigger.idx:
        return False
    between = trigger.doc.text[trigger.idx + len(trigger.text) : mention.start]
    return len(between) <= 6 and bool(_APPOSED_TIME.match(between))


_PART_OF_DAY = re.compile(r"^(?:\s+(?:morning|afternoon|evening|night))?,?\s+$")


def _just_before_when(verb: Token, mention: DateMention) -> bool:
    """'... yesterday morning when the trains collided': the date right before the 'when' of
    the event's clause is its time, however the parser attached the clause."""
    when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None or verb.pos_ != "VERB" or mention.end > when.idx:
        return False
    return bool(_PART_OF_DAY.match(verb.doc.text[mention.end : when.idx]))


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’/-]+,[^\n]{0,40}?(?:\([^)\n]{1,40}\)\s*)?[-–—]", re.MULTILINE
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """'CITY, March 20 (Agency) –': where and when the page was filed, not an event's place,
    time or participant."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
