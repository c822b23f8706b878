"""link_story: alignments, derivation edges and families of one story.

Big stories are not aligned all-against-all: candidate article pairs come from MinHash LSH over
word 3-shingles (copies and edits) and from nearest neighbours of document embeddings
(paraphrases share meaning, not shingles); only those pairs are aligned sentence by sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storylens.link.align import ArticleView, align_pair, build_views, to_records
from storylens.link.derive import (
    PairEvidence,
    derive_pair,
    document_vectors,
    is_linked,
    lexical_pairs,
    pair_evidence,
    strong_sentence_links,
)
from storylens.link.families import build_families
from storylens.link.text import words
from storylens.model import Derivation, LinkedStory, SentenceAlignment, Story

ALL_PAIRS_UP_TO = 60  # articles; beyond this, candidate pairs only
NEIGHBOURS = 12  # document-embedding neighbours per article
NEIGHBOUR_MIN = 0.55  # cosine of document vectors below which two articles are not candidates
LSH_THRESHOLD = 0.3
LSH_PERMUTATIONS = 64


def candidate_pairs(views: Sequence[ArticleView]) -> list[tuple[int, int]]:
    """Index pairs (i < j) worth aligning."""
    n = len(views)
    if n <= ALL_PAIRS_UP_TO:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    pairs = _embedding_neighbours(views) | _lsh_pairs(views)
    return sorted(pairs)


def _embedding_neighbours(views: Sequence[ArticleView]) -> set[tuple[int, int]]:
    vectors = document_vectors(views)
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -1.0)
    k = min(NEIGHBOURS, len(views) - 1)
    nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    pairs: set[tuple[int, int]] = set()
    for i, row in enumerate(nearest):
        for j in row:
            if similarity[i, j] >= NEIGHBOUR_MIN:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return pairs


def _lsh_pairs(views: Sequence[ArticleView]) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=LSH_PERMUTATIONS)
    hashes: list[MinHash] = []
    for index, view in enumerate(views):
        tokens = words(" ".join(view.texts))
        shingles = {" ".join(tokens[k : k + 3]).encode() for k in range(max(len(tokens) - 2, 0))}
        minhash = MinHash(num_perm=LSH_PERMUTATIONS, seed=1)
        minhash.update_batch(sorted(shingles))
        hashes.append(minhash)
        lsh.insert(str(index), minhash)
    pairs: set[tuple[int, int]] = set()
    for index, minhash in enumerate(hashes):
        for other in lsh.query(minhash):
            j = int(other)
            if j != index:
                pairs.add((min(index, j), max(index, j)))
    return pairs


def link_story(story: Story) -> LinkedStory:
    """Align the story's articles, derive who copied whom, and group them into families."""
    articles = sorted(story.articles, key=lambda a: a.id)
    views = build_views(articles)
    evidences: list[PairEvidence] = []
    alignments: list[SentenceAlignment] = []
    for i, j in candidate_pairs(views):
        groups = align_pair(views[i], views[j])
        if not groups:
            continue
        evidences.append(pair_evidence(views[i], views[j], i, j, groups))
        alignments += to_records(views[i], views[j], groups)
    linked = [ev for ev in evidences if is_linked(ev)]
    related = lexical_pairs(evidences)
    strong = strong_sentence_links(evidences)
    derivations: list[Derivation] = [
        derive_pair(ev, articles, views, strong, related) for ev in linked
    ]
    derivations.sort(key=lambda d: (d.parent, d.child))
    families = build_families([a.id for a in articles], derivations)
    return LinkedStory(
        story=story,
        alignments=tuple(alignments),
        derivations=tuple(derivations),
        families=tuple(families),
    )
