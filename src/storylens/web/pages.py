"""What each page shows, computed from the stored report and records before a template sees it.

Pure functions of plain data (the story's report.json section, an annotated article), so they
are tested without a server. Templates only loop and escape; no value reaches the page as
markup, and colours and positions go into SVG attributes or CSS classes, never inline styles
(the Content-Security-Policy forbids them).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from storylens.model import AnnotatedArticle
from storylens.report import views

Json = dict[str, Any]
SPAN_KINDS = ("entity", "date", "title", "quote", "number")
FAMILY_CLASSES = len(views.FAMILY_COLOURS) - 1  # the last colour is for articles in no family
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# A page must stay readable (and fast) when a story has hundreds of articles: long lists are
# cut, with the full data one click away in the JSON.
MAX_EVIDENCE = 5  # spans shown per value, claim or quote
MAX_LISTED = 12  # article links in one list
MAX_GRAPH_EDGES = 120  # beyond this the graph keeps each article's closest parent only
MAX_EDGE_LIST = 150


# --------------------------------------------------------------------------- story page


def story_index(report: Json) -> views.ArticleIndex:
    return views.ArticleIndex(report["articles"])


def family_classes(story: Json) -> dict[str, str]:
    """Article id -> CSS class of its family colour (the same colours as the graph)."""
    classes = {}
    for i, family in enumerate(story["families"]):
        for article_id in family["article_ids"]:
            classes[article_id] = f"fam-{i % FAMILY_CLASSES}"
    return classes


def claims_by_status(story: Json) -> dict[str, list[Json]]:
    groups: dict[str, list[Json]] = {"corroborated": [], "single-source": [], "conflicting": []}
    for claim in story["claims"]:
        groups.setdefault(claim["status"], []).append(claim)
    groups["corroborated"].sort(key=lambda c: (-c["families"], c["subject"], c["attribute"]))
    return groups


def quotes_by_status(story: Json) -> dict[str, list[Json]]:
    groups: dict[str, list[Json]] = {"verbatim": [], "variant": [], "single-source": []}
    for quote in story["quotes"]:
        groups.setdefault(quote["status"], []).append(quote)
    return groups


def by_strength(derivations: list[Json]) -> list[Json]:
    """Closest derivation first: most of the child explained, then surest direction."""
    return sorted(derivations, key=lambda d: (-d["score"], -d["confidence"], d["parent"]))


def graph_derivations(story: Json) -> list[Json]:
    """All derivations while the graph stays legible, else each child's closest parent."""
    derivations = story["derivations"]
    if len(derivations) <= MAX_GRAPH_EDGES:
        return derivations
    best: dict[str, Json] = {}
    for derivation in by_strength(derivations):
        best.setdefault(derivation["child"], derivation)
    return sorted(best.values(), key=lambda d: (d["child"], d["parent"]))


def pair_story(story: Json, parent: str, child: str) -> Json:
    """The story with only the alignments of one pair, so a diff does not scan them all."""
    pair = {parent, child}
    alignments = [a for a in story["alignments"] if {a["a"], a["b"]} == pair]
    return {**story, "alignments": alignments}


@dataclass(frozen=True)
class EdgeLabel:
    x: int
    y: int
    text: str


def edge_labels(graph: views.Graph) -> list[EdgeLabel]:
    """Where to write each derivation's kind: half way along its drawn curve."""
    where = {n.id: (n.x, n.y) for n in graph.nodes}
    labels = []
    for edge in graph.edges:
        point = curve_midpoint(edge.path)
        if point is None:  # not a single cubic curve: between the two boxes
            (px, py), (cx, cy) = where[edge.parent], where[edge.child]
            point = ((px + graph.node_w + cx) / 2, (py + cy + graph.node_h) / 2)
        labels.append(EdgeLabel(round(point[0]), round(point[1]) - 4, edge.kind))
    return labels


