"""Titles and offices: one person given incompatible offices, one seat given to two people.

A title is compared as (office, jurisdiction, status). A title without a jurisdiction borrows the
one the same person's same office has elsewhere in the story, so "President X" and "U.S. President
X" agree. "Former" against current, or an opposition role against the office it opposes, cannot
both hold at one time; "newly-elected Chancellor" and "Chancellor" can. "Acting" against the plain
title is a stand-in against the holder, unless one page itself uses both for the person. A
body's top post and one of its departments' directors ("club president", "sporting director")
are two seats, when both titles name the body. Two posts of one body for two areas ("the
agency's representative in X" and "its regional director for Y") are two seats; a ministry's
spokesperson does not also head another body. A former holder called the holder is reported
once, as the seat's holder (see ``drop_explained_titles``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from itertools import combinations

from rapidfuzz import fuzz

from storylens.annotate.lexicons import fold, offices
from storylens.compare.context import Draft, Observation, StoryContext, ValueGroup, group_values
from storylens.compare.offices import (
    BODY_HEAD_POSTS,
    DEPARTMENT_WORDS,
    LEADER_OFFICES,
    NOT_JURISDICTIONS,
    OPPOSING_ROLES,
    SHARED_SEAT_WORDS,
    SPOKESPERSON,
    bare_office,
    is_single_seat,
    normalize_status,
    portfolio_set,
    split_area,
    top_and_department_posts,
)
from storylens.compare.places import Gazetteer, demonym_base, jurisdiction_key, normalize_place
from storylens.compare.text import make_span, name_key
from storylens.model import AnnotatedArticle, TitleMention

TITLE_STATUS_CONFIDENCE = 0.85
ACTING_CONFIDENCE = 0.65  # a stand-in called by the full title, or the holder called a stand-in
OPPOSITION_CONFIDENCE = 0.8
TWO_SEATS_CONFIDENCE = 0.55
ROLE_HOLDER_CONFIDENCE = 0.8
BARE_SEAT_CONFIDENCE = 0.55


def _evidence_bounds(title: TitleMention) -> tuple[int, int]:
    """Title words and name together: the words that carry the value."""
    if title.person_start is None or title.person_end is None or title.person_end <= 0:
        return title.start, title.end
    start, end = min(title.start, title.person_start), max(title.end, title.person_end)
    if end - start > 120:  # far apart: show the title words only
        return title.start, title.end
    return start, end


_WRITTEN_BEFORE = re.compile(
    r"\b(former|ex-|outgoing|acting|interim|newly[- ]elected)\s+((?:[A-Z][\w’'-]*\s+){0,3})$",
    re.IGNORECASE,
)


def read_back(article: AnnotatedArticle, title: TitleMention) -> TitleMention:
    """Status and body written just before the title words ('former Almenara coach'), which a
    title read from its last words alone would miss."""
    text = article.article.text
    match = _WRITTEN_BEFORE.search(text[max(0, title.start - 60) : title.start])
    if not match or title.status not in {None, "", "current"}:
        return title
    status = match.group(1).lower().replace(" ", "-")
    body = match.group(2).strip() or None
    start = title.start - len(match.group(0))
    return dataclasses.replace(
        title,
        start=start,
        text=text[start : title.end],
        status="former" if status in {"former", "ex-"} else status,
        jurisdiction=title.jurisdiction or body,
    )


def _title_parts(
    title: TitleMention, default_jurisdiction: str | None, bodies: dict[str, str]
) -> tuple[str, str, str]:
    office = bare_office(title.office)
    status = normalize_status(title.status, title.office)
    written = (
        title.jurisdiction if (title.jurisdiction or "").lower() not in NOT_JURISDICTIONS else None
    )
    key = body_or_place_key(written)
    jurisdiction = bodies.get(key or "", key) or default_jurisdiction or ""
    if office == "leader" and _is_generic_body(jurisdiction):
        office = "head"  # 'the board, led by X' and 'X, head of the board' say one thing
    return office, jurisdiction, status


def _is_generic_body(jurisdiction: str) -> bool:
    """A named body ending in a body noun ('accident investigation board'), not a country or
    a party, whose leader is its head."""
    words = jurisdiction.removeprefix("name:").split() if jurisdiction.startswith("name:") else []
    bodies = offices().bodies
    return bool(words) and (words[-1] in bodies or words[-1].removesuffix("s") in bodies)


def body_or_place_key(text: str | None) -> str | None:
    """A title's jurisdiction as a comparable key. One generic body word ('union', 'bank')
    names the body ('union president'), never a town of that name in the gazetteer."""
    if not text:
        return None
    folded = fold(text).removeprefix("the ")
    bodies = offices().bodies
    if folded in bodies or folded.removesuffix("s") in bodies:
        return f"name:{folded}"
    return jurisdiction_key(text)


NAME_LABELS = frozenset(["GPE", "NORP", "LOC", "ORG", "PERSON"])


def jurisdiction_keys(
    context: StoryContext, written: list[str | None], labels: frozenset[str]
) -> set[str | None]:
    """Keys of the jurisdictions titles give and of the story's names with these labels."""
    keys = {body_or_place_key(text) for text in written if text}
    keys |= {
        jurisdiction_key(m.text)
        for article in context.articles
        for m in article.entities
        if m.label in labels
    }
    return keys


