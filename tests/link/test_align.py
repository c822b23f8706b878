"""Sentence alignment on small fictional pairs: copy, edit, paraphrase, split, reordering."""

from __future__ import annotations

import numpy as np

from storylens.link.align import align_pair, build_views, monotonic_pairs

from .builders import BRIDGE, BRIDGE_PARAPHRASE, CHESS, article, paragraphs


def aligned(text_a: str, text_b: str):
    views = build_views([article("a", text_a), article("b", text_b)])
    return views, align_pair(views[0], views[1])


def test_copy_aligns_every_sentence_one_to_one_as_copy() -> None:
    views, groups = aligned(BRIDGE, BRIDGE)
    assert [(g.a, g.b) for g in groups] == [((i,), (i,)) for i in range(views[0].size)]
    assert {g.kind for g in groups} == {"copy"}


def test_local_edit_is_an_edit_not_a_copy() -> None:
    edited = BRIDGE.replace("on Tuesday evening", "on Monday evening")
    _, groups = aligned(BRIDGE, edited)
    assert groups[0].kind == "edit"
    assert {g.kind for g in groups[1:]} == {"copy"}


def test_paraphrase_aligns_in_order_as_paraphrase() -> None:
    views, groups = aligned(BRIDGE, BRIDGE_PARAPHRASE)
    one_to_one = [(g.a[0], g.b[0]) for g in groups if len(g.a) == len(g.b) == 1]
    assert len(one_to_one) >= views[0].size - 2
    assert all(i == j for i, j in one_to_one)
    assert all(g.kind != "copy" for g in groups)
    assert sum(g.kind == "paraphrase" for g in groups) >= len(groups) // 2


def test_split_sentence_aligns_one_to_two() -> None:
    whole = "after 2015, and investigators seized documents"
    split = "after 2015. Investigators also seized documents"
    views, groups = aligned(BRIDGE, BRIDGE.replace(whole, split))
    assert views[1].size == views[0].size + 1
    split_groups = [g for g in groups if len(g.b) == 2]
    assert len(split_groups) == 1
    assert split_groups[0].a == (6,) and split_groups[0].b == (6, 7)


def test_moved_paragraph_still_aligns_every_sentence() -> None:
    parts = paragraphs(BRIDGE)
    moved = "\n".join([parts[0], parts[2], parts[1], parts[3]])
    views, groups = aligned(BRIDGE, moved)
    assert sorted(i for g in groups for i in g.a) == list(range(views[0].size))
    assert any(not g.monotonic for g in groups)  # the moved pair is off the diagonal


def test_unrelated_articles_align_nothing() -> None:
    _, groups = aligned(BRIDGE, CHESS)
    assert groups == []


def test_monotonic_pairs_prefers_order_over_one_strong_crossing_pair() -> None:
    score = np.array([[0.9, 0.0, 0.0], [0.0, 0.8, 0.95], [0.0, 0.0, 0.8]], dtype=np.float32)
    assert monotonic_pairs(score, threshold=0.7) == [(0, 0), (1, 1), (2, 2)]
