"""Events across articles: the same event given incompatible places or dates.

Two mentions are one event when their kinds belong to one group (talks, meeting, summit ...) and
they name the same participants. A mention that names fewer than two participants ("the talks")
takes them from the nearest earlier mention of that kind group in its article, the way a reader
resolves a definite description. A mention that fits two different events is left out: two
different events are never a conflict, and it is better to miss a conflict than to invent one.
Past occasions ("the last time they met, in 2019") are set apart from the one being reported.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from storylens.compare.context import Draft, Observation, StoryContext, ValueGroup, group_values
from storylens.compare.dates import DateReading, dates_clash, long_date, read_date
from storylens.compare.places import Place, normalize_place
from storylens.compare.text import join_names, make_span, sentence_bounds
from storylens.model import AnnotatedArticle, EntityMention, EventMention

KIND_GROUPS = {
    "meeting": "meeting",
    "meet": "meeting",
    "talks": "meeting",
    "talk": "meeting",
    "summit": "meeting",
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
CARRY_BACK_SENTENCES = 3
_PAST_CUE = re.compile(
    r"\b(last|previous|previously|earlier|ago|once|formerly)\b(?![-‐‑])", re.IGNORECASE
)
_FUTURE_CUE = re.compile(
    r"\b(will|would|upcoming|plans?|planned|planning|set to|expected|scheduled|due|proposed|"
    r"prepar\w*|aims?|intends?|intention|to meet|to travel|ready to|open to|could|may|might)\b",
    re.IGNORECASE,
)
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


def kind_group(kind: str) -> str:
    key = kind.strip().lower()
    return KIND_GROUPS.get(key, key)


def _participants(context: StoryContext, article: AnnotatedArticle, mention: EventMention) -> set:
    place_ids = {context.resolver.place(p.text) for p in mention.places}
    found = set()
    for key in mention.participants:
        entity_id = context.resolver.key(key)
        if entity_id and entity_id not in place_ids:
            found.add(entity_id)
    return found


def collect_uses(context: StoryContext) -> list[EventUse]:
    """Every event mention with resolved participants; short ones inherit from earlier ones."""
    uses: list[EventUse] = []
    for article in context.articles:
        seen: list[EventUse] = []
        for mention in sorted(article.events, key=lambda m: (m.start, m.end)):
            participants = frozenset(_participants(context, article, mention))
            use = EventUse(article, mention, kind_group(mention.kind), participants)
            if len(participants) < 2:
                donor = _donor(seen, use)
                if donor is not None:
                    use.participants = donor.participants
                    use.inherited = True
            seen.append(use)
            uses.append(use)
    return uses


def _donor(seen: list[EventUse], use: EventUse) -> EventUse | None:
    """The nearest earlier mention of the same kind group whose participants include ours."""
    for earlier in reversed(seen):
        if use.mention.sentence - earlier.mention.sentence > CARRY_BACK_SENTENCES:
            return None
        if (
            earlier.group == use.group
            and len(earlier.participants) >= 2
            and use.participants <= earlier.participants
        ):
            return earlier
    return None


def is_past_occasion(use: EventUse, frame_year: int | None) -> bool:
    """'The last time they met', or a year before the story's: another occasion."""
    readings = [r for t in use.mention.times if (r := read_date(t))]
    if frame_year and any(r.year and r.year < frame_year for r in readings):
        return True
    return bool(_PAST_CUE.search(use.sentence_text))


def is_future(use: EventUse) -> bool:
    """Described as still to come ('will meet', 'upcoming talks', 'plans to')."""
    return bool(_FUTURE_CUE.search(use.sentence_text))


def build_events(context: StoryContext, uses: list[EventUse]) -> list[Event]:
    """Group mentions into events by kind group and minimal participant sets."""
    sets_by_group: dict[str, set[frozenset[str]]] = defaultdict(set)
    for use in uses:
        if len(use.participants) >= 2:
            sets_by_group[use.group].add(use.participants)
    events: dict[tuple[str, frozenset[str]], Event] = {}
    for group, sets in sets_by_group.items():
        minimal = [s for s in sets if not any(other < s for other in sets)]
        for participants in minimal:
            names = sorted(context.resolver.name(p) for p in participants)
            event_id = f"{group}|" + "|".join(sorted(participants))
            events[(group, participants)] = Event(event_id, group, participants)
            events[(group, participants)].label = join_names(names)
    for use in uses:
        if len(use.participants) < 2:
            continue
        fits = [e for (g, p), e in events.items() if g == use.group and p <= use.participants]
        if len(fits) != 1:
            continue
        event = fits[0]
        if is_past_occasion(use, context.frame_year):
            event.past.append(use)
        else:
            event.uses.append(use)
    found = [e for e in events.values() if e.uses]
    for event in found:
        kinds = Counter(u.mention.kind.lower() for u in event.uses)
        kind = min(kinds, key=lambda k: (-kinds[k], k))
        event.label = f"the {kind} between {event.label}"
    return sorted(found, key=lambda e: (-e.families(context), e.id))