def generic_bodies(context: StoryContext, written: list[str | None]) -> dict[str, str]:
    """'the commission' -> the one commission the story names ('Municipal Electoral
    Commission'), so 'commission chairman' and 'chair of the Municipal Electoral Commission'
    name one seat. A generic word that fits several named bodies names none of them: the seat
    is a bare one ('' jurisdiction). One that fits none is left alone, and so is a one-word
    proper name: 'Adria' is not the tail of a name the recogniser glued together ('Jelić,
    Adria')."""
    names = jurisdiction_keys(context, written, frozenset(["ORG"]))
    words = {key: key.removeprefix("name:").split() for key in names if key}
    named: dict[str, set[str]] = defaultdict(set)
    for key, parts in words.items():
        if key.startswith("name:") and len(parts) > 1:
            named[parts[-1]].add(key)
    out = {}
    generic = offices().bodies
    for key, parts in words.items():
        if not key.startswith("name:") or len(parts) != 1 or not named[parts[0]]:
            continue
        if parts[0] not in generic and parts[0].removesuffix("s") not in generic:
            continue  # a proper name ('Adria') is its own body, not the tail of a longer one
        fits = named[parts[0]]
        out[key] = next(iter(fits)) if len(fits) == 1 else ""
    return out


def unknown_demonyms(context: StoryContext, written: list[str | None]) -> dict[str, str]:
    """'Norvalean' -> 'Norvale' for places no gazetteer knows (a new or fictional country): an
    adjective whose stem begins a name the story uses, as 'Veskian' begins with 'Veskia' and
    'Italian' with 'Ital(y)'. Known countries already share a key through the gazetteer."""
    keys = jurisdiction_keys(context, written, NAME_LABELS)
    names = {key.removeprefix("name:") for key in keys if key and key.startswith("name:")}
    single = {name for name in names if " " not in name}
    out = {}
    for adjective in single:
        base = demonym_base(adjective, single - {adjective})
        if base is not None:
            out[f"name:{adjective}"] = f"name:{base}"
    return out


INITIALISM_SKIPPED = frozenset({"the", "of", "for", "and", "on", "in", "&"})


