"""Derivation edges: which articles were written from which, from evidence alone.

Each candidate pair is aligned; the pair is linked when one article is largely explained by the
other in the same order (words inside quotation marks do not count: independent reports quote
the same statements). Direction comes from publication dates, from containment (the child is
explained by the parent, not the other way round), from material that the child took from a
third article, and from which side keeps the more specific details. Every edge is computed from
the pair's own evidence: links are never inferred by chaining.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np

from storylens.link.align import ArticleView, Group
from storylens.link.diff import keep_meaningful, pair_changes
from storylens.model import AnnotatedArticle, Change, Derivation, Span

# Linking. Verbatim or lightly edited sentences of the writer's own (non-quote) words are
# strong evidence on their own; reworded sentences are weaker, since independent reports of one
# event say the same things, so they must be many, in the same order, and explain most of a text.
LEXICAL_WORDS_MIN = 20  # own words in copy/edit alignments: more than a stock phrase
LEXICAL_EXPLAINED_MIN = 0.3
PARAPHRASE_GROUPS_MIN = 5  # aligned sentences in order
PARAPHRASE_WORDS_MIN = 40
EXPLAINED_MIN = 0.55  # the better-explained side must be more than half explained
MUTUAL_MIN = 0.2  # and the other side must share more than a lead paragraph
ORDER_MIN = 0.6  # derived texts keep their parent's order
OWN_WORDS_MIN = 4  # a sentence that is nearly all quote proves nothing
COMPILED_MIN = 0.15  # share of an article taken from a third one that makes it a compilation
# Direction evidence (positive: a is the parent), turned into a confidence.
DATE_WEIGHT = 3.0
CONTAINMENT_WEIGHT = 1.5
COMPILATION_WEIGHT = 2.0
SPECIFICITY_WEIGHT = 0.5
SPECIFICITY_CAP = 1.5
DIRECTION_MIN = 0.75
LOCAL_WORDS = 6  # a change longer than this rewords a clause; its diff says little
CONTAINED = 0.85  # an article explained this much by the other is contained in it
CONTAINMENT_MARGIN = 0.15  # and explained this much more than the other way round
LACKS_MARGIN = 0.1  # without containment, one side explained this much more than the other
LACKS_WEIGHT = 0.8


@dataclass(frozen=True)
class PairEvidence:
    """What the alignment of two articles says about their relation."""

    a: int  # index into the story's views
    b: int
    groups: tuple[Group, ...]
    covered_a: frozenset[int]  # sentences of a aligned with b
    covered_b: frozenset[int]
    coverage_a: float  # share of a's own words explained by b
    coverage_b: float
    aligned_words: int  # own words on the smaller side of the alignment
    order: float  # share of aligned words in the monotonic backbone
    lexical_share: float  # share of aligned words in copy or edit alignments
    copy_share: float
    lexical_words: int  # own words (smaller side) in copy/edit alignments
    ordered_groups: int  # alignments on the monotonic backbone with some own words

    @property
    def explained(self) -> float:
        return max(self.coverage_a, self.coverage_b)

    @property
    def mutual(self) -> float:
        return min(self.coverage_a, self.coverage_b)


@dataclass
class Direction:
    votes: float = 0.0
    evidence: list[str] = field(default_factory=list)

    def add(self, weight: float, why: str) -> None:
        if weight:
            self.votes += weight
            self.evidence.append(why)


def pair_evidence(
    a: ArticleView, b: ArticleView, ia: int, ib: int, groups: Sequence[Group]
) -> PairEvidence:
    covered_a = frozenset(i for g in groups for i in g.a)
    covered_b = frozenset(j for g in groups for j in g.b)
    words_a = sum(a.weights[i] for i in covered_a)
    words_b = sum(b.weights[j] for j in covered_b)
    total = 0.0
    monotonic = lexical = copies = 0.0
    lexical_words = ordered_groups = 0
    for g in groups:
        own_a = sum(a.weights[i] for i in g.a)
        own_b = sum(b.weights[j] for j in g.b)
        weight = own_a + own_b
        if min(own_a, own_b) >= OWN_WORDS_MIN:
            ordered_groups += g.monotonic
            if g.kind in ("copy", "edit"):
                lexical_words += min(own_a, own_b)
        total += weight
        monotonic += weight if g.monotonic else 0.0
        lexical += weight if g.kind in ("copy", "edit") else 0.0
        copies += weight if g.kind == "copy" else 0.0
    return PairEvidence(
        a=ia,
        b=ib,
        groups=tuple(groups),
        covered_a=covered_a,
        covered_b=covered_b,
        coverage_a=words_a / a.total_weight if a.total_weight else 0.0,
        coverage_b=words_b / b.total_weight if b.total_weight else 0.0,
        aligned_words=min(words_a, words_b),
        order=monotonic / total if total else 0.0,
        lexical_share=lexical / total if total else 0.0,
        copy_share=copies / total if total else 0.0,
        lexical_words=lexical_words,
        ordered_groups=ordered_groups,
    )


def is_linked(evidence: PairEvidence) -> bool:
    """Derived (or sharing a source) rather than independently written about the same event."""
    if evidence.lexical_words >= LEXICAL_WORDS_MIN and evidence.explained >= LEXICAL_EXPLAINED_MIN:
        return True
    return (
        evidence.ordered_groups >= PARAPHRASE_GROUPS_MIN
        and evidence.aligned_words >= PARAPHRASE_WORDS_MIN
        and evidence.explained >= EXPLAINED_MIN
        and evidence.mutual >= MUTUAL_MIN
        and evidence.order >= ORDER_MIN
    )


def parse_published(value: str | None) -> datetime | date | None:
    if not value:
        return None
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed


def declared_published(article: AnnotatedArticle) -> datetime | date | None:
    if article.article.published_from == "text":
        return None
    return parse_published(article.article.published)


def date_vote(a: AnnotatedArticle, b: AnnotatedArticle) -> tuple[float, str | None]:
    """Earlier publication is the strongest direction evidence there is (when dates exist).
    A bare date line found in a scraped page's text is often the scrape time: not used."""
    da, db = declared_published(a), declared_published(b)
    if da is None or db is None:
        return 0.0, None
    if isinstance(da, datetime) and isinstance(db, datetime):
        try:
            if da.tzinfo is None or db.tzinfo is None:
                da, db = da.replace(tzinfo=None), db.replace(tzinfo=None)
            if da == db:
                return 0.0, None
            earlier_a = da < db
        except TypeError:
            return 0.0, None
    else:
        day_a = da.date() if isinstance(da, datetime) else da
        day_b = db.date() if isinstance(db, datetime) else db
        if day_a == day_b:
            return 0.0, None
        earlier_a = day_a < day_b
    parent, child = (a, b) if earlier_a else (b, a)
    why = f"published earlier ({parent.article.published} before {child.article.published})"
    return (DATE_WEIGHT if earlier_a else -DATE_WEIGHT), why