def main_event(context: StoryContext, events: list[Event]) -> Event | None:
    """The event most families report: the story's subject."""
    return events[0] if events else None


def _place_of(mention: EntityMention) -> Place:
    return normalize_place(mention.text)


def place_observations(context: StoryContext, event: Event) -> list[Observation]:
    observations = []
    for use in event.uses:
        for place_mention in use.mention.places:
            span = make_span(use.article, place_mention.start, place_mention.end)
            if span is None:
                continue
            place = _place_of(place_mention)
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


def date_observations(context: StoryContext, event: Event) -> list[Observation]:
    observations = []
    for use in event.uses:
        for time in use.mention.times:
            reading = read_date(time)
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


def _reading_of(normalized: str, observations: list[Observation], uses: list[EventUse]):
    for use in uses:
        for time in use.mention.times:
            reading = read_date(time)
            if reading and reading.normalized == normalized:
                return reading
    return None


def _only_one_article(a: ValueGroup, b: ValueGroup) -> bool:
    """Both values from the same single article: more likely our reading than the source."""
    return set(a.article_ids) == set(b.article_ids) and len(a.article_ids) == 1


def place_conflict(context: StoryContext, event: Event, main: bool) -> Draft | None:
    groups = group_values(place_observations(context, event))
    places = {g.normalized: normalize_place(g.value) for g in groups}
    for group in groups:
        if group.normalized.startswith(("country:", "city:", "body:")):
            continue
        places[group.normalized] = Place(group.normalized, group.value, "unknown")
    involved: dict[str, ValueGroup] = {}
    confidence = 0.0
    for a, b in combinations(groups, 2):
        pa, pb = places[a.normalized], places[b.normalized]
        if _only_one_article(a, b) or not context.gazetteer.known_apart(pa, pb):
            continue
        involved[a.normalized], involved[b.normalized] = a, b
        known = pa.kind != "unknown" and pb.kind != "unknown"
        confidence = max(confidence, PLACE_CONFIDENCE_KNOWN if known else PLACE_CONFIDENCE_UNKNOWN)
    if not involved:
        return None
    return Draft(
        kind="place",
        subject_id=event.id,
        subject=event.label,
        attribute="place",
        groups=[g for g in groups if g.normalized in involved],
        confidence=confidence,
        main_event=main,
    )


def date_conflict(context: StoryContext, event: Event, main: bool) -> Draft | None:
    observations = date_observations(context, event)
    groups = group_values(observations)
    readings = {g.normalized: _reading_of(g.normalized, observations, event.uses) for g in groups}
    involved: dict[str, ValueGroup] = {}
    confidence = 0.0
    for a, b in combinations(groups, 2):
        ra, rb = readings[a.normalized], readings[b.normalized]
        if ra is None or rb is None or _only_one_article(a, b):
            continue
        clash = dates_clash(ra, rb, context.frame_year)
        if clash > 0:
            involved[a.normalized], involved[b.normalized] = a, b
            confidence = max(confidence, clash)
    if not involved:
        return None
    chosen = [g for g in groups if g.normalized in involved]
    for group in chosen:
        group.note = _frame_note(event, group)
    return Draft(
        kind="date",
        subject_id=event.id,
        subject=event.label,
        attribute="date",
        groups=chosen,
        confidence=confidence,
        main_event=main,
    )


def _frame_note(event: Event, group: ValueGroup) -> str | None:
    """For a weekday: the date it is in the articles' own frame, where they have one."""
    if not group.normalized.startswith("weekday:"):
        return None
    resolved = sorted(
        {
            reading.resolved
            for use in event.uses
            for time in use.mention.times
            if (reading := read_date(time))
            and reading.normalized == group.normalized
            and reading.resolved
            and use.article.id in group.article_ids
        }
    )
    if not resolved:
        return None
    return ", ".join(long_date(r) for r in resolved)


def event_findings(context: StoryContext) -> tuple[list[Event], list[Observation], list[Draft]]:
    """Events of the story, their place/date observations and their conflicts."""
    events = build_events(context, collect_uses(context))
    main = main_event(context, events)
    observations: list[Observation] = []
    drafts: list[Draft] = []
    for event in events:
        observations.extend(place_observations(context, event))
        observations.extend(date_observations(context, event))
        for check in (place_conflict, date_conflict):
            draft = check(context, event, event is main)
            if draft is not None:
                drafts.append(draft)
    return events, observations, drafts
