"""What the HTML and Markdown writers show, computed from report.json alone.

Both writers render the report object, not the Analysis, so anything that holds a report.json
(the web app, a reader of an old run) can render it again. The helpers here turn spans into
readable evidence (the sentence around the span), derivation edges into aligned
parent/child rows with the changed words marked, and the derivation graph into a layout.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]

CONTEXT_CHARS = 240  # of sentence kept on each side of a span; long sentences are clipped
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+|\n+")
TOKEN = re.compile(r"\w+|[^\w\s]")
TYPED_CHANGES = ("date", "place", "number", "title", "person", "entity")
EDIT_RATIO = 0.5  # below this share of shared tokens a pair is a paraphrase: a word diff is noise
RELATION = {  # "<child> ... <parent>" as a reader would say it
    "copy": "copies",
    "edit": "is an edited copy of",
    "paraphrase": "paraphrases",
    "shared-source": "shares a source with",
}
FAMILY_COLOURS = (
    "#dbeafe",
    "#fde68a",
    "#d1fae5",
    "#fbcfe8",
    "#e9d5ff",
    "#fed7aa",
    "#ccfbf1",
    "#e5e7eb",
)


# --------------------------------------------------------------------------- evidence in context


@dataclass(frozen=True)
class Context:
    """A span with the rest of its sentence, ready to print with the span highlighted."""

    article: str
    before: str
    match: str
    after: str
    start: int
    end: int


def sentence_bounds(article: Json) -> list[tuple[int, int]]:
    """The annotator's sentences when the report has them, else a punctuation split."""
    if article.get("sentences"):
        return [(int(s), int(e)) for s, e in article["sentences"]]
    return split_sentences(article["text"])


