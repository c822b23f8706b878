"""Events across articles: the same event given incompatible places or dates.

Two mentions are one event when their kinds belong to one group (talks, meeting, summit ...) and
they name the same participants. A mention that names fewer than two participants ("the talks")
takes them from the nearest earlier mention of that kind group in its article, the way a reader
resolves a definite description. A mention that fits two different events is left out: two
different events are never a conflict, and it is better to miss a conflict than to invent one.
Past occasions ("the last time they met, in 2019") are set apart from the one being reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from storylens.annotate.lexicons import event_words, fold
from storylens.compare.context import Draft, Observation, StoryContext, ValueGroup, group_values
from storylens.compare.dates import (
    MONTH_NUMBERS,
    DateReading,
    dates_clash,
    long_date,
    parse_iso_date,
    read_date,
    read_day_word,
)
from storylens.compare.places import Place, normalize_place
from storylens.compare.text import join_names, make_span, name_key, sentence_bounds
from storylens.model import AnnotatedArticle, DateMention, EntityMention, EventMention

KIND_GROUPS = {
    "meeting": "meeting",
    "meet": "meeting",
    "talks": "meeting",
    "talk": "meeting",
    "summit": "summit",
    "negotiation": "meeting",
    "negotiations": "meeting",
    "negotiate": "meeting",
    "discussion": "meeting",
    "discussions": "meeting",
    "discuss": "meeting",
    "dialogue": "meeting",
    "encounter": "meeting",
    "peace talks": "meeting",
    "visit": "visit",
    "trip": "visit",
    "travel": "visit",
    "tour": "visit",
    "journey": "visit",
}
_PAST_CUE = re.compile(
    r"\b(last|previous|previously|earlier|ago|once|formerly)\b(?![-‐‑])", re.IGNORECASE
)
_FUTURE_CUE = re.compile(
    r"\b(will|would|upcoming|plans?|planned|planning|set to|expected|scheduled|due|proposed|"
    r"prepar\w*|aims?|intends?|intention|to meet|to travel|ready to|open to|could|might|"
    r"(?-i:may))\b",  # 'may', never the month 'May'
    re.IGNORECASE,
)
# Kinds of event a person repeats (meets, travels, calls, speaks): an event of one of these
# is only identified by at least two participants.
REPEATABLE = frozenset(
    {
        "meeting",
        "visit",
        "call",
        "speech",
        "press conference",
        "conference",
        "statement",
        "interview",
    }
)
# Kinds of event a story has one of, whoever is named with it: the court's ruling, the
# regulator's approval, the fire. Mentions naming at most one participant are that one event.
ONCE_PER_STORY = frozenset(
    {
        "ruling",
        "approval",
        "fire",
        "outbreak",
        "earthquake",
        "flood",
        "storm",
        "explosion",
        "eruption",
        "landslide",
        "coup",
        "crash",
        "theft",  # the break-in the story is about; an earlier one has its year or 'last'
        "summit",  # many leaders at one table: who is named with it does not make another
        "rate rise",  # a central bank's decision of the day
        "rate cut",
        "rate hold",
        "next meeting",  # the coming meeting of a council or a board
    }
)
# What happens to many people in one story, each their own: the rescue of one named girl is
# not the rescue of "her parents" told in the next sentence.
MANY_PEOPLE_EACH = frozenset({"rescue", "arrest", "death", "killing", "evacuation"})
# Of these (a fire, a flood) nobody is a participant: whoever is named near the word (a fire
# chief, a village) does not make it another event.
WITHOUT_PARTICIPANTS = frozenset(ONCE_PER_STORY - {"ruling", "approval"})
# A company has many plants: two mentions of "the plant" are one only in two tellings of one
# sentence (a rewrite that moved it), not anywhere in the story.
TOLD_APART_BY_ALIGNMENT = frozenset({"facility"})
PLACE_CONFIDENCE_KNOWN = 0.8
PLACE_CONFIDENCE_UNKNOWN = 0.6


@dataclass
class EventUse:
    """One event mention, with participants resolved to entity ids."""

    article: AnnotatedArticle
    mention: EventMention
    group: str
    participants: frozenset[str]
    inherited: bool = False
    lent_places: tuple[EntityMention, ...] = ()  # from a trip whose purpose this event is

    @property
    def places(self) -> tuple[EntityMention, ...]:
        return self.mention.places + self.lent_places

    @property
    def sentence_text(self) -> str:
        start, end = sentence_bounds(self.article, self.mention.start)
        return self.article.article.text[start:end]


@dataclass
class Event:
    """One event across articles: its participants and every mention of its current occasion."""

    id: str
    group: str
    participants: frozenset[str]
    label: str = ""
    uses: list[EventUse] = field(default_factory=list)
    past: list[EventUse] = field(default_factory=list)

    def families(self, context: StoryContext) -> int:
        return context.families(u.article.id for u in self.uses)


def _told_by_noun(use: EventUse) -> bool:
    """The mention's trigger is an event noun ('the rescue'), not a verb ('were rescued')."""
    return fold(use.mention.text) in event_words().nouns


