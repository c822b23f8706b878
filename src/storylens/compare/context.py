"""What every comparison needs to know about the story: articles, families, entities, places.

Also the records the comparison modules hand to claims, ranking and explanation: an
``Observation`` (one article asserting one value of one attribute of one subject, with its
evidence) and a ``Draft`` conflict (groups of observations whose values cannot all be true).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storylens.compare.entities import Resolver, resolve_entities
from storylens.compare.places import Gazetteer, learn_containment
from storylens.model import AnnotatedArticle, LinkedStory, Span


@dataclass(frozen=True)
class Observation:
    """One article saying one value of (subject, attribute), with the words that say it."""

    kind: str  # claim kind: "title" | "event-place" | "event-date" | "number" | "role-holder"
    subject_id: str
    subject: str
    attribute: str
    value: str  # the value as shown to a reader
    normalized: str  # what equality means for this value
    article_id: str
    evidence: tuple[Span, ...]


@dataclass
class ValueGroup:
    """Observations that agree on one value."""

    normalized: str
    value: str
    observations: list[Observation] = field(default_factory=list)
    note: str | None = None  # how the value reads in the articles' frame ("15 May 2025")

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({o.article_id for o in self.observations}))


@dataclass
class Draft:
    """A conflict before ids, ranking and wording are settled."""

    kind: str
    subject_id: str
    subject: str
    attribute: str
    groups: list[ValueGroup]
    confidence: float
    main_event: bool = False  # about the story's main event: ranks above side details


@dataclass(frozen=True)
class StoryContext:
    """The story as the comparison modules see it."""

    articles: tuple[AnnotatedArticle, ...]
    by_id: dict[str, AnnotatedArticle]
    family_of: dict[str, str]
    resolver: Resolver
    gazetteer: Gazetteer
    frame_year: int | None
    alignments: frozenset[tuple[str, int, str, int]]
    trusted_frames: frozenset[str] = frozenset()

    def families(self, article_ids: Iterable[str]) -> int:
        """How many independent sources (families) the articles amount to."""
        return len({self.family_of.get(a, a) for a in article_ids})

    def trusted(self, article_id: str) -> bool:
        """The article's date sits within a week of the story's median date: its frame can be
        used to read 'Thursday' as a day (a crawl or render stamp cannot)."""
        return article_id in self.trusted_frames

    def aligned(self, a: str, sentence_a: int, b: str, sentence_b: int) -> bool:
        return (a, sentence_a, b, sentence_b) in self.alignments


def _year_of(iso: str | None) -> int | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None


def frame_year(articles: Sequence[AnnotatedArticle]) -> int | None:
    """The year the story happens in: most articles' dates, else most anchored dates in text."""
    years = Counter(y for a in articles if (y := _year_of(a.article.published)))
    if not years:
        years = Counter(
            y for a in articles for d in a.dates if d.anchored and (y := _year_of(d.value))
        )
    if not years:
        return None
    return min(years, key=lambda y: (-years[y], -y))


def _alignment_pairs(linked: LinkedStory) -> frozenset[tuple[str, int, str, int]]:
    pairs: set[tuple[str, int, str, int]] = set()
    for alignment in linked.alignments:
        for sa in alignment.sentences_a:
            for sb in alignment.sentences_b:
                pairs.add((alignment.article_a, sa, alignment.article_b, sb))
                pairs.add((alignment.article_b, sb, alignment.article_a, sa))
    return frozenset(pairs)


def build_context(linked: LinkedStory) -> StoryContext:
    """Families (each article its own when link found none), entities, places, the year."""
    articles = tuple(sorted(linked.story.articles, key=lambda a: a.id))
    family_of = {a.id: a.id for a in articles}
    for family in linked.families:
        for article_id in family.article_ids:
            family_of[article_id] = family.id
    return StoryContext(
        articles=articles,
        by_id={a.id: a for a in articles},
        family_of=family_of,
        resolver=resolve_entities(articles),
        gazetteer=learn_containment(articles),
        frame_year=frame_year(articles),
        alignments=_alignment_pairs(linked),
        trusted_frames=trusted_frames(articles),
    )


TRUSTED_FRAME_DAYS = 7


def trusted_frames(articles: Sequence[AnnotatedArticle]) -> frozenset[str]:
    """Articles dated within a week of the median date of the story's dated articles (at
    least three of them, or nothing can be told apart)."""
    dated = []
    for article in articles:
        try:
            day = dt.date.fromisoformat((article.article.published or "")[:10])
        except ValueError:
            continue
        dated.append((day, article.id))
    if len(dated) < 3:
        return frozenset()
    days = sorted(d for d, _ in dated)
    median = days[len(days) // 2]
    return frozenset(a for d, a in dated if abs((d - median).days) <= TRUSTED_FRAME_DAYS)


def group_values(observations: Iterable[Observation]) -> list[ValueGroup]:
    """Observations grouped by normalised value, the most widely carried value first."""
    groups: dict[str, ValueGroup] = {}
    for observation in observations:
        group = groups.setdefault(
            observation.normalized, ValueGroup(observation.normalized, observation.value)
        )
        group.observations.append(observation)
    for group in groups.values():
        shown = Counter(o.value for o in group.observations)
        group.value = min(shown, key=lambda v: (-shown[v], v))
    return sorted(groups.values(), key=lambda g: (-len(g.article_ids), g.normalized))