def split_sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for gap in SENTENCE_END.finditer(text):
        if gap.start() > start:
            bounds.append((start, gap.start()))
        start = gap.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def enclosing_range(bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The sentences a span touches, joined; None when it falls between sentences."""
    touched = [(s, e) for s, e in bounds if s < max(end, start + 1) and e > start]
    if not touched:
        return None
    return min(s for s, _ in touched), max(e for _, e in touched)


def span_context(text: str, bounds: list[tuple[int, int]], span: Json) -> Context:
    start, end = span["start"], span["end"]
    sentence = enclosing_range(bounds, start, end) or (start, end)
    left, right = min(sentence[0], start), max(sentence[1], end)
    before = text[left:start]
    after = text[end:right]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return Context(
        article=span["article"],
        before=before.replace("\n", " "),
        match=text[start:end],
        after=after.replace("\n", " "),
        start=start,
        end=end,
    )


class ArticleIndex:
    """Articles by id with their sentence bounds, computed once per report."""

    def __init__(self, articles: Iterable[Json]) -> None:
        self.by_id = {a["id"]: a for a in articles}
        self._bounds: dict[str, list[tuple[int, int]]] = {}

    def get(self, article_id: str) -> Json | None:
        return self.by_id.get(article_id)

    def bounds(self, article_id: str) -> list[tuple[int, int]]:
        if article_id not in self._bounds:
            self._bounds[article_id] = sentence_bounds(self.by_id[article_id])
        return self._bounds[article_id]

    def context(self, span: Json) -> Context:
        article_id = span["article"]
        return span_context(self.by_id[article_id]["text"], self.bounds(article_id), span)

    def label(self, article_id: str) -> str:
        """How a reader recognises an article: its site, else its id."""
        article = self.by_id.get(article_id)
        site = article and article["source"].get("site")
        return site or article_id


# --------------------------------------------------------------------------- rewrite diffs


LONG_CHANGE = 40  # characters; a changed clause is marked lighter than a changed name


@dataclass(frozen=True)
class Segment:
    """A run of text; ``kind`` names the change it belongs to, None for unchanged text."""

    text: str
    kind: str | None = None
    op: str | None = None
    target: str | None = None  # HTML id of the finding this text is evidence for
    label: str | None = None

    @property
    def long(self) -> bool:
        return len(self.text) > LONG_CHANGE


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    op: str
    target: str | None = None
    label: str | None = None


@dataclass
class RewriteRow:
    """Aligned parent and child sentences with their differences marked."""

    parent: list[Segment]
    child: list[Segment]
    parent_range: tuple[int, int] | None
    child_range: tuple[int, int] | None
    kinds: list[str] = field(default_factory=list)  # typed changes in this row

    @property
    def changed(self) -> bool:
        return any(s.kind for s in self.parent) or any(s.kind for s in self.child)


@dataclass
class Rewrite:
    derivation: Json
    rows: list[RewriteRow]
    aligned: int  # aligned sentence pairs between parent and child
    change_counts: dict[str, int]

    @property
    def changed_rows(self) -> list[RewriteRow]:
        return [r for r in self.rows if r.changed]

    @property
    def unchanged_rows(self) -> list[RewriteRow]:
        return [r for r in self.rows if not r.changed]


def rewrite_view(derivation: Json, story: Json, index: ArticleIndex) -> Rewrite:
    """Parent and child side by side, pair by aligned pair, changes marked and typed."""
    parent_id, child_id = derivation["parent"], derivation["child"]
    pairs = aligned_ranges(story["alignments"], parent_id, child_id, index)
    placed: dict[int, list[Json]] = {i: [] for i in range(len(pairs))}
    loose: list[Json] = []
    for change in derivation["changes"]:
        slot = pair_of_change(change, pairs)
        (placed[slot] if slot is not None else loose).append(change)
    rows = [
        build_row(index, parent_id, child_id, p_range, c_range, placed[i])
        for i, (p_range, c_range) in enumerate(pairs)
    ]
    rows += rows_for_loose_changes(loose, index, parent_id, child_id)
    rows.sort(key=lambda r: (r.child_range or (10**12, 0), r.parent_range or (10**12, 0)))
    counts: dict[str, int] = {}
    for change in derivation["changes"]:
        counts[change["type"]] = counts.get(change["type"], 0) + 1
    return Rewrite(derivation=derivation, rows=rows, aligned=len(pairs), change_counts=counts)


def aligned_ranges(
    alignments: list[Json], parent_id: str, child_id: str, index: ArticleIndex
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Character ranges of each aligned (parent sentences, child sentences) pair."""
    parent_bounds, child_bounds = index.bounds(parent_id), index.bounds(child_id)
    pairs = []
    for alignment in alignments:
        if (alignment["a"], alignment["b"]) == (parent_id, child_id):
            p_idx, c_idx = alignment["sa"], alignment["sb"]
        elif (alignment["a"], alignment["b"]) == (child_id, parent_id):
            p_idx, c_idx = alignment["sb"], alignment["sa"]
        else:
            continue
        p_range = joined_range(parent_bounds, p_idx)
        c_range = joined_range(child_bounds, c_idx)
        if p_range and c_range:
            pairs.append((p_range, c_range))
    return sorted(set(pairs), key=lambda pair: (pair[1], pair[0]))


def joined_range(bounds: list[tuple[int, int]], indices: list[int]) -> tuple[int, int] | None:
    picked = [bounds[i] for i in indices if 0 <= i < len(bounds)]
    if not picked:
        return None
    return min(s for s, _ in picked), max(e for _, e in picked)


def pair_of_change(
    change: Json, pairs: list[tuple[tuple[int, int], tuple[int, int]]]
) -> int | None:
    for i, (p_range, c_range) in enumerate(pairs):
        if within(change["parent_span"], p_range) or within(change["child_span"], c_range):
            return i
    return None


def within(span: Json | None, bounds: tuple[int, int]) -> bool:
    return span is not None and bounds[0] <= span["start"] and span["end"] <= bounds[1]


def rows_for_loose_changes(
    changes: list[Json], index: ArticleIndex, parent_id: str, child_id: str
) -> list[RewriteRow]:
    """Changes outside any aligned pair: shown in their own sentences, grouped by sentence."""
    grouped: dict[tuple[Any, Any], list[Json]] = {}
    for change in changes:
        p_range = span_sentence(index, change["parent_span"])
        c_range = span_sentence(index, change["child_span"])
        grouped.setdefault((p_range, c_range), []).append(change)
    return [
        build_row(index, parent_id, child_id, p_range, c_range, group, diff_rest=False)
        for (p_range, c_range), group in grouped.items()
    ]


def span_sentence(index: ArticleIndex, span: Json | None) -> tuple[int, int] | None:
    if span is None:
        return None
    bounds = index.bounds(span["article"])
    return enclosing_range(bounds, span["start"], span["end"]) or (span["start"], span["end"])


def build_row(
    index: ArticleIndex,
    parent_id: str,
    child_id: str,
    p_range: tuple[int, int] | None,
    c_range: tuple[int, int] | None,
    changes: list[Json],
    diff_rest: bool = True,
) -> RewriteRow:
    """Typed changes from the linker first; a word diff marks what they leave out."""
    parent_text = index.by_id[parent_id]["text"]
    child_text = index.by_id[child_id]["text"]
    p_marks = [mark_of(c, "parent_span", p_range) for c in changes]
    c_marks = [mark_of(c, "child_span", c_range) for c in changes]
    p_marks_ok = [m for m in p_marks if m]
    c_marks_ok = [m for m in c_marks if m]
    if diff_rest and p_range and c_range:
        extra_p, extra_c = word_diff(parent_text, p_range, child_text, c_range)
        p_marks_ok += [m for m in extra_p if not overlaps_any(m, p_marks_ok)]
        c_marks_ok += [m for m in extra_c if not overlaps_any(m, c_marks_ok)]
    kinds = sorted({c["type"] for c in changes if c["type"] in TYPED_CHANGES})
    return RewriteRow(
        parent=segments(parent_text, p_range, p_marks_ok),
        child=segments(child_text, c_range, c_marks_ok),
        parent_range=p_range,
        child_range=c_range,
        kinds=kinds,
    )


def mark_of(change: Json, side: str, bounds: tuple[int, int] | None) -> Mark | None:
    span = change[side]
    if span is None or bounds is None or not within(span, bounds) or span["start"] == span["end"]:
        return None
    return Mark(span["start"], span["end"], change["type"], change["op"])


def word_diff(
    parent_text: str, p_range: tuple[int, int], child_text: str, c_range: tuple[int, int]
) -> tuple[list[Mark], list[Mark]]:
    """Token-level differences the linker did not type, so no edit goes unseen.

    Only for pairs that are edits of each other; in a paraphrase every word differs and
    marking them all would hide the typed changes that matter.
    """
    p_tokens = tokens(parent_text, p_range)
    c_tokens = tokens(child_text, c_range)
    matcher = difflib.SequenceMatcher(
        None, [t for t, _, _ in p_tokens], [t for t, _, _ in c_tokens], autojunk=False
    )
    p_marks: list[Mark] = []
    c_marks: list[Mark] = []
    if matcher.ratio() < EDIT_RATIO:
        return p_marks, c_marks
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            p_marks.append(Mark(p_tokens[i1][1], p_tokens[i2 - 1][2], "other", op))
        if j2 > j1:
            c_marks.append(Mark(c_tokens[j1][1], c_tokens[j2 - 1][2], "other", op))
    return p_marks, c_marks


def tokens(text: str, bounds: tuple[int, int]) -> list[tuple[str, int, int]]:
    start, end = bounds
    return [
        (m.group(), start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])
    ]