def _refers_back(use: EventUse) -> bool:
    """An unnamed mention is the event just told, but for what happens to many people each:
    there only the noun refers back ('the rescue took 31 hours'); a verb tells another
    ('her parents were rescued on Tuesday')."""
    return use.group not in MANY_PEOPLE_EACH or _told_by_noun(use)


def people_who_resigned(events: list[Event]) -> frozenset[str]:
    """People the story says resigned ('X resigned', 'X quit'): a verb said of them, not the
    noun ('accepted X's resignation' would count the one who accepted it too). Calling them
    'former' after that is no contradiction of the pages that called them the holder."""
    return frozenset(
        person
        for event in events
        if event.group == "resignation"
        for use in event.uses
        if not _told_by_noun(use)
        for person in use.participants
    )


def kind_group(kind: str) -> str:
    key = kind.strip().lower()
    return KIND_GROUPS.get(key, key)


def _participants(context: StoryContext, article: AnnotatedArticle, mention: EventMention) -> set:
    places = set(context.resolver.by_place.values())
    found = set()
    for key in mention.participants:
        entity_id = context.resolver.key(key)
        if entity_id and entity_id not in places:  # a dateline or a venue is not a participant
            found.add(entity_id)
    return found


_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,\s*$")


def event_times(use: EventUse) -> tuple[DateMention, ...]:
    """The event's times without a dateline ('LISBON, March 20 (Agency) –' dates the page)."""
    text = use.article.article.text
    kept = []
    for time in use.mention.times:
        line_start = text.rfind("\n", 0, time.start) + 1
        after = text[time.end : time.end + 4].lstrip()
        if _DATELINE.match(text[line_start : time.start]) and after[:1] in {"(", "-", "–", "—"}:
            continue
        kept.append(time)
    return tuple(kept)


def is_past_occasion(use: EventUse, frame_year: int | None, trusted: bool = True) -> bool:
    """'The last time they met', or a year before the story's: another occasion.

    A year the article's date stamp lent ('March 18' on a page stamped 1998) says nothing
    when that stamp is doubtful; a year written out always does.
    """
    readings = [r for t in use.mention.times if (r := read_date(t))]
    readings = [r for r in readings if trusted or written_year(r)]
    if frame_year and any(r.year and r.year < frame_year for r in readings):
        return True
    return bool(_PAST_CUE.search(_RECENT_DAY.sub(" ", _around_trigger(use))))


# "last week's summit", "earlier this week", "two days ago": when this occasion was, not
# another one (a year back is another occasion, and the year says so).
_RECENT_DAY = re.compile(
    r"\b(?:last|past|previous)\s+(?:week|weekend|night|month|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b|\bearlier\s+(?:this|that|today|on)\b"
    r"|\b(?:\w+|\d+)\s+(?:hours|days|weeks)\s+ago\b",
    re.IGNORECASE,
)

# How far from its trigger a cue such as 'last' or 'previous' still speaks of that event:
# "Last week's summit", "the last time they met", "met last year"; not "attacks last winter"
# at the other end of a long sentence.
CUE_BEFORE, CUE_AFTER = 60, 25


def _around_trigger(use: EventUse) -> str:
    start, end = sentence_bounds(use.article, use.mention.start)
    text = use.article.article.text
    lo = max(start, use.mention.start - CUE_BEFORE)
    hi = min(end, use.mention.end + CUE_AFTER)
    return text[lo:hi]


def is_future(use: EventUse) -> bool:
    """Described as still to come ('will meet', 'upcoming talks', 'plans to')."""
    return bool(_FUTURE_CUE.search(use.sentence_text))


def collect_uses(context: StoryContext) -> list[EventUse]:
    """Every event mention with its participants resolved to entity ids, in text order."""
    uses: list[EventUse] = []
    for article in context.articles:
        mentions = sorted(article.events, key=lambda m: (m.start, m.end))
        article_uses = [
            EventUse(
                article,
                mention,
                kind_group(mention.kind),
                frozenset()
                if kind_group(mention.kind) in WITHOUT_PARTICIPANTS
                else frozenset(_participants(context, article, mention)),
            )
            for mention in mentions
        ]
        _lend_purpose_places(article_uses)
        uses.extend(article_uses)
    return uses