def curve_midpoint(path: str) -> tuple[float, float] | None:
    """The point at t=0.5 of an SVG path "M x,y C x,y x,y x,y"."""
    numbers = [float(n) for n in NUMBER.findall(path)]
    if not path.lstrip().startswith("M") or "C" not in path or len(numbers) != 8:
        return None
    x0, y0, x1, y1, x2, y2, x3, y3 = numbers
    return (x0 + 3 * x1 + 3 * x2 + x3) / 8, (y0 + 3 * y1 + 3 * y2 + y3) / 8


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineRow:
    article_id: str
    label: str
    published: str
    x: int
    y: int
    colour: str


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass
class Timeline:
    width: int
    height: int
    left: int
    right: int
    rows: list[TimelineRow] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)


TL_WIDTH, TL_LEFT, TL_RIGHT_PAD, TL_ROW, TL_TOP = 900, 210, 150, 22, 28


def parse_published(value: str | None) -> datetime | None:
    """ISO date or datetime (a year-month is read as its first day); naive times are UTC."""
    if not value:
        return None
    text = value.strip()
    for candidate in (text, text + "-01", text + "-01-01"):
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def timeline_view(story: Json, index: views.ArticleIndex) -> Timeline:
    """One row per article in publication order, placed on a shared time axis."""
    colours = views.family_colours(story)
    dated, undated = [], []
    for article_id in story["article_ids"]:
        published = (index.get(article_id) or {}).get("published")
        when = parse_published(published)
        if when is None:
            undated.append(article_id)
        else:
            dated.append((when, article_id, published))
    dated.sort()
    right = TL_WIDTH - TL_RIGHT_PAD
    height = TL_TOP + len(dated) * TL_ROW + 8
    timeline = Timeline(TL_WIDTH, height, TL_LEFT, right, undated=undated)
    if not dated:
        return timeline
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).total_seconds()

    def x_of(when: datetime) -> int:
        if span <= 0:
            return (TL_LEFT + right) // 2
        return TL_LEFT + round((when - first).total_seconds() / span * (right - TL_LEFT))

    for i, (when, article_id, published) in enumerate(dated):
        timeline.rows.append(
            TimelineRow(
                article_id=article_id,
                label=views.clip(index.label(article_id), 28),
                published=published,
                x=x_of(when),
                y=TL_TOP + i * TL_ROW + TL_ROW // 2,
                colour=colours.get(article_id, views.FAMILY_COLOURS[-1]),
            )
        )
    timeline.ticks = time_ticks(first, last, x_of)
    return timeline


def time_ticks(first: datetime, last: datetime, x_of: Any) -> list[Tick]:
    """First, last and up to three dates between them, without repeating a label."""
    span = last - first
    points = [first + span * (i / 4) for i in range(5)] if span.total_seconds() > 0 else [first]
    ticks, seen = [], set()
    for when in points:
        label = when.strftime("%d %b %Y") if span.days >= 2 else when.strftime("%d %b %H:%M")
        if label not in seen:
            seen.add(label)
            ticks.append(Tick(x_of(when), label))
    return ticks


# --------------------------------------------------------------------------- article page


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # one of SPAN_KINDS, or "cited" for a span a conflict or flag cites
    tip: str
    target: str | None = None  # URL of the finding a cited span is evidence for


@dataclass(frozen=True)
class Piece:
    """A run of text covered by the same highlights."""

    text: str
    kinds: tuple[str, ...] = ()
    tip: str = ""
    target: str | None = None
    anchor: str | None = None  # HTML id, where a highlighted span starts

    @property
    def classes(self) -> str:
        return " ".join(f"k-{k}" for k in self.kinds)


def annotation_highlights(annotated: AnnotatedArticle) -> list[Highlight]:
    """Entities, dates, titles, quotes and numbers as spans with a short explanation."""
    marks = [Highlight(e.start, e.end, "entity", f"entity {e.label}") for e in annotated.entities]
    marks += [
        Highlight(d.start, d.end, "date", f"date {d.granularity}: {d.value or 'unresolved'}")
        for d in annotated.dates
    ]
    marks += [
        Highlight(t.start, t.end, "title", f"title: {title_words(t)} of {t.person}")
        for t in annotated.titles
    ]
    marks += [
        Highlight(q.start, q.end, "quote", f"{q.kind} quote, {q.speaker or 'speaker unknown'}")
        for q in annotated.quotes
    ]
    marks += [
        Highlight(n.start, n.end, "number", f"number: {n.value:g}{' ' + n.unit if n.unit else ''}")
        for n in annotated.numbers
    ]
    return [m for m in marks if m.end > m.start]