def initialisms(context: StoryContext, written: list[str | None]) -> dict[str, str]:
    """'IHA' -> 'International Health Agency': a one-word body that is the initials of the one
    body name the story gives with those initials ('of', 'for', 'and' skipped)."""
    keys = jurisdiction_keys(context, written, frozenset(["ORG"]))
    names = {key.removeprefix("name:") for key in keys if key and key.startswith("name:")}
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = [w for w in name.split() if w not in INITIALISM_SKIPPED]
        if len(words) >= 2:
            by_initials["".join(w[0] for w in words)].add(name)
    out = {}
    for name in names:
        fits = by_initials.get(name, set())
        if " " not in name and len(fits) == 1:
            out[f"name:{name}"] = f"name:{next(iter(fits))}"
    return out


def _names_an_organisation(context: StoryContext, title: TitleMention) -> bool:
    """The 'person' is one word the story also gives an organisation ('Brelvik's board'): the
    recogniser's mistake, not a person. A full name the recogniser once took for an
    organisation stays a person."""
    key = name_key(title.person)
    if len(key.split()) != 1:
        return False
    return any(
        entity.type == "organization" and name_key(entity.name) == key
        for entity in context.resolver.entities
    )


def title_observations(context: StoryContext) -> list[Observation]:
    """Every title the articles give a known person, normalised for comparison."""
    raw: list[tuple[AnnotatedArticle, TitleMention, str]] = []
    for article in context.articles:
        for written in article.titles:
            title = read_back(article, written)
            if _names_an_organisation(context, title):
                continue
            entity_id = context.resolver.person(title.person, article.id)
            if entity_id and title.office:
                raw.append((article, title, entity_id))
    written = [title.jurisdiction for _a, title, _e in raw]
    bodies = (
        generic_bodies(context, written)
        | unknown_demonyms(context, written)
        | initialisms(context, written)
    )
    explicit: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _article, title, entity_id in raw:
        key = body_or_place_key(title.jurisdiction)
        key = bodies.get(key or "", key)
        if key and (title.jurisdiction or "").lower() not in NOT_JURISDICTIONS:
            explicit[(entity_id, bare_office(title.office))].add(key)
    observations = []
    for article, title, entity_id in raw:
        known = explicit.get((entity_id, bare_office(title.office)), set())
        default = next(iter(known)) if len(known) == 1 else None
        office, jurisdiction, status = _title_parts(title, default, bodies)
        start, end = _evidence_bounds(title)
        span = make_span(article, start, end)
        if span is None:
            continue
        observations.append(
            Observation(
                kind="title",
                subject_id=entity_id,
                subject=context.resolver.name(entity_id),
                attribute="title",
                value=title.text.strip(),
                normalized=f"{status}|{office}|{jurisdiction}",
                article_id=article.id,
                evidence=(span,),
            )
        )
    return observations


def _parts(normalized: str) -> tuple[str, str, str]:
    status, office, jurisdiction = normalized.split("|", 2)
    return status, office, jurisdiction


def _jurisdictions_compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def titles_clash(a: str, b: str) -> float:
    """Confidence that two normalised titles of one person cannot both be true now (0: they can)."""
    status_a, full_a, place_a = _parts(a)
    status_b, full_b, place_b = _parts(b)
    statuses = {status_a, status_b}
    serving = statuses <= {"current", "acting"}
    if serving and _speaks_for_another_body(full_a, place_a, full_b, place_b):
        return TWO_SEATS_CONFIDENCE
    if not _jurisdictions_compatible(place_a, place_b):
        return 0.0  # different bodies: an envoy of one can be a minister of another
    if full_a == full_b:
        office_a = office_b = full_a
    else:
        if serving and _two_areas(full_a, full_b):
            return TWO_SEATS_CONFIDENCE
        office_a, office_b = split_area(full_a)[0], split_area(full_b)[0]
        if office_a == office_b:
            return 0.0  # one post with its area and without: a former post may be elsewhere
    if office_a == office_b:
        if statuses == {"current", "former"} or statuses == {"acting", "former"}:
            return TITLE_STATUS_CONFIDENCE
        if statuses == {"current", "acting"}:
            return ACTING_CONFIDENCE
        if "opposition" in statuses and statuses & {"current", "elect", "acting"}:
            return OPPOSITION_CONFIDENCE
        return 0.0
    governing = {"current", "elect", "acting"}
    leaders = LEADER_OFFICES | {"leader"}
    if (status_a == "opposition" and status_b in governing and office_b in leaders) or (
        status_b == "opposition" and status_a in governing and office_a in leaders
    ):
        return OPPOSITION_CONFIDENCE
    if (
        statuses <= {"current"}
        and place_a
        and place_b
        and office_a in LEADER_OFFICES - {"leader"}
        and office_b in LEADER_OFFICES - {"leader"}
    ):
        return TWO_SEATS_CONFIDENCE
    if (
        statuses <= {"current", "acting"}
        and place_a
        and place_b
        and top_and_department_posts(office_a, office_b)
    ):
        return TWO_SEATS_CONFIDENCE
    if statuses <= {"current", "acting"} and (
        _two_portfolios(office_a, office_b)
        or _minister_and_a_deputy(office_a, office_b)
        or _opposite_sides(office_a, office_b)
    ):
        return TWO_SEATS_CONFIDENCE
    return 0.0