_PURPOSE_LINK = re.compile(r"^[^.;:!?]{0,60}\b(?:for|to)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _lend_purpose_places(uses: list[EventUse]) -> None:
    """'travel to X for talks with Y' and 'fly to X to meet Y': the talks are in X too."""
    for index, trip in enumerate(uses):
        if trip.group != "visit" or not trip.mention.places:
            continue
        text = trip.article.article.text
        for purpose in uses[index + 1 :]:
            if purpose.mention.sentence != trip.mention.sentence:
                break
            if purpose.group == "visit":
                continue
            between = text[trip.mention.end : purpose.mention.start]
            lend = purpose.group == "meeting" and not purpose.mention.places
            if lend and _PURPOSE_LINK.match(between):
                purpose.lent_places = tuple(
                    p for p in trip.mention.places if p.start < purpose.mention.start
                )
            break


def _new_event(context: StoryContext, group: str, participants: frozenset[str]) -> Event:
    event_id = f"{group}|" + "|".join(sorted(participants))
    names = sorted(context.resolver.name(p) for p in participants)
    return Event(event_id, group, participants, label=join_names(names))


@dataclass
class _Catalogue:
    """Events known so far, and which articles and families name each of them."""

    context: StoryContext
    events: dict[tuple[str, frozenset[str]], Event] = field(default_factory=dict)
    articles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def get(self, group: str, participants: frozenset[str]) -> Event:
        key = (group, participants)
        if key not in self.events:
            self.events[key] = _new_event(self.context, group, participants)
        return self.events[key]

    def unnamed(self, group: str, anchor: str) -> Event:
        """An event nobody is named with, told apart from the group's others by where it was
        first told (its anchor)."""
        key = (group, frozenset({f"@{anchor}"}))
        if key not in self.events:
            self.events[key] = Event(f"{group}|@{anchor}", group, frozenset())
        return self.events[key]

    def in_group(self, group: str) -> list[Event]:
        return [e for (g, _p), e in sorted(self.events.items(), key=_key_order) if g == group]

    def prefer(self, candidates: list[Event], article_id: str) -> Event | None:
        """One candidate clearly ahead: named in this article, then by more families."""
        if len(candidates) == 1:
            return candidates[0]

        def rank(event: Event) -> tuple[bool, int]:
            named = self.articles[event.id]
            return article_id in named, self.context.families(named)

        ranked = sorted(candidates, key=rank, reverse=True)
        if ranked and rank(ranked[0]) > rank(ranked[1]) and rank(ranked[0])[0]:
            return ranked[0]
        return None


def _key_order(item: tuple[tuple[str, frozenset[str]], Event]) -> tuple[str, list[str]]:
    return item[0][0], sorted(item[0][1])


def _resolve_with(
    catalogue: _Catalogue, use: EventUse, participants: frozenset[str], create: bool = False
) -> Event | None:
    """The event a mention with these participants belongs to (None: ambiguous or unknown)."""
    same_group = catalogue.in_group(use.group)
    if len(participants) >= 2:
        fits = [
            e for e in same_group if len(e.participants) >= 2 and e.participants <= participants
        ]
        if not fits and create:
            return catalogue.get(use.group, participants)
        return fits[0] if len(fits) == 1 else None
    if len(participants) == 1:
        fits = [e for e in same_group if len(e.participants) >= 2 and participants < e.participants]
        if not fits:
            if use.group in REPEATABLE:
                return None
            if use.group in ONCE_PER_STORY:
                return catalogue.get(use.group, frozenset())
            return catalogue.get(use.group, participants)
        if use.group in REPEATABLE:  # one of the people a person meets: named here, or a guess
            fits = [e for e in fits if use.article.id in catalogue.articles[e.id]]
        return catalogue.prefer(fits, use.article.id) if fits else None
    return None


def _sentence_people(context: StoryContext, use: EventUse) -> frozenset[str]:
    """People named in the mention's sentence: who a bare 'the talks' is most likely about."""
    start, end = sentence_bounds(use.article, use.mention.start)
    people = set()
    for entity in use.article.entities:
        if entity.label == "PERSON" and start <= entity.start < end:
            person = context.resolver.person(entity.text, use.article.id)
            if person:
                people.add(person)
    return frozenset(people)


def build_events(context: StoryContext, uses: list[EventUse]) -> list[Event]:
    """Group mentions into events: kind group plus the fewest participants that identify it.

    Two or more participants: the minimal participant sets seen in the story are the events.
    One participant: the one event of that group the person takes part in (named in the same
    article first), else an event of its own. None: the event of the nearest earlier mention of
    the group in the same or previous sentence, else the people of the sentence if they fit one
    event, else the group's only event. Anything still ambiguous stays out of every comparison.
    """
    catalogue = _Catalogue(context)
    sets_by_group: dict[str, set[frozenset[str]]] = defaultdict(set)
    for use in uses:
        if len(use.participants) >= 2:
            sets_by_group[use.group].add(use.participants)
    for group, sets in sorted(sets_by_group.items()):
        for participants in sorted(sets, key=sorted):
            if not any(other < participants for other in sets):
                catalogue.get(group, participants)
    for use in uses:
        if len(use.participants) >= 2:
            event = _resolve_with(catalogue, use, use.participants)
            if event:
                catalogue.articles[event.id].add(use.article.id)
    resolved: dict[int, Event] = {}
    last_in_group: dict[tuple[str, str], tuple[int, Event]] = {}
    for index, use in enumerate(uses):
        event = None
        if use.group in WITHOUT_PARTICIPANTS:
            event = catalogue.get(use.group, frozenset())
        elif use.participants:
            event = _resolve_with(catalogue, use, use.participants)
        else:
            donor = last_in_group.get((use.article.id, use.group))
            if donor and use.mention.sentence - donor[0] <= 1 and _refers_back(use):
                event = donor[1]
                use.inherited = True
            elif use.group in REPEATABLE:  # people who meet are named; parties to a deal not
                people = _sentence_people(context, use)
                if len(people) >= 2:
                    event = _resolve_with(catalogue, use, people, create=True)
        if event is not None:
            resolved[index] = event
            if use.participants:
                last_in_group[(use.article.id, use.group)] = (use.mention.sentence, event)
    _follow_alignments(context, uses, resolved)
    lede: list[EventUse] = []
    unplaced: list[EventUse] = []
    for index, use in enumerate(uses):
        event = resolved.get(index)
        if event is None and not use.participants and use.group not in REPEATABLE:
            named = [e for e in catalogue.in_group(use.group) if e.participants]
            if use.group in ONCE_PER_STORY:
                named = [e for e in named if len(e.participants) >= 2]
            if not named:  # nobody is named for any event of this kind: one event, like 'the fire'
                event = catalogue.get(use.group, frozenset())
            elif (
                len(named) == 1
                and len(named[0].participants) == 1
                and use.group not in MANY_PEOPLE_EACH
            ):
                event = named[0]  # "X conceded ..." elsewhere: 'conceded' is X's one concession
        if event is None:
            if _lede_candidate(use):
                lede.append(use)
            else:
                unplaced.append(use)
            continue
        if is_past_occasion(use, context.frame_year, context.trusted(use.article.id)):
            event.past.append(use)
        else:
            event.uses.append(use)
    _join_lede_mentions(context, catalogue, lede)
    joined = {id(u) for e in catalogue.events.values() for u in e.uses + e.past}
    unplaced += [u for u in lede if id(u) not in joined]
    _join_retold_mentions(context, catalogue, unplaced)
    found = [e for e in catalogue.events.values() if e.uses]
    for event in found:
        event.uses.sort(key=lambda u: (u.article.id, u.mention.start))
        kinds = Counter(u.mention.kind.lower() for u in event.uses)
        kind = min(kinds, key=lambda k: (-kinds[k], k))
        if len(event.participants) >= 2:
            event.label = f"the {kind} between {event.label}"
        elif event.participants:
            event.label = f"the {kind} of {event.label}"
        else:
            event.label = f"the {kind}"
    return sorted(found, key=lambda e: (-e.families(context), e.id))


SentenceAt = tuple[str, int]  # (article id, sentence index)


def _aligned_sentences(
    context: StoryContext, wanted: set[SentenceAt]
) -> dict[SentenceAt, list[SentenceAt]]:
    """For each sentence, the sentences of other articles aligned with it (among ``wanted``)."""
    aligned: dict[SentenceAt, list[SentenceAt]] = defaultdict(list)
    for a, sentence_a, b, sentence_b in context.alignments:
        if a != b and (b, sentence_b) in wanted:
            aligned[(a, sentence_a)].append((b, sentence_b))
    return aligned


def _follow_alignments(
    context: StoryContext, uses: list[EventUse], resolved: dict[int, Event]
) -> None:
    """A mention left unresolved takes the event of its kind that a sentence aligned with
    its own (a copy, an edit, a paraphrase of it) names: a rewrite tells the same event,
    whoever it names. Repeated until nothing changes, so the event travels down a chain of
    rewrites; a mention aligned with two different events stays out."""
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, use in enumerate(uses):
        by_sentence[(use.article.id, use.mention.sentence)].append(index)
    aligned_with = _aligned_sentences(context, set(by_sentence))
    changed = True
    while changed:
        changed = False
        for index, use in enumerate(uses):
            if index in resolved or use.group in REPEATABLE:
                continue
            found = {
                resolved[other].id: resolved[other]
                for place in aligned_with[(use.article.id, use.mention.sentence)]
                for other in by_sentence[place]
                if other in resolved and uses[other].group == use.group
            }
            if len(found) == 1:
                resolved[index] = next(iter(found.values()))
                changed = True


def _join_retold_mentions(
    context: StoryContext, catalogue: _Catalogue, unplaced: list[EventUse]
) -> None:
    """Mentions no rule could place, told in two tellings of one sentence (a rewrite and its
    source, each with that one mention of the kind), are one event between themselves: "told
    a news conference in X" and "told reporters in Y" are the same moment, whoever is named."""
    by_sentence: dict[tuple[str, int, str], list[EventUse]] = defaultdict(list)
    for use in unplaced:
        if use.group in REPEATABLE:  # the others had their chance without participants
            by_sentence[(use.article.id, use.mention.sentence, use.group)].append(use)
    single = {key: uses[0] for key, uses in by_sentence.items() if len(uses) == 1}
    parent: dict[tuple[str, int, str], tuple[str, int, str]] = {key: key for key in single}

    def root(key: tuple[str, int, str]) -> tuple[str, int, str]:
        while parent[key] != key:
            key = parent[key]
        return key

    aligned_with = _aligned_sentences(context, {(a, sentence) for a, sentence, _g in single})
    for key_a in single:
        article_id, sentence, group = key_a
        for other_id, other_sentence in aligned_with[(article_id, sentence)]:
            key_b = (other_id, other_sentence, group)
            if key_b in single:
                parent[root(key_a)] = root(key_b)
    clusters: dict[tuple[str, int, str], list[EventUse]] = defaultdict(list)
    for key, use in single.items():
        clusters[root(key)].append(use)
    for members in clusters.values():
        if len({u.article.id for u in members}) < 2:
            continue
        first = min(members, key=lambda u: (u.article.id, u.mention.start))
        event = catalogue.unnamed(first.group, f"{first.article.id}:{first.mention.start}")
        for use in members:
            if not is_past_occasion(use, context.frame_year, context.trusted(use.article.id)):
                event.uses.append(use)


# A summit is a meeting of many: "the leaders met" in a page's opening is the story's summit
# when more sources report the summit than any meeting of two.
GATHERING = "summit"

# The opening sentences of a page report the story's own event: a bare 'the talks' there is it.
LEDE_SENTENCES = 3


def _lede_candidate(use: EventUse) -> bool:
    """A mention naming nobody in a page's opening sentences, told as done (not to come)."""
    return (
        not use.participants
        and use.group not in ONCE_PER_STORY
        and use.mention.sentence < LEDE_SENTENCES
        and not is_future(use)
        and _refers_back(use)
    )


def _join_lede_mentions(context: StoryContext, catalogue: _Catalogue, lede: list[EventUse]) -> None:
    """A bare mention in a lede belongs to the story's main event when that event is of its
    kind and named by more families than any other of its kind (else it stays out)."""
    for group in sorted({u.group for u in lede}):
        if group not in REPEATABLE:
            _join_main_decision(context, catalogue, [u for u in lede if u.group == group])
            continue
        candidates = [e for e in catalogue.in_group(group) if e.uses and len(e.participants) >= 2]
        candidates += (
            [e for e in catalogue.in_group(GATHERING) if e.uses] if group == "meeting" else []
        )
        ranked = sorted(candidates, key=lambda e: -e.families(context))
        if not ranked or (
            len(ranked) > 1 and ranked[0].families(context) == ranked[1].families(context)
        ):
            continue
        main = ranked[0]
        for use in lede:
            if use.group != group:
                continue
            if not is_past_occasion(use, context.frame_year, context.trusted(use.article.id)):
                main.uses.append(use)


def _join_main_decision(context: StoryContext, catalogue: _Catalogue, lede: list[EventUse]) -> None:
    """Bare mentions of a deal, a ceasefire, a strike in pages' openings are the story's own:
    the named one of that kind that at least as many sources open with, else one unnamed
    event of the kind. A named one told further down, or opening fewer pages (a side deal
    reported the day before), is another."""
    group = lede[0].group

    def opening_families(event: Event) -> int:
        return context.families(
            u.article.id for u in event.uses if u.mention.sentence < LEDE_SENTENCES
        )

    ranked = sorted(
        (e for e in catalogue.in_group(group) if e.participants and opening_families(e)),
        key=lambda e: -opening_families(e),
    )
    if len(ranked) > 1 and opening_families(ranked[0]) == opening_families(ranked[1]):
        return
    bare = context.families(u.article.id for u in lede)
    named_leads = ranked and opening_families(ranked[0]) >= bare
    main = ranked[0] if named_leads else catalogue.get(group, frozenset())
    for use in lede:
        if not is_past_occasion(use, context.frame_year, context.trusted(use.article.id)):
            main.uses.append(use)


def main_event(context: StoryContext, events: list[Event]) -> Event | None:
    """The event most families report: the story's subject."""
    return events[0] if events else None


def _place_of(mention: EntityMention, text: str = "") -> Place:
    """The place a mention names. "the Marina", "the Mall": a name written with 'the' before it
    is a street, a square or a quay, never the town of that name a gazetteer may list."""
    place = normalize_place(mention.text)
    written_the = text[max(0, mention.start - 4) : mention.start].lower() == "the "
    if place.kind == "city" and written_the and not mention.text.lower().startswith("the "):
        return Place(id=f"name:{name_key(mention.text)}", name=mention.text.strip(), kind="unknown")
    return place


def place_observations(context: StoryContext, event: Event) -> list[Observation]:
    observations = []
    for use in event.uses:
        for place_mention in use.places:
            span = make_span(use.article, place_mention.start, place_mention.end)
            if span is None:
                continue
            place = _place_of(place_mention, use.article.article.text)
            observations.append(
                Observation(
                    kind="event-place",
                    subject_id=event.id,
                    subject=event.label,
                    attribute="place",
                    value=place.name if place.kind != "unknown" else place_mention.text.strip(),
                    normalized=place.id,
                    article_id=use.article.id,
                    evidence=(span,),
                )
            )
    return observations


def event_reading(context: StoryContext, use: EventUse, time: DateMention) -> DateReading | None:
    """A time of the event as a comparable reading; 'yesterday' only in a trusted frame."""
    reading = read_date(time)
    if reading is None and context.trusted(use.article.id):
        reading = read_day_word(time)
    return reading


def date_observations(context: StoryContext, event: Event) -> list[Observation]:
    observations = []
    for use in event.uses:
        for time in event_times(use):
            reading = event_reading(context, use, time)
            span = make_span(use.article, time.start, time.end)
            if reading is None or span is None or reading.kind == "year":
                continue
            observations.append(
                Observation(
                    kind="event-date",
                    subject_id=event.id,
                    subject=event.label,
                    attribute="date",
                    value=_date_words(reading),
                    normalized=reading.normalized,
                    article_id=use.article.id,
                    evidence=(span,),
                )
            )
    return observations


def _date_words(reading: DateReading) -> str:
    words = reading.text.strip()
    for prefix in ("on ", "this ", "next ", "last "):
        if words.lower().startswith(prefix) and reading.kind == "weekday":
            words = words[len(prefix) :]
    return words[:1].upper() + words[1:] if reading.kind == "weekday" else words


def _place_readings(use: EventUse) -> list[tuple[str, Place]]:
    text = use.article.article.text
    return [(place.id, place) for m in use.places if (place := _place_of(m, text)).id != "name:"]


def _date_readings(context: StoryContext, use: EventUse) -> list[tuple[str, DateReading]]:
    return [
        (reading.normalized, reading)
        for t in event_times(use)
        if (reading := event_reading(context, use, t)) and reading.kind != "year"
    ]


@dataclass
class _Clashes:
    """Pairs of clashing values found between mentions of one event, with confidences."""

    pairs: dict[tuple[str, str], float] = field(default_factory=dict)

    def add(self, a: str, b: str, confidence: float) -> None:
        key = (min(a, b), max(a, b))
        self.pairs[key] = max(self.pairs.get(key, 0.0), confidence)

    @property
    def values(self) -> set[str]:
        return {v for pair in self.pairs for v in pair}

    @property
    def confidence(self) -> float:
        return max(self.pairs.values(), default=0.0)


def _place_clashes(context: StoryContext, a: EventUse, b: EventUse) -> list[tuple[str, str, float]]:
    found = []
    for id_a, place_a in _place_readings(a):
        for id_b, place_b in _place_readings(b):
            if context.gazetteer.known_apart(place_a, place_b):
                known = place_a.kind != "unknown" and place_b.kind != "unknown"
                confidence = PLACE_CONFIDENCE_KNOWN if known else PLACE_CONFIDENCE_UNKNOWN
                found.append((id_a, id_b, confidence))
    return found


def written_year(reading: DateReading) -> bool:
    return bool(_WRITTEN_YEAR.search(reading.text))


_WRITTEN_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


_DATELINE_DAY = re.compile(
    r"^[A-Z][A-Z .'’/-]+,(?:\s*[A-Z][\w .'’-]*,)?\s*([A-Z][a-z]{2,8})\.? (\d{1,2})\b"
    r"[^\n]{0,40}?[-–—]",
    re.MULTILINE,
)


def dateline_day(article: AnnotatedArticle, year: int | None) -> dt.date | None:
    """The filing day an undated page's dateline gives ('LISBON, March 20 (Agency) –')."""
    if year is None or article.article.published:
        return None
    match = _DATELINE_DAY.search(article.article.text[:2000])
    if match is None:
        return None
    month = MONTH_NUMBERS.get(match.group(1).lower())
    try:
        return dt.date(year, month, int(match.group(2))) if month else None
    except ValueError:
        return None


def _weekday_near(filed: dt.date, weekday: int, future: bool) -> dt.date:
    """The day of that weekday in the week before the filing day (or after it, when the
    sentence speaks of what is to come): how a reader of a dateline reads 'on Thursday'."""
    shift = (weekday - filed.weekday()) % 7 if future else -((filed.weekday() - weekday) % 7)
    return filed + dt.timedelta(days=shift)


def _as_day(context: StoryContext, use: EventUse, reading: DateReading) -> DateReading:
    """A weekday read in a trusted frame (the article's date sits with the story's other dates)
    is the day it resolves to; in a doubtful frame it stays a bare weekday, and a day keeps
    only the year it writes out."""
    trusted = context.trusted(use.article.id)
    filed = dateline_day(use.article, context.frame_year)
    if reading.kind == "weekday" and reading.weekday is not None and filed is not None:
        day = _weekday_near(filed, reading.weekday, is_future(use))
        return dataclasses.replace(reading, kind="day", year=None, month=day.month, day=day.day)
    if reading.kind in {"day", "month"} and not trusted and not written_year(reading):
        return dataclasses.replace(reading, year=None)
    if reading.kind != "weekday" or not reading.resolved or not trusted:
        return reading
    day = parse_iso_date(reading.resolved)
    if day is None:
        return reading
    return dataclasses.replace(reading, kind="day", year=day.year, month=day.month, day=day.day)


# A weekday names a day within a week of its article; a date further than this from where the
# weekday lands is another moment of the story (the deal announced in May, approved on Wednesday).
WEEKDAY_REACH_DAYS = 45


def _date_clashes(context: StoryContext, a: EventUse, b: EventUse) -> list[tuple[str, str, float]]:
    found = []
    for key_a, reading_a in _date_readings(context, a):
        for key_b, reading_b in _date_readings(context, b):
            day_a, day_b = _as_day(context, a, reading_a), _as_day(context, b, reading_b)
            if _out_of_weekday_reach(reading_a, day_a, day_b, context.frame_year) or (
                _out_of_weekday_reach(reading_b, day_b, day_a, context.frame_year)
            ):
                continue
            clash = dates_clash(day_a, day_b, context.frame_year)
            if clash > 0:
                found.append((key_a, key_b, clash))
    return found


def _out_of_weekday_reach(
    written: DateReading, landed: DateReading, other: DateReading, frame_year: int | None
) -> bool:
    """A weekday (as written) that landed on a day far from the other reading's day or month."""
    if written.kind != "weekday" or landed.kind != "day" or other.kind not in {"day", "month"}:
        return False
    year = landed.year or frame_year
    other_year = other.year or year
    if not year or not other_year or landed.month is None or landed.day is None:
        return False
    try:
        here = dt.date(year, landed.month, landed.day)
        if other.kind == "day" and other.month and other.day:
            return abs((dt.date(other_year, other.month, other.day) - here).days) > (
                WEEKDAY_REACH_DAYS
            )
        if other.kind == "month" and other.month:
            first = dt.date(other_year, other.month, 1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            distance = (
                0
                if first <= here <= last
                else min(abs((first - here).days), abs((here - last).days))
            )
            return distance > WEEKDAY_REACH_DAYS
    except ValueError:
        return False
    return False


def _single_occasion(event: Event) -> bool:
    """The story's one fire or crash has one place and one time: two articles that differ on
    both still tell of the same occasion, unlike two meetings of a series."""
    return event.group in WITHOUT_PARTICIPANTS and not event.participants


def event_clashes(context: StoryContext, event: Event) -> tuple[_Clashes, _Clashes]:
    """Place and date clashes between mentions in different articles.

    Two mentions that disagree on both the place and the date are two occasions of the same
    kind of event (an itinerary, a series of meetings), not a contradiction.
    """
    places, dates = _Clashes(), _Clashes()
    for a, b in combinations(event.uses, 2):
        if a.article.id == b.article.id:
            continue
        if event.group in TOLD_APART_BY_ALIGNMENT and not context.aligned(
            a.article.id, a.mention.sentence, b.article.id, b.mention.sentence
        ):
            continue
        place_pairs = _place_clashes(context, a, b)
        date_pairs = _date_clashes(context, a, b)
        if place_pairs and date_pairs and not _single_occasion(event):
            continue
        for value_a, value_b, confidence in place_pairs:
            places.add(value_a, value_b, confidence)
        for value_a, value_b, confidence in date_pairs:
            dates.add(value_a, value_b, confidence)
    return places, dates


def _draft(
    kind: str, event: Event, groups: list[ValueGroup], clashes: _Clashes, main: bool
) -> Draft | None:
    chosen = [g for g in groups if g.normalized in clashes.values]
    if len(chosen) < 2:
        return None
    return Draft(
        kind=kind,
        subject_id=event.id,
        subject=event.label,
        attribute=kind,
        groups=chosen,
        confidence=clashes.confidence,
        main_event=main,
    )


def event_conflicts(context: StoryContext, event: Event, main: bool) -> list[Draft]:
    """The event's place and date conflicts, if its mentions contradict each other."""
    place_clashes, date_clashes = event_clashes(context, event)
    drafts = []
    place = _draft(
        "place", event, group_values(place_observations(context, event)), place_clashes, main
    )
    if place:
        drafts.append(place)
    date = _draft(
        "date", event, group_values(date_observations(context, event)), date_clashes, main
    )
    if date:
        date.groups = _weekdays_joined_to_their_days(context, event, date.groups)
        for group in date.groups:
            group.note = _frame_note(event, group)
        drafts.append(date)
    return drafts


def _weekdays_joined_to_their_days(
    context: StoryContext, event: Event, groups: list[ValueGroup]
) -> list[ValueGroup]:
    """'Tuesday' on Thursday pages and 'yesterday' on Wednesday's name one day: a weekday
    group whose mentions read, in their articles' trusted frames, as one day another group
    holds (the others read in no frame) is shown in that group, not as a value of its own."""
    days: dict[tuple[str, int], str] = {}
    for use in event.uses:
        for time in event_times(use):
            reading = event_reading(context, use, time)
            if reading is not None:
                days[(use.article.id, time.start)] = _as_day(context, use, reading).normalized
    by_value = {g.normalized: g for g in groups}
    kept = []
    for group in groups:
        if group.normalized.startswith("weekday:"):
            read = {days.get((o.article_id, o.evidence[0].start)) for o in group.observations}
            read = {day for day in read if day and day.startswith("day:")}  # the rest: no frame
            target = by_value.get(next(iter(read))) if len(read) == 1 else None
            if target is not None and target is not group:
                target.observations.extend(group.observations)
                continue
        kept.append(group)
    return sorted(kept, key=lambda g: (-len(g.article_ids), g.normalized))


def _frame_note(event: Event, group: ValueGroup) -> str | None:
    """For a weekday: the date it is in each dated article's own frame ('26 June 2025 in 001's
    frame'), so a reader sees what the weekday means and whose date stamp it hangs on."""
    if not group.normalized.startswith("weekday:"):
        return None
    frames: dict[str, set[str]] = defaultdict(set)
    for use in event.uses:
        if use.article.id not in group.article_ids:
            continue
        for time in use.mention.times:
            reading = read_date(time)
            if reading and reading.normalized == group.normalized and reading.resolved:
                frames[reading.resolved].add(use.article.id)
    if not frames:
        return None
    return "; ".join(
        f"{long_date(day)} in {join_names(sorted(ids))}'s frame"
        for day, ids in sorted(frames.items())
    )


def event_findings(context: StoryContext) -> tuple[list[Event], list[Observation], list[Draft]]:
    """Events of the story, their place/date observations and their conflicts."""
    events = build_events(context, collect_uses(context))
    main = main_event(context, events)
    observations: list[Observation] = []
    drafts: list[Draft] = []
    for event in events:
        observations.extend(place_observations(context, event))
        observations.extend(date_observations(context, event))
        drafts.extend(event_conflicts(context, event, event is main))
    return events, observations, drafts
