"""Sentence alignment between two articles: which sentences say the same thing.

Rewrites keep the order of their parent, so the backbone is a monotonic alignment found by
dynamic programming over a similarity matrix (embedding cosine and character-level ratio);
sentences moved out of order are added afterwards only when they match strongly, and split or
merged sentences are found by trying to join neighbours of an aligned pair.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from storylens.link.text import quoted_spans, sentence_spans, without_spans, words
from storylens.model import AnnotatedArticle, SentenceAlignment

MATCH = 0.72  # a pair below this is not the same sentence (MiniLM cosine of unrelated
# sentences on one topic reaches ~0.65; paraphrases sit at 0.75-0.95)
MOVED = 0.82  # out-of-order pairs need more: chance matches are likelier off the diagonal
JOIN_GAIN = 0.02  # a join must beat the single sentence by this much
COPY_RATIO = 1.0  # only identical words are a copy; one changed word makes an edit
EDIT_RATIO = 0.72  # character ratio of sentences with local changes
GAP_MATCH = 0.62  # between two aligned neighbours, order vouches for a weaker match
MAX_GAP = 6  # sentences between monotonic anchors worth searching for splits and merges


@dataclass(frozen=True)
class ArticleView:
    """What alignment needs of one article, computed once per story."""

    id: str
    spans: tuple[tuple[int, int], ...]
    texts: tuple[str, ...]
    norms: tuple[str, ...]  # casefolded, whitespace-collapsed text for character ratios
    keys: tuple[str, ...]  # the words alone: equal keys mean a verbatim copy
    vectors: np.ndarray  # (sentences, dim), unit rows
    paragraphs: tuple[int, ...]  # paragraph index of each sentence
    weights: tuple[int, ...]  # words outside quotation marks: quotes are not the writer's text
    word_counts: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.spans)

    @property
    def total_weight(self) -> int:
        return sum(self.weights)


@dataclass(frozen=True)
class Group:
    """Aligned sentence indices of article a and b (contiguous, one side a single sentence)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    ratio: float  # character-level similarity: edit / paraphrase
    monotonic: bool
    same_words: bool = False  # identical word sequences: a copy

    @property
    def kind(self) -> str:
        return alignment_kind(self.ratio, self.same_words)


def alignment_kind(ratio: float, same_words: bool = False) -> str:
    """copy: the same words; edit: local changes; paraphrase: reworded."""
    if same_words or ratio >= COPY_RATIO:
        return "copy"
    if ratio >= EDIT_RATIO:
        return "edit"
    return "paraphrase"


def _same_words(
    a: ArticleView, a_idx: tuple[int, ...], b: ArticleView, b_idx: tuple[int, ...]
) -> bool:
    return " ".join(a.keys[i] for i in a_idx) == " ".join(b.keys[j] for j in b_idx)