def third_source_share(
    view: ArticleView,
    covered: frozenset[int],
    partner: int,
    strong_links: dict[int, dict[int, set[int]]],
    related: set[tuple[int, int]],
    own: int,
) -> tuple[float, int | None]:
    """Share of the article's material missing from the partner that comes from an article
    sharing no sentence with the partner: a sign the article compiled the partner with another
    source. (A sibling rewrite also holds the parent's extra material, but it shares sentences
    with the partner, so it does not count.)"""
    extra = [i for i in range(view.size) if i not in covered and view.weights[i] > 0]
    extra_words = sum(view.weights[i] for i in extra)
    if not extra_words:
        return 0.0, None
    sources: dict[int, int] = {}
    for i in extra:
        for other in strong_links.get(own, {}).get(i, ()):
            if other != partner and (min(other, partner), max(other, partner)) not in related:
                sources[other] = sources.get(other, 0) + view.weights[i]
    if not sources:
        return 0.0, None
    best = min(sources, key=lambda k: (-sources[k], k))
    return sources[best] / extra_words * (extra_words / max(view.total_weight, 1)), best


def specificity(article: AnnotatedArticle, start: int, end: int) -> int:
    """Exact details in a span: annotated dates, numbers and names, else digits and capitals."""
    count = sum(1 for d in article.dates if start <= d.start < end and d.granularity == "day")
    count += sum(1 for n in article.numbers if start <= n.start < end)
    count += sum(1 for e in article.entities if start <= e.start < end)
    if count:
        return count
    text = article.article.text[start:end]
    return sum(1 for w in text.split() if w[:1].isdigit() or w[:1].isupper())


def _span_words(span: Span | None) -> int:
    return len(span.text.split()) if span else 0