def overlaps_any(mark: Mark, marks: list[Mark]) -> bool:
    return any(mark.start < m.end and m.start < mark.end for m in marks)


def segments(text: str, bounds: tuple[int, int] | None, marks: list[Mark]) -> list[Segment]:
    """Cut ``text[bounds]`` into plain and marked runs; overlapping marks keep the first."""
    if bounds is None:
        return []
    start, end = bounds
    result: list[Segment] = []
    cursor = start
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < cursor:
            continue
        if mark.start > cursor:
            result.append(Segment(text[cursor : mark.start]))
        result.append(
            Segment(text[mark.start : mark.end], mark.kind, mark.op, mark.target, mark.label)
        )
        cursor = mark.end
    if cursor < end:
        result.append(Segment(text[cursor:end]))
    return result


# --------------------------------------------------------------------------- derivation graph


NODE_W, NODE_H, COL_GAP, ROW_GAP, PAD = 190, 40, 64, 12, 10
ARC = 24  # headroom for edges that skip a column and arc over the boxes between


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    title: str
    x: int
    y: int
    colour: str
    original: bool


@dataclass(frozen=True)
class Edge:
    parent: str
    child: str
    kind: str
    path: str  # SVG path data


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    node_w: int = NODE_W
    node_h: int = NODE_H