def _two_areas(a: str, b: str) -> bool:
    """'representative for norvale' and 'regional director for africa' at one body: two posts
    for two areas. The same post for a city and its country is one post; the same post for
    two areas only clashes when the places are known apart (a region may hold a country)."""
    office_a, area_a = split_area(a)
    office_b, area_b = split_area(b)
    if not area_a or not area_b or area_a == area_b:
        return False
    gazetteer = Gazetteer()
    where_a, where_b = normalize_place(area_a), normalize_place(area_b)
    if gazetteer.compatible(where_a, where_b):
        return False
    return office_a != office_b or gazetteer.known_apart(where_a, where_b)


def _speaks_for_another_body(office_a: str, place_a: str, office_b: str, place_b: str) -> bool:
    """'transport ministry spokeswoman' and 'head of the accident investigation board': a
    ministry's press official is not the head of another body at the same time."""
    for spoke, spoke_place, other, other_place in (
        (office_a, place_a, office_b, place_b),
        (office_b, place_b, office_a, place_a),
    ):
        spoke_words = set(spoke_place.removeprefix("name:").split())
        other_words = set(other_place.removeprefix("name:").split())
        if (
            split_area(spoke)[0].split()[-1:] == [SPOKESPERSON]
            and spoke_words & DEPARTMENT_WORDS
            and split_area(other)[0] in BODY_HEAD_POSTS
            and other_place
            and not other_words & DEPARTMENT_WORDS
            and not (spoke_words <= other_words or other_words <= spoke_words)
        ):
            return True
    return False


def drop_explained_titles(
    context: StoryContext,
    titles: list[Draft],
    seats: list[Draft],
    resigned: frozenset[str] = frozenset(),
) -> list[Draft]:
    """A person given another's seat is one error: report it once, as the seat's holder; and
    'former X' against 'X' is no error for a person the story says resigned (``resigned``).

    Two ways it shows as a title too: the person's own office against the seat ('Governor X'
    for a deputy governor), and a former holder called the holder ('coach X' against 'former
    coach X') on the very span the seat conflict rests on, when the seat's other holder has the
    better support. A former title against a current one that the seat's better-supported
    holder rests on stays: then the 'former' page is the one wrong, a second error.
    """
    explained = {
        (group.normalized, seat.subject_id.removeprefix("seat:"))
        for seat in seats
        for group in seat.groups
    }
    kept = []
    for draft in titles:
        seats_named = {f"{_parts(g.normalized)[1]}|{_parts(g.normalized)[2]}" for g in draft.groups}
        two_offices = len({_parts(g.normalized)[1] for g in draft.groups}) > 1
        if two_offices and any((draft.subject_id, seat) in explained for seat in seats_named):
            continue
        if not two_offices and _former_holder_given_seat(context, draft, seats):
            continue
        statuses = {_parts(g.normalized)[0] for g in draft.groups}
        if not two_offices and statuses == {"current", "former"} and draft.subject_id in resigned:
            continue
        kept.append(draft)
    return kept