def _is_local(change: Change) -> bool:
    """A replaced detail, not a reworded clause: only these say which side is more exact."""
    return max(_span_words(change.parent_span), _span_words(change.child_span)) <= LOCAL_WORDS


def specificity_vote(
    changes: Sequence[Change], parent: AnnotatedArticle, child: AnnotatedArticle
) -> float:
    """Positive when the (tentative) parent keeps more exact details in the changed spans."""
    balance = 0
    for change in changes:
        if change.type == "other" or not _is_local(change):
            continue
        p = (
            specificity(parent, change.parent_span.start, change.parent_span.end)
            if change.parent_span
            else 0
        )
        c = (
            specificity(child, change.child_span.start, change.child_span.end)
            if change.child_span
            else 0
        )
        balance += (p > c) - (c > p)
    return max(-SPECIFICITY_CAP, min(SPECIFICITY_CAP, SPECIFICITY_WEIGHT * balance))


def edge_changes(
    parent: AnnotatedArticle,
    parent_view: ArticleView,
    child: AnnotatedArticle,
    child_view: ArticleView,
    groups: Sequence[tuple[tuple[int, ...], tuple[int, ...], bool]],
    kind: str,
) -> list[Change]:
    """Token diffs of every aligned group, parent to child. In reworded sentences only local
    changes are kept (a diff of two different phrasings is noise), and untyped ones are
    bounded for paraphrases."""
    changes: list[Change] = []
    for p_idx, c_idx, reworded in groups:
        p_span = (parent_view.spans[p_idx[0]][0], parent_view.spans[p_idx[-1]][1])
        c_span = (child_view.spans[c_idx[0]][0], child_view.spans[c_idx[-1]][1])
        found = pair_changes(parent, p_span, child, c_span)
        changes += [c for c in found if _is_local(c)] if reworded else found
    if kind in ("paraphrase", "shared-source"):
        return keep_meaningful(changes)
    return keep_meaningful(changes, max_other=200)


def edge_kind(evidence: PairEvidence) -> str:
    if evidence.copy_share >= 0.9 and evidence.mutual >= 0.8:
        return "copy"
    if evidence.lexical_share >= 0.6:
        return "edit"
    return "paraphrase"


def confidence_of(votes: float) -> float:
    return round(0.5 + 0.5 * math.tanh(abs(votes) / 2.0), 3)


def structural_votes(
    evidence: PairEvidence,
    articles: Sequence[AnnotatedArticle],
    views: Sequence[ArticleView],
    strong_links: dict[int, dict[int, set[int]]],
    related: set[tuple[int, int]],
) -> tuple[Direction, float, float]:
    """Date, compilation and containment votes (positive: a is the parent), and how much of
    each article the other (or a third source) explains."""
    ia, ib = evidence.a, evidence.b
    a, b = articles[ia], articles[ib]
    direction = Direction()
    weight, why = date_vote(a, b)
    if why:
        direction.add(weight, why)
    third_a, source_a = third_source_share(
        views[ia], evidence.covered_a, ib, strong_links, related, ia
    )
    third_b, source_b = third_source_share(
        views[ib], evidence.covered_b, ia, strong_links, related, ib
    )
    if third_a >= COMPILED_MIN and third_a > third_b and source_a is not None:
        direction.add(
            -COMPILATION_WEIGHT, f"{a.id} adds material taken from {articles[source_a].id}"
        )
    elif third_b >= COMPILED_MIN and third_b > third_a and source_b is not None:
        direction.add(
            COMPILATION_WEIGHT, f"{b.id} adds material taken from {articles[source_b].id}"
        )
    explained_a = evidence.coverage_a + third_a
    explained_b = evidence.coverage_b + third_b
    if explained_b >= CONTAINED and explained_b - explained_a >= CONTAINMENT_MARGIN:
        direction.add(CONTAINMENT_WEIGHT, f"{b.id} is {explained_b:.0%} explained by {a.id}")
    elif explained_a >= CONTAINED and explained_a - explained_b >= CONTAINMENT_MARGIN:
        direction.add(-CONTAINMENT_WEIGHT, f"{a.id} is {explained_a:.0%} explained by {b.id}")
    elif abs(explained_a - explained_b) >= LACKS_MARGIN and edge_kind(evidence) != "paraphrase":
        # Weaker: the parent has material the child lacks (rewrites cut more than they add).
        # Not for paraphrases: reworded sentences the alignment missed would fake a lack.
        richer, poorer = (a, b) if explained_b > explained_a else (b, a)
        sign = 1.0 if richer is a else -1.0
        direction.add(sign * LACKS_WEIGHT, f"{poorer.id} lacks material {richer.id} has")
    return direction, explained_a, explained_b