def graph_view(story: Json, index: ArticleIndex) -> Graph:
    """Layered layout: originals left, each copy one column right of its deepest parent."""
    ids = story["article_ids"]
    parents: dict[str, list[str]] = {a: [] for a in ids}
    for d in story["derivations"]:
        if d["child"] in parents and d["parent"] in parents:
            parents[d["child"]].append(d["parent"])
    depth = layer_depths(ids, parents)
    colours = family_colours(story)
    originals = {f["original"] for f in story["families"] if len(f["article_ids"]) > 1}
    family_rank = {a: i for i, f in enumerate(story["families"]) for a in f["article_ids"]}
    columns: dict[int, list[str]] = {}
    for article_id in sorted(ids, key=lambda a: (family_rank.get(a, 10**6), a)):
        columns.setdefault(depth[article_id], []).append(article_id)
    position: dict[str, tuple[int, int]] = {}
    for col, members in columns.items():
        for row, article_id in enumerate(members):
            position[article_id] = (
                PAD + col * (NODE_W + COL_GAP),
                PAD + ARC + row * (NODE_H + ROW_GAP),
            )
    nodes = [
        Node(
            id=a,
            label=clip(index.label(a), 24),
            title=clip((index.get(a) or {}).get("title") or "", 30),
            x=position[a][0],
            y=position[a][1],
            colour=colours.get(a, FAMILY_COLOURS[-1]),
            original=a in originals,
        )
        for a in ids
    ]
    edges = [
        Edge(
            d["parent"],
            d["child"],
            d["kind"],
            edge_path(position[d["parent"]], position[d["child"]]),
        )
        for d in story["derivations"]
        if d["parent"] in position and d["child"] in position
    ]
    width = PAD * 2 + (max(columns) + 1) * NODE_W + max(columns) * COL_GAP if columns else 0
    rows = max((len(m) for m in columns.values()), default=0)
    height = PAD * 2 + ARC + rows * NODE_H + max(rows - 1, 0) * ROW_GAP
    return Graph(width=width, height=height, nodes=nodes, edges=edges)


def layer_depths(ids: list[str], parents: dict[str, list[str]]) -> dict[str, int]:
    """Longest chain of parents above each article; cycles are cut after len(ids) rounds."""
    depth = dict.fromkeys(ids, 0)
    for _ in range(len(ids)):
        moved = False
        for article_id in ids:
            want = max((depth[p] + 1 for p in parents[article_id]), default=0)
            if want > depth[article_id] and want < len(ids):
                depth[article_id] = want
                moved = True
        if not moved:
            break
    return depth


def edge_path(parent: tuple[int, int], child: tuple[int, int]) -> str:
    x1, y1 = parent[0] + NODE_W, parent[1] + NODE_H // 2
    x2, y2 = child[0], child[1] + NODE_H // 2
    if x2 <= x1:  # same column: loop round the right side
        x1, x2 = parent[0] + NODE_W, child[0] + NODE_W
        bend = x1 + COL_GAP // 2
        return f"M{x1},{y1} C{bend},{y1} {bend},{y2} {x2 + 4},{y2}"
    if x2 - x1 > COL_GAP:  # skips a column: arc over the boxes in between, top to top
        x1, y1 = parent[0] + NODE_W * 3 // 4, parent[1]
        x2, y2 = child[0] + NODE_W // 4, child[1] - 4
        top = min(y1, y2) - ARC
        return f"M{x1},{y1} C{x1},{top} {x2},{top} {x2},{y2}"
    mid = (x1 + x2) // 2
    return f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2 - 4},{y2}"