def _former_holder_given_seat(context: StoryContext, draft: Draft, seats: list[Draft]) -> bool:
    """The title conflict is 'former X' against 'X', and every span of its 'X' side is the
    person's weaker claim to the seat X in a role-holder conflict."""
    statuses = {_parts(g.normalized)[0] for g in draft.groups}
    if statuses != {"current", "former"}:
        return False
    current = [g for g in draft.groups if _parts(g.normalized)[0] == "current"]
    for group in current:
        _status, office, jurisdiction = _parts(group.normalized)
        seat = next((s for s in seats if s.subject_id == f"seat:{office}|{jurisdiction}"), None)
        if seat is None:
            return False
        mine = next((g for g in seat.groups if g.normalized == draft.subject_id), None)
        if mine is None or not _spans(group) <= _spans(mine):
            return False
        if not any(_support(context, g) > _support(context, mine) for g in seat.groups):
            return False
    return bool(current)


def _spans(group: ValueGroup) -> set[tuple[str, int, int]]:
    return {(s.article, s.start, s.end) for o in group.observations for s in o.evidence}


def _support(context: StoryContext, group: ValueGroup) -> tuple[int, int]:
    """Families first, then pages: how well a value is backed."""
    return context.families(group.article_ids), len(group.article_ids)


def _two_portfolios(a: str, b: str) -> bool:
    """'interior minister' and 'defence minister', 'trade commissioner' and 'competition
    commissioner': one kind of post with two different portfolios, each held alone."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) < 2 or len(words_b) < 2 or words_a[-1] != words_b[-1]:
        return False
    if set(words_a + words_b) & SHARED_SEAT_WORDS:
        return False
    portfolios_a, portfolios_b = portfolio_set(a), portfolio_set(b)
    if portfolios_a <= portfolios_b or portfolios_b <= portfolios_a:
        return False  # 'trade minister' is how a page shortens 'industry and trade minister'
    return words_a[:-1] != words_b[:-1] and is_single_seat(a) == is_single_seat(b)


DEPUTY_RANKS = frozenset(["deputy", "vice", "junior", "assistant"])


def _minister_and_a_deputy(a: str, b: str) -> bool:
    """'defence minister' and 'deputy foreign minister' (or 'deputy defence minister'): a
    minister with a portfolio is nobody's deputy at the same time."""
    for minister, other in ((a, b), (b, a)):
        words = other.split()
        if (
            is_single_seat(minister)
            and minister.endswith(" minister")
            and len(words) >= 3
            and words[0] in DEPUTY_RANKS
            and words[-1] == "minister"
        ):
            return True
    return False


def _opposite_sides(a: str, b: str) -> bool:
    """A prosecutor is not the defence lawyer of the same case."""
    return any(
        (a in one and b in other) or (b in one and a in other) for one, other in OPPOSING_ROLES
    )


def _shortened_acting(a: ValueGroup, b: ValueGroup) -> bool:
    """'acting chief executive' and 'chief executive' in one article: that page shortens the
    stand-in's title, so the plain title elsewhere says nothing against 'acting' either."""
    statuses = {_parts(a.normalized)[0], _parts(b.normalized)[0]}
    return statuses == {"current", "acting"} and bool(set(a.article_ids) & set(b.article_ids))