def normalise(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").replace("“", '"').replace("”", '"').split())


def build_views(articles: Sequence[AnnotatedArticle]) -> list[ArticleView]:
    """Views of every article, embedding all sentences of the story in one batched call."""
    from storylens.link.embeddings import DIMENSION, embed_texts

    spans_per_article = [sentence_spans(article) for article in articles]
    all_texts = [
        article.article.text[start:end]
        for article, spans in zip(articles, spans_per_article, strict=True)
        for start, end in spans
    ]
    vectors = embed_texts(all_texts) if all_texts else np.zeros((0, DIMENSION), np.float32)
    views: list[ArticleView] = []
    cursor = 0
    for article, spans in zip(articles, spans_per_article, strict=True):
        texts = tuple(article.article.text[s:e] for s, e in spans)
        views.append(
            ArticleView(
                id=article.id,
                spans=tuple(spans),
                texts=texts,
                norms=tuple(normalise(t) for t in texts),
                keys=tuple(" ".join(words(t)) for t in texts),
                vectors=vectors[cursor : cursor + len(spans)],
                paragraphs=_paragraph_indices(article.article.text, spans),
                weights=tuple(_own_words(article, s, e) for s, e in spans),
                word_counts=tuple(len(words(t)) for t in texts),
            )
        )
        cursor += len(spans)
    return views


def _paragraph_indices(text: str, spans: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    return tuple(bisect.bisect_right(breaks, start) for start, _ in spans)


def _own_words(article: AnnotatedArticle, start: int, end: int) -> int:
    """Words of the sentence outside direct quotes (annotated quotes, else quote marks)."""
    text = article.article.text[start:end]
    quotes = [
        (q.start - start, q.end - start)
        for q in article.quotes
        if q.kind == "direct" and q.start < end and q.end > start
    ] or quoted_spans(text)
    return len(words(without_spans(text, quotes)))


def similarity_matrices(a: ArticleView, b: ArticleView) -> tuple[np.ndarray, np.ndarray]:
    """(score, ratio): score = max(cosine, character ratio); ratio types the alignment."""
    from rapidfuzz import fuzz, process

    if a.size == 0 or b.size == 0:
        empty = np.zeros((a.size, b.size), dtype=np.float32)
        return empty, empty
    cosine = a.vectors @ b.vectors.T
    ratio = process.cdist(a.norms, b.norms, scorer=fuzz.ratio, dtype=np.uint8) / 100.0
    return np.maximum(cosine, ratio).astype(np.float32), ratio.astype(np.float32)


def monotonic_pairs(score: np.ndarray, threshold: float = MATCH) -> list[tuple[int, int]]:
    """The order-keeping set of pairs with the largest total margin over the threshold.

    Row by row: best[i][j] = max(best[i-1][j-1] + gain, best[i-1][j], best[i][j-1]); the last
    term is a running maximum along the row, so each row is two numpy operations.
    """
    n, m = score.shape
    gain = np.where(score >= threshold, score - threshold + 0.05, -np.inf)
    best = np.zeros((n + 1, m + 1), dtype=np.float64)
    for i in range(1, n + 1):
        diagonal = best[i - 1, :-1] + gain[i - 1]
        row = np.maximum(diagonal, best[i - 1, 1:])
        best[i, 1:] = np.maximum.accumulate(row)
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        if best[i, j] == best[i, j - 1]:
            j -= 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    pairs.reverse()
    return pairs


def fill_gaps(score: np.ndarray, backbone: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Align a single sentence enclosed by aligned neighbours on both sides at a lower
    threshold: a reworded sentence between two matched ones is most likely the rewording of
    its counterpart. Wider gaps are left alone (independent reports share topics, not order)."""
    filled = list(backbone)
    for (i0, j0), (i1, j1) in itertools.pairwise(backbone):
        if i1 - i0 == 2 and j1 - j0 == 2 and score[i0 + 1, j0 + 1] >= GAP_MATCH:
            filled.append((i0 + 1, j0 + 1))
    return sorted(filled)


def moved_pairs(
    score: np.ndarray, taken_a: set[int], taken_b: set[int], threshold: float = MOVED
) -> list[tuple[int, int]]:
    """Strong one-to-one matches among sentences the monotonic pass left out (reordering)."""
    candidates = [
        (float(score[i, j]), i, j)
        for i, j in zip(*np.nonzero(score >= threshold), strict=True)
        if i not in taken_a and j not in taken_b
    ]
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in taken_a and j not in taken_b:
            pairs.append((int(i), int(j)))
            taken_a.add(int(i))
            taken_b.add(int(j))
    return pairs


def _joined_similarity(
    a: ArticleView, a_idx: tuple[int, ...], b: ArticleView, b_idx: tuple[int, ...]
) -> tuple[float, float]:
    """(score, ratio) of joined sentences; the joined vector is the length-weighted mean."""
    from rapidfuzz import fuzz

    def joined(view: ArticleView, idx: tuple[int, ...]) -> tuple[str, np.ndarray]:
        text = " ".join(view.norms[k] for k in idx)
        weights = np.array([max(view.word_counts[k], 1) for k in idx], dtype=np.float32)
        vector = (view.vectors[list(idx)] * weights[:, None]).sum(axis=0)
        return text, vector / max(float(np.linalg.norm(vector)), 1e-9)

    text_a, vec_a = joined(a, a_idx)
    text_b, vec_b = joined(b, b_idx)
    ratio = fuzz.ratio(text_a, text_b) / 100.0
    return max(float(vec_a @ vec_b), ratio), ratio


def _try_joins(
    a: ArticleView, b: ArticleView, groups: list[Group], taken_a: set[int], taken_b: set[int]
) -> list[Group]:
    """Grow one-to-one groups into one-to-two where a neighbour was split off or merged in."""
    grown: list[Group] = []
    for group in groups:
        best = group
        for side in ("a", "b"):
            idx = best.a if side == "a" else best.b
            taken = taken_a if side == "a" else taken_b
            size = a.size if side == "a" else b.size
            for neighbour in (min(idx) - 1, max(idx) + 1):
                if neighbour < 0 or neighbour >= size or neighbour in taken or len(idx) > 1:
                    continue
                other = best.b if side == "a" else best.a
                if len(other) > 1:
                    continue
                joined_idx = tuple(sorted((*idx, neighbour)))
                a_idx, b_idx = (joined_idx, other) if side == "a" else (other, joined_idx)
                score, ratio = _joined_similarity(a, a_idx, b, b_idx)
                if score >= max(best.score + JOIN_GAIN, MATCH):
                    best = Group(a_idx, b_idx, score, ratio, group.monotonic)
                    taken.add(neighbour)
                    break
        grown.append(best)
    return grown


def _gap_joins(
    a: ArticleView,
    b: ArticleView,
    backbone: list[tuple[int, int]],
    taken_a: set[int],
    taken_b: set[int],
) -> list[Group]:
    """One free sentence against two consecutive free sentences of the other side, inside the
    gap between monotonic anchors (a split whose halves were each too unlike the whole)."""
    found: list[Group] = []
    anchors = [(-1, -1), *backbone, (a.size, b.size)]
    for (i0, j0), (i1, j1) in itertools.pairwise(anchors):
        free_a = [i for i in range(i0 + 1, i1) if i not in taken_a]
        free_b = [j for j in range(j0 + 1, j1) if j not in taken_b]
        if not free_a or not free_b or len(free_a) > MAX_GAP or len(free_b) > MAX_GAP:
            continue  # a wide gap is text one side lacks, not a split sentence
        found += _joins_in_gap(a, b, free_a, free_b, taken_a, taken_b, split_b=True)
        found += _joins_in_gap(a, b, free_a, free_b, taken_a, taken_b, split_b=False)
    return found


def _joins_in_gap(
    a: ArticleView,
    b: ArticleView,
    free_a: list[int],
    free_b: list[int],
    taken_a: set[int],
    taken_b: set[int],
    split_b: bool,
) -> list[Group]:
    singles, pairs_side = (free_a, free_b) if split_b else (free_b, free_a)
    taken_single, taken_pair = (taken_a, taken_b) if split_b else (taken_b, taken_a)
    found: list[Group] = []
    for k in singles:
        for first in pairs_side:
            second = first + 1
            if k in taken_single or second not in pairs_side:
                continue
            if first in taken_pair or second in taken_pair:
                continue
            a_idx, b_idx = ((k,), (first, second)) if split_b else ((first, second), (k,))
            score, ratio = _joined_similarity(a, a_idx, b, b_idx)
            if score >= MOVED:
                found.append(Group(a_idx, b_idx, score, ratio, True))
                taken_single.add(k)
                taken_pair.update((first, second))
    return found


def align_pair(a: ArticleView, b: ArticleView) -> list[Group]:
    """All aligned groups of two articles, in the order of article a."""
    score, ratio = similarity_matrices(a, b)
    if score.size == 0:
        return []
    backbone = fill_gaps(score, monotonic_pairs(score))
    taken_a = {i for i, _ in backbone}
    taken_b = {j for _, j in backbone}
    moved = moved_pairs(score, taken_a, taken_b)
    groups = [
        Group((i,), (j,), float(score[i, j]), float(ratio[i, j]), k < len(backbone))
        for k, (i, j) in enumerate([*backbone, *moved])
    ]
    groups = _try_joins(a, b, groups, taken_a, taken_b)
    groups += _gap_joins(a, b, backbone, taken_a, taken_b)
    groups = [replace(g, same_words=_same_words(a, g.a, b, g.b)) for g in groups]
    return sorted(groups, key=lambda g: (g.a, g.b))


def to_records(a: ArticleView, b: ArticleView, groups: Sequence[Group]) -> list[SentenceAlignment]:
    return [
        SentenceAlignment(
            article_a=a.id,
            sentences_a=g.a,
            article_b=b.id,
            sentences_b=g.b,
            score=round(g.score, 4),
            kind=g.kind,
        )
        for g in groups
    ]