def oriented_groups(
    evidence: PairEvidence, parent: int
) -> list[tuple[tuple[int, ...], tuple[int, ...], bool]]:
    """(parent sentences, child sentences, reworded) of every aligned group."""
    if parent == evidence.a:
        return [(g.a, g.b, g.kind == "paraphrase") for g in evidence.groups]
    return [(g.b, g.a, g.kind == "paraphrase") for g in evidence.groups]


def derive_pair(
    evidence: PairEvidence,
    articles: Sequence[AnnotatedArticle],
    views: Sequence[ArticleView],
    strong_links: dict[int, dict[int, set[int]]],
    related: set[tuple[int, int]],
) -> Derivation:
    """The edge of one linked pair: kind, direction, confidence, evidence and changes."""
    ia, ib = evidence.a, evidence.b
    direction, explained_a, explained_b = structural_votes(
        evidence, articles, views, strong_links, related
    )
    # Specificity is judged on the local edits, read in the direction voted so far.
    parent, child = (
        (ia, ib)
        if direction.votes > 0 or (not direction.votes and articles[ia].id <= articles[ib].id)
        else (ib, ia)
    )
    edited = [g for g in oriented_groups(evidence, parent) if not g[2]]
    edits = edge_changes(
        articles[parent], views[parent], articles[child], views[child], edited, "edit"
    )
    tentative = specificity_vote(edits, articles[parent], articles[child])
    if tentative:
        keeper = articles[parent].id if tentative > 0 else articles[child].id
        direction.add(
            tentative if parent == ia else -tentative, f"{keeper} keeps the more specific details"
        )

    kind = edge_kind(evidence)
    decided = abs(direction.votes) >= DIRECTION_MIN
    if decided:
        parent, child = (ia, ib) if direction.votes > 0 else (ib, ia)
        confidence = confidence_of(direction.votes)
        why = tuple(direction.evidence)
        score = evidence.coverage_b if child == ib else evidence.coverage_a
    else:
        parent, child = sorted((ia, ib), key=lambda k: articles[k].id)
        contained = max(explained_a, explained_b) >= CONTAINED
        kind = kind if contained else "shared-source"
        confidence = 0.5 if contained else 0.0
        why = (
            "aligned in order; no direction evidence"
            if contained
            else "aligned in order; neither contains the other; no direction evidence",
        )
        score = max(evidence.coverage_a, evidence.coverage_b)
    changes = edge_changes(
        articles[parent],
        views[parent],
        articles[child],
        views[child],
        oriented_groups(evidence, parent),
        kind,
    )
    return Derivation(
        parent=articles[parent].id,
        child=articles[child].id,
        kind=kind,
        score=round(score, 3),
        confidence=confidence,
        evidence=why,
        changes=tuple(changes),
    )


def lexical_pairs(evidences: Sequence[PairEvidence]) -> set[tuple[int, int]]:
    """Article pairs sharing at least one copied or edited sentence of their own words."""
    return {(ev.a, ev.b) for ev in evidences if ev.lexical_words > 0}


def strong_sentence_links(evidences: Sequence[PairEvidence]) -> dict[int, dict[int, set[int]]]:
    """article -> sentence -> articles it shares that sentence with, copied or edited (for
    third-source checks: reworded matches are too common between independent reports)."""
    links: dict[int, dict[int, set[int]]] = {}
    for ev in evidences:
        for g in ev.groups:
            if g.kind == "paraphrase":
                continue
            for i in g.a:
                links.setdefault(ev.a, {}).setdefault(i, set()).add(ev.b)
            for j in g.b:
                links.setdefault(ev.b, {}).setdefault(j, set()).add(ev.a)
    return links


def document_vectors(views: Sequence[ArticleView]) -> np.ndarray:
    from storylens.link.embeddings import DIMENSION, normalize_rows

    rows = [v.vectors.mean(axis=0) if v.size else np.zeros(DIMENSION, np.float32) for v in views]
    return normalize_rows(np.stack(rows)) if rows else np.zeros((0, DIMENSION), np.float32)