def title_conflicts(observations: list[Observation]) -> list[Draft]:
    """One 'title' conflict per person whose titles clash."""
    by_person: dict[str, list[Observation]] = defaultdict(list)
    for observation in observations:
        by_person[observation.subject_id].append(observation)
    drafts = []
    for entity_id, items in sorted(by_person.items()):
        groups = group_values(items)
        involved: dict[str, ValueGroup] = {}
        confidence = 0.0
        for a, b in combinations(groups, 2):
            if set(a.article_ids) == set(b.article_ids) and len(a.article_ids) == 1:
                continue  # one article giving two titles is its own business, not a contradiction
            if _shortened_acting(a, b):
                continue
            clash = titles_clash(a.normalized, b.normalized)
            if clash > 0:
                involved[a.normalized], involved[b.normalized] = a, b
                confidence = max(confidence, clash)
        if involved:
            drafts.append(
                Draft(
                    kind="title",
                    subject_id=entity_id,
                    subject=items[0].subject,
                    attribute="title",
                    groups=[g for g in groups if g.normalized in involved],
                    confidence=confidence,
                )
            )
    return drafts


def seat_name(office: str, jurisdiction: str) -> str:
    """'U.S. President' style label for a seat, from the normalised parts; a body's name
    ('name:union') is shown as written, not looked up as a place."""
    named = jurisdiction.startswith("name:")
    place = normalize_place(jurisdiction.split(":", 1)[-1]) if jurisdiction and not named else None
    where = place.name if place and place.kind != "unknown" else jurisdiction.split(":", 1)[-1]
    return f"{office} of {where}" if where else office


def role_holder_observations(context: StoryContext, titles: list[Observation]) -> list[Observation]:
    """Who each article says currently holds each single-holder seat."""
    seats = []
    for observation in titles:
        status, office, jurisdiction = _parts(observation.normalized)
        if status != "current" or not is_single_seat(office, jurisdiction):
            continue
        seats.append(
            Observation(
                kind="role-holder",
                subject_id=f"seat:{office}|{jurisdiction}",
                subject=_seat_label(context, office, jurisdiction),
                attribute="holder",
                value=observation.subject,
                normalized=observation.subject_id,
                article_id=observation.article_id,
                evidence=observation.evidence,
            )
        )
    return seats


def _seat_label(context: StoryContext, office: str, jurisdiction: str) -> str:
    for place_id, entity_id in context.resolver.by_place.items():
        if place_id == jurisdiction:
            return f"{office} of {context.resolver.name(entity_id)}"
    return seat_name(office, jurisdiction)


def _same_person(a: ValueGroup, b: ValueGroup) -> bool:
    """Guard against one person split in two by a spelling resolution could not join."""
    last_a = a.value.split()[-1].lower() if a.value else ""
    last_b = b.value.split()[-1].lower() if b.value else ""
    return bool(last_a) and fuzz.ratio(last_a, last_b) >= 85


def role_holder_conflicts(seats: list[Observation]) -> list[Draft]:
    """One seat, several current holders.

    A seat written without a jurisdiction ('Governor X') may be two seats (two states' governors):
    it only counts when no article names both people with that bare title, and less surely.
    """
    by_seat: dict[str, list[Observation]] = defaultdict(list)
    for observation in seats:
        by_seat[observation.subject_id].append(observation)
    drafts = []
    for seat_id, items in sorted(by_seat.items()):
        groups = group_values(items)
        if len(groups) < 2:
            continue
        distinct = [groups[0]]
        for group in groups[1:]:
            if not any(_same_person(group, kept) for kept in distinct):
                distinct.append(group)
        if len(distinct) < 2:
            continue
        bare_seat = seat_id.endswith("|")
        if bare_seat and _named_together(distinct):
            continue
        drafts.append(
            Draft(
                kind="role-holder",
                subject_id=seat_id,
                subject=items[0].subject,
                attribute="holder",
                groups=distinct,
                confidence=BARE_SEAT_CONFIDENCE if bare_seat else ROLE_HOLDER_CONFIDENCE,
            )
        )
    return drafts


def _named_together(groups: list[ValueGroup]) -> bool:
    """Some article gives the bare title to two of these people: two seats, not one."""
    return any(set(a.article_ids) & set(b.article_ids) for a, b in combinations(groups, 2))
