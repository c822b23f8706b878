"""Where organisations are based: one organisation given head offices in places that exclude
each other ("headquartered in Amsterdam" against "based in Frankfurt").

Places go through the story's gazetteer, so a city and its country agree and so do two
spellings of one city. Different organisations are different subjects and never clash, and an
article that names two places for one organisation (two sites) is not read as a clash.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from storylens.compare.context import Draft, Observation, StoryContext, group_values
from storylens.compare.places import normalize_place
from storylens.compare.text import make_span, name_key
from storylens.model import AnnotatedArticle, LocationMention

KNOWN_PLACES_CONFIDENCE = 0.75
UNKNOWN_PLACE_CONFIDENCE = 0.55


def organisation_key(name: str) -> str:
    """One key per organisation however it is written ('The Kelmar Group's' -> 'kelmar group')."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key


def location_observations(context: StoryContext) -> list[Observation]:
    """One observation per organisation-location fact whose organisation is known."""
    observations = []
    for article in context.articles:
        for mention in article.locations:
            observation = _observation(article, mention)
            if observation is not None:
                observations.append(observation)
    return observations


def _observation(article: AnnotatedArticle, mention: LocationMention) -> Observation | None:
    if not mention.organization or not organisation_key(mention.organization):
        return None
    span = make_span(article, mention.start, mention.end)
    if span is None:
        return None
    place = normalize_place(mention.place.text)
    return Observation(
        kind="organisation-place",
        subject_id=f"organisation:{organisation_key(mention.organization)}",
        subject=mention.organization.strip(),
        attribute=mention.attribute,
        value=place.name if place.kind != "unknown" else mention.place.text.strip(),
        normalized=place.id,
        article_id=article.id,
        evidence=(span,),
    )


def location_conflicts(context: StoryContext, observations: list[Observation]) -> list[Draft]:
    """One 'place' conflict per organisation and attribute whose places exclude each other."""
    by_subject: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for observation in observations:
        by_subject[(observation.subject_id, observation.attribute)].append(observation)
    drafts = []
    for (subject_id, attribute), items in sorted(by_subject.items()):
        groups = group_values(items)
        involved: dict[str, float] = {}
        for a, b in combinations(groups, 2):
            if set(a.article_ids) & set(b.article_ids):
                continue  # one article naming both: two sites, not a contradiction
            place_a, place_b = normalize_place(a.value), normalize_place(b.value)
            if not context.gazetteer.known_apart(place_a, place_b):
                continue
            known = "unknown" not in {place_a.kind, place_b.kind}
            confidence = KNOWN_PLACES_CONFIDENCE if known else UNKNOWN_PLACE_CONFIDENCE
            for group in (a, b):
                involved[group.normalized] = max(involved.get(group.normalized, 0.0), confidence)
        if involved:
            drafts.append(
                Draft(
                    kind="place",
                    subject_id=subject_id,
                    subject=items[0].subject,
                    attribute=attribute,
                    groups=[g for g in groups if g.normalized in involved],
                    confidence=max(involved.values()),
                )
            )
    return drafts