def title_words(title: Any) -> str:
    parts = [title.status if title.status != "current" else "", title.office]
    if title.jurisdiction:
        parts.append(f"({title.jurisdiction})")
    return " ".join(p for p in parts if p)


def cited_highlights(story: Json, article_id: str, story_url: str) -> list[Highlight]:
    """Spans of this article that a conflict or flag cites, linked to the finding."""
    marks = []
    for conflict in story["conflicts"]:
        target = f"{story_url}#{conflict_anchor(conflict)}"
        tip = f"{conflict['kind']} conflict: {conflict['subject']}"
        for value in conflict["values"]:
            for span in value["evidence"]:
                if span["article"] == article_id:
                    marks.append(Highlight(span["start"], span["end"], "cited", tip, target))
    for flag in story.get("flags", []):
        target = f"{story_url}#{views.anchor(flag['id'], 'f')}"
        for span in flag["evidence"]:
            if span["article"] == article_id:
                mark = Highlight(span["start"], span["end"], "cited", flag["explanation"], target)
                marks.append(mark)
    return marks


def conflict_anchor(conflict: Json) -> str:
    return views.anchor(conflict["id"], "c")


def span_anchor(start: int) -> str:
    """The id a story page links to for evidence starting at ``start``."""
    return f"at-{start}"


def highlighted_paragraphs(text: str, marks: list[Highlight]) -> list[list[Piece]]:
    """The text's paragraphs cut wherever a highlight starts or ends.

    Spans overlap (a quote holds names and dates), so instead of nesting tags each piece
    carries every kind that covers it; the stylesheet layers them.
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts = {m.start for m in marks}
    cuts = sorted(starts | {m.end for m in marks})
    paragraphs = []
    for p_start, p_end in views.paragraph_bounds(text):
        inside = [m for m in marks if m.start < p_end and m.end > p_start]
        points = sorted({p_start, p_end, *(c for c in cuts if p_start < c < p_end)})
        pieces = []
        for a, b in itertools.pairwise(points):
            covering = [m for m in inside if m.start <= a and b <= m.end]
            pieces.append(piece_of(text[a:b], covering, a if a in starts else None))
        paragraphs.append(pieces)
    return paragraphs


def piece_of(text: str, covering: list[Highlight], start: int | None) -> Piece:
    if not covering:
        return Piece(text, anchor=span_anchor(start) if start is not None else None)
    kinds = tuple(sorted({m.kind for m in covering}))
    tips = list(dict.fromkeys(m.tip for m in covering))
    target = next((m.target for m in covering if m.target), None)
    return Piece(
        text,
        kinds,
        "; ".join(tips),
        target,
        span_anchor(start) if start is not None else None,
    )


def span_counts(annotated: AnnotatedArticle) -> dict[str, int]:
    return {
        "entity": len(annotated.entities),
        "date": len(annotated.dates),
        "title": len(annotated.titles),
        "quote": len(annotated.quotes),
        "number": len(annotated.numbers),
    }


def derivations_of(story: Json, article_id: str) -> tuple[list[Json], list[Json]]:
    """Derivations where the article is the child (its parents) and where it is the parent."""
    parents = [d for d in story["derivations"] if d["child"] == article_id]
    children = [d for d in story["derivations"] if d["parent"] == article_id]
    return parents, children


def family_of_article(story: Json, article_id: str) -> Json | None:
    return next((f for f in story["families"] if article_id in f["article_ids"]), None)


def annotations_json(annotated: AnnotatedArticle) -> Json:
    """The spans of the annotated record, by kind, for the JSON API."""
    return {
        "sentences": [[s.start, s.end] for s in annotated.sentences],
        "entities": [dataclasses.asdict(e) for e in annotated.entities],
        "titles": [dataclasses.asdict(t) for t in annotated.titles],
        "dates": [dataclasses.asdict(d) for d in annotated.dates],
        "numbers": [dataclasses.asdict(n) for n in annotated.numbers],
        "quotes": [dataclasses.asdict(q) for q in annotated.quotes],
    }