def family_colours(story: Json) -> dict[str, str]:
    """One colour per family, so a reader sees at once which articles count as one source."""
    colours = {}
    for i, family in enumerate(story["families"]):
        for article_id in family["article_ids"]:
            colours[article_id] = FAMILY_COLOURS[i % (len(FAMILY_COLOURS) - 1)]
    return colours


OPAQUE_ID = re.compile(r"^[a-z]+[-:](?:[0-9a-f]{8,}|\d+)$")  # "person-3fa9c0d2", "city:2267057"


def readable_normalized(value: str | None) -> bool:
    """A normalised value worth showing: "2031-03-13" is, a key such as "city:2267057" is not."""
    return bool(value) and not OPAQUE_ID.match(value or "")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- counts


def report_counts(report: Json) -> dict[str, int]:
    stories = report["stories"]
    return {
        "articles": len(report["articles"]),
        "stories": len(stories),
        "families": sum(len(s["families"]) for s in stories),
        "conflicts": sum(len(s["conflicts"]) for s in stories),
        "errors": sum(1 for e in report["errors"] if e["severity"] == "error"),
        "warnings": sum(1 for e in report["errors"] if e["severity"] != "error"),
        "off_topic": len(report["off_topic"]),
    }


def family_of(story: Json) -> dict[str, str]:
    return {a: f["id"] for f in story["families"] for a in f["article_ids"]}


def grouped_claims(story: Json) -> dict[str, list[Json]]:
    """Claims by status in reading order: what conflicts, what is corroborated, what is not."""
    groups: dict[str, list[Json]] = {"conflicting": [], "corroborated": [], "single-source": []}
    for claim in story["claims"]:
        groups.setdefault(claim["status"], []).append(claim)
    return {k: v for k, v in groups.items() if v}


def grouped_quotes(story: Json) -> dict[str, list[Json]]:
    groups: dict[str, list[Json]] = {"variant": [], "verbatim": [], "single-source": []}
    for quote in story["quotes"]:
        groups.setdefault(quote["status"], []).append(quote)
    return {k: v for k, v in groups.items() if v}


def paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraph_bounds(text)]


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Offsets of each non-blank line, stripped: the paragraphs of extracted text."""
    bounds = []
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group().strip()
        if stripped:
            start = line.start() + line.group().index(stripped)
            bounds.append((start, start + len(stripped)))
    return bounds


# --------------------------------------------------------------------------- article bodies


def anchor(value: str, prefix: str = "a") -> str:
    """An HTML id safe for any article id; a short hash keeps distinct ids distinct."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-")[:60]
    if slug != value:
        slug += "-" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:6]
    return f"{prefix}-{slug}"


def conflict_anchor(story: Json, conflict: Json) -> str:
    return anchor(f"{story['id']}/{conflict['id']}", "c")


def flag_anchor(story: Json, flag: Json) -> str:
    return anchor(f"{story['id']}/{flag['id']}", "f")


def evidence_marks(report: Json) -> dict[str, list[Mark]]:
    """Per article, the spans that conflicts and flags cite, linked back to the finding."""
    marks: dict[str, list[Mark]] = {}
    for story in report["stories"]:
        for conflict in story["conflicts"]:
            target = conflict_anchor(story, conflict)
            label = f"{conflict['kind']} conflict: {conflict['subject']}"
            for value in conflict["values"]:
                for span in value["evidence"]:
                    mark = Mark(span["start"], span["end"], "conflict", "", target, label)
                    marks.setdefault(span["article"], []).append(mark)
        for flag in story["flags"]:
            target = flag_anchor(story, flag)
            for span in flag["evidence"]:
                mark = Mark(span["start"], span["end"], "flag", "", target, flag["explanation"])
                marks.setdefault(span["article"], []).append(mark)
    return marks


def body_paragraphs(text: str, marks: list[Mark]) -> list[list[Segment]]:
    """The article's paragraphs with cited spans marked, so a reader sees them in place."""
    result = []
    for bounds in paragraph_bounds(text):
        inside = [m for m in marks if bounds[0] <= m.start and m.end <= bounds[1]]
        result.append(segments(text, bounds, inside))
    return result
